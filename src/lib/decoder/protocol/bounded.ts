/**
 * The part of a paste the readers look at: all of it up to twice READ_KIB, else the first and the
 * last READ_KIB KiB (errors sit at the start of a message or at the end of a log), with zero-width
 * and bidirectional control characters removed so they cannot split a code or a word. Lines are cut
 * into windows of bounded length, so every per-line pattern runs on a short string.
 */
import { stripInvisible } from '../../text/invisible.ts';

/** How much of each end of a long paste is read, in KiB. */
export const READ_KIB = 64;
const READ = READ_KIB * 1024;

/** Longest piece of a line a pattern runs on; a longer line is read in overlapping windows. */
export const WINDOW = 2048;
const OVERLAP = 256;

export interface Bounded {
  text: string;
  /** KiB read from each end when the text was cut, else null. */
  cutKiB: number | null;
}

/** The text the readers see: whole when short, else head and tail; invisible characters stripped. */
export function bound(text: string): Bounded {
  if (text.length <= 2 * READ) return { text: stripInvisible(text), cutKiB: null };
  return { text: stripInvisible(`${text.slice(0, READ)}\n${text.slice(-READ)}`), cutKiB: READ_KIB };
}

/** The lines of a text, each cut into windows of at most WINDOW characters (overlapping a little). */
export function windows(text: string): string[] {
  const out: string[] = [];
  for (const line of text.split(/\r?\n/)) {
    if (line.length <= WINDOW) {
      if (line.trim()) out.push(line);
      continue;
    }
    for (let i = 0; i < line.length; i += WINDOW - OVERLAP) out.push(line.slice(i, i + WINDOW));
  }
  return out;
}
