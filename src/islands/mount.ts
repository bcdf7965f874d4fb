// Hydrates the checker that Astro rendered on the server. Nothing is embedded in the page for it:
// the chooser is read back from the server-rendered <select>, and the settings and the initial
// client come from two shared, cacheable JSON files. Loaded after the page (see start.ts).
import { h, hydrate } from 'preact';
import type { Client } from '../schemas/client.ts';
import type { Settings } from '../schemas/settings.ts';
import type { CheckInput, SecurityChoice } from '../lib/checker/check.ts';
import { checkerData, type ChooserGroup } from '../lib/checker/checker-model.ts';
import Checker, { type Pending } from './Checker.tsx';
import { fetchJson } from './data.ts';

/** The chooser's groups as the server rendered them. */
export function readGroups(select: HTMLSelectElement): ChooserGroup[] {
  return Array.from(select.querySelectorAll('optgroup'), (group) => ({
    label: group.label,
    options: Array.from(group.querySelectorAll('option'), (o) => ({ id: o.value, name: o.text })),
  }));
}

/** What the reader typed or chose before hydration: fields whose value differs from the HTML's. */
function readPending(root: HTMLElement, select: HTMLSelectElement, initialId: string): Pending {
  const input: Partial<CheckInput> = {};
  for (const field of ['address', 'port', 'server'] as const) {
    const el = root.querySelector<HTMLInputElement>(`#chk-${field}`);
    if (el && el.value !== el.defaultValue) input[field] = el.value;
  }
  const security = root.querySelector<HTMLSelectElement>('#chk-security');
  const defaultSecurity = Array.from(security?.options ?? []).find((o) => o.defaultSelected)?.value ?? '';
  if (security && security.value !== defaultSecurity) input.security = security.value as SecurityChoice;
  return select.value === initialId ? { input } : { input, clientId: select.value };
}

/** Loads the data, hydrates the checker in `root` and marks it ready. Rejects when the data cannot be fetched. */
export async function mount(root: HTMLElement): Promise<void> {
  const select = root.querySelector<HTMLSelectElement>('#chk-client');
  if (!select || root.dataset['ready']) return;
  const options = Array.from(select.options);
  const initialId = (options.find((o) => o.defaultSelected) ?? options[0])?.value;
  if (!initialId) return;
  const [settings, initial] = await Promise.all([
    fetchJson<Settings>(checkerData.settings),
    fetchJson<Client>(checkerData.client(initialId)),
  ]);
  const groups = readGroups(select);
  const pending = readPending(root, select, initialId);
  hydrate(h(Checker, { settings, groups, initial, pending }), root);
  root.dataset['ready'] = 'true';
}
