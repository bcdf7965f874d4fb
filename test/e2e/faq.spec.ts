// Deep links are a promise: every FAQ id works at /faq/#id and at /faq/<id>/.
import { test, expect } from './fixtures.ts';
import { faqEntries } from '../helpers/site.ts';

const entries = faqEntries();

test('every /faq/#id scrolls its answer into view, heading not hidden', async ({ page }) => {
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

for (const e of entries) {
  test(`/faq/${e.id}/ has the question as title and the short answer as description`, async ({ page }) => {
    const response = await page.goto(`/faq/${e.id}/`);
    expect(response?.status()).toBe(200);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(e.question);
    expect(await page.title()).toContain(e.question);
    await expect(page.locator('meta[name="description"]')).toHaveAttribute('content', e.short);
    await expect(page.getByRole('link', { name: 'All questions' })).toHaveAttribute('href', `/faq/#${e.id}`);
  });
}
