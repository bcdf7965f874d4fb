// One visit per page checks what every page promises: 200, one h1, title, description, lang, skip
// link, canonical and preview tags, a strict CSP with no violation, unique ids, no sideways scroll at
// 320 px, axe (WCAG 2.2 AA rules) clean in the light and the dark scheme after hydration (touch
// targets at 412 px too), and no
// request to any other origin.
import AxeBuilder from '@axe-core/playwright';
import { test, expect } from './fixtures.ts';
import type { Page } from '@playwright/test';
import { allPages } from '../helpers/site.ts';

const tags = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];
const pages = allPages();
// Batches of at most 8 pages, so the two workers share the load and each batch fits its timeout
// however many client pages there are.
const BATCHES = Math.max(6, Math.ceil(pages.length / 8));
const batches = Array.from({ length: BATCHES }, (_, i) => pages.filter((_, j) => j % BATCHES === i));

async function axe(page: Page, label: string) {
  const { violations } = await new AxeBuilder({ page }).withTags(tags).analyze();
  return violations.map((v) => `${label}: ${v.id} (${v.nodes.length}) ${v.nodes[0]?.target.join(' ')}`);
}

for (const [i, batch] of batches.entries()) {
  test(`every page, batch ${i + 1} of ${BATCHES}: structure, preview tags, CSP, 320 px, axe light and dark`, async ({
    page,
    baseURL,
  }) => {
    test.setTimeout(120_000);
    await page.setViewportSize({ width: 320, height: 640 });
    const problems: string[] = [];
    const requests: string[] = [];
    page.on('request', (r) => requests.push(r.url()));
    for (const path of batch) {
      await page.emulateMedia({ colorScheme: 'light' });
      const response = await page.goto(path);
      expect(response?.status(), path).toBe(200);
      if (await page.locator('#checker').count())
        await expect(page.locator('#checker[data-prepared="true"]'), path).toBeAttached();

      await expect(page.locator('h1'), path).toHaveCount(1);
      await expect(page.locator('html'), path).toHaveAttribute('lang', 'en');
      expect((await page.title()).length, path).toBeGreaterThan(10);
      await expect(page.locator('meta[name="description"]'), path).toHaveAttribute('content', /.{20,}/);
      await expect(page.locator('a.skip'), path).toHaveAttribute('href', '#main');

      const canonical = await page.locator('link[rel="canonical"]').getAttribute('href');
      expect(new URL(canonical!).pathname, path).toBe(path);
      const meta = (sel: string) => page.locator(sel).getAttribute('content');
      expect(await meta('meta[property="og:url"]'), path).toBe(canonical);
      expect(await page.title(), path).toContain((await meta('meta[property="og:title"]')) ?? '\u0000');
      expect(await meta('meta[property="og:description"]'), path).toBe(await meta('meta[name="description"]'));
      expect(await meta('meta[property="og:site_name"]'), path).toBeTruthy();
      expect(await meta('meta[property="og:type"]'), path).toMatch(/^(website|article)$/);
      expect(await meta('meta[name="twitter:card"]'), path).toBe('summary_large_image');
      const image = new URL((await meta('meta[property="og:image"]')) ?? '', canonical!);
      expect(image.origin, `${path}: og:image is absolute, on the site`).toBe(new URL(canonical!).origin);
      expect(await meta('meta[property="og:image:width"]'), path).toBe('1200');
      expect(await meta('meta[property="og:image:height"]'), path).toBe('630');
      expect(await meta('meta[property="og:image:alt"]'), path).toMatch(/.{10,}/);

      const csp = await meta('meta[http-equiv="content-security-policy"]');
      expect(csp, path).toMatch(/script-src 'self'( 'wasm-unsafe-eval')?( 'sha256-[A-Za-z0-9+/=]+')+;/);
      expect(csp, path).not.toContain('unsafe-inline');
      expect(csp, path).toContain("default-src 'self'");
      expect(await page.evaluate(() => window.__cspViolations ?? []), path).toEqual([]);

      const facts = await page.evaluate(() => {
        const seen = new Set<string>();
        const dupes = [...document.querySelectorAll('[id]')]
          .map((el) => el.id)
          .filter((id) => seen.has(id) || !seen.add(id));
        return {
          dupes,
          overflow: document.documentElement.scrollWidth - document.documentElement.clientWidth,
          text: document.body.innerText,
        };
      });
      expect(facts.dupes, `${path}: duplicate ids`).toEqual([]);
      expect(facts.overflow, `${path} scrolls sideways at 320 px`).toBeLessThanOrEqual(0);
      expect(facts.text, path).not.toMatch(/undefined|\[object Object\]|NaN/);

      problems.push(...(await axe(page, `${path} light`)));
      await page.emulateMedia({ colorScheme: 'dark' });
      problems.push(...(await axe(page, `${path} dark`)));
      // Touch targets at a common phone width, where one-line links sit closest (at 320 px they wrap
      // and grow): the width Lighthouse's mobile run uses.
      await page.setViewportSize({ width: 412, height: 823 });
      const targets = await new AxeBuilder({ page }).withRules(['target-size']).analyze();
      problems.push(...targets.violations.map((v) => `${path} 412 px: ${v.id} ${v.nodes[0]?.target.join(' ')}`));
      await page.setViewportSize({ width: 320, height: 640 });
    }
    expect(problems).toEqual([]);
    // Privacy: everything these pages loaded came from this origin.
    expect(requests.length).toBeGreaterThan(batch.length);
    expect(requests.filter((u) => !u.startsWith(`${baseURL}/`))).toEqual([]);
  });
}
