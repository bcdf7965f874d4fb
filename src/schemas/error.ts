import { z } from 'astro/zod';
import { clientIdSchema } from './client.ts';
import { faqIdSchema } from './faq.ts';
import { httpsUrlSchema, isoDateSchema, slugSchema } from './common.ts';
import { errorGroupIds } from '../vocabulary/error-groups.ts';

/**
 * An error id: lower-case words joined by hyphens, equal to the file name. It is the path of
 * /errors/<id>/ and never changes once published (a redirect keeps an old id working).
 */
export const errorIdSchema = slugSchema('An error id', 'wrong-version-number');

/** The headings of /errors/ (src/vocabulary/error-groups.ts): what goes wrong. */
export const errorGroupSchema = z.enum(errorGroupIds);

/**
 * One piece of text a program prints. Matching is plain and case-insensitive, on text whose runs
 * of whitespace and control characters are one space: no regular expressions, so no pattern can
 * backtrack. At least 3 characters (a reply code such as 535); a signature made of one needle needs 6,
 * so a short code alone cannot claim a text.
 */
const needleSchema = z
  .string()
  .min(3, 'A signature needle has at least 3 characters.')
  .max(120)
  .refine((s) => s === s.trim() && !/\s\s/.test(s), 'Write a needle with single spaces and no space at either end.')

  .refine((s) => !/[\u0000-\u001f\u007f]/.test(s), 'A needle has no control characters.');

/**
 * A signature: every needle in `all` must appear somewhere in the pasted text. `weight` says how
 * sure a match is: 1 supports another match, 2 or more is enough on its own (see src/lib/decoder/error-match.ts).
 */
export const errorSignatureSchema = z
  .strictObject({
    /** The pieces of text that must all appear, in any order. */
    all: z.array(needleSchema).min(1).max(4),
    /** How strongly a match points at this error (1 to 10). */
    weight: z.int().min(1).max(10),
  })
  .refine((s) => s.all.length > 1 || s.all[0]!.length >= 6, {
    message: 'A signature of one needle needs at least 6 characters; combine a short code with another needle.',
    path: ['all'],
  });

/** A real error text, as a program printed it, with where it was seen. */
export const errorExampleSchema = z.strictObject({
  /**
   * The text exactly as published at the source, server names and ports included: a quotation never
   * changes when a setting does, so it holds no {path} template (the schema refuses one).
   */
  text: z
    .string()
    .min(8)
    .refine(
      (s) => !/\{[a-zA-Z0-9.]+\}/.test(s),
      'An example is quoted verbatim: write the server name or port exactly as the source shows it, not as a {path} template.',
    ),
  /** The page where the text was published (an issue, a forum thread, a vendor's page). */
  source: httpsUrlSchema(),
  /** The program that printed it. */
  program: z.string().min(1),
});

/** One known error (content/errors/<id>.yaml). */
export const errorSchema = z
  .strictObject({
    /** Stable id: the path of /errors/<id>/ and the file name. */
    id: errorIdSchema,
    /** The title in the reader's words (what they see or search for). */
    title: z.string().min(10).max(110),
    /**
     * The title in neutral words, without any one program's wording: the link text on the pages of
     * programs that may say it differently. Needed when the title quotes a program's own text.
     */
    plainTitle: z.string().min(10).max(90).optional(),
    /** One plain sentence on what it means: the meta description and the decoder's short answer. */
    summary: z.string().min(20).max(220),
    /** Which protocol fails. */
    protocol: z.enum(['smtp', 'imap']),
    /** The heading it is listed under on /errors/. */
    group: errorGroupSchema,
    /** Position within its group (lower first). */
    order: z.int().nonnegative(),
    /** Programs with a page on this site (client ids); the build checks each one exists. */
    clients: z.array(clientIdSchema).default([]),
    /** Other programs it is reported from, by name. */
    programs: z.array(z.string().min(1)).default([]),
    /** What causes it (a template: {smtp.port} and other settings paths). */
    cause: z.string().min(40),
    /** What to do, step by step (templates). */
    fix: z.array(z.string().min(10)).min(1),
    /** FAQ answers that explain it further; the build checks each id. */
    faq: z.array(faqIdSchema).default([]),
    /** Other errors that are close enough to rank beside this one; the build checks each id. */
    related: z.array(errorIdSchema).default([]),
    /** The patterns that recognise it. */
    signatures: z.array(errorSignatureSchema).min(1),
    /** Real texts with their sources; the tests check each one is recognised as this error. */
    examples: z.array(errorExampleSchema).min(1),
    /** When the entry was last checked against its sources (YYYY-MM-DD). */
    checked: isoDateSchema,
  })
  .superRefine((e, ctx) => {
    if (!e.signatures.some((s) => s.weight >= 2)) {
      ctx.addIssue({
        code: 'custom',
        path: ['signatures'],
        message: 'At least one signature needs weight 2 or more, or the error can never be recognised.',
      });
    }
    if (e.related.includes(e.id)) {
      ctx.addIssue({ code: 'custom', path: ['related'], message: 'An error is not related to itself.' });
    }
  });

export type ErrorId = z.infer<typeof errorIdSchema>;
export type ErrorGroup = z.infer<typeof errorGroupSchema>;
export type ErrorSignature = z.infer<typeof errorSignatureSchema>;
export type ErrorExample = z.infer<typeof errorExampleSchema>;
export type ErrorEntry = z.infer<typeof errorSchema>;
