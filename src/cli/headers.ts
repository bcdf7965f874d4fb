// Prints the static-host headers, from the same rules the build writes to dist/_headers:
// `npm run headers -- nginx`, `-- caddy` or `-- netlify`; `-- readme` rewrites README's two snippets
// (between their <!-- headers:… --> markers). BASE_PATH sets the base, as for the build.
import { readFileSync, writeFileSync } from 'node:fs';
import { headerRules, readmeSnippets, toCaddy, toHeadersFile, toNginx } from '../lib/files/headers.ts';
import { normaliseBase } from '../lib/site/urls.ts';

const formats = { nginx: toNginx, caddy: toCaddy, netlify: toHeadersFile } as const;
const format = process.argv[2] ?? 'netlify';
// The one profile the site publishes (src/pages/icloud-mail.mobileconfig.ts).
const rules = headerRules(normaliseBase(process.env['BASE_PATH'] ?? '/'), ['icloud-mail.mobileconfig']);
if (format === 'readme') {
  const readme = new URL('../../README.md', import.meta.url);
  writeFileSync(readme, readmeSnippets(readFileSync(readme, 'utf8'), rules));
} else if (format in formats) {
  process.stdout.write(formats[format as keyof typeof formats](rules));
} else {
  console.error(`Unknown format "${format}". Use one of: ${[...Object.keys(formats), 'readme'].join(', ')}.`);
  process.exit(2);
}
