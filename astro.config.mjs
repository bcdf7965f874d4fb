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
  vite: {
    // No modulepreload helper: the checker's one lazy chunk does not need it, and it would cost
    // bytes in the page's 10 KiB JavaScript budget.
    build: {
      modulePreload: false,
      rollupOptions: {
        output: {
          // Preact in a chunk of its own, so nothing the pages never run (such as the preload helper
          // of the unused Astro island loader) rides along with it.
          manualChunks: (id) => (/node_modules[\\/]preact[\\/]/.test(id) ? 'preact' : undefined),
        },
      },
    },
  },
});
