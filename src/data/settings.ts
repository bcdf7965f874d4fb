// The validated settings object, read once per build from the settings collection.
import { getEntry } from 'astro:content';
import type { Settings } from '../schemas/settings.ts';

let cached: Settings | undefined;

export async function getSettings(): Promise<Settings> {
  if (cached) return cached;
  const entry = await getEntry('settings', 'icloud');
  if (!entry) throw new Error('content/settings.yaml has no "icloud" entry.');
  cached = entry.data;
  return cached;
}
