// decode() on fixture entries and settings: the diagnosis beside the matches, a weak match of the
// other protocol dropped when a server's code speaks, long pastes read as head and tail, and
// hostile inputs (1 MB of backtracking bait, a 10 MB paste) that must not hang. CPU times are
// printed; only a generous hang bound is asserted.
import { HANG_MS, cpuMs } from '../../helpers/cpu.ts';
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { compile, type MatcherEntry } from '../../../src/lib/decoder/error-match.ts';
import { decode, type Decoded } from '../../../src/lib/decoder/decode.ts';
import { READ_KIB } from '../../../src/lib/decoder/protocol/bounded.ts';
import { diagnose } from '../../../src/lib/decoder/protocol/diagnose.ts';
import { loadFixtureSettings } from '../../helpers/settings.ts';

const s = loadFixtureSettings();
const entry = (id: string, protocol: 'smtp' | 'imap', needle: string, weight = 2): MatcherEntry => ({
  id,
  title: id,
  protocol,
  cause: 'cause',
  fix: ['fix'],
  signatures: [{ all: [needle], weight }],
});
const m = compile([
  entry('imap-auth-exception', 'imap', 'authenticationfailedexception'),
  entry('wrong-version', 'smtp', 'wrong version number', 3),
]);

describe('decode', () => {
  test('a text about another service gets nothing, even a match', () => {
    const web = 'app_1 | upstream error: wrong version number while connecting to upstream, request: "GET / HTTP/1.1"';
    assert.deepEqual(decode(m, web, s), { reading: null, matches: [], diagnosis: null, cutKiB: null });
    assert.equal(decode(m, 'smtp: wrong version number', s).matches[0]?.entry.id, 'wrong-version');
  });

  test('empty text: nothing', () => {
    assert.deepEqual(decode(m, '   ', s), { reading: null, matches: [], diagnosis: null, cutKiB: null });
  });

  test('a match and the diagnosis agree: both are returned, match first', () => {
    const d = decode(m, 'error:1408F10B:SSL routines:ssl3_get_record:wrong version number smtp', s);
    assert.equal(d.matches[0]?.entry.id, 'wrong-version');
    assert.equal(d.diagnosis?.kind, 'tls-mode');
  });

  test('a match of the other protocol than the server’s code is dropped', () => {
    const d = decode(m, 'javax.mail.AuthenticationFailedException: 535 5.7.139 Authentication unsuccessful', s);
    assert.deepEqual(d.matches, []);
    assert.equal(d.diagnosis?.kind, 'auth');
    // Without a server code, the match stays.
    assert.equal(decode(m, 'javax.mail.AuthenticationFailedException', s).matches[0]?.entry.id, 'imap-auth-exception');
  });

  test('a session log is read and its masked text diagnosed', () => {
    const log = ['<~ 220 ready', '~> AUTH PLAIN c2VjcmV0', '<~* 535 5.7.8 Error: authentication failed'].join('\n');
    const d = decode(m, log, s);
    assert.equal(d.diagnosis?.kind, 'auth');
    assert.equal(d.cutKiB, null);
    assert.ok(!JSON.stringify(d.diagnosis).includes('c2VjcmV0'));
  });

  test('a long paste is read as its first and last KiB, and says so', () => {
    const big = `550 5.1.1 <a@b.example>: user unknown\n${'filler line\n'.repeat(60_000)}`;
    const d = decode(m, big, s);
    assert.equal(d.cutKiB, READ_KIB);
    assert.equal(d.reading, null);
    assert.equal(d.diagnosis?.kind, 'recipient-unknown');
  });

  test('zero-width and bidirectional characters do not break a code', () => {
    assert.equal(decode(m, '5\u200b3\u202e5 5.7.\u20608 Error: authentication failed', s).diagnosis?.kind, 'auth');
  });

  test('the diagnosis never carries the pasted text beyond codes', () => {
    const secret = 'hunter2-SECRET-abcd';
    const d = diagnose(`535 5.7.8 Error: authentication failed for ${secret}`, s);
    assert.ok(!JSON.stringify(d).includes(secret));
  });
});

describe('hostile input', () => {
  const MB = 1024 * 1024;
  const inputs: Record<string, string> = {
    'digits and dots': '5.5.5.5.5.5.5.'.repeat(MB / 14),
    'codes without end': '550-'.repeat(MB / 4),
    'tags without status': 'A1 A1 A1 '.repeat(MB / 9),
    'brackets never closed': '[AAAAAAAAAAAAAAAA'.repeat(MB / 17),
    'one long line of hosts': 'host a.b.c.d.e.f.g.h.i.j.k '.repeat(MB / 27),
    'errno bait': '[Errno [Errno [Errno '.repeat(MB / 21),
    'EAUTH without boundary': 'xEAUTHx'.repeat(MB / 7),
    'mail words and ports': 'smtp :25 port 587 mx01. '.repeat(MB / 24),
  };
  test('1 MB of backtracking bait per protocol reader: no hang (worst CPU time of 3 printed)', () => {
    const report: string[] = [];
    for (const [name, text] of Object.entries(inputs)) {
      let worst = 0;
      for (let i = 0; i < 3; i++)
        worst = Math.max(
          worst,
          cpuMs(() => diagnose(text, s)),
        );
      report.push(`${name}: ${worst.toFixed(1)} ms CPU`);
      assert.ok(worst < HANG_MS, `${name}: ${worst.toFixed(1)} ms`);
    }
    console.log(`diagnose on 1 MB: ${report.join('; ')}`);
  });

  test('a 10 MB paste: decode answers without hanging (CPU time printed)', () => {
    const big = `${'<b>x</b> 550-5.1.1 '.repeat((10 * MB) / 20)}\n535 5.7.8 Error: authentication failed`;
    let d: Decoded | undefined;
    const ms = cpuMs(() => {
      d = decode(m, big, s);
    });
    console.log(`decode on 10 MB: ${ms.toFixed(1)} ms CPU`);
    assert.ok(ms < HANG_MS, `${ms.toFixed(1)} ms`);
    assert.equal(d!.cutKiB, READ_KIB);
  });
});
