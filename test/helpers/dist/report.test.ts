import assert from 'node:assert/strict';
import { test } from 'node:test';
import { kib, table } from './report.ts';

test('kib writes bytes below 1 KiB as bytes, above with one decimal', () => {
  assert.equal(kib(0), '0 B');
  assert.equal(kib(1023), '1023 B');
  assert.equal(kib(1024), '1.0 KiB');
  assert.equal(kib(18432), '18.0 KiB');
  assert.equal(kib(14 * 1024 + 103), '14.1 KiB');
});

test('table aligns the first column left and the others right', () => {
  assert.equal(
    table(['page', 'bytes'], [['/', '10'], ['/faq/', '2000']]),
    ['page   bytes', '-----  -----', '/         10', '/faq/   2000'].join('\n'),
  );
});
