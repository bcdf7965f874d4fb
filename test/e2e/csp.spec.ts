// The checker in use causes no CSP violation. (The policy on every page is checked in
// every-page.spec.ts, and the fixture fails any test on a violation.)
import { test, expect } from './fixtures.ts';

test('the checker runs under the CSP: typing, choosing a client and copying cause no violation', async ({
  page,
  context,
}) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await page.goto('/');
  await expect(page.locator('#checker[data-prepared="true"]')).toBeAttached();
  await page.getByLabel('Your iCloud Mail email address').fill('emily');
  await page.getByLabel('Your email app or client').selectOption('nodemailer');
  await expect(page.locator('#chk-instr-title')).toContainText('Nodemailer');
  await page.locator('#checker .snippet').getByRole('button').click();
  await expect(page.locator('#checker [role="status"] li').first()).toBeVisible();
  expect(await page.evaluate(() => window.__cspViolations ?? [])).toEqual([]);
});
