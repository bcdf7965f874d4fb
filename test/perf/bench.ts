// `npm run bench`: build the site, serve dist/ on 127.0.0.1, and measure one page of each type in
// Debian's Chromium: what the page transfers, how much of its JavaScript runs, and Lighthouse's
// mobile scores and metrics (median of several runs). Writes bench-results/bench.json and prints
// two tables.
//
// Options: --skip-build (measure dist/ as it is), --runs=N (Lighthouse runs per page, default 3).
// Environment: CHROMIUM_PATH to use another Chromium or Chrome binary.
//
// Method
// - Transfer: Playwright loads each page in a fresh context and waits for the load event and then
//   for the network to be idle (500 ms without requests), so anything the page fetches right after
//   load counts too. Every request is counted. "gz" is the encoded body size the browser received
//   (Request.sizes().responseBodySize) from test/perf/serve.ts, which gzips text at level 9, the
//   same level as the budget test; "raw" is the size of the file in dist/.
// - JS used: Chrome DevTools precise coverage (Playwright page.coverage, block level) over the same
//   load; used = bytes inside blocks that ran at least once, over the bytes of every script
//   (external and inline).
// - Lighthouse: the default config (mobile form factor and screen, simulated 4G throttling, so no
//   real network is needed), categories performance, accessibility, best-practices and SEO, in
//   one headless Chromium, pages in turn, N rounds; medians of scores and of FCP, LCP, TBT and CLS.
//   Chromium resolves no host name but 127.0.0.1 (--host-resolver-rules), so no audit can reach
//   the internet: a page that tried would show it as a failed request, and the bench lists it.
// - Plain page: test/perf/plain/index.html (one HTML file, inline CSS, no script), served by its own
//   server, runs in the same Lighthouse rounds as the site's pages; the last table divides each
//   page's median FCP and LCP by the plain page's, so 1.00 means "as fast as a page can be here".
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { serve, type StaticServer } from './serve.ts';
import { kib, table } from '../helpers/dist/report.ts';
import { openSite } from '../helpers/dist/site.ts';
import { repoDir } from '../helpers/root.ts';

const site = openSite();
const distDir = site.dir;
const resolvePath = (path: string) => site.resolvePath(path);

const args = new Set(process.argv.slice(2));
const runsArg = process.argv.slice(2).find((a) => a.startsWith('--runs='));
const RUNS = Math.max(1, Number(runsArg?.slice('--runs='.length) ?? 3) || 3);
const SKIP_BUILD = args.has('--skip-build');
const started = Date.now();
const elapsed = (): string => `${((Date.now() - started) / 1000).toFixed(1)} s`;

const CHROMIUM_FLAGS = [
  '--headless=new',
  '--no-sandbox',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-gpu',
  // Nothing but the local server resolves: no audit or browser service can reach the internet.
  '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1',
];

function fail(message: string): never {
  console.error(`\nbench: ${message}`);
  process.exit(2);
}

// ---------------------------------------------------------------------------------------------
// What the bench needs, with what to install when it is missing.

function findChromium(): string {
  const found = [process.env['CHROMIUM_PATH'], '/usr/bin/chromium', '/usr/bin/chromium-browser'].find(
    (p): p is string => typeof p === 'string' && p.length > 0 && existsSync(p),
  );
  return (
    found ??
    fail(
      'no Chromium found. Install it with `apt-get update && apt-get install -y chromium` (it lands at ' +
        '/usr/bin/chromium), or set CHROMIUM_PATH to a Chromium or Chrome binary.',
    )
  );
}
const chromiumPath = findChromium();

async function need<T>(name: string, load: () => Promise<T>): Promise<T> {
  try {
    return await load();
  } catch (e) {
    fail(
      `the npm package "${name}" is missing (${(e as Error).message.split('\n')[0]}). Install it with \`npm i -D ${name}\` (or run \`npm install\`).`,
    );
  }
}
const { chromium } = await need('@playwright/test', () => import('@playwright/test'));
const lighthouse = (await need('lighthouse', () => import('lighthouse'))).default;
const chromeLauncher = await need('chrome-launcher', () => import('chrome-launcher'));

// ---------------------------------------------------------------------------------------------
// The pages: one of each type. FAQ and client pages: the first file of each content folder.

function firstId(folder: string, ext: string): string {
  const dir = join(repoDir, 'content', folder);
  const file = readdirSync(dir)
    .filter((f) => f.endsWith(ext))
    .sort()[0];
  if (!file) fail(`content/${folder}/ has no ${ext} file`);
  const text = readFileSync(join(dir, file), 'utf8');
  const yaml = ext === '.mdx' ? (/^---\n([\s\S]*?)\n---/.exec(text)?.[1] ?? '') : text;
  const id = (parseYaml(yaml) as { id?: unknown }).id;
  if (typeof id !== 'string') fail(`content/${folder}/${file} has no id`);
  return id;
}
const PAGES = [
  '/',
  '/smtp/',
  '/faq/',
  `/faq/${firstId('faq', '.mdx')}/`,
  '/clients/',
  `/clients/${firstId('clients', '.yaml')}/`,
];

// ---------------------------------------------------------------------------------------------
// Build.

if (!SKIP_BUILD) {
  process.stdout.write('bench: building the site (astro build)… ');
  const astro = join(repoDir, 'node_modules', '.bin', 'astro');
  if (!existsSync(astro)) fail('node_modules/.bin/astro is missing: run `npm install`.');
  const build = spawnSync(process.execPath, [astro, 'build'], {
    cwd: repoDir,
    encoding: 'utf8',
    env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1' },
  });
  if (build.status !== 0) {
    console.error(`failed\n${build.stdout}\n${build.stderr}`);
    fail('astro build failed (output above).');
  }
  console.log(`done (${elapsed()})`);
}
if (!existsSync(join(distDir, 'index.html')))
  fail('dist/index.html is missing: build the site first (drop --skip-build).');
for (const p of PAGES) {
  if (resolvePath(p).kind !== 'file') fail(`${p} is not in dist/ (expected dist${p}index.html)`);
}

// ---------------------------------------------------------------------------------------------
// Transfer and coverage, in Playwright.

interface RequestFigure {
  url: string;
  type: string;
  status: number;
  raw: number;
  /** Encoded body bytes the browser received. */
  transferred: number;
  encoding: string;
}
interface PageTransfer {
  requests: RequestFigure[];
  count: number;
  html: { raw: number; gzip: number };
  css: { raw: number; gzip: number };
  js: { raw: number; gzip: number };
  other: { raw: number; gzip: number };
  jsCoverage: { used: number; total: number; ratio: number; scripts: { url: string; used: number; total: number }[] };
  offsite: string[];
}

interface V8Range {
  startOffset: number;
  endOffset: number;
  count: number;
}
/** Bytes of a script inside blocks that ran, from V8 block coverage (nested ranges override outer). */
function usedBytes(source: string, functions: { ranges: V8Range[] }[]): number {
  const ran = new Uint8Array(source.length);
  const ranges = functions
    .flatMap((f) => f.ranges)
    .sort((a, b) => a.startOffset - b.startOffset || b.endOffset - a.endOffset);
  for (const r of ranges) ran.fill(r.count > 0 ? 1 : 0, r.startOffset, Math.min(r.endOffset, source.length));
  return ran.reduce((n, b) => n + b, 0);
}

async function measureTransfers(server: StaticServer): Promise<Record<string, PageTransfer>> {
  const browser = await chromium.launch({
    executablePath: chromiumPath,
    args: CHROMIUM_FLAGS.filter((f) => f !== '--headless=new'),
  });
  const out: Record<string, PageTransfer> = {};
  try {
    for (const path of PAGES) {
      const context = await browser.newContext();
      const page = await context.newPage();
      const requests: import('@playwright/test').Request[] = [];
      const offsite: string[] = [];
      page.on('request', (r) => {
        requests.push(r);
        if (!r.url().startsWith(server.url) && !r.url().startsWith('data:')) offsite.push(r.url());
      });
      await page.coverage.startJSCoverage({ resetOnNavigation: false });
      await page.goto(server.url + path, { waitUntil: 'load' });
      await page.waitForLoadState('networkidle');
      const coverage = await page.coverage.stopJSCoverage();
      const figures: RequestFigure[] = [];
      for (const r of requests) {
        if (r.url().startsWith('data:')) continue;
        const response = await r.response();
        const sizes = await r.sizes().catch(() => ({ responseBodySize: 0 }));
        const pathname = new URL(r.url()).pathname;
        const resolved = r.url().startsWith(server.url) ? resolvePath(pathname) : undefined;
        const raw = resolved?.kind === 'file' ? readFileSync(join(distDir, resolved.file)).length : 0;
        figures.push({
          url: r.url().startsWith(server.url) ? pathname : r.url(),
          type: r.resourceType(),
          status: response?.status() ?? 0,
          raw,
          transferred: sizes.responseBodySize,
          encoding: (await response?.headerValue('content-encoding')) ?? 'identity',
        });
      }
      const sum = (types: string[] | null): { raw: number; gzip: number } => {
        const list = figures.filter((f) =>
          types === null ? !['document', 'stylesheet', 'script'].includes(f.type) : types.includes(f.type),
        );
        return { raw: list.reduce((n, f) => n + f.raw, 0), gzip: list.reduce((n, f) => n + f.transferred, 0) };
      };
      const scripts = coverage
        .filter((c) => c.source !== undefined)
        .map((c) => ({
          url: c.url.startsWith(server.url)
            ? new URL(c.url).pathname + (c.url === server.url + path ? ' (inline)' : '')
            : c.url,
          used: usedBytes(c.source ?? '', c.functions),
          total: (c.source ?? '').length,
        }));
      const used = scripts.reduce((n, s) => n + s.used, 0);
      const total = scripts.reduce((n, s) => n + s.total, 0);
      out[path] = {
        requests: figures,
        count: figures.length,
        html: sum(['document']),
        css: sum(['stylesheet']),
        js: sum(['script']),
        other: sum(null),
        jsCoverage: { used, total, ratio: total ? used / total : 0, scripts },
        offsite,
      };
      await context.close();
    }
  } finally {
    await browser.close();
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Lighthouse.

const CATEGORIES = ['performance', 'accessibility', 'best-practices', 'seo'] as const;
const METRICS = {
  fcp: 'first-contentful-paint',
  lcp: 'largest-contentful-paint',
  tbt: 'total-blocking-time',
  cls: 'cumulative-layout-shift',
} as const;
interface LighthouseRun {
  scores: Record<(typeof CATEGORIES)[number], number | null>;
  metrics: Record<keyof typeof METRICS, number | null>;
  /** Requests that failed (a blocked off-site host would show here). */
  failedRequests: string[];
  /** Scored audits below 100 in accessibility, best practices and SEO: `category: audit-id (title)`. */
  failedAudits: string[];
  warnings: string[];
}

/** A page to audit: its label in the tables, and the server it comes from. */
interface Target {
  label: string;
  origin: string;
  path: string;
}
const PLAIN = 'plain page';

async function runLighthouse(targets: Target[]): Promise<Record<string, LighthouseRun[]>> {
  const chrome = await chromeLauncher.launch({
    chromePath: chromiumPath,
    chromeFlags: CHROMIUM_FLAGS,
    logLevel: 'silent',
  });
  const out: Record<string, LighthouseRun[]> = Object.fromEntries(targets.map((t) => [t.label, []]));
  try {
    for (let run = 1; run <= RUNS; run++) {
      for (const { label: path, origin, path: target } of targets) {
        if (process.stdout.isTTY) process.stdout.write(`\rbench: Lighthouse round ${run}/${RUNS}, ${path}`.padEnd(70));
        const result = await lighthouse(origin + target, {
          port: chrome.port,
          output: 'json',
          logLevel: 'error',
          onlyCategories: [...CATEGORIES],
          disableFullPageScreenshot: true,
        });
        if (!result) throw new Error(`Lighthouse returned nothing for ${path}`);
        const { lhr } = result;
        if (lhr.runtimeError)
          throw new Error(`Lighthouse on ${path}: ${lhr.runtimeError.code} ${lhr.runtimeError.message}`);
        const items =
          (lhr.audits['network-requests']?.details as { items?: { url: string; statusCode: number }[] } | undefined)
            ?.items ?? [];
        out[path]!.push({
          scores: Object.fromEntries(
            CATEGORIES.map((c) => [c, lhr.categories[c]?.score ?? null]),
          ) as LighthouseRun['scores'],
          metrics: Object.fromEntries(
            Object.entries(METRICS).map(([k, id]) => [k, lhr.audits[id]?.numericValue ?? null]),
          ) as LighthouseRun['metrics'],
          failedRequests: items.filter((i) => i.statusCode < 0 || !i.url.startsWith(origin)).map((i) => i.url),
          failedAudits: CATEGORIES.filter((c) => c !== 'performance').flatMap((c) =>
            (lhr.categories[c]?.auditRefs ?? [])
              .filter(
                (ref) =>
                  ref.weight > 0 && typeof lhr.audits[ref.id]?.score === 'number' && lhr.audits[ref.id]!.score! < 1,
              )
              .map((ref) => `${c}: ${ref.id} (${lhr.audits[ref.id]!.title})`),
          ),
          warnings: lhr.runWarnings,
        });
      }
      if (!process.stdout.isTTY) console.log(`bench: Lighthouse round ${run}/${RUNS} done (${elapsed()})`);
    }
    if (process.stdout.isTTY)
      process.stdout.write(
        `\rbench: Lighthouse ${RUNS} round(s) × ${targets.length} pages done (${elapsed()})`.padEnd(70) + '\n',
      );
  } finally {
    chrome.kill();
  }
  return out;
}

function median(values: (number | null)[]): number | null {
  const v = values.filter((x): x is number => typeof x === 'number').sort((a, b) => a - b);
  if (v.length === 0) return null;
  const mid = Math.floor(v.length / 2);
  return v.length % 2 ? v[mid]! : (v[mid - 1]! + v[mid]!) / 2;
}

// ---------------------------------------------------------------------------------------------

const server = await serve({ root: distDir, port: 0 });
const plainServer = await serve({ root: join(repoDir, 'test', 'perf', 'plain'), port: 0 });
let transfers: Record<string, PageTransfer>;
let lighthouseRuns: Record<string, LighthouseRun[]>;
try {
  process.stdout.write(`bench: serving dist/ at ${server.url}; measuring transfers and JS coverage… `);
  transfers = await measureTransfers(server);
  console.log(`done (${elapsed()})`);
  lighthouseRuns = await runLighthouse([
    ...PAGES.map((path) => ({ label: path, origin: server.url, path })),
    { label: PLAIN, origin: plainServer.url, path: '/' },
  ]);
} finally {
  await server.close();
  await plainServer.close();
}

const summarise = (runs: LighthouseRun[]) => ({
  runs: runs.length,
  median: {
    scores: Object.fromEntries(CATEGORIES.map((c) => [c, median(runs.map((r) => r.scores[c]))])),
    metrics: Object.fromEntries(
      Object.keys(METRICS).map((k) => [k, median(runs.map((r) => r.metrics[k as keyof typeof METRICS]))]),
    ) as Record<keyof typeof METRICS, number | null>,
  },
  all: runs,
});
const results = PAGES.map((path) => ({
  path,
  transfer: transfers[path]!,
  lighthouse: summarise(lighthouseRuns[path]!),
}));
const plain = summarise(lighthouseRuns[PLAIN]!);
const ratio = (x: number | null, base: number | null): number | null =>
  typeof x === 'number' && typeof base === 'number' && base > 0 ? x / base : null;
const versusPlain = results.map(({ path, lighthouse: l }) => ({
  path,
  fcp: l.median.metrics.fcp,
  lcp: l.median.metrics.lcp,
  fcpRatio: ratio(l.median.metrics.fcp, plain.median.metrics.fcp),
  lcpRatio: ratio(l.median.metrics.lcp, plain.median.metrics.lcp),
  tbt: l.median.metrics.tbt,
  // Blocking time is often 0 on the plain page, so it is compared as a difference, not a ratio.
  tbtOverPlain:
    typeof l.median.metrics.tbt === 'number' && typeof plain.median.metrics.tbt === 'number'
      ? l.median.metrics.tbt - plain.median.metrics.tbt
      : null,
}));

const report = {
  date: new Date().toISOString(),
  node: process.version,
  chromium: chromiumPath,
  lighthouse: {
    version: (
      JSON.parse(readFileSync(join(repoDir, 'node_modules', 'lighthouse', 'package.json'), 'utf8')) as {
        version: string;
      }
    ).version,
    runsPerPage: RUNS,
    config: 'default (mobile, simulated throttling)',
  },
  method: {
    transfer:
      'Playwright + Chromium; requests until network idle after load; gzip = encoded body bytes received from test/perf/serve.ts (gzip level 9); raw = dist/ file size',
    jsCoverage: 'Chrome precise block coverage; used bytes / total bytes over all scripts on the page',
    lighthouse: `median of ${RUNS} runs`,
  },
  durationSeconds: (Date.now() - started) / 1000,
  pages: results,
  plainPage: { file: 'test/perf/plain/index.html', lighthouse: plain },
  versusPlain,
};
const outDir = join(repoDir, 'bench-results');
mkdirSync(outDir, { recursive: true });
writeFileSync(join(outDir, 'bench.json'), JSON.stringify(report, null, 2) + '\n');

const pair = (x: { raw: number; gzip: number }): string => `${kib(x.raw)} / ${kib(x.gzip)}`;
console.log(
  '\nTransfer on page load (Chromium; raw / gzip as received)\n' +
    table(
      ['page', 'requests', 'HTML', 'CSS', 'JS', 'other', 'JS used'],
      results.map(({ path, transfer: t }) => [
        path,
        String(t.count),
        pair(t.html),
        pair(t.css),
        pair(t.js),
        pair(t.other),
        t.jsCoverage.total
          ? `${kib(t.jsCoverage.used)} / ${kib(t.jsCoverage.total)} (${Math.round(t.jsCoverage.ratio * 100)}%)`
          : '-',
      ]),
    ),
);
const score = (x: number | null | undefined): string => (typeof x === 'number' ? String(Math.round(x * 100)) : '-');
const ms = (x: number | null | undefined): string => (typeof x === 'number' ? `${Math.round(x)} ms` : '-');
console.log(
  `\nLighthouse ${report.lighthouse.version}, mobile, simulated throttling: median of ${RUNS} run(s)\n` +
    table(
      ['page', 'perf', 'a11y', 'best pr.', 'SEO', 'FCP', 'LCP', 'TBT', 'CLS'],
      results.map(({ path, lighthouse: l }) => {
        const s = l.median.scores as Record<string, number | null>;
        const m = l.median.metrics as Record<string, number | null>;
        return [
          path,
          score(s['performance']),
          score(s['accessibility']),
          score(s['best-practices']),
          score(s['seo']),
          ms(m['fcp']),
          ms(m['lcp']),
          ms(m['tbt']),
          typeof m['cls'] === 'number' ? m['cls'].toFixed(3) : '-',
        ];
      }),
    ),
);

const times = (x: number | null): string => (typeof x === 'number' ? `${x.toFixed(2)}×` : '-');
console.log(
  `\nBeside a plain page (test/perf/plain/, inline CSS, no script) in the same run: ` +
    `FCP ${ms(plain.median.metrics.fcp)}, LCP ${ms(plain.median.metrics.lcp)}, TBT ${ms(plain.median.metrics.tbt)}\n` +
    table(
      ['page', 'FCP', 'FCP / plain', 'LCP', 'LCP / plain', 'TBT', 'TBT − plain'],
      versusPlain.map((v) => [
        v.path,
        ms(v.fcp),
        times(v.fcpRatio),
        ms(v.lcp),
        times(v.lcpRatio),
        ms(v.tbt),
        typeof v.tbtOverPlain === 'number' ? `${v.tbtOverPlain >= 0 ? '+' : ''}${Math.round(v.tbtOverPlain)} ms` : '-',
      ]),
    ),
);

const offsite = results.flatMap((r) => [
  ...r.transfer.offsite.map((u) => `${r.path}: ${u}`),
  ...r.lighthouse.all.flatMap((run) => run.failedRequests.map((u) => `${r.path} (Lighthouse): ${u}`)),
]);
if (offsite.length) console.log(`\nOff-site or failed requests:\n  ${[...new Set(offsite)].join('\n  ')}`);
const audits = results.flatMap((r) =>
  [...new Set(r.lighthouse.all.flatMap((run) => run.failedAudits))].map((a) => `${r.path}: ${a}`),
);
if (audits.length)
  console.log(
    `\nLighthouse audits below 100 (accessibility, best practices, SEO; in any run):\n  ${audits.join('\n  ')}`,
  );
const warnings = [...new Set(results.flatMap((r) => r.lighthouse.all.flatMap((run) => run.warnings)))];
if (warnings.length) console.log(`\nLighthouse warnings:\n  ${warnings.join('\n  ')}`);
console.log(`\nbench: wrote bench-results/bench.json in ${elapsed()}`);
