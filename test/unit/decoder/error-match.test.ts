// The error matcher on fixture entries (a content change never breaks these): normalisation,
// ranking, ties, and hostile input (size, control characters, HTML, backtracking bait).
import { HANG_MS, cpuMs } from '../../helpers/cpu.ts';
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { compile, match, normalise, MIN_SCORE, type MatcherEntry } from '../../../src/lib/decoder/error-match.ts';
import { errorSignatureSchema } from '../../../src/schemas/error.ts';

const entry = (id: string, signatures: MatcherEntry['signatures']): MatcherEntry => ({
  id,
  title: id,
  protocol: 'smtp',
  cause: 'cause',
  fix: ['fix'],
  signatures,
});

const fixtures: MatcherEntry[] = [
  entry('tls', [
    { all: ['wrong version number'], weight: 3 },
    { all: ['ssl3_get_record'], weight: 1 },
  ]),
  entry('auth', [
    { all: ['535', 'authentication'], weight: 2 },
    { all: ['invalid login'], weight: 3 },
  ]),
  entry('weak', [{ all: ['timed out'], weight: 1 }]),
  entry('overlap-short', [{ all: ['version number'], weight: 3 }]),
  entry('nested', [
    { all: ['aaa'], weight: 1 },
    { all: ['aaaa b'], weight: 2 },
  ]),
];
const m = compile(fixtures);
const ids = (text: string) => match(m, text).map((r) => r.entry.id);

describe('normalise', () => {
  test('lower-cases, folds every run of whitespace and control characters into one space', () => {
    assert.equal(normalise('Wrong\r\n\tVERSION\u0000\u0007  number'), 'wrong version number');
    assert.equal(normalise('a\u00a0b\u2028c\u200bd\ufeffe'), 'a b c d e');
  });
  test('makes typographic quotes ASCII', () => {
    assert.equal(normalise('‘it’s’ “quoted” ″x″'), `'it's' "quoted" "x"`);
  });
});

describe('match', () => {
  test('finds a needle across line breaks and case', () => {
    assert.deepEqual(ids('SSL routines:ssl3_get_record:WRONG\nversion   number'), ['tls', 'overlap-short']);
  });
  test('a signature counts only when all its needles appear', () => {
    assert.deepEqual(ids('535 something'), []);
    assert.deepEqual(ids('535 Error: authentication failed'), ['auth']);
  });
  test('weights add up and the higher score ranks first', () => {
    const r = match(m, 'Invalid login: 535 Authentication failed');
    assert.equal(r[0]!.entry.id, 'auth');
    assert.equal(r[0]!.score, 5);
  });
  test('a weak signature alone is not a match', () => {
    assert.equal(MIN_SCORE, 2);
    assert.deepEqual(ids('connection timed out'), []);
  });
  test('on equal scores the longer (more specific) match ranks first', () => {
    // tls: "wrong version number" (3); overlap-short: "version number" (3).
    assert.deepEqual(ids('wrong version number'), ['tls', 'overlap-short']);
  });
  test('overlapping needles inside one another are all found (failure links)', () => {
    const r = match(m, 'xaaaa b');
    assert.deepEqual(
      r.map((x) => [x.entry.id, x.score]),
      [['nested', 3]],
    );
    assert.deepEqual(r[0]!.found, ['aaaa b', 'aaa']);
  });
  test('text without any needle, empty text and non-strings give nothing', () => {
    assert.deepEqual(ids(''), []);
    assert.deepEqual(ids('hello world'), []);
    assert.deepEqual(match(m, undefined as unknown as string), []);
  });
  test('HTML in the text is only text: it matches like any other characters', () => {
    assert.deepEqual(ids('<b>wrong version number</b><script>alert(1)</script>'), ['tls', 'overlap-short']);
  });
});

describe('signature schema', () => {
  test('refuses a short needle alone, control characters and double spaces', () => {
    assert.equal(errorSignatureSchema.safeParse({ all: ['535'], weight: 2 }).success, false);
    assert.equal(errorSignatureSchema.safeParse({ all: ['535', 'auth'], weight: 2 }).success, true);
    assert.equal(errorSignatureSchema.safeParse({ all: ['bad\u0000needle'], weight: 2 }).success, false);
    assert.equal(errorSignatureSchema.safeParse({ all: ['two  spaces'], weight: 2 }).success, false);
  });
});

describe('hostile input', () => {
  // CPU time of this process (not wall time): the shared test machine may be busy with other work.
  const cpuMs = (f: () => void): number => {
    const t0 = process.cpuUsage();
    f();
    const d = process.cpuUsage(t0);
    return (d.user + d.system) / 1000;
  };
  const worst = (text: string, runs = 5) => {
    let max = 0;
    for (let i = 0; i < runs; i++)
      max = Math.max(
        max,
        cpuMs(() => match(m, text)),
      );
    return max;
  };
  const MB = 1024 * 1024;
  const inputs: Record<string, string> = {
    '1 MB of one letter': 'a'.repeat(MB),
    '1 MB of almost-needles': 'wrong version numbe'.repeat(MB / 19),
    '1 MB of control characters': '\u0000\u0001\u001f\r\n\t\u007f'.repeat(MB / 7),
    '1 MB of HTML': '<div onclick="x">&amp;<script>alert(1)</script></div>'.repeat(MB / 52),
    '1 MB of random code points': Array.from({ length: MB }, (_, i) => String.fromCharCode((i * 7919) % 0xd7ff)).join(
      '',
    ),
  };
  test('1 MB inputs: no hang (worst CPU time of 5 runs printed)', () => {
    const times = Object.entries(inputs).map(([name, text]) => [name, worst(text)] as const);
    console.log(times.map(([n, t]) => `${n}: ${t.toFixed(1)} ms CPU`).join('\n'));
    for (const [name, t] of times) assert.ok(t < HANG_MS, `${name} took ${t.toFixed(1)} ms of CPU`);
  });
});

describe('properties', () => {
  test('random text never throws and returns matches with score >= MIN_SCORE, best first', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 2000 }), (text) => {
        const r = match(m, text);
        for (let i = 0; i < r.length; i++) {
          assert.ok(r[i]!.score >= MIN_SCORE);
          if (i > 0) assert.ok(r[i - 1]!.score >= r[i]!.score);
        }
      }),
      { numRuns: 1500 },
    );
  });
  test('a needle inserted anywhere in random text is found', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 300 }), fc.string({ maxLength: 300 }), (before, after) => {
        assert.ok(ids(`${before} wrong version number ${after}`).includes('tls'));
      }),
      { numRuns: 2000 },
    );
  });
  test('random text up to 200 KB is matched within a bounded time (generous bound: a busy machine)', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: 'grapheme', minLength: 1000, maxLength: 5000 }),
        fc.integer({ min: 1, max: 40 }),
        (s, k) => {
          const text = s.repeat(k);
          assert.ok(cpuMs(() => match(m, text)) < HANG_MS);
        },
      ),
      { numRuns: 50, endOnFailure: true },
    );
  });
});
