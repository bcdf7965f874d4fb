import { z } from 'astro/zod';
import { httpsUrlSchema, isoDateSchema } from './common.ts';

/** How sure we are of a fact, in the order the facts files rank their sources. */
export const confidenceSchema = z.enum(['apple', 'observed', 'third-party', 'unconfirmed']);
export type Confidence = z.infer<typeof confidenceSchema>;

/** Where a fact comes from and when someone last looked. Every fact on the site carries this. */
export const provenanceShape = {
  /** The page or file that states the fact. */
  source: httpsUrlSchema(),
  /** The date the source was last checked, YYYY-MM-DD. */
  checked: isoDateSchema,
  /** apple, observed, third-party or unconfirmed. */
  confidence: confidenceSchema,
  /** Why the value is what it is, in one sentence. Optional. */
  note: z.string().min(1).optional(),
};

/** Whether a URL is on apple.com or one of its subdomains (support.apple.com, developer.apple.com…). */
export function isAppleUrl(url: string): boolean {
  try {
    const host = new URL(url).hostname;
    return host === 'apple.com' || host.endsWith('.apple.com');
  } catch {
    return false;
  }
}

/**
 * The rule behind `confidence: apple`: only an Apple page can make a fact Apple's. A news site
 * quoting Apple, a developer's summary or a test against the server is third-party or observed.
 */
export function checkAppleSource(p: { source: string; confidence: Confidence }, ctx: z.RefinementCtx): void {
  if (p.confidence === 'apple' && !isAppleUrl(p.source)) {
    ctx.addIssue({
      code: 'custom',
      path: ['confidence'],
      message: `"apple" needs a source on apple.com, and ${p.source} is not one: cite Apple's page, or mark the fact observed, third-party or unconfirmed.`,
    });
  }
}

/** A single value together with its provenance. */
export function fact<T extends z.ZodType>(value: T) {
  return z.strictObject({ value, ...provenanceShape }).superRefine(checkAppleSource);
}
