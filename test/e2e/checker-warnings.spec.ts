// Per-program warnings in the checker: on a program's page, choosing the security that fails in
// that program shows the warning in its own words, and the documented choice clears it. The
// chooser on the home page is grouped by the same headings as /clients/.
import { test, expect } from './fixtures.ts';
import type { Page } from '@playwright/test';
import { CLIENT_GROUPS } from '../../src/vocabulary/client-groups.ts';
import { loadClients } from '../helpers/clients.ts';
import { loadSettings } from '../helpers/settings.ts';

const s = loadSettings();
const security = (page: Page) => page.getByLabel('Security you chose (optional)');
const warnings = (page: Page) => page.locator('#checker .instructions .finding.warning');

async function ready(page: Page, path: string) {
  await page.goto(path);
  await expect(page.locator('#checker[data-prepared="true"]')).toBeAttached();
}

for (const [id, words] of [
  ['ghost', /mail__options__secure to false/],
  ['proxmox-ve', /mode tls/],
  ['gitea', /PROTOCOL = smtps/],
  ['n8n', /SSL\/TLS/],
  ['uptime-kuma', /None \/ STARTTLS/],
] as const) {
  test(`${id}: SSL/TLS on the submission port warns in the program's words, STARTTLS clears it`, async ({ page }) => {
    await ready(page, `/clients/${id}/`);
    await expect(warnings(page)).toHaveCount(0);
    await security(page).selectOption('SSL/TLS');
    await expect(warnings(page).first()).toContainText(words);
    await expect(warnings(page).first()).toContainText(String(s.smtp.port.value));
    await security(page).selectOption('STARTTLS');
    await expect(warnings(page)).toHaveCount(0);
  });
}

test('the home chooser is grouped under the /clients/ headings and lists every client', async ({ page }) => {
  await ready(page, '/');
  const clients = loadClients();
  const labels = await page
    .locator('#chk-client optgroup')
    .evaluateAll((els) => els.map((e) => e.getAttribute('label')));
  const expected = CLIENT_GROUPS.filter((g) => clients.some((c) => c.group === g.id)).map((g) => g.heading);
  expect(labels).toEqual(expected);
  await expect(page.locator('#chk-client option')).toHaveCount(clients.length);
});
