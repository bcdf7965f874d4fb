/**
 * The site search's query: where it lives in a URL and which queries are worth a search.
 *
 * The query never travels to a server. It lives in the fragment (`/search/#q=…`), which a browser
 * never sends, so it lands in no access log; a search submitted from the header goes there, and an
 * old shared link (`/search/?q=…`) is read once and rewritten to the fragment.
 */

/** Longer queries are refused: no page's words need more, and a pasted log is better read by the decoder. */
export const MAX_QUERY_LENGTH = 200;
/** Longer words are refused: no word in the index is this long, but an index word can be its prefix. */
export const MAX_WORD_LENGTH = 60;

export type QueryCheck =
  | { kind: 'empty' }
  | { kind: 'too-long'; limit: number }
  | { kind: 'word-too-long'; limit: number }
  | { kind: 'ok'; query: string };

/** Trims, joins runs of whitespace, and says whether the query can be searched at all. */
export function checkQuery(raw: string): QueryCheck {
  const query = raw.replace(/\s+/g, ' ').trim();
  if (!query) return { kind: 'empty' };
  if (query.length > MAX_QUERY_LENGTH) return { kind: 'too-long', limit: MAX_QUERY_LENGTH };
  if (query.split(' ').some((w) => w.length > MAX_WORD_LENGTH))
    return { kind: 'word-too-long', limit: MAX_WORD_LENGTH };
  return { kind: 'ok', query };
}

/**
 * The fragment that carries a query: `#q=` and the query form-encoded (`''` for no query). URLSearchParams
 * never throws (a lone surrogate, half of a pasted emoji, becomes U+FFFD). The header's script
 * (src/scripts/site-search.ts) writes the same expression inline, to stay out of this module's chunk.
 */
export function queryFragment(query: string): string {
  const q = query.trim();
  return q ? `#${new URLSearchParams({ q }).toString()}` : '';
}

/**
 * The query a search URL carries: from the fragment (`#q=`), else from an old `?q=` link. `fromSearch`
 * says it came from the query string, which the page then rewrites to the fragment.
 */
export function queryFromUrl(url: { hash: string; search: string }): { query: string; fromSearch: boolean } | null {
  const hash = url.hash.startsWith('#') ? url.hash.slice(1) : url.hash;
  const fromHash = param(hash);
  if (fromHash !== null) return { query: fromHash, fromSearch: false };
  const fromSearch = param(url.search.startsWith('?') ? url.search.slice(1) : url.search);
  return fromSearch !== null ? { query: fromSearch, fromSearch: true } : null;
}

function param(s: string): string | null {
  return s ? new URLSearchParams(s).get('q') : null;
}

/** What the search page says instead of results when a query cannot be searched ('' when it can, or is empty). */
export function refusal(check: QueryCheck): string {
  switch (check.kind) {
    case 'ok':
    case 'empty':
      return '';
    case 'too-long':
      return `No pages match: the query is too long (more than ${check.limit} characters). Search for a few words, or paste a whole error or log into the error decoder.`;
    case 'word-too-long':
      return `No pages match: one word is longer than ${check.limit} characters, and no page has a word that long.`;
  }
}

/** A word as Pagefind compares it: lower case, letters and digits only (k-9 is k9). */
export function normalizeWord(word: string): string {
  return word.toLowerCase().replace(/[^\p{L}\p{N}]/gu, '');
}

/** The query's words, normalized; words with no letter or digit drop out. */
export function queryWords(query: string): string[] {
  return query
    .split(/\s+/)
    .map(normalizeWord)
    .filter((w) => w.length > 0);
}

/**
 * The words of a result's content at the positions Pagefind says matched (it splits the content on
 * whitespace, or on zero-width spaces where the language needs segmenting).
 */
export function wordsAt(content: string, locations: readonly number[]): string[] {
  const words = content.includes('\u200b') ? content.split('\u200b') : content.split(/[^\S\uFEFF]+/);
  return locations.flatMap((i) => (words[i] === undefined ? [] : [normalizeWord(words[i])]));
}

/**
 * Whether a matched word really answers a query word. Pagefind also returns near misses: when a word
 * is in no page it tries shorter prefixes, so 5,000 letters a "match" AAAA and qwxzvbnk matches -q.
 * A real match holds the query word (a prefix, or a part of a dotted or hyphenated name), or shares
 * all but its last three letters and at least four (what stemming drops: operations, operation).
 */
export function answers(queryWord: string, matched: string): boolean {
  if (matched.includes(queryWord)) return true;
  let common = 0;
  while (common < queryWord.length && queryWord[common] === matched[common]) common++;
  return common >= 4 && common >= queryWord.length - 3;
}

/** True when at least one matched word of a result really answers one of the query's words. */
export function isRealMatch(query: readonly string[], matched: readonly string[]): boolean {
  return matched.some((m) => query.some((q) => answers(q, m)));
}
