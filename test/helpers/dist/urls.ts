// URLs as a page in dist/ writes them: which ones make a request, which stay on the site, and the
// site path they name. No file access here.

/** The origin the tests pretend the site is served from when resolving relative URLs. */
export const LOCAL_ORIGIN = 'http://site.invalid';

/** `true` for a URL that makes no request: data:, blob:, about:, javascript: and fragment-only links. */
export function isNoRequest(url: string): boolean {
  return /^(data|blob|about|javascript):/i.test(url.trim()) || url.trim().startsWith('#');
}

/** Same-origin as written: relative, or rooted at `/` (but not protocol-relative `//host`). */
export function isSameOrigin(url: string): boolean {
  const u = url.trim();
  if (u.startsWith('//')) return false;
  if (u.startsWith('/')) return true;
  return !/^[a-z][a-z0-9+.-]*:/i.test(u);
}

/** The site path of a same-origin URL relative to `from` (a site path), without query or hash. */
export function sitePath(url: string, from: string): string {
  return new URL(url.trim(), new URL(from, LOCAL_ORIGIN)).pathname;
}

/** Candidate URLs of a `srcset` attribute. */
export function srcsetUrls(srcset: string): string[] {
  return srcset
    .split(/,\s+/)
    .map((c) => c.trim().split(/\s+/)[0] ?? '')
    .filter(Boolean);
}

