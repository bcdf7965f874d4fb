/**
 * Files made from the built site, after Astro writes it (`astro:build:done`):
 * - `_headers`: security and caching headers for static hosts (src/lib/headers.ts);
 * - `og/**.png`: a share card for every page that names one in its og:image, drawn from the page's
 *   own preview tags (src/lib/card.ts), with satori and resvg and a font from an npm package;
 * - `pagefind/`: the full-text search index (Pagefind), read by /search/ in the browser.
 * Cards are cached by their text in node_modules/.cache, so a rebuild redraws only what changed.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { parse } from 'node-html-parser';
import * as pagefind from 'pagefind';
import { cardAlt, type CardText } from '../lib/site/card.ts';
import { cardPng } from './card-render.ts';
import { headerRules, toHeadersFile } from '../lib/files/headers.ts';
import { normaliseBase } from '../lib/site/urls.ts';

/** Every .html file under `dir`. */
function htmlFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && e.name.endsWith('.html'))
    .map((e) => join(e.parentPath, e.name))
    .sort();
}

/** What a built page asks its card to say, read from its preview tags; null when it has no card. */
export function cardRequest(html: string, site: string, base: string): { file: string; text: CardText } | null {
  const doc = parse(html);
  const meta = (p: string) => doc.querySelector(`meta[property="${p}"]`)?.getAttribute('content') ?? null;
  const image = meta('og:image');
  const title = meta('og:title');
  if (!image || !title) return null;
  const path = new URL(image).pathname;
  if (!path.startsWith(base)) throw new Error(`og:image ${image} is not under the base ${base}.`);
  const description = meta('og:description') ?? '';
  // The alt text says what the card shows: the title, and the description when the page asked for it.
  const note = meta('og:image:alt') === cardAlt({ title, note: description }) ? description : undefined;
  const siteName = meta('og:site_name') ?? new URL(site).hostname;
  return { file: path.slice(base.length), text: { title, note, site: siteName } };
}

async function renderCards(dist: string, site: string, base: string, log: (m: string) => void) {
  const cacheDir = fileURLToPath(new URL('../../node_modules/.cache/og-cards/', import.meta.url));
  mkdirSync(cacheDir, { recursive: true });
  const started = performance.now();
  let drawn = 0;
  let cards = 0;
  const seen = new Map<string, string>();
  for (const page of htmlFiles(dist)) {
    const request = cardRequest(readFileSync(page, 'utf8'), site, base);
    if (!request) continue;
    const key = JSON.stringify(request.text);
    const earlier = seen.get(request.file);
    if (earlier !== undefined && earlier !== key)
      throw new Error(`Two pages want different cards at ${request.file} (${relative(dist, page)}).`);
    if (earlier !== undefined) continue;
    seen.set(request.file, key);
    const hash = createHash('sha256').update(key).update('v1').digest('hex').slice(0, 32);
    const cached = join(cacheDir, `${hash}.png`);
    let png: Buffer;
    if (existsSync(cached)) png = readFileSync(cached);
    else {
      png = await cardPng(request.text);
      writeFileSync(cached, png);
      drawn++;
    }
    const out = join(dist, request.file);
    mkdirSync(dirname(out), { recursive: true });
    writeFileSync(out, png);
    cards++;
  }
  log(
    `${cards} share cards (${drawn} drawn, ${cards - drawn} from cache) in ${Math.round(performance.now() - started)} ms`,
  );
}

async function indexSearch(dist: string, log: (m: string) => void) {
  const started = performance.now();
  const { index, errors } = await pagefind.createIndex({});
  if (!index) throw new Error(`Pagefind: ${errors.join('; ')}`);
  const added = await index.addDirectory({ path: dist });
  if (added.errors.length) throw new Error(`Pagefind: ${added.errors.join('; ')}`);
  const written = await index.writeFiles({ outputPath: join(dist, 'pagefind') });
  if (written.errors.length) throw new Error(`Pagefind: ${written.errors.join('; ')}`);
  // The search page uses Pagefind's JavaScript API with its own markup and no worker (Trusted Types):
  // its ready-made UIs and its worker script are not needed.
  for (const f of readdirSync(join(dist, 'pagefind')))
    if (/^pagefind-(ui|modular-ui|component-ui|highlight|worker)\./.test(f)) rmSync(join(dist, 'pagefind', f));
  await pagefind.close();
  log(`search index of ${added.page_count} pages in ${Math.round(performance.now() - started)} ms`);
}

export default function siteFiles(): AstroIntegration {
  let site = '';
  let base = '/';
  return {
    name: 'site-files',
    hooks: {
      'astro:config:done': ({ config }) => {
        site = config.site ?? '';
        base = normaliseBase(config.base);
      },
      'astro:build:done': async ({ dir, logger }) => {
        const dist = fileURLToPath(dir);
        const profiles = readdirSync(dist).filter((f) => f.endsWith('.mobileconfig'));
        writeFileSync(join(dist, '_headers'), toHeadersFile(headerRules(base, profiles)));
        logger.info('_headers written');
        await renderCards(dist, site, base, (m) => logger.info(m));
        await indexSearch(dist, (m) => logger.info(m));
      },
    },
  };
}
