import assert from 'node:assert/strict';
import { test } from 'node:test';
import { writeSite, page } from './fixture.ts';
import { firstView } from './first-view.ts';
import { gzipSize } from './gzip.ts';
import { openSite } from './site.ts';

const files = {
  'index.html': page(
    `<img src="/logo.svg" alt=""><script type="application/json" id="props">{"a":1}</script>
     <script>console.log(1)</script><form action="/search/"></form>`,
    `<link rel="stylesheet" href="/_astro/main.css"><link rel="icon" href="/favicon.svg">
     <script type="module" src="/_astro/entry.js"></script><style>p{color:red}</style>`,
  ),
  '_astro/main.css': '@import "/_astro/more.css"; body{background:url(/bg.png)}',
  '_astro/more.css': 'h1{font-weight:700}',
  '_astro/entry.js': 'import { x } from "./shared.js"; export const load = () => import("./lazy.js");',
  '_astro/shared.js': 'export const x = 1;',
  '_astro/lazy.js': 'import { x } from "./shared.js"; import "./lazy-dep.js"; export default x;',
  '_astro/lazy-dep.js': 'export {}',
  'logo.svg': '<svg xmlns="http://www.w3.org/2000/svg"/>',
  'favicon.svg': '<svg xmlns="http://www.w3.org/2000/svg"/>',
  'bg.png': 'not really a png',
  'search/index.html': page('<h1>search</h1>'),
  'fonts/index.html': page(
    '<p style="background:url(https://cdn.example/x.png)">x</p>',
    `<link rel="preload" as="font" href="/f.woff2"><style>@font-face{font-family:f;src:url(/f.woff2)}</style>
     <script type="module" src="/_astro/missing.js"></script>`,
  ),
};
const site = openSite(writeSite(files));
const gz = (f: keyof typeof files): number => gzipSize(files[f]);

test('first view: the document plus every stylesheet, import, icon and image, each once', () => {
  const view = firstView(site, 'index.html');
  assert.equal(view.path, '/');
  assert.deepEqual(view.assets.map((a) => `${a.kind} ${a.url} (${a.via})`).sort(), [
    'css /_astro/main.css (<link rel=stylesheet>)',
    'css /_astro/more.css (@import in /_astro/main.css)',
    'image /bg.png (url() in /_astro/main.css)',
    'image /favicon.svg (<link rel=icon>)',
    'image /logo.svg (<img src>)',
    'js /_astro/entry.js (<script src>)',
    'js /_astro/shared.js (import in /_astro/entry.js)',
  ]);
  assert.equal(view.totals.requests, 8);
  assert.deepEqual(view.unresolved, []);
  assert.deepEqual(view.fonts, []);
});

test('first view: bytes are each file gzipped on its own, inline JS counts as JS, JSON data does not', () => {
  const view = firstView(site, 'index.html');
  const inlineJs = gzipSize('console.log(1)');
  assert.deepEqual(view.inlineScripts, [{ raw: 14, gzip: inlineJs }]);
  assert.deepEqual(view.dataScripts, [{ id: 'props', raw: 7, gzip: gzipSize('{"a":1}') }]);
  assert.deepEqual(view.inlineStyles, [{ raw: 12, gzip: gzipSize('p{color:red}') }]);
  assert.equal(view.document.gzip, gz('index.html'));
  assert.equal(view.totals.css, gz('_astro/main.css') + gz('_astro/more.css'));
  assert.equal(view.totals.js, gz('_astro/entry.js') + gz('_astro/shared.js') + inlineJs);
  assert.equal(view.totals.other, gz('bg.png') + gz('favicon.svg') + gz('logo.svg'));
  assert.equal(view.totals.html, gz('index.html'));
  assert.equal(
    view.totals.total,
    gz('index.html') + view.totals.css + view.totals.js - inlineJs + view.totals.other,
    'total = document + first-view files (inline scripts are inside the document)',
  );
  assert.equal(view.totals.rawCss, files['_astro/main.css'].length + files['_astro/more.css'].length);
});

test('first view: dynamic imports and their own imports load on demand, apart from the first view', () => {
  const view = firstView(site, 'index.html');
  assert.deepEqual(view.dynamic.map((a) => a.url).sort(), ['/_astro/lazy-dep.js', '/_astro/lazy.js']);
  assert.ok(!view.assets.some((a) => a.url.includes('lazy')));
  assert.ok(view.loaded.some((r) => r.url === '/search/' && r.via === '<form action>'), 'form action is recorded');
});

test('first view: fonts, third-party URLs and missing files are reported', () => {
  const view = firstView(site, 'fonts/index.html');
  assert.deepEqual(view.fonts.map((f) => f.via).sort(), ['<link rel=preload as=font>', '<link rel=preload>', '@font-face in <style>']);
  assert.ok(view.loaded.some((r) => r.url === 'https://cdn.example/x.png'));
  // Named twice (the preload and the @font-face url()), reported twice.
  assert.deepEqual(view.unresolved.map((r) => r.url).sort(), ['/_astro/missing.js', '/f.woff2', '/f.woff2']);
});
