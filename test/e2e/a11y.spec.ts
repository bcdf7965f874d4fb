// axe (WCAG 2.2 AA rules) finds nothing on any page, in the light and the dark scheme.
import AxeBuilder from '@axe-core/playwright';
import { test, expect } from './fixtures.ts';
import { allPages } from '../helpers/site.ts';

const tags = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

for (const scheme of ['light', 'dark'] as const) {
  test(`axe finds no violations on any page (${scheme})`, async ({ page }) => {
    test.setTimeout(120_000);
    await page.emulateMedia({ colorScheme: scheme });
    for (const path of allPages()) {
      await page.goto(path);
      const { violations } = await new AxeBuilder({ page }).withTags(tags).analyze();
      const summary = violations.map((v) => `${path}: ${v.id} (${v.nodes.length}) ${v.nodes[0]?.target.join(' ')}`);
      expect(summary).toEqual([]);
    }
  });
}

test('axe finds nothing in the checker after hydration, with findings shown (light and dark)', async ({ page }) => {
  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    await page.goto('/');
    await expect(page.locator('#checker[data-ready="true"]')).toBeAttached();
    await page.getByLabel('Your iCloud Mail email address').fill('emily');
    await page.getByLabel('Outgoing port').fill('465');
    await expect(page.locator('#checker [role="status"] li')).toHaveCount(2);
    const { violations } = await new AxeBuilder({ page }).withTags(tags).analyze();
    expect(violations.map((v) => `${scheme}: ${v.id} ${v.nodes[0]?.target.join(' ')}`)).toEqual([]);
  }
});
