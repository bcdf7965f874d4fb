// Site search in a real browser: the right page first for an error text, a program and a question;
// no request carries the query, and the URL keeps it only in the fragment (#q=); keyboard only; axe
// clean in both schemes; a shared #q= link and an old ?q= link show results; nonsense finds nothing;
// without JavaScript the page explains itself, lists the sections, and a submitted form sends no query.
import AxeBuilder from '@axe-core/playwright';
import { test, expect } from './fixtures.ts';
import type { Page } from '@playwright/test';

const field = (page: Page) => page.getByLabel('Search the settings, apps, errors and answers');
const results = (page: Page) => page.locator('#search-results > li');
const status = (page: Page) => page.locator('#search-status');

/** The path of the n-th result's page link. */
const resultPath = async (page: Page, n = 0) =>
  new URL((await results(page).nth(n).locator('strong a').getAttribute('href'))!, page.url()).pathname;

async function search(page: Page, query: string) {
  await field(page).fill(query);
  await expect(status(page)).toContainText(`“${query}”`);
  await expect(results(page).first()).toBeVisible();
}

// What a reader types, and the page that must come first. The question names the ports people try.
const cases: Array<[string, RegExp]> = [
  ['wrong version number', /^\/(faq\/wrong-version-number|errors\/[a-z0-9-]*version[a-z0-9-]*)\/$/],
  ['port 25', /^\/faq\/port-587-blocked\/$/],
  ['Vaultwarden', /^\/clients\/vaultwarden\/$/],
  ['Thunderbird', /^\/clients\/thunderbird\/$/],
  // .NET's System.Net.Mail on a port that starts with TLS waits for a greeting until its timeout.
  ['The operation has timed out', /^\/errors\/greeting-never-received\/$/],
  // Jakarta Mail's exception for a 535 reply: the SMTP login page, not another Java error.
  ['javax.mail.AuthenticationFailedException', /^\/errors\/smtp-auth-rejected\/$/],
  // Other names of a program, indexed from its aliases.
  ['k-9', /^\/clients\/thunderbird-android\/$/],
  ['k9', /^\/clients\/thunderbird-android\/$/],
  ['o365', /^\/clients\/(new-outlook|outlook-classic|outlook-mac)\/$/],
];

test('typing an error text, a question or a program finds the right page first, and no request carries it', async ({
  page,
}) => {
  await page.goto('/search/');
  const urls: string[] = [];
  page.on('request', (r) => urls.push(decodeURIComponent(r.url()).toLowerCase()));
  for (const [query, expected] of cases) {
    await search(page, query);
    expect(await resultPath(page), query).toMatch(expected);
    // Results link to the page; where the words sit under a heading, to that heading too.
    await expect(results(page).first().locator('p')).not.toBeEmpty();
  }
  for (const [query] of cases)
    for (const word of query
      .toLowerCase()
      .split(' ')
      .filter((w) => w.length > 3))
      expect(
        urls.filter((u) => new URL(u).search.includes(word) || new URL(u).pathname.includes(word)),
        word,
      ).toEqual([]);
  expect(page.url(), 'typing does not write the query to the URL').not.toContain('?');
  expect(await page.evaluate(() => [localStorage.length, sessionStorage.length])).toEqual([0, 0]);
});

test('what is typed is shown as text, never as HTML', async ({ page }) => {
  await page.goto('/search/');
  const hostile = '<img src=x onerror=alert(1)>';
  await field(page).fill(hostile);
  await expect(status(page)).toContainText(hostile);
  await expect(page.locator('#search-status img, #search-results img')).toHaveCount(0);
});

test('keyboard only: from the header field to a result', async ({ page }) => {
  await page.goto('/smtp/', { waitUntil: 'networkidle' });
  const requests: string[] = [];
  // The browser fetches the favicon on its own schedule; anything else would be the page's doing.
  page.on('request', (r) => void (r.url().endsWith('/favicon.svg') || requests.push(r.url())));
  // Reach the header's search field with Tab alone; focusing it loads nothing.
  const header = page.getByRole('searchbox', { name: 'Search this site' });
  for (let i = 0; i < 30 && !(await header.evaluate((el) => el === document.activeElement)); i++)
    await page.keyboard.press('Tab');
  await expect(header).toBeFocused();
  expect(requests, 'the header field loads nothing until used').toEqual([]);
  await page.keyboard.type('app-specific password');
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/\/search\/#q=app-specific\+password$/);
  await expect(results(page).first()).toBeVisible();
  await expect(field(page)).toHaveValue('app-specific password');
  // On to the first result with Tab, then follow it with Enter.
  const first = results(page).first().locator('strong a');
  for (let i = 0; i < 30 && !(await first.evaluate((el) => el === document.activeElement)); i++)
    await page.keyboard.press('Tab');
  await expect(first).toBeFocused();
  const href = await first.getAttribute('href');
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(new RegExp(`${href!.replace(/[.?*+^$()[\]{}|\\]/g, '\\$&')}$`));
});

/** Records every request URL and fails the test if one carries the query (decoded, case-insensitive). */
function watchRequests(page: Page): string[] {
  const urls: string[] = [];
  page.on('request', (r) => urls.push(r.url()));
  return urls;
}
const carrying = (urls: string[], word: string) =>
  urls.filter((u) => decodeURIComponent(u.replace(/\+/g, ' ')).toLowerCase().includes(word.toLowerCase()));

test('the header search goes to /search/#q=…: no request, no query string, no history entry carries it', async ({
  page,
}) => {
  const urls = watchRequests(page);
  await page.goto('/smtp/');
  const header = page.getByRole('searchbox', { name: 'Search this site' });
  await header.fill('vaultwarden');
  await header.press('Enter');
  await expect(page).toHaveURL(/\/search\/#q=vaultwarden$/);
  await expect(field(page)).toHaveValue('vaultwarden');
  await expect(results(page).first()).toBeVisible();
  expect(await resultPath(page)).toBe('/clients/vaultwarden/');
  expect(await page.evaluate(() => location.search)).toBe('');
  expect(carrying(urls, 'vaultwarden'), 'requests that carry the query').toEqual([]);
  // Back goes to the page the search started from, whose URL never held the query.
  await page.goBack();
  await expect(page).toHaveURL(/\/smtp\/$/);
  expect(page.url()).not.toContain('q=');
  // Searching again from the search page's own header changes the fragment only.
  await page.goForward();
  await page.getByRole('searchbox', { name: 'Search this site' }).fill('Thunderbird');
  await page.getByRole('searchbox', { name: 'Search this site' }).press('Enter');
  await expect(page).toHaveURL(/\/search\/#q=Thunderbird$/);
  await expect(field(page)).toHaveValue('Thunderbird');
  await expect(status(page)).toContainText('“Thunderbird”');
  expect(carrying(urls, 'thunderbird')).toEqual([]);
});

test('a shared /search/#q= link shows its results; submitting on the page rewrites the fragment only', async ({
  page,
}) => {
  const urls = watchRequests(page);
  await page.goto('/search/#q=vaultwarden');
  await expect(field(page)).toHaveValue('vaultwarden');
  await expect(results(page).first()).toBeVisible();
  expect(await resultPath(page)).toBe('/clients/vaultwarden/');
  await field(page).fill('STARTTLS');
  await page.getByRole('button', { name: 'Search', exact: true }).last().click();
  await expect(page).toHaveURL(/\/search\/#q=STARTTLS$/);
  expect(await page.evaluate(() => history.length), 'replaceState adds no history entry').toBe(2);
  expect([...carrying(urls, 'vaultwarden'), ...carrying(urls, 'starttls')]).toEqual([]);
});

test('an old /search/?q= link still shows results, and the URL is rewritten to the fragment', async ({ page }) => {
  await page.goto('/search/?q=IMAP');
  await expect(field(page)).toHaveValue('IMAP');
  await expect(results(page).first()).toBeVisible();
  await expect(page).toHaveURL(/\/search\/#q=IMAP$/);
  expect(await page.evaluate(() => location.search)).toBe('');
});

test('nonsense finds nothing: 5,000 letters, an over-long word, a word no page has', async ({ page }) => {
  await page.goto('/search/');
  await field(page).fill('a'.repeat(5000));
  await expect(status(page)).toContainText('No pages match: the query is too long');
  await expect(results(page)).toHaveCount(0);
  await field(page).fill(`smtp${'x'.repeat(80)}`);
  await expect(status(page)).toContainText('No pages match: one word is longer');
  await expect(results(page)).toHaveCount(0);
  await field(page).fill('qwxzvbnk');
  await expect(status(page)).toContainText('No pages match “qwxzvbnk”');
  await expect(results(page)).toHaveCount(0);
});

test('axe finds nothing with results shown, light and dark', async ({ page }) => {
  await page.goto('/search/');
  await search(page, 'password');
  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    const { violations } = await new AxeBuilder({ page })
      .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'])
      .analyze();
    expect(
      violations.map((v) => `${scheme}: ${v.id} ${v.nodes[0]?.target.join(' ')}`),
      scheme,
    ).toEqual([]);
  }
});

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });
  test('the search page explains itself and lists the sections', async ({ page }) => {
    await page.goto('/search/');
    await expect(page.locator('#search-noscript')).toBeVisible();
    await expect(page.locator('#search-noscript')).toContainText('needs JavaScript');
    for (const name of [/FAQ/, /Apps, devices and code/, /Home/])
      await expect(page.locator('#search-noscript').getByRole('link', { name })).toBeVisible();
  });

  test('submitting the header or the page form sends no query', async ({ page }) => {
    const urls = watchRequests(page);
    await page.goto('/smtp/');
    const header = page.getByRole('searchbox', { name: 'Search this site' });
    await header.fill('secret words');
    await header.press('Enter');
    await expect(page).toHaveURL(/\/search\/\??$/);
    await expect(page.locator('#search-noscript')).toContainText('needs JavaScript');
    await field(page).fill('more secret words');
    await field(page).press('Enter');
    await expect(page).toHaveURL(/\/search\/\??$/);
    expect(carrying(urls, 'secret')).toEqual([]);
  });
});
