import assert from 'node:assert/strict';
import { test } from 'node:test';
import { csharpString, goString } from './escapes.ts';

test('goString: \\x and octal are bytes, \\u and \\U code points', () => {
  assert.equal(goString('"a\\x41\\101\\u00e9\\U0001F600\\n\\\\\\""'), 'aAAé😀\n\\"');
  assert.equal(goString('"\\xc3\\xa9"'), 'é');
  assert.throws(() => goString('"\\q"'), /unknown escape/);
  assert.throws(() => goString('"\\\'"'), /unknown escape/, "\\' is not a Go string escape");
});

test('csharpString: \\x takes one to four hex digits', () => {
  assert.equal(csharpString('"\\x41\\x0041\\u00e9\\0\\\'"'), "AAé\0'");
  assert.throws(() => csharpString('"\\q"'), /unknown escape/);
});
