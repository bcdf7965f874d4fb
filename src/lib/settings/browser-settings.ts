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
