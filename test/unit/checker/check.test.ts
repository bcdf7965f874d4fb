// The checker's rules, one table row per case, against the frozen settings in test/fixtures/.
import { HANG_MS, cpuMs } from '../../helpers/cpu.ts';
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { loadFixtureSettings } from '../../helpers/settings.ts';
import {
  check,
  checkAddress,
  checkPort,
  checkSecurity,
  checkServer,
  hostProblem,
  type Field,
  type Finding,
  type SecurityChoice,
  type Severity,
} from '../../../src/lib/checker/check.ts';

const settings = loadFixtureSettings();
const smtp = settings.smtp.server.value;
const documentedPort = settings.smtp.port.value;

interface Row {
  field: Field;
  value: string;
  /** For security rows: the port the choice is judged for. */
  port?: number;
  /** Severities of all findings, in order, joined by commas ('' for none). */
  sev: string;
  /** FAQ id of the most severe finding; omitted means it has none. */
  faq?: string;
  /** Text the most severe finding's message or fix contains. */
  has?: string;
  /** Text it must not contain. */
  not?: string;
}

const rank: Record<Severity, number> = { error: 3, warning: 2, info: 1, ok: 0 };
const main = (fs: Finding[]) =>
  fs.reduce<Finding | undefined>((m, f) => (!m || rank[f.severity] > rank[m.severity] ? f : m), undefined);

function run(row: Row): Finding[] {
  switch (row.field) {
    case 'address':
      return checkAddress(row.value, settings);
    case 'port':
      return checkPort(row.value, settings);
    case 'server':
      return checkServer(row.value, settings);
    case 'security':
      return checkSecurity(row.value as SecurityChoice, row.port ?? documentedPort, settings);
  }
}

const U = 'username-full-address';
const long = 'a'.repeat(10_000);

const rows: Row[] = [
  // Address: empty and spaces
  { field: 'address', value: '', sev: 'info', has: 'Type the iCloud Mail address' },
  { field: 'address', value: '   ', sev: 'info', has: 'Type the iCloud Mail address' },
  { field: 'address', value: ' emily@icloud.com ', sev: 'info,ok', has: 'Spaces before or after' },
  { field: 'address', value: '\temily@icloud.com\n', sev: 'info,ok' },
  { field: 'address', value: '  emily  ', sev: 'info,error', faq: U, has: 'emily@icloud.com' },
  // Address: iCloud domains, any case
  { field: 'address', value: 'emily@icloud.com', sev: 'ok', has: 'use it as the SMTP username' },
  { field: 'address', value: 'emily@me.com', sev: 'ok' },
  { field: 'address', value: 'emily@mac.com', sev: 'ok' },
  { field: 'address', value: 'Emily.Parker@iCloud.COM', sev: 'ok' },
  { field: 'address', value: 'EMILY@ME.COM', sev: 'ok' },
  { field: 'address', value: 'first.last+tag@mac.com', sev: 'ok' },
  // Address: no @
  { field: 'address', value: 'emily', sev: 'error', faq: U, has: 'emily@icloud.com' },
  { field: 'address', value: 'emilyparker', sev: 'error', faq: U, has: 'me.com or mac.com' },
  { field: 'address', value: 'emily.parker', sev: 'error', faq: U, has: 'full address' },
  { field: 'address', value: 'icloud.com', sev: 'error', faq: U, has: 'you@icloud.com' },
  // Address: URL-encoded @
  { field: 'address', value: 'name%40icloud.com', sev: 'error', faq: U, has: 'literally' },
  { field: 'address', value: 'name%40icloud.com', sev: 'error', faq: U, has: 'Type name@icloud.com' },
  { field: 'address', value: 'NAME%40ICLOUD.COM', sev: 'error', faq: U, has: 'URL' },
  { field: 'address', value: 'name%icloud.com', sev: 'error', faq: U, has: 'name@icloud.com' },
  { field: 'address', value: 'name%40icloud.com@icloud.com', sev: 'error', faq: U },
  // Address: wrappers
  { field: 'address', value: 'mailto:emily@icloud.com', sev: 'error', faq: U, has: 'Type emily@icloud.com' },
  {
    field: 'address',
    value: 'MAILTO:emily@icloud.com?subject=Hi',
    sev: 'error',
    faq: U,
    has: 'Type emily@icloud.com.',
  },
  { field: 'address', value: 'Emily <e@icloud.com>', sev: 'error', faq: U, has: 'Type e@icloud.com' },
  { field: 'address', value: '"Emily Parker" <emily@me.com>', sev: 'error', faq: U, has: 'angle brackets' },
  { field: 'address', value: '<emily@icloud.com>', sev: 'error', faq: U, has: 'Type emily@icloud.com' },
  { field: 'address', value: '<script>alert(1)</script>', sev: 'error', faq: U, not: '<script' },
  // Address: structure
  { field: 'address', value: 'a@@icloud.com', sev: 'error', faq: U, has: 'Type a@icloud.com' },
  { field: 'address', value: 'a@icloud.com@me.com', sev: 'error', faq: U, has: 'exactly one @' },
  { field: 'address', value: 'name@', sev: 'error', faq: U, has: 'Type name@icloud.com' },
  { field: 'address', value: '@icloud.com', sev: 'error', faq: U, has: 'name before the @ is missing' },
  { field: 'address', value: '@', sev: 'error', faq: U },
  { field: 'address', value: 'name@icloud', sev: 'error', faq: U, has: 'needs a dot' },
  { field: 'address', value: 'name@icloud', sev: 'error', faq: U, has: 'Type name@icloud.com' },
  { field: 'address', value: 'name@icloud..com', sev: 'error', faq: U, has: 'two dots' },
  { field: 'address', value: 'name@.icloud.com', sev: 'error', faq: U, has: 'Type name@icloud.com' },
  { field: 'address', value: 'name@icloud.com.', sev: 'error', faq: U, has: 'start or end with a dot' },
  { field: 'address', value: 'name@icloud,com', sev: 'error', faq: U, has: 'Type name@icloud.com' },
  { field: 'address', value: 'name@ic_loud.com', sev: 'error', faq: U, has: 'not a valid domain' },
  { field: 'address', value: 'name@-icloud.com', sev: 'error', faq: U, has: 'not a valid domain' },
  { field: 'address', value: 'name@1.2.3.4', sev: 'error', faq: U },
  { field: 'address', value: `name@${'a'.repeat(250)}.com`, sev: 'error', faq: U, has: 'has at most 254' },
  { field: 'address', value: `name@${'a'.repeat(240)}.com`, sev: 'error', faq: U, has: 'not a valid domain' },
  { field: 'address', value: '.emily@icloud.com', sev: 'error', faq: U, has: 'dot' },
  { field: 'address', value: 'emily.@icloud.com', sev: 'error', faq: U, has: 'dot' },
  { field: 'address', value: 'em..ily@icloud.com', sev: 'error', faq: U, has: 'two dots' },
  { field: 'address', value: 'emily,parker@icloud.com', sev: 'error', faq: U, has: 'character' },
  { field: 'address', value: 'émily@icloud.com', sev: 'error', faq: U },
  { field: 'address', value: `${'a'.repeat(65)}@icloud.com`, sev: 'error', faq: U, has: '64 characters' },
  { field: 'address', value: 'emily parker@icloud.com', sev: 'error', faq: U, has: 'Type emilyparker@icloud.com' },
  { field: 'address', value: 'emily\u200b@icloud.com', sev: 'error', faq: U, has: 'invisible' },
  { field: 'address', value: 'emily\u0000@icloud.com', sev: 'error', faq: U },
  // Address: other kinds of address
  { field: 'address', value: 'emily@gmail.com', sev: 'warning', faq: 'apple-account-email', has: 'Apple Account' },
  { field: 'address', value: 'Emily@Outlook.com', sev: 'warning', faq: 'apple-account-email' },
  { field: 'address', value: 'emily@hotmail.com', sev: 'warning', faq: 'apple-account-email' },
  {
    field: 'address',
    value: 'emily@yahoo.com',
    sev: 'warning',
    faq: 'apple-account-email',
    has: '@icloud.com, @me.com or @mac.com',
  },
  { field: 'address', value: 'abc123@privaterelay.appleid.com', sev: 'warning', faq: 'hide-my-email', has: 'relay' },
  { field: 'address', value: 'emily@example.org', sev: 'info', faq: 'custom-domain-and-aliases', has: 'example.org' },
  {
    field: 'address',
    value: 'hello@parker.family',
    sev: 'info',
    faq: 'custom-domain-and-aliases',
    has: 'custom domain',
  },
  {
    field: 'address',
    value: `x@${'b'.repeat(60)}.${'c'.repeat(60)}.com`,
    sev: 'info',
    faq: 'custom-domain-and-aliases',
    has: '…',
  },
  { field: 'address', value: long, sev: 'error', faq: U },
  // Port
  { field: 'port', value: '', sev: 'info', has: String(documentedPort) },
  { field: 'port', value: '  ', sev: 'info' },
  { field: 'port', value: '587', sev: 'ok' },
  { field: 'port', value: ' 587 ', sev: 'ok' },
  { field: 'port', value: '0587', sev: 'ok' },
  { field: 'port', value: '465', sev: 'warning', faq: 'port-465', has: 'Apple does not document' },
  { field: 'port', value: '25', sev: 'error', faq: 'port-587-blocked', has: 'Use 587 with STARTTLS' },
  { field: 'port', value: '993', sev: 'error', faq: 'imap-server-for-sending', has: 'IMAP' },
  { field: 'port', value: '143', sev: 'error', faq: 'imap-server-for-sending', has: 'receiving' },
  { field: 'port', value: '2525', sev: 'error', faq: 'port-587-blocked', has: 'only port 587' },
  { field: 'port', value: '80', sev: 'error', faq: 'port-587-blocked' },
  { field: 'port', value: '1', sev: 'error', faq: 'port-587-blocked' },
  { field: 'port', value: '65535', sev: 'error', faq: 'port-587-blocked' },
  { field: 'port', value: 'abc', sev: 'error', has: '1 to 65535' },
  { field: 'port', value: '58 7', sev: 'error', has: 'Type 587' },
  { field: 'port', value: '587.0', sev: 'error' },
  { field: 'port', value: '-1', sev: 'error' },
  { field: 'port', value: '+587', sev: 'error' },
  { field: 'port', value: '0', sev: 'error' },
  { field: 'port', value: '65536', sev: 'error' },
  { field: 'port', value: '70000', sev: 'error' },
  { field: 'port', value: '１２３', sev: 'error', has: 'digits 0–9' },
  { field: 'port', value: '5e2', sev: 'error' },
  { field: 'port', value: '0x24B', sev: 'error' },
  { field: 'port', value: '9'.repeat(10_000), sev: 'error' },
  { field: 'port', value: 'STARTTLS', sev: 'error' },
  // Server
  { field: 'server', value: '', sev: '' },
  { field: 'server', value: '   ', sev: '' },
  { field: 'server', value: 'smtp.mail.me.com', sev: 'ok', has: 'sending' },
  { field: 'server', value: 'SMTP.Mail.Me.Com', sev: 'ok' },
  { field: 'server', value: 'smtp.mail.me.com.', sev: 'ok' },
  { field: 'server', value: '  smtp.mail.me.com  ', sev: 'ok' },
  { field: 'server', value: 'imap.mail.me.com', sev: 'error', faq: 'imap-server-for-sending', has: `Type ${smtp}.` },
  { field: 'server', value: 'IMAP.MAIL.ME.COM.', sev: 'error', faq: 'imap-server-for-sending' },
  { field: 'server', value: 'smtp.me.com', sev: 'error', faq: 'old-server-names', has: 'MobileMe' },
  { field: 'server', value: 'mail.me.com', sev: 'error', faq: 'old-server-names' },
  { field: 'server', value: 'smtp.mail.icloud.com', sev: 'warning', faq: 'old-server-names', has: 'unconfirmed' },
  { field: 'server', value: 'smtp.icloud.com', sev: 'error', has: 'not iCloud’s sending server' },
  { field: 'server', value: 'p01-smtp.mail.me.com', sev: 'warning', has: 'internal' },
  { field: 'server', value: 'P12-SMTP.mail.me.com.', sev: 'warning', has: `documented name is ${smtp}` },
  { field: 'server', value: 'x01-smtp.mail.me.com', sev: 'error' },
  { field: 'server', value: 'p-smtp.mail.me.com', sev: 'error' },
  { field: 'server', value: 'mx01.mail.icloud.com', sev: 'error', faq: 'old-server-names', has: 'MX' },
  { field: 'server', value: 'MX02.mail.icloud.com', sev: 'error', faq: 'old-server-names' },
  { field: 'server', value: 'smtp.mail.me.com:587', sev: 'error', has: 'port field' },
  { field: 'server', value: 'smtp.mail.me.com:465', sev: 'error', has: `Type ${smtp} here` },
  { field: 'server', value: 'https://smtp.mail.me.com', sev: 'error', has: 'https://' },
  { field: 'server', value: 'smtps://smtp.mail.me.com:465', sev: 'error', has: 'smtps://' },
  { field: 'server', value: 'ssl://smtp.mail.me.com', sev: 'error', has: `Type ${smtp}.` },
  { field: 'server', value: 'smtp.gmail.com', sev: 'error', has: 'not iCloud’s sending server' },
  { field: 'server', value: 'icloud.com', sev: 'error', has: 'address domain' },
  { field: 'server', value: 'emily@icloud.com', sev: 'error', has: 'username field' },
  { field: 'server', value: 'smtp mail me com', sev: 'error', has: 'not a valid host name' },
  { field: 'server', value: 'smtp.mail.me.com/', sev: 'error' },
  { field: 'server', value: '.', sev: 'error', has: 'not a valid host name' },
  { field: 'server', value: '<img src=x onerror=alert(1)>', sev: 'error', not: '<img' },
  { field: 'server', value: long, sev: 'error', has: 'This is 10000 characters long; a server name has at most 253.' },
  { field: 'server', value: `smtp.mail\u200b.example`, sev: 'error', has: 'U+200B (zero-width space)' },
  { field: 'server', value: `\u202esmtp.example`, sev: 'error', has: 'U+202E (right-to-left override), at the start' },
  {
    field: 'address',
    value: `emily\u200d@icloud.com`,
    sev: 'error',
    faq: U,
    has: 'U+200D (zero-width joiner), after the first 5 characters',
  },
  { field: 'address', value: `emily@icloud.com\ufeff`, sev: 'error', faq: U, has: 'byte order mark' },
  // Bidirectional controls are named too: they can make an address read differently from what it is.
  {
    field: 'address',
    value: '\u202eemily@icloud.com',
    sev: 'error',
    faq: U,
    has: 'U+202E (right-to-left override), at the start',
  },
  {
    field: 'address',
    value: 'emily@icl\u2066oud.com',
    sev: 'error',
    faq: U,
    has: 'U+2066 (left-to-right isolate), after the first 9',
  },
  { field: 'address', value: 'a'.repeat(2000), sev: 'error', faq: U, has: 'The field keeps at most 1024 characters.' },
  // Security
  { field: 'security', value: '', port: 587, sev: '' },
  { field: 'security', value: 'STARTTLS', port: 587, sev: 'ok' },
  {
    field: 'security',
    value: 'SSL/TLS',
    port: 587,
    sev: 'error',
    faq: 'wrong-version-number',
    has: 'wrong version number',
  },
  { field: 'security', value: 'SSL/TLS', port: 465, sev: 'warning', faq: 'port-465' },
  {
    field: 'security',
    value: 'STARTTLS',
    port: 465,
    sev: 'error',
    faq: 'port-465',
    has: 'SSL/TLS from the first byte',
  },
  { field: 'security', value: 'none', port: 587, sev: 'error', faq: 'ssl-or-starttls', has: 'password' },
  { field: 'security', value: 'none', port: 465, sev: 'error', faq: 'ssl-or-starttls' },
  { field: 'security', value: 'STARTTLS', port: 2525, sev: 'info', faq: 'ssl-or-starttls' },
];

describe('checker rules (table)', () => {
  for (const row of rows) {
    const name = `${row.field} ${JSON.stringify(row.value.length > 40 ? `${row.value.slice(0, 40)}…` : row.value)}${row.port ? ` on ${row.port}` : ''} → ${row.sev || 'nothing'}`;
    test(name, () => {
      const fs = run(row);
      assert.equal(fs.map((f) => f.severity).join(','), row.sev, JSON.stringify(fs));
      for (const f of fs) assert.equal(f.field, row.field);
      const m = main(fs);
      assert.equal(m?.faq, row.faq, JSON.stringify(m));
      const text = `${m?.message ?? ''} ${m?.fix ?? ''}`;
      if (row.has) assert.ok(text.includes(row.has), `expected ${JSON.stringify(row.has)} in ${JSON.stringify(text)}`);
      if (row.not) assert.ok(!text.includes(row.not), text);
      assert.ok(text.length < 600, 'message and fix stay short');
    });
  }
});

describe('check()', () => {
  const input = { address: 'emily@icloud.com', port: '587', server: smtp, security: 'STARTTLS' as const };

  test('all good: four ok findings in field order, address and port for the instructions', () => {
    const r = check(input, settings);
    assert.deepEqual(
      r.findings.map((f) => `${f.field}:${f.severity}`),
      ['address:ok', 'port:ok', 'server:ok', 'security:ok'],
    );
    assert.equal(r.address, 'emily@icloud.com');
    assert.equal(r.port, documentedPort);
  });

  test('the usable address is the trimmed one', () => {
    assert.equal(check({ ...input, address: '  emily@me.com \t' }, settings).address, 'emily@me.com');
  });

  test('warnings and info keep the address usable', () => {
    assert.equal(check({ ...input, address: 'emily@gmail.com' }, settings).address, 'emily@gmail.com');
    assert.equal(check({ ...input, address: 'hi@parker.family' }, settings).address, 'hi@parker.family');
  });

  test('an address error or an empty address gives null', () => {
    assert.equal(check({ ...input, address: 'emily' }, settings).address, null);
    assert.equal(check({ ...input, address: 'mailto:emily@icloud.com' }, settings).address, null);
    assert.equal(check({ ...input, address: '' }, settings).address, null);
    assert.equal(check({ ...input, address: '   ' }, settings).address, null);
  });

  test('port falls back to the documented one when empty or wrong', () => {
    for (const port of ['', ' ', 'abc', '0', '70000', '25', '993', '143', '2525']) {
      assert.equal(check({ ...input, port }, settings).port, documentedPort, port);
    }
  });

  test('port 465 (a warning, not an error) is kept', () => {
    const implicit = settings.otherSmtpPorts.implicitTls.value;
    const r = check({ ...input, port: String(implicit), security: 'SSL/TLS' }, settings);
    assert.equal(r.port, implicit);
    assert.deepEqual(
      r.findings.map((f) => `${f.field}:${f.severity}`),
      ['address:ok', 'port:warning', 'server:ok', 'security:warning'],
    );
  });

  test('security is judged for the port the instructions use', () => {
    const r = check({ ...input, port: '25', security: 'SSL/TLS' }, settings);
    const sec = r.findings.find((f) => f.field === 'security');
    assert.equal(sec?.severity, 'error');
    assert.equal(sec?.faq, 'wrong-version-number');
  });

  test('optional fields left empty add nothing', () => {
    const r = check({ address: '', port: '', server: '', security: '' }, settings);
    assert.deepEqual(
      r.findings.map((f) => `${f.field}:${f.severity}`),
      ['address:info', 'port:info'],
    );
    assert.equal(r.address, null);
    assert.equal(r.port, documentedPort);
  });

  test('findings come in field order', () => {
    const order: Field[] = ['address', 'port', 'server', 'security'];
    const r = check({ address: ' x ', port: 'x', server: 'x', security: 'none' }, settings);
    const idx = r.findings.map((f) => order.indexOf(f.field));
    assert.deepEqual(
      idx,
      [...idx].sort((a, b) => a - b),
    );
    assert.ok(r.findings.some((f) => f.field === 'security'));
  });
});

describe('hostile input', () => {
  // Inputs shaped to make a careless regular expression backtrack; each must stay linear.
  const n = 20_000;
  const inputs = [
    `<${'@'.repeat(n)}`,
    `<${'a@'.repeat(n / 2)}`,
    `mailto:<${'@ '.repeat(n / 2)}`,
    'a.'.repeat(n / 2),
    `a@${'b.'.repeat(n / 2)}`,
    '<a@'.repeat(n / 3),
    `${'0'.repeat(n)}x`,
    'a:'.repeat(n / 2),
    `${'a'.repeat(n)}:1`,
    `x://${'/'.repeat(n)}`,
    `${'%40'.repeat(n / 3)}`,
    '\ud800'.repeat(n),
  ];
  for (const [i, value] of inputs.entries()) {
    test(`input ${i} (${value.length} characters) is checked quickly`, () => {
      let r: ReturnType<typeof check> | undefined;
      const ms = cpuMs(() => (r = check({ address: value, port: value, server: value, security: 'none' }, settings)));
      assert.ok(ms < HANG_MS, `${ms.toFixed(0)} ms of CPU`);
      assert.ok(r);
      for (const f of r.findings) assert.ok(f.message.length + (f.fix?.length ?? 0) < 600);
    });
  }
});

test('10 MB in every field (a script can set more than maxlength allows) is checked quickly and said too long', () => {
  const value = 'a'.repeat(10 * 1024 * 1024);
  let r: ReturnType<typeof check> | undefined;
  const ms = cpuMs(() => (r = check({ address: value, port: value, server: value, security: 'none' }, settings)));
  assert.ok(ms < HANG_MS, `${ms.toFixed(0)} ms of CPU`);
  assert.ok(r);
  for (const field of ['address', 'port', 'server'] as const) {
    const f = r.findings.find((x) => x.field === field && x.severity === 'error');
    assert.ok(f, field);
    assert.match(
      f.message,
      /^This is 10485760 characters long; .* has at most \d+\. The field keeps at most 1024 characters\.$/,
    );
  }
});

describe('values come from the settings argument', () => {
  test('a changed settings object changes the verdicts', () => {
    const s = structuredClone(settings);
    s.smtp.server.value = 'smtp.example.net';
    s.smtp.port.value = 2525;
    s.domains.value = ['example.net'];
    assert.equal(checkServer('smtp.example.net', s)[0]?.severity, 'ok');
    assert.equal(checkServer(smtp, s)[0]?.severity, 'error');
    assert.equal(checkPort('2525', s)[0]?.severity, 'ok');
    assert.equal(checkAddress('x@example.net', s)[0]?.severity, 'ok');
    assert.match(checkAddress('x', s)[0]?.fix ?? '', /x@example\.net/);
  });
});

describe('domains are ASCII as typed (no case folding first)', () => {
  const KELVIN = '\u212a'; // KELVIN SIGN: lower-cases to the ASCII letter k

  test('the Kelvin sign in an address domain is refused, not folded to k', () => {
    assert.equal(`${KELVIN}`.toLowerCase(), 'k', 'the trap this guards against');
    const findings = checkAddress(`emily@${KELVIN}icloud.com`, settings);
    assert.equal(findings[0]?.severity, 'error');
    assert.match(findings[0]?.message ?? '', /not a valid domain name/);
    assert.equal(hostProblem(`ex${KELVIN}ample.com`), 'invalid');
  });

  test('the Kelvin sign in a server name is refused, not folded to k', () => {
    const findings = checkServer(`${KELVIN}.${smtp}`, settings);
    assert.equal(findings[0]?.severity, 'error');
    assert.match(findings[0]?.message ?? '', /not a valid host name/);
  });

  test('hostProblem names each problem', () => {
    assert.equal(hostProblem('Example.COM'), 'ok');
    assert.equal(hostProblem('localhost'), 'no-dot');
    assert.equal(hostProblem('a..b'), 'empty-label');
    assert.equal(hostProblem('.a.b'), 'empty-label');
    assert.equal(hostProblem('a-.b.com'), 'invalid');
    assert.equal(hostProblem('a.123'), 'invalid');
    assert.equal(hostProblem(`${'a'.repeat(64)}.com`), 'invalid');
    assert.equal(hostProblem(`${'a.'.repeat(127)}com`), 'invalid');
  });

  test('every code point: the domain rule accepts exactly ASCII letters, digits, hyphens and dots', () => {
    const allowed = /^[A-Za-z0-9.-]$/;
    const wronglyAccepted: string[] = [];
    const wronglyRefused: string[] = [];
    for (let cp = 0; cp <= 0x10ffff; cp++) {
      if (cp >= 0xd800 && cp <= 0xdfff) continue; // surrogates are not characters
      const ch = String.fromCodePoint(cp);
      // Inside a label, so a hyphen or a dot stays valid: "ab-c.com", "ab.c.com".
      const ok = hostProblem(`ab${ch}c.com`) === 'ok';
      if (ok && !allowed.test(ch)) wronglyAccepted.push(`U+${cp.toString(16).toUpperCase().padStart(4, '0')}`);
      if (!ok && allowed.test(ch)) wronglyRefused.push(ch);
    }
    assert.deepEqual(wronglyAccepted, []);
    assert.deepEqual(wronglyRefused, []);
  });

  test('non-ASCII code points that fold or normalise to ASCII give an address error', () => {
    // Every code point whose lower case, upper case or NFKC form has ASCII in it (the Kelvin sign,
    // fullwidth letters, ligatures...), through the whole address rule.
    const lookalikes: number[] = [];
    for (let cp = 0x80; cp <= 0x10ffff; cp++) {
      if (cp >= 0xd800 && cp <= 0xdfff) continue;
      const ch = String.fromCodePoint(cp);
      if (/[\x21-\x7e]/.test(ch.toLowerCase() + ch.toUpperCase() + ch.normalize('NFKC'))) lookalikes.push(cp);
    }
    assert.ok(lookalikes.includes(0x212a) && lookalikes.includes(0xff41), 'the scan finds the Kelvin sign and ａ');
    const accepted = lookalikes.filter((cp) =>
      checkAddress(`emily@ab${String.fromCodePoint(cp)}c.com`, settings).every((f) => f.severity !== 'error'),
    );
    assert.deepEqual(
      accepted.map((cp) => `U+${cp.toString(16).toUpperCase()}`),
      [],
    );
  });
});
