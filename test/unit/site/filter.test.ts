// The /clients/ filter's rule (src/lib/site/filter.ts), on inline fixtures.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { filterMatches, filterWords } from '../../../src/lib/site/filter.ts';

const k9 = 'thunderbird for android / k-9 mail app mobile';
const outlook = 'outlook for windows (classic) outlook 365 office 365 microsoft 365 o365 app microsoft';

test('punctuation and case do not matter', () => {
  for (const q of ['k9', 'K-9', 'k 9 mail'.replace(/ /, ''), 'K9 Mail'])
    assert.ok(filterMatches(k9, filterWords(q)), q);
  for (const q of ['outlook 365', 'Office 365', 'o365', 'O-365']) assert.ok(filterMatches(outlook, filterWords(q)), q);
});

test('every word must be found; joining marks alone are no word; other marks stay', () => {
  assert.equal(filterMatches(k9, filterWords('<b>.*')), false);
  assert.equal(filterMatches(k9, filterWords('k9 outlook')), false);
  assert.deepEqual(filterWords(' - / '), []);
  assert.equal(filterMatches(k9, []), true);
});
