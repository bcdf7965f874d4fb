import assert from 'node:assert/strict';
import { test } from 'node:test';
import { muttrcValues, muttUrlUser } from './muttrc.ts';

test('muttrcValues follows mutt: quotes, escapes and variables', () => {
  const vars = muttrcValues(`set a = 'x'\\''y' # note\nset b = "q\\"$V\\\\" ; set c = 1\n  set d=\\t$NOPE'$V'`, {
    V: 'v',
  });
  assert.equal(vars.get('a'), "x'y");
  assert.equal(vars.get('b'), 'q"v\\');
  assert.equal(vars.get('c'), undefined, 'only lines that start with set');
  assert.equal(vars.get('d'), '\t$V');
});

test('muttrcValues refuses what mutt would run or misread', () => {
  assert.throws(() => muttrcValues('set a = `id`'), /backquote/);
  assert.throws(() => muttrcValues('set a = "open'), /unclosed quote/);
});

test('muttUrlUser takes the user before the last @ and decodes %XX as UTF-8 bytes', () => {
  assert.equal(muttUrlUser('smtp://a%40b%3Ac@icloud.com@host:587/'), 'a@b:c@icloud.com');
  assert.equal(muttUrlUser('smtps://me%C3%A9:pw@h/'), 'meé');
  assert.equal(muttUrlUser('smtp://host/'), null);
  assert.equal(muttUrlUser('not a url'), null);
  assert.throws(() => muttUrlUser('smtp://a%4@h/'), /bad %-escape/);
  assert.throws(() => muttUrlUser('smtp://%C3@h/'), TypeError);
});
