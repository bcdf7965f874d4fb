// /clients/: every entry under its group heading (with an anchor), complete without JavaScript; the
// filter box narrows the list by name, other name or kind and says how many match.
import { test, expect } from './fixtures.ts';
import { CLIENT_GROUPS } from '../../src/vocabulary/client-groups.ts';
import { loadClients } from '../helpers/clients.ts';

const clients = loadClients();
const used = CLIENT_GROUPS.filter((g) => clients.some((c) => c.group === g.id));

test('every group has a heading with an anchor, and every entry is listed under its own group', async ({ page }) => {
  await page.goto('/clients/');
  for (const g of used) {
    const heading = page.locator(`h3#${g.id}`);
    await expect(heading).toHaveText(g.heading);
    const section = page.locator(`section[aria-labelledby="${g.id}"]`);
    const names = await section.locator('li > a').allInnerTexts();
    const expected = clients.filter((c) => c.group === g.id).map((c) => c.name);
    expect(names.sort()).toEqual(expected.sort());
  }
  // The group links jump to the anchors.
  const last = used.at(-1)!;
  await page.getByRole('navigation', { name: 'Groups' }).getByRole('link', { name: last.heading }).click();
  await expect(page).toHaveURL(new RegExp(`#${last.id}$`));
});

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });
  test('the whole list shows and the filter box is absent', async ({ page }) => {
    await page.goto('/clients/');
    await expect(page.locator('main li[data-filter] > a')).toHaveCount(clients.length);
    await expect(page.getByLabel(/filter/i)).toBeHidden();
  });
});

test('typing narrows the list by name, alias and kind, hides empty groups and says how many match', async ({
  page,
}) => {
  await page.goto('/clients/');
  const box = page.getByRole('searchbox', { name: /filter/i });
  await expect(box).toBeVisible();
  const status = page.locator('#client-filter-count');
  await expect(status).toHaveAttribute('role', 'status');
  const visible = page.locator('main li[data-filter]:visible');

  // By name.
  await box.fill('grafana');
  await expect(visible).toHaveCount(1);
  await expect(visible.first().getByRole('link')).toHaveText('Grafana');
  await expect(status).toHaveText(`1 of ${clients.length} match.`);
  await expect(page.locator('h3#library')).toBeHidden();
  await expect(page.locator('h3#self-hosted')).toBeVisible();

  // By another name (an alias) only.
  const aliased = clients.find((c) => c.aliases?.includes('FreeNAS'))!;
  await box.fill('freenas');
  await expect(visible).toHaveCount(1);
  await expect(visible.first().getByRole('link')).toHaveText(aliased.name);

  // By kind or group: every library is shown.
  const libraries = clients.filter((c) => c.group === 'library').length;
  await box.fill('libraries');
  await expect(visible).toHaveCount(libraries);

  // Text is matched as text, not as a pattern or markup.
  await box.fill('<b>.*');
  await expect(visible).toHaveCount(0);
  await expect(status).toContainText(`None of the ${clients.length} match`);

  // Clearing shows everything again.
  await box.fill('');
  await expect(visible).toHaveCount(clients.length);
  await expect(status).toHaveText('');
});

test('the filter is reachable by keyboard and the links keep working', async ({ page }) => {
  await page.goto('/clients/');
  const box = page.getByRole('searchbox', { name: /filter/i });
  await box.focus();
  await page.keyboard.type('proxmox');
  await page.keyboard.press('Tab');
  const focused = page.locator(':focus');
  await expect(focused).toHaveAttribute('href', /\/clients\/proxmox-ve\/$/);
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/\/clients\/proxmox-ve\/$/);
  await expect(page.locator('h1')).toContainText('Proxmox');
});

test('the names people type find their program: k9, k-9, outlook 365, office 365, o365', async ({ page }) => {
  await page.goto('/clients/');
  const box = page.getByRole('searchbox', { name: /filter/i });
  const visible = page.locator('main li[data-filter]:visible a');
  for (const q of ['k9', 'k-9']) {
    await box.fill(q);
    await expect(visible.filter({ hasText: 'K-9 Mail' })).toHaveCount(1);
  }
  for (const q of ['outlook 365', 'office 365', 'o365']) {
    await box.fill(q);
    await expect(visible.filter({ hasText: 'Outlook' }).first()).toBeVisible();
    expect(await visible.allInnerTexts(), q).toEqual(expect.arrayContaining([expect.stringMatching(/Outlook/)]));
    for (const name of await visible.allInnerTexts()) expect(name, q).toMatch(/Outlook/);
  }
});
