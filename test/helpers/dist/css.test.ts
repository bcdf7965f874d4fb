import assert from 'node:assert/strict';
import { test } from 'node:test';
import { cssUrls, hasFontFace } from './css.ts';

test('cssUrls separates @import targets from url() references', () => {
  const css = `@import "a.css"; @import url('/b.css') screen;
    body { background: url(img/c.png) } .x { mask: url( "d.svg" ) }`;
  assert.deepEqual(cssUrls(css), { imports: ['a.css', '/b.css'], urls: ['img/c.png', 'd.svg'] });
});

test('cssUrls ignores references inside comments', () => {
  assert.deepEqual(cssUrls('/* @import "x.css"; url(y.png) */ p{color:red}'), { imports: [], urls: [] });
});

test('hasFontFace finds @font-face outside comments only', () => {
  assert.equal(hasFontFace('@font-face{font-family:x;src:url(x.woff2)}'), true);
  assert.equal(hasFontFace('@FONT-FACE {}'), true);
  assert.equal(hasFontFace('/* @font-face */ p{}'), false);
  assert.equal(hasFontFace('.font-face{}'), false);
});
