// Link previews and structured data: every page has its preview tags, and the FAQ's JSON-LD
// parses and says exactly what the page shows.
import { test, expect } from './fixtures.ts';
import type { Page } from '@playwright/test';
import { faqEntries } from '../helpers/site.ts';

async function meta(page: Page, selector: string) {
  return page.locator(selector).getAttribute('content');
}

test('a FAQ answer page previews as its question and short answer', async ({ page }) => {
  const entries = faqEntries();
  test.setTimeout(Math.max(30_000, entries.length * 2_000));
  for (const e of entries) {
    await page.goto(`/faq/${e.id}/`);
    expect(await meta(page, 'meta[property="og:title"]')).toBe(e.question);
    expect(await meta(page, 'meta[property="og:description"]')).toBe(e.short);
    expect(await meta(page, 'meta[property="og:type"]')).toBe('article');
  }
});

interface LdQuestion {
  '@type': string;
  name: string;
  acceptedAnswer: { '@type': string; text: string };
}

test('/faq/ carries no copy of the answers as JSON-LD: each /faq/<id>/ page has its own', async ({ page }) => {
  // A FAQPage block listing every answer would double the index's weight (see /faq/'s budget);
  // the structured data lives on the answer pages, checked below and in faq.spec.ts.
  await page.goto('/faq/');
  await expect(page.locator('script[type="application/ld+json"]')).toHaveCount(0);
  await expect(page.locator('article.faq-item')).toHaveCount(faqEntries().length);
});

test('/faq/<id>/ carries its single Question, matching the page', async ({ page }) => {
  for (const e of faqEntries().slice(0, 5)) {
    await page.goto(`/faq/${e.id}/`);
    const [block] = await page.locator('script[type="application/ld+json"]').allTextContents();
    const ld = JSON.parse(block!) as { mainEntity: LdQuestion[] };
    expect(ld.mainEntity).toHaveLength(1);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(ld.mainEntity[0]!.name);
    await expect(page.locator('main p.short')).toHaveText(ld.mainEntity[0]!.acceptedAnswer.text);
  }
});

test('robots.txt allows crawling and names the sitemap under the site URL', async ({ request }) => {
  const res = await request.get('/robots.txt');
  expect(res.status()).toBe(200);
  const text = await res.text();
  expect(text).toContain('User-agent: *');
  expect(text).toMatch(/^Sitemap: https?:\/\/[^\s]+\/sitemap-index\.xml$/m);
});

test('FAQ answers have a copy-link button and a share button used only where Web Share exists', async ({ page }) => {
  await page.addInitScript(() => {
    // Pretend the browser has the Web Share API and record what would be shared.
    (window as unknown as { __shared: unknown[] }).__shared = [];
    Object.defineProperty(navigator, 'share', {
      value: (data: unknown) => {
        (window as unknown as { __shared: unknown[] }).__shared.push(data);
        return Promise.resolve();
      },
    });
  });
  const first = faqEntries()[0]!;
  await page.goto('/faq/');
  await page.locator(`article:has([id="${first.id}"])`).getByRole('button', { name: 'Share' }).click();
  const shared = await page.evaluate(
    () => (window as unknown as { __shared: Array<{ url: string; title: string }> }).__shared,
  );
  expect(shared).toHaveLength(1);
  expect(shared[0]!.url).toMatch(new RegExp(`/faq/${first.id}/$`));
  expect(shared[0]!.title).toBe(first.question);
});

test('without the Web Share API the share button stays hidden and copy link remains', async ({ page }) => {
  await page.addInitScript(() => {
    Object.defineProperty(navigator, 'share', { value: undefined });
  });
  const first = faqEntries()[0]!;
  await page.goto('/faq/');
  const article = page.locator(`article:has([id="${first.id}"])`);
  await expect(article.getByRole('button', { name: 'Share' })).toBeHidden();
  await expect(article.getByRole('button', { name: 'Copy link' })).toBeVisible();
});
