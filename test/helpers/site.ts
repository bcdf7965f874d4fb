// What the built site should contain, read from content/ (not from the built output), so the
// end-to-end tests compare the pages against the source.
import { readdirSync, readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { repoRoot } from './settings.ts';

export interface FaqMeta {
  id: string;
  question: string;
  short: string;
  order: number;
}

function frontmatter(file: URL): Record<string, unknown> {
  const text = readFileSync(file, 'utf8');
  const match = /^---\n([\s\S]*?)\n---/.exec(text);
  if (!match?.[1]) throw new Error(`${file.pathname} has no frontmatter`);
  return parse(match[1]) as Record<string, unknown>;
}

export function faqEntries(): FaqMeta[] {
  const dir = new URL('content/faq/', repoRoot);
  return readdirSync(dir)
    .filter((f) => f.endsWith('.mdx'))
    .map((f) => frontmatter(new URL(f, dir)) as unknown as FaqMeta)
    .sort((a, b) => a.order - b.order);
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
