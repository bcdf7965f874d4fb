/**
 * Invisible characters that ride along when an address or a host name is copied from a chat, a web
 * page or a PDF: zero-width spaces and joiners, direction marks and overrides, the byte order mark.
 * They make two strings that look the same compare different, so the checker names them.
 */
const NAMES: Record<number, string> = {
  0x00ad: 'soft hyphen',
  0x180e: 'Mongolian vowel separator',
  0x200b: 'zero-width space',
  0x200c: 'zero-width non-joiner',
  0x200d: 'zero-width joiner',
  0x200e: 'left-to-right mark',
  0x200f: 'right-to-left mark',
  0x202a: 'left-to-right embedding',
  0x202b: 'right-to-left embedding',
  0x202c: 'pop directional formatting',
  0x202d: 'left-to-right override',
  0x202e: 'right-to-left override',
  0x2060: 'word joiner',
  0x2066: 'left-to-right isolate',
  0x2067: 'right-to-left isolate',
  0x2068: 'first strong isolate',
  0x2069: 'pop directional isolate',
  0xfeff: 'zero-width no-break space (byte order mark)',
};

export interface Invisible {
  /** 'U+200B'. */
  codePoint: string;
  /** 'zero-width space', or 'invisible control character' for one without a name here. */
  name: string;
  /** How many visible characters come before it. */
  position: number;
}

/** The first invisible or control character of a text, or null. Tabs and line breaks count as spaces. */
export function findInvisible(text: string): Invisible | null {
  let position = 0;
  for (const ch of text) {
    const cp = ch.codePointAt(0) ?? 0;
    if (cp in NAMES || (/\p{C}/u.test(ch) && !/[\t\n\r]/.test(ch))) {
      const hex = cp.toString(16).toUpperCase().padStart(4, '0');
      return { codePoint: `U+${hex}`, name: NAMES[cp] ?? 'invisible control character', position };
    }
    position++;
  }
  return null;
}

/** A sentence that names it: 'an invisible character, U+200B (zero-width space), after the 4th character'. */
export function describeInvisible(found: Invisible): string {
  const where = found.position === 0 ? 'at the start' : `after the first ${found.position} characters`;
  return `an invisible character, ${found.codePoint} (${found.name}), ${where}`;
}

/** Strips the invisible characters above (not line breaks or tabs), for readers that must see through them. */
export function stripInvisible(text: string): string {
  return text.replace(/[\u00ad\u180e\u200b-\u200f\u202a-\u202e\u2060\u2066-\u2069\ufeff]/g, '');
}
