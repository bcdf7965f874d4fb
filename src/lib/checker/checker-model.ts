/**
 * The checker's model: what the island needs, its initial input, and the one function that turns
 * input and a client into what the checker shows. The server render (CheckerSection.astro) and the
 * island (src/islands/) both call `checkerView`, so the HTML and the hydrated component start from
 * the same state. Pure: no Astro, no Preact, and no import from src/islands.
 */
import type { Client } from '../../schemas/client.ts';
import type { Settings } from '../../schemas/settings.ts';
import { check, type CheckInput, type CheckResult } from './check.ts';
import { buildInstructions, type Instructions } from './instructions.ts';
import { CLIENT_GROUPS } from '../../vocabulary/client-groups.ts';

/** One entry of the client chooser. */
export interface ClientOption {
  id: string;
  name: string;
}

/** A labelled group of the chooser (an <optgroup>). */
export interface ChooserGroup {
  label: string;
  options: ClientOption[];
}

/**
 * The chooser's groups, in order: CLIENT_GROUPS (src/vocabulary/client-groups.ts), the one place that
 * decides how clients are grouped and what the groups are called, shared with /clients/. The server
 * render and the island follow, since the island reads the groups back from the server-rendered <select>.
 */
export function chooserGroups(clients: readonly Pick<Client, 'id' | 'name' | 'group'>[]): ChooserGroup[] {
  return CLIENT_GROUPS.map(({ id, heading }) => ({
    label: heading,
    options: clients.filter((c) => c.group === id).map(({ id, name }) => ({ id, name })),
  })).filter((g) => g.options.length > 0);
}

/**
 * The island's props. None of them grows with the number of clients beyond the chooser, which the
 * island reads from the server-rendered HTML: nothing is embedded in the page as JSON.
 */
export interface CheckerProps {
  /** Values only (src/lib/settings/browser-settings.ts); in the browser, fetched (routes.browserSettings). */
  settings: Settings;
  /** The chooser, as rendered on the server. */
  groups: ChooserGroup[];
  /** The client shown first (the page's own client, or the first one on the home page). */
  initial: Client;
  /** On a program's own page the steps come first and the form follows (`data-layout="steps-first"`). */
  stepsFirst?: boolean;
}

/** Whether the iPhone/Mac configuration profile applies to a client: only Apple's own Mail apps read it. */
export function profileApplies(client: Pick<Client, 'group'>): boolean {
  return client.group === 'apple';
}

/** The form before the reader types anything. */
export function initialInput(settings: Pick<Settings, 'smtp'>): CheckInput {
  return { address: '', port: String(settings.smtp.port.value), server: '', security: '' };
}

/** Everything the checker shows for an input and a client. */
export interface CheckerView {
  input: CheckInput;
  result: CheckResult;
  client: Client;
  instructions: Instructions;
}

/**
 * What the checker shows. Pass the previous view to skip rebuilding the instructions when none of
 * the client, the address they use, the security choice and the port has changed.
 */
export function checkerView(
  input: CheckInput,
  client: Client,
  settings: Settings,
  previous?: CheckerView,
): CheckerView {
  const result = check(input, settings);
  // The client's own warnings depend on the security choice and the port, so those rebuild too.
  const reuse =
    previous &&
    previous.client === client &&
    previous.result.address === result.address &&
    previous.input.security === input.security &&
    previous.result.port === result.port;
  const choice = { security: input.security, port: result.port };
  const instructions = reuse ? previous.instructions : buildInstructions(client, settings, result.address, choice);
  return { input, result, client, instructions };
}

/** The view of the empty form: what the server renders and the island hydrates. */
export function initialView(client: Client, settings: Settings): CheckerView {
  return checkerView(initialInput(settings), client, settings);
}

/** Whether fetched JSON looks like a client entry (/clients/<id>.json): an id, a name and a group. */
export function isClientData(data: unknown): data is Client {
  if (typeof data !== 'object' || data === null) return false;
  const c = data as Record<string, unknown>;
  return typeof c['id'] === 'string' && typeof c['name'] === 'string' && typeof c['group'] === 'string';
}
