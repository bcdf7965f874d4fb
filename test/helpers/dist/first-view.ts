// What a page of a built site loads on first view, read from the HTML and the files it names (no
// browser): stylesheets and what they @import or url(); module scripts and every module they import
// statically, recursively; icons, images, preloads, frames (what each element loads:
// element-loads.ts). Dynamic `import()` targets load on demand and are listed apart. Sizes are the
// files' bytes, raw and gzipped at level 9.
import { cssUrls, hasFontFace } from './css.ts';
import { gzipSize } from './gzip.ts';
import { moduleRefs, type ModuleRefs } from './modules.ts';
import { assetKind, type AssetKind, type Site } from './site.ts';
import { elementLoads } from './element-loads.ts';
import { isNoRequest, isSameOrigin, sitePath } from './urls.ts';

export interface Asset {
  /** Path on the site, such as `/_astro/x.js`. */
  url: string;
  /** The dist/ file it is served from, or undefined when there is none. */
  file: string | undefined;
  kind: AssetKind;
  /** What on the page made it load, such as `<script src>` or `import in /_astro/a.js`. */
  via: string;
  raw: number;
  gzip: number;
}

export interface Reference {
  url: string;
  via: string;
}

export interface FirstView {
  file: string;
  path: string;
  document: { raw: number; gzip: number };
  /** Distinct same-origin URLs loaded on first view, besides the document. */
  assets: Asset[];
  /** Executable inline `<script>` contents (classic or module; not JSON data blocks). */
  inlineScripts: { raw: number; gzip: number }[];
  /** Inline data blocks such as `<script type="application/json">` (counted in the HTML, not JS). */
  dataScripts: { id: string; raw: number; gzip: number }[];
  inlineStyles: { raw: number; gzip: number }[];
  /** Chunks reachable only through dynamic `import()`, with their own static imports. */
  dynamic: Asset[];
  /** Every URL the page loads or submits to (first view or on demand), to check the origin. */
  loaded: Reference[];
  /** Loaded URLs whose file is not in dist/. */
  unresolved: Reference[];
  /** Things that load a web font: `@font-face` rules, font preloads, font files. */
  fonts: Reference[];
  totals: {
    requests: number;
    html: number;
    css: number;
    js: number;
    other: number;
    /** Everything gzipped: document + every first-view asset. */
    total: number;
    rawHtml: number;
    rawCss: number;
    rawJs: number;
  };
}

/** Analyse one page of a built site (relative path such as `faq/index.html`). */
export function firstView(site: Site, file: string): FirstView {
  const path = site.urlPathOf(file);
  const root = site.parse(file);
  const html = site.read(file);
  const assets = new Map<string, Asset>();
  const dynamicUrls = new Map<string, string>();
  const loaded: Reference[] = [];
  const unresolved: Reference[] = [];
  const fonts: Reference[] = [];
  const inlineScripts: FirstView['inlineScripts'] = [];
  const dataScripts: FirstView['dataScripts'] = [];
  const inlineStyles: FirstView['inlineStyles'] = [];

  /** Record a request the page makes; returns the dist/ file it maps to, if same-origin. */
  const request = (url: string, via: string, base: string, firstViewLoad: boolean): string | undefined => {
    if (!url.trim() || isNoRequest(url)) return undefined;
    loaded.push({ url, via });
    if (!isSameOrigin(url)) return undefined;
    const p = sitePath(url, base);
    const r = site.resolvePath(p);
    const distFile = r.kind === 'file' ? r.file : undefined;
    if (!distFile) unresolved.push({ url: p, via });
    if (firstViewLoad && !assets.has(p)) {
      const kind = assetKind(distFile ?? p);
      assets.set(p, {
        url: p,
        file: distFile,
        kind,
        via,
        raw: distFile ? site.read(distFile).length : 0,
        gzip: distFile ? site.gzipSizeOf(distFile) : 0,
      });
      if (kind === 'font') fonts.push({ url: p, via });
    }
    return distFile;
  };

  const seenCss = new Set<string>();
  const followCss = (css: string, base: string, where: string, firstViewLoad: boolean): void => {
    if (hasFontFace(css)) fonts.push({ url: base, via: `@font-face in ${where}` });
    const { imports, urls } = cssUrls(css);
    for (const u of imports) {
      const f = request(u, `@import in ${where}`, base, firstViewLoad);
      if (f && !seenCss.has(f)) {
        seenCss.add(f);
        followCss(site.read(f).toString('utf8'), sitePath(u, base), sitePath(u, base), firstViewLoad);
      }
    }
    for (const u of urls) request(u, `url() in ${where}`, base, firstViewLoad);
  };

  const seenJs = new Set<string>();
  const followJs = (source: string, base: string, where: string, firstViewLoad: boolean): void => {
    let refs: ModuleRefs;
    try {
      refs = moduleRefs(source);
    } catch (e) {
      unresolved.push({ url: base, via: `unparseable module ${where}: ${(e as Error).message}` });
      return;
    }
    if (refs.computed > 0) unresolved.push({ url: base, via: `${refs.computed} computed import() in ${where}` });
    for (const spec of refs.static) {
      if (!/^(\.{0,2}\/|[a-z][a-z0-9+.-]*:)/i.test(spec)) {
        unresolved.push({ url: spec, via: `bare import specifier in ${where}` });
        continue;
      }
      const f = request(spec, `import in ${where}`, base, firstViewLoad);
      if (firstViewLoad === false && isSameOrigin(spec)) dynamicUrls.set(sitePath(spec, base), `import in ${where}`);
      if (f && !seenJs.has(`${firstViewLoad}:${f}`)) {
        seenJs.add(`${firstViewLoad}:${f}`);
        followJs(site.read(f).toString('utf8'), sitePath(spec, base), sitePath(spec, base), firstViewLoad);
      }
    }
    for (const spec of refs.dynamic) {
      const f = request(spec, `import() in ${where}`, base, false);
      if (isSameOrigin(spec)) dynamicUrls.set(sitePath(spec, base), `import() in ${where}`);
      if (f && !seenJs.has(`false:${f}`)) {
        seenJs.add(`false:${f}`);
        followJs(site.read(f).toString('utf8'), sitePath(spec, base), sitePath(spec, base), false);
      }
    }
  };

  for (const el of root.querySelectorAll('*')) {
    for (const load of elementLoads(el)) {
      switch (load.kind) {
        case 'request': {
          if (load.font) fonts.push({ url: load.url, via: '<link rel=preload as=font>' });
          const f = request(load.url, load.via, path, load.firstView);
          const at = sitePath(load.url, path);
          if (f && load.follow === 'css' && !seenCss.has(f)) {
            seenCss.add(f);
            followCss(site.read(f).toString('utf8'), at, at, true);
          } else if (f && load.follow === 'module' && !seenJs.has(`true:${f}`)) {
            seenJs.add(`true:${f}`);
            followJs(site.read(f).toString('utf8'), at, at, true);
          }
          break;
        }
        case 'connect':
          // No bytes, but a connection to that origin: it must be ours.
          loaded.push({ url: load.url, via: load.via });
          break;
        case 'inline-script':
          inlineScripts.push({ raw: Buffer.byteLength(load.text), gzip: gzipSize(load.text) });
          if (load.module) followJs(load.text, path, `inline module on ${path}`, true);
          break;
        case 'data-script':
          dataScripts.push({ id: load.id, raw: Buffer.byteLength(load.text), gzip: gzipSize(load.text) });
          break;
        case 'inline-style':
          if (load.via === '<style>') inlineStyles.push({ raw: Buffer.byteLength(load.text), gzip: gzipSize(load.text) });
          followCss(load.text, path, load.via, true);
          break;
      }
    }
  }

  const list = [...assets.values()];
  const dynamic: Asset[] = [...dynamicUrls]
    .filter(([u]) => !assets.has(u))
    .map(([u, via]) => {
      const r = site.resolvePath(u);
      const f = r.kind === 'file' ? r.file : undefined;
      return { url: u, file: f, kind: assetKind(u), via, raw: f ? site.read(f).length : 0, gzip: f ? site.gzipSizeOf(f) : 0 };
    });
  const sum = (kinds: AssetKind[], key: 'raw' | 'gzip'): number =>
    list.filter((a) => kinds.includes(a.kind)).reduce((n, a) => n + a[key], 0);
  const docGz = gzipSize(html);
  const inlineJsGz = inlineScripts.reduce((n, s) => n + s.gzip, 0);
  const inlineJsRaw = inlineScripts.reduce((n, s) => n + s.raw, 0);
  return {
    file,
    path,
    document: { raw: html.length, gzip: docGz },
    assets: list,
    inlineScripts,
    dataScripts,
    inlineStyles,
    dynamic,
    loaded,
    unresolved,
    fonts,
    totals: {
      requests: 1 + list.length,
      html: docGz + sum(['html'], 'gzip'),
      css: sum(['css'], 'gzip'),
      js: sum(['js'], 'gzip') + inlineJsGz,
      other: sum(['font', 'image', 'other'], 'gzip'),
      total: docGz + list.reduce((n, a) => n + a.gzip, 0),
      rawHtml: html.length + sum(['html'], 'raw'),
      rawCss: sum(['css'], 'raw'),
      rawJs: sum(['js'], 'raw') + inlineJsRaw,
    },
  };
}
