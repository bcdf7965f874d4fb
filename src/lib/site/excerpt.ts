/**
 * Pagefind returns excerpts as HTML: the page's text, entity-escaped, with the matched words in
 * <mark>. The search page never parses that as HTML (no innerHTML, and Trusted Types forbid it);
 * it splits the excerpt into plain-text pieces and marks with this function and builds text nodes.
 */
export interface ExcerptPiece {
  text: string;
  marked: boolean;
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' };

/** Decodes the character references Pagefind writes (named, decimal and hex). Unknown ones stay as written. */
export function decodeEntities(s: string): string {
  return s.replace(/&(#x[0-9a-f]{1,6}|#[0-9]{1,7}|[a-z]{2,8});/gi, (all, ref: string) => {
    if (ref[0] !== '#') return ENTITIES[ref.toLowerCase()] ?? all;
    const code = ref[1] === 'x' || ref[1] === 'X' ? parseInt(ref.slice(2), 16) : parseInt(ref.slice(1), 10);
    return code > 0 && code <= 0x10ffff && !(code >= 0xd800 && code <= 0xdfff) ? String.fromCodePoint(code) : all;
  });
}

/** Splits an excerpt into pieces; any tag other than <mark> and </mark> is dropped, never kept as markup. */
export function excerptPieces(html: string): ExcerptPiece[] {
  const pieces: ExcerptPiece[] = [];
  let marked = false;
  for (const part of html.split(/(<[^>]*>)/)) {
    if (part.startsWith('<')) {
      if (/^<mark\b[^>]*>$/i.test(part)) marked = true;
      else if (/^<\/mark\s*>$/i.test(part)) marked = false;
      continue;
    }
    if (!part) continue;
    const text = decodeEntities(part);
    const last = pieces.at(-1);
    if (last && last.marked === marked) last.text += text;
    else pieces.push({ text, marked });
  }
  return pieces;
}
