// The decoder's pure step (src/lib/decode.ts) on the real matcher and the real session-log fixtures:
// a log's stage comes with the matching error, secrets never come back, big texts stay fast.
import { HANG_MS } from '../helpers/cpu.ts';
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { compile } from '../../src/lib/decoder/error-match.ts';
import { buildMatcherData, fillErrorEntry } from '../../src/lib/decoder/matcher-data.ts';
import { decode, LOG_LIMIT } from '../../src/lib/decoder/decode.ts';
import { loadErrors } from '../helpers/errors.ts';
import { loadSettings } from '../helpers/settings.ts';

const settings = loadSettings();
const m = compile(buildMatcherData(loadErrors().map((e) => fillErrorEntry(e, settings))).entries);
const log = (name: string) => readFileSync(new URL(`../fixtures/session-logs/${name}`, import.meta.url), 'utf8');

test('a swaks log with a rejected password: the stage, then the authentication error', () => {
  const d = decode(m, log('swaks-bad.txt'), settings);
  assert.equal(d.reading?.stoppedAt, 'auth-rejected');
  assert.equal(d.matches[0]?.entry.id, 'smtp-auth-rejected');
});

test('a log that stopped because STARTTLS was not used matches the STARTTLS error', () => {
  const d = decode(m, log('swaks-notls.txt'), settings);
  assert.equal(d.reading?.stoppedAt, 'starttls-not-used');
  assert.equal(d.matches[0]?.entry.id, 'starttls-required');
});

test('openssl going on after an untrusted certificate: TLS failed, and the interception error first', () => {
  const d = decode(m, log('openssl-untrusted-continues.txt'), settings);
  assert.equal(d.reading?.stoppedAt, 'tls-failed');
  assert.equal(d.matches[0]?.entry.id, 'certificate-intercepted');
});

test('a plain error message is not a log: no reading, just matches', () => {
  const d = decode(m, 'smtp: Hello called after other methods', settings);
  assert.equal(d.reading, null);
  assert.equal(d.matches[0]?.entry.id, 'go-hello-called-after-other-methods');
});

test('a secret inserted anywhere in a log never comes back in what the decoder returns', () => {
  const base = log('swaks-bad.txt').split('\n');
  fc.assert(
    fc.property(
      fc.integer({ min: 0, max: base.length }),
      fc.constantFrom('AUTH PLAIN ', ' ~> AUTH PLAIN ', 'A1 LOGIN me@icloud.com ', 'Password: ', ''),
      fc.stringMatching(/^[a-z]{4}-[a-z]{4}-[a-z]{4}-[a-z]{4}$/),
      (at, lead, secret) => {
        const lines = [...base];
        lines.splice(at, 0, `${lead}${secret}`);
        const out = JSON.stringify(decode(m, lines.join('\n'), settings));
        assert.ok(!out.includes(secret), `${secret} came back`);
      },
    ),
    { numRuns: 300 },
  );
});

test('texts over the log limit are matched without reading them as a log', () => {
  const big = `${'abc\n'.repeat(LOG_LIMIT / 4)}Must issue a STARTTLS command first`;
  const d = decode(m, big, settings);
  assert.equal(d.reading, null);
  assert.equal(d.matches[0]?.entry.id, 'starttls-required');
});

test('1 MB of short lines, of HTML and of log lines: no hang (worst CPU time of 3 printed)', () => {
  const MB = 1024 * 1024;
  const inputs: Record<string, string> = {
    'short lines': 'abc\n'.repeat(MB / 4),
    'log lines': '<~  250-vm Nice to meet you\n'.repeat(MB / 28),
    HTML: '<b onclick=x>\u0000</b>\n'.repeat(MB / 20),
    'log at the limit': '<~  250-vm Nice to meet you\n'.repeat(LOG_LIMIT / 28),
  };
  const report: string[] = [];
  for (const [name, text] of Object.entries(inputs)) {
    let worst = 0;
    for (let i = 0; i < 3; i++) {
      const t0 = process.cpuUsage();
      decode(m, text, settings);
      const d = process.cpuUsage(t0);
      worst = Math.max(worst, (d.user + d.system) / 1000);
    }
    report.push(`${name}: ${worst.toFixed(1)} ms CPU`);
    assert.ok(worst < HANG_MS, `${name}: ${worst.toFixed(1)} ms`);
  }
  console.log(report.join('\n'));
});
