// Pages show the values from the settings source (every-page.spec.ts covers what all pages share).
import { test, expect } from './fixtures.ts';
import { loadSettings } from '../helpers/settings.ts';

const s = loadSettings();

test('the home page shows the SMTP and IMAP values from the source above the fold on a phone', async ({ page }) => {
  await page.setViewportSize({ width: 360, height: 640 });
  await page.goto('/');
  const smtp = page.getByRole('region', { name: 'Sending mail (SMTP)' });
  for (const value of [s.smtp.server.value, String(s.smtp.port.value), s.smtp.security.value]) {
    const cell = smtp.getByText(value, { exact: true });
    await expect(cell).toBeVisible();
    await expect(cell).toBeInViewport({ ratio: 1 });
  }
  await expect(smtp.getByText(/full address, with the @/)).toBeInViewport({ ratio: 1 });
  await expect(smtp.getByText(/app-specific password/)).toBeInViewport({ ratio: 1 });
  const imap = page.getByRole('region', { name: 'Receiving mail (IMAP)' });
  for (const value of [s.imap.server.value, String(s.imap.port.value), s.imap.security.value]) {
    await expect(imap.getByText(value, { exact: true })).toBeVisible();
  }
});

test('the SMTP and IMAP pages show every value of their side', async ({ page }) => {
  for (const side of ['smtp', 'imap'] as const) {
    await page.goto(`/${side}/`);
    const table = page.getByRole('table');
    for (const value of [s[side].server.value, String(s[side].port.value), s[side].security.value]) {
      await expect(table.getByText(value, { exact: true })).toBeVisible();
    }
    await expect(table.getByRole('link', { name: 'Source' }).first()).toHaveAttribute('href', s[side].server.source);
  }
});

test('the SMTP page states the limits from the source', async ({ page }) => {
  await page.goto('/smtp/');
  const text = await page.locator('main').innerText();
  for (const n of [s.limits.messagesPerDay.value, s.limits.recipientsPerMessage.value])
    expect(text).toContain(String(n));
});

test.describe('the 404 page', () => {
  test.use({ allowedConsoleErrors: [/status of 404/] });
  test('answers 404 and links to the settings and the FAQ', async ({ page }) => {
    const response = await page.goto('/no-such-page/');
    expect(response?.status()).toBe(404);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Page not found');
    await expect(page.getByRole('main').getByRole('link', { name: /SMTP/ })).toHaveAttribute('href', '/smtp/');
    await expect(page.getByRole('main').getByRole('link', { name: /FAQ answers/ })).toHaveAttribute('href', '/faq/');
  });
});
