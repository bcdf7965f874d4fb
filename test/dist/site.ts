// Kept from before the dist tooling moved to test/helpers/dist/: checker-weight.test.ts and
// csp.test.ts (checker branch) still read the built site through these helpers. Port them to
// test/helpers/dist/site.ts (openSite) and delete this file.
// The built site in dist/, as files and as URLs: shared by the budget test, the crawl test and the
// bench. Everything here reads dist/ as it is; nothing builds.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { extname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync, constants } from 'node:zlib';
import { parse, type HTMLElement } from 'node-html-parser';

export const repoRoot = fileURLToPath(new URL('../../', import.meta.url));
/** The built site; DIST_DIR points the tests at another build (a copy to experiment on, say). */
export const distDir = process.env['DIST_DIR'] ? resolve(process.env['DIST_DIR']) : join(repoRoot, 'dist');

/** Fails with a message a person can act on when there is no build to look at. */
export function assertBuilt(): void {
  if (!existsSync(join(distDir, 'index.html'))) {
    throw new Error(`No built site: ${join(distDir, 'index.html')} is missing. Run \`npm run build\` first.`);
  }
}

/** Every file under dist/, as paths relative to dist/ with forward slashes, sorted. */
export function distFiles(): string[] {
  const out: string[] = [];
  const walk = (dir: string): void => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const full = join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.isFile()) out.push(relative(distDir, full).split(sep).join('/'));
    }
  };
  walk(distDir);
  return out.sort();
}

/** Every HTML page under dist/ (relative paths), sorted. */
export function htmlFiles(): string[] {
  return distFiles().filter((f) => f.endsWith('.html'));
}

/** The URL path a page is served at: `faq/x/index.html` → `/faq/x/`, `404.html` → `/404.html`. */
export function urlPathOf(file: string): string {
  if (file === 'index.html') return '/';
  if (file.endsWith('/index.html')) return `/${file.slice(0, -'index.html'.length)}`;
  return `/${file}`;
}

/**
 * Where a redirect stub (`<meta http-equiv="refresh" content="0;url=...">`, as Astro writes for
 * `redirects`) sends the reader, or undefined for a real page.
 */
export function redirectTarget(file: string): string | undefined {
  const meta = parseHtml(file)
    .querySelectorAll('meta')
    .find((m) => (m.getAttribute('http-equiv') ?? '').toLowerCase() === 'refresh');
  if (!meta) return undefined;
  const m = /url\s*=\s*['"]?([^'"]+)/i.exec(meta.getAttribute('content') ?? '');
  return m?.[1]?.trim() ?? '';
}

/** Which kind of page a URL path is, for the per-type tables. */
export function pageType(path: string, file?: string): string {
  if (file !== undefined && redirectTarget(file) !== undefined) return 'redirect';
  if (path === '/') return '/';
  if (path === '/404.html') return '404';
  const parts = path.split('/').filter(Boolean);
  if (parts.length === 1) return ['faq', 'clients'].includes(parts[0]!) ? `/${parts[0]}/` : '/<page>/';
  if (parts.length === 2 && ['faq', 'clients'].includes(parts[0]!)) return `/${parts[0]}/<id>/`;
  return path;
}

export type Resolved =
  | { kind: 'file'; file: string } // a file in dist/ (relative path)
  | { kind: 'missing'; file: string } // would be this file, which does not exist
  | { kind: 'directory'; file: string }; // a directory URL without trailing slash (trailingSlash: 'always')

/**
 * The dist/ file a same-origin URL path serves, the way a static host does: a path ending in `/`
 * serves its `index.html`. A path without a trailing slash that names a directory is reported as
 * such, since the site uses trailingSlash 'always'.
 */
export function resolvePath(urlPath: string): Resolved {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return { kind: 'missing', file: urlPath };
  }
  const rel = decoded.replace(/^\/+/, '');
  if (rel.split('/').includes('..')) return { kind: 'missing', file: rel };
  if (decoded.endsWith('/')) {
    const file = `${rel}index.html`;
    return { kind: isFile(file) ? 'file' : 'missing', file };
  }
  if (isFile(rel)) return { kind: 'file', file: rel };
  if (isFile(`${rel}/index.html`)) return { kind: 'directory', file: `${rel}/index.html` };
  return { kind: 'missing', file: rel };
}

function isFile(rel: string): boolean {
  const full = join(distDir, rel);
  return existsSync(full) && statSync(full).isFile();
}

export function readDist(file: string): Buffer {
  return readFileSync(join(distDir, file));
}

const gzCache = new Map<string, number>();
/** Size of bytes gzipped at level 9 (what the bench's server sends; close to what a CDN sends). */
export function gzipSize(data: Buffer | string): number {
  return gzipSync(data, { level: constants.Z_BEST_COMPRESSION }).length;
}
export function gzipSizeOfFile(file: string): number {
  let n = gzCache.get(file);
  if (n === undefined) {
    n = gzipSize(readDist(file));
    gzCache.set(file, n);
  }
  return n;
}

const htmlCache = new Map<string, HTMLElement>();
/** The parsed page. `<noscript>` and `<pre>` are parsed as markup; `<script>`/`<style>` stay text. */
export function parseHtml(file: string): HTMLElement {
  let root = htmlCache.get(file);
  if (!root) {
    root = parse(readDist(file).toString('utf8'), {
      comment: false,
      lowerCaseTagName: true,
      blockTextElements: { script: true, style: true },
    });
    htmlCache.set(file, root);
  }
  return root;
}

/**
 * The site's canonical origin (astro.config `site`), read from the home page's canonical link, so
 * absolute links to the site itself count as internal. Undefined when the home page has none.
 */
export function siteOrigin(): string | undefined {
  const href = parseHtml('index.html').querySelector('link[rel="canonical"]')?.getAttribute('href');
  if (!href) return undefined;
  try {
    return new URL(href).origin;
  } catch {
    return undefined;
  }
}

/** The origin the tests pretend the site is served from when resolving relative URLs. */
export const LOCAL_ORIGIN = 'http://site.invalid';

export type AssetKind = 'html' | 'css' | 'js' | 'font' | 'image' | 'other';
export function assetKind(file: string): AssetKind {
  const ext = extname(file).toLowerCase();
  if (ext === '.html') return 'html';
  if (ext === '.css') return 'css';
  if (ext === '.js' || ext === '.mjs') return 'js';
  if (['.woff', '.woff2', '.ttf', '.otf', '.eot'].includes(ext)) return 'font';
  if (['.svg', '.png', '.jpg', '.jpeg', '.gif', '.webp', '.avif', '.ico'].includes(ext)) return 'image';
  return 'other';
}

/** Bytes as `1.2 KiB` (or `345 B`). */
export function kib(n: number): string {
  return n < 1024 ? `${n} B` : `${(n / 1024).toFixed(1)} KiB`;
}

/** A plain text table with aligned columns (first column left, the rest right). */
export function table(head: string[], rows: string[][]): string {
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: string[]): string =>
    cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ').trimEnd();
  return [line(head), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}
