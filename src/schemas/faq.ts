import { z } from 'astro/zod';
import { httpsUrlSchema, isoDateSchema, slugSchema } from './common.ts';
import { faqTopicIds } from '../vocabulary/faq-topics.ts';

/**
 * A FAQ id: lower-case words joined by hyphens. It is written in the entry, never derived from
 * the question, and once published it never changes (a redirect keeps an old id working).
 */
export const faqIdSchema = slugSchema('A FAQ id', 'port-465');

/**
 * Text that may name settings as `{path}` tokens (`{smtp.port}`), the same templates snippets
 * use. The tokens are filled in from content/settings.yaml when the site builds (src/data/faq.ts,
 * through the one template grammar in src/lib/settings/template.ts), and an unknown path or a stray
 * "{" stops the build with the file's name.
 */
const templatedText = (min: number, max: number) => z.string().min(min).max(max);

/** The frontmatter of one FAQ answer (content/faq/<file>.mdx). */
export const faqSchema = z.strictObject({
  /** Stable id: the anchor on /faq/ and the path of /faq/<id>/. */
  id: faqIdSchema,
  /** The question, in the words a reader would type or paste. Page title; may use {path} tokens. */
  question: templatedText(10, 160),
  /** One plain sentence that answers it. Meta description; may use {path} tokens. */
  short: templatedText(20, 220),
  /** The group it is listed under on /faq/. */
  topic: z.enum(faqTopicIds),
  /** Priority: position within its topic on /faq/ and in lists of answers (lower first). */
  order: z.int().nonnegative(),
  /** The date someone last checked the answer against its sources, YYYY-MM-DD. */
  checked: isoDateSchema,
  /** Ids of related answers. The build checks that each one exists. */
  related: z.array(faqIdSchema).default([]),
  /** Where the facts in the answer come from. */
  sources: z.array(z.strictObject({ title: z.string().min(1), url: httpsUrlSchema() })).min(1),
});

export type FaqData = z.infer<typeof faqSchema>;
