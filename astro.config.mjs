// @ts-check
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import preact from '@astrojs/preact';
import sitemap from '@astrojs/sitemap';
import siteFiles from './src/integrations/site-files.ts';

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
  build: { format: 'directory' },
  integrations: [
    mdx(),
    preact(),
    sitemap({ filter: (page) => !(new URL(page).pathname in redirects) }),
    // Last, so it sees every page: _headers, share cards, the search index.
    siteFiles(),
  ],
  redirects,
  security: {
    // Astro hashes every script and style it emits; nothing inline runs without a hash, and
    // nothing loads from another origin.
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
