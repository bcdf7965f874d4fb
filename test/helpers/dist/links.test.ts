import assert from 'node:assert/strict';
import { test } from 'node:test';
import { writeSite, page } from './fixture.ts';
import { checkLink, checkRedirect } from './links.ts';
import { openSite } from './site.ts';

const dir = writeSite({
  'index.html': page('<h1 id="top-heading">home</h1>'),
  '404.html': page('<h1>not found</h1>'),
  'faq/index.html': page('<h2 id="port-587">q</h2><h2 id="550%20x">odd</h2>'),
  'faq/a/index.html': page('<h1>a</h1>'),
  'style.css': 'p{}',
  'old/index.html': '<meta http-equiv="refresh" content="0;url=/faq/">',
  'loop/index.html': '<meta http-equiv="refresh" content="0;url=/old/">',
  'lost/index.html': '<meta http-equiv="refresh" content="0;url=/gone/">',
  'rel/index.html': '<meta http-equiv="refresh" content="0;url=faq/">',
});
const ORIGIN = 'https://mail.example.org';
const check = (url: string, page = 'index.html', base = '/'): string | undefined =>
  checkLink(openSite(dir, { base }), { url, via: '<a href>' }, page, ORIGIN);

test('links that resolve pass', () => {
  for (const url of ['/faq/', 'faq/', '/faq/#port-587', '#top-heading', '#', '#top', '/style.css', 'https://other.example/x']) {
    assert.equal(check(url), undefined, url);
  }
  assert.equal(check('../', 'faq/a/index.html'), undefined);
  assert.equal(check(`${ORIGIN}/faq/a/`), undefined);
});

test('a missing page, fragment or trailing slash is reported with the link', () => {
  assert.match(check('/nope/') ?? '', /<a href> \/nope\/ → nope\/index\.html does not exist/);
  assert.match(check('/faq/#port-465') ?? '', /no element with id="port-465" in faq\/index\.html/);
  assert.match(check('#missing') ?? '', /no element with id="missing" in index\.html/);
  assert.match(check('/faq') ?? '', /has no trailing slash \(trailingSlash 'always'\): link to \/faq\//);
  assert.match(check(`${ORIGIN}/nope/`) ?? '', /does not exist/);
  assert.match(check('') ?? '', /is empty/);
  assert.match(check('https://[bad') ?? '', /is not a valid URL/);
  assert.match(check('/faq/#%E0%A4') ?? '', /fragment is not valid percent-encoding/);
});

test('a percent-encoded fragment is decoded before it is looked up', () => {
  assert.equal(check('/faq/#550%2520x'), undefined);
});

test('relative links on 404.html are refused: that page is served at any path', () => {
  assert.match(check('faq/', '404.html') ?? '', /404\.html is served at any path/);
  assert.equal(check('/faq/', '404.html'), undefined);
});

test('under a base path, links must stay under it', () => {
  assert.equal(check('/icloud-mail/faq/#port-587', 'index.html', '/icloud-mail/'), undefined);
  assert.equal(check('faq/', 'index.html', '/icloud-mail/'), undefined);
  assert.match(check('/faq/', 'index.html', '/icloud-mail/') ?? '', /outside the base path \/icloud-mail\//);
});

test('checkRedirect accepts a stub that lands on a page, and names each kind of failure', () => {
  const site = openSite(dir);
  assert.equal(checkRedirect(site, 'old/index.html'), undefined);
  assert.equal(checkRedirect(site, 'faq/index.html'), undefined);
  assert.match(checkRedirect(site, 'loop/index.html') ?? '', /is itself a redirect/);
  assert.match(checkRedirect(site, 'lost/index.html') ?? '', /does not resolve \(missing gone\/index\.html\)/);
  assert.match(checkRedirect(site, 'rel/index.html') ?? '', /is not a root-relative URL/);
});
