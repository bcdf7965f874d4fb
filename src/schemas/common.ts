/** Small schemas every content type shares: ids, https URLs and calendar dates, each written once. */
import { z } from 'astro/zod';

/** Lower-case words joined by hyphens: the shape of every id and slug (it becomes a URL path segment). */
export const SLUG = /^[a-z0-9]+(-[a-z0-9]+)*$/;

/** An id or slug; `what` names it in the message, for example 'A FAQ id' and '"port-465"'. */
export function slugSchema(what: string, example: string) {
  return z.string().regex(SLUG, `${what} is lower-case words joined by hyphens, such as "${example}".`);
}

/** An https:// URL; `what` names the field in the message ('The source'). */
export function httpsUrlSchema(what = 'The source') {
  return z.url({ protocol: /^https$/, error: `${what} must be an https:// URL.` });
}

/** A calendar date written as YYYY-MM-DD, kept as text so YAML and JSON read it the same way. */
export const isoDateSchema = z
  .union([z.string(), z.date()])
  .transform((d) => (d instanceof Date ? d.toISOString().slice(0, 10) : d))
  .pipe(
    z
      .string()
      .regex(/^\d{4}-\d{2}-\d{2}$/, 'Write the date as YYYY-MM-DD.')
      .refine((d) => {
        const t = Date.parse(`${d}T00:00:00Z`);
        return !Number.isNaN(t) && new Date(t).toISOString().startsWith(d);
      }, 'This date does not exist.'),
  );
