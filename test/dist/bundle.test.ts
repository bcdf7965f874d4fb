// The browser gets Preact and our own logic only: no zod (schemas run at build time, not in the page).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { openSite } from '../helpers/dist/site.ts';

const assets = join(openSite().dir, '_astro');

test('no client JavaScript contains zod', () => {
  const js = readdirSync(assets).filter((f) => f.endsWith('.js'));
  assert.ok(js.length > 0, 'no JavaScript in dist/_astro: build first');
  const withZod = js.filter((f) => /\b(ZodError|ZodType|\$ZodType|_zod)\b/.test(readFileSync(join(assets, f), 'utf8')));
  assert.deepEqual(withZod, []);
});

test('the checker ships no password field and no network code other than its own-origin fetch', () => {
  const js = readdirSync(assets).filter((f) => f.endsWith('.js')).map((f) => readFileSync(join(assets, f), 'utf8')).join('\n');
  assert.doesNotMatch(js, /type:\s*[`'"]password[`'"]/);
  assert.doesNotMatch(js, /XMLHttpRequest|sendBeacon|WebSocket|EventSource/);
});

test('client JavaScript uses no regex lookbehind (Safari before 16.4 cannot parse a script that has one)', () => {
  const offenders = readdirSync(assets)
    .filter((f) => f.endsWith('.js'))
    .filter((f) => /\(\?<[=!]/.test(readFileSync(join(assets, f), 'utf8')));
  assert.deepEqual(offenders, []);
});
