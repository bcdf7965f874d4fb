/**
 * What the decoder shows for a pasted text: where a session log stopped (masked), then the known
 * errors it matches, best first, then what the protocols in it say (protocol/). Only masked text
 * from a log is read, and nothing from the pasted text is returned except the session reading's
 * masked fields (the diagnosis holds codes and our own words).
 */
import { match, type ErrorMatch, type Matcher } from './error-match.ts';
import { readSessionLog, type SessionReading } from './session-log.ts';
import { bound } from './protocol/bounded.ts';
import { agreeing } from './protocol/agree.ts';
import { aboutOtherService } from './protocol/read.ts';
import { diagnose } from './protocol/diagnose.ts';
import type { Diagnosis, ProtocolSettings } from './protocol/types.ts';

/** Longer texts are matched but not read as a session log (real logs are a few kilobytes). */
export const LOG_LIMIT = 256 * 1024;
/** At most this many matches are shown. */
export const MAX_MATCHES = 5;

export interface Decoded {
  reading: SessionReading | null;
  matches: ErrorMatch[];
  /** What the protocol facts say (cause and fix from the codes), or null: not about mail, or nothing decides. */
  diagnosis: Diagnosis | null;
  /** KiB read from each end of a long paste (the middle was not read), or null when all of it was read. */
  cutKiB: number | null;
}

export function decode(m: Matcher, text: string, settings?: ProtocolSettings): Decoded {
  if (typeof text !== 'string' || !text.trim()) return { reading: null, matches: [], diagnosis: null, cutKiB: null };
  const reading = text.length <= LOG_LIMIT ? readSessionLog(text, settings) : null;
  const seen = reading ? { text: reading.masked, cutKiB: null } : bound(text);
  // A database's or a web server's error is not for this decoder, whatever words it shares with mail.
  if (aboutOtherService(seen.text, settings)) return { reading, matches: [], diagnosis: null, cutKiB: seen.cutKiB };
  const diagnosis = diagnose(reading ? bound(reading.masked).text : seen.text, settings);
  const matches = agreeing(match(m, seen.text), diagnosis).slice(0, MAX_MATCHES);
  return { reading, matches, diagnosis, cutKiB: seen.cutKiB };
}
