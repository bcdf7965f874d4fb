// What one HTML element makes the browser load, read from its tag and attributes alone (no file
// access): URLs fetched on first view or only later, stylesheets and modules to follow, inline
// scripts and styles. first-view.ts follows these and counts the bytes.
import type { HTMLElement } from 'node-html-parser';
import { srcsetUrls } from './urls.ts';

export type Load =
  /** A URL the element fetches; `follow` says what to read inside it; `font` marks a font preload. */
  | { kind: 'request'; url: string; via: string; firstView: boolean; follow?: 'css' | 'module'; font?: boolean }
  /** A connection with no bytes (preconnect, dns-prefetch): its origin still counts. */
  | { kind: 'connect'; url: string; via: string }
  | { kind: 'inline-script'; text: string; module: boolean }
  /** A non-executable `<script>` such as `type="application/json"`: data, counted in the HTML. */
  | { kind: 'data-script'; id: string; text: string }
  | { kind: 'inline-style'; text: string; via: string };

/** Non-executable script types: data blocks and import maps do not count as JavaScript. */
export function isExecutableScript(type: string | undefined): boolean {
  const t = (type ?? '').trim().toLowerCase();
  return t === '' || t === 'module' || t === 'text/javascript' || t === 'application/javascript';
}

const ICON_RELS = ['icon', 'apple-touch-icon', 'mask-icon', 'manifest'];

/** Everything one element loads, in document order. */
export function elementLoads(el: HTMLElement): Load[] {
  const tag = el.tagName?.toLowerCase() ?? '';
  const attr = (name: string): string | undefined => el.getAttribute(name) ?? undefined;
  const out: Load[] = [];
  const request = (url: string | undefined, via: string, firstView: boolean, extra: Partial<Load> = {}): void => {
    if (url) out.push({ kind: 'request', url, via, firstView, ...extra } as Load);
  };
  switch (tag) {
    case 'link': {
      const href = attr('href');
      const rels = (attr('rel') ?? '').toLowerCase().split(/\s+/).filter(Boolean);
      if (!href) break;
      const via = `<link rel=${rels.join(' ')}>`;
      if (rels.includes('stylesheet')) request(href, '<link rel=stylesheet>', true, { follow: 'css' });
      else if (rels.some((r) => ICON_RELS.includes(r))) request(href, via, true);
      else if (rels.includes('preload') || rels.includes('modulepreload') || rels.includes('prefetch'))
        request(href, via, true, { font: (attr('as') ?? '').toLowerCase() === 'font' });
      else if (rels.includes('preconnect') || rels.includes('dns-prefetch')) out.push({ kind: 'connect', url: href, via });
      break;
    }
    case 'script': {
      const src = attr('src');
      const type = attr('type');
      const module = (type ?? '').toLowerCase() === 'module';
      if (src) {
        if (isExecutableScript(type)) request(src, '<script src>', true, module ? { follow: 'module' } : {});
      } else if (isExecutableScript(type)) out.push({ kind: 'inline-script', text: el.rawText, module });
      else out.push({ kind: 'data-script', id: attr('id') ?? `(${type})`, text: el.rawText });
      break;
    }
    case 'style':
      out.push({ kind: 'inline-style', text: el.rawText, via: '<style>' });
      break;
    case 'img': {
      const src = attr('src');
      request(src, '<img src>', true);
      // The browser picks one candidate; with no src, count the first; check every one's origin.
      const srcset = attr('srcset');
      if (srcset) srcsetUrls(srcset).forEach((u, i) => request(u, '<img srcset>', !src && i === 0));
      break;
    }
    case 'source': {
      request(attr('src'), '<source src>', false);
      const srcset = attr('srcset');
      if (srcset) srcsetUrls(srcset).forEach((u) => request(u, '<source srcset>', false));
      break;
    }
    case 'video':
    case 'audio':
    case 'track':
      request(attr('src'), `<${tag} src>`, false);
      request(attr('poster'), '<video poster>', true);
      break;
    case 'iframe':
    case 'embed':
    case 'frame':
      request(attr('src'), `<${tag} src>`, true);
      break;
    case 'object':
      request(attr('data'), '<object data>', true);
      break;
    case 'input':
      if ((attr('type') ?? '').toLowerCase() === 'image') request(attr('src'), '<input type=image src>', true);
      break;
    case 'form':
      // Submitting sends what the reader typed: it must stay on this site.
      request(attr('action'), '<form action>', false);
      break;
    case 'use':
    case 'image':
      // SVG references: an external file loads; a `#fragment` does not.
      request(attr('href') ?? attr('xlink:href'), `<${tag} href>`, true);
      break;
  }
  const style = attr('style');
  if (style) out.push({ kind: 'inline-style', text: style, via: `style attribute on <${tag}>` });
  return out;
}
