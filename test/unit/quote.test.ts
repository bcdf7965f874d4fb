// Each quoting function against the real parser of its language: whatever it accepts must read
// back as exactly the input; whatever it refuses must be something the format documents as unsafe.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import * as acorn from 'acorn';
import { parse as parseDotenv } from 'dotenv';
import { parse as parseProperties } from 'dot-properties';
import { parse as parseYaml } from 'yaml';
import { Engine as PhpParser } from 'php-parser';
import * as q from '../../src/lib/quote.ts';
import type { SnippetLanguage } from '../../src/schemas/client.ts';
import { has, muttrcValues, muttUrlUser, msmtpArgs, readers } from '../helpers/clients.ts';

const TRICKY = [
  '',
  'you@icloud.com',
  "o'brien@icloud.com",
  'say "hi"@icloud.com',
  'back\\slash@icloud.com',
  'trailing\\',
  "o'brien$x\\y@icloud.com",
  '$HOME ${HOME} $(id) `id` #{x} #@x #$x',
  '%U %H %C %M %25 %s %%',
  'ünïcødé@ícloud.com',
  '日本語@例え.jp',
  'emoji 😀 and 👩‍👩‍👧@x',
  'tab\there',
  'new\nline',
  'cr\rx',
  'nul\0x',
  'del\x7f c1\x85 ls\u2028 ps\u2029 bom\ufeff',
  ' leading and trailing ',
  '# hash ; semi = eq : colon ! bang',
  '{address} {{x}} {smtp.server}',
  '\\u0041 \\x41 \\n \\101 \\t',
  "'",
  '"',
  '\\',
  '?#/@:[]!&()*+,=',
  'a'.repeat(300) + '@icloud.com',
];
const LONE = ['\ud800x', 'x\udc00'];

/** For each language: does the format promise to hold this text? (false: it must refuse it.) */
const holds: Record<SnippetLanguage, (s: string) => boolean> = {
  shell: (s) => !s.includes('\0'),
  python: () => true,
  javascript: () => true,
  php: () => true,
  ruby: () => true,
  go: () => true,
  csharp: () => true,
  java: () => true,
  yaml: () => true,
  dotenv: (s) => !/[\0-\x1f\x7f]/.test(s) && !(s.includes("'") && /["\\$`]/.test(s)),
  properties: () => true,
  gitconfig: (s) => !/[\0-\x07\x0b-\x1f\x7f-\x9f\u2028\u2029\ufeff\ufffe\uffff]/.test(s),
  msmtp: (s) => s !== '' && !/[\0-\x1f\x7f]/.test(s) && !/%[UHCM]/.test(s) && Buffer.byteLength(s) <= 400,
  muttrc: (s) => !/[\0\n\r]/.test(s),
  ini: (s) => !/[\0-\x1f\x7f]/.test(s) && !/%\(|\$\{|\$__/.test(s),
  elixir: () => true,
  rust: () => true,
  powershell: (s) => !s.includes('\0'),
  url: () => true,
};

/** A minimal source file holding one literal, per language. */
const wrap: Record<SnippetLanguage, (lit: string) => string> = {
  shell: (lit) => `emit ${lit}\n`,
  python: (lit) => `x = ${lit}\n`,
  javascript: (lit) => `x = ${lit};\n`,
  php: (lit) => `<?php $x = ${lit};\n`,
  ruby: (lit) => `x = ${lit}\n`,
  go: (lit) => `package main\n\nvar x = ${lit}\n`,
  csharp: (lit) => `var x = ${lit};\n`,
  java: (lit) => `class T { String x = ${lit}; }\n`,
  yaml: (lit) => `k: ${lit}\n`,
  dotenv: (lit) => `K=${lit}\n`,
  properties: (lit) => `k=${lit}\n`,
  gitconfig: (lit) => `[t]\n\tk = ${lit}\n`,
  msmtp: (lit) => `account t\nhost h\nuser ${lit}\n`,
  muttrc: (lit) => `set my_k = ${lit}\n`,
  ini: (lit) => `[mailer]\nUSER = ${lit}\n`,
  elixir: (lit) => `config :app, App.Mailer,\n  username: ${lit},\n  port: 1\n`,
  rust: (lit) => `fn main() {\n    let x = ${lit};\n}\n`,
  powershell: (lit) => `$x = ${lit}\nWrite-Output $x\n`,
  url: (lit) => `smtp://${lit}:pw@host.invalid:1/?from=${lit}\n`,
};

const skip: Partial<Record<SnippetLanguage, string>> = {
  ...(has('java') ? {} : { java: 'java is not installed' }),
  ...(has('git') ? {} : { gitconfig: 'git is not installed' }),
  ...(has('python3') ? {} : { python: 'python3 is not installed', yaml: 'python3 is not installed' }),
};

for (const language of Object.keys(wrap) as SnippetLanguage[]) {
  test(
    `${language}: tricky strings read back exactly, or are refused with a QuoteError`,
    { skip: skip[language] ?? false },
    async () => {
      const accepted: { s: string; lit: string }[] = [];
      for (const s of TRICKY) {
        let lit: string | undefined;
        try {
          lit = q.quote(language, s);
        } catch (e) {
          assert.ok(e instanceof q.QuoteError, `${language} threw a non-QuoteError for ${JSON.stringify(s)}: ${e}`);
          assert.ok(!holds[language](s), `${language} refused ${JSON.stringify(s)}: ${(e as Error).message}`);
          continue;
        }
        assert.ok(holds[language](s), `${language} should refuse ${JSON.stringify(s)} but wrote ${lit}`);
        accepted.push({ s, lit });
      }
      const read = await readers[language](accepted.map(({ lit }) => wrap[language](lit)));
      accepted.forEach(({ s, lit }, i) => {
        assert.ok(
          read[i]!.includes(s),
          `${language}: ${lit} read back as ${JSON.stringify(read[i])}, not ${JSON.stringify(s)}`,
        );
      });
      for (const s of LONE) assert.throws(() => q.quote(language, s), q.QuoteError);
    },
  );
}

test('quoteInner is the body of quote() for every language with a fixed quote', () => {
  for (const language of Object.keys(wrap) as SnippetLanguage[]) {
    if (language === 'dotenv') {
      assert.throws(() => q.quoteInner(language, "o'b"), q.QuoteError);
      assert.equal(q.quoteInner(language, 'you%40icloud.com'), 'you%40icloud.com');
      continue;
    }
    for (const s of TRICKY) {
      if (!holds[language](s)) continue;
      const full = q.quote(language, s);
      assert.equal(
        language === 'properties' || language === 'url' ? full : full.slice(1, -1),
        q.quoteInner(language, s),
        language,
      );
    }
  }
});

test('the named functions are quote() for their language', () => {
  const s = "o'brien$x\\y@icloud.com";
  assert.equal(q.shellQuote(s), q.quote('shell', s));
  assert.equal(q.shellQuote(s), `'o'\\''brien$x\\y@icloud.com'`);
  assert.equal(q.pythonQuote(s), `'o\\'brien$x\\\\y@icloud.com'`);
  assert.equal(q.jsQuote(s), q.pythonQuote(s));
  assert.equal(q.phpQuote(s), `'o\\'brien$x\\\\y@icloud.com'`);
  assert.equal(q.rubyQuote('#{x}'), '"\\#{x}"');
  assert.equal(q.goQuote('a"b'), '"a\\"b"');
  assert.equal(q.csharpQuote('\0'), '"\\u0000"');
  assert.equal(q.javaQuote('\n\0'), '"\\n\\000"');
  assert.equal(q.yamlQuote('x'), '"x"');
  assert.equal(q.dotenvQuote("o'brien"), `"o'brien"`);
  assert.equal(q.dotenvQuote('a"b'), `'a"b'`);
  assert.equal(q.propertiesValue(' ü'), '\\ \\u00FC');
  assert.equal(q.gitconfigQuote('a"b'), '"a\\"b"');
  assert.equal(q.msmtpQuote('a"b'), '"a"b"');
  assert.equal(q.muttrcQuote("o'b"), `'o'\\''b'`);
});

test('urlUserinfo: mutt splits at the last @ and decodes back to the address', () => {
  for (const s of TRICKY) {
    const url = `smtp://${q.urlUserinfo(s)}@host.invalid:1/`;
    assert.equal(muttUrlUser(url), s, url);
    assert.doesNotMatch(q.urlUserinfo(s), /[@:/?#%](?![0-9A-F]{2})/);
  }
  assert.throws(() => q.urlUserinfo('\ud800'), q.QuoteError);
});

test('userForPair refuses what would split user:password in the wrong place', () => {
  assert.equal(q.userForPair('you@icloud.com'), 'you@icloud.com');
  for (const bad of ['a:b@icloud.com', ' you@icloud.com', 'you@icloud.com ', 'a\nb'])
    assert.throws(() => q.userForPair(bad), q.QuoteError);
});

test('refusals say what the format cannot hold', () => {
  assert.throws(() => q.msmtpQuote('%U@icloud.com'), /msmtp configuration line cannot hold the patterns %U/);
  assert.throws(() => q.dotenvQuote(`o'brien$x`), /\.env value cannot hold both '/);
  assert.throws(() => q.muttrcQuote('a\nb'), /muttrc line cannot hold a line break/);
});

test('msmtp and muttrc readers follow the programs: quotes, escapes and variables', () => {
  assert.deepEqual(msmtpArgs('user  "  a \\"b\\" "  \n# c\nfrom "%U x"'), [
    ['user', '  a \\"b\\" '],
    ['from', '<expanded %U> x'],
  ]);
  const vars = muttrcValues(`set a = 'x'\\''y' # note\nset b = "q\\"$V\\\\" ; set c = 1\n`, { V: 'v' });
  assert.equal(vars.get('a'), "x'y");
  assert.equal(vars.get('b'), 'q"v\\');
});

// Property tests: random Unicode through the in-process parsers.
const text = fc.string({ unit: 'binary', maxLength: 40 });
const php = new PhpParser({ parser: { php8: true }, ast: { withPositions: false } });
const inProcess: [SnippetLanguage, (lit: string) => unknown][] = [
  [
    'javascript',
    (lit) => (acorn.parseExpressionAt(lit, 0, { ecmaVersion: 'latest' }) as unknown as { value: unknown }).value,
  ],
  ['yaml', (lit) => parseYaml(`k: ${lit}\n`).k],
  [
    'php',
    (lit) =>
      (
        php.parseCode(`<?php $x = ${lit};`, 'x.php').children[0] as unknown as {
          expression: { right: { value: unknown } };
        }
      ).expression.right.value,
  ],
  ['properties', (lit) => parseProperties(`k=${lit}\n`)['k']],
  ['dotenv', (lit) => parseDotenv(`K=${lit}\n`)['K']],
];
for (const [language, read] of inProcess) {
  test(`${language}: random Unicode round-trips (property)`, () => {
    fc.assert(
      fc.property(text, (s) => {
        let lit: string;
        try {
          lit = q.quote(language, s);
        } catch (e) {
          return e instanceof q.QuoteError && !holds[language](s);
        }
        return read(lit) === s;
      }),
      { numRuns: 300 },
    );
  });
}
