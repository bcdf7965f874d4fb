// Properties of the checker over arbitrary input: it never throws, and what it says is short plain text.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { loadFixtureSettings } from '../../helpers/settings.ts';
import {
  check,
  checkAddress,
  checkPort,
  checkSecurity,
  checkServer,
  type Field,
  type Finding,
  type SecurityChoice,
} from '../../../src/lib/checker/check.ts';

const settings = loadFixtureSettings();
const RUNS = 10_000;

const FAQ_IDS = new Set([
  'username-full-address',
  'app-specific-password',
  'app-password-stopped-working',
  'ssl-or-starttls',
  'wrong-version-number',
  'port-465',
  'port-587-blocked',
  'timeout-587',
  'imap-username',
  'custom-domain-and-aliases',
  'sending-limits',
  'no-pop',
  'web-login-tools',
  'apple-account-email',
  'imap-server-for-sending',
  'old-server-names',
  'hide-my-email',
  'authentication-failed',
]);
const SEVERITIES = new Set(['error', 'warning', 'info', 'ok']);

// Fragments that stress the parsers and the plain-text promise.
const fragments = fc.constantFrom(
  '<script>',
  '</script>',
  '<img src=x onerror=alert(1)>',
  '<!--',
  '&lt;',
  '&amp;',
  '"',
  "'",
  '`',
  '%40',
  '%',
  '@',
  '@@',
  '.',
  '..',
  ':',
  '://',
  '/',
  '?',
  '#',
  ' ',
  '\t',
  '\n',
  '\r',
  '\u0000',
  '\u0007',
  '\u001b[31m',
  '\u007f',
  '\u0085',
  '\u200b',
  '\u200e',
  '\u202e',
  '\u2066',
  '\ufeff',
  '\u00a0',
  '\u3000',
  '\ud800',
  '\udfff',
  '😀',
  '👩‍👩‍👧',
  'é',
  'ß',
  'İ',
  '１２３',
  '٣',
  'mailto:',
  'https://',
  'Emily ',
  '<',
  '>',
  'emily',
  'name',
  'icloud.com',
  'me.com',
  'mac.com',
  'gmail.com',
  'privaterelay.appleid.com',
  'smtp.mail.me.com',
  'imap.mail.me.com',
  'smtp.me.com',
  'mx01.mail.icloud.com',
  '587',
  '465',
  '25',
  '993',
  '143',
  '0',
  '-',
  '+',
  '65535',
  '65536',
  '.0',
  'e2',
  'x',
  'ICLOUD.COM',
);
const fragmentString = fc.array(fragments, { maxLength: 12 }).map((a) => a.join(''));
const long = fc
  .tuple(fc.string({ unit: 'binary', minLength: 1, maxLength: 6 }), fragments)
  .map(([a, b]) => (a + b).repeat(Math.ceil(10_000 / (a + b).length)).slice(0, 10_000));
const text = fc.oneof(
  fc.string(),
  fc.string({ unit: 'grapheme' }),
  fc.string({ unit: 'binary' }),
  fc.string({ unit: 'grapheme-ascii' }),
  fragmentString,
  fragmentString.map((s) => ` ${s} `),
  fc.emailAddress(),
  fc.domain(),
  fc.integer({ min: -10, max: 70_000 }).map(String),
  long,
);
const security = fc.constantFrom<SecurityChoice>('', 'STARTTLS', 'SSL/TLS', 'none');
const anyPort = fc.oneof(
  fc.constantFrom(
    settings.smtp.port.value,
    settings.otherSmtpPorts.implicitTls.value,
    settings.otherSmtpPorts.plain.value,
  ),
  fc.integer({ min: -5, max: 70_000 }),
);

/** The promises every finding keeps, whatever the input. */
function assertWellFormed(fs: unknown, field: Field): void {
  assert.ok(Array.isArray(fs));
  for (const f of fs as Finding[]) {
    assert.ok(SEVERITIES.has(f.severity), f.severity);
    assert.equal(f.field, field);
    assert.equal(typeof f.message, 'string');
    assert.ok(f.message.length > 0);
    for (const t of [f.message, f.fix]) {
      if (t === undefined) continue;
      assert.equal(typeof t, 'string');
      assert.ok(t.length > 0 && t.length < 600, `too long: ${t.length}`);
      // Plain text: no control, format or surrogate characters, and no HTML tag.
      assert.ok(!/[\p{Cc}\p{Cf}\p{Cs}]/u.test(t), JSON.stringify(t));
      assert.ok(t.isWellFormed(), JSON.stringify(t));
      assert.ok(!/<[a-z!/]/i.test(t), JSON.stringify(t));
    }
    if (f.faq !== undefined) assert.ok(FAQ_IDS.has(f.faq), f.faq);
    assert.deepEqual(
      Object.keys(f).filter((k) => !['severity', 'field', 'message', 'fix', 'faq'].includes(k)),
      [],
    );
  }
}

describe('checker properties', () => {
  test(`address: ${RUNS} arbitrary inputs`, () => {
    fc.assert(
      fc.property(text, (s) => assertWellFormed(checkAddress(s, settings), 'address')),
      { numRuns: RUNS },
    );
  });

  test(`port: ${RUNS} arbitrary inputs`, () => {
    fc.assert(
      fc.property(text, (s) => {
        const fs = checkPort(s, settings);
        assertWellFormed(fs, 'port');
        assert.equal(fs.length, 1);
      }),
      { numRuns: RUNS },
    );
  });

  test(`server: ${RUNS} arbitrary inputs`, () => {
    fc.assert(
      fc.property(text, (s) => {
        const fs = checkServer(s, settings);
        assertWellFormed(fs, 'server');
        assert.equal(fs.length, s.trim() ? 1 : 0);
      }),
      { numRuns: RUNS },
    );
  });

  test(`security: ${RUNS} choices and ports`, () => {
    fc.assert(
      fc.property(security, anyPort, (c, p) => {
        const fs = checkSecurity(c, p, settings);
        assertWellFormed(fs, 'security');
        assert.equal(fs.length, c ? 1 : 0);
      }),
      { numRuns: RUNS },
    );
  });

  test('check(): 2000 arbitrary forms', () => {
    fc.assert(
      fc.property(text, text, text, security, (address, port, server, sec) => {
        const r = check({ address, port, server, security: sec }, settings);
        const order: Field[] = ['address', 'port', 'server', 'security'];
        for (const f of order)
          assertWellFormed(
            r.findings.filter((x) => x.field === f),
            f,
          );
        const idx = r.findings.map((f) => order.indexOf(f.field));
        assert.deepEqual(
          idx,
          [...idx].sort((a, b) => a - b),
        );
        const addressError = r.findings.some((f) => f.field === 'address' && f.severity === 'error');
        assert.equal(r.address, address.trim() && !addressError ? address.trim() : null);
        assert.ok(Number.isInteger(r.port) && r.port >= 1 && r.port <= 65535);
      }),
      { numRuns: 2_000 },
    );
  });
});

describe('checker metamorphic properties', () => {
  test('any well-formed address at an iCloud domain is ok, in any case (except one with %40)', () => {
    const domain = fc
      .constantFrom(...settings.domains.value)
      .chain((d) =>
        fc
          .array(fc.boolean(), { minLength: d.length, maxLength: d.length })
          .map((up) => [...d].map((ch, i) => (up[i] ? ch.toUpperCase() : ch)).join('')),
      );
    const local = fc.emailAddress().map((e) => e.slice(0, e.lastIndexOf('@')));
    fc.assert(
      fc.property(local, domain, (l, d) => {
        fc.pre(!/%40/i.test(l)); // deliberately refused: an encoded @ is almost always a mistake
        const fs = checkAddress(`${l}@${d}`, settings);
        assert.deepEqual(
          fs.map((f) => f.severity),
          ['ok'],
          `${l}@${d}: ${JSON.stringify(fs)}`,
        );
      }),
      { numRuns: 2_000 },
    );
  });

  test('an address without @ is an error that suggests the first iCloud domain', () => {
    const local = fc.emailAddress().map((e) => e.slice(0, e.lastIndexOf('@')));
    fc.assert(
      fc.property(local, (l) => {
        fc.pre(!l.includes('%'));
        const [f] = checkAddress(l, settings);
        assert.equal(f?.severity, 'error');
        assert.equal(f?.faq, 'username-full-address');
        if (l.length <= 50 && !settings.domains.value.includes(l.toLowerCase())) {
          assert.ok(f?.fix?.includes(`${l}@${settings.domains.value[0]}`), f?.fix);
        }
      }),
      { numRuns: 1_000 },
    );
  });

  test('every whole number from 1 to 65535 is judged as a port, never as malformed', () => {
    const malformed = checkPort('x', settings)[0]?.message;
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 65_535 }), fc.nat({ max: 3 }), (n, zeros) => {
        const [f] = checkPort(`${'0'.repeat(zeros)}${n}`, settings);
        assert.notEqual(f?.message, malformed);
        const expected =
          n === settings.smtp.port.value ? 'ok' : n === settings.otherSmtpPorts.implicitTls.value ? 'warning' : 'error';
        assert.equal(f?.severity, expected);
      }),
      { numRuns: 2_000 },
    );
  });

  test('surrounding spaces and letter case do not change the server verdict', () => {
    const hosts = [
      settings.smtp.server.value,
      settings.imap.server.value,
      ...Object.values(settings.wrongHosts).map((h) => h.value),
    ];
    const pad = fc.constantFrom('', ' ', '\t', '  ', '\n', '\u00a0');
    fc.assert(
      fc.property(fc.constantFrom(...hosts), pad, pad, fc.boolean(), fc.boolean(), (h, a, b, upper, dot) => {
        const typed = `${a}${upper ? h.toUpperCase() : h}${dot ? '.' : ''}${b}`;
        assert.deepEqual(checkServer(typed, settings), checkServer(h, settings));
      }),
      { numRuns: 1_000 },
    );
  });
});
