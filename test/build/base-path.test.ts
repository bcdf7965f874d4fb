// The site hosted under a sub-path: one real `astro build` with BASE_PATH=/icloud-mail/ in a copy of
// the project, then a crawl of its output. Every internal link, asset, canonical URL, og:url, JSON-LD
// URL, sitemap entry, the robots.txt Sitemap line, the autoconfig documentation link, every module a
// script imports and every URL of this site inside a generated file must be under the base and
// resolve to a file of the build. Then Chromium loads the pages from a server that answers only
// under the base and uses the checker: every request it makes (the client data it fetches, the
// rules chunk) must stay under the base and succeed.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, posix } from 'node:path';
import { chromium } from '@playwright/test';
import { cssUrls } from '../helpers/dist/css.ts';
import { linksOf, type Link } from '../helpers/dist/html.ts';
import { checkLink, checkRedirect } from '../helpers/dist/links.ts';
import { moduleRefs } from '../helpers/dist/modules.ts';
import { openSite, type Site } from '../helpers/dist/site.ts';
import { copyProject, type ProjectCopy } from '../helpers/project-copy.ts';

const BASE = '/icloud-mail/';
const ORIGIN = 'https://base-path.example';

let project: ProjectCopy;
let build: { status: number | null; output: string };
let site: Site;
/** What each check looked at, printed at the end (the report asks what the crawl checked). */
const counts = new Map<string, number>();
const count = (what: string, n = 1): void => void counts.set(what, (counts.get(what) ?? 0) + n);

before(() => {
  project = copyProject('base-path');
  build = project.astro(['build'], { BASE_PATH: BASE, SITE_URL: ORIGIN });
  site = openSite(join(project.dir, 'dist'), { base: BASE });
});
after(() => {
  project?.remove();
  if (counts.size > 0) {
    console.log(`base-path crawl under ${BASE}:\n${[...counts].map(([k, n]) => `  ${k}: ${n}`).join('\n')}`);
  }
});

function built(): void {
  // With SITE_URL set there is no placeholder warning.
  assert.doesNotMatch(build.output, /SITE_URL is not set/);
  assert.equal(build.status, 0, `the build with BASE_PATH=${BASE} failed:\n${build.output}`);
}

function expectNone(problems: string[], what: string): void {
  assert.equal(problems.length, 0, `${problems.length} ${what}:\n  ${problems.join('\n  ')}`);
}

/** An absolute URL of this site: it must be under ORIGIN + BASE and name a file of the build. */
function checkAbsolute(raw: string, where: string): string | undefined {
  let u: URL;
  try {
    u = new URL(raw);
  } catch {
    return `${where}: ${raw} is not an absolute URL`;
  }
  if (u.origin !== ORIGIN) return `${where}: ${raw} is not on the site's origin ${ORIGIN}`;
  if (!u.pathname.startsWith(BASE)) return `${where}: ${raw} is outside the base ${BASE}`;
  const r = site.resolvePath(u.pathname);
  if (r.kind !== 'file') return `${where}: ${raw} does not resolve (${r.kind} ${r.file})`;
  if (u.hash.length > 1 && r.file.endsWith('.html') && !site.anchors(r.file).has(decodeURIComponent(u.hash.slice(1))))
    return `${where}: ${raw}: no element with that id in ${r.file}`;
  return undefined;
}

/** Every string under a `url` key of a JSON value, at any depth. */
function urlValues(value: unknown, out: string[] = []): string[] {
  if (Array.isArray(value)) for (const v of value) urlValues(v, out);
  else if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      if (k === 'url' && typeof v === 'string') out.push(v);
      else urlValues(v, out);
    }
  }
  return out;
}

test(`the site builds with BASE_PATH=${BASE}`, () => {
  built();
  assert.ok(site.isFile('index.html'), 'dist/index.html is missing');
});

test('every link, asset and #fragment of every page is under the base and resolves', () => {
  built();
  const problems: string[] = [];
  for (const page of site.htmlFiles()) {
    count('pages crawled');
    const root = site.parse(page);
    const links: Link[] = linksOf(root);
    // Copy-link and share buttons carry a site path that the script turns into an absolute URL.
    for (const el of root.querySelectorAll('[data-copy-href],[data-share-href]')) {
      for (const attr of ['data-copy-href', 'data-share-href']) {
        const v = el.getAttribute(attr);
        if (v !== undefined) links.push({ url: v, via: `[${attr}]` });
      }
    }
    const target = site.redirectTarget(page);
    if (target !== undefined) {
      links.push({ url: target, via: '<meta refresh>' });
      const problem = checkRedirect(site, page);
      if (problem) problems.push(problem);
      count('redirect stubs');
    }
    for (const link of links) {
      const raw = link.url.trim();
      const absolute = /^[a-z][a-z0-9+.-]*:/i.test(raw) || raw.startsWith('//');
      if (absolute && !raw.startsWith(`${ORIGIN}/`)) {
        count('external links (not checked)');
        continue;
      }
      // A site path written from the root must carry the base; relative links resolve against the
      // page's own URL, which already does.
      if (raw.startsWith('/') && !raw.startsWith(BASE)) {
        problems.push(`${page}: ${link.via} ${raw} is not under ${BASE}`);
        continue;
      }
      const problem = checkLink(site, link, page, ORIGIN);
      if (problem) problems.push(`${page}: ${problem}`);
      count(raw.startsWith('#') ? 'same-page #fragments' : `internal URLs (${link.via.replace(/ rel=\S*/, '')})`);
    }
  }
  expectNone(problems, `URLs outside ${BASE} or not resolving`);
});

test('canonical links and og:url are the page’s own absolute URL under the base', () => {
  built();
  const problems: string[] = [];
  for (const page of site.htmlFiles()) {
    if (site.redirectTarget(page) !== undefined || page === '404.html') continue;
    const root = site.parse(page);
    const own = `${ORIGIN}${site.urlPathOf(page)}`;
    const canonical = root.querySelector('link[rel="canonical"]')?.getAttribute('href');
    const og = root.querySelector('meta[property="og:url"]')?.getAttribute('content');
    if (canonical !== own) problems.push(`${page}: canonical ${String(canonical)}, expected ${own}`);
    if (og !== own) problems.push(`${page}: og:url ${String(og)}, expected ${own}`);
    count('canonical + og:url pairs');
  }
  expectNone(problems, 'wrong canonical or og:url');
});

test('every URL in JSON-LD is an absolute URL under the base that resolves', () => {
  built();
  const problems: string[] = [];
  for (const page of site.htmlFiles()) {
    for (const script of site.parse(page).querySelectorAll('script[type="application/ld+json"]')) {
      for (const u of urlValues(JSON.parse(script.text))) {
        const problem = checkAbsolute(u, `${page} JSON-LD`);
        if (problem) problems.push(problem);
        count('JSON-LD URLs');
      }
    }
  }
  assert.ok((counts.get('JSON-LD URLs') ?? 0) > 0, 'no JSON-LD URL found: is the FAQ structured data gone?');
  expectNone(problems, 'bad JSON-LD URLs');
});

test('the sitemap lists every page under the base, and robots.txt names it', () => {
  built();
  const problems: string[] = [];
  const locs = (file: string): string[] =>
    [
      ...site
        .read(file)
        .toString('utf8')
        .matchAll(/<loc>([^<]*)<\/loc>/g),
    ].map((m) => m[1]!);
  const robots = site.read('robots.txt').toString('utf8');
  const sitemapLine = /^Sitemap:\s*(\S+)\s*$/m.exec(robots)?.[1];
  assert.ok(sitemapLine, `robots.txt has no Sitemap line:\n${robots}`);
  assert.equal(sitemapLine, `${ORIGIN}${BASE}sitemap-index.xml`);
  assert.match(robots, new RegExp(`^Allow: ${BASE}$`, 'm'));
  count('robots.txt Sitemap line');
  const listed = new Set<string>();
  for (const sitemap of locs('sitemap-index.xml')) {
    const problem = checkAbsolute(sitemap, 'sitemap-index.xml');
    if (problem) {
      problems.push(problem);
      continue;
    }
    count('sitemaps in the index');
    const file = new URL(sitemap).pathname.slice(BASE.length);
    for (const loc of locs(file)) {
      const p = checkAbsolute(loc, file);
      if (p) problems.push(p);
      listed.add(new URL(loc).pathname);
      count('sitemap entries');
    }
  }
  // Every real page is listed (redirect stubs and the 404 page are not pages to index).
  for (const page of site.htmlFiles()) {
    if (site.redirectTarget(page) !== undefined || page === '404.html') continue;
    if (!listed.has(site.urlPathOf(page))) problems.push(`sitemap: ${site.urlPathOf(page)} is missing`);
  }
  expectNone(problems, 'sitemap problems');
});

test('the autoconfig file links to the SMTP page under the base', () => {
  built();
  const xml = site.read('mail/config-v1.1.xml').toString('utf8');
  const docs = [...xml.matchAll(/<documentation url="([^"]*)"/g)].map((m) => m[1]!);
  const own = docs.filter((u) => u.startsWith(`${ORIGIN}/`));
  assert.deepEqual(own, [`${ORIGIN}${BASE}smtp/`], `documentation links: ${docs.join(', ')}`);
  assert.equal(checkAbsolute(own[0]!, 'autoconfig'), undefined);
  count('autoconfig documentation links', own.length);
});

test('every URL of this site inside a generated text file is under the base and resolves', () => {
  built();
  const problems: string[] = [];
  const pattern = new RegExp(`${ORIGIN.replace(/[.]/g, '\\.')}[^"'<>\\s)]*`, 'g');
  for (const file of site.files()) {
    if (!['.xml', '.txt', '.json', '.mobileconfig', '.webmanifest'].includes(extname(file))) continue;
    count('generated files scanned');
    for (const m of site.read(file).toString('utf8').matchAll(pattern)) {
      const problem = checkAbsolute(m[0], file);
      if (problem) problems.push(problem);
      count('site URLs in generated files');
    }
  }
  expectNone(problems, 'site URLs outside the base in generated files');
});

test('stylesheets and scripts reference only files under the base', () => {
  built();
  const problems: string[] = [];
  const resolveFrom = (file: string, spec: string): string | undefined => {
    if (/^(data|blob):/i.test(spec) || /^[a-z][a-z0-9+.-]*:/i.test(spec) || spec.startsWith('//')) return undefined;
    const path = spec.startsWith('/') ? spec : posix.join(posix.dirname(`${BASE}${file}`), spec);
    if (!path.startsWith(BASE)) return `${file}: ${spec} is outside ${BASE}`;
    const r = site.resolvePath(path.split(/[?#]/)[0]!);
    return r.kind === 'file' ? undefined : `${file}: ${spec} does not resolve (${r.kind} ${r.file})`;
  };
  for (const file of site.files()) {
    const ext = extname(file);
    if (ext === '.css') {
      const { imports, urls } = cssUrls(site.read(file).toString('utf8'));
      for (const spec of [...imports, ...urls]) {
        const p = resolveFrom(file, spec);
        if (p) problems.push(p);
        count('stylesheet URLs');
      }
    } else if (ext === '.js' || ext === '.mjs') {
      count('scripts parsed');
      const refs = moduleRefs(site.read(file).toString('utf8'));
      for (const spec of [...refs.static, ...refs.dynamic]) {
        const p = resolveFrom(file, spec);
        if (p) problems.push(p);
        count('module imports');
      }
    }
  }
  // Inline styles of the pages (Astro may inline small stylesheets) can name files too.
  for (const page of site.htmlFiles()) {
    for (const style of site.parse(page).querySelectorAll('style')) {
      const { imports, urls } = cssUrls(style.text);
      for (const spec of [...imports, ...urls]) {
        const p = resolveFrom(page, spec);
        if (p) problems.push(p);
        count('stylesheet URLs');
      }
    }
  }
  expectNone(problems, 'stylesheet or module references outside the base');
});

/** A static host that serves the build only under BASE, and 404 everywhere else. */
function serveUnderBase(dir: string): Promise<Server> {
  const types: Record<string, string> = {
    '.html': 'text/html; charset=utf-8',
    '.js': 'text/javascript',
    '.css': 'text/css',
    '.json': 'application/json',
    '.svg': 'image/svg+xml',
    '.xml': 'application/xml',
  };
  const server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    let file: string | undefined;
    if (path.startsWith(BASE) && !path.split('/').includes('..')) {
      const rel = path.slice(BASE.length);
      const candidate = join(dir, rel.endsWith('/') || rel === '' ? `${rel}index.html` : rel);
      if (existsSync(candidate) && statSync(candidate).isFile()) file = candidate;
    }
    if (!file) {
      res.writeHead(404, { 'Content-Type': 'text/plain' }).end('not under the base, or missing');
      return;
    }
    res.writeHead(200, { 'Content-Type': types[extname(file)] ?? 'application/octet-stream' });
    res.end(readFileSync(file));
  });
  return new Promise((done) => server.listen(0, '127.0.0.1', () => done(server)));
}

const chromiumPath = [process.env['CHROMIUM_PATH'], '/usr/bin/chromium', '/usr/bin/chromium-browser'].find(
  (p): p is string => typeof p === 'string' && p !== '' && existsSync(p),
);

test('in Chromium, the pages and the checker request only files under the base, and all succeed', async (t) => {
  built();
  if (!chromiumPath) {
    assert.ok(!process.env['CI'], 'CI=true but no Chromium: install it (apt-get install -y chromium)');
    t.skip('no Chromium (apt-get install -y chromium, or set CHROMIUM_PATH)');
    return;
  }
  const server = await serveUnderBase(join(project.dir, 'dist'));
  const root = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const browser = await chromium.launch({ executablePath: chromiumPath, args: ['--no-sandbox', '--disable-gpu'] });
  const problems: string[] = [];
  const requested: string[] = [];
  try {
    const page = await browser.newPage();
    page.on('console', (m) => {
      if (m.type() === 'error') problems.push(`console error on ${page.url()}: ${m.text()}`);
    });
    page.on('pageerror', (e) => problems.push(`page error on ${page.url()}: ${e.message}`));
    page.on('requestfinished', (req) => {
      void req.response().then((res) => {
        const u = new URL(req.url());
        if (u.origin !== root) return;
        requested.push(u.pathname);
        if (!u.pathname.startsWith(BASE)) problems.push(`${req.method()} ${u.pathname}: outside ${BASE}`);
        else if (!res || res.status() !== 200) problems.push(`${req.method()} ${u.pathname}: ${res?.status()}`);
      });
    });
    page.on('requestfailed', (req) => problems.push(`${req.url()}: ${req.failure()?.errorText ?? 'failed'}`));

    for (const path of ['', 'faq/', 'smtp/']) {
      // networkidle: the checker loads after the load event, and leaving earlier would abort it.
      await page.goto(`${root}${BASE}${path}`, { waitUntil: 'networkidle' });
      count('pages loaded in Chromium');
    }
    // The checker: typing loads its rules; choosing another program fetches that program's data.
    await page.goto(`${root}${BASE}`, { waitUntil: 'networkidle' });
    await page
      .getByLabel(/email address|username/i)
      .first()
      .fill('someone@icloud.com');
    const chooser = page.getByRole('combobox', { name: /app|client/i });
    const options = await chooser
      .locator('option')
      .evaluateAll((els) =>
        els.map((el) => ({ value: (el as HTMLOptionElement).value, selected: (el as HTMLOptionElement).selected })),
      );
    const other = options.find((o) => !o.selected && o.value !== '');
    assert.ok(other, 'the client chooser offers no other program');
    const before = page.url();
    // The chosen program's data: wait for its response (the page is already network-idle).
    const fetched = page.waitForResponse((r) => r.url().includes(`/clients/${other.value}.json`), { timeout: 15_000 });
    await chooser.selectOption(other.value);
    await fetched;
    await page.waitForTimeout(200);
    assert.equal(page.url(), before, 'choosing a program left the page (its data could not be fetched)');
    assert.ok(
      requested.some((p) => p.startsWith(`${BASE}clients/${other.value}`)),
      `no request for ${other.value}'s data under ${BASE}clients/: ${requested.join(', ')}`,
    );
    await page.waitForTimeout(200);
  } finally {
    await browser.close();
    await new Promise((done) => server.close(done));
  }
  count('requests made in Chromium', requested.length);
  expectNone(problems, 'requests outside the base, failed requests or errors in Chromium');
});
