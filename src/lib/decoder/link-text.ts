/**
 * How an error is named in a link on a program's page: by its title when that program printed one of
 * its examples (the title quotes what the reader sees), else in neutral words (plainTitle), so the
 * Thunderbird page never names an error in Python's words.
 */
export interface NamedError {
  title: string;
  plainTitle?: string | undefined;
  examples: { program: string }[];
}

const norm = (s: string) =>
  s
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();

/** Whether an example's `program` names this client (its name or an alias, either way round). */
export function printedBy(program: string, client: { name: string; aliases?: string[] | undefined }): boolean {
  const p = norm(program);
  return [client.name, ...(client.aliases ?? [])].some((n) => {
    const name = norm(n);
    return name.length > 2 && (p.includes(name) || name.includes(p));
  });
}

export function errorLinkText(e: NamedError, client?: { name: string; aliases?: string[] | undefined }): string {
  if (!client || !e.plainTitle) return e.title;
  return e.examples.some((x) => printedBy(x.program, client)) ? e.title : e.plainTitle;
}
