// @ts-check
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import preact from '@astrojs/preact';

export default defineConfig({
  // Canonical origin; overridable so a deploy elsewhere gets correct absolute links.
  site: process.env.SITE_URL ?? 'https://icloud-mail.example.org',
  trailingSlash: 'always',
  build: { format: 'directory' },
  integrations: [mdx(), preact()],
});
