// Error entries in page order, their templates filled in once (views never fill), with every
// cross-reference checked so a broken link fails the build, and the matcher data the decoder loads.
import { getCollection } from 'astro:content';
import type { ErrorEntry, ErrorGroup } from '../schemas/error.ts';
import type { MatcherData } from '../lib/decoder/error-match.ts';
import { buildMatcherData, fillErrorEntry } from '../lib/decoder/matcher-data.ts';
import { getSettings } from './settings.ts';
import { getClients } from './clients.ts';
import { faqIds } from './faq.ts';
import { ERROR_GROUPS } from '../vocabulary/error-groups.ts';

let cached: ErrorEntry[] | undefined;

export async function getErrors(): Promise<ErrorEntry[]> {
  if (cached) return cached;
  const entries = await getCollection('errors');
  const ids = new Set(entries.map((e) => e.id));
  const faq = await faqIds();
  const clients = new Set((await getClients()).map((c) => c.id));
  const settings = await getSettings();
  const problems: string[] = [];
  for (const { id, data, filePath } of entries) {
    const where = `content/errors (${filePath ?? id})`;
    if (id !== data.id) problems.push(`${where}: id "${data.id}" differs from the entry id "${id}".`);
    if (filePath && !filePath.endsWith(`/${data.id}.yaml`))
      problems.push(`${where}: the file name must be ${data.id}.yaml.`);
    for (const f of data.faq) if (!faq.has(f)) problems.push(`${where}: FAQ id "${f}" does not exist.`);
    for (const c of data.clients) if (!clients.has(c)) problems.push(`${where}: client id "${c}" does not exist.`);
    for (const r of data.related) if (!ids.has(r)) problems.push(`${where}: related error "${r}" does not exist.`);
  }
  if (problems.length) throw new Error(`Error entries have problems:\n  ${problems.join('\n  ')}`);
  const rank = (g: ErrorGroup) => ERROR_GROUPS.findIndex((x) => x.id === g);
  const filled = entries.map(({ id, data, filePath }) => {
    // Every template must resolve (an unknown settings path throws with the list of valid ones).
    try {
      return fillErrorEntry(data, settings);
    } catch (err) {
      problems.push(`content/errors (${filePath ?? id}): ${(err as Error).message}`);
      return data;
    }
  });
  if (problems.length) throw new Error(`Error entries have problems:\n  ${problems.join('\n  ')}`);
  cached = filled.sort((a, b) => rank(a.group) - rank(b.group) || a.order - b.order || a.id.localeCompare(b.id));
  return cached;
}

/** The errors that name a client, for the "Related errors" list on its page. */
export async function errorsForClient(clientId: string): Promise<ErrorEntry[]> {
  return (await getErrors()).filter((e) => e.clients.includes(clientId));
}

/** The errors that point to a FAQ answer, for the "Related errors" list on its page. */
export async function errorsForFaq(faqId: string): Promise<ErrorEntry[]> {
  return (await getErrors()).filter((e) => e.faq.includes(faqId));
}

/** The decoder's data: what each error is, how to fix it, how to recognise it. */
export async function matcherData(): Promise<MatcherData> {
  return buildMatcherData(await getErrors());
}
