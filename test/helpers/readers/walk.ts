// Walking what a parser returns: string literals in a syntax tree, string values in parsed data.

/** Every value `pick` returns for a node of the tree (position and parent links are not followed). */
export function collect(
  node: unknown,
  pick: (n: Record<string, unknown>) => string | undefined,
  out: string[] = [],
): string[] {
  if (Array.isArray(node)) node.forEach((n) => collect(n, pick, out));
  else if (node && typeof node === 'object') {
    const n = node as Record<string, unknown>;
    const s = pick(n);
    if (s !== undefined) out.push(s);
    for (const [k, v] of Object.entries(n))
      if (k !== 'loc' && k !== 'location' && k !== 'parent') collect(v, pick, out);
  }
  return out;
}

/** Every string in parsed data: values, and the keys of objects. */
export function strings(value: unknown, out: string[] = []): string[] {
  if (typeof value === 'string') out.push(value);
  else if (Array.isArray(value)) value.forEach((v) => strings(v, out));
  else if (value && typeof value === 'object')
    for (const [k, v] of Object.entries(value)) {
      out.push(k);
      strings(v, out);
    }
  return out;
}
