/**
 * The /clients/ filter's rule: an entry matches when every typed word is in its name, other names,
 * kind or group. Words and text are compared without case and without the marks that join parts
 * of a name (spaces, hyphens, dots, slashes, apostrophes), so "k9" and "k-9" both find "K-9 Mail"
 * and "o365" finds "O365". Other characters stay, so "<b>.*" matches nothing.
 */
const compact = (s: string) => s.toLowerCase().replace(/[\s\-_./'’]+/gu, '');

/** The typed words, each compacted; words of joining marks alone are dropped. */
export function filterWords(query: string): string[] {
  return query.split(/\s+/).map(compact).filter(Boolean);
}

/** Whether `text` (an entry's filter text) holds every word. */
export function filterMatches(text: string, words: string[]): boolean {
  const hay = compact(text);
  return words.every((w) => hay.includes(w));
}
