// The decoder scored on real texts, each with its source (test/fixtures/decoder/): public issue
// threads, bounces and logs. It prints the figures and fails below FLOOR % right on texts with a
// clear signature. The target is 90 % on the held-out set (issue #17); it is not reached yet, so
// there the test guards the measured level against regressions: raise FLOOR as the reader
// improves, and never tune on the held-out texts. Only counts and families are printed, so the
// texts do not leak into the code.
//
// Each held-out set was scored once by a reader that had never seen it, then joined dev.json:
//   first held-out set (68 texts)            42/60 right, 70.0 %
//   half of a second collection (79 texts)   52/71 right, 73.2 %
//   held-out.json now: a third collection    80/101 right, 79.2 % (2026-12-08)
// held-out.json: 107 texts from 103 sources that appear nowhere else in the project.
// dev.json: the texts the reader is developed on: the first development set (35), the two earlier
// held-out sets and the other half of the second collection (66), 248 in all.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { compile } from '../../src/lib/decoder/error-match.ts';
import { decode } from '../../src/lib/decoder/decode.ts';
import { buildMatcherData, fillErrorEntry } from '../../src/lib/decoder/matcher-data.ts';
import { loadErrors } from '../helpers/errors.ts';
import { loadSettings } from '../helpers/settings.ts';
import { repoRoot } from '../helpers/root.ts';
import { score, type ScoredText } from '../helpers/decoder-score.ts';

const settings = loadSettings();
const matcher = compile(buildMatcherData(loadErrors().map((e) => fillErrorEntry(e, settings))).entries);
const read = (name: string) =>
  JSON.parse(readFileSync(new URL(`test/fixtures/decoder/${name}.json`, repoRoot), 'utf8')) as ScoredText[];

/** Per set, the share of clear texts that must be right. */
const FLOOR = { 'held-out': 75, dev: 95 } as const;

for (const set of ['held-out', 'dev'] as const) {
  test(`${set}: at least ${FLOOR[set]} % of clear texts are recognised right`, () => {
    const texts = read(set);
    const s = score(texts, (t) => decode(matcher, t, settings));
    const pct = (100 * s.right) / s.scored;
    console.log(
      `decoder, ${set} set: ${s.right}/${s.scored} right (${pct.toFixed(1)} %), ${s.wrong} wrong, ${s.notRecognised} not recognised` +
        ` (of ${texts.length} texts; unclear and app-specific ones are not scored)`,
    );
    const missed = [...s.byFamily].filter(([, [r, n]]) => r < n).map(([f, [r, n]]) => `${f} ${r}/${n}`);
    console.log(`  families with misses: ${missed.join(', ') || 'none'}`);
    assert.ok(s.scored >= (set === 'held-out' ? 60 : 25), `only ${s.scored} scored texts`);
    assert.ok(pct >= FLOOR[set], `${pct.toFixed(1)} % right, below ${FLOOR[set]} %`);
    if (set === 'dev') {
      // Tuned texts: none about something other than mail may get an answer.
      const [notMailRight, notMail] = s.byFamily.get('not-mail') ?? [0, 0];
      assert.equal(notMailRight, notMail, 'a text about something other than mail got an answer');
    }
  });
}
