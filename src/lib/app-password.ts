/**
 * Recognises an app-specific password typed where an address belongs, so the checker can say where
 * it goes without ever repeating it. The shape comes from the settings (`password.format`, such as
 * `xxxx-xxxx-xxxx-xxxx`): each `x` is a letter, and a separator may also be typed as a space.
 */
import type { Settings } from '../schemas/settings.ts';
import type { Finding } from './check.ts';

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

/**
 * The address rule's finding for an app-specific password in the address field, or null. Its
 * text is fixed: it never contains what was typed.
 */
export function appPasswordFinding(value: string, settings: Settings): Finding | null {
  if (!looksLikeAppPassword(value, settings)) return null;
  return {
    severity: 'error',
    field: 'address',
    message:
      'This looks like an app-specific password, not an address. It goes in the password field of your email program, never in the address or username field.',
    fix: `Type your iCloud Mail address here, such as ${settings.placeholderAddress}. Keep the password to yourself: this page never needs it.`,
    faq: 'app-specific-password',
  };
}
