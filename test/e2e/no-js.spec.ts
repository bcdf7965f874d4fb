// Every page is complete as HTML: with JavaScript off, the settings are all there as text.
import { test, expect } from './fixtures.ts';
import { loadSettings } from '../helpers/settings.ts';
import { allPages } from '../helpers/site.ts';

const s = loadSettings();
test.use({ javaScriptEnabled: false });

test('without JavaScript the home page shows every setting and no dead buttons', async ({ page }) => {
  await page.goto('/');
  const main = page.locator('main');
  for (const v of [
    s.smtp.server.value,
    String(s.smtp.port.value),
    s.smtp.security.value,
    s.imap.server.value,
    String(s.imap.port.value),
    s.imap.security.value,
  ]) {
    await expect(main.getByText(v, { exact: true }).first()).toBeVisible();
  }
  // The only button may be a form's submit button (the header's search), which works without JavaScript.
  const dead = await page
    .getByRole('button')
    .evaluateAll(
      (buttons) => buttons.filter((b) => !(b.closest('form[action]') && b.getAttribute('type') === 'submit')).length,
    );
  expect(dead, 'buttons that do nothing without JavaScript').toBe(0);
});

test('without JavaScript the SMTP and IMAP tables are complete', async ({ page }) => {
  for (const side of ['smtp', 'imap'] as const) {
    await page.goto(`/${side}/`);
    for (const v of [s[side].server.value, String(s[side].port.value), s[side].security.value]) {
      await expect(page.getByRole('table').getByText(v, { exact: true })).toBeVisible();
    }
  }
});

test('without JavaScript every page still renders its main content', async ({ page }) => {
  // One visit per page: the time allowed grows with the site (2 s a page on a busy machine).
  const pages = allPages();
  test.setTimeout(Math.max(30_000, pages.length * 2_000));
  for (const path of pages) {
    await page.goto(path);
    await expect(page.locator('h1')).toBeVisible();
    expect((await page.locator('main').innerText()).length).toBeGreaterThan(100);
  }
});
