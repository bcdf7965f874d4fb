// Rust through tree-sitter-rust: the snippet must parse without error; string literals are then
// decoded by the Rust reference's escape rules (\n \r \t \\ \0 \' \" \x00-\x7F \u{…}, and a
// backslash before a line break skips the break and the next line's leading whitespace).
import { parseWith } from './tree-sitter-grammar.ts';

const SIMPLE: Record<string, string> = { n: '\n', r: '\r', t: '\t', '\\': '\\', '0': '\0', "'": "'", '"': '"' };

/** The value of a Rust (non-raw) string literal, quotes included. */
export function rustString(lit: string): string {
  if (!lit.startsWith('"') || !lit.endsWith('"')) throw new Error(`not a Rust string literal: ${lit}`);
  return lit.slice(1, -1).replace(/\\(x[0-7][0-9a-fA-F]|u\{([0-9a-fA-F]{1,6})\}|\n\s*|.)/g, (e, _k, u?: string) => {
    if (u) return String.fromCodePoint(parseInt(u, 16));
    if (e[1] === 'x') return String.fromCharCode(parseInt(e.slice(2), 16));
    if (e[1] === '\n') return '';
    const s = SIMPLE[e[1]!];
    if (s === undefined) throw new Error(`unknown Rust escape ${e}`);
    return s;
  });
}

export async function readRust(sources: string[]): Promise<string[][]> {
  const out: string[][] = [];
  for (const src of sources) {
    const nodes = await parseWith('node_modules/tree-sitter-rust/tree-sitter-rust.wasm', 'Rust', src);
    out.push(nodes.filter((n) => n.type === 'string_literal').map((n) => rustString(n.text)));
  }
  return out;
}
