// The checker loads after the page, never on its critical path, and keeps working offline once
// loaded. What the reader typed before it loaded is kept; a client whose data cannot be fetched is
// said in the live region with a link to its page; a checker that cannot load says so.
import { test, expect } from './fixtures.ts';
import type { Page } from '@playwright/test';
import { loadSettings } from '../helpers/settings.ts';
import { clientEntries } from '../helpers/site.ts';

const s = loadSettings();
const domain = s.domains.value[0]!;
const live = (page: Page) => page.locator('#checker [role="status"]');
const address = (page: Page) => page.getByLabel('Your iCloud Mail email address');
const port = (page: Page) => page.getByLabel('Outgoing port');
const chooser = (page: Page) => page.getByLabel('Your email app or client');
const ready = (page: Page) => page.locator('#checker[data-prepared="true"]');
/** Two clients other than the one the home page starts with (the first in index order). */
const [other, third] = clientEntries()
  .slice()
  .sort((a, b) => a.order - b.order || a.name.localeCompare(b.name))
  .slice(1, 3) as [ReturnType<typeof clientEntries>[number], ReturnType<typeof clientEntries>[number]];

// Offline fetches and aborted requests are logged by Chromium as console errors; they are expected here.
test.use({ allowedConsoleErrors: [/ERR_INTERNET_DISCONNECTED|ERR_FAILED|Failed to load resource/] });

test('the checker loads after the load event, by itself, without any interaction', async ({ page }) => {
  await page.goto('/');
  await expect(ready(page)).toBeAttached();
  const timing = await page.evaluate(() => {
    const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming;
    return {
      loadEnd: nav.loadEventEnd,
      late: performance
        .getEntriesByType('resource')
        .filter((r) => /\/_astro\/(hydrate|preact)|\/checker\/settings\.json|\/clients\/[\w-]+\.json/.test(r.name))
        .map((r) => ({ name: r.name, start: r.startTime })),
    };
  });
  // The island's code and its two data files, all requested once the page had loaded.
  expect(timing.late.map((r) => new URL(r.name).pathname).sort()).toEqual(
    expect.arrayContaining([expect.stringMatching(/^\/_astro\/hydrate\./), '/checker/settings.json']),
  );
  for (const r of timing.late) expect(r.start, r.name).toBeGreaterThanOrEqual(timing.loadEnd);
  await expect(address(page)).not.toBeFocused();
});

test('offline after load: address and port are still checked; an unfetched client says so with a link', async ({
  page,
  context,
}) => {
  await page.goto('/');
  await expect(ready(page)).toBeAttached();
  const shown = await page.locator('#chk-instr-title').innerText();
  await context.setOffline(true);

  await address(page).fill('emily');
  await expect(live(page)).toContainText('Address, problem');
  await expect(live(page)).toContainText('full address');
  await port(page).fill(String(s.otherSmtpPorts.implicitTls.value));
  await expect(live(page)).toContainText('Port, warning');
  await address(page).fill(`emily@${domain}`);
  await expect(live(page)).toContainText('Address, ok');
  await expect(page.locator('#chk-instr-title')).toContainText(`emily@${domain}`);

  await chooser(page).selectOption(other.id);
  const message = live(page).locator('li').filter({ hasText: 'could not be loaded' });
  await expect(message).toContainText(other.name);
  const link = message.getByRole('link', { name: `Open the ${other.name} page` });
  await expect(link).toHaveAttribute('href', `/clients/${other.id}/`);
  // Never an empty result, never a silent navigation: the page stays, with the last instructions.
  expect(new URL(page.url()).pathname).toBe('/');
  await expect(page.locator('#chk-instr-title')).toContainText(shown.split(':')[0]!);
  await expect(page.locator('#checker .instructions li').first()).toBeVisible();

  // Back online, the same choice loads and the message goes.
  await context.setOffline(false);
  await chooser(page).selectOption(third.id);
  await expect(page.locator('#chk-instr-title')).toContainText(third.name);
  await chooser(page).selectOption(other.id);
  await expect(page.locator('#chk-instr-title')).toContainText(other.name);
  await expect(message).toHaveCount(0);
});

test('what the reader typed and chose before the checker loaded is kept and checked', async ({ page }) => {
  let release: () => void = () => {};
  const held = new Promise<void>((resolve) => (release = resolve));
  await page.route('**/checker/settings.json', async (route) => {
    await held;
    await route.continue();
  });
  await page.goto('/');
  await address(page).fill('emily');
  await chooser(page).selectOption(other.id);
  await expect(ready(page)).not.toBeAttached();
  release();
  await expect(ready(page)).toBeAttached();
  await expect(address(page)).toHaveValue('emily');
  await expect(live(page)).toContainText('Address, problem');
  await expect(address(page)).toHaveAttribute('aria-invalid', 'true');
  await expect(chooser(page)).toHaveValue(other.id);
  await expect(page.locator('#chk-instr-title')).toContainText(other.name);
});

test('when the checker cannot load, using the form says so in the live region', async ({ page }) => {
  await page.route('**/checker/settings.json', (route) => route.abort());
  await page.goto('/', { waitUntil: 'load' });
  await address(page).focus();
  await expect(live(page)).toContainText('The checker could not load');
  await expect(ready(page)).not.toBeAttached();
  // The static instructions are still there.
  await expect(page.locator('#checker .instructions')).toContainText(s.smtp.server.value);
});
