// Prints the static-host headers for a server README's Deploy section shows (nginx, Caddy) or the
// `_headers` file itself, from the same rules the build writes: `npm run headers -- nginx`.
// BASE_PATH sets the base, as for the build.
import { headerRules, toCaddy, toHeadersFile, toNginx } from '../lib/headers.ts';
import { normaliseBase } from '../lib/urls.ts';

const formats = { nginx: toNginx, caddy: toCaddy, netlify: toHeadersFile } as const;
const format = process.argv[2] ?? 'netlify';
if (!(format in formats)) {
  console.error(`Unknown format "${format}". Use one of: ${Object.keys(formats).join(', ')}.`);
  process.exit(2);
}
// The one profile the site publishes (src/pages/icloud-mail.mobileconfig.ts).
const rules = headerRules(normaliseBase(process.env['BASE_PATH'] ?? '/'), ['icloud-mail.mobileconfig']);
process.stdout.write(formats[format as keyof typeof formats](rules));
