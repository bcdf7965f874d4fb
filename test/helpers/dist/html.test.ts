import assert from 'node:assert/strict';
import { test } from 'node:test';
import { afterHtmlEnd, anchorsOf, linksOf, parseHtml, redirectTargetOf } from './html.ts';

test('redirectTargetOf reads a meta refresh URL, and is undefined on a real page', () => {
  const stub = parseHtml('<meta http-equiv="Refresh" content="0;url=/new/path/">');
  assert.equal(redirectTargetOf(stub), '/new/path/');
  assert.equal(redirectTargetOf(parseHtml(`<meta http-equiv="refresh" content="0; URL='/q/'">`)), '/q/');
  assert.equal(redirectTargetOf(parseHtml('<meta http-equiv="refresh" content="30">')), '');
  assert.equal(redirectTargetOf(parseHtml('<meta name="description" content="url=/x/">')), undefined);
});

test('anchorsOf collects ids and <a name>, not other attributes', () => {
  const root = parseHtml('<h2 id="one">x</h2><a name="two"></a><p data-id="three" class="four"></p>');
  assert.deepEqual([...anchorsOf(root)].sort(), ['one', 'two']);
});

test('anchorsOf does not see ids inside scripts (they are text)', () => {
  assert.deepEqual([...anchorsOf(parseHtml('<script>document.write("<p id=x>")</script>'))], []);
});

test('linksOf lists every URL a page names, with what names it', () => {
  const root = parseHtml(
    `<link rel="stylesheet" href="/s.css"><a href="/a/">a</a><area href="b/"><img src="i.png" srcset="i2.png 2x, i3.png 3x">
     <video poster="p.png"><source src="v.webm"></video><object data="o.svg"></object><form action="/f/"></form>
     <script src="/m.js"></script><div href="/not-a-link/"></div>`,
  );
  assert.deepEqual(
    linksOf(root).map((l) => `${l.via} ${l.url}`),
    [
      '<link rel=stylesheet href> /s.css',
      '<a href> /a/',
      '<area href> b/',
      '<img src> i.png',
      '<img srcset> i2.png',
      '<img srcset> i3.png',
      '<video poster> p.png',
      '<source src> v.webm',
      '<object data> o.svg',
      '<form action> /f/',
      '<script src> /m.js',
    ],
  );
});

test('afterHtmlEnd finds what follows </html>', () => {
  assert.equal(afterHtmlEnd('<html><body></body></html>\n'), '');
  assert.equal(afterHtmlEnd('<html></html><script src="x.js"></script>'), '<script src="x.js"></script>');
  assert.equal(afterHtmlEnd('<p>no end'), '<p>no end');
});
