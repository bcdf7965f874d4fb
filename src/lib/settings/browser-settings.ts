/**
 * The settings as the checker needs them in the browser: every value, minus the provenance
 * (source, checked, confidence) that only the pages print. This keeps the page's embedded data small.
 * The result keeps the Settings shape, so the same check and instruction functions run on it.
 */
import type { Settings } from '../../schemas/settings.ts';

const PROVENANCE = new Set(['source', 'checked', 'confidence']);

function strip(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(strip);
  if (typeof node !== 'object' || node === null) return node;
  const isFact = 'value' in node;
  return Object.fromEntries(
    Object.entries(node)
      .filter(([k]) => !(isFact && PROVENANCE.has(k)))
      .map(([k, v]) => [k, strip(v)]),
  );
}

export function browserSettings(settings: Settings): Settings {
  return strip(settings) as Settings;
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null;
const valueOf = (v: unknown): unknown => (isObject(v) ? v['value'] : undefined);

/**
 * Whether fetched JSON has the shape of the browser settings: the values the islands read (servers,
 * ports, security, the address domains, the password format). A cheap check without zod, so a stale
 * or broken file is refused at the door.
 */
export function isBrowserSettings(data: unknown): data is Settings {
  if (!isObject(data) || typeof data['placeholderAddress'] !== 'string') return false;
  const sides = ['smtp', 'imap'].map((k) => data[k]);
  const sidesOk = sides.every(
    (side) =>
      isObject(side) &&
      typeof valueOf(side['server']) === 'string' &&
      typeof valueOf(side['port']) === 'number' &&
      typeof valueOf(side['security']) === 'string',
  );
  const password = data['password'];
  return (
    sidesOk &&
    Array.isArray(valueOf(data['domains'])) &&
    isObject(password) &&
    typeof valueOf(password['format']) === 'string'
  );
}
