// The session-log reader on real logs (test/fixtures/session-logs/: swaks, curl, msmtp and openssl run
// against the local STARTTLS server of test/interop/, plus typed openssl, IMAP, transcript and Python
// logs), and its masking.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { maskSecrets, readSessionLog, type SessionReading, type Stage } from '../../../src/lib/decoder/session-log.ts';
import { loadFixtureSettings } from '../../helpers/settings.ts';

const DIR = new URL('../../fixtures/session-logs/', import.meta.url);
const read = (name: string) => readFileSync(new URL(name, DIR), 'utf8');

/** file → [protocol, tool, stage, the reply that shows it (or null), the tool's error (start, or null)] */
const EXPECTED: Record<string, [SessionReading['protocol'], SessionReading['tool'], Stage, string | null, string | null]> = {
  'swaks-good.txt': ['smtp', 'swaks', 'completed', '221 Bye', null],
  'swaks-bad.txt': ['smtp', 'swaks', 'auth-rejected', '535 5.7.8 Authentication credentials invalid', 'No authentication type succeeded'],
  'swaks-cert.txt': ['smtp', 'swaks', 'tls-failed', '220 Ready to start TLS', 'TLS startup failed'],
  'swaks-nostarttls.txt': ['smtp', 'swaks', 'no-starttls-offered', '250 AUTH PLAIN LOGIN', 'Host did not advertise STARTTLS'],
  'swaks-notls.txt': ['smtp', 'swaks', 'starttls-not-used', '538 Error: Must issue a STARTTLS command first', 'No authentication type succeeded'],
  'swaks-rcpt.txt': ['smtp', 'swaks', 'rcpt-rejected', '550 5.1.1 Unknown recipient', null],
  'swaks-size.txt': ['smtp', 'swaks', 'message-rejected', '552 5.3.4 Message size exceeds fixed limit', null],
  'swaks-implicit.txt': ['smtp', 'swaks', 'no-connection', null, 'Timeout (3 secs) waiting for server response'],
  'curl-good.txt': ['smtp', 'curl', 'completed', '250 OK: message queued', null],
  'curl-bad.txt': ['smtp', 'curl', 'auth-rejected', '535 5.7.8 Authentication credentials invalid', 'curl: (67) Login denied'],
  'curl-cert.txt': ['smtp', 'curl', 'tls-failed', '220 Ready to start TLS', 'curl: (60) SSL certificate problem'],
  'curl-from.txt': ['smtp', 'curl', 'mail-from-rejected', '550 5.7.0 From address is not one of your addresses', 'curl: (55) MAIL failed: 550'],
  'curl-nostarttls.txt': ['smtp', 'curl', 'no-starttls-offered', '250 AUTH PLAIN LOGIN', 'curl: (64) STARTTLS not supported.'],
  'curl-refused.txt': ['smtp', 'curl', 'no-connection', null, 'curl: (7) Failed to connect'],
  'curl-implicit.txt': ['smtp', 'curl', 'no-connection', null, 'curl: (28) Operation timed out'],
  'curl-imap-authenticate.txt': ['imap', 'curl', 'auth-rejected', 'A002 NO [AUTHENTICATIONFAILED] Authentication failed.', 'curl: (67) Login denied'],
  'msmtp-good.txt': ['smtp', 'msmtp', 'completed', '221 Bye', null],
  'msmtp-bad.txt': ['smtp', 'msmtp', 'auth-rejected', '535 5.7.8 Authentication credentials invalid', 'msmtp: authentication failed'],
  'msmtp-from.txt': ['smtp', 'msmtp', 'mail-from-rejected', '550 5.7.0 From address is not one of your addresses', 'msmtp: envelope from address'],
  'openssl-good.txt': ['smtp', 'openssl', 'completed', '250 STARTTLS', null],
  'openssl-brief.txt': ['smtp', 'openssl', 'completed', '250 STARTTLS', null],
  'openssl-cert.txt': ['smtp', 'openssl', 'tls-failed', null, '402731298D7F0000:error:0A000086:SSL routines'],
  'openssl-implicit.txt': ['smtp', 'openssl', 'tls-failed', null, '40F7A17EEE7F0000:error:0A00010B:SSL routines:ssl3_get_record:wrong version number'],
  'openssl-refused.txt': ['smtp', 'openssl', 'no-connection', null, '40F7B1EE237F0000:error:8000006F:system library:BIO_connect:Connection refused'],
  'openssl-dns.txt': ['smtp', 'openssl', 'no-connection', null, '401717816E7F0000:error:10080002:BIO routines:BIO_lookup_ex'],
  'openssl-typed-auth-login.txt': ['smtp', 'openssl', 'auth-rejected', '535 5.7.8 Authentication credentials invalid', null],
  'openssl-imap-login-ok.txt': ['imap', 'openssl', 'completed', 'a3 OK LOGOUT completed', null],
  'openssl-imap-login-rejected.txt': ['imap', 'openssl', 'auth-rejected', 'a1 NO [AUTHENTICATIONFAILED] Authentication failed.', null],
  'transcript-auth-plain.txt': ['smtp', 'transcript', 'completed', '221 Bye', null],
  'powershell-test-netconnection-blocked.txt': ['smtp', 'powershell', 'no-connection', null, 'WARNING: TCP connect to (192.0.2.10 : 587) failed'],
  'powershell-starttls-certificate.txt': ['smtp', 'transcript', 'tls-failed', '220 2.0.0 Ready to start TLS', 'TLS: failed'],
  'powershell-auth-rejected.txt': ['smtp', 'transcript', 'auth-rejected', '535 5.7.8 Authentication credentials invalid', null],
  'python-smtplib-debug.txt': ['smtp', 'python', 'starttls-not-used', '538 Error: Must issue a STARTTLS command first', null],
  'python-smtplib-debug2.txt': ['smtp', 'python', 'auth-rejected', '535 5.7.8 Authentication credentials invalid', null],
  'python-smtplib-greeting-554.txt': ['smtp', 'python', 'session-refused', '554 Client host rejected: Access denied', null],
  'python-smtplib-ehlo-501.txt': ['smtp', 'python', 'session-refused', '501 Error: syntax: EHLO hostname', null],
  'python-imaplib-debug.txt': ['imap', 'python', 'auth-rejected', 'KLJH1 NO [AUTHENTICATIONFAILED] Authentication failed.', 'imaplib.IMAP4.error:'],
  'nodemailer-good.txt': ['smtp', 'nodemailer', 'completed', '250 OK: message queued', null],
  'nodemailer-auth-rejected.txt': ['smtp', 'nodemailer', 'auth-rejected', '535 5.7.8 Authentication credentials invalid', 'Send Error: Invalid login'],
  'openssl-untrusted-continues.txt': ['smtp', 'openssl', 'tls-failed', '221 Bye', 'Verify return code: 18'],
  'mailkit-imap-auth-rejected.txt': ['imap', 'transcript', 'auth-rejected', 'A00000004 NO [AUTHENTICATIONFAILED] Authentication failed.', null],
  'phpmailer-html.txt': ['smtp', 'phpmailer', 'completed', '334 VXNlcm5hbWU6', null],
  'thunderbird-imap.txt': ['imap', 'thunderbird', 'completed', '* 80 FETCH (UID 91 FLAGS (\\Seen))', null],
  'phpmailer-echo.txt': ['smtp', 'phpmailer', 'completed', '220 mx.google.com ESMTP i3sm45669525wie.23 - gsmtp', null],
}; // prettier-ignore

/** Secrets that appear in the fixtures, in every form they take. */
const SECRETS = [
  'abcd-efgh-ijkl-mnop',
  'YWJjZC1lZmdoLWlqa2wtbW5vcA', // base64 of the app-specific password (LOGIN)
  'AG1lQGljbG91ZC5jb20AYWJjZC1lZmdoLWlqa2wtbW5vcA', // AUTH PLAIN, good password
  'AG1lQGljbG91ZC5jb20Ad3Jvbmc', // AUTH PLAIN, "wrong"
  'AG1lQGljbG91ZC5jb20Ad3JvbmdwYXNzd29yZA', // AUTH PLAIN, "wrongpassword"
  'AG1lQGljbG91ZC5jb20Ad3JvbmctcGFzcw', // AUTH PLAIN, "wrong-pass"
  'd3JvbmctcGFzcy13b3Jk', // LOGIN, "wrong-pass-word"
  's3cret pass',
  'AG1lQGljbG91ZC5jb20Ad3JvbmcgcGFzcw', // AUTH PLAIN, "wrong pass" (smtplib)
  'd3JvbmcgcGFzcw', // LOGIN, "wrong pass" (smtplib)
  'abcd efgh ijkl mnop', // imaplib LOGIN
  'AG1lQGljbG91ZC5jb20ALyogc2VjcmV0ICov', // Nodemailer's AUTH PLAIN with its own /* secret */
];

describe('readSessionLog on real logs', () => {
  test('every fixture has an expectation (and the reverse)', () => {
    const logs = readdirSync(DIR).filter((f) => f.endsWith('.txt'));
    assert.deepEqual(logs.sort(), Object.keys(EXPECTED).sort());
    // Each new fixture names its source.
    const sources = read('SOURCES.md');
    for (const f of logs.filter((f) =>
      /^(?:nodemailer|phpmailer|mailkit|python-(?:imaplib|smtplib-(?:debug2|greeting|ehlo))|openssl-untrusted)/.test(f),
    ))
      assert.ok(sources.includes(`\`${f}\``), `${f} is in SOURCES.md`);
  });
  for (const [file, [protocol, tool, stage, reply, error]] of Object.entries(EXPECTED)) {
    test(file, () => {
      const text = read(file);
      const r = readSessionLog(text);
      assert.ok(r, 'read as a session log');
      assert.equal(r.protocol, protocol);
      assert.equal(r.tool, tool);
      assert.equal(r.stoppedAt, stage);
      assert.equal(r.lastReply, reply);
      if (error === null) assert.equal(r.toolError, null);
      else assert.ok(r.toolError?.startsWith(error), `tool error: ${r.toolError}`);
      assert.ok(r.stage.title.length > 5 && r.stage.explanation.length > 40);
      const all = JSON.stringify(r);
      for (const s of SECRETS) assert.ok(!all.includes(s), `${s} is masked`);
      assert.equal(r.masked, maskSecrets(text));
      // CRLF and CR line endings read the same.
      assert.equal(readSessionLog(text.replace(/\n/g, '\r\n'))?.stoppedAt, stage);
    });
  }
  test('what a successful session reached', () => {
    assert.deepEqual(readSessionLog(read('msmtp-good.txt'))?.reached, [
      'connected', 'greeting', 'starttls-offered', 'tls', 'certificate-verified', 'authenticated',
      'mail-from-accepted', 'rcpt-accepted', 'message-accepted',
    ]); // prettier-ignore
    assert.match(readSessionLog(read('swaks-good.txt'))!.stage.explanation, /login worked/);
    assert.match(readSessionLog(read('curl-good.txt'))!.stage.explanation, /(accepted|login worked)/);
  });
  test('a failed handshake does not count as TLS reached', () => {
    const r = readSessionLog(read('openssl-implicit.txt'))!;
    assert.ok(!r.reached.includes('tls') && !r.reached.includes('certificate-verified'));
  });
});

describe('readSessionLog: what the new formats show', () => {
  test('each program is recognised, and the steps a session reached', () => {
    assert.deepEqual(readSessionLog(read('nodemailer-good.txt'))?.reached, [
      'connected', 'greeting', 'starttls-offered', 'tls', 'authenticated', 'mail-from-accepted', 'rcpt-accepted',
      'message-accepted',
    ]); // prettier-ignore
    assert.deepEqual(readSessionLog(read('phpmailer-html.txt'))?.reached, [
      'connected',
      'greeting',
      'starttls-offered',
      'tls',
    ]);
    assert.deepEqual(readSessionLog(read('mailkit-imap-auth-rejected.txt'))?.reached.slice(0, 2), [
      'connected',
      'greeting',
    ]);
  });
  test('a certificate openssl could not verify reads as not trusted, though the session went on', () => {
    const r = readSessionLog(read('openssl-untrusted-continues.txt'))!;
    assert.match(r.stage.explanation, /not trusted.*antivirus/);
  });
  test('a refused greeting or EHLO says the server refused the session', () => {
    for (const f of ['python-smtplib-greeting-554.txt', 'python-smtplib-ehlo-501.txt'])
      assert.equal(readSessionLog(read(f))?.stage.title, 'The server refused the session', f);
  });
  test('a paste that ends inside a reply of several lines looks cut off', () => {
    for (const f of [
      'swaks-good.txt',
      'curl-good.txt',
      'msmtp-good.txt',
      'nodemailer-good.txt',
      'python-smtplib-debug2.txt',
    ]) {
      const lines = read(f).split('\n');
      const at = lines.findIndex((l) => /(?:^|[ :'] ?)250-/.test(l));
      const cut = readSessionLog(lines.slice(0, at + 1).join('\n') + '\n');
      assert.equal(cut?.cutOff, true, f);
      assert.match(cut.stage.explanation, /looks cut off/, f);
      assert.equal(readSessionLog(read(f))?.cutOff, false, f);
    }
  });
  test("Thunderbird's SMTP log: swaks-bad.txt's exchange in nsSmtpProtocol's MOZ_LOG lines", () => {
    // nsSmtpProtocol logs `SMTP Send: %s`, `SMTP Response: %s`, and for a command with credentials
    // `Logging suppressed for this command (it probably contained authentication information)`.
    const at = '2024-02-08 12:38:01.503779 UTC - [Parent 223737: Main Thread]: I/SMTP ';
    let suppress = false;
    const text = read('swaks-bad.txt')
      .split('\n')
      .flatMap((l) => {
        const m = /^(?: -> | ~> |<- {2}|<~ {2}|<~\* )(.*)$/.exec(l);
        if (!m) return [];
        const body = m[1] ?? '';
        if (!l.includes('>')) return [`${at}SMTP Response: ${body}`];
        if (suppress || /^AUTH/.test(body)) {
          suppress = !/^QUIT/.test(body);
          if (suppress)
            return [`${at}Logging suppressed for this command (it probably contained authentication information)`];
        }
        return [`${at}SMTP Send: ${body}`];
      })
      .join('\n');
    const r = readSessionLog(text)!;
    assert.equal(r.tool, 'thunderbird');
    assert.equal(r.stoppedAt, 'auth-rejected');
    assert.equal(r.lastReply, '535 5.7.8 Authentication credentials invalid');
  });

  test('PHPMailer without a time before each line, and IMAP tags with a dash', () => {
    const php = read('phpmailer-html.txt').replace(/^\S+ \S+ /gm, '');
    assert.equal(readSessionLog(php)?.tool, 'phpmailer');
    assert.deepEqual(readSessionLog(php)?.reached, ['connected', 'greeting', 'starttls-offered', 'tls']);
    const dashed = read('openssl-imap-login-rejected.txt')
      .replace(/^a(\d) /gm, 'A-$1 ')
      .replace('abcd-efgh-ijkl-mnop', 'hunter2hunter2');
    assert.equal(readSessionLog(dashed)?.stoppedAt, 'auth-rejected');
    assert.match(maskSecrets(dashed), /^A-1 LOGIN \[hidden\]$/m);
    assert.ok(!maskSecrets(dashed).includes('hunter2'));
  });
});

describe('readSessionLog: not a log', () => {
  for (const text of [
    '',
    'hello',
    '535 5.7.8 Authentication credentials invalid',
    'curl: (67) Login denied',
    'SSL routines:ssl3_get_record:wrong version number',
    'Error: Invalid login: 535 5.7.8 Error: authentication failed',
    'Thanks for your help!\nBest regards',
  ])
    test(JSON.stringify(text.slice(0, 40)), () => assert.equal(readSessionLog(text), null));
});

describe('readSessionLog: explanations', () => {
  const why = (file: string) => readSessionLog(read(file))!.stage.explanation;
  test('say which kind of failure', () => {
    assert.match(why('openssl-dns.txt'), /did not resolve/);
    assert.match(why('curl-refused.txt'), /refused/);
    assert.match(why('openssl-refused.txt'), /refused/);
    assert.match(why('curl-implicit.txt'), /never sent its greeting/);
    assert.match(why('swaks-implicit.txt'), /never sent its greeting/);
    assert.match(why('openssl-implicit.txt'), /wrong version number/);
    for (const f of ['curl-cert.txt', 'openssl-cert.txt', 'swaks-cert.txt']) assert.match(why(f), /not trusted/, f);
    assert.match(why('swaks-bad.txt'), /app-specific password/);
    assert.match(why('curl-from.txt'), /MAIL FROM/);
    assert.match(why('powershell-starttls-certificate.txt'), /not trusted/);
  });
  test('Test-NetConnection to the IMAP port reads as IMAP when the settings are given', () => {
    const s = loadFixtureSettings();
    const text = read('powershell-test-netconnection-blocked.txt').replace(
      /RemotePort( +): \d+/,
      `RemotePort$1: ${s.imap.port.value}`,
    );
    assert.equal(readSessionLog(text, s)?.protocol, 'imap');
    assert.equal(readSessionLog(text, s)?.stoppedAt, 'no-connection');
  });

  test('name the port only when settings are given', () => {
    const s = loadFixtureSettings();
    const text = read('curl-refused.txt');
    const without = readSessionLog(text)!.stage.explanation;
    const withPorts = readSessionLog(text, s)!.stage.explanation;
    assert.ok(!withPorts.includes('the sending port'));
    assert.ok(withPorts.includes(`port ${s.smtp.port.value}`));
    assert.ok(without.includes('the sending port'));
  });
});

describe('maskSecrets', () => {
  const cases: [string, string, string][] = [
    ['swaks AUTH PLAIN', ' ~> AUTH PLAIN AGFAYgBj', ' ~> AUTH PLAIN [hidden]'],
    ['curl AUTH PLAIN after 334', '> AUTH PLAIN\n< 334 \n> AGFAYgBj\n< 235 ok', '> AUTH PLAIN\n< 334 \n> [hidden]\n< 235 ok'],
    ['msmtp', '--> AUTH PLAIN AGFAYgBj\n<-- 535 no', '--> AUTH PLAIN [hidden]\n<-- 535 no'],
    [
      'AUTH LOGIN with plain-text answers typed into openssl',
      'AUTH LOGIN\n334 VXNlcm5hbWU6\nme@icloud.com\n334 UGFzc3dvcmQ6\nhunter2 with spaces\n235 ok\nQUIT',
      'AUTH LOGIN\n334 VXNlcm5hbWU6\n[hidden]\n334 UGFzc3dvcmQ6\n[hidden]\n235 ok\nQUIT',
    ],
    ['AUTH LOGIN with an initial response', ' -> AUTH LOGIN bWVAaWNsb3VkLmNvbQ==', ' -> AUTH LOGIN [hidden]'],
    ['IMAP LOGIN', 'a1 LOGIN me@icloud.com "p w"', 'a1 LOGIN [hidden]'],
    ['IMAP LOGIN with literals', 'a1 LOGIN {13}\n+ go\nme@icloud.com {4}\n+ go\npass\na1 OK done', 'a1 LOGIN [hidden]\n+ go\n[hidden]\n+ go\n[hidden]\na1 OK done'],
    ['IMAP AUTHENTICATE', '> A2 AUTHENTICATE PLAIN\n< +\n> AGFAYgBj\n< A2 OK', '> A2 AUTHENTICATE PLAIN\n< +\n> [hidden]\n< A2 OK'],
    ['IMAP AUTHENTICATE with SASL-IR', 'A2 AUTHENTICATE PLAIN AGFAYgBj', 'A2 AUTHENTICATE PLAIN [hidden]'],
    ['app-specific password anywhere', 'my password is abcd-efgh-ijkl-mnop, ok?', 'my password is [hidden], ok?'],
    ['swaks password option', 'swaks --auth-password hunter2 --to x', 'swaks --auth-password [hidden] --to x'],
    ['curl --user', "curl --user 'me@icloud.com:hunter2' smtp://x", "curl --user 'me@icloud.com:[hidden]' smtp://x"],
    ['Python smtplib', "send: 'AUTH PLAIN AGFAYgBj\\r\\n'", 'send: AUTH PLAIN [hidden]'],
    ['server lines are kept', '<~  250-AUTH PLAIN LOGIN\n<~  334 VXNlcm5hbWU6', '<~  250-AUTH PLAIN LOGIN\n<~  334 VXNlcm5hbWU6'],
    ['ordinary commands are kept', ' ~> MAIL FROM:<me@icloud.com>\n ~> QUIT', ' ~> MAIL FROM:<me@icloud.com>\n ~> QUIT'],
    ['URL userinfo', 'curl smtps://me%40icloud.com:s3cr3t@smtp.example.invalid', 'curl smtps://me%40icloud.com:[hidden]@smtp.example.invalid'],
    ['app-specific password in capitals', 'ABCD-EFGH-IJKL-MNOP', '[hidden]'],
    ['app-specific password with spaces, said to be one', 'password: abcd efgh ijkl mnop', 'password: [hidden]'],
    ['app-specific password run together, said to be one', 'my app password abcdefghijklmnop', 'my app password [hidden]'],
    ['four words that are not a password', 'this will make sure it works', 'this will make sure it works'],
    ['Authorization header', '> Authorization: Basic bWU6cHc=', '> Authorization: Basic [hidden]'],
    ['query string', 'user=me&pass=p%26w&x=1', 'user=me&pass=[hidden]&x=1'],
    ['environment variable', 'SMTP_PASSWORD=hunter2', 'SMTP_PASSWORD=[hidden]'],
    ['a value that starts like a parameter', 'SMTP_PASSWORD=&Q=hunter2', 'SMTP_PASSWORD=[hidden]'],
    ['JSON', '{"user": "me", "password": "a \\"b\\" c"}', '{"user": "me", "password": "[hidden]"}'],
    ['JavaScript', "auth: { user: 'me', pass: 'p w' },", "auth: { user: 'me', pass: '[hidden]' },"],
    ['curl -u attached', 'curl -ume@icloud.com:hunter2 smtps://x', 'curl -ume@icloud.com:[hidden] smtps://x'],
    ['curl --user quoted, with a space', 'curl --user "me:hunter 2" smtps://x', 'curl --user "me:[hidden]" smtps://x'],
    ['swaks --auth-password quoted', "swaks --auth-password 'hunter 2' --tls", "swaks --auth-password '[hidden]' --tls"],
    ['AUTH XOAUTH2 inline', 'C: AUTH XOAUTH2 dXNlcj1tZQFhdXRo', 'C: AUTH XOAUTH2 [hidden]'],
    ['a capability list is kept', '250-AUTH PLAIN LOGIN XOAUTH2', '250-AUTH PLAIN LOGIN XOAUTH2'],
    ['IMAP tag with a dash', 'A-1 LOGIN me "pw"\nA-1 OK done', 'A-1 LOGIN [hidden]\nA-1 OK done'],
    ['IMAP LOGIN inside another program\'s line', "x > b'KDAJ1 LOGIN me \"pw\"'", 'x > b\'KDAJ1 LOGIN [hidden]'],
    ['prose that says login is not an IMAP command', 'My login fails with this log:\n> EHLO x\n< 250 ok', 'My login fails with this log:\n> EHLO x\n< 250 ok'],
    ['a one-character IMAP tag', '. login me pw\n. OK done', '. login [hidden]\n. OK done'],
    ['server replies about passwords are kept', '535-5.7.8 Username and Password not accepted', '535-5.7.8 Username and Password not accepted'],
  ]; // prettier-ignore
  for (const [name, input, want] of cases) test(name, () => assert.equal(maskSecrets(input), want));
});

test('openssl warns it found no STARTTLS, on stderr before anything else, then gets a session anyway', () => {
  // The order a terminal shows when stderr comes first; the handshake then succeeds because the
  // server takes STARTTLS without offering it (as a middlebox that strips the offer leaves it).
  const log = [
    "Didn't find STARTTLS in server response, trying anyway...",
    'depth=0 CN = localhost',
    'verify return:1',
    'CONNECTED(00000003)',
    '---',
    'SSL handshake has read 1416 bytes and written 412 bytes',
    'Verification: OK',
    '---',
    'New, TLSv1.3, Cipher is TLS_AES_256_GCM_SHA384',
    '    Verify return code: 0 (ok)',
    '---',
    'read R BLOCK',
  ].join('\n');
  assert.equal(readSessionLog(log)?.stoppedAt, 'no-starttls-offered');
});
