// Client entries in index order, and the small list the checker's chooser needs.
import { getCollection } from 'astro:content';
import type { Client } from '../schemas/client.ts';
import { chooserGroups, type ChooserGroup } from '../lib/checker/checker-model.ts';

export async function getClients(): Promise<Client[]> {
  const entries = await getCollection('clients');
  return entries.map((e) => e.data).sort((a, b) => a.order - b.order || a.name.localeCompare(b.name));
}

/** The checker's chooser: every client, grouped (see chooserGroups). */
export async function getChooserGroups(): Promise<ChooserGroup[]> {
  return chooserGroups(await getClients());
}
