import assert from 'node:assert/strict';
import { test } from 'node:test';
import { isNoRequest, isSameOrigin, sitePath, srcsetUrls } from './urls.ts';
import { normaliseBase } from '../../../src/lib/site/urls.ts';

test('isSameOrigin: relative and root-relative are; schemes and protocol-relative are not', () => {
  for (const u of ['/a/', 'b.css', './c.js', '../d/', '?q=1', ' /x ']) assert.equal(isSameOrigin(u), true, u);
  for (const u of ['//cdn.example/x.js', 'https://example.org/', 'HTTP://x', 'mailto:a@b.c', 'data:,x']) {
    assert.equal(isSameOrigin(u), false, u);
  }
});

test('isNoRequest: data:, blob:, about:, javascript: and #fragments make no request', () => {
  for (const u of ['data:image/png;base64,AA', 'blob:x', 'about:blank', 'JavaScript:void(0)', '#top', ' #a']) {
    assert.equal(isNoRequest(u), true, u);
  }
  for (const u of ['/a.css', 'a#b', 'https://x/']) assert.equal(isNoRequest(u), false, u);
});

test('sitePath resolves against the page path and drops query and hash', () => {
  assert.equal(sitePath('x.js?v=1#h', '/faq/a/'), '/faq/a/x.js');
  assert.equal(sitePath('../b/', '/faq/a/'), '/faq/b/');
  assert.equal(sitePath('/_astro/y.css', '/faq/a/'), '/_astro/y.css');
  assert.equal(sitePath('z.css', '/faq/a'), '/faq/z.css');
});

test('srcsetUrls lists each candidate URL without its descriptor', () => {
  assert.deepEqual(srcsetUrls('a.png 1x, /b.png 2x'), ['a.png', '/b.png']);
  assert.deepEqual(srcsetUrls(' a.png 100w,  b.png 200w '), ['a.png', 'b.png']);
  assert.deepEqual(srcsetUrls(''), []);
});

test('normaliseBase gives a path that starts and ends with one slash', () => {
  assert.equal(normaliseBase(''), '/');
  assert.equal(normaliseBase('/'), '/');
  assert.equal(normaliseBase('icloud-mail'), '/icloud-mail/');
  assert.equal(normaliseBase('/icloud-mail'), '/icloud-mail/');
  assert.equal(normaliseBase('//a/b//'), '/a/b/');
});
