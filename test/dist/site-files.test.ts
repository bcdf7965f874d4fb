// What the build writes beside the pages (src/integrations/site-files.ts), checked on dist/:
// the _headers file, a share card for every page, and the search index.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'node-html-parser';
import { headersForPath, overlappingHeaders, parseHeadersFile } from '../helpers/headers-file.ts';

const dist = fileURLToPath(new URL('../../dist/', import.meta.url));
const files = readdirSync(dist, { recursive: true, withFileTypes: true })
  .filter((e) => e.isFile())
  .map((e) => relative(dist, join(e.parentPath, e.name)).split(sep).join('/'));
/** Request paths of the built pages (directory URLs), and of every other file. */
const pagePath = (f: string) => `/${f.replace(/(^|\/)index\.html$/, '$1')}`;
const pages = files.filter((f) => f.endsWith('.html') && f !== '404.html').map((f) => ({ f, path: pagePath(f) }));
const html = (f: string) => parse(readFileSync(join(dist, f), 'utf8'));
const kib = (n: number) => `${(n / 1024).toFixed(1)} KiB`;

test('dist/_headers gives every page and file its headers, each header from one rule only', () => {
  const rules = parseHeadersFile(readFileSync(join(dist, '_headers'), 'utf8'));
  const required: Record<string, RegExp> = {
    'x-content-type-options': /^nosniff$/,
    'referrer-policy': /^strict-origin-when-cross-origin$/,
    'strict-transport-security': /^max-age=\d{8,}/,
    'permissions-policy': /camera=\(\).*geolocation=\(\).*microphone=\(\).*payment=\(\)/,
    'x-frame-options': /^DENY$/,
    'cross-origin-opener-policy': /^same-origin$/,
    'cross-origin-resource-policy': /^same-origin$/,
    'content-security-policy': /frame-ancestors 'none'.*require-trusted-types-for 'script'; trusted-types 'none'/,
  };
  for (const f of files) {
    const path = pagePath(f);
    const got = headersForPath(rules, path);
    for (const [name, re] of Object.entries(required)) assert.match(got.get(name) ?? '', re, `${path}: ${name}`);
    assert.deepEqual(overlappingHeaders(rules, path), [], path);
    if (f.startsWith('_astro/')) assert.match(got.get('cache-control')!, /max-age=31536000, immutable/, path);
    if (f.endsWith('.mobileconfig')) assert.equal(got.get('content-type'), 'application/x-apple-aspen-config');
  }
  for (const { path } of pages) assert.equal(headersForPath(rules, path).get('cache-control'), 'public, max-age=0, must-revalidate', path);
});

test('every page has a share card: absolute og:image, a 1200×630 PNG under 100 KiB, with alt text', () => {
  const sizes: number[] = [];
  for (const { f, path } of pages) {
    const doc = html(f);
    if (doc.querySelector('meta[http-equiv="refresh"]')) continue; // a redirect, not a page
    const meta = (p: string) => doc.querySelector(`meta[property="${p}"]`)?.getAttribute('content');
    const image = new URL(meta('og:image') ?? '', 'invalid:/');
    assert.equal(image.protocol, 'https:', `${path}: og:image is absolute`);
    assert.equal(meta('og:image:width'), '1200', path);
    assert.equal(meta('og:image:height'), '630', path);
    assert.ok((meta('og:image:alt') ?? '').length > 5, path);
    assert.equal(doc.querySelector('meta[name="twitter:card"]')?.getAttribute('content'), 'summary_large_image');
    const file = join(dist, image.pathname);
    assert.ok(existsSync(file), `${path}: ${image.pathname} was not drawn`);
    const png = readFileSync(file);
    assert.equal(png.subarray(1, 4).toString('latin1'), 'PNG', path);
    assert.deepEqual([png.readUInt32BE(16), png.readUInt32BE(20)], [1200, 630], path);
    assert.ok(png.length < 100 * 1024, `${path}: card is ${kib(png.length)}`);
    sizes.push(png.length);
  }
  sizes.sort((a, b) => a - b);
  console.log(
    `share cards: ${sizes.length}, ${kib(sizes[0]!)} to ${kib(sizes.at(-1)!)}, ${kib(sizes.reduce((a, b) => a + b, 0))} in all`,
  );
});

test('two FAQ answers get different cards, each with its short answer in the alt text', () => {
  const answers = pages.filter((p) => /^\/faq\/[^/]+\/$/.test(p.path)).slice(0, 2);
  assert.equal(answers.length, 2);
  const [a, b] = answers.map(({ f }) => {
    const doc = html(f);
    const image = new URL(doc.querySelector('meta[property="og:image"]')!.getAttribute('content')!).pathname;
    const alt = doc.querySelector('meta[property="og:image:alt"]')!.getAttribute('content')!;
    const short = doc.querySelector('meta[property="og:description"]')!.getAttribute('content')!;
    assert.ok(alt.endsWith(short), `the card of ${f} shows its short answer`);
    return readFileSync(join(dist, image));
  });
  assert.notDeepEqual(a, b);
});

test('the search index covers every page but the search page and the 404', () => {
  const entry = JSON.parse(readFileSync(join(dist, 'pagefind/pagefind-entry.json'), 'utf8')) as {
    languages: Record<string, { page_count: number }>;
  };
  const indexed = Object.values(entry.languages).reduce((n, l) => n + l.page_count, 0);
  const searchable = pages.filter(({ f }) => html(f).querySelector('main[data-pagefind-body]')).length;
  assert.ok(searchable > 10);
  assert.equal(indexed, searchable);
  assert.equal(html('search/index.html').querySelector('main[data-pagefind-body]'), null);
  const bytes = readdirSync(join(dist, 'pagefind'), { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .reduce((n, e) => n + statSync(join(e.parentPath, e.name)).size, 0);
  console.log(`search index: ${indexed} pages, ${kib(bytes)} on disk`);
});
