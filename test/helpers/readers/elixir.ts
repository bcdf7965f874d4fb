// Elixir: no Elixir parser installs from npm beside the other tree-sitter grammars (tree-sitter-elixir
// pins an older tree-sitter), and Elixir itself is not installed, so this is a faithful check: a
// tokenizer for the subset our snippets use (config calls: atoms, keywords, aliases, numbers,
// strings, ~c sigils, calls, lists, comments) that rejects anything else, checks that brackets
// balance, and decodes double-quoted strings by Elixir's escape rules (String/Kernel docs:
// \a \b \d \e \f \n \r \s \t \v \0 \xHH \x{H…} \uHHHH \u{H…}, any other escaped character stands for
// itself). An unescaped #{ (interpolation) or a raw line break inside a string is refused.

const ESC: Record<string, string> = {
  a: '\x07',
  b: '\b',
  d: '\x7f',
  e: '\x1b',
  f: '\f',
  n: '\n',
  r: '\r',
  s: ' ',
  t: '\t',
  v: '\v',
  '0': '\0',
};

/** The value of an Elixir double-quoted string (quotes included) with no interpolation. */
export function elixirString(lit: string): string {
  let out = '';
  for (let i = 1; i < lit.length - 1; i++) {
    const c = lit[i]!;
    if (c === '\n' || c === '\r') throw new Error(`line break inside ${lit}`);
    if (c === '#' && lit[i + 1] === '{') throw new Error(`interpolation in ${lit}`);
    if (c === '"') throw new Error(`unescaped quote inside ${lit}`);
    if (c !== '\\') {
      out += c;
      continue;
    }
    const rest = lit.slice(i + 1);
    const m = /^(?:x\{([0-9a-fA-F]{1,6})\}|x([0-9a-fA-F]{2})|u\{([0-9a-fA-F]{1,6})\}|u([0-9a-fA-F]{4}))/.exec(rest);
    if (m) {
      out += String.fromCodePoint(parseInt(m[1] ?? m[2] ?? m[3] ?? m[4]!, 16));
      i += m[0].length;
    } else {
      const k = rest[0]!;
      out += ESC[k] ?? k;
      i++;
    }
  }
  return out;
}

const TOKEN =
  /\s+|#[^\n]*|"(?:[^"\\]|\\.)*"|~c"(?:[^"\\]|\\.)*"|:[a-z_][A-Za-z0-9_]*[?!]?|[a-z_][A-Za-z0-9_]*[?!]?:(?=\s)|[A-Z][A-Za-z0-9_]*(?:\.[A-Z][A-Za-z0-9_]*)*|[a-z_][A-Za-z0-9_]*[?!]?|\d[\d_]*|[,()[\]{}.]|%\{|\|>|->|<>|=/gsy;

/** The string values in an Elixir source; throws on anything outside the subset or unbalanced brackets. */
export function elixirStrings(src: string): string[] {
  const out: string[] = [];
  const stack: string[] = [];
  const pairs: Record<string, string> = { ')': '(', ']': '[', '}': '{' };
  TOKEN.lastIndex = 0;
  while (TOKEN.lastIndex < src.length) {
    const at = TOKEN.lastIndex;
    const m = TOKEN.exec(src);
    if (!m) throw new Error(`Elixir: unexpected text at ${JSON.stringify(src.slice(at, at + 20))}`);
    const t = m[0];
    if (t.startsWith('"')) out.push(elixirString(t));
    else if (t.startsWith('~c"')) out.push(elixirString(t.slice(2)));
    else if (t === '(' || t === '[' || t === '{' || t === '%{') stack.push(t === '%{' ? '{' : t);
    else if (t in pairs && stack.pop() !== pairs[t]) throw new Error(`Elixir: unbalanced ${t}`);
  }
  if (stack.length) throw new Error(`Elixir: unclosed ${stack.join('')}`);
  return out;
}

export function readElixir(sources: string[]): Promise<string[][]> {
  return Promise.resolve(sources.map(elixirStrings));
}
