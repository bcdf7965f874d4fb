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

// ---------------------------------------------------------------------------------------------
// The template grammar, once: every `{...}` in content (FAQ frontmatter, error text, MDX snippets,
// client fields and snippets) is read by this tokenizer.
//   {smtp.port}          a settings path (or an address token of the client templates)
//   {address|q|in}       a name with filters, applied left to right (client snippets only)
//   {{                   a literal '{' (for code such as Go's `[]string{{to}`)
// Any other '{' is literal text; strict callers (FAQ frontmatter) refuse it.

/** One `{name|filter…}` token. `raw` is the token as written. */
export interface TemplateToken {
  name: string;
  filters: string[];
  raw: string;
}

/** A template as literal text and tokens, in order. */
export type TemplatePart = string | TemplateToken;

// A name is letters and digits in dotted parts; `${SMTP_PASSWORD}` in a shell snippet stays text.
const TOKEN = /\{\{|\{([A-Za-z][A-Za-z0-9]*(?:\.[A-Za-z0-9]+)*)((?:\|\w+)*)\}/g;

export function parseTemplate(template: string): TemplatePart[] {
  const parts: TemplatePart[] = [];
  let last = 0;
  let text = '';
  for (const m of template.matchAll(TOKEN)) {
    text += template.slice(last, m.index);
    last = m.index + m[0].length;
    if (m[1] === undefined) {
      text += '{';
      continue;
    }
    if (text) parts.push(text);
    text = '';
    parts.push({ name: m[1], filters: (m[2] ?? '').split('|').slice(1), raw: m[0] });
  }
  text += template.slice(last);
  if (text) parts.push(text);
  return parts;
}

/** Renders a template, each token through `resolve`. */
export function renderTemplate(template: string, resolve: (token: TemplateToken) => string): string {
  return parseTemplate(template)
    .map((p) => (typeof p === 'string' ? p : resolve(p)))
    .join('');
}

/** Whether a template has a '{' that opens no token (a typo such as `{smtp port}`), `{{` aside. */
export function hasStrayBrace(template: string): boolean {
  return template.replace(TOKEN, '').includes('{');
}

/**
 * Replaces each {path} in a template with the setting's text, e.g. "{smtp.server}:{smtp.port}".
 * Filters belong to client templates and are refused here. With `strict`, a '{' that opens no
 * settings path is refused too.
 */
export function fillTemplate(template: string, settings: object, { strict = false } = {}): string {
  if (strict && hasStrayBrace(template)) throw new Error('A "{" must open a settings path such as {smtp.port}.');
  return renderTemplate(template, (t) => {
    if (t.filters.length) throw new Error(`${t.raw}: filters such as |${t.filters[0]} belong in client snippets.`);
    return formatSetting(resolveSetting(settings, t.name));
  });
}
