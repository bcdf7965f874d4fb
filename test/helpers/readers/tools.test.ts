import assert from 'node:assert/strict';
import { test } from 'node:test';
import { agree, inCI, lines, missingTools, skipUnless, type Tool } from './tools.ts';

const none = (): boolean => false;
const all = (): boolean => true;

test('missingTools names each missing tool and its Debian package', () => {
  assert.equal(missingTools(['git', 'mutt'], all), '');
  assert.equal(
    missingTools(['java', 'mutt', 'java'], (t: Tool) => t === 'git'),
    'missing interop tools: java (Debian package default-jdk-headless), mutt (Debian package mutt); ' +
      'install with apt-get install default-jdk-headless mutt',
  );
});

test('skipUnless: locally a missing tool skips with the message; in CI it fails naming the tool', () => {
  assert.equal(skipUnless(['msmtp'], {}, all), false);
  assert.equal(skipUnless(['msmtp'], { CI: 'true' }, all), false);
  assert.match(String(skipUnless(['msmtp'], {}, none)), /^missing interop tool: msmtp \(Debian package msmtp\)/);
  assert.throws(
    () => skipUnless(['msmtp', 'pyyaml'], { CI: 'true' }, none),
    /CI=true and a missing interop tools: msmtp .*pyyaml \(Debian package python3-yaml\)/,
  );
});

test('inCI reads CI the way CI services set it', () => {
  for (const v of ['true', 'TRUE', '1', 'yes']) assert.equal(inCI({ CI: v }), true, v);
  for (const v of [undefined, '', 'false', '0']) assert.equal(inCI(v === undefined ? {} : { CI: v }), false, String(v));
});

test('lines matches line by line on \\n only', () => {
  assert.deepEqual(
    lines('user = a\u2028b\nhost = h\nx', /^(\w+) = (.*)$/s).map((m) => m[2]),
    ['a\u2028b', 'h'],
  );
});

test('agree returns the list when both readers see the same strings, in any order, and throws otherwise', () => {
  assert.deepEqual(agree('x', ['a', 'b'], ['b', 'a'], 'src'), ['a', 'b']);
  assert.throws(() => agree('fmt', ['a'], ['b'], 'the source'), /fmt readers disagree:\n\["a"\]\n\["b"\]\nthe source/);
});
