// Properties of the session-log reader: secrets never survive masking, whatever surrounds them;
// arbitrary text never throws; a megabyte of hostile text is read quickly.
import { HANG_MS } from '../../helpers/cpu.ts';
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { readFileSync, readdirSync } from 'node:fs';
import { maskSecrets, readSessionLog } from '../../../src/lib/decoder/session-log.ts';

const RUNS = 500;
const b64 = (s: string) => Buffer.from(s, 'utf8').toString('base64');
const FIXTURES = new URL('../../fixtures/session-logs/', import.meta.url);
const realLogs = readdirSync(FIXTURES)
  .filter((f) => f.endsWith('.txt'))
  .map((f) => readFileSync(new URL(f, FIXTURES), 'utf8'));

// A password: printable, no line breaks, long enough that it cannot occur in the log by chance.
// Excluded: a password typed on its own line that reads exactly like a server reply ("235 ok",
// "+ go", "a1 OK"); nothing can tell those apart from the server's lines.
const password = fc
  .string({ unit: 'grapheme-ascii', minLength: 8, maxLength: 40 })
  .filter(
    (p) =>
      /^[!-~][ -~]*[!-~]$/.test(p) &&
      !/^(?:[2-5]\d\d(?:[ -]|$)|\+ |\* (?:OK|NO|BAD|BYE|CAPABILITY)\b|[A-Za-z0-9._-]{1,20} (?:OK|NO|BAD)\b)/.test(p),
  );
const appPassword = fc
  .array(fc.string({ unit: fc.constantFrom(...'abcdefghijklmnopqrstuvwxyz'), minLength: 4, maxLength: 4 }), {
    minLength: 4,
    maxLength: 4,
  })
  .map((g) => g.join('-'));
const user = fc.constantFrom('me@icloud.com', 'j.appleseed@me.com', 'x@mac.com');
// Lines that may come between the steps of a session: tool notes and random text, never a server reply.
const noise = fc.oneof(
  fc.constantFrom('=== TLS started with cipher TLSv1.3:TLS_AES_256_GCM_SHA384:256', '* TLSv1.3 (IN), TLS handshake, Finished (20):', '{ [5 bytes data]', 'TLS session parameters:', '---', ''),
  fc.string({ maxLength: 60 }).filter((s) => !/[\r\n]/.test(s) && !/^\s*(?:[<>*+~-]|\d{3}|[A-Za-z0-9.]+ (?:OK|NO|BAD)|(?:S|Server|reply):)/.test(s)),
); // prettier-ignore

type Format = (u: string, p: string) => string[];
/** Logins as each tool prints them. */
const FORMATS: Record<string, Format> = {
  'swaks PLAIN': (u, p) => [' ~> AUTH PLAIN ' + b64(`\0${u}\0${p}`), '<~* 535 5.7.8 Authentication credentials invalid'],
  'swaks LOGIN': (u, p) => [' ~> AUTH LOGIN', '<~  334 VXNlcm5hbWU6', ` ~> ${b64(u)}`, '<~  334 UGFzc3dvcmQ6', ` ~> ${b64(p)}`, '<~  235 ok'],
  'curl PLAIN': (u, p) => ['> AUTH PLAIN', '< 334 ', `> ${b64(`\0${u}\0${p}`)}`, '< 535 5.7.8 no'],
  'msmtp PLAIN': (u, p) => [`--> AUTH PLAIN ${b64(`\0${u}\0${p}`)}`, '<-- 235 ok'],
  'msmtp LOGIN': (u, p) => ['--> AUTH LOGIN', '<-- 334 VXNlcm5hbWU6', `--> ${b64(u)}`, '<-- 334 UGFzc3dvcmQ6', `--> ${b64(p)}`, '<-- 535 no'],
  'openssl typed PLAIN': (u, p) => [`AUTH PLAIN ${b64(`\0${u}\0${p}`)}`, '535 5.7.8 no'],
  'openssl typed LOGIN, plain text': (u, p) => ['AUTH LOGIN', '334 VXNlcm5hbWU6', u, '334 UGFzc3dvcmQ6', p, '235 ok'],
  'openssl typed LOGIN, base64': (u, p) => ['AUTH LOGIN', '334 VXNlcm5hbWU6', b64(u), '334 UGFzc3dvcmQ6', b64(p), '235 ok'],
  'transcript': (u, p) => [`C: AUTH PLAIN ${b64(`\0${u}\0${p}`)}`, 'S: 235 ok'],
  'IMAP LOGIN': (u, p) => [`a1 LOGIN "${u}" "${p.replace(/["\\]/g, '\\$&')}"`, 'a1 NO [AUTHENTICATIONFAILED] Authentication failed.'],
  'IMAP LOGIN literal': (u, p) => [`a1 LOGIN {${u.length}}`, '+ go', `${u} {${p.length}}`, '+ go', p, 'a1 OK done'],
  'curl IMAP AUTHENTICATE': (u, p) => ['> A2 AUTHENTICATE PLAIN', '< +', `> ${b64(`\0${u}\0${p}`)}`, '< A2 NO [AUTHENTICATIONFAILED] x'],
  'Python smtplib': (u, p) => [`send: 'AUTH PLAIN ${b64(`\0${u}\0${p}`)}\\r\\n'`, "reply: b'235 ok\\r\\n'"],
}; // prettier-ignore

/** Every form in which p could leak. */
function forms(u: string, p: string): string[] {
  return [p, b64(p), b64(`\0${u}\0${p}`).replace(/=+$/, '')];
}

describe('a secret never survives masking', () => {
  for (const [name, format] of Object.entries(FORMATS))
    test(name, () => {
      fc.assert(
        fc.property(
          user,
          fc.oneof(password, appPassword),
          fc.constantFrom(...realLogs),
          fc.nat(),
          fc.array(fc.tuple(fc.nat(), noise), { maxLength: 6 }),
          (u, p, log, at, extra) => {
            const lines = log.split('\n');
            const pos = at % (lines.length + 1);
            // Noise goes anywhere: before, inside and after the login.
            const login = format(u, p);
            for (const [k, n] of extra) login.splice(k % (login.length + 1), 0, n);
            lines.splice(pos, 0, ...login);
            const text = lines.join('\n');
            fc.pre(!log.includes(p) && !extra.some(([, n]) => n.includes(p)));
            const masked = maskSecrets(text);
            const reading = JSON.stringify(readSessionLog(text) ?? '');
            for (const f of forms(u, p)) {
              assert.ok(!masked.includes(f), `${JSON.stringify(f)} survived in ${JSON.stringify(masked)}`);
              assert.ok(!reading.includes(f), `${JSON.stringify(f)} survived in the reading`);
            }
          },
        ),
        { numRuns: RUNS },
      );
    });

  test('an app-specific password inserted at any character of any text', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.constantFrom(...realLogs),
          fc.string({ maxLength: 300 }),
          fc.string({ unit: 'grapheme', maxLength: 300 }),
        ),
        appPassword,
        fc.nat(),
        (text, p, at) => {
          const i = at % (text.length + 1);
          const t = text.slice(0, i) + p + text.slice(i);
          assert.ok(!maskSecrets(t).includes(p));
          assert.ok(!JSON.stringify(readSessionLog(t) ?? '').includes(p));
        },
      ),
      { numRuns: RUNS * 4 },
    );
  });
});

describe('arbitrary text', () => {
  test('never throws, and returns null or a well-formed reading', () => {
    const line = fc.oneof(
      fc.string({ maxLength: 80 }),
      fc.constantFrom('<~  250-STARTTLS', ' -> AUTH LOGIN', '< 334 ', '> DATA', '.', '* OK ready', 'a1 LOGIN x y', '=== Connected to x.', 'curl: (67) Login denied', '250 ok', '530 5.7.0 Must issue a STARTTLS command first'),
    ); // prettier-ignore
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string(),
          fc.string({ unit: 'binary' }),
          fc.array(line, { maxLength: 40 }).map((l) => l.join('\n')),
        ),
        (text) => {
          const r = readSessionLog(text);
          maskSecrets(text);
          if (r) {
            assert.ok(['smtp', 'imap'].includes(r.protocol));
            assert.equal(typeof r.stage.title, 'string');
            assert.equal(r.masked, maskSecrets(text));
          }
        },
      ),
      { numRuns: RUNS * 4 },
    );
  });
});

describe('hostile input', () => {
  const MB = 1 << 20;
  const inputs: Record<string, string> = {
    'one long line': 'a'.repeat(MB),
    'AUTH PLAIN repeated on one line': 'AUTH PLAIN '.repeat(MB / 11),
    'hyphenated letters': 'abcd-'.repeat(MB / 5),
    'spaces and tabs': ' \t'.repeat(MB / 2),
    'many short lines': '250-x\n'.repeat(MB / 6),
    'a log repeated': realLogs
      .join('\n')
      .repeat(Math.ceil(MB / realLogs.join('\n').length))
      .slice(0, MB),
    'base64 lines after AUTH': ('> AUTH LOGIN\n' + '> QUFBQUFB\n'.repeat(1000)).repeat(100),
    'control characters and HTML': '<script>\u0000\u001b[31m</script>\r'.repeat(MB / 28),
    'unterminated Python quotes': "send: b'".repeat(MB / 8),
    'long IMAP tag-like words': 'a '.repeat(MB / 2),
    'URL userinfo without an @': 'smtp://a:b'.repeat(MB / 10),
    'password fields without an end': 'pass="\\'.repeat(MB / 8),
    'Authorization headers': 'Authorization: Basic '.repeat(MB / 21),
    'curl -u without a colon': ' -u me'.repeat(MB / 6),
    'IMAP LOGIN repeated': 'a1 LOGIN '.repeat(MB / 9),
    'letters and spaces near a password': `password ${'abcd '.repeat(MB / 5)}`,
    'AUTH mechanisms repeated': 'AUTH PLAIN '.repeat(MB / 11) + 'x',
    'Nodemailer prefixes without an end': '[2024-01-01 00:00:00] DEBUG [#1] ['.repeat(MB / 34),
    'PHPMailer continuation lines': `${' '.repeat(19)}\t${' '.repeat(18)}250-x\n`.repeat(MB / 45),
    'a joined reply that never ends': '250-x'.repeat(MB / 5),
    'Thunderbird prefixes': '2024-02-08 12:38:01.503779 UTC - [Parent 1: IMAP]: I/IMAP 7f:h:S-INBOX:x\n'.repeat(
      MB / 70,
    ),
    'imaplib lines': "  12:34.56 > b'a1 LOGIN {9}\n".repeat(MB / 28),
  };
  for (const [name, text] of Object.entries(inputs))
    // CPU time, not wall time: the test machine is shared, but catastrophic backtracking burns CPU.
    test(`${name}: no hang (CPU time printed)`, () => {
      const c0 = process.cpuUsage();
      readSessionLog(text);
      maskSecrets(text);
      const c = process.cpuUsage(c0);
      const ms = (c.user + c.system) / 1000;
      console.log(`${name}: ${ms.toFixed(0)} ms CPU`);
      assert.ok(ms < HANG_MS, `${ms.toFixed(0)} ms`);
    });
});
