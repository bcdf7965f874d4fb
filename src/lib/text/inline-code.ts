// Splits prose with `backtick` spans into text and code parts, so pages and islands can render the
// code as <code> elements (never as HTML strings).

export interface TextPart {
  code: boolean;
  text: string;
}

export function splitCode(text: string): TextPart[] {
  const parts: TextPart[] = [];
  text.split('`').forEach((piece, i) => {
    // An unpaired backtick leaves the rest as plain text.
    if (piece) parts.push({ code: i % 2 === 1, text: piece });
  });
  if (text.split('`').length % 2 === 0) return [{ code: false, text }];
  return parts;
}
