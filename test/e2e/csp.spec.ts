// The Content-Security-Policy is strict (no 'unsafe-inline' for scripts) and nothing on any page,
// including the checker in use, violates it. (The fixture fails any test on a violation.)
import { test, expect } from './fixtures.ts';
import { allPages } from '../helpers/site.ts';

test('every page has a strict CSP and loads without a violation', async ({ page }) => {
  test.setTimeout(90_000);
  for (const path of allPages()) {
    await page.goto(path);
    const csp = await page.locator('meta[http-equiv="content-security-policy"]').getAttribute('content');
    expect(csp, path).toMatch(/script-src 'self'( 'sha256-[A-Za-z0-9+/=]+')+;/);
    expect(csp, path).not.toContain('unsafe-inline');
    expect(csp, path).toContain("default-src 'self'");
    const violations = await page.evaluate(() => window.__cspViolations ?? []);
    expect(violations, path).toEqual([]);
  }
});

test('the checker runs under the CSP: typing, choosing a client and copying cause no violation', async ({ page, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await page.goto('/');
  await expect(page.locator('#checker[data-ready="true"]')).toBeAttached();
  await page.getByLabel('Your iCloud Mail email address').fill('emily');
  await page.getByLabel('Your email app or client').selectOption('nodemailer');
  await expect(page.locator('#chk-instr-title')).toContainText('Nodemailer');
  await page.locator('#checker .snippet').getByRole('button').click();
  await expect(page.locator('#checker [role="status"] li').first()).toBeVisible();
  expect(await page.evaluate(() => window.__cspViolations ?? [])).toEqual([]);
});
