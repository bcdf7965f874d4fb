// Error entries with their settings filled in, and the decoder's data made from them (only what it
// uses). Shared by the build (src/data/errors.ts) and the tests, so both match with the same data.
import type { ErrorEntry } from '../../schemas/error.ts';
import type { MatcherData } from './error-match.ts';
import { fillTemplate } from '../settings/template.ts';

/**
 * The entry with every template filled in: title, summary, cause, fix and signatures. Examples are
 * quotations and stay exactly as their source printed them. An unknown settings path throws.
 */
export function fillErrorEntry(e: ErrorEntry, settings: object): ErrorEntry {
  const fill = (t: string) => fillTemplate(t, settings);
  return {
    ...e,
    title: fill(e.title),
    ...(e.plainTitle ? { plainTitle: fill(e.plainTitle) } : {}),
    summary: fill(e.summary),
    cause: fill(e.cause),
    fix: e.fix.map(fill),
    signatures: e.signatures.map((s) => ({ ...s, all: s.all.map(fill) })),
  };
}

/** The decoder's data, from filled entries. */
export function buildMatcherData(entries: ErrorEntry[]): MatcherData {
  return {
    version: 1,
    entries: entries.map((e) => ({
      id: e.id,
      title: e.title,
      protocol: e.protocol,
      cause: e.cause,
      fix: e.fix,
      signatures: e.signatures.map(({ all, weight }) => ({ all, weight })),
    })),
  };
}
