// A built site on disk, as files and as URLs, the way a static host serves it under a base path.
// Everything reads the directory as it is; nothing builds. Open one with `openSite(dir, { base })`.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { extname, join, relative, resolve, sep } from 'node:path';
import type { HTMLElement } from 'node-html-parser';
import { gzipSize } from './gzip.ts';
import { anchorsOf, parseHtml, redirectTargetOf } from './html.ts';
import { normaliseBase } from '../../../src/lib/site/urls.ts';
import { repoDir } from '../root.ts';

/** The project's build: dist/, or DIST_DIR (a copy to experiment on, say). */
export function defaultDistDir(): string {
  return process.env['DIST_DIR'] ? resolve(process.env['DIST_DIR']) : join(repoDir, 'dist');
}

export type Resolved =
  | { kind: 'file'; file: string } // a file in the site directory (relative path)
  | { kind: 'missing'; file: string } // would be this file, which does not exist
  | { kind: 'directory'; file: string } // a directory URL without trailing slash (trailingSlash: 'always')
  | { kind: 'outside-base'; file: string }; // a path the site cannot serve: it is not under the base

export type AssetKind = 'html' | 'css' | 'js' | 'font' | 'image' | 'other';

/** What a file is, from its extension. */
export function assetKind(file: string): AssetKind {
  const ext = extname(file).toLowerCase();
  if (ext === '.html') return 'html';
  if (ext === '.css') return 'css';
  if (ext === '.js' || ext === '.mjs') return 'js';
  if (['.woff', '.woff2', '.ttf', '.otf', '.eot'].includes(ext)) return 'font';
  if (['.svg', '.png', '.jpg', '.jpeg', '.gif', '.webp', '.avif', '.ico'].includes(ext)) return 'image';
  return 'other';
}

/** Sections whose index and item pages are page types of their own. */
const SECTIONS = ['faq', 'clients', 'errors'];

export class Site {
  /** Absolute path of the built directory. */
  readonly dir: string;
  /** The path the site is served under, starting and ending with `/`. */
  readonly base: string;
  readonly #html = new Map<string, HTMLElement>();
  readonly #gzip = new Map<string, number>();
  readonly #anchors = new Map<string, Set<string>>();

  constructor(dir: string, base = '/') {
    this.dir = resolve(dir);
    this.base = normaliseBase(base);
  }

  /** Fails with a message a person can act on when there is no build to look at. */
  assertBuilt(): void {
    const index = join(this.dir, 'index.html');
    if (!existsSync(index)) throw new Error(`No built site: ${index} is missing. Run \`npm run build\` first.`);
  }

  /** Every file, as paths relative to the directory with forward slashes, sorted. */
  files(): string[] {
    const out: string[] = [];
    const walk = (dir: string): void => {
      for (const entry of readdirSync(dir, { withFileTypes: true })) {
        const full = join(dir, entry.name);
        if (entry.isDirectory()) walk(full);
        else if (entry.isFile()) out.push(relative(this.dir, full).split(sep).join('/'));
      }
    };
    walk(this.dir);
    return out.sort();
  }

  /** Every HTML page (relative paths), sorted. */
  htmlFiles(): string[] {
    return this.files().filter((f) => f.endsWith('.html'));
  }

  /** The URL path a file is served at: `faq/x/index.html` → `<base>faq/x/`, `404.html` → `<base>404.html`. */
  urlPathOf(file: string): string {
    if (file === 'index.html') return this.base;
    if (file.endsWith('/index.html')) return `${this.base}${file.slice(0, -'index.html'.length)}`;
    return `${this.base}${file}`;
  }

  /**
   * The file a same-origin URL path serves, the way a static host does: a path ending in `/` serves
   * its `index.html`. A path without a trailing slash that names a directory is reported as such,
   * since the site uses trailingSlash 'always'. A path outside the base is reported as such.
   */
  resolvePath(urlPath: string): Resolved {
    let decoded: string;
    try {
      decoded = decodeURIComponent(urlPath);
    } catch {
      return { kind: 'missing', file: urlPath };
    }
    if (`${decoded}/` === this.base) return { kind: 'directory', file: 'index.html' };
    if (!decoded.startsWith(this.base)) return { kind: 'outside-base', file: decoded };
    const rel = decoded.slice(this.base.length).replace(/^\/+/, '');
    if (rel.split('/').includes('..')) return { kind: 'missing', file: rel };
    if (rel === '' || decoded.endsWith('/')) {
      const file = `${rel}index.html`;
      return { kind: this.isFile(file) ? 'file' : 'missing', file };
    }
    if (this.isFile(rel)) return { kind: 'file', file: rel };
    if (this.isFile(`${rel}/index.html`)) return { kind: 'directory', file: `${rel}/index.html` };
    return { kind: 'missing', file: rel };
  }

  isFile(rel: string): boolean {
    const full = join(this.dir, rel);
    return existsSync(full) && statSync(full).isFile();
  }

  read(file: string): Buffer {
    return readFileSync(join(this.dir, file));
  }

  /** The file's size gzipped at level 9 (cached). */
  gzipSizeOf(file: string): number {
    let n = this.#gzip.get(file);
    if (n === undefined) {
      n = gzipSize(this.read(file));
      this.#gzip.set(file, n);
    }
    return n;
  }

  /** The parsed page (cached). */
  parse(file: string): HTMLElement {
    let root = this.#html.get(file);
    if (!root) {
      root = parseHtml(this.read(file).toString('utf8'));
      this.#html.set(file, root);
    }
    return root;
  }

  /** What a `#fragment` can land on in this page (cached). */
  anchors(file: string): Set<string> {
    let set = this.#anchors.get(file);
    if (!set) {
      set = anchorsOf(this.parse(file));
      this.#anchors.set(file, set);
    }
    return set;
  }

  /** Where a redirect stub sends the reader, or undefined for a real page. */
  redirectTarget(file: string): string | undefined {
    return redirectTargetOf(this.parse(file));
  }

  /**
   * The site's canonical origin (astro.config `site`), read from the home page's canonical link, so
   * absolute links to the site itself count as internal. Undefined when the home page has none.
   */
  origin(): string | undefined {
    if (!this.isFile('index.html')) return undefined;
    const href = this.parse('index.html').querySelector('link[rel="canonical"]')?.getAttribute('href');
    if (!href) return undefined;
    try {
      return new URL(href).origin;
    } catch {
      return undefined;
    }
  }

  /** Which kind of page a file is, for the per-type tables: `/`, `/faq/<id>/`, `redirect`… */
  pageType(file: string): string {
    if (this.redirectTarget(file) !== undefined) return 'redirect';
    if (file === 'index.html') return '/';
    if (file === '404.html') return '404';
    const parts = this.urlPathOf(file).slice(this.base.length).split('/').filter(Boolean);
    if (parts.length === 1) return SECTIONS.includes(parts[0]!) ? `/${parts[0]}/` : '/<page>/';
    if (parts.length === 2 && SECTIONS.includes(parts[0]!)) return `/${parts[0]}/<id>/`;
    return `/${parts.join('/')}${file.endsWith('index.html') ? '/' : ''}`;
  }
}

/** Open a built site: its directory and the base path it is served under (default `/`). */
export function openSite(dir: string = defaultDistDir(), options: { base?: string } = {}): Site {
  return new Site(dir, options.base ?? process.env['BASE_PATH'] ?? '/');
}
