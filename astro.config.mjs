// @ts-check
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import preact from '@astrojs/preact';
import sitemap from '@astrojs/sitemap';
import pageCsp from './src/integrations/page-csp.ts';
import siteFiles from './src/integrations/site-files.ts';
import { joinBase } from './src/lib/site/urls.ts';
import { PLACEHOLDER_SITE, placeholderSiteWarning } from './src/lib/site/site-url.ts';

// Sub-path hosting (a project page on a shared host): every internal URL goes through src/lib/site/urls.ts.
const base = process.env.BASE_PATH ?? '/';

// Renamed or removed pages keep working: map the old path to the new one here, never break a
// published link. test/fixtures/permanent-links.json lists every URL that must keep answering.
const redirects = {
  // K-9 Mail became Thunderbird for Android; people still look for it under its old name.
  '/clients/k9-mail/': '/clients/thunderbird-android/',
};
// Astro puts a redirect's source under `base` but writes its destination as given: add the base.
const redirectsUnderBase = Object.fromEntries(
  Object.entries(redirects).map(([from, to]) => [from, joinBase(base, to)]),
);
const redirectSources = new Set(Object.keys(redirects).map((from) => joinBase(base, from)));

export default defineConfig({
  // Canonical origin; overridable so a deploy elsewhere gets correct absolute links.
  site: process.env.SITE_URL || PLACEHOLDER_SITE,
  base,
  trailingSlash: 'always',
  // The CSS is inlined in each page (hashed by the CSP), so the first paint needs no second round trip.
  build: { format: 'directory', inlineStylesheets: 'always' },
  integrations: [
    mdx(),
    preact(),
    // Each page's CSP lists only its own inline scripts and styles.
    pageCsp(),
    sitemap({ filter: (page) => !redirectSources.has(new URL(page).pathname) }),
    // Last, so it sees every page: _headers, share cards, the search index.
    siteFiles(),
    {
      // A production build with the placeholder origin says so, loudly, before and after.
      name: 'site-url-check',
      hooks: {
        'astro:build:start': ({ logger }) => {
          const warning = placeholderSiteWarning(process.env.SITE_URL);
          if (warning) logger.warn(`\n${warning}`);
        },
        'astro:build:done': ({ logger }) => {
          const warning = placeholderSiteWarning(process.env.SITE_URL);
          if (warning) logger.warn(`\n${warning}`);
        },
      },
    },
  ],
  redirects: redirectsUnderBase,
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
});
