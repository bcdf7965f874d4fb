// The decoder scored on real texts, each with its source (test/fixtures/decoder/): public issue
// threads, bounces and logs. It prints the figures and fails below 90 % right on texts with a clear
// signature on the development set. On the held-out set the target is 90 % too (issue #17); it is
// not reached yet (52/71, 73.2 %, on 2026-12-08), so there the test guards the measured level
// against regressions: raise FLOOR as the reader improves, never tune on the held-out texts.
// Only counts and families are printed, so the texts do not leak into the code.
//
// held-out.json: 79 texts (71 scored) that neither the error entries nor the protocol reader were
// written or tuned from; no source of it appears in dev.json or in an entry's examples.
// dev.json: the texts the reader is developed on. It holds the first development set (35), the
// first held-out set (68; scored once, untuned, at 42/60 = 70.0 %, then moved here) and half of a
// second collection (66), split from the held-out half by source, alternating within each family.
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
const FLOOR = { 'held-out': 70, dev: 90 } as const;

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
