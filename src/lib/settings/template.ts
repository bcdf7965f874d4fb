/**
 * Reads one value out of the settings object by a dotted path such as "smtp.port".
 * A fact ({ value, source, ... }) resolves to its value, so prose never has to know the wrapping.
 * Unknown paths throw at build time with the list of valid ones, so a typo cannot ship.
 */
import { formatList } from '../text/format-list.ts';

export type SettingValue = string | number | boolean | readonly string[];

function isFact(node: unknown): node is { value: SettingValue } {
  return typeof node === 'object' && node !== null && !Array.isArray(node) && 'value' in node;
}

export function resolveSetting(settings: object, path: string): SettingValue {
  let node: unknown = settings;
  for (const key of path.split('.')) {
    if (typeof node !== 'object' || node === null || !Object.hasOwn(node, key)) {
      throw new Error(`Unknown setting path "${path}". Valid paths: ${settingPaths(settings).join(', ')}`);
    }
    node = (node as Record<string, unknown>)[key];
  }
  if (isFact(node)) return node.value;
  if (typeof node === 'string' || typeof node === 'number' || typeof node === 'boolean') return node;
  if (Array.isArray(node) && node.every((x) => typeof x === 'string')) return node;
  throw new Error(
    `Setting path "${path}" names a group, not a value. Valid paths: ${settingPaths(settings).join(', ')}`,
  );
}

/** Every path that resolves to a value, for error messages and tests. */
export function settingPaths(settings: object, prefix = ''): string[] {
  const out: string[] = [];
  for (const [key, node] of Object.entries(settings as Record<string, unknown>)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (isFact(node) || typeof node !== 'object' || node === null || Array.isArray(node)) out.push(path);
    else out.push(...settingPaths(node, path));
  }
  return out;
}

/** A value as text for a page. */
export function formatSetting(value: SettingValue): string {
  if (Array.isArray(value)) return formatList(value as readonly string[]);
  return String(value);
}

/** Replaces each {path} in a template with the setting's text, e.g. "{smtp.server}:{smtp.port}". */
export function fillTemplate(template: string, settings: object): string {
  return template.replace(/\{([a-zA-Z0-9.]+)\}/g, (_, path: string) => formatSetting(resolveSetting(settings, path)));
}
