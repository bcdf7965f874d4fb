// Properties of the one masking function (maskSecrets, which every text the decoder shows goes
// through): for each way a secret is written in a log, a command line or a config file, a generated
// secret embedded in a real log never survives, neither in the masked log nor anywhere in the
// reading (the server's last reply, the line quoted as "the program said").
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { readFileSync, readdirSync } from 'node:fs';
import { maskSecrets, readSessionLog } from '../../../src/lib/decoder/session-log.ts';

const RUNS = 300;
const b64 = (s: string) => Buffer.from(s, 'utf8').toString('base64');
const FIXTURES = new URL('../../fixtures/session-logs/', import.meta.url);
const realLogs = readdirSync(FIXTURES)
  .filter((f) => f.endsWith('.txt'))
  .map((f) => readFileSync(new URL(f, FIXTURES), 'utf8'));

/** Printable ASCII without spaces, at least 8 characters, minus `also` (characters the form cannot carry raw). */
const secret = (also = '') =>
  fc
    .string({ unit: fc.constantFrom(...[...'!#$%()*+,-./0123456789:;<=>?@ABCDEFGHIJKLMNOPQRSTUVWXYZ[]^_abcdefghijklmnopqrstuvwxyz{|}~"\'\\&`'].filter((c) => !also.includes(c))), minLength: 8, maxLength: 32 })
    .filter((p) => !p.includes('hidden')); // prettier-ignore
/** The same with spaces inside, for quoted values. */
const spaced = (also: string) => fc.tuple(secret(also), secret(also)).map(([a, b]) => `${a} ${b}`);
const user = fc.constantFrom('me@icloud.com', 'j.appleseed@me.com', 'x@mac.com');
const caseOf = (s: string, upper: boolean[]) =>
  Array.from(s, (c, i) => (upper[i % upper.length] ? c.toUpperCase() : c)).join('');
const appPassword = fc
  .tuple(
    fc.array(fc.string({ unit: fc.constantFrom(...'abcdefghijklmnopqrstuvwxyz'), minLength: 4, maxLength: 4 }), {
      minLength: 4,
      maxLength: 4,
    }),
    fc.constantFrom('-', ' '),
    fc.array(fc.boolean(), { minLength: 1, maxLength: 16 }),
  )
  .map(([g, sep, upper]) => caseOf(g.join(sep), upper));
const runTogether = appPassword.map((p) => p.replace(/[-\s]/g, ''));

type Form = [fc.Arbitrary<string>, (u: string, p: string) => string[]];
const js = (p: string) => JSON.stringify(p);
/** Each form: the secrets it is tested with, and the lines that carry one. */
const FORMS: Record<string, Form> = {
  'URL userinfo, smtps://': [secret('/"\'` '), (u, p) => [`curl --url 'smtps://${encodeURIComponent(u)}:${p}@smtp.example.invalid:465' --mail-from ${u}`]],
  'URL userinfo, imaps://': [secret('/"\'` '), (u, p) => [`* Connected to imaps://${u.replace('@', '%40')}:${p}@imap.example.invalid:993/INBOX`]],
  'app-specific password, any case, dashes or spaces': [appPassword, (_u, p) => [`I use the app-specific password ${p} in Mail`]],
  'app-specific password run together, where a line says password': [runTogether, (_u, p) => [`password is ${p}`, `Password: ${p}`]],
  'app-specific password alone, typed into openssl after AUTH LOGIN': [appPassword, (u, p) => ['AUTH LOGIN', '334 VXNlcm5hbWU6', u, '334 UGFzc3dvcmQ6', p, '535 5.7.8 no']],
  'Authorization: Basic': [secret(), (u, p) => [`> Authorization: Basic ${b64(`${u}:${p}`)}`]],
  'Authorization: Bearer': [secret(' '), (_u, p) => [`Authorization: Bearer ${p}`, `curl: (22) The requested URL returned error: 401 Authorization: Bearer ${p}`]],
  'key=value (query string)': [secret('& '), (u, p) => [`user=${u}&pass=${p}&host=smtp.example.invalid`]],
  'KEY_PASSWORD= (environment)': [secret(' "\'`'), (_u, p) => [`SMTP_PASSWORD=${p}`, `export MAIL_PASS=${p}`]],
  'JSON "password": "…"': [secret(), (u, p) => [`{"user": ${js(u)}, "password": ${js(p)}}`, `  "secret": ${js(p)},`]],
  "JavaScript pass: '…' and password: \"…\"": [spaced('\'"\\`'), (u, p) => [`  auth: { user: '${u}', pass: '${p}' },`, `  password: "${p}",`]],
  'PHP $mail->Password = …': [spaced('\'\\'), (_u, p) => [`$mail->Password = '${p}';`]],
  'token= and secret=': [secret('& "\'`'), (_u, p) => [`oauth token=${p}`, `client_secret = ${p}`]],
  'AUTH PLAIN inline': [secret(), (u, p) => [`CLIENT -> SERVER: AUTH PLAIN ${b64(`\0${u}\0${p}`)}`, 'SERVER -> CLIENT: 535 5.7.8 no']],
  'AUTH XOAUTH2 inline': [secret(' '), (u, p) => [`C: AUTH XOAUTH2 ${b64(`user=${u}\x01auth=Bearer ${p}\x01\x01`)}`, 'S: 235 2.7.0 Accepted']],
  'AUTH XOAUTH2 as a continuation': [secret(' '), (u, p) => ['> AUTH XOAUTH2', '< 334 ', `> ${b64(`user=${u}\x01auth=Bearer ${p}\x01\x01`)}`, '< 235 ok']],
  'AUTH LOGIN continuations': [secret(), (u, p) => ['C: AUTH LOGIN', 'S: 334 VXNlcm5hbWU6', `C: ${b64(u)}`, 'S: 334 UGFzc3dvcmQ6', `C: ${b64(p)}`, 'S: 235 ok']],
  'curl -uuser:pass': [secret(' "\''), (u, p) => [`curl -v -u${u}:${p} --url smtps://smtp.example.invalid`]],
  'curl --user user:pass': [secret(' "\''), (u, p) => [`curl --user ${u}:${p} smtps://smtp.example.invalid`]],
  'curl --user "user:pass word"': [spaced('"\\'), (u, p) => [`curl --user "${u}:${p}" smtps://smtp.example.invalid`]],
  'swaks --auth-password "…"': [spaced('"\\'), (u, p) => [`swaks --to ${u} --auth-user ${u} --auth-password "${p}" --tls`]],
  "swaks --auth-password '…'": [spaced("'"), (u, p) => [`swaks --auth-password '${p}' --auth-user ${u}`]],
  'AUTH LOGIN with the username inline, then the password': [secret(), (u, p) => [`CLIENT -> SERVER: AUTH LOGIN ${b64(u)}`, 'SERVER -> CLIENT: 334 UGFzc3dvcmQ6', `CLIENT -> SERVER: ${b64(p)}`, 'SERVER -> CLIENT: 235 2.7.0 Authentication successful']],
  'Nodemailer AUTH PLAIN': [secret(), (u, p) => [`[2026-12-08 00:33:00] DEBUG [I9G7JrLFX4] C: AUTH PLAIN ${b64(`\0${u}\0${p}`)}`, '[2026-12-08 00:33:00] DEBUG [I9G7JrLFX4] S: 235 2.7.0 Authentication successful']],
  'imaplib LOGIN': [spaced('"\'\\'), (u, p) => [`  33:56.94 > b'KLJH1 LOGIN ${u} "${p}"'`, "  33:56.97 < b'KLJH1 NO [AUTHENTICATIONFAILED] Authentication failed.'"]],
  'Thunderbird IMAP authenticate continuation': [secret(), (u, p) => ['2024-02-08 12:38:01.503779 UTC - [Parent 1: IMAP]: I/IMAP 7f4e:imap.example.invalid:NA:SendData: 3 authenticate PLAIN', '2024-02-08 12:38:01.503779 UTC - [Parent 1: IMAP]: I/IMAP 7f4e:imap.example.invalid:NA:CreateNewLineFromSocket: +', `2024-02-08 12:38:01.503779 UTC - [Parent 1: IMAP]: I/IMAP 7f4e:imap.example.invalid:NA:SendData: ${b64(`\0${u}\0${p}`)}`, '2024-02-08 12:38:01.503779 UTC - [Parent 1: IMAP]: I/IMAP 7f4e:imap.example.invalid:NA:CreateNewLineFromSocket: 3 OK done']],
  'IMAP LOGIN, quoted': [spaced('"\\'), (u, p) => [`A-1 LOGIN "${u}" "${p}"`, 'A-1 NO [AUTHENTICATIONFAILED] Authentication failed.']],
  'IMAP LOGIN, literal on the next line': [secret(), (u, p) => [`a1 LOGIN ${u} {${p.length}}`, '+ go ahead', p, 'a1 OK LOGIN completed']],
}; // prettier-ignore

/** Every form in which a secret could leak. */
function leaks(u: string, p: string): string[] {
  return [p, js(p).slice(1, -1), b64(p).replace(/=+$/, ''), b64(`\0${u}\0${p}`).replace(/=+$/, '')];
}

describe('a secret never survives masking, in each form', () => {
  for (const [name, [secrets, lines]] of Object.entries(FORMS))
    test(name, () => {
      fc.assert(
        fc.property(user, secrets, fc.constantFrom(...realLogs), fc.nat(), (u, p, log, at) => {
          const around = log.split('\n');
          fc.pre(!log.includes(p) && !lines(u, '').join('\n').includes(p));
          around.splice(at % (around.length + 1), 0, ...lines(u, p));
          const text = around.join('\n');
          const masked = maskSecrets(text);
          const reading = readSessionLog(text);
          for (const f of leaks(u, p)) {
            assert.ok(!masked.includes(f), `${JSON.stringify(f)} survived in ${JSON.stringify(masked)}`);
            assert.ok(!JSON.stringify(reading ?? '').includes(f), `${JSON.stringify(f)} survived in the reading`);
          }
        }),
        { numRuns: RUNS },
      );
    });
});

describe('the line quoted as "the program said" is masked', () => {
  const errors: Record<string, (p: string) => string> = {
    'curl, with an Authorization header': (p) => `curl: (67) Login denied Authorization: Basic ${b64(`me:${p}`)}`,
    'msmtp, with a pass= field': (p) => `msmtp: cannot log in: pass=${p}`,
    'swaks, with a URL': (p) => `*** Error connecting to smtp://me:${p}@smtp.example.invalid:587`,
  };
  for (const [name, line] of Object.entries(errors))
    test(name, () => {
      fc.assert(
        fc.property(secret(' &/"\'`'), (p) => {
          const log = `${realLogs.find((l) => l.includes('curl: (67)')) ?? ''}\n${line(p)}\n`;
          const r = readSessionLog(log);
          assert.ok(r?.toolError, 'a tool error is quoted');
          for (const f of leaks('me', p)) assert.ok(!JSON.stringify(r).includes(f), `${f} in ${r.toolError}`);
        }),
        { numRuns: RUNS },
      );
    });
});
