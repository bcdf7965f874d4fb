// A crawl of the built site in dist/: every internal URL and #fragment resolves, every page has the
// head and heading a reader and a search engine need, and the HTML validates. Run after a build.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { HtmlValidate, type ConfigData } from 'html-validate';
import type { HTMLElement } from 'node-html-parser';
import { isSameOrigin, srcsetUrls } from './first-view.ts';
import {
  assertBuilt,
  distFiles,
  htmlFiles,
  parseHtml,
  readDist,
  redirectTarget,
  resolvePath,
  siteOrigin,
  table,
  urlPathOf,
} from './site.ts';

/**
 * html-validate: the recommended preset, plus the document preset (these are whole documents:
 * heading levels, labels, references), minus what conflicts with deliberate choices. Each change
 * says why; everything else in the presets is an error.
 */
export const htmlValidateConfig: ConfigData = {
  extends: ['html-validate:recommended', 'html-validate:document'],
  rules: {
    // Subresource integrity matters for files from another origin; the site loads none (the budget
    // test fails on any), and its own hashed files come from the same server as the page.
    'require-sri': ['error', { target: 'crossorigin' }],
    // Preact's server renderer writes void elements as `<input/>` and Astro writes `<input>`; both
    // are valid HTML and the mix is the frameworks' choice, not ours.
    'void-style': 'off',
    // Heading ids are slugs of the heading text, and an error code such as "550 5.7.0" starts with a
    // digit: valid in HTML (any non-empty id without spaces), only awkward in CSS selectors.
    'valid-id': ['error', { relaxed: true }],
    // A FAQ page's title is its whole question plus the site name; search results truncate long
    // titles rather than reject them. Kept as a warning so the list stays visible.
    'long-title': 'warn',
  },
};

let pages: string[] = [];
/** Every HTML file in dist/, redirect stubs included. */
const load = (): string[] => {
  if (pages.length === 0) {
    assertBuilt();
    pages = htmlFiles();
  }
  return pages;
};
/**
 * The real pages: Astro's redirect stubs (a meta refresh kept so an old id's link still works) are
 * crawled for their target but are not pages a reader sees, so the head, heading and validation
 * checks skip them.
 */
const contentPages = (): string[] => load().filter((p) => redirectTarget(p) === undefined);

function expectNone(problems: string[], what: string): void {
  assert.equal(problems.length, 0, `${problems.length} ${what}:\n  ${problems.join('\n  ')}`);
}

/** Element ids and `<a name>` anchors of a page: what a `#fragment` can land on. */
const anchorCache = new Map<string, Set<string>>();
function anchorsOf(file: string): Set<string> {
  let set = anchorCache.get(file);
  if (!set) {
    const root = parseHtml(file);
    set = new Set<string>();
    for (const el of root.querySelectorAll('[id]')) set.add(el.getAttribute('id') ?? '');
    for (const el of root.querySelectorAll('a[name]')) set.add(el.getAttribute('name') ?? '');
    anchorCache.set(file, set);
  }
  return set;
}

interface Link {
  url: string;
  via: string;
}

/** Every URL a page names: `href` on a/area/link, `src`/`srcset`/`poster`/`data`, and form `action`. */
function linksOf(root: HTMLElement): Link[] {
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
    if (tag === 'object' && get('data')) out.push({ url: get('data')!, via: '<object data>' });
    if (tag === 'form' && get('action')) out.push({ url: get('action')!, via: '<form action>' });
  }
  return out;
}

/** The problem with one link on a page, or undefined when it resolves. */
function checkLink(link: Link, page: string, origin: string | undefined): string | undefined {
  const raw = link.url.trim();
  const path = urlPathOf(page);
  if (raw === '') return `${link.via} is empty`;
  let sitePathname: string;
  let fragment: string;
  let targetFile: string;
  if (raw.startsWith('#')) {
    fragment = raw.slice(1);
    targetFile = page;
  } else {
    let url: URL;
    const internal = isSameOrigin(raw);
    if (internal) {
      url = new URL(raw, new URL(path, 'http://site.invalid'));
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
    sitePathname = url.pathname;
    fragment = url.hash.slice(1);
    const resolved = resolvePath(sitePathname);
    if (resolved.kind === 'directory') {
      return `${link.via} ${raw} has no trailing slash (trailingSlash 'always'): link to ${sitePathname}/`;
    }
    if (resolved.kind === 'missing') return `${link.via} ${raw} → dist/${resolved.file} does not exist`;
    if (!sitePathname.endsWith('/') && !/\.[a-z0-9]+$/i.test(sitePathname.split('/').pop() ?? '')) {
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
  if (!anchorsOf(targetFile).has(id)) {
    return `${link.via} ${raw}: no element with id="${id}" in dist/${targetFile}`;
  }
  return undefined;
}

test('every internal link, asset and #fragment resolves in dist/', () => {
  const origin = siteOrigin();
  const problems: string[] = [];
  let checked = 0;
  for (const page of load()) {
    const links = linksOf(parseHtml(page));
    const refresh = redirectTarget(page);
    if (refresh !== undefined) links.push({ url: refresh, via: '<meta http-equiv=refresh>' });
    for (const link of links) {
      checked++;
      const problem = checkLink(link, page, origin);
      if (problem) problems.push(`${urlPathOf(page)} (dist/${page}): ${problem}`);
    }
  }
  console.log(`crawl: ${checked} links and sources on ${load().length} pages (site origin ${origin ?? 'unknown'})`);
  expectNone(problems, 'broken internal links');
});

test('robots.txt names a sitemap that exists', (t) => {
  if (!distFiles().includes('robots.txt')) return t.skip('no robots.txt');
  const origin = siteOrigin();
  const problems: string[] = [];
  for (const m of readDist('robots.txt').toString('utf8').matchAll(/^\s*sitemap:\s*(\S+)/gim)) {
    const url = new URL(m[1]!);
    if (origin && url.origin !== origin) problems.push(`Sitemap ${url.href} is not on the site origin ${origin}`);
    else if (resolvePath(url.pathname).kind !== 'file') problems.push(`Sitemap ${url.href} → dist${url.pathname} does not exist`);
  }
  expectNone(problems, 'robots.txt problems');
});

test('every redirect stub points at a real page', () => {
  const problems: string[] = [];
  for (const page of load()) {
    const target = redirectTarget(page);
    if (target === undefined) continue;
    if (!target.startsWith('/')) problems.push(`dist/${page}: redirect target "${target}" is not a root-relative URL`);
    else {
      const r = resolvePath(new URL(target, 'http://site.invalid').pathname);
      if (r.kind !== 'file') problems.push(`dist/${page}: redirect target ${target} does not resolve`);
      else if (redirectTarget(r.file) !== undefined) problems.push(`dist/${page}: redirect target ${target} is itself a redirect`);
    }
  }
  expectNone(problems, 'broken redirects');
});

test('every page has <html lang>, a <title>, a meta description and exactly one <h1>', () => {
  const problems: string[] = [];
  for (const page of contentPages()) {
    const root = parseHtml(page);
    const where = `${urlPathOf(page)} (dist/${page})`;
    const lang = root.querySelector('html')?.getAttribute('lang')?.trim();
    if (!lang) problems.push(`${where}: <html> has no lang`);
    const titles = root.querySelectorAll('head title');
    if (titles.length !== 1) problems.push(`${where}: ${titles.length} <title> elements`);
    else if (!titles[0]!.text.trim()) problems.push(`${where}: empty <title>`);
    const descriptions = root.querySelectorAll('meta[name="description"]');
    if (descriptions.length !== 1) problems.push(`${where}: ${descriptions.length} meta descriptions`);
    else if (!descriptions[0]!.getAttribute('content')?.trim()) problems.push(`${where}: empty meta description`);
    const h1 = root.querySelectorAll('h1');
    if (h1.length !== 1) problems.push(`${where}: ${h1.length} <h1> elements${h1.length ? ` (${h1.map((h) => JSON.stringify(h.text.trim())).join(', ')})` : ''}`);
  }
  expectNone(problems, 'page structure problems');
});

test('every page passes html-validate (recommended preset, see htmlValidateConfig)', async () => {
  const htmlvalidate = new HtmlValidate(htmlValidateConfig);
  // Grouped by rule and message, so one mistake in a shared component reads as one line.
  const errors = new Map<string, string[]>();
  const warnings = new Map<string, number>();
  for (const page of contentPages()) {
    const report = await htmlvalidate.validateString(readDist(page).toString('utf8'), `dist/${page}`);
    for (const result of report.results) {
      for (const m of result.messages) {
        if (m.severity !== 2) {
          warnings.set(m.ruleId, (warnings.get(m.ruleId) ?? 0) + 1);
          continue;
        }
        const key = `${m.ruleId}: ${m.message}`;
        errors.set(key, [...(errors.get(key) ?? []), `dist/${page}:${m.line}:${m.column} ${m.selector ?? ''}`.trim()]);
      }
    }
  }
  if (warnings.size > 0) {
    console.log(`html-validate warnings (not failures):\n${table(['rule', 'count'], [...warnings].map(([r, n]) => [r, String(n)]))}`);
  }
  expectNone(
    [...errors].map(
      ([key, where]) => `${key}: ${where.length} time(s): ${where.slice(0, 4).join(', ')}${where.length > 4 ? ', …' : ''}`,
    ),
    'kinds of html-validate error (rule: message: where, with the element\'s selector)',
  );
});
