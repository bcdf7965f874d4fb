import { z } from 'astro/zod';

/**
 * A FAQ id: lower-case words joined by hyphens. It is written in the entry, never derived from
 * the question, and once published it never changes (a redirect keeps an old id working).
 */
export const faqIdSchema = z
  .string()
  .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'A FAQ id is lower-case words joined by hyphens, such as "port-465".');

/** The frontmatter of one FAQ answer (content/faq/<file>.mdx). */
export const faqSchema = z.strictObject({
  /** Stable id: the anchor on /faq/ and the path of /faq/<id>/. */
  id: faqIdSchema,
  /** The question, as a reader would ask it. Used as the page title. */
  question: z.string().min(10).max(120),
  /** One plain sentence that answers it. Used as the meta description. */
  short: z.string().min(20).max(200),
  /** Position on /faq/ (lower first). */
  order: z.int().nonnegative(),
  /** Ids of related answers. The build checks that each one exists. */
  related: z.array(faqIdSchema).default([]),
  /** Where the facts in the answer come from. */
  sources: z.array(z.strictObject({ title: z.string().min(1), url: z.url({ protocol: /^https$/ }) })).min(1),
});

export type FaqData = z.infer<typeof faqSchema>;
