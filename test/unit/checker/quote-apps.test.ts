// The quoting added for apps, servers and libraries: URL userinfo (Symfony MAILER_DSN, Apprise,
// lettre, s-nail), go-ini values (Gitea, Forgejo, Grafana), Elixir, Rust and PowerShell literals.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as q from '../../../src/lib/checker/quote.ts';
import { goIniValue } from '../../helpers/readers/ini.ts';
import { elixirString } from '../../helpers/readers/elixir.ts';
import { powershellVerbatim } from '../../helpers/readers/powershell.ts';
import { rustString } from '../../helpers/readers/rust.ts';
import { pythonParts, whatwgParts } from '../../helpers/readers/url.ts';

const ADDRESSES = [
  'you@icloud.com',
  'first.last+tag@icloud.com',
  "o'brien@me.com",
  'a:b@icloud.com',
  'x/y?z#w@icloud.com',
  '100%25@mac.com',
  '[v6]@icloud.com',
  'semi;colon=eq&amp@icloud.com',
  'bang!$star*(paren)@icloud.com',
  'space here@icloud.com',
  'ünïcødé@ícloud.com',
  '日本語😀@icloud.com',
  '"quoted"@icloud.com',
  'back\\slash@icloud.com',
  'pipe|caret^`tick`{brace}@icloud.com',
  '@@double@@icloud.com',
];

test('URL userinfo: the @ of the address is %40 and only unreserved characters stay raw', () => {
  assert.equal(q.urlUserinfo('you@icloud.com'), 'you%40icloud.com');
  assert.equal(q.urlQuote("o'brien!(x)*@me.com"), 'o%27brien%21%28x%29%2A%40me.com');
  for (const a of ADDRESSES) assert.match(q.urlUserinfo(a), /^(?:[A-Za-z0-9\-._~]|%[0-9A-F]{2})*$/, a);
});

test('URL userinfo: WHATWG URL and Python urllib.parse decode the username back to the address', () => {
  const urls = ADDRESSES.map(
    (a) => `smtp://${q.urlUserinfo(a)}:app-password@smtp.example.invalid:587?from=${q.urlQuote(a)}&tls=required`,
  );
  const py = pythonParts(urls);
  urls.forEach((url, i) => {
    const mine = whatwgParts(url);
    assert.equal(mine[0], ADDRESSES[i], `WHATWG user of ${url}`);
    assert.equal(mine[1], 'app-password');
    assert.equal(mine[3], ADDRESSES[i], `WHATWG from= of ${url}`);
    assert.equal(py[i]![0], ADDRESSES[i], `urllib user of ${url}`);
    assert.equal(py[i]![3], ADDRESSES[i], `urllib from= of ${url}`);
  });
});

test('URL userinfo: an address written raw would be misread (why the encoding is needed)', () => {
  const raw = 'smtp://a:b@icloud.com:pw@smtp.example.invalid:587';
  assert.equal(whatwgParts(raw)[0], 'a');
  assert.equal(pythonParts([raw])[0]![0], 'a');
  const encoded = `smtp://${q.urlUserinfo('a:b@icloud.com')}:pw@smtp.example.invalid:587`;
  assert.equal(whatwgParts(encoded)[0], 'a:b@icloud.com');
});

test('ini: a backquoted value survives ; and # (go-ini), and refused text says why', () => {
  assert.equal(q.iniQuote('a;b#c@icloud.com'), '`a;b#c@icloud.com`');
  assert.equal(goIniValue(` ${q.iniQuote('a;b#c@icloud.com')}`), 'a;b#c@icloud.com');
  assert.equal(goIniValue(' a;b#c@icloud.com'), 'a', 'unquoted, go-ini cuts at the comment');
  assert.equal(goIniValue(` ${q.iniQuote('`tick`@icloud.com')}`), '`tick`@icloud.com');
  assert.throws(() => q.iniQuote('%(USER)s@icloud.com'), /INI value cannot hold '%\('/);
  assert.throws(() => q.iniQuote('${HOME}@icloud.com'), /Grafana expands/);
  assert.throws(() => q.iniQuote('a\nb'), /line breaks/);
});

test('elixir, rust and powershell literals decode back to the text', () => {
  for (const a of [...ADDRESSES, '#{x}\\#{y}', 'tab\tnew\nline\0', '\u2028\ufeff', "‘curly’ ‚low‛ 'plain'"]) {
    assert.equal(elixirString(q.elixirQuote(a)), a, `elixir ${a}`);
    assert.equal(rustString(q.rustQuote(a)), a, `rust ${a}`);
    if (!a.includes('\0')) assert.equal(powershellVerbatim(q.powershellQuote(a)), a, `powershell ${a}`);
  }
  assert.equal(q.elixirQuote('#{x}'), '"\\#{x}"');
  assert.equal(q.rustQuote('\0'), '"\\u{0000}"');
  assert.equal(q.powershellQuote("o'brien’s"), "'o''brien’’s'");
  assert.throws(() => q.powershellQuote('a\0b'), q.QuoteError);
  assert.throws(() => elixirString('"#{x}"'), /interpolation/);
  assert.throws(() => powershellVerbatim("'o’brien'"), /unpaired/);
});
