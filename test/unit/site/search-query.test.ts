// The search query: where it lives in a URL (the fragment, never the query string) and which queries
// are refused before a search (too long, or a word no page has).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import {
  answers,
  checkQuery,
  isRealMatch,
  normalizeWord,
  queryWords,
  wordsAt,
  MAX_QUERY_LENGTH,
  MAX_WORD_LENGTH,
  queryFragment,
  queryFromUrl,
  refusal,
} from '../../../src/lib/site/search-query.ts';

test('a query is trimmed and its whitespace joined', () => {
  assert.deepEqual(checkQuery('  The operation\n has\ttimed out  '), {
    kind: 'ok',
    query: 'The operation has timed out',
  });
  assert.deepEqual(checkQuery(' \n\t '), { kind: 'empty' });
});

test('5,000 letters, or any query over the limit, is refused with a clear message', () => {
  const long = checkQuery('a'.repeat(5000));
  assert.equal(long.kind, 'too-long');
  assert.match(refusal(long), /^No pages match: the query is too long/);
  assert.equal(checkQuery('word '.repeat(60)).kind, 'too-long');
  assert.equal(checkQuery('x'.repeat(MAX_QUERY_LENGTH)).kind, 'word-too-long');
  assert.equal(checkQuery('x '.repeat(MAX_QUERY_LENGTH / 2)).kind, 'ok');
});

test('a word longer than any word in the index is refused, whatever its prefix', () => {
  const check = checkQuery(`port ${'smtp'.repeat(20)}`);
  assert.deepEqual(check, { kind: 'word-too-long', limit: MAX_WORD_LENGTH });
  assert.match(refusal(check), /^No pages match: one word is longer/);
  assert.equal(checkQuery('javax.mail.AuthenticationFailedException').kind, 'ok');
  assert.equal(refusal({ kind: 'empty' }), '');
  assert.equal(refusal({ kind: 'ok', query: 'port' }), '');
});

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

test('words are compared as Pagefind compares them: lower case, no punctuation', () => {
  assert.equal(normalizeWord('K-9'), 'k9');
  assert.equal(normalizeWord('javax.mail.AuthenticationFailedException:'), 'javaxmailauthenticationfailedexception');
  assert.deepEqual(queryWords('  The  operation — has '), ['the', 'operation', 'has']);
  assert.deepEqual(wordsAt('Use port 587, with STARTTLS.', [1, 4, 9]), ['port', 'starttls']);
  assert.deepEqual(wordsAt('日本\u200b語', [1]), ['語']);
});

test('a near miss is not a match: trimmed prefixes of nonsense, a long run of letters', () => {
  assert.equal(isRealMatch(['qwxzvbnk'], ['q']), false);
  assert.equal(isRealMatch(['a'.repeat(150)], ['aaaa']), false);
  assert.equal(isRealMatch([`smtp${'x'.repeat(20)}`], ['smtp']), false);
  assert.equal(isRealMatch(['qwxzvbnk', 'port'], ['q', 'port']), true);
  assert.equal(isRealMatch(['anything'], []), false);
});

test('real matches: prefixes, parts of dotted names, stems', () => {
  assert.ok(answers('vault', 'vaultwarden'));
  assert.ok(answers('k9', 'k9'));
  assert.ok(answers('authenticationfailedexception', 'javaxmailauthenticationfailedexception'));
  assert.ok(answers('operations', 'operation'));
  assert.ok(answers('timed', 'time'));
  assert.equal(answers('tim', 'tx'), false);
  assert.equal(answers('smtps', 'imap'), false);
});
