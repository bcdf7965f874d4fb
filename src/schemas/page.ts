import { z } from 'astro/zod';
import { slugSchema } from './common.ts';

/** The frontmatter of a prose page (content/pages/<file>.mdx), served at /<slug>/. */
export const pageSchema = z.strictObject({
  /** URL path segment; written in the entry, never derived from the title. */
  slug: slugSchema('A page slug', 'smtp'),
  /** The h1 and the <title>. */
  title: z.string().min(3).max(80),
  /** The meta description: one sentence. */
  description: z.string().min(20).max(200),
  /** Position in the navigation (lower first). */
  order: z.int().nonnegative(),
  /** Short label for the navigation. */
  nav: z.string().min(1).max(20),
});

export type PageData = z.infer<typeof pageSchema>;
