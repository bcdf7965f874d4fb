// Reading one HTML document: parsing, the URLs it names, the anchors a #fragment can land on, and
// where a redirect stub sends the reader. No file access here.
import { parse, type HTMLElement } from 'node-html-parser';
import { srcsetUrls } from './urls.ts';

/** Parse a page. `<noscript>` and `<pre>` are parsed as markup; `<script>`/`<style>` stay text. */
export function parseHtml(text: string): HTMLElement {
  return parse(text, {
    comment: false,
    lowerCaseTagName: true,
    blockTextElements: { script: true, style: true },
  });
}

/**
 * Where a redirect stub (`<meta http-equiv="refresh" content="0;url=...">`, as Astro writes for
 * `redirects`) sends the reader: the URL, `''` for a refresh with no URL, undefined for a real page.
 */
export function redirectTargetOf(root: HTMLElement): string | undefined {
  const meta = root
    .querySelectorAll('meta')
    .find((m) => (m.getAttribute('http-equiv') ?? '').toLowerCase() === 'refresh');
  if (!meta) return undefined;
  const m = /url\s*=\s*['"]?([^'"]+)/i.exec(meta.getAttribute('content') ?? '');
  return m?.[1]?.trim() ?? '';
}

/** Element ids and `<a name>` anchors of a page: what a `#fragment` can land on. */
export function anchorsOf(root: HTMLElement): Set<string> {
  const set = new Set<string>();
  for (const el of root.querySelectorAll('[id]')) set.add(el.getAttribute('id') ?? '');
  for (const el of root.querySelectorAll('a[name]')) set.add(el.getAttribute('name') ?? '');
  return set;
}

export interface Link {
  url: string;
  /** What on the page names it, such as `<a href>`. */
  via: string;
}

/** Every URL a page names: `href` on a/area/link, `src`/`srcset`/`poster`/`data`, and form `action`. */
export function linksOf(root: HTMLElement): Link[] {
  const out: Link[] = [];
  for (const el of root.querySelectorAll('*')) {
    const tag = el.tagName?.toLowerCase() ?? '';
    const get = (name: string): string | undefined => el.getAttribute(name) ?? undefined;
    const href = get('href');
    if (href !== undefined && ['a', 'area', 'link'].includes(tag)) {
      out.push({ url: href, via: tag === 'link' ? `<link rel=${get('rel') ?? ''} href>` : `<${tag} href>` });
    }
    const src = get('src');
    if (src !== undefined) out.push({ url: src, via: `<${tag} src>` });
    for (const attr of ['srcset', 'imagesrcset']) {
      const v = get(attr);
      if (v) for (const u of srcsetUrls(v)) out.push({ url: u, via: `<${tag} ${attr}>` });
    }
    const poster = get('poster');
    if (poster) out.push({ url: poster, via: `<${tag} poster>` });
    const data = get('data');
    if (tag === 'object' && data) out.push({ url: data, via: '<object data>' });
    const action = get('action');
    if (tag === 'form' && action) out.push({ url: action, via: '<form action>' });
  }
  return out;
}

/**
 * What a document has after its closing `</html>` (trimmed): '' for a well-formed page. Browsers
 * move such content into <body> silently, and html-validate's parser accepts it, so it is read here.
 */
export function afterHtmlEnd(text: string): string {
  const end = text.toLowerCase().lastIndexOf('</html>');
  return end < 0 ? text.trim() : text.slice(end + '</html>'.length).trim();
}
