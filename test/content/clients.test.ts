// The real client entries (content/clients/*.yaml): valid, complete, and free of typed settings
// values. (The schema's error messages are tested on a fixture in test/unit/client-schema.test.ts.)
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { clientFiles, loadClients, readClientText } from '../helpers/clients.ts';
import { loadSettings } from '../helpers/settings.ts';
import { clientSchema } from '../../src/schemas/client.ts';
import { formatIssues } from '../../src/schemas/format-issues.ts';

const settings = loadSettings();
const clients = loadClients();

test('every entry is valid', () => {
  assert.doesNotThrow(() => loadClients());
});

test('ids are unique and equal to the file names', () => {
  assert.deepEqual(
    clients.map((c) => `${c.id}.yaml`),
    clientFiles(),
  );
  assert.equal(new Set(clients.map((c) => c.id)).size, clients.length);
});

test('index positions are unique', () => {
  assert.equal(new Set(clients.map((c) => c.order)).size, clients.length);
});

test('the brief list is covered', () => {
  const ids = new Set(clients.map((c) => c.id));
  for (const id of [
    'apple-mail',
    'ios-mail',
    'outlook-classic',
    'new-outlook',
    'outlook-mac',
    'thunderbird',
    'thunderbird-android',
    'gmail-android',
    'gmail-send-mail-as',
    'em-client',
    'evolution',
    'kmail',
    'claws-mail',
    'nodemailer',
    'python-smtplib',
    'msmtp',
    'postfix',
    'mutt',
    'git-send-email',
    'phpmailer',
    'laravel',
    'django',
    'rails',
    'home-assistant',
    'wp-mail-smtp',
    'curl',
    'dotnet-mailkit',
    'dotnet-system-net-mail',
    'jakarta-mail',
    'go-net-smtp',
  ])
    assert.ok(ids.has(id), `missing ${id}`);
});

test('no entry types a settings value: server names, ports, address domains', () => {
  const hosts = [
    settings.smtp.server.value,
    settings.imap.server.value,
    settings.relayDomain.value,
    ...Object.values(settings.wrongHosts).map((h) => h.value),
  ];
  const ports = [
    settings.smtp.port.value,
    settings.imap.port.value,
    ...Object.values(settings.otherSmtpPorts).map((p) => p.value),
    ...Object.values(settings.otherImapPorts).map((p) => p.value),
  ];
  const escape = (x: string) => x.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const patterns = [
    ...[...hosts, ...settings.domains.value].map((h) => ({
      what: h,
      re: new RegExp(`(?<![\\w-])${escape(h)}(?![\\w-])`, 'i'),
    })),
    ...ports.map((p) => ({ what: `port ${p}`, re: new RegExp(`(?<![\\w.-])${p}(?![\\w-])`) })),
    { what: 'the placeholder address', re: new RegExp(escape(settings.placeholderAddress), 'i') },
    { what: 'the security value as a setting', re: /\b(security|encryption):\s*["']?STARTTLS\b/ },
  ];
  const offenders: string[] = [];
  for (const file of clientFiles()) {
    readClientText(file)
      .split('\n')
      .forEach((line, i) => {
        for (const { what, re } of patterns)
          if (re.test(line)) offenders.push(`content/clients/${file}:${i + 1}: ${what}`);
      });
  }
  assert.deepEqual(offenders, []);
});

test('the check itself catches a typed value', () => {
  const re = new RegExp(`(?<![\\w-])${settings.smtp.server.value.replace(/\./g, '\\.')}(?![\\w-])`, 'i');
  assert.ok(re.test(`    value: ${settings.smtp.server.value}`));
  assert.ok(!re.test(`    value: "{smtp.server}"`));
});

test("every entry uses the reader's address, and every snippet quotes it", () => {
  for (const c of clients) {
    const all = JSON.stringify(c);
    assert.match(all, /\{address(\|\w+)*\}/, `${c.id} never uses {address}`);
    if (c.snippet)
      assert.match(
        c.snippet.template,
        /\{(address|localpart)(\|\w+)*\|(q|in)\}/,
        `${c.id}: the snippet never quotes the address`,
      );
  }
});

test('passwords are never values: described in words, and snippets read them from outside', () => {
  for (const c of clients) {
    for (const f of c.fields) {
      if (/password/i.test(f.label) && f.action !== 'choose') assert.equal(f.action, 'describe', `${c.id}: ${f.label}`);
      if (f.action === 'describe' && /password/i.test(f.label))
        assert.match(f.value, /app-specific password/, `${c.id}: ${f.label}`);
    }
    assert.doesNotMatch(
      JSON.stringify(c),
      /\b[a-z]{4}-[a-z]{4}-[a-z]{4}-[a-z]{4}\b/,
      `${c.id} contains something shaped like an app password`,
    );
    const code = c.snippet?.template;
    if (!code) continue;
    for (const line of code.split('\n')) {
      assert.doesNotMatch(
        line,
        /pass\w*["']?\s*(=>|[:=,(])\s*["'](?!\$)[^"'\s]{3,}["']/i,
        `${c.id}: a password written as a literal: ${line}`,
      );
    }
    const fromOutside =
      /ICLOUD_APP_PASSWORD|read -rs|!secret|^\s*\w*PASS\w*\s*[=:]\s*(""|'')?$/im.test(code) || !/pass/i.test(code);
    assert.ok(fromOutside, `${c.id}: the snippet neither reads the password from outside nor leaves it out`);
  }
});

/** A password given as a command-line argument: other users see it in the process list. */
export const PASSWORD_ARGUMENT = /--auth-password\b|(?:^|\s)-ap\s|--pass(?:word)?[= ]\S|(?:^|\s)(?:-u|--user)\s*['"]?[^\s'":]+:[^\s'"]/m;

test('no shell snippet puts a password on the command line, and each says where it is typed', () => {
  assert.match('swaks --auth-password "$P"', PASSWORD_ARGUMENT);
  assert.match('curl -u me:secret smtp://x', PASSWORD_ARGUMENT);
  assert.doesNotMatch('IFS= read -rs PW', PASSWORD_ARGUMENT);
  for (const c of clients) {
    const code = c.snippet?.template;
    if (!code || c.snippet?.language !== 'shell') continue;
    assert.doesNotMatch(code, PASSWORD_ARGUMENT, `${c.id}: a password on the command line`);
    if (/pass/i.test(code))
      assert.ok(
        c.steps.some((s) => /password/i.test(s) && /asks|environment variable|keyring|type/i.test(s)),
        `${c.id}: no step says where the password is typed or kept`,
      );
  }
});

test('every snippet that needs a password has a step that says where it is typed or kept', () => {
  // Issue #18: shell snippets were checked above; the config files and code need the same step.
  const where = /asks|environment|keyring|type|paste|line|prompt|secret|file/i;
  const missing = clients
    .filter((c) => c.snippet && /pass/i.test(c.snippet.template))
    .filter((c) => !c.steps.some((s) => /password/i.test(s) && where.test(s)))
    .map((c) => c.id);
  assert.deepEqual(missing, []);
});

test('apps whose menu path is unconfirmed say where in neutral words; code has no menu path', () => {
  for (const c of clients) {
    if (c.kind === 'code') assert.equal(c.menuPath, null, c.id);
    else if (c.menuPath === null) assert.ok(c.menuHint, c.id);
  }
  // Entries the facts mark unconfirmed keep that mark.
  const byId = new Map(clients.map((c) => [c.id, c]));
  for (const id of ['new-outlook', 'em-client', 'evolution', 'kmail']) assert.equal(byId.get(id)!.menuPath, null, id);
  assert.ok(byId.get('new-outlook')!.fields.every((f) => !f.labelConfirmed));
});

test('every code entry has a snippet', () => {
  assert.deepEqual(
    clients.filter((c) => c.kind === 'code' && !c.snippet).map((c) => c.id),
    [],
  );
});

// Accuracy: a label shown as exact has a primary source (the vendor's documentation or the
// program's own strings), recorded in the entry and listed among its sources.
test('every confirmed label names a primary source listed in its entry', () => {
  let confirmed = 0;
  for (const c of clients) {
    const primary = new Set(c.sources.filter((s) => s.primary).map((s) => s.url));
    for (const f of c.fields) {
      if (!f.labelConfirmed) {
        assert.equal(f.labelSource, undefined, `${c.id}: "${f.label}" is unconfirmed but has a label source`);
        continue;
      }
      confirmed++;
      assert.ok(f.labelSource, `${c.id}: "${f.label}" has no label source`);
      assert.ok(primary.has(f.labelSource), `${c.id}: "${f.label}" cites ${f.labelSource}, not a primary source`);
    }
  }
  assert.ok(confirmed > 0);
});

test('labels that only third-party guides give are marked unconfirmed (audit of issue 9)', () => {
  const byId = new Map(clients.map((c) => [c.id, c]));
  const unconfirmed = (id: string, pick: (label: string) => boolean = () => true) =>
    byId.get(id)!.fields.filter((f) => pick(f.label));
  for (const id of ['ios-mail', 'outlook-classic', 'gmail-send-mail-as', 'gmail-android'])
    for (const f of unconfirmed(id)) assert.equal(f.labelConfirmed, false, `${id}: "${f.label}"`);
  const apple = byId.get('apple-mail')!.fields;
  for (const label of ['Port', 'Use TLS/SSL', 'Authentication'])
    assert.ok(!apple.some((f) => f.label === label && f.labelConfirmed), `apple-mail: ${label}`);
  // Thunderbird for Android's "Sending mail" screen comes from the app's own strings.
  const tfa = byId.get('thunderbird-android')!;
  assert.deepEqual(tfa.menuPath?.slice(-2), ['Sending mail', 'Outgoing server']);
  assert.ok(tfa.sources.some((s) => s.primary && s.url.endsWith('/legacy/ui/legacy/src/main/res/values/strings.xml')));
});

test('NAS entries keep to nas-apps.md: QNAP’s menu path is sourced, every form label is neutral, no Aqua Mail', () => {
  const byId = new Map(clients.map((c) => [c.id, c]));
  const qnap = byId.get('qnap-qts')!;
  const synology = byId.get('synology-dsm')!;
  // QNAP FAQ (Notification Center, 2022): "Go to Notification Center > Service Account and Device Pairing > Email."
  assert.deepEqual(qnap.menuPath, ['Notification Center', 'Service Account and Device Pairing', 'Email']);
  // Synology's page for DSM's email notification screen could not be read: no menu path, no exact label.
  assert.equal(synology.menuPath, null);
  for (const c of [qnap, synology]) {
    assert.equal(c.group, 'server', c.id);
    for (const f of c.fields) assert.equal(f.labelConfirmed, false, `${c.id}: "${f.label}"`);
  }
  // Nothing about Aqua Mail was found (nas-apps.md §5): it has no entry.
  assert.ok(!clients.some((c) => /aqua/i.test(`${c.id} ${c.name}`)));
});

test('a primary source is a vendor or source-code page, never a hosting provider or news guide', () => {
  const thirdParty =
    /ovh\/docs|hosting\.xyz|kualo\.com|unanswered\.io|dailynow\.website|olympus\.net|prime42\.net|neowin\.net|promgen|gist\.github\.com|mailcore2/;
  for (const c of clients)
    for (const s of c.sources) if (s.primary) assert.ok(!thirdParty.test(s.url), `${c.id}: ${s.url} is marked primary`);
});

test('every entry says when it was last checked, on a real date that has passed', () => {
  const today = new Date().toISOString().slice(0, 10);
  for (const c of clients) {
    assert.match(c.checked, /^\d{4}-\d{2}-\d{2}$/, c.id);
    assert.ok(c.checked <= today, `${c.id}: checked ${c.checked} is in the future`);
    assert.ok(c.checked >= '2026-01-01', `${c.id}: checked ${c.checked}`);
  }
});

/* eslint-disable @typescript-eslint/no-explicit-any, @typescript-eslint/no-unsafe-member-access, @typescript-eslint/no-unsafe-call -- the cases below break a parsed entry on purpose */
test('the schema refuses a confirmed label without a primary source, and says why', () => {
  const good = structuredClone(clients.find((c) => c.id === 'thunderbird')!);
  const cases: Array<[string, (c: Record<string, any>) => void, RegExp]> = [
    [
      'no label source',
      (c) => delete c.fields[0].labelSource,
      /fields\.0\.labelSource: .*marked confirmed: give the url/,
    ],
    [
      'a source not listed in the entry',
      (c) => (c.fields[0].labelSource = 'https://example.org/guide'),
      /fields\.0\.labelSource: The label source must be the url of one of this entry's sources/,
    ],
    [
      'a listed source that is not primary',
      (c) => {
        c.sources.push({ title: 'A hosting guide', url: 'https://example.org/guide' });
        c.fields[0].labelSource = 'https://example.org/guide';
      },
      /fields\.0\.labelSource: The label source must be a primary source/,
    ],
    [
      'a label source on an unconfirmed label',
      (c) => (c.fields[0].labelConfirmed = false),
      /fields\.0\.labelSource: An unconfirmed label has no label source/,
    ],
    ['no checked date', (c) => delete c.checked, / {2}- checked: /],
    ['a checked date that does not exist', (c) => (c.checked = '2026-11-31'), /checked: This date does not exist/],
  ];
  assert.ok(clientSchema.safeParse(good).success, 'the unchanged entry passes');
  for (const [name, mutate, expected] of cases) {
    const bad = structuredClone(good) as Record<string, any>;
    mutate(bad);
    const result = clientSchema.safeParse(bad);
    assert.ok(!result.success, name);
    assert.match(formatIssues(result.error.issues, 'content/clients/bad.yaml'), expected, name);
  }
});
/* eslint-enable @typescript-eslint/no-explicit-any, @typescript-eslint/no-unsafe-member-access, @typescript-eslint/no-unsafe-call */
