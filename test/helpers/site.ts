// What the built site should contain, read from content/ (not from the built output), so the
// end-to-end tests compare the pages against the source.
import { readdirSync, readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { loadSettings } from './settings.ts';
import { repoRoot } from './root.ts';
import { resolveFaqText } from '../../src/lib/site/faq-text.ts';

export interface FaqMeta {
  id: string;
  /** With its {path} tokens filled in from the settings, as the pages show it. */
  question: string;
  /** With its {path} tokens filled in, as the pages show it. */
  short: string;
  topic: string;
  order: number;
  checked: string;
}

function frontmatter(file: URL): Record<string, unknown> {
  const text = readFileSync(file, 'utf8');
  const match = /^---\n([\s\S]*?)\n---/.exec(text);
  if (!match?.[1]) throw new Error(`${file.pathname} has no frontmatter`);
  return parse(match[1]) as Record<string, unknown>;
}

/** The FAQ frontmatter as written, {path} tokens and all, with the file it came from. */
export function rawFaqEntries(): Array<FaqMeta & { file: string }> {
  const dir = new URL('content/faq/', repoRoot);
  return readdirSync(dir)
    .filter((f) => f.endsWith('.mdx'))
    .map((f) => ({ ...(frontmatter(new URL(f, dir)) as unknown as FaqMeta), file: `content/faq/${f}` }))
    .sort((a, b) => a.order - b.order || a.id.localeCompare(b.id));
}

/** The FAQ entries as the pages show them: sorted like the site, question and short resolved. */
export function faqEntries(): FaqMeta[] {
  const settings = loadSettings();
  return rawFaqEntries().map(({ file, ...e }) => resolveFaqText(e, settings, file));
}

export function proseSlugs(): string[] {
  const dir = new URL('content/pages/', repoRoot);
  return readdirSync(dir)
    .filter((f) => f.endsWith('.mdx'))
    .map((f) => String(frontmatter(new URL(f, dir))['slug']));
}

export interface ClientMeta {
  id: string;
  name: string;
  kind: 'app' | 'code';
  order: number;
}

export function clientEntries(): ClientMeta[] {
  const dir = new URL('content/clients/', repoRoot);
  return readdirSync(dir)
    .filter((f) => f.endsWith('.yaml'))
    .map((f) => parse(readFileSync(new URL(f, dir), 'utf8')) as ClientMeta)
    .sort((a, b) => a.order - b.order);
}

/** Every page the site builds, as paths. */
export function allPages(): string[] {
  return [
    '/',
    ...proseSlugs().map((s) => `/${s}/`),
    '/faq/',
    ...faqEntries().map((e) => `/faq/${e.id}/`),
    '/clients/',
    ...clientEntries().map((c) => `/clients/${c.id}/`),
    '/search/',
  ];
}
