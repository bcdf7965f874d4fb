// The private connection test page: complete without JavaScript (placeholder address), fills in the
// reader's address once hydrated, never sends it anywhere, copies commands, and is axe clean.
import AxeBuilder from '@axe-core/playwright';
import { test, expect } from './fixtures.ts';
import type { Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { loadSettings } from '../helpers/settings.ts';

const s = loadSettings();
const tags = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];
const field = (page: Page) => page.getByLabel('Your iCloud Mail address, to fill in the commands');
const authStep = (page: Page) => page.locator('pre[aria-labelledby="ct-linux-auth"]');
const ready = async (page: Page) => {
  await page.goto('/test-connection/');
  await expect(page.locator('#connection-test[data-ready="true"]')).toBeAttached();
};

test('without JavaScript: every step for every system, with the placeholder address and the servers', async ({
  browser,
}) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto('/test-connection/');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(/Test your iCloud Mail connection/);
  for (const name of ['macOS', 'Linux', 'Windows'])
    await expect(page.getByRole('heading', { level: 2, name, exact: true })).toBeVisible();
  const code = (await page.locator('#connection-test pre').allTextContents()).join('\n');
  for (const v of [s.placeholderAddress, s.smtp.server.value, s.imap.server.value, 'openssl s_client -starttls smtp'])
    expect(code).toContain(v);
  expect(code).toContain('Test-NetConnection');
  expect(code).toContain('Read-Host -AsSecureString');
  expect(code).toContain('read -rs');
  await expect(page.locator('#connection-test pre')).toHaveCount(7 + 7 + 6);
  // The address field waits for the island; the page says how to use the placeholder instead.
  await expect(field(page)).toBeHidden();
  await expect(page.getByText(/Replace it with yours/)).toBeVisible();
  await context.close();
});

test('with JavaScript: the address fills every command; a wrong one is explained and not used', async ({ page }) => {
  await ready(page);
  await expect(field(page)).toBeVisible();
  const typed = `emily.o'brien@${s.domains.value[0]}`;
  await field(page).pressSequentially(typed);
  const status = page.locator('#ct-address-msg');
  await expect(status).toHaveText(/now use your address/);
  await expect(status).toHaveAttribute('role', 'status');
  const code = (await page.locator('#connection-test pre').allTextContents()).join('\n');
  expect(code).not.toContain(s.placeholderAddress);
  expect(code).toContain(`'emily.o'\\''brien@${s.domains.value[0]}'`); // bash quoting
  expect(code).toContain(`'emily.o''brien@${s.domains.value[0]}'`); // PowerShell quoting
  // The copy button copies the command as shown.
  const first = page.locator('#connection-test .ct-command').first();
  await expect(first.getByRole('button', { name: 'Copy' })).toBeVisible();
  expect(await first.getByRole('button').getAttribute('data-copy')).toBe(await first.locator('pre').textContent());

  await field(page).fill('emily');
  await expect(field(page)).toHaveAttribute('aria-invalid', 'true');
  await expect(status).toContainText('full address');
  await expect(authStep(page)).toContainText(s.placeholderAddress);
  await field(page).fill('');
  await expect(field(page)).not.toHaveAttribute('aria-invalid', 'true');
  await expect(status).toContainText(s.placeholderAddress);
});

test('the address is never sent, stored or put in the URL', async ({ page, baseURL }) => {
  await ready(page);
  await page.waitForLoadState('networkidle');
  const requests: string[] = [];
  page.on('request', (r) => requests.push(`${r.method()} ${r.url()} ${r.postData() ?? ''}`));
  const typed = `private.person@${s.domains.value[0]}`;
  await field(page).fill(typed);
  await expect(authStep(page)).toContainText(typed);
  await page.getByRole('button', { name: 'Copy' }).first().click();
  await page.waitForTimeout(500);
  for (const r of requests) {
    expect(r.startsWith(`GET ${baseURL}/`), r).toBe(true);
    expect(r).not.toContain('private.person');
  }
  expect(page.url()).toBe(`${baseURL}/test-connection/`);
  const stored = await page.evaluate(
    () => JSON.stringify({ ...localStorage }) + JSON.stringify({ ...sessionStorage }) + document.cookie,
  );
  expect(stored).not.toContain('private.person');
  // No password field anywhere on the page.
  await expect(page.locator('input[type="password"]')).toHaveCount(0);
});

test('the checker links to the connection test', async ({ page }) => {
  await page.goto('/');
  await page.getByRole('link', { name: 'Test the connection from your own computer' }).click();
  await expect(page).toHaveURL(/\/test-connection\/$/);
});

test('the output of a step goes into the decoder, which says where it stopped and shows no secret', async ({
  page,
}) => {
  await ready(page);
  await page.getByRole('link', { name: 'error decoder' }).click();
  await expect(page).toHaveURL(/\/errors\/#decoder-title$/);
  await expect(page.locator('#decoder[data-matcher="ready"]')).toBeAttached();
  // What the "send a test message" step printed against the local test server, with a wrong password.
  const out = readFileSync(new URL('../fixtures/session-logs/curl-bad.txt', import.meta.url), 'utf8');
  await page.getByLabel(/paste the error message/i).fill(out);
  const live = page.locator('#decoder [aria-live="polite"]');
  await expect(live).toContainText('The login was refused');
  await expect(live).toContainText('535 5.7.8');
  const html = await page.evaluate(() => document.documentElement.outerHTML);
  expect(html).not.toContain('AG1lQGljbG91ZC5jb20Ad3Jvbmc');
});

test('keyboard: the field and the copy buttons are reachable, with visible focus', async ({ page }) => {
  await ready(page);
  await field(page).focus();
  await page.keyboard.type(`kb@${s.domains.value[0]}`);
  await page.keyboard.press('Tab');
  const focused = page.locator(':focus');
  await expect(focused).toHaveJSProperty('tagName', 'PRE');
  const outline = await focused.evaluate((el) => getComputedStyle(el).outlineStyle);
  expect(outline).not.toBe('none');
  await page.keyboard.press('Tab');
  await expect(page.locator(':focus')).toHaveAttribute('class', 'copy');
});

test('axe finds nothing, light and dark, with an invalid address shown', async ({ page }) => {
  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    await ready(page);
    await field(page).fill('emily');
    await expect(field(page)).toHaveAttribute('aria-invalid', 'true');
    const { violations } = await new AxeBuilder({ page }).withTags(tags).analyze();
    expect(violations.map((v) => `${scheme}: ${v.id} ${v.nodes[0]?.target.join(' ')}`)).toEqual([]);
  }
});
