// FAQ entries in page order, with related ids checked so a broken cross-link fails the build.
import { getCollection, type CollectionEntry } from 'astro:content';

export type FaqEntry = CollectionEntry<'faq'>;

export async function getFaq(): Promise<FaqEntry[]> {
  const entries = (await getCollection('faq')).sort((a, b) => a.data.order - b.data.order || a.id.localeCompare(b.id));
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
