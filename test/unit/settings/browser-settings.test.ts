// The settings the checker gets in the browser: every value kept, the provenance of each fact
// (source, checked, confidence) dropped, and the same verdicts from the same functions.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { browserSettings, isBrowserSettings } from '../../../src/lib/settings/browser-settings.ts';
import { check } from '../../../src/lib/checker/check.ts';
import { buildInstructions } from '../../../src/lib/checker/instructions.ts';
import { loadFixtureClients } from '../../helpers/clients.ts';
import { loadFixtureSettings } from '../../helpers/settings.ts';

const settings = loadFixtureSettings();

/** Every path to a leaf value, as `a.b.0.c`. */
function leaves(node: unknown, path = '', out = new Map<string, unknown>()): Map<string, unknown> {
  if (node !== null && typeof node === 'object') {
    for (const [k, v] of Object.entries(node)) leaves(v, path ? `${path}.${k}` : k, out);
  } else out.set(path, node);
  return out;
}

test('no fact keeps its source, checked date or confidence', () => {
  const kept = [...leaves(browserSettings(settings)).keys()].filter((p) => /\.(source|checked|confidence)$/.test(p));
  assert.deepEqual(kept, []);
});

test('every other value is kept, unchanged', () => {
  const all = leaves(settings);
  const expected = new Map([...all].filter(([p]) => !/\.(source|checked|confidence)$/.test(p)));
  assert.deepEqual(leaves(browserSettings(settings)), expected);
  assert.ok(expected.size < all.size, 'the fixture has provenance to drop');
});

test('keys named like provenance survive outside a fact (an object without value)', () => {
  const odd = { ...structuredClone(settings), extra: { source: 'kept', list: [{ value: 1, source: 'dropped' }] } };
  assert.deepEqual((browserSettings(odd as typeof settings) as unknown as typeof odd).extra, {
    source: 'kept',
    list: [{ value: 1 }],
  });
});

test('the input is not changed', () => {
  const before = structuredClone(settings);
  browserSettings(settings);
  assert.deepEqual(settings, before);
});

test('the checker and the instructions give the same result on the browser copy', () => {
  const slim = browserSettings(settings);
  const input = { address: 'pat@example.org', port: '465', server: 'smtp.example.org', security: 'STARTTLS' as const };
  assert.deepEqual(check(input, slim), check(input, settings));
  for (const client of loadFixtureClients()) {
    assert.deepEqual(
      buildInstructions(client, slim, 'pat@example.org'),
      buildInstructions(client, settings, 'pat@example.org'),
    );
  }
});

test('isBrowserSettings accepts the browser settings and refuses other shapes', () => {
  const good = browserSettings(settings);
  assert.equal(isBrowserSettings(good), true);
  assert.equal(isBrowserSettings(JSON.parse(JSON.stringify(good))), true);
  assert.equal(isBrowserSettings(null), false);
  assert.equal(isBrowserSettings({ ...good, smtp: { ...good.smtp, port: { value: '587' } } }), false);
  assert.equal(isBrowserSettings({ ...good, password: null }), false);
  assert.equal(isBrowserSettings({ ...good, placeholderAddress: 1 }), false);
});
