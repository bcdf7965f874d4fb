// PowerShell through tree-sitter-powershell: the snippet must parse without error. Single-quoted
// (verbatim) strings are then read as PowerShell's tokenizer reads them: no escapes, and a pair of
// single-quote characters (' ‘ ’ ‚ ‛, any of them) stands for its second character. Double-quoted
// strings are returned only when they hold no variable, subexpression or backtick escape.
import { parseWith } from './tree-sitter-grammar.ts';

const QUOTE = /['\u2018\u2019\u201a\u201b]/;

/** The value of a PowerShell single-quoted string, quotes included (as PowerShell's tokenizer reads it). */
export function powershellVerbatim(lit: string): string {
  if (!QUOTE.test(lit[0] ?? '') || !QUOTE.test(lit.at(-1) ?? '')) throw new Error(`not a verbatim string: ${lit}`);
  const body = lit.slice(1, -1);
  let out = '';
  for (let i = 0; i < body.length; i++) {
    const c = body[i]!;
    if (QUOTE.test(c)) {
      const next = body[i + 1];
      if (next === undefined || !QUOTE.test(next)) throw new Error(`unpaired quote inside ${lit}`);
      out += next;
      i++;
    } else out += c;
  }
  return out;
}

export async function readPowershell(sources: string[]): Promise<string[][]> {
  const out: string[][] = [];
  for (const src of sources) {
    const nodes = await parseWith('node_modules/tree-sitter-powershell/tree-sitter-powershell.wasm', 'PowerShell', src);
    const values: string[] = [];
    for (const n of nodes) {
      if (n.type === 'verbatim_string_characters') values.push(powershellVerbatim(n.text));
      else if (n.type === 'expandable_string_literal' && !/[$`]/.test(n.text)) values.push(n.text.slice(1, -1));
    }
    out.push(values);
  }
  return out;
}
