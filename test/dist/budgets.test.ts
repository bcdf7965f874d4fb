// Byte and request budgets for every page in dist/, from the HTML and the files it loads (no
// browser, so the figures are deterministic). Run after a build: `npm run build && npm run test:dist`.
//
// Method: for each page, the document plus every distinct same-origin URL it loads on first view
// (stylesheets and their @import/url(), `<script src>` and every module those import statically,
// recursively, icons, images, preloads, frames) is one request each. Each file is gzipped on its own
// at level 9. JS = external scripts + executable inline scripts (each inline script gzipped on its
// own; JSON data blocks are data, counted in the HTML). Total = document + every first-view asset.
// Modules reached only through dynamic `import()` load on demand and are reported apart.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { hasFontFace } from '../helpers/dist/css.ts';
import { firstView, type FirstView } from '../helpers/dist/first-view.ts';
import { kib, table } from '../helpers/dist/report.ts';
import { openSite } from '../helpers/dist/site.ts';
import { isSameOrigin } from '../helpers/dist/urls.ts';

const site = openSite();

const KiB = 1024;
const BUDGET = {
  /** HTML + CSS + JS + other first-view assets, gzipped, per page. */
  total: 20 * KiB,
  /** The home page and /errors/: the first view fits in the first round trips of a slow connection. */
  home: 14 * KiB,
  /**
   * JavaScript on a page with a tool: the checker (`#checker`), the error decoder (`#decoder`), the
   * connection test (`#connection-test`) or search (`#search-results`).
   */
  jsChecker: 10 * KiB,
  /** JavaScript on every other page. */
  jsOther: 2 * KiB,
  /** Document + distinct asset URLs. */
  requests: 8,
};

interface PageFigures {
  view: FirstView;
  type: string;
  checker: boolean;
  jsBudget: number;
}

let pages: PageFigures[] = [];
const load = (): PageFigures[] => {
  if (pages.length === 0) {
    site.assertBuilt();
    pages = site.htmlFiles().map((file) => {
      const view = firstView(site, file);
      // Pages with an interactive tool (the checker, the error decoder, the connection test, site search)
      // get the larger JavaScript budget. The connection test is an island like the decoder: it loads
      // its code when idle, and its page needs Vite's preload helper (0.9 KiB) for that.
      const checker = site.parse(file).querySelector('#checker, #decoder, #connection-test, #search-results') !== null;
      return { view, type: site.pageType(file), checker, jsBudget: checker ? BUDGET.jsChecker : BUDGET.jsOther };
    });
  }
  return pages;
};

/** Fails once with every offending page listed, so one run shows the whole picture. */
function expectNone(problems: string[], what: string): void {
  assert.equal(problems.length, 0, `${what}:\n  ${problems.join('\n  ')}`);
}

test('figures per page type (gzip level 9; max over the pages of each type)', () => {
  const byType = new Map<string, PageFigures[]>();
  for (const p of load()) byType.set(p.type, [...(byType.get(p.type) ?? []), p]);
  const max = (list: PageFigures[], f: (p: PageFigures) => number): PageFigures =>
    list.reduce((a, b) => (f(b) > f(a) ? b : a));
  const order = ['/', '/<page>/', '/faq/', '/faq/<id>/', '/clients/', '/clients/<id>/', '/errors/', '/errors/<id>/', '404', 'redirect'];
  const rank = (t: string): number => (order.includes(t) ? order.indexOf(t) : order.length);
  const rows = [...byType].sort(([a], [b]) => rank(a) - rank(b) || a.localeCompare(b)).map(([type, list]) => {
    const worst = max(list, (p) => p.view.totals.total);
    const m = (f: (p: PageFigures) => number): string => kib(f(max(list, f)));
    const onDemand = (p: PageFigures): number => p.view.dynamic.reduce((n, a) => n + a.gzip, 0);
    return [
      type,
      String(list.length),
      String(Math.max(...list.map((p) => p.view.totals.requests))),
      m((p) => p.view.totals.html),
      m((p) => p.view.totals.css),
      `${m((p) => p.view.totals.js)} / ${kib(Math.max(...list.map((p) => p.jsBudget)))}`,
      m((p) => p.view.totals.other),
      m((p) => p.view.totals.total),
      m(onDemand),
      list.length > 1 ? worst.view.path : '',
    ];
  });
  console.log(
    `\nFirst-view budgets: total ≤ ${kib(BUDGET.total)}, JS ≤ ${kib(BUDGET.jsChecker)} with the checker / ` +
      `${kib(BUDGET.jsOther)} without, ≤ ${BUDGET.requests} requests\n` +
      table(
        ['page type', 'pages', 'requests', 'HTML gz', 'CSS gz', 'JS gz / budget', 'other gz', 'total gz', 'on demand JS gz', 'largest page'],
        rows,
      ) +
      '\n',
  );
  assert.ok(rows.length > 0, 'dist/ has no HTML pages');
});

test(`every page loads at most ${kib(BUDGET.total)} gzip on first view`, () => {
  expectNone(
    load()
      .filter((p) => p.view.totals.total > BUDGET.total)
      .map(
        (p) =>
          `${p.view.path}: ${kib(p.view.totals.total)} gzip = ${p.view.totals.total} B, ${p.view.totals.total - BUDGET.total} B over (HTML ${kib(p.view.totals.html)}, CSS ${kib(p.view.totals.css)}, ` +
          `JS ${kib(p.view.totals.js)}, other ${kib(p.view.totals.other)}) > ${kib(BUDGET.total)}`,
      ),
    'pages over the total byte budget',
  );
});

// The pages people land on first with a problem: the settings with the checker, and the error
// decoder. Each first view fits in the first round trips of a slow connection.
for (const path of ['/', '/errors/']) {
  test(`${path} loads at most ${kib(BUDGET.home)} gzip on first view`, () => {
    const page = load().find((p) => p.view.path === path);
    assert.ok(page, `${path} is missing from dist/`);
    const t = page.view.totals;
    assert.ok(
      t.total <= BUDGET.home,
      `${path}: ${kib(t.total)} gzip = ${t.total} B > ${kib(BUDGET.home)} (HTML ${kib(t.html)}, CSS ${kib(t.css)}, JS ${kib(t.js)}, ` +
        `other ${kib(t.other)}; ${t.requests} requests: ${page.view.assets.map((a) => a.url).join(', ')})`,
    );
  });
}

test(`JavaScript: at most ${kib(BUDGET.jsChecker)} gzip with the checker, ${kib(BUDGET.jsOther)} without`, () => {
  expectNone(
    load()
      .filter((p) => p.view.totals.js > p.jsBudget)
      .map((p) => {
        const files = p.view.assets.filter((a) => a.kind === 'js').map((a) => `${a.url} ${kib(a.gzip)}`);
        const inline = p.view.inlineScripts.map((s) => `inline ${kib(s.gzip)}`);
        return (
          `${p.view.path}: JS ${kib(p.view.totals.js)} gzip = ${p.view.totals.js} B > ${kib(p.jsBudget)} ` +
          `(${p.checker ? 'checker page' : 'no checker'}; ${[...files, ...inline].join(', ')})`
        );
      }),
    'pages over the JavaScript budget',
  );
});

test(`every page makes at most ${BUDGET.requests} requests on first view`, () => {
  expectNone(
    load()
      .filter((p) => p.view.totals.requests > BUDGET.requests)
      .map((p) => `${p.view.path}: ${p.view.totals.requests} requests > ${BUDGET.requests} (document, ${p.view.assets.map((a) => a.url).join(', ')})`),
    'pages over the request budget',
  );
});

test('everything a page loads (first view or on demand) exists in dist/', () => {
  expectNone(
    load().flatMap((p) => p.view.unresolved.map((r) => `${p.view.path}: ${r.url} (${r.via}) is not in dist/`)),
    'pages that load something missing',
  );
});

test('no web fonts: no @font-face, no font files, no font preloads', () => {
  const problems: string[] = [];
  for (const f of site.files()) {
    if (/\.(woff2?|ttf|otf|eot)$/i.test(f)) problems.push(`dist/${f}: font file`);
    if (f.endsWith('.css') && hasFontFace(site.read(f).toString('utf8'))) problems.push(`dist/${f}: @font-face`);
  }
  for (const p of load()) for (const r of p.view.fonts) problems.push(`${p.view.path}: ${r.via} (${r.url})`);
  expectNone(problems, 'web fonts found');
});

test('no third-party request: everything a page loads or submits to is same-origin', () => {
  expectNone(
    load().flatMap((p) =>
      p.view.loaded.filter((r) => !isSameOrigin(r.url)).map((r) => `${p.view.path}: ${r.via} → ${r.url}`),
    ),
    'third-party URLs (use a relative or root-relative URL, or host the file in public/)',
  );
});

test('dynamic-import chunks exist (loaded on demand, outside the first-view budget)', () => {
  const chunks = new Map<string, { gzip: number; raw: number; file: string | undefined; pages: string[] }>();
  for (const p of load()) {
    for (const a of p.view.dynamic) {
      const c = chunks.get(a.url) ?? { gzip: a.gzip, raw: a.raw, file: a.file, pages: [] };
      c.pages.push(p.view.path);
      chunks.set(a.url, c);
    }
  }
  if (chunks.size > 0) {
    console.log(
      '\nOn-demand chunks (dynamic import() and their static imports not already on the page)\n' +
        table(
          ['chunk', 'raw', 'gzip', 'pages'],
          [...chunks].map(([url, c]) => [url, kib(c.raw), kib(c.gzip), String(c.pages.length)]),
        ) +
        '\n',
    );
  }
  expectNone(
    [...chunks].filter(([, c]) => !c.file).map(([url, c]) => `${url} (imported on ${c.pages[0]}) is not in dist/`),
    'dynamic-import chunks missing',
  );
});
