// The readers that run real programs, on small sources with a known answer: each returns the strings
// the program sees and throws on a syntax error. Where an in-process reader exists too (YAML,
// .properties, msmtp, muttrc), the real program must agree with it, and disagreement throws.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { gitconfig } from '../helpers/readers/gitconfig.ts';
import { java } from '../helpers/readers/java.ts';
import { msmtpPretend, msmtpWithProgram } from '../helpers/readers/msmtp.ts';
import { muttQuery, muttrcWithProgram } from '../helpers/readers/muttrc.ts';
import { propertiesWithJava } from '../helpers/readers/properties.ts';
import { python } from '../helpers/readers/python.ts';
import { shell } from '../helpers/readers/shell.ts';
import { PASSWORD_FROM_ENV, skipUnless, type Reader, type Tool } from '../helpers/readers/tools.ts';
import { yamlWithPyyaml } from '../helpers/readers/yaml.ts';

const cases: [string, Tool[], Reader, string, string[], string][] = [
  ['python', ['python3'], python, 'a = "x\\x41"\nb = f(\'y\')\n', ['xA', 'y'], 'a = "x\n'],
  ['java', ['java'], java, 'class T { String a = "x\\u0041"; }\n', ['xA'], 'class T { String a = "x; }\n'],
  ['shell', ['bash'], shell, 'emit \'a b\' "c$((1+1))"\n', ['a b', 'c2'], 'emit "unclosed\n'],
  ['gitconfig', ['git'], gitconfig, '[s]\n\tk = "a\\"b" ; comment\n', ['a"b'], '[s\n\tk = v\n'],
  ['yaml (PyYAML)', ['python3', 'pyyaml'], yamlWithPyyaml, 'k: "x\\u0041"\n', ['k', 'xA'], 'k: "x\n'],
  ['properties (java.util.Properties)', ['java'], propertiesWithJava, 'k=x\\u0041\n', ['xA'], ''],
  [
    'msmtp (--pretend)',
    ['msmtp'],
    msmtpWithProgram,
    'account a\nhost h.example\nuser "u x"\n',
    ['a', 'h.example', 'u x'],
    '',
  ],
  ['muttrc (mutt -Q)', ['mutt'], muttrcWithProgram, "set my_k = 'a\"b'\n", ['a"b'], "set my_k = 'open\n"],
];

for (const [name, tools, read, good, expected, bad] of cases) {
  test(
    `${name}: reads the strings of a source${bad ? ', and throws on a syntax error' : ''}`,
    { skip: skipUnless(tools) },
    async () => {
      assert.deepEqual(await read([good]), [expected]);
      if (bad) await assert.rejects(read([bad]));
    },
  );
}

test(
  'shell: `read` gets the password line, and curl --config - shows what it reads on stdin',
  { skip: skipUnless(['bash']) },
  async () => {
    const [values] = await shell(['IFS= read -rs P\nprintf \'user = "%s"\\n\' "u:$P" | curl --config - --url x\n']);
    assert.deepEqual(values, ['--config', '-', '--url', 'x', `user = "u:${PASSWORD_FROM_ENV}"\n`]);
  },
);

test('msmtp --pretend prints the host, user and from it would use', { skip: skipUnless(['msmtp']) }, () => {
  assert.deepEqual([...msmtpPretend('account a\nhost h.example\nuser me@x\nfrom "me@x"\n')].sort(), [
    ['from', 'me@x'],
    ['host', 'h.example'],
    ['user', 'me@x'],
  ]);
});

test(
  'msmtp expands %U in from: why the quoting refuses % followed by a letter',
  { skip: skipUnless(['msmtp']) },
  () => {
    const from = msmtpPretend('account a\nhost h.example\nfrom "%U@x.example"\n').get('from');
    assert.ok(from !== undefined && from !== '%U@x.example' && from.endsWith('@x.example'), `from = ${from}`);
  },
);

test('mutt -Q prints string variables, escaped', { skip: skipUnless(['mutt']) }, () => {
  assert.deepEqual(
    [...muttQuery('set my_a = \'a b"c\'\nset my_b = "t\\tx"\n', ['my_a', 'my_b'])],
    [
      ['my_a', 'a b"c'],
      ['my_b', 't\tx'],
    ],
  );
});
