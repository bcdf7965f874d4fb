// @ts-check
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import preact from '@astrojs/preact';
import sitemap from '@astrojs/sitemap';
import { createHash } from 'node:crypto';
import { readFile, readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { withPagePolicy } from './src/lib/page-csp.ts';

/**
 * After the build, each page's CSP lists exactly the inline scripts and styles that page has
 * (Astro lists every hash of the whole site, and its island runtime, on every page).
 * @returns {import('astro').AstroIntegration}
 */
function pageCsp() {
  /** @param {string} text */
  const sha256 = (text) => `sha256-${createHash('sha256').update(text).digest('base64')}`;
  return {
    name: 'page-csp',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        const root = fileURLToPath(dir);
        const files = (await readdir(root, { recursive: true })).filter((f) => f.endsWith('.html'));
        let changed = 0;
        for (const file of files) {
          const path = join(root, file);
          const html = await readFile(path, 'utf8');
          const out = withPagePolicy(html, sha256);
          if (out !== html) {
            await writeFile(path, out);
            changed++;
          }
        }
        logger.info(`CSP narrowed to each page's own inline scripts and styles on ${changed} pages`);
      },
    },
  };
}

// Renamed or removed pages keep working: map the old path to the new one here, never break a
// published link. test/fixtures/permanent-links.json lists every URL that must keep answering.
const redirects = {
  // K-9 Mail became Thunderbird for Android; people still look for it under its old name.
  '/clients/k9-mail/': '/clients/thunderbird-android/',
};

export default defineConfig({
  // Canonical origin; overridable so a deploy elsewhere gets correct absolute links.
  site: process.env.SITE_URL ?? 'https://icloud-mail.example.org',
  // Sub-path hosting (a project page on a shared host): every internal URL goes through src/lib/urls.ts.
  base: process.env.BASE_PATH ?? '/',
  trailingSlash: 'always',
  // The CSS is inlined in each page (hashed by the CSP), so the first paint needs no second round trip.
  build: { format: 'directory', inlineStylesheets: 'always' },
  integrations: [mdx(), preact(), pageCsp(), sitemap({ filter: (page) => !(new URL(page).pathname in redirects) })],
  redirects,
  security: {
    // Astro hashes every script and style it emits (pageCsp() then keeps only each page's own);
    // nothing inline runs without a hash, and nothing loads from another origin.
    csp: {
      directives: [
        "default-src 'self'",
        "img-src 'self' data:",
        "connect-src 'self'",
        "font-src 'none'",
        "object-src 'none'",
        "base-uri 'self'",
        "form-action 'self'",
      ],
    },
  },
  vite: {
    // No modulepreload links: the checker's one lazy chunk does not need them.
    build: { modulePreload: false },
  },
});
