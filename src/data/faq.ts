// FAQ entries in page order, with their {path} tokens filled in from the settings and their
// related ids checked, so a broken cross-link or settings path fails the build.
import { getCollection, type CollectionEntry } from 'astro:content';
import { FAQ_TOPICS, type FaqTopic } from '../vocabulary/faq-topics.ts';
import { resolveFaqText } from '../lib/site/faq-text.ts';
import { getSettings } from './settings.ts';

export type FaqEntry = CollectionEntry<'faq'>;

/**
 * Every answer, by `order` then id, with question and short answer resolved. Not memoised, so the
 * dev server shows an edited answer at once; Astro caches the collection itself.
 */
export async function getFaq(): Promise<FaqEntry[]> {
  const settings = await getSettings();
  const entries = (await getCollection('faq'))
    .sort((a, b) => a.data.order - b.data.order || a.id.localeCompare(b.id))
    .map((e) => ({ ...e, data: resolveFaqText(e.data, settings, e.filePath ?? `content/faq/${e.id}.mdx`) }));
  const ids = new Set(entries.map((e) => e.id));
  for (const e of entries) {
    for (const r of e.data.related) {
      if (!ids.has(r)) throw new Error(`FAQ "${e.id}" lists related id "${r}", which does not exist.`);
    }
  }
  return entries;
}

/** Whether a FAQ id exists; FaqLink uses this so a link to a missing answer fails the build. */
export async function faqIds(): Promise<Set<string>> {
  return new Set((await getFaq()).map((e) => e.id));
}

export interface FaqGroup {
  topic: FaqTopic;
  /** The id of the topic's heading on /faq/ (`topic-<topic>`). */
  anchor: string;
  heading: string;
  entries: FaqEntry[];
}

/** The answers grouped by topic, in the topics' order; topics without answers are left out. */
export async function getFaqByTopic(): Promise<FaqGroup[]> {
  const faq = await getFaq();
  const ids = new Set(faq.map((e) => e.id));
  return FAQ_TOPICS.map(({ id: topic, heading }) => {
    const anchor = `topic-${topic}`;
    if (ids.has(anchor))
      throw new Error(`FAQ id "${anchor}" clashes with the heading of the topic "${topic}" on /faq/.`);
    return { topic, anchor, heading, entries: faq.filter((e) => e.data.topic === topic) };
  }).filter((g) => g.entries.length > 0);
}

/**
 * Fails the build when a link an island or generated file makes points at a FAQ answer that does
 * not exist: the checker's findings and the decoder's steps name answers by id, as FaqLink does.
 */
export async function checkFaqLinks(ids: Iterable<string>, where: string): Promise<void> {
  const known = await faqIds();
  const missing = [...ids].filter((id) => !known.has(id));
  if (missing.length) throw new Error(`${where} links to FAQ answers that do not exist: ${missing.join(', ')}.`);
}
