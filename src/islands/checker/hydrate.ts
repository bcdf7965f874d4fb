// Prepares and hydrates the checker Astro rendered on the server. Nothing is embedded in the page
// for it: the chooser is read back from the server-rendered <select>, and the settings and the
// initial client come from two shared, cacheable JSON files (the route table's browserSettings and
// clientData). Loaded by schedule.ts.
import { h, hydrate } from 'preact';
import type { CheckInput } from '../../lib/checker/check.ts';
import { isClientData, type ChooserGroup } from '../../lib/checker/checker-model.ts';
import { isBrowserSettings } from '../../lib/settings/browser-settings.ts';
import { routes } from '../../lib/site/routes.ts';
import { securityChoiceValues, type SecurityChoice } from '../../vocabulary/security.ts';
import { fetchJson } from '../shared/fetch-json.ts';
import Checker, { type Pending } from './Checker.tsx';

/** The chooser's groups as the server rendered them. */
export function readGroups(select: HTMLSelectElement): ChooserGroup[] {
  return Array.from(select.querySelectorAll('optgroup'), (group) => ({
    label: group.label,
    options: Array.from(group.querySelectorAll('option'), (o) => ({ id: o.value, name: o.text })),
  }));
}

const isSecurityChoice = (v: string): v is SecurityChoice =>
  v === '' || (securityChoiceValues as readonly string[]).includes(v);

/** What the reader typed or chose before hydration: fields whose value differs from the HTML's. */
function readPending(root: HTMLElement, select: HTMLSelectElement, initialId: string): Pending {
  const input: Partial<CheckInput> = {};
  for (const field of ['address', 'port', 'server'] as const) {
    const el = root.querySelector<HTMLInputElement>(`#chk-${field}`);
    if (el && el.value !== el.defaultValue) input[field] = el.value;
  }
  const security = root.querySelector<HTMLSelectElement>('#chk-security');
  const defaultSecurity = Array.from(security?.options ?? []).find((o) => o.defaultSelected)?.value ?? '';
  if (security && security.value !== defaultSecurity && isSecurityChoice(security.value))
    input.security = security.value;
  return select.value === initialId ? { input } : { input, clientId: select.value };
}

/**
 * Loads the data (the page is not touched) and returns the step that hydrates the checker in `root`
 * and marks it ready. Rejects when the data cannot be fetched.
 */
export async function prepare(root: HTMLElement): Promise<() => void> {
  const select = root.querySelector<HTMLSelectElement>('#chk-client');
  const options = Array.from(select?.options ?? []);
  const initialId = (options.find((o) => o.defaultSelected) ?? options[0])?.value;
  if (!select || !initialId) return () => undefined;
  const [settings, initial] = await Promise.all([
    fetchJson(routes.browserSettings(), isBrowserSettings),
    fetchJson(routes.clientData(initialId), isClientData),
  ]);
  root.dataset['prepared'] = 'true';
  return () => {
    if (root.dataset['ready']) return;
    const groups = readGroups(select);
    const pending = readPending(root, select, initialId);
    const stepsFirst = root.dataset['layout'] === 'steps-first';
    hydrate(h(Checker, { settings, groups, initial, pending, stepsFirst }), root);
    root.dataset['ready'] = 'true';
  };
}
