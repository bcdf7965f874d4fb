// Checking one link of a built page: does its target file exist under the site's base, with the
// trailing slash the site uses, and does its #fragment land on an element?
import type { Link } from './html.ts';
import type { Site } from './site.ts';
import { LOCAL_ORIGIN, isSameOrigin } from './urls.ts';

/**
 * The problem with one link on a page (a file of the site), or undefined when it resolves.
 * `origin` is the site's canonical origin: absolute links to it count as internal.
 */
export function checkLink(site: Site, link: Link, page: string, origin: string | undefined): string | undefined {
  const raw = link.url.trim();
  const path = site.urlPathOf(page);
  if (raw === '') return `${link.via} is empty`;
  let fragment: string;
  let targetFile: string;
  if (raw.startsWith('#')) {
    fragment = raw.slice(1);
    targetFile = page;
  } else {
    let url: URL;
    const internal = isSameOrigin(raw);
    if (internal) {
      url = new URL(raw, new URL(path, LOCAL_ORIGIN));
    } else {
      try {
        url = new URL(raw);
      } catch {
        return `${link.via} ${raw} is not a valid URL`;
      }
      // An absolute link to the site's own origin is internal too (canonical links, for example).
      if (!origin || url.origin !== origin) return undefined;
    }
    if (internal && page === '404.html' && !raw.startsWith('/')) {
      return `${link.via} ${raw} is relative, but 404.html is served at any path: use a root-relative URL`;
    }
    const pathname = url.pathname;
    fragment = url.hash.slice(1);
    const resolved = site.resolvePath(pathname);
    if (resolved.kind === 'outside-base') return `${link.via} ${raw} is outside the base path ${site.base}`;
    if (resolved.kind === 'directory') {
      return `${link.via} ${raw} has no trailing slash (trailingSlash 'always'): link to ${pathname}/`;
    }
    if (resolved.kind === 'missing') return `${link.via} ${raw} → ${resolved.file} does not exist`;
    if (!pathname.endsWith('/') && !/\.[a-z0-9]+$/i.test(pathname.split('/').pop() ?? '')) {
      return `${link.via} ${raw} has no trailing slash and no file extension`;
    }
    targetFile = resolved.file;
    if (!raw.includes('#')) return undefined;
  }
  if (!targetFile.endsWith('.html')) return undefined;
  let id: string;
  try {
    id = decodeURIComponent(fragment);
  } catch {
    return `${link.via} ${raw}: fragment is not valid percent-encoding`;
  }
  // `#` and `#top` scroll to the top of the page by definition (HTML spec, "indicated part").
  if (id === '' || id.toLowerCase() === 'top') return undefined;
  if (!site.anchors(targetFile).has(id)) return `${link.via} ${raw}: no element with id="${id}" in ${targetFile}`;
  return undefined;
}

/** The problem with a redirect stub's target, or undefined when it lands on a real page. */
export function checkRedirect(site: Site, page: string): string | undefined {
  const target = site.redirectTarget(page);
  if (target === undefined) return undefined;
  if (!target.startsWith('/')) return `${page}: redirect target "${target}" is not a root-relative URL`;
  const r = site.resolvePath(new URL(target, LOCAL_ORIGIN).pathname);
  if (r.kind !== 'file') return `${page}: redirect target ${target} does not resolve (${r.kind} ${r.file})`;
  if (site.redirectTarget(r.file) !== undefined) return `${page}: redirect target ${target} is itself a redirect`;
  return undefined;
}
