// The decoder on the development set (test/fixtures/decoder/dev.json: real texts with their
// sources) through the real matcher and settings: prints the score and guards against regressions.
// The held-out set is scored elsewhere and never tuned against.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { compile } from '../../src/lib/decoder/error-match.ts';
import { buildMatcherData, fillErrorEntry } from '../../src/lib/decoder/matcher-data.ts';
import { decode } from '../../src/lib/decoder/decode.ts';
import { loadErrors } from '../helpers/errors.ts';
import { loadSettings } from '../helpers/settings.ts';
import { score, type ScoredText } from '../helpers/decoder-score.ts';

const settings = loadSettings();
const m = compile(buildMatcherData(loadErrors().map((e) => fillErrorEntry(e, settings))).entries);
const texts = JSON.parse(
  readFileSync(new URL('../fixtures/decoder/dev.json', import.meta.url), 'utf8'),
) as ScoredText[];

test('the development set: most texts right, none about something else answered', () => {
  const s = score(texts, (t) => decode(m, t, settings));
  console.log(`dev set: ${s.right} right, ${s.wrong} wrong, ${s.notRecognised} not recognised of ${s.scored}`);
  assert.ok(s.right >= Math.ceil(s.scored * 0.8), `${s.right} of ${s.scored}`);
  assert.equal(s.byFamily.get('not-mail')?.[0], s.byFamily.get('not-mail')?.[1]);
});
