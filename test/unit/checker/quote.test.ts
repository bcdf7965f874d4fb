// Each quoting function against an in-process parser of its language (npm packages, and ports of
// msmtp's and mutt's own reading code): whatever it accepts must read back as exactly the input;
// whatever it refuses must be something the format documents as unsafe. The same cases go through
// the real programs (python3, javac, bash, git, msmtp, mutt, PyYAML) in test/interop/quote.test.ts.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import * as acorn from 'acorn';
import { parse as parseDotenv } from 'dotenv';
import { parse as parseProperties } from 'dot-properties';
import { parse as parseYaml } from 'yaml';
import { Engine as PhpParser } from 'php-parser';
import * as q from '../../../src/lib/checker/quote.ts';
import type { SnippetLanguage } from '../../../src/schemas/client.ts';
import { readers } from '../../helpers/readers/index.ts';
import { msmtpArgs } from '../../helpers/readers/msmtp.ts';
import { muttUrlUser } from '../../helpers/readers/muttrc.ts';
import { TRICKY, LONE, holds, wrap } from '../../helpers/quote-cases.ts';

for (const language of Object.keys(wrap) as SnippetLanguage[]) {
  const read = readers[language].inProcess;
  test(`${language}: tricky strings ${read ? 'read back exactly' : 'are written'}, or are refused with a QuoteError`, async () => {
    const accepted: { s: string; lit: string }[] = [];
    for (const s of TRICKY) {
      let lit: string | undefined;
      try {
        lit = q.quote(language, s);
      } catch (e) {
        assert.ok(
          e instanceof q.QuoteError,
          `${language} threw a non-QuoteError for ${JSON.stringify(s)}: ${String(e)}`,
        );
        assert.ok(!holds[language](s), `${language} refused ${JSON.stringify(s)}: ${e.message}`);
        continue;
      }
      assert.ok(holds[language](s), `${language} should refuse ${JSON.stringify(s)} but wrote ${lit}`);
      accepted.push({ s, lit });
    }
    // Languages with no parser in Node are read back by the real program in test/interop/.
    const values = read ? await read(accepted.map(({ lit }) => wrap[language](lit))) : [];
    if (read)
      accepted.forEach(({ s, lit }, i) => {
        assert.ok(
          values[i]!.includes(s),
          `${language}: ${lit} read back as ${JSON.stringify(values[i])}, not ${JSON.stringify(s)}`,
        );
      });
    for (const s of LONE) assert.throws(() => q.quote(language, s), q.QuoteError);
  });
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

test('msmtp: a % followed by any letter is refused (msmtp expands %U %H %C %M, and %F since 1.8.29)', () => {
  for (const letter of 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz') {
    assert.throws(
      () => q.msmtpQuote(`%${letter}@icloud.com`),
      /An msmtp configuration line cannot hold a % followed by a letter, such as %U or %F/,
      `%${letter}`,
    );
  }
  assert.throws(() => q.msmtpQuote('x%F@icloud.com'), q.QuoteError);
  // A % before anything but an ASCII letter is not a pattern, and is kept.
  for (const s of ['100%@icloud.com', '%25@icloud.com', '%%@icloud.com', '%é@icloud.com', '50% off@x'])
    assert.equal(q.msmtpQuote(s), `"${s}"`, s);
});

test('refusals say what the format cannot hold', () => {
  assert.throws(() => q.msmtpQuote('%U@icloud.com'), /msmtp configuration line cannot hold a % followed by a letter/);
  assert.throws(() => q.dotenvQuote(`o'brien$x`), /\.env value cannot hold both '/);
  assert.throws(() => q.muttrcQuote('a\nb'), /muttrc line cannot hold a line break/);
});

test('the msmtp reader shows that from would expand %F', () => {
  assert.deepEqual(msmtpArgs('from "%F x"'), [['from', '<expanded %F> x']]);
});

// Property tests: random Unicode through the in-process parsers.
const text = fc.string({ unit: 'binary', maxLength: 40 });
const php = new PhpParser({ parser: { php8: true }, ast: { withPositions: false } });
const inProcess: [SnippetLanguage, (lit: string) => unknown][] = [
  [
    'javascript',
    (lit) => (acorn.parseExpressionAt(lit, 0, { ecmaVersion: 'latest' }) as unknown as { value: unknown }).value,
  ],
  ['yaml', (lit) => (parseYaml(`k: ${lit}\n`) as { k: unknown }).k],
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
