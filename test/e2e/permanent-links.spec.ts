// Links are a promise: every URL and FAQ id in the committed list keeps answering, directly or
// through a redirect, and every page the site builds is on the list.
import { readFileSync } from 'node:fs';
import { test, expect } from './fixtures.ts';
import type { APIRequestContext } from '@playwright/test';
import { repoRoot } from '../helpers/root.ts';
import { allPages, faqEntries } from '../helpers/site.ts';

const list = JSON.parse(readFileSync(new URL('test/fixtures/permanent-links.json', repoRoot), 'utf8')) as {
  urls: string[];
  faqIds: string[];
};

/** Follows HTTP redirects and the static site's meta-refresh redirects; returns the final status and path. */
async function resolve(request: APIRequestContext, path: string): Promise<{ status: number; path: string }> {
  let current = path;
  for (let hop = 0; hop < 5; hop++) {
    const res = await request.get(current);
    if (res.status() !== 200) return { status: res.status(), path: current };
    const type = res.headers()['content-type'] ?? '';
    const refresh = type.includes('html')
      ? /<meta http-equiv="refresh" content="\d+;\s*url=([^"]+)"/i.exec(await res.text())
      : null;
    if (!refresh?.[1]) return { status: 200, path: current };
    current = new URL(refresh[1], `http://x${current}`).pathname;
  }
  return { status: 0, path: current };
}

test('every listed URL answers 200, directly or after a redirect', async ({ request }) => {
  const broken: string[] = [];
  for (const url of list.urls) {
    const { status, path } = await resolve(request, url);
    if (status !== 200) broken.push(`${url} -> ${path}: ${status}`);
  }
  expect(broken).toEqual([]);
});

test('every listed FAQ id still has its answer, at /faq/#id and at /faq/<id>/', async ({ page, request }) => {
  await page.goto('/faq/');
  for (const id of list.faqIds) {
    await expect(page.locator(`[id="${id}"]`), `/faq/#${id}`).toHaveCount(1);
    expect((await resolve(request, `/faq/${id}/`)).status, `/faq/${id}/`).toBe(200);
  }
});

test('the list is complete: every page and FAQ id the site builds is on it', () => {
  const missingPages = allPages().filter((p) => !list.urls.includes(p));
  const missingIds = faqEntries()
    .map((e) => e.id)
    .filter((id) => !list.faqIds.includes(id));
  expect(missingPages, 'add new pages to test/fixtures/permanent-links.json').toEqual([]);
  expect(missingIds, 'add new FAQ ids to test/fixtures/permanent-links.json').toEqual([]);
});

test('the sitemap lists every page and no redirect', async ({ request }) => {
  const index = await (await request.get('/sitemap-index.xml')).text();
  const sitemaps = [...index.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => new URL(m[1]!).pathname);
  expect(sitemaps.length).toBeGreaterThan(0);
  const listed = new Set<string>();
  for (const s of sitemaps) {
    const xml = await (await request.get(s)).text();
    for (const m of xml.matchAll(/<loc>([^<]+)<\/loc>/g)) listed.add(new URL(m[1]!).pathname);
  }
  expect(allPages().filter((p) => !listed.has(p))).toEqual([]);
  expect(listed.has('/clients/k9-mail/')).toBe(false);
});
