// The real client entries (content/clients/*.yaml): valid, complete, and free of typed settings
// values. (The schema's error messages are tested on a fixture in test/unit/client-schema.test.ts.)
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { clientFiles, loadClients, readClientText } from '../helpers/clients.ts';
import { loadSettings } from '../helpers/settings.ts';

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
    const fromOutside = /ICLOUD_APP_PASSWORD|!secret|^MAIL_PASSWORD=$/m.test(code) || !/pass/i.test(code);
    assert.ok(fromOutside, `${c.id}: the snippet neither reads the password from outside nor leaves it out`);
  }
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
