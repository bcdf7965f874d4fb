/**
 * After the build, each page's CSP lists exactly the inline scripts and styles that page has
 * (Astro lists every hash of the whole site, and its island runtime, on every page).
 */
import { createHash } from 'node:crypto';
import { readFile, readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { withPagePolicy } from '../lib/site/page-csp.ts';

const sha256 = (text: string) => `sha256-${createHash('sha256').update(text).digest('base64')}`;

export default function pageCsp(): AstroIntegration {
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
