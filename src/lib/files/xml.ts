/**
 * Escaping for the generated XML files (the Thunderbird autoconfig file and the Apple profile).
 * No dependencies and no node: imports, so the checker can build a profile in the browser.
 */

const ENTITIES: Readonly<Record<string, string>> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&apos;',
};

// One pass, three branches: a whole surrogate pair (kept as it is); a character XML 1.0 cannot
// carry at all, not even as a character reference (C0 controls other than tab, line feed and
// carriage return, U+FFFE, U+FFFF, a lone surrogate: dropped); one of the five markup characters
// (replaced by its entity). No lookbehind, which older Safari cannot parse.
const SPECIAL =
  /[\uD800-\uDBFF][\uDC00-\uDFFF]|[\uD800-\uDFFF\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[&<>"']/g;

/**
 * Text that is safe both between tags and inside a quoted attribute value. Characters XML cannot
 * represent are dropped, because a parser would otherwise reject the whole file.
 */
export function escapeXml(text: string): string {
  return text.replace(SPECIAL, (c) => (c.length === 2 ? c : (ENTITIES[c] ?? '')));
}
