// Content collections: everything the site shows comes from content/ and is validated here at build.
import { defineCollection } from 'astro:content';
import { file, glob } from 'astro/loaders';
import { settingsSchema } from './schemas/settings.ts';
import { faqSchema } from './schemas/faq.ts';
import { pageSchema } from './schemas/page.ts';
import { clientSchema } from './schemas/client.ts';
import { idFromFileName } from './lib/site/content-id.ts';
import { errorSchema } from './schemas/error.ts';

/** content/settings.yaml: one entry ("icloud"), the only place settings values are typed. */
const settings = defineCollection({
  loader: file('./content/settings.yaml'),
  schema: settingsSchema,
});

/**
 * content/faq/<id>.mdx: one answer per file. The id is written in the frontmatter, never derived
 * from the title, and must equal the file name (the build stops and names the file otherwise).
 */
const faq = defineCollection({
  loader: glob({
    pattern: '*.mdx',
    base: './content/faq',
    generateId: ({ entry, data }) => idFromFileName('content/faq', entry, data),
  }),
  schema: faqSchema,
});

/** content/pages/<slug>.mdx: the prose pages (/smtp/, /imap/). */
const pages = defineCollection({
  loader: glob({ pattern: '*.mdx', base: './content/pages', generateId: ({ data }) => String(data['slug']) }),
  schema: pageSchema,
});

/** content/clients/<id>.yaml: one entry per email program or code library; `id` equals the file name. */
const clients = defineCollection({
  loader: glob({
    pattern: '*.yaml',
    base: './content/clients',
    generateId: ({ entry, data }) => idFromFileName('content/clients', entry, data),
  }),
  schema: clientSchema,
});

/** content/errors/<id>.yaml: one known error per file (signatures, real examples, cause and fix). */
const errors = defineCollection({
  loader: glob({
    pattern: '*.yaml',
    base: './content/errors',
    generateId: ({ entry, data }) => idFromFileName('content/errors', entry, data),
  }),
  schema: errorSchema,
});

export const collections = { settings, faq, pages, clients, errors };
