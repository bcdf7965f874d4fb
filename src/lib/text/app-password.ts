/**
 * The shape of an app-specific password, built from a documented format such as
 * `xxxx-xxxx-xxxx-xxxx`: each `x` is a letter (either case), and a separator (a dash or a space) may
 * be typed as either. Shared by the checker (a password typed where an address belongs) and the
 * decoder's masking (a password pasted in a log), so both recognise the same values.
 */

/** The format Apple prints app-specific passwords in; the masking's fallback when no settings are given. */
export const APP_PASSWORD_SHAPE = 'xxxx-xxxx-xxxx-xxxx';

export interface ShapeOptions {
  /** How a separator of the format may be typed: as a dash or a space (the default), or only as written. */
  separators?: 'dash-or-space' | 'as-written';
}

/**
 * A regular-expression source (no anchors, no flags) for one value of the format; use it with the
 * `i` flag. Every quantifier is fixed or `?`, so matching is linear in the text.
 */
export function appPasswordSource(format: string, opts: ShapeOptions = {}): string {
  return Array.from(format, (ch) => {
    if (ch === 'x' || ch === 'X') return '[a-z]';
    if (/[\s-]/.test(ch)) return opts.separators !== 'as-written' ? '[-\\s]' : ch === '-' ? '-' : '\\s';
    return ch.replace(/[\\^$.*+?()[\]{}|/]/g, '\\$&');
  }).join('');
}

/**
 * True when `value` (or the part before its @) has the shape of an app-specific password in the
 * given format. Surrounding spaces are ignored. A format with no letter placeholder never matches.
 */
export function hasAppPasswordShape(value: string, format: string): boolean {
  if (!/x/i.test(format)) return false;
  const pattern = new RegExp(`^${appPasswordSource(format)}$`, 'i');
  const v = value.trim();
  const at = v.indexOf('@');
  return pattern.test(v) || (at > 0 && pattern.test(v.slice(0, at)));
}
