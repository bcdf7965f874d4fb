import assert from 'node:assert/strict';
import { test } from 'node:test';
import { constants, gunzipSync, gzipSync } from 'node:zlib';
import { gzipSize } from './gzip.ts';

test('gzipSize is the length of a level-9 gzip of the bytes', () => {
  const text = 'iCloud Mail '.repeat(200);
  assert.equal(gzipSize(text), gzipSync(text, { level: constants.Z_BEST_COMPRESSION }).length);
  assert.ok(gzipSize(text) < Buffer.byteLength(text) / 10, 'repetitive text compresses');
  assert.equal(gunzipSync(gzipSync(Buffer.from(text))).toString(), text);
});

test('gzipSize counts a string and its UTF-8 bytes the same', () => {
  const text = 'é€😀'.repeat(30);
  assert.equal(gzipSize(text), gzipSize(Buffer.from(text, 'utf8')));
});
