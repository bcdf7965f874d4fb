import assert from 'node:assert/strict';
import { test } from 'node:test';
import { collect, strings } from './walk.ts';

test('collect picks values anywhere in a tree, but not through loc/location/parent', () => {
  const tree = {
    kind: 'a',
    v: 'x',
    loc: { kind: 'a', v: 'no' },
    kids: [
      { kind: 'a', v: 'y' },
      { kind: 'b', v: 'z' },
    ],
  };
  assert.deepEqual(
    collect(tree, (n) => (n['kind'] === 'a' ? (n['v'] as string) : undefined)),
    ['x', 'y'],
  );
});

test('strings lists keys and string values of parsed data', () => {
  assert.deepEqual(strings({ a: ['b', 1, { c: 'd' }], e: null }), ['a', 'b', 'c', 'd', 'e']);
});
