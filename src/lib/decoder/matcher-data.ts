// Turns validated error entries into the decoder's data: settings filled in, only what it uses.
// Shared by the build (src/data/errors.ts) and the tests, so both match with the same data.
import type { ErrorEntry } from '../../schemas/error.ts';
import type { MatcherData } from './error-match.ts';
import { fillTemplate } from '../settings/template.ts';

export function buildMatcherData(entries: ErrorEntry[], settings: object): MatcherData {
  const fill = (t: string) => fillTemplate(t, settings);
  return {
    version: 1,
    entries: entries.map((e) => ({
      id: e.id,
      title: fill(e.title),
      protocol: e.protocol,
      cause: fill(e.cause),
      fix: e.fix.map(fill),
      signatures: e.signatures.map(({ all, weight }) => ({ all: all.map(fill), weight })),
    })),
  };
}
