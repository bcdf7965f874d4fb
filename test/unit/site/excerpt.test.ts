// Search excerpts are split into text and marks, never parsed as HTML.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { decodeEntities, excerptPieces } from '../../../src/lib/site/excerpt.ts';

test('marks become marked pieces and entities are decoded', () => {
  assert.deepEqual(excerptPieces('use <mark>port</mark> 587 &amp; STARTTLS &lt;b&gt;'), [
    { text: 'use ', marked: false },
    { text: 'port', marked: true },
    { text: ' 587 & STARTTLS <b>', marked: false },
  ]);
});

test('any other tag is dropped, never kept', () => {
  const pieces = excerptPieces('a<img src=x onerror=alert(1)>b<script>c</script><MARK class=x>d</Mark >');
  assert.deepEqual(pieces, [
    { text: 'abc', marked: false },
    { text: 'd', marked: true },
  ]);
});

test('numeric references decode; invalid ones stay as written', () => {
  assert.equal(
    decodeEntities('&#64;&#x40;&#X1F600;&#xD800;&#0;&bogus;&#x110000;'),
    '@@😀&#xD800;&#0;&bogus;&#x110000;',
  );
});

test('no input throws, and no tag survives into the text unless it was escaped in the input', () => {
  fc.assert(
    fc.property(fc.string({ maxLength: 120 }), (s) => {
      const out = excerptPieces(s)
        .map((p) => p.text)
        .join('');
      if (!s.includes('&')) assert.doesNotMatch(out, /<[^>]*>/);
    }),
    { numRuns: 500 },
  );
});
