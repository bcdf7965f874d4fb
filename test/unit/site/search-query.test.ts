// The search query: where it lives in a URL (the fragment, never the query string).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { queryFragment, queryFromUrl } from '../../../src/lib/site/search-query.ts';

test('the fragment carries the query percent-encoded, and reads back the same', () => {
  assert.equal(queryFragment('app-specific password'), '#q=app-specific+password');
  assert.equal(queryFragment('  '), '');
  assert.equal(queryFragment('a\uD83D'), '#q=a%EF%BF%BD');
  assert.deepEqual(queryFromUrl({ hash: '#q=a%26b%23c', search: '' }), { query: 'a&b#c', fromSearch: false });
  fc.assert(
    fc.property(fc.string({ minLength: 1, unit: 'grapheme' }), (q) => {
      fc.pre(q.trim() !== '');
      const back = queryFromUrl({ hash: queryFragment(q), search: '' });
      assert.deepEqual(back, { query: q.trim(), fromSearch: false });
    }),
  );
});

test('an old ?q= link is read and marked for rewriting; the fragment wins over it', () => {
  assert.deepEqual(queryFromUrl({ hash: '', search: '?q=IMAP+port' }), { query: 'IMAP port', fromSearch: true });
  assert.deepEqual(queryFromUrl({ hash: '#q=587', search: '?q=IMAP' }), { query: '587', fromSearch: false });
  assert.deepEqual(queryFromUrl({ hash: 'q=587', search: 'q=IMAP' }), { query: '587', fromSearch: false });
  assert.equal(queryFromUrl({ hash: '', search: '' }), null);
  assert.equal(queryFromUrl({ hash: '#texts', search: '?x=1' }), null);
  assert.deepEqual(queryFromUrl({ hash: '#texts', search: 'q=1' }), { query: '1', fromSearch: true });
});
