// The checker in a real browser: keyboard scenarios, live findings, aria-invalid, copy buttons,
// privacy (no request while typing) and text-only rendering of what the user types.
import { test, expect } from './fixtures.ts';
import type { Page } from '@playwright/test';
import { loadSettings } from '../helpers/settings.ts';
import { clientEntries } from '../helpers/site.ts';

const s = loadSettings();
const live = (page: Page) => page.locator('#checker [role="status"]');
const address = (page: Page) => page.getByLabel('Your iCloud Mail email address');
const port = (page: Page) => page.getByLabel('Outgoing port');

async function ready(page: Page, path = '/') {
  await page.goto(path);
  await expect(page.locator('#checker[data-prepared="true"]')).toBeAttached();
}

test('keyboard only: a name without @ is an error, then the full address is accepted', async ({ page }) => {
  await ready(page);
  // Reach the address field with Tab alone.
  for (let i = 0; i < 60; i++) {
    await page.keyboard.press('Tab');
    if (await address(page).evaluate((el) => el === document.activeElement)) break;
  }
  await expect(address(page)).toBeFocused();
  await page.keyboard.type('emily');
  await expect(live(page)).toContainText('Address, problem');
  await expect(live(page)).toContainText('full address');
  await expect(live(page).getByRole('link', { name: 'Why?' }).first()).toHaveAttribute(
    'href',
    '/faq/#username-full-address',
  );
  await expect(address(page)).toHaveAttribute('aria-invalid', 'true');
  const describedBy = await address(page).getAttribute('aria-describedby');
  await expect(page.locator(`[id="${describedBy}"]`)).toContainText('full address');

  await page.keyboard.type(`@${s.domains.value[0]}`);
  await expect(live(page)).toContainText('Address, ok');
  await expect(address(page)).not.toHaveAttribute('aria-invalid', 'true');
  await expect(page.locator('#chk-instr-title')).toContainText(`emily@${s.domains.value[0]}`);
});

test('"%40" in place of @ is an error that links to its answer', async ({ page }) => {
  await ready(page);
  await address(page).fill(`emily%40${s.domains.value[0]}`);
  await expect(live(page)).toContainText('%40');
  await expect(live(page)).toContainText(`emily@${s.domains.value[0]}`);
  await expect(address(page)).toHaveAttribute('aria-invalid', 'true');
});

test('every port other than the documented one is flagged with its reason', async ({ page }) => {
  await ready(page);
  const cases: Array<[string, RegExp, boolean]> = [
    [String(s.otherSmtpPorts.implicitTls.value), /Port, warning.*does not document/, false],
    [String(s.otherSmtpPorts.plain.value), /Port, problem.*does not document/, true],
    [String(s.imap.port.value), /Port, problem.*IMAP port/, true],
    ['2525', /Port, problem.*only port/, true],
    ['abc', /Port, problem.*whole number/, true],
    [String(s.smtp.port.value), /Port, ok/, false],
  ];
  for (const [value, message, invalid] of cases) {
    await port(page).fill(value);
    await expect(live(page)).toContainText(message);
    if (invalid) await expect(port(page)).toHaveAttribute('aria-invalid', 'true');
    else await expect(port(page)).not.toHaveAttribute('aria-invalid', 'true');
  }
});

test('the incoming server used for sending, and SSL/TLS on the STARTTLS port, are errors', async ({ page }) => {
  await ready(page);
  await page.getByLabel('Outgoing server (optional)').fill(s.imap.server.value);
  await expect(live(page)).toContainText('Server, problem');
  await page.getByLabel('Security you chose (optional)').selectOption('SSL/TLS');
  await expect(live(page)).toContainText('wrong version number');
  await expect(live(page).getByRole('link', { name: 'Why?' }).last()).toHaveAttribute(
    'href',
    '/faq/#wrong-version-number',
  );
});

test('what the user types is shown as text, never as HTML', async ({ page }) => {
  await ready(page);
  await address(page).fill(`<img src=x onerror="window.__pwned=1">@${s.domains.value[0]}`);
  await expect(live(page)).toContainText('Address, problem');
  await port(page).fill('<b>587</b>');
  await page.getByLabel('Outgoing server (optional)').fill('<script>window.__pwned=2</script>');
  await expect(live(page)).toContainText('Server, problem');
  expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
  await expect(page.locator('#checker img, #checker b, #checker script')).toHaveCount(0);
});

test('instructions fill in the address for the chosen client, and copy buttons copy it', async ({ page, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await ready(page);
  const code =
    clientEntries().find((c) => c.id === 'python-smtplib') ?? clientEntries().find((c) => c.kind === 'code')!;
  await page.getByLabel('Your email app or client').selectOption(code.id);
  await expect(page.locator('#chk-instr-title')).toContainText(code.name);
  const typed = `o'brien$x@${s.domains.value[0]}`;
  await address(page).fill(typed);
  const snippet = page.locator('#checker .snippet pre');
  await expect(snippet).toContainText('brien');
  await page
    .locator('#checker .snippet')
    .getByRole('button', { name: /^Copy / })
    .click();
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  expect(copied).toBe(await snippet.innerText());
  expect(copied).toContain(s.smtp.server.value);
  // A field with the address copies it exactly.
  const fieldButton = page.locator('#checker .fields button').filter({ hasNotText: /^$/ });
  const values = await page.locator('#checker .fields .val').allInnerTexts();
  const index = values.indexOf(typed);
  expect(index).toBeGreaterThanOrEqual(0);
  await page.locator('#checker .fields dd').nth(index).getByRole('button').click();
  await expect.poll(() => page.evaluate(() => navigator.clipboard.readText())).toBe(typed);
  await expect(fieldButton.first()).toBeVisible();
});

test('nothing typed leaves the page: no request while typing, none carrying the input', async ({ page }) => {
  await ready(page);
  await address(page).focus(); // loads the checker's logic (same origin), before we start listening
  await page.waitForLoadState('networkidle');
  const requests: string[] = [];
  page.on('request', (r) => requests.push(r.url()));
  await page.keyboard.type('secret.person');
  await port(page).fill('465');
  await page.getByLabel('Outgoing server (optional)').fill('smtp.example.org');
  await expect(live(page)).toContainText('Server, problem');
  await page.waitForTimeout(500);
  expect(requests).toEqual([]);
  await expect(page.locator('input[type="password"]')).toHaveCount(0);
});

test('choosing another client loads only its data, from the same origin', async ({ page, baseURL }) => {
  await ready(page);
  const requests: string[] = [];
  page.on('request', (r) => requests.push(r.url()));
  const target = clientEntries().find((c) => c.id === 'thunderbird')!;
  await page.getByLabel('Your email app or client').selectOption(target.id);
  await expect(page.locator('#chk-instr-title')).toContainText(target.name);
  expect(requests.length).toBeGreaterThan(0);
  for (const url of requests) expect(url.startsWith(`${baseURL}/`), url).toBe(true);
  expect(requests.some((u) => u.endsWith(`/clients/${target.id}.json`))).toBe(true);
});

test('a client page has its client chosen and, without JavaScript, still shows its instructions', async ({
  browser,
}) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  for (const id of ['thunderbird', 'nodemailer', 'new-outlook']) {
    const c = clientEntries().find((x) => x.id === id)!;
    await page.goto(`/clients/${id}/`);
    await expect(page.getByRole('heading', { level: 1 })).toContainText(c.name);
    await expect(page.locator('#chk-client')).toHaveValue(id);
    await expect(page.locator('.instructions')).toContainText(s.smtp.server.value);
    await expect(page.locator('.instructions')).toContainText(s.placeholderAddress);
  }
  await context.close();
});

test('"Download profile" builds the profile in the browser with the typed address, and sends nothing', async ({
  page,
}) => {
  await ready(page);
  const typed = `emily.o'brien@${s.domains.value[1] ?? s.domains.value[0]}`;
  await address(page).fill(typed);
  const button = page.getByRole('button', { name: `Download profile for ${typed}` });
  await expect(button).toBeVisible();
  await page.waitForLoadState('networkidle');
  const requests: string[] = [];
  page.on('request', (r) => {
    if (!r.url().startsWith('blob:')) requests.push(r.url());
  });
  const [download] = await Promise.all([page.waitForEvent('download'), button.click()]);
  expect(download.suggestedFilename()).toBe('icloud-mail.mobileconfig');
  const path = await download.path();
  // Read it back with a real plist parser (Python's plistlib).
  const { spawnSync } = await import('node:child_process');
  const run = spawnSync(
    'python3',
    [
      '-c',
      'import plistlib,json,sys; print(json.dumps(plistlib.load(open(sys.argv[1],"rb"))["PayloadContent"][0]))',
      path,
    ],
    { encoding: 'utf8' },
  );
  expect(run.status, run.stderr).toBe(0);
  const mail = JSON.parse(run.stdout) as Record<string, unknown>;
  expect(mail['EmailAddress']).toBe(typed);
  expect(mail['OutgoingMailServerUsername']).toBe(typed);
  expect(mail['OutgoingMailServerHostName']).toBe(s.smtp.server.value);
  expect(mail['OutgoingMailServerPortNumber']).toBe(s.smtp.port.value);
  expect(
    Object.keys(mail).filter((k) => /password/i.test(k) && k !== 'OutgoingPasswordSameAsIncomingPassword'),
  ).toEqual([]);
  expect(requests).toEqual([]);
});

test('without a valid address the profile link is the static one that asks for the address', async ({ page }) => {
  await ready(page);
  await expect(page.getByRole('link', { name: /Download the profile/ })).toHaveAttribute(
    'href',
    '/icloud-mail.mobileconfig',
  );
});

test('an app-specific password in the address field is named as such and never repeated', async ({ page }) => {
  await ready(page);
  const secret = 'qwer-tyui-opas-dfgh';
  await address(page).fill(secret);
  await expect(live(page)).toContainText('app-specific password');
  await expect(live(page)).toContainText('password field');
  await expect(live(page).getByRole('link', { name: 'Why?' }).first()).toHaveAttribute(
    'href',
    '/faq/#app-specific-password',
  );
  await expect(address(page)).toHaveAttribute('aria-invalid', 'true');
  await expect(page.locator('#chk-instr-title')).toContainText(s.placeholderAddress);
  // Nowhere but in the field itself: not in any text, attribute or accessible name of the checker.
  const leaks = await page.locator('#checker').evaluate((root, p) => {
    const found: string[] = [];
    if ((root as HTMLElement).innerText.toLowerCase().includes(p)) found.push('text');
    for (const el of root.querySelectorAll('*'))
      for (const attr of el.attributes)
        if (attr.value.toLowerCase().includes(p)) found.push(`${el.tagName} ${attr.name}`);
    return found;
  }, secret);
  expect(leaks).toEqual([]);
  // The accessibility tree holds it once: as the value of the address field itself.
  const tree = await page.locator('#checker').ariaSnapshot();
  expect(tree.split(secret).length - 1, tree).toBe(1);
  expect(await page.locator('#announcer').innerText()).not.toContain(secret);
});

test('a pasted megabyte in the address field is cut to the field’s limit and said to be too long', async ({ page }) => {
  await ready(page);
  await address(page).fill('a'.repeat(1_000_000));
  await expect(address(page)).toHaveValue('a'.repeat(1024));
  await expect(live(page)).toContainText('This is 1024 characters long; an email address has at most 254.');
  await expect(live(page)).toContainText('The field keeps at most 1024 characters.');
  await expect(address(page)).toHaveAttribute('aria-invalid', 'true');
});

test('10 MB pasted into each field is cut to 1024 characters, said to be too long, and the page keeps answering', async ({
  page,
}) => {
  test.setTimeout(60_000);
  await ready(page);
  const big = 'a'.repeat(10 * 1024 * 1024);
  const fields: Array<[string, string]> = [
    ['Your iCloud Mail email address', 'an email address has at most 254.'],
    ['Outgoing port', 'a port has at most 5.'],
    ['Outgoing server (optional)', 'a server name has at most 253.'],
  ];
  for (const [label, says] of fields) {
    const field = page.getByLabel(label);
    await field.fill(big);
    await expect(field).toHaveValue('a'.repeat(1024));
    await expect(live(page)).toContainText(
      `This is 1024 characters long; ${says} The field keeps at most 1024 characters.`,
    );
    await expect(field).toHaveAttribute('aria-invalid', 'true');
    // Still responsive: the next keystroke is answered at once.
    await field.fill('');
  }
  await expect(address(page)).toHaveValue('');
});

test('an invisible character in the address is named, not silently accepted', async ({ page }) => {
  await ready(page);
  await address(page).fill(`emily\u200b@${s.domains.value[0]}`);
  await expect(live(page)).toContainText('U+200B (zero-width space), after the first 5 characters');
});
