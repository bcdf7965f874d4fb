// Reads a `_headers` file the way Netlify and Cloudflare Pages do, independently of the module that
// writes it (src/lib/headers.ts), so the tests check the file itself: a path line, then indented
// `Name: value` lines; `#` starts a comment; `*` matches any characters and `:name` one path segment;
// a request gets the headers of every rule that matches, and a header set by several rules gets
// their values joined with ", " (what Cloudflare Pages does).

export interface ParsedRule {
  path: string;
  headers: Array<[string, string]>;
}

export function parseHeadersFile(text: string): ParsedRule[] {
  const rules: ParsedRule[] = [];
  text.split('\n').forEach((line, i) => {
    if (!line.trim() || line.trim().startsWith('#')) return;
    if (!/^\s/.test(line)) {
      if (!line.startsWith('/')) throw new Error(`_headers line ${i + 1}: a rule starts with a path: ${line}`);
      rules.push({ path: line.trim(), headers: [] });
      return;
    }
    const rule = rules.at(-1);
    const m = /^\s+([A-Za-z0-9-]+):\s*(.*)$/.exec(line);
    if (!rule || !m) throw new Error(`_headers line ${i + 1}: expected "Name: value" under a path: ${line}`);
    rule.headers.push([m[1]!, m[2]!]);
  });
  return rules;
}

function pattern(path: string): RegExp {
  let source = '';
  for (const part of path.split(/(\*|:[A-Za-z]+)/)) {
    if (part === '*') source += '.*';
    else if (part.startsWith(':')) source += '[^/]+';
    else source += part.replace(/[.+?^${}()|[\]\\]/g, '\\$&');
  }
  return new RegExp(`^${source}$`);
}

/** The headers for a request path, lower-cased names, values of repeated headers joined. */
export function headersForPath(rules: ParsedRule[], path: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const rule of rules) {
    if (!pattern(rule.path).test(path)) continue;
    for (const [name, value] of rule.headers) {
      const key = name.toLowerCase();
      const before = out.get(key);
      out.set(key, before === undefined ? value : `${before}, ${value}`);
    }
  }
  return out;
}

/** Names of headers that more than one rule sets for this path (a host would join their values). */
export function overlappingHeaders(rules: ParsedRule[], path: string): string[] {
  const seen = new Map<string, number>();
  for (const rule of rules)
    if (pattern(rule.path).test(path))
      for (const [name] of rule.headers) seen.set(name.toLowerCase(), (seen.get(name.toLowerCase()) ?? 0) + 1);
  return [...seen].filter(([, n]) => n > 1).map(([name]) => name);
}
