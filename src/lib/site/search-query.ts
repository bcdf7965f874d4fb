/**
 * The site search's query: where it lives in a URL and which queries are worth a search.
 *
 * The query never travels to a server. It lives in the fragment (`/search/#q=…`), which a browser
 * never sends, so it lands in no access log; a search submitted from the header goes there, and an
 * old shared link (`/search/?q=…`) is read once and rewritten to the fragment.
 */

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
