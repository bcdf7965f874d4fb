import assert from 'node:assert/strict';
import { test } from 'node:test';
import { curlConfig } from './curl-config.ts';

test('curlConfig reads quoted values with their escapes, and unquoted ones up to a blank', () => {
  assert.deepEqual(curlConfig('user = "a\\"b\\\\c:pw"\n# comment\n  --url: smtp://h:1 trailing\nssl-reqd\n'), [
    ['user', 'a"b\\c:pw'],
    ['url', 'smtp://h:1'],
    ['ssl-reqd', ''],
  ]);
  assert.deepEqual(curlConfig('user "t\\tx\\qy"'), [['user', 't\txqy']]);
});

test('curlConfig refuses an unclosed quote', () => {
  assert.throws(() => curlConfig('user = "abc'), /unclosed quote/);
});
