/**
 * What the decoder shows for a pasted text: where a session log stopped (masked), then the known
 * errors it matches, best first. Only masked text from a log is matched, and nothing from the
 * pasted text is returned except the session reading's masked fields.
 */
import { match, type ErrorMatch, type Matcher } from './error-match.ts';
import { readSessionLog, type SessionLogSettings, type SessionReading } from './session-log.ts';

/** Longer texts are matched but not read as a session log (real logs are a few kilobytes). */
export const LOG_LIMIT = 256 * 1024;
/** At most this many matches are shown. */
export const MAX_MATCHES = 5;

export interface Decoded {
  reading: SessionReading | null;
  matches: ErrorMatch[];
}

export function decode(m: Matcher, text: string, settings?: SessionLogSettings): Decoded {
  if (typeof text !== 'string' || !text.trim()) return { reading: null, matches: [] };
  const reading = text.length <= LOG_LIMIT ? readSessionLog(text, settings) : null;
  return { reading, matches: match(m, reading ? reading.masked : text).slice(0, MAX_MATCHES) };
}
