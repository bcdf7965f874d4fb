// A crawl of the built site in dist/: every internal URL and #fragment resolves, every page has the
// head and heading a reader and a search engine need, and the HTML validates. Run after a build.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { HtmlValidate, type ConfigData } from 'html-validate';
import { checkRedirect, crawl } from '../helpers/dist/links.ts';
import { table } from '../helpers/dist/report.ts';
import { afterHtmlEnd, redirectTargetOf } from '../helpers/dist/html.ts';
import { openSite } from '../helpers/dist/site.ts';

const site = openSite();

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
    site.assertBuilt();
    pages = site.htmlFiles();
  }
  return pages;
};
/**
 * The real pages: Astro's redirect stubs (a meta refresh kept so an old id's link still works) are
 * crawled for their target but are not pages a reader sees, so the head, heading and validation
 * checks skip them.
 */
const contentPages = (): string[] => load().filter((p) => site.redirectTarget(p) === undefined);

function expectNone(problems: string[], what: string): void {
  assert.equal(problems.length, 0, `${problems.length} ${what}:\n  ${problems.join('\n  ')}`);
}

test('every internal link, asset and #fragment resolves in dist/', () => {
  site.assertBuilt();
  const { pages: count, links, problems } = crawl(site);
  console.log(`crawl: ${links} links and sources on ${count} pages under ${site.base} (site origin ${site.origin() ?? 'unknown'})`);
  expectNone(problems, 'broken internal links');
});

test('robots.txt names a sitemap that exists', (t) => {
  if (!site.isFile('robots.txt')) return t.skip('no robots.txt');
  const origin = site.origin();
  const problems: string[] = [];
  for (const m of site.read('robots.txt').toString('utf8').matchAll(/^\s*sitemap:\s*(\S+)/gim)) {
    const url = new URL(m[1]!);
    if (origin && url.origin !== origin) problems.push(`Sitemap ${url.href} is not on the site origin ${origin}`);
    else if (site.resolvePath(url.pathname).kind !== 'file') problems.push(`Sitemap ${url.href} does not resolve in ${site.dir}`);
  }
  expectNone(problems, 'robots.txt problems');
});

test('every redirect stub points at a real page', () => {
  expectNone(
    load()
      .map((page) => checkRedirect(site, page))
      .filter((p) => p !== undefined),
    'broken redirects',
  );
});

test('every page has <html lang>, a <title>, a meta description and exactly one <h1>', () => {
  const problems: string[] = [];
  for (const page of contentPages()) {
    const root = site.parse(page);
    const where = `${site.urlPathOf(page)} (${page})`;
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

test('every page ends with </html>: nothing after it (html-validate does not see this)', () => {
  const trailing = load()
    // Astro's redirect stubs are a few tags without <html>; a browser follows them at once.
    .filter((page) => redirectTargetOf(site.parse(page)) === undefined)
    .map((page) => [page, afterHtmlEnd(site.read(page).toString('utf8'))] as const)
    .filter(([, rest]) => rest !== '')
    .map(([page, rest]) => `${page}: ${rest.slice(0, 80)}`);
  assert.deepEqual(trailing, []);
});

test('every page passes html-validate (recommended preset, see htmlValidateConfig)', async () => {
  const htmlvalidate = new HtmlValidate(htmlValidateConfig);
  // Grouped by rule and message, so one mistake in a shared component reads as one line.
  const errors = new Map<string, string[]>();
  const warnings = new Map<string, number>();
  for (const page of contentPages()) {
    const report = await htmlvalidate.validateString(site.read(page).toString('utf8'), `dist/${page}`);
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
