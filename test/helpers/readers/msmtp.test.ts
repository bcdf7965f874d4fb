import assert from 'node:assert/strict';
import { test } from 'node:test';
import { msmtpArgs, msmtpPort } from './msmtp.ts';

test('msmtpArgs follows conf.c: blanks trimmed, one pair of quotes removed, nothing unescaped', () => {
  assert.deepEqual(msmtpArgs('  user  "  a \\"b\\" "  \r\n# c\n\naccount x : y'), [
    ['user', '  a \\"b\\" '],
    ['account', 'x : y'],
  ]);
});

test('msmtpArgs marks the patterns from expands: %U %H %C %M and %F', () => {
  assert.deepEqual(msmtpArgs('from "%U.%F@x"\nuser %U'), [
    ['from', '<expanded %U>.<expanded %F>@x'],
    ['user', '%U'],
  ]);
});

test('msmtpPort returns every argument', async () => {
  assert.deepEqual(await msmtpPort(['host h\nport 1']), [['h', '1']]);
});
