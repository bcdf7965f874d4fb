/**
 * The error matcher: recognises known errors in pasted text. Pure logic, shared by the decoder
 * island, the build (src/pages/errors/matcher.json.ts) and the tests.
 *
 * Safe on hostile input by construction: there are no regular expressions over the pasted text
 * except two single character-class replacements (linear), and the needles are found with one
 * Aho-Corasick pass, so the time grows with the length of the text and never with its shape.
 * A megabyte of text takes a few milliseconds (test/unit/error-match.test.ts measures it).
 */

/** Every needle of `all` must appear; `weight` is how strongly that points at the error. */
export interface MatcherSignature {
  all: string[];
  weight: number;
}

/** What the decoder needs to know about one error (built from content/errors/<id>.yaml). */
export interface MatcherEntry {
  id: string;
  title: string;
  protocol: 'smtp' | 'imap';
  /** The cause, settings filled in. */
  cause: string;
  /** The fix, step by step, settings filled in. */
  fix: string[];
  signatures: MatcherSignature[];
}

/** The data file the decoder loads after the page has loaded. */
export interface MatcherData {
  version: 1;
  entries: MatcherEntry[];
}

/** Whether fetched JSON is matcher data of this version: entries with an id, a title and signatures. */
export function isMatcherData(data: unknown): data is MatcherData {
  if (typeof data !== 'object' || data === null) return false;
  const d = data as { version?: unknown; entries?: unknown };
  return (
    d.version === 1 &&
    Array.isArray(d.entries) &&
    d.entries.every(
      (e: unknown) =>
        typeof e === 'object' &&
        e !== null &&
        typeof (e as MatcherEntry).id === 'string' &&
        typeof (e as MatcherEntry).title === 'string' &&
        Array.isArray((e as MatcherEntry).signatures),
    )
  );
}

/** One recognised error. */
export interface ErrorMatch {
  entry: MatcherEntry;
  /** Sum of the weights of the signatures found. */
  score: number;
  /** The needles found, longest first (what the decoder says it recognised). */
  found: string[];
}

/** A match needs at least this score: one strong signature, or two weak ones. */
export const MIN_SCORE = 2;

// Characters folded before matching: control characters, every kind of space and line break,
// zero-width characters and the byte-order mark become one space; typographic quotes become ASCII.

const SPACES = /[\s\u0000-\u001f\u007f-\u009f\u200b-\u200d\u2060\ufeff]+/g;
const QUOTES = /[\u2018\u2019\u201a\u201b\u2032\u201c\u201d\u201e\u201f\u2033]/g;
const QUOTE_MAP: Record<string, string> = {
  '\u2018': "'",
  '\u2019': "'",
  '\u201a': "'",
  '\u201b': "'",
  '\u2032': "'",
};

/** Lower-case, quotes made ASCII, every run of whitespace or control characters one space. */
export function normalise(text: string): string {
  return text
    .toLowerCase()
    .replace(QUOTES, (q) => QUOTE_MAP[q] ?? '"')
    .replace(SPACES, ' ');
}

/**
 * An Aho-Corasick automaton over the needles of every entry, compiled to a table: the text is read
 * one code unit at a time with one array lookup each, normalising as it goes (no copy of the text).
 */
export interface Matcher {
  entries: MatcherEntry[];
  /** Distinct normalised needles. */
  needles: string[];
  /** For each entry, for each signature, the needle indexes. */
  signatures: { weight: number; needles: number[] }[][];
  /** Character class of every UTF-16 code unit (0: a character no needle uses, 1: space). */
  classOf: Uint16Array;
  /** Number of classes. */
  classes: number;
  /** delta[node * classes + class] = next node. */
  delta: Int32Array;
  /** Needles that end at each node (through the failure links too). */
  out: number[][];
}

const SPACE_CLASS = 1;

/** Builds the automaton once; matching is then one pass over the text. */
export function compile(entries: MatcherEntry[]): Matcher {
  const needles: string[] = [];
  const index = new Map<string, number>();
  const signatures = entries.map((e) =>
    e.signatures.map((s) => ({
      weight: s.weight,
      needles: s.all.map((raw) => {
        const n = normalise(raw).trim();
        if (n.length === 0) throw new Error(`Error "${e.id}" has an empty signature needle.`);
        let i = index.get(n);
        if (i === undefined) {
          i = needles.length;
          needles.push(n);
          index.set(n, i);
        }
        return i;
      }),
    })),
  );
  // Classes: 0 for characters in no needle, 1 for space, then one per distinct needle character.
  const classOfChar = new Map<number, number>([[32, SPACE_CLASS]]);
  for (const n of needles)
    for (let i = 0; i < n.length; i++) {
      const c = n.charCodeAt(i);
      if (!classOfChar.has(c)) classOfChar.set(c, classOfChar.size + 1);
    }
  const classes = classOfChar.size + 1;
  const classOf = new Uint16Array(65536);
  for (let c = 0; c < 65536; c++) {
    const folded = normalise(String.fromCharCode(c));
    // Lower-casing can turn one code unit into two (İ); such a character matches no needle.
    classOf[c] = folded.length === 1 ? (classOfChar.get(folded.charCodeAt(0)) ?? 0) : 0;
  }
  // The trie, then the failure links breadth first, then the full transition table.
  const next: Map<number, number>[] = [new Map<number, number>()];
  const out: number[][] = [[]];
  needles.forEach((needle, n) => {
    let node = 0;
    for (let i = 0; i < needle.length; i++) {
      const k = classOfChar.get(needle.charCodeAt(i))!;
      let to = next[node]!.get(k);
      if (to === undefined) {
        to = next.length;
        next.push(new Map<number, number>());
        out.push([]);
        next[node]!.set(k, to);
      }
      node = to;
    }
    out[node]!.push(n);
  });
  const delta = new Int32Array(next.length * classes);
  const fail = new Int32Array(next.length);
  const queue: number[] = [];
  for (let k = 0; k < classes; k++) {
    const to = next[0]!.get(k) ?? 0;
    delta[k] = to;
    if (to !== 0) queue.push(to);
  }
  for (let q = 0; q < queue.length; q++) {
    const node = queue[q]!;
    out[node]!.push(...out[fail[node]!]!);
    for (let k = 0; k < classes; k++) {
      const to = next[node]!.get(k);
      if (to === undefined) delta[node * classes + k] = delta[fail[node]! * classes + k]!;
      else {
        fail[to] = delta[fail[node]! * classes + k]!;
        delta[node * classes + k] = to;
        queue.push(to);
      }
    }
  }
  return { entries, needles, signatures, classOf, classes, delta, out };
}

/** The indexes of the needles present in the text (normalised as it is read). */
export function findNeedles(m: Matcher, text: string): Set<number> {
  const found = new Set<number>();
  const { classOf, classes, delta, out } = m;
  let node = 0;
  let space = false;
  for (let i = 0; i < text.length; i++) {
    const k = classOf[text.charCodeAt(i)]!;
    if (k === SPACE_CLASS) {
      if (space) continue; // a run of spaces reads as one
      space = true;
    } else space = false;
    node = delta[node * classes + k]!;
    const hits = out[node]!;
    if (hits.length) {
      for (let h = 0; h < hits.length; h++) found.add(hits[h]!);
      // Every needle found already: nothing more to learn from the rest of the text.
      if (found.size === m.needles.length) break;
    }
  }
  return found;
}

/** Every error recognised in the text, best first. Never throws, whatever the text. */
export function match(m: Matcher, text: string): ErrorMatch[] {
  if (typeof text !== 'string' || text.length === 0) return [];
  const found = findNeedles(m, text);
  if (found.size === 0) return [];
  const results: (ErrorMatch & { order: number; length: number })[] = [];
  m.entries.forEach((entry, order) => {
    let score = 0;
    const hit = new Set<number>();
    for (const sig of m.signatures[order]!) {
      if (sig.needles.every((n) => found.has(n))) {
        score += sig.weight;
        for (const n of sig.needles) hit.add(n);
      }
    }
    if (score >= MIN_SCORE) {
      const texts = [...hit].map((n) => m.needles[n]!).sort((a, b) => b.length - a.length);
      const length = texts.reduce((sum, t) => sum + t.length, 0);
      results.push({ entry, score, found: texts, order, length });
    }
  });
  // Higher score first; on a tie, the entry whose matched text is longer (more specific).
  results.sort((a, b) => b.score - a.score || b.length - a.length || a.order - b.order);
  return results.map(({ entry, score, found: f }) => ({ entry, score, found: f }));
}
