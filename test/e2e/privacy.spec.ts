// Privacy: after load, the only requests are the ones the page needs (the checker's code and a
// chosen client's data), never carrying input. (Every page's load is checked for same-origin
// requests in every-page.spec.ts.)
import { test, expect } from './fixtures.ts';
import type { Page, Request } from '@playwright/test';

function record(page: Page) {
  const requests: Request[] = [];
  page.on('request', (r) => requests.push(r));
  return requests;
}

test('after load, using the checker requests only its own code and the chosen client, none with input', async ({
  page,
  baseURL,
}) => {
  await page.goto('/', { waitUntil: 'networkidle' });
  await expect(page.locator('#checker[data-prepared="true"]')).toBeAttached();
  const requests = record(page);
  await page.waitForTimeout(1000);
  expect(
    requests.map((r) => r.url()),
    'nothing happens on its own after load',
  ).toEqual([]);
  const typed = 'private.person';
  await page.getByLabel('Your iCloud Mail email address').fill(typed);
  await page.getByLabel('Outgoing port').fill('2525');
  await page.getByLabel('Your email app or client').selectOption('curl');
  await expect(page.locator('#chk-instr-title')).toContainText('curl');
  await page.waitForLoadState('networkidle');
  for (const r of requests) {
    const url = r.url();
    expect(url.startsWith(`${baseURL}/`), url).toBe(true);
    expect(url, 'only the checker code or client data').toMatch(/\/_astro\/[\w.-]+\.js$|\/clients\/[a-z0-9-]+\.json$/);
    expect(url).not.toContain(typed);
    expect(r.method()).toBe('GET');
    expect(r.postData()).toBeNull();
  }
});
