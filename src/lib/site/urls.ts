/**
 * Every internal URL is built here, so the site works when it is hosted under a sub-path (Astro's
 * `base`, set from BASE_PATH in astro.config.mjs). Pages, components, generated files and the islands
 * all call `url()`; nothing else writes a leading '/'.
 */

/** Normalises a base path to start and end with '/' ('' and '/' both mean the root). */
export function normaliseBase(base: string): string {
  const trimmed = base.trim().replace(/^\/+|\/+$/g, '');
  return trimmed ? `/${trimmed}/` : '/';
}

/** Joins a base ('/', '/icloud-mail/') and a site path ('/faq/', 'faq/#port-465') without doubling slashes. */
export function joinBase(base: string, path: string): string {
  return normaliseBase(base) + path.replace(/^\/+/, '');
}

// Vite replaces import.meta.env.BASE_URL at build time, in the server and the browser bundles alike;
// under Node's test runner there is no import.meta.env, and the root is the base.
const BASE = normaliseBase((import.meta.env as { BASE_URL?: string } | undefined)?.BASE_URL ?? '/');

/** Whether a URL is a path on this site written from its root ('/faq/'), not '//other.host/' nor relative. */
export function isSitePath(href: string): boolean {
  return href.startsWith('/') && !href.startsWith('//');
}

/** The URL of a page or file of this site, under the configured base: url('/faq/') → '/icloud-mail/faq/'. */
export function url(path: string): string {
  return joinBase(BASE, path);
}

/** The site path of a URL path that carries the base: '/icloud-mail/faq/' → '/faq/' (Astro.url.pathname). */
export function sitePath(pathname: string): string {
  return pathname.startsWith(BASE) ? `/${pathname.slice(BASE.length)}` : pathname;
}

/**
 * The absolute URL of a page or file of this site: the origin of `site` (Astro's `site`), then the
 * base, then the path. For canonical links, og:url, JSON-LD, the sitemap and robots.txt.
 */
export function absoluteUrl(path: string, site: URL | string | undefined): string {
  if (site === undefined) throw new Error(`No \`site\` in astro.config.mjs: cannot make ${path} absolute.`);
  return new URL(url(path), site).href;
}
