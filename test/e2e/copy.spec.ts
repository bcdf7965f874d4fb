// Copy buttons put the exact value on the clipboard, from the mouse and the keyboard, and say so.
import { test, expect } from './fixtures.ts';
import { loadSettings } from '../helpers/settings.ts';
import { faqEntries } from '../helpers/site.ts';

const s = loadSettings();

test.beforeEach(async ({ context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
});

test('every copy button on the home page copies its value exactly', async ({ page }) => {
  await page.goto('/');
  const expected = new Map<string, string>([
    ['Copy SMTP server', s.smtp.server.value],
    ['Copy SMTP port', String(s.smtp.port.value)],
    ['Copy SMTP security', s.smtp.security.value],
    ['Copy IMAP server', s.imap.server.value],
    ['Copy IMAP port', String(s.imap.port.value)],
    ['Copy IMAP security', s.imap.security.value],
  ]);
  for (const [name, value] of expected) {
    await page.evaluate(() => navigator.clipboard.writeText(''));
    await page.getByRole('button', { name, exact: true }).click();
    await expect.poll(() => page.evaluate(() => navigator.clipboard.readText())).toBe(value);
    await expect(page.locator('#announcer')).toHaveText('Copied');
  }
});

test('a copy button works from the keyboard', async ({ page }) => {
  await page.goto('/');
  const button = page.getByRole('button', { name: 'Copy SMTP server', exact: true });
  await button.focus();
  await expect(button).toBeFocused();
  await page.keyboard.press('Enter');
  await expect.poll(() => page.evaluate(() => navigator.clipboard.readText())).toBe(s.smtp.server.value);
  await page.evaluate(() => navigator.clipboard.writeText(''));
  await page.keyboard.press('Space');
  await expect.poll(() => page.evaluate(() => navigator.clipboard.readText())).toBe(s.smtp.server.value);
  await expect(page.locator('#announcer')).toHaveText('Copied');
});

test('copy link on the FAQ copies the absolute link to the answer', async ({ page, baseURL }) => {
  const first = faqEntries()[0]!;
  await page.goto('/faq/');
  const button = page.locator(`article:has([id="${first.id}"])`).getByRole('button', { name: 'Copy link' });
  // Its description names the answer it links to.
  await expect(button).toHaveAccessibleDescription(first.question);
  await button.click();
  await expect.poll(() => page.evaluate(() => navigator.clipboard.readText())).toBe(`${baseURL}/faq/#${first.id}`);
});

test('code snippets copy exactly what they show', async ({ page }) => {
  await page.goto('/smtp/');
  const figure = page.locator('figure.snippet').first();
  const shown = await figure.locator('pre').innerText();
  expect(shown).toContain(s.smtp.server.value);
  await figure.getByRole('button').click();
  await expect.poll(() => page.evaluate(() => navigator.clipboard.readText())).toBe(shown);
});
