// Client entries in index order, and the small list the checker's chooser needs.
import { getCollection } from 'astro:content';
import type { Client } from '../schemas/client.ts';
import type { ClientOption } from '../islands/Checker.tsx';

export async function getClients(): Promise<Client[]> {
  const entries = await getCollection('clients');
  return entries.map((e) => e.data).sort((a, b) => a.order - b.order || a.name.localeCompare(b.name));
}

export function clientOptions(clients: Client[]): ClientOption[] {
  return clients.map(({ id, name, kind }) => ({ id, name, kind }));
}
