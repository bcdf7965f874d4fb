// axe in the checker's busy state (findings shown). Every page in both schemes: every-page.spec.ts.
import AxeBuilder from '@axe-core/playwright';
import { test, expect } from './fixtures.ts';

const tags = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

test('axe finds nothing in the checker after hydration, with findings shown (light and dark)', async ({ page }) => {
  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    await page.goto('/');
    await expect(page.locator('#checker[data-prepared="true"]')).toBeAttached();
    await page.getByLabel('Your iCloud Mail email address').fill('emily');
    await page.getByLabel('Outgoing port').fill('465');
    await expect(page.locator('#checker [role="status"] li')).toHaveCount(2);
    const { violations } = await new AxeBuilder({ page }).withTags(tags).analyze();
    expect(violations.map((v) => `${scheme}: ${v.id} ${v.nodes[0]?.target.join(' ')}`)).toEqual([]);
  }
});
