// The connection test's macOS/Linux commands, run for real: openssl, swaks and curl against a local
// STARTTLS SMTP server (npm smtp-server) and a small implicit-TLS IMAP server on 127.0.0.1, both with a
// self-signed certificate made here. Each output goes back into the session-log reader, which must say
// where the session stopped; the password must never appear in any output.
//
// The commands come from connectionTestSteps() with 127.0.0.1, the test ports and the test CA passed
// as parameters, exactly as the page builds them from the settings.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { createServer, type Server } from 'node:tls';
import type { AddressInfo } from 'node:net';
import { connectionTestSteps, type Step, type StepId } from '../../src/lib/connection-test/commands.ts';
import { readSessionLog } from '../../src/lib/decoder/session-log.ts';
import { compile } from '../../src/lib/decoder/error-match.ts';
import { buildMatcherData, fillErrorEntry } from '../../src/lib/decoder/matcher-data.ts';
import { decode } from '../../src/lib/decoder/decode.ts';
import { loadErrors } from '../helpers/errors.ts';
import { loadSettings } from '../helpers/settings.ts';
import { makeCertificate, startServer, type Certificate, type LocalServer } from './local-smtp.ts';

const TOOLS = ['bash', 'openssl', 'swaks', 'curl', 'awk', 'sed', 'timeout', 'getent'];
const missing = TOOLS.filter((t) => spawnSync('sh', ['-c', `command -v ${t}`]).status !== 0);
if (missing.length && process.env.CI)
  throw new Error(`The connection-test interop tests need: ${missing.join(', ')} (apt-get install swaks curl openssl)`);
const skip = missing.length ? `missing tools: ${missing.join(', ')} (apt-get install swaks curl openssl)` : false;

const settings = loadSettings();
const matcher = compile(buildMatcherData(loadErrors().map((e) => fillErrorEntry(e, settings))).entries);
/** The decoder's diagnosis (src/lib/decode.ts, as on /errors/): the ids of the errors it matches. */
const diagnosis = (out: string) => decode(matcher, out, settings).matches.map((m) => m.entry.id);

const USER = 'me@icloud.com';
const GOOD = 'abcd-efgh-ijkl-mnop';
const BAD = 'wr"ong\\pass wo$rd';

/** Every form in which a password could show: as typed, and base64 alone or inside AUTH PLAIN. */
function leaks(output: string, password: string): string[] {
  const b64 = (s: string) => Buffer.from(s).toString('base64').replace(/=+$/, '');
  return [password, b64(password), b64(`\0${USER}\0${password}`)].filter((f) => output.includes(f));
}

function run(command: string, stdin: string, timeoutMs = 30_000): Promise<{ code: number | null; out: string }> {
  return new Promise((resolve) => {
    const p = spawn('bash', ['-c', command], { stdio: ['pipe', 'pipe', 'pipe'] });
    let out = '';
    p.stdout.on('data', (d: Buffer) => (out += d.toString()));
    p.stderr.on('data', (d: Buffer) => (out += d.toString()));
    const timer = setTimeout(() => p.kill('SIGKILL'), timeoutMs);
    p.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, out });
    });
    p.stdin.end(stdin);
  });
}

/** A minimal IMAP server with implicit TLS: greets, answers LOGOUT. */
function startImap(cert: Certificate): Promise<Server & { port: number }> {
  const server = createServer({ key: cert.key, cert: cert.cert }, (socket) => {
    socket.write('* OK [CAPABILITY IMAP4rev1 AUTH=PLAIN] test server ready\r\n');
    let buf = '';
    socket.on('data', (d: Buffer) => {
      buf += d.toString();
      const m = /^(\S+) LOGOUT\r?\n/im.exec(buf);
      if (m) socket.end(`* BYE logging out\r\n${m[1]} OK LOGOUT completed\r\n`);
    });
    socket.on('error', () => {});
  });
  server.on('tlsClientError', () => {});
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () =>
      resolve(Object.assign(server, { port: (server.address() as AddressInfo).port })),
    ),
  );
}

describe('connection test commands against local servers', { skip }, () => {
  let cert: Certificate;
  let smtp: LocalServer;
  let hidden: LocalServer;
  let imap: Server & { port: number };
  let steps: Map<StepId, Step>;

  const stepsFor = (smtpPort: number, caFile?: string) =>
    new Map(
      connectionTestSteps('linux', {
        smtp: { host: '127.0.0.1', port: smtpPort },
        imap: { host: '127.0.0.1', port: imap.port },
        address: USER,
        timeout: 5,
        ...(caFile ? { caFile } : {}),
      }).map((s) => [s.id, s]),
    );

  before(async () => {
    cert = makeCertificate();
    smtp = await startServer({ certificate: cert, user: USER, password: GOOD });
    hidden = await startServer({ certificate: cert, user: USER, password: GOOD, hideStartTls: true });
    imap = await startImap(cert);
    steps = stepsFor(smtp.port, cert.certFile);
  });
  after(async () => {
    await smtp.close();
    await hidden.close();
    await new Promise((r) => imap.close(r));
    cert.remove();
  });

  test('versions of the tools', () => {
    const v = (cmd: string) => spawnSync('sh', ['-c', cmd], { encoding: 'utf8' }).stdout.split('\n')[0];
    const versions = {
      openssl: v('openssl version'),
      swaks: v('swaks --version'),
      curl: v('curl --version'),
    };
    for (const [tool, line] of Object.entries(versions)) assert.ok(line, `${tool} prints a version`);
    console.log(JSON.stringify(versions));
  });

  test('every step parses in bash', () => {
    for (const s of steps.values()) {
      const r = spawnSync('bash', ['-n'], { input: s.command, encoding: 'utf8' });
      assert.equal(r.status, 0, `${s.id}: ${r.stderr}`);
    }
  });

  test('DNS and TCP steps', async () => {
    const dns = await run(steps.get('dns')!.command, '');
    assert.match(dns.out, /127\.0\.0\.1/);
    const tcp = await run(steps.get('tcp-smtp')!.command, '');
    assert.match(tcp.out, new RegExp(`Connected to 127\\.0\\.0\\.1 port ${smtp.port}`));
    const tcpImap = await run(steps.get('tcp-imap')!.command, '');
    assert.match(tcpImap.out, new RegExp(`Connected to 127\\.0\\.0\\.1 port ${imap.port}`));
    // A closed port: find one by closing a server.
    const gone = await startServer({ certificate: cert, user: USER, password: GOOD });
    const port = gone.port;
    await gone.close();
    const closed = await run(stepsFor(port, cert.certFile).get('tcp-smtp')!.command, '');
    assert.match(closed.out, /No connection/);
  });

  test('openssl STARTTLS: certificate verified, and read as such', async () => {
    const { out } = await run(steps.get('starttls')!.command, '');
    const r = readSessionLog(out);
    assert.ok(r, out);
    assert.equal(r.tool, 'openssl');
    assert.equal(r.stoppedAt, 'completed', out);
    assert.ok(r.reached.includes('tls') && r.reached.includes('certificate-verified'), r.reached.join());
    assert.deepEqual(diagnosis(out), []);
  });

  test('openssl STARTTLS without the test CA: the certificate check fails', async () => {
    const { out } = await run(stepsFor(smtp.port).get('starttls')!.command, '');
    const r = readSessionLog(out)!;
    assert.equal(r.stoppedAt, 'tls-failed', out);
    assert.match(r.toolError ?? '', /certificate verify failed/);
  });

  test('openssl STARTTLS to a server that does not offer it', async () => {
    const { out } = await run(stepsFor(hidden.port, cert.certFile).get('starttls')!.command, '');
    assert.equal(readSessionLog(out)?.stoppedAt, 'no-starttls-offered', out);
  });

  test('openssl IMAP over TLS: greeting and logout', async () => {
    const { out } = await run(steps.get('imap-tls')!.command, '');
    const r = readSessionLog(out)!;
    assert.equal(r.protocol, 'imap', out);
    assert.equal(r.stoppedAt, 'completed');
    assert.ok(r.reached.includes('greeting') && r.reached.includes('certificate-verified'), r.reached.join());
  });

  for (const [name, password, stage] of [
    ['good password', GOOD, 'completed'],
    ['wrong password', BAD, 'auth-rejected'],
  ] as const) {
    test(`swaks AUTH, ${name}`, async () => {
      const { out } = await run(steps.get('auth')!.command, `${password}\n`);
      assert.deepEqual(leaks(out, password), [], 'the password never shows');
      const r = readSessionLog(out)!;
      assert.equal(r.tool, 'swaks');
      assert.equal(r.stoppedAt, stage, out);
      if (stage === 'completed') {
        assert.ok(r.reached.includes('authenticated'));
        assert.deepEqual(diagnosis(out), [], 'a good session matches no error');
      } else {
        assert.match(r.lastReply ?? '', /^535 /);
        assert.equal(diagnosis(out)[0], 'smtp-auth-rejected');
      }
    });

    test(`curl sends a test message, ${name}`, async () => {
      const before = smtp.messages.length;
      const { out } = await run(steps.get('send')!.command, `${password}\n`);
      assert.deepEqual(leaks(out, password), [], 'the password never shows');
      const r = readSessionLog(out)!;
      assert.equal(r.tool, 'curl');
      assert.equal(r.stoppedAt, stage, out);
      if (stage === 'completed') {
        assert.ok(r.reached.includes('message-accepted'), r.reached.join());
        assert.equal(smtp.messages.length, before + 1);
        assert.match(smtp.messages.at(-1) ?? '', /Subject: Connection test/);
        assert.deepEqual(diagnosis(out), [], 'a good session matches no error');
      } else {
        assert.equal(smtp.messages.length, before);
        assert.equal(r.toolError, 'curl: (67) Login denied');
        assert.equal(diagnosis(out)[0], 'smtp-auth-rejected');
      }
    });
  }

  test('no command contains a password or asks for one on its command line', () => {
    for (const s of steps.values()) {
      assert.ok(!s.command.includes(GOOD));
      assert.ok(!/--auth-password|-ap\s|--user\s|-u\s/.test(s.command), s.id);
    }
  });
});
