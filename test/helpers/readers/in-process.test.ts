// The readers that run inside Node: each returns the strings its parser sees, and throws on a
// syntax error, so a broken snippet cannot pass as "no strings".
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { csharp } from './csharp.ts';
import { dotenv } from './dotenv.ts';
import { go } from './go.ts';
import { javascript } from './javascript.ts';
import { php } from './php.ts';
import { propertiesPackage } from './properties.ts';
import { ruby } from './ruby.ts';
import type { Reader } from './tools.ts';
import { yamlPackage } from './yaml.ts';

const cases: [string, Reader, string, string[], string][] = [
  ['javascript', javascript, 'const a = "x\\u0041"; f(\'y\', `t`);', ['xA', 'y'], 'const = ;'],
  ['php', php, "<?php $a = 'it\\'s'; $b = \"q\\x41\";", ["it's", 'qA'], '<?php $a = ;'],
  ['ruby', ruby, "a = \"x\\u0041\"\nb = 'y\\'z'", ['xA', "y'z"], 'a = "x'],
  ['go', go, 'package main\nvar a = "x\\x41\\u00e9"\n', ['xAé'], 'package main\nvar a = "x'],
  ['csharp', csharp, 'var a = "x\\x41\\u00e9";', ['xAé'], 'var a = "x;'],
  ['dotenv', dotenv, 'A=\'x y\'\nB="q"\n#C=no', ['x y', 'q'], ''],
  ['yaml', yamlPackage, 'a: "x\\u0041"\nb: !secret pw\n', ['a', 'xA', 'b', 'SECRET:pw'], 'a: "x'],
  ['properties', propertiesPackage, 'a=x\\u0041\nb = y\\\n  z', ['xA', 'yz'], ''],
];

for (const [name, read, good, expected, bad] of cases) {
  test(`${name}: reads the strings of a source${bad ? ', and throws on a syntax error' : ''}`, async () => {
    assert.deepEqual(await read([good]), [expected]);
    if (bad) await assert.rejects(read([bad]));
  });
}
