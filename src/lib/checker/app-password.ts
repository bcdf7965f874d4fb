/**
 * Recognises an app-specific password typed where an address belongs, so the checker can say where
 * it goes without ever repeating it. The shape comes from the settings (`password.format`, such as
 * `xxxx-xxxx-xxxx-xxxx`): each `x` is a letter, and a separator may also be typed as a space.
 */
import type { Settings } from '../../schemas/settings.ts';

/** A pattern for the whole value, built from the documented format. */
function formatPattern(format: string): RegExp {
  const body = Array.from(format, (ch) => {
    if (ch === 'x' || ch === 'X') return '[a-z]';
    if (/[\s-]/.test(ch)) return '[-\\s]';
    return ch.replace(/[\\^$.*+?()[\]{}|/]/g, '\\$&');
  }).join('');
  return new RegExp(`^${body}$`, 'i');
}

/**
 * True when `value` (or the part before its @) has the shape of an app-specific password.
 * Surrounding spaces are ignored. A format with no letter placeholder never matches.
 */
export function looksLikeAppPassword(value: string, settings: Pick<Settings, 'password'>): boolean {
  const format = settings.password.format.value;
  if (!/x/i.test(format)) return false;
  const pattern = formatPattern(format);
  const v = value.trim();
  const at = v.indexOf('@');
  return pattern.test(v) || (at > 0 && pattern.test(v.slice(0, at)));
}
