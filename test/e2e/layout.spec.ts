// Layout promises: a print style that keeps the settings, and a working skip link.
// (No sideways scroll at 320 px is checked on every page in every-page.spec.ts.)
import { test, expect } from './fixtures.ts';
import { loadSettings } from '../helpers/settings.ts';

const s = loadSettings();

test('printing drops the navigation and the buttons but keeps the settings', async ({ page }) => {
  await page.goto('/');
  await page.emulateMedia({ media: 'print' });
  await expect(page.getByRole('navigation', { name: 'Main' })).toBeHidden();
  await expect(page.getByRole('button', { name: 'Copy SMTP server' })).toBeHidden();
  const card = page.getByRole('region', { name: 'Sending mail (SMTP)' });
  await expect(card.getByText(s.smtp.server.value, { exact: true })).toBeVisible();
  await expect(card.getByText(String(s.smtp.port.value), { exact: true })).toBeVisible();
});

test('the skip link is the first thing the keyboard reaches and it moves focus to the content', async ({ page }) => {
  await page.goto('/smtp/');
  await page.keyboard.press('Tab');
  const skip = page.getByRole('link', { name: 'Skip to content' });
  await expect(skip).toBeFocused();
  await expect(skip).toBeInViewport();
  await page.keyboard.press('Enter');
  await expect(page.locator('main')).toBeFocused();
});
