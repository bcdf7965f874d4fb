// String literal escapes of Go and C#, by each language's specification.

function decodeEscapes(body: string, escape: (e: string) => number[] | null, re: RegExp): string {
  const bytes: number[] = [];
  let last = 0;
  for (const m of body.matchAll(re)) {
    bytes.push(...new TextEncoder().encode(body.slice(last, m.index)));
    const b = escape(m[0]);
    if (!b) throw new Error(`unknown escape ${m[0]}`);
    bytes.push(...b);
    last = m.index + m[0].length;
  }
  bytes.push(...new TextEncoder().encode(body.slice(last)));
  return new TextDecoder('utf-8', { fatal: true }).decode(new Uint8Array(bytes));
}
const utf8 = (cp: number) => [...new TextEncoder().encode(String.fromCodePoint(cp))];
const SIMPLE: Record<string, number> = {
  a: 7,
  b: 8,
  f: 12,
  n: 10,
  r: 13,
  t: 9,
  v: 11,
  '\\': 92,
  "'": 39,
  '"': 34,
  '0': 0,
};

/** Go interpreted string literal, by the Go spec: \x and octal escapes are bytes, \u and \U code points. */
export function goString(lit: string): string {
  return decodeEscapes(
    lit.slice(1, -1),
    (e) => {
      const k = e[1]!;
      if (k === 'x') return [parseInt(e.slice(2), 16)];
      if (k === 'u' || k === 'U') return utf8(parseInt(e.slice(2), 16));
      if (/[0-7]/.test(k)) return [parseInt(e.slice(1), 8)];
      return k in SIMPLE && k !== "'" && k !== '0' ? [SIMPLE[k]!] : null;
    },
    /\\(x[0-9a-fA-F]{2}|u[0-9a-fA-F]{4}|U[0-9a-fA-F]{8}|[0-7]{3}|.)/g,
  );
}

/** C# regular string literal: \x takes one to four hex digits, \u four, \U eight. */
export function csharpString(lit: string): string {
  return decodeEscapes(
    lit.slice(1, -1),
    (e) => {
      const k = e[1]!;
      if (k === 'x' || k === 'u' || k === 'U') return utf8(parseInt(e.slice(2), 16));
      return k in SIMPLE ? [SIMPLE[k]!] : null;
    },
    /\\(x[0-9a-fA-F]{1,4}|u[0-9a-fA-F]{4}|U[0-9a-fA-F]{8}|.)/g,
  );
}
