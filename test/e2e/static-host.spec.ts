// dist/ served as a static host serves it, with dist/_headers applied (test/perf/serve.ts --headers):
// the header CSP (frame-ancestors, Trusted Types) on top of each page's <meta> policy must block
// nothing the site does. Every page loads without a CSP violation or console error (the fixtures fail
// the test on either), and the interactive parts run: typing in the checker, switching clients,
// downloading a profile, copying, searching.
import { test, expect } from './fixtures.ts';
import { allPages } from '../helpers/site.ts';

test('every page loads under the static host headers with no violation', async ({ page }) => {
  test.setTimeout(120_000);
  for (const path of allPages()) {
    const response = await page.goto(path);
    expect(response?.status(), path).toBe(200);
    const headers = response!.headers();
    expect(headers['content-security-policy'], path).toContain("require-trusted-types-for 'script'");
    expect(headers['x-frame-options'], path).toBe('DENY');
    expect(headers['cache-control'], path).toBe('public, max-age=0, must-revalidate');
    expect(await page.evaluate(() => window.__cspViolations ?? []), path).toEqual([]);
  }
});

test('the checker, a client switch, the profile download and copying work under the headers', async ({
  page,
  context,
}) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await page.goto('/');
  await expect(page.locator('#checker[data-prepared="true"]')).toBeAttached();
  await page.getByLabel('Your iCloud Mail email address').fill('someone@icloud.com');
  await page.getByLabel('Outgoing port').fill('2525');
  await expect(page.locator('#checker [role="status"]')).toContainText('Port, problem');
  const chooser = page.getByLabel('Your email app or client');
  const other = await chooser.locator('option').nth(3).getAttribute('value');
  await chooser.selectOption(other);
  await expect(page.locator('#chk-instr-title')).toContainText('someone@icloud.com');
  // The profile is offered for Apple's Mail apps only: switch to one that is not the first client.
  await chooser.selectOption('ios-mail');
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: /Download profile for/ }).click();
  expect((await download).suggestedFilename()).toMatch(/\.mobileconfig$/);
  await page.locator('#checker button.copy').first().click();
  expect(await page.evaluate(() => navigator.clipboard.readText())).not.toBe('');
  expect(await page.evaluate(() => window.__cspViolations ?? [])).toEqual([]);
});

test('search works under the headers (WebAssembly allowed on its page only)', async ({ page }) => {
  await page.goto('/search/');
  await page.getByLabel('Search the settings, apps, errors and answers').fill('IMAP');
  await expect(page.locator('#search-results > li').first()).toBeVisible();
  expect(await page.evaluate(() => window.__cspViolations ?? [])).toEqual([]);
});

test('assets are cached for good, the profile has its type', async ({ request, page }) => {
  await page.goto('/');
  const script = await page.locator('script[src*="/_astro/"]').first().getAttribute('src');
  const asset = await request.get(script!);
  expect(asset.headers()['cache-control']).toBe('public, max-age=31536000, immutable');
  const profile = await request.get('/icloud-mail.mobileconfig');
  expect(profile.headers()['content-type']).toBe('application/x-apple-aspen-config');
});
