// Error entries filled once (src/lib/decoder/matcher-data.ts): templates filled, quotations kept.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { buildMatcherData, fillErrorEntry } from '../../../src/lib/decoder/matcher-data.ts';
import { isMatcherData } from '../../../src/lib/decoder/error-match.ts';
import type { ErrorEntry } from '../../../src/schemas/error.ts';

const settings = { smtp: { port: { value: 2500 }, server: { value: 'smtp.example.net' } } };
const entry: ErrorEntry = {
  id: 'x',
  title: 'Port {smtp.port} refused',
  summary: 'Nothing answers on {smtp.server}.',
  protocol: 'smtp',
  group: 'network',
  order: 1,
  clients: [],
  programs: [],
  cause: 'The port {smtp.port} is closed somewhere between you and {smtp.server}.',
  fix: ['Use {smtp.port}.'],
  faq: [],
  related: [],
  signatures: [{ all: ['refused on {smtp.port}'], weight: 2 }],
  examples: [{ text: 'connect to smtp.example.org:{smtp.port} refused', source: 'https://e.example/1', program: 'p' }],
  checked: '2026-12-04',
};

test('title, summary, cause, fix and signatures are filled; examples stay verbatim', () => {
  const f = fillErrorEntry(entry, settings);
  assert.equal(f.title, 'Port 2500 refused');
  assert.equal(f.summary, 'Nothing answers on smtp.example.net.');
  assert.equal(f.cause, 'The port 2500 is closed somewhere between you and smtp.example.net.');
  assert.deepEqual(f.fix, ['Use 2500.']);
  assert.deepEqual(f.signatures[0]!.all, ['refused on 2500']);
  assert.equal(f.examples[0]!.text, entry.examples[0]!.text);
});

test('an unknown settings path throws', () => {
  assert.throws(() => fillErrorEntry({ ...entry, cause: 'x {smtp.prot} '.repeat(5) }, settings), /smtp\.prot/);
});

test('the matcher data holds only what the decoder uses, and passes its own shape check', () => {
  const data = buildMatcherData([fillErrorEntry(entry, settings)]);
  assert.deepEqual(Object.keys(data.entries[0]!).sort(), ['cause', 'fix', 'id', 'protocol', 'signatures', 'title']);
  assert.equal(isMatcherData(data), true);
  assert.equal(isMatcherData({ version: 2, entries: [] }), false);
  assert.equal(isMatcherData({ version: 1, entries: [{ id: 'x' }] }), false);
  assert.equal(isMatcherData(null), false);
});
