// Claims about what a server or a program does, held to their sources (issue 18, "Facts"). Each
// test names the source that settles the claim; where no source exists, the content must not make it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { compile, match } from '../../src/lib/decoder/error-match.ts';
import { buildMatcherData, fillErrorEntry } from '../../src/lib/decoder/matcher-data.ts';
import { errorFiles, errorsDir, loadErrors } from '../helpers/errors.ts';
import { clientFiles, loadClients, readClientText } from '../helpers/clients.ts';
import { loadSettings } from '../helpers/settings.ts';

const settings = loadSettings();
const errors = loadErrors();
const clients = loadClients();
const error = (id: string) => errors.find((e) => e.id === id)!;
const client = (id: string) => clients.find((c) => c.id === id)!;

// No source shows what iCloud's server does with a login sent before STARTTLS (icloud-mail.md §6, §8),
// so no entry may say that it refuses one: say what the program does, from its source, or say it in
// neutral words. Each phrasing here was once in the content.
// (A program that refuses to log in without TLS, as Nodemailer's requireTLS does, is not this claim.)
const unsourcedClaims: RegExp[] = [
  /\b(icloud|the server)\b[^.]*\brefuses? (the login|to log ?in)\b/i,
  /\bthe server refuses it anyway\b/i,
  /\bwithout encryption, which iCloud refuses\b/i,
];

test('no client or error entry claims that iCloud refuses a login sent without encryption', () => {
  const found: string[] = [];
  const files = [
    ...clientFiles().map((f) => ({ name: `content/clients/${f}`, text: readClientText(f) })),
    ...errorFiles().map((f) => ({ name: `content/errors/${f}`, text: readFileSync(new URL(f, errorsDir), 'utf8') })),
  ];
  for (const { name, text } of files)
    text.split('\n').forEach((line, i) => {
      for (const re of unsourcedClaims) if (re.test(line)) found.push(`${name}:${i + 1}: ${re.source}`);
    });
  assert.deepEqual(found, []);
});

test('the claim check catches each phrasing it was written for', () => {
  for (const line of [
    'PROTOCOL = smtp sends without encryption and iCloud refuses the login.',
    'and iCloud refuses to log in without TLS.',
    'a failed upgrade would let the session go on unencrypted until the server refuses the login.',
    'and iCloud then refuses to log in.',
    'the password would cross the network in clear text, and the server refuses it anyway.',
    'it would try to log in without encryption, which iCloud refuses.',
  ])
    assert.ok(
      unsourcedClaims.some((re) => re.test(line)),
      line,
    );
  for (const line of [
    'A made-up sender such as scanner@ your own domain is refused.',
    'requireTLS: true, // refuse to log in without the upgrade',
  ])
    assert.ok(!unsourcedClaims.some((re) => re.test(line)), line);
});

// Reply texts seen from other servers, never from iCloud: Gmail's replies end in "gsmtp";
// "Must issue a STARTTLS command first" is Gmail's and Postfix's; "5.7.8 Username and Password not
// accepted" is Gmail's; "535 5.7.8" is Gmail's and Postfix's code (icloud-mail.md §6 row 5: the exact
// 535 text from iCloud is unconfirmed). Examples may quote them, named by the server that sent them;
// a title or summary may not, or another server's wording passes for iCloud's.
const otherServersWording = [
  'must issue a starttls command first',
  'username and password not accepted',
  '535 5.7.8',
  'gsmtp',
];
const namesItsServer = /\b(gmail|google|postfix)\b|does not name the server/i;

test("no error title or summary presents another server's reply text as iCloud's", () => {
  const found: string[] = [];
  for (const e of errors)
    for (const w of otherServersWording)
      for (const [field, text] of [
        ['title', e.title],
        ['summary', e.summary],
      ] as const)
        if (text.toLowerCase().includes(w)) found.push(`${e.id} ${field}: "${w}"`);
  assert.deepEqual(found, []);
});

test('an example that quotes another server says in program which server sent it', () => {
  const found: string[] = [];
  for (const e of errors)
    for (const x of e.examples)
      if (otherServersWording.some((w) => x.text.toLowerCase().includes(w)) && !namesItsServer.test(x.program))
        found.push(`${e.id} (${x.source}): program "${x.program}"`);
  assert.deepEqual(found, []);
});

test('starttls-required is recognised by the code (530 or 5.7.0 with STARTTLS), not by one server’s wording', () => {
  const matcher = compile(buildMatcherData(errors.map((e) => fillErrorEntry(e, settings))).entries);
  // Synthetic texts, written for this test: the code and the word STARTTLS in other words.
  for (const text of ['530 5.7.0 STARTTLS required before AUTH', 'SMTP error 530: please send STARTTLS first'])
    assert.equal(match(matcher, text)[0]?.entry.id, 'starttls-required', text);
  assert.ok(error('starttls-required').signatures.some((s) => s.all.includes('530') && s.all.includes('starttls')));
});

test('Home Assistant: “Login not possible” means SMTPAuthenticationError only; the fix is in the entry, not a restart', () => {
  const e = error('home-assistant-login-not-possible');
  const fix = e.fix.join(' ');
  // homeassistant/components/smtp/notify.py logs the line only in `except smtplib.SMTPAuthenticationError`;
  // a gaierror or ConnectionRefusedError logs "SMTP server not found or refused connection"; TLS errors
  // are not caught there.
  assert.match(e.cause, /SMTPAuthenticationError/);
  assert.doesNotMatch(e.cause, /\bor a TLS error\b/i);
  assert.match(e.cause, /SMTP server not found or refused connection/);
  // config_flow.py: validate_input turns SMTPAuthenticationError into invalid_auth; the entry has
  // async_step_reconfigure and async_step_reauth_confirm, which test the login before saving.
  assert.match(e.cause, /invalid_auth/);
  assert.match(fix, /reconfigure/i);
  assert.match(fix, /re-authenticat/i);
  assert.doesNotMatch(fix, /\brestart\b/i);
});

test("Go: net/smtp's error is only “unencrypted connection”; a prefix belongs to the application", () => {
  const e = error('go-unencrypted-connection');
  // golang/go src/net/smtp/auth.go: plainAuth.Start returns errors.New("unencrypted connection").
  assert.match(e.title, /“unencrypted connection”/);
  assert.doesNotMatch(e.title, /failed to authenticate SMTP client/i);
  for (const x of e.examples)
    if (!/^unencrypted connection$/i.test(x.text.trim()))
      assert.match(e.cause, /comes from the application/, `${x.source}: say whose words the prefix is`);
});

test('Gitea and Forgejo: keys cite current source, “removed” cites the code that removes them', () => {
  // modules/setting/mailer.go at 0ab6ffaa (the 1.18 era) still maps HOST and IS_TLS_ENABLED.
  const old = '0ab6ffaaa2fcb94f4a531d48d1ce290ec1b9dc73';
  for (const c of [client('gitea'), client('forgejo')]) {
    const urls = [...c.sources.map((s) => s.url), ...c.fields.map((f) => f.labelSource ?? '')];
    assert.deepEqual(
      urls.filter((u) => u.includes(old)),
      [],
      c.id,
    );
  }
  const gitea = client('gitea');
  if (gitea.gotchas.some((g) => /HOST/.test(g) && /removed/i.test(g)))
    assert.ok(gitea.sources.some((s) => s.url.includes('/modules/setting/removed.go')));
  // services/mailer/sender/smtp.go: PROTOCOL = smtp is gomail.NoTLS; with USER set and no AUTH
  // offered it returns "SMTP server does not support AUTH, but credentials provided".
  const none = gitea.warnings?.find((w) => w.security.includes('none'));
  assert.match(none?.message ?? '', /SMTP server does not support AUTH, but credentials provided/);
});
