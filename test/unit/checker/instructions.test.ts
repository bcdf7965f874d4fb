// buildInstructions() for every client: fills the address, leaves no token, never throws on odd
// input, never carries a password; and the token rules themselves.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { buildInstructions, fill, type Instructions } from '../../../src/lib/checker/instructions.ts';
import { QuoteError } from '../../../src/lib/checker/quote.ts';
import type { Client } from '../../../src/schemas/client.ts';
import { loadFixtureClients } from '../../helpers/clients.ts';
import { loadFixtureSettings } from '../../helpers/settings.ts';

const settings = loadFixtureSettings();
const clients = loadFixtureClients();
const [domain] = settings.domains.value;

const NORMAL = `emily.parker@${domain}`;
const TRICKY = [
  `o'brien@${domain}`,
  `say"hi"@${domain}`,
  `cost$5\`id\`@${domain}`,
  `back\\slash@${domain}`,
  `100%U%25@${domain}`,
  `ünïcødé@${domain}`,
  `o'brien$x\\y@${domain}`,
  `#{x}\${y}@${domain}`,
  `a:b@${domain}`,
  `{smtp.server}@${domain}`,
  `{{x}} {nope}@${domain}`,
  `tab\tnew\nline@${domain}`,
  `no-at-sign`,
  ``,
  `\ud800lone@${domain}`,
];

/** A token the generator would have replaced: {address}, {localpart}, a dotted settings path, or any {name|filter}. */
const LEFTOVER = /\{(address|localpart|[A-Za-z]\w*(\.\w+)+)(\|\w+)*\}|\{\w+(\|\w+)+\}/;

function textOf(i: Instructions): string {
  return [
    i.where ?? '',
    ...i.fields.flatMap((f) => [f.label, f.value, f.note ?? '']),
    ...i.steps,
    ...i.gotchas,
    i.snippet?.code ?? '',
  ].join('\n');
}

/** The text with the address and its name part masked, so braces typed in an address don't count as leftovers. */
function withoutAddress(text: string, address: string): string {
  const local = address.slice(0, Math.max(0, address.lastIndexOf('@'))) || address;
  return [address, local].filter(Boolean).reduce((t, a) => t.split(a).join('<address>'), text);
}

for (const client of clients) {
  test(`${client.id}: instructions for a normal address, the placeholder and tricky addresses`, () => {
    const normal = buildInstructions(client, settings, NORMAL);
    assert.equal(normal.clientId, client.id);
    assert.deepEqual(normal.warnings, []);
    assert.ok(textOf(normal).includes(NORMAL), 'the address appears');
    if (normal.snippet) assert.ok(normal.snippet.code.includes(NORMAL), 'the snippet holds the address as is');
    assert.doesNotMatch(textOf(normal), LEFTOVER);

    const placeholder = buildInstructions(client, settings, null);
    assert.ok(textOf(placeholder).includes(settings.placeholderAddress), 'null means the placeholder address');
    assert.deepEqual(placeholder.warnings, []);
    assert.doesNotMatch(textOf(placeholder), LEFTOVER);

    for (const address of TRICKY) {
      const i = buildInstructions(client, settings, address);
      const text = textOf(i);
      assert.doesNotMatch(withoutAddress(text, address), LEFTOVER, `leftover token for ${JSON.stringify(address)}`);
      // Fields, steps and gotchas are plain text: the address goes in exactly as typed.
      if (address) assert.ok(text.includes(address), `${JSON.stringify(address)} is missing`);
      for (const w of i.warnings)
        assert.match(
          w,
          new RegExp(`cannot hold .* So the example uses ${settings.placeholderAddress.replace(/\./g, '\\.')}`),
        );
      if (i.snippet && i.warnings.length && !i.snippet.code.includes(address)) {
        assert.ok(
          i.snippet.code.includes(settings.placeholderAddress),
          'a refused address falls back to the placeholder',
        );
      }
    }
  });
}

test('values a reader pastes are copyable; choices and described values are not', () => {
  for (const client of clients) {
    const i = buildInstructions(client, settings, NORMAL);
    i.fields.forEach((f, n) => {
      assert.equal(f.copy, client.fields[n]!.action === 'enter', `${client.id}: ${f.label}`);
      if (/password/i.test(f.label)) assert.equal(f.copy, false, `${client.id}: ${f.label}`);
    });
  }
});

test('no password value ever appears', () => {
  for (const client of clients) {
    for (const address of [NORMAL, null, ...TRICKY]) {
      const text = textOf(buildInstructions(client, settings, address));
      assert.doesNotMatch(text, /\b[a-z]{4}-[a-z]{4}-[a-z]{4}-[a-z]{4}\b/, client.id);
      assert.doesNotMatch(text, /APP-PASSWORD-FROM-ENV/, client.id);
    }
  }
});

test('where is the menu path joined with " > ", or null', () => {
  const thunderbird = buildInstructions(
    clients.find((c) => c.id === 'thunderbird')!,
    settings,
    null,
  );
  assert.equal(thunderbird.where, 'Tools > Account Settings > Outgoing Server (SMTP) > your iCloud server > Edit…');
  assert.equal(
    buildInstructions(
      clients.find((c) => c.id === 'new-outlook')!,
      settings,
      null,
    ).where,
    null,
  );
  assert.equal(
    buildInstructions(
      clients.find((c) => c.id === 'nodemailer')!,
      settings,
      null,
    ).where,
    null,
  );
});

test('settings tokens are filled from the settings source', () => {
  const i = buildInstructions(
    clients.find((c) => c.id === 'thunderbird')!,
    settings,
    NORMAL,
  );
  const byLabel = new Map(i.fields.map((f) => [f.label, f.value]));
  assert.equal(byLabel.get('Server Name:'), settings.smtp.server.value);
  assert.equal(byLabel.get('Port:'), String(settings.smtp.port.value));
  assert.equal(byLabel.get('User Name:'), NORMAL);
});

const person = { address: `o'b@${domain}`, localpart: "o'b" };
const sample: Client = { ...clients.find((c) => c.id === 'python-smtplib')! };

test('token rules: unknown tokens and filters throw, |q and |in quote, {{ is a brace', () => {
  assert.throws(() => fill('{smtp.sever}', settings, person), /Unknown setting path "smtp.sever"/);
  assert.throws(() => fill('{adress}', settings, person), /Unknown setting path "adress"/);
  assert.throws(() => fill('{address|shout}', settings, person), /Unknown filter "\|shout"/);
  assert.throws(() => fill('{address|q}', settings, person), /\|q and \|in belong in snippets/);
  assert.throws(() => fill('x = {address}', settings, person, 'python'), /needs \|q or \|in/);
  assert.equal(fill('x = {address|q}', settings, person, 'python'), `x = 'o\\'b@${domain}'`);
  assert.equal(fill("x = 'mailto:{address|in}'", settings, person, 'python'), `x = 'mailto:o\\'b@${domain}'`);
  assert.equal(fill("'smtp://{address|url|in}@h/'", settings, person, 'muttrc'), `'smtp://o%27b%40${domain}@h/'`);
  assert.equal(fill('[]string{{to}', settings, person, 'go'), '[]string{to}');
  assert.equal(fill('{localpart} / {smtp.port}', settings, person), `o'b / ${settings.smtp.port.value}`);
  assert.throws(() => fill('{address|login|q}', settings, { address: 'a:b', localpart: 'a' }, 'shell'), QuoteError);
});

test('an address is filled once: its own braces are not read as tokens', () => {
  const address = `{smtp.server}@${domain}`;
  const i = buildInstructions(sample, settings, address);
  assert.ok(i.snippet!.code.includes(`ADDRESS = '${address}'`));
});

test('an unknown token in any client template fails the build of that client', () => {
  for (const client of clients) {
    const broken: Client = { ...client, steps: [...client.steps, 'Then {smtp.servr}.'] };
    assert.throws(() => buildInstructions(broken, settings, NORMAL), /Unknown setting path/, client.id);
  }
  const unquoted: Client = { ...sample, snippet: { ...sample.snippet!, template: 'x = {address}' } };
  assert.throws(() => buildInstructions(unquoted, settings, NORMAL), /needs \|q or \|in/);
});

test('the output is plain data: no HTML is built', () => {
  const i = buildInstructions(sample, settings, `<b>x</b>@${domain}`);
  assert.ok(textOf(i).includes(`<b>x</b>@${domain}`), "text stays text; escaping is the renderer's job");
  assert.doesNotThrow(() => JSON.stringify(i));
});
