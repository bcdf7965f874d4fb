// Deep links are a promise: every FAQ id works at /faq/#id and at /faq/<id>/. /faq/ lists every
// answer by topic with its question, short answer and a link to the page that has the full text.
import { test, expect } from './fixtures.ts';
import { faqEntries } from '../helpers/site.ts';
import { FAQ_TOPICS } from '../../src/vocabulary/faq-topics.ts';
import { formatDate } from '../../src/lib/text/format-date.ts';

const entries = faqEntries();

test('every /faq/#id scrolls its answer into view, heading not hidden', async ({ page }) => {
  test.setTimeout(Math.max(30_000, entries.length * 2_000));
  await page.setViewportSize({ width: 1280, height: 720 });
  for (const e of entries) {
    await page.goto(`/faq/#${e.id}`);
    const heading = page.locator(`[id="${e.id}"]`);
    await expect(heading).toHaveCount(1);
    await expect(heading).toHaveText(e.question);
    await expect(heading).toBeInViewport();
    // Nothing covers the heading: the element at its centre is the heading itself (or inside it).
    const box = await heading.boundingBox();
    expect(box).not.toBeNull();
    const onTop = await page.evaluate(
      ([x, y, id]) => {
        const el = document.elementFromPoint(x, y);
        return !!el && !!el.closest(`[id="${id}"]`);
      },
      [box!.x + 5, box!.y + box!.height / 2, e.id] as const,
    );
    expect(onTop, `heading #${e.id} is covered`).toBe(true);
    // A visible link to itself.
    await expect(page.locator(`a.anchor-link[href="#${e.id}"]`)).toBeVisible();
  }
});

for (const width of [320, 390, 1280]) {
  test(`a /faq/#id lands below a sticky header, thanks to scroll-margin (${width} px wide)`, async ({ page }) => {
    await page.setViewportSize({ width, height: 640 });
    // Make the site header sticky, as a future design might, and check the answer still clears it.
    await page.addInitScript(() => {
      document.addEventListener('DOMContentLoaded', () => {
        const header = document.querySelector<HTMLElement>('.site-header');
        if (header) Object.assign(header.style, { position: 'sticky', top: '0', zIndex: '5', background: 'Canvas' });
      });
    });
    const middle = entries[Math.floor(entries.length / 2)]!;
    await page.goto(`/faq/#${middle.id}`);
    const heading = page.locator(`[id="${middle.id}"]`);
    await expect(heading).toBeInViewport();
    const headerBottom = await page.locator('.site-header').evaluate((h) => h.getBoundingClientRect().bottom);
    const top = await heading.evaluate((h) => h.getBoundingClientRect().top);
    expect(top, 'the heading starts below the sticky header').toBeGreaterThanOrEqual(headerBottom);
    const margin = await heading.evaluate((h) => parseFloat(getComputedStyle(h).scrollMarginTop));
    expect(margin).toBeGreaterThanOrEqual(headerBottom);
  });
}

test('/faq/ groups every answer under its topic, with its short answer and a link to its page', async ({ page }) => {
  await page.goto('/faq/');
  const headings = await page.getByRole('main').getByRole('heading', { level: 2 }).allTextContents();
  const used = FAQ_TOPICS.filter((t) => entries.some((e) => e.topic === t.id));
  expect(headings.map((h) => h.trim())).toEqual(['Topics', ...used.map((t) => t.heading)]);
  for (const e of entries) {
    const section = page.locator('section').filter({
      has: page.getByRole('heading', {
        level: 2,
        name: FAQ_TOPICS.find((t) => t.id === e.topic)?.heading ?? e.topic,
        exact: true,
      }),
    });
    const article = section.locator('article.faq-item').filter({ has: page.locator(`h3[id="${e.id}"]`) });
    await expect(article).toHaveCount(1);
    await expect(article.locator('p.short')).toHaveText(e.short);
    await expect(article.getByRole('link', { name: 'Full answer and sources' })).toHaveAttribute(
      'href',
      `/faq/${e.id}/`,
    );
  }
  // The topic contents link to each group.
  for (const { id: topic, heading } of used) {
    await expect(page.getByRole('navigation', { name: 'Topics' }).getByRole('link', { name: heading })).toHaveAttribute(
      'href',
      `#topic-${topic}`,
    );
  }
});

for (const e of entries) {
  test(`/faq/${e.id}/ has the question as title, the short answer as description and its checked date`, async ({
    page,
  }) => {
    const response = await page.goto(`/faq/${e.id}/`);
    expect(response?.status()).toBe(200);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(e.question);
    expect(await page.title()).toContain(e.question);
    await expect(page.locator('meta[name="description"]')).toHaveAttribute('content', e.short);
    await expect(page.getByRole('link', { name: 'All questions' })).toHaveAttribute('href', `/faq/#${e.id}`);
    const [block] = await page.locator('script[type="application/ld+json"]').allTextContents();
    const ld = JSON.parse(block!) as {
      '@type': string;
      mainEntity: Array<{ name: string; acceptedAnswer: { text: string } }>;
    };
    expect(ld['@type']).toBe('FAQPage');
    expect(ld.mainEntity.map((q) => [q.name, q.acceptedAnswer.text])).toEqual([[e.question, e.short]]);
    const time = page.locator('main time');
    await expect(time).toHaveAttribute('datetime', e.checked);
    await expect(time).toHaveText(formatDate(e.checked));
  });
}
