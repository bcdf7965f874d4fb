import { z } from 'astro/zod';

/** How sure we are of a fact, in the order the facts files rank their sources. */
export const confidenceSchema = z.enum(['apple', 'observed', 'third-party', 'unconfirmed']);
export type Confidence = z.infer<typeof confidenceSchema>;

/** A calendar date written as YYYY-MM-DD, kept as text so YAML and JSON read it the same way. */
export const isoDateSchema = z
  .union([z.string(), z.date()])
  .transform((d) => (d instanceof Date ? d.toISOString().slice(0, 10) : d))
  .pipe(z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'Write the date as YYYY-MM-DD.'));

/** Where a fact comes from and when someone last looked. Every fact on the site carries this. */
export const provenanceShape = {
  /** The page or file that states the fact. */
  source: z.url({ protocol: /^https$/, error: 'The source must be an https:// URL.' }),
  /** The date the source was last checked, YYYY-MM-DD. */
  checked: isoDateSchema,
  /** apple, observed, third-party or unconfirmed. */
  confidence: confidenceSchema,
  /** Why the value is what it is, in one sentence. Optional. */
  note: z.string().min(1).optional(),
};

/** A single value together with its provenance. */
export function fact<T extends z.ZodType>(value: T) {
  return z.strictObject({ value, ...provenanceShape });
}
