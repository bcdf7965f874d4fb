// URLs (Apprise, lettre, Symfony MAILER_DSN, s-nail mta=) read back twice: by WHATWG URL (Node's
// URL) and by Python's urllib.parse (urlsplit, then unquote of the user and password, parse_qsl of
// the query), which is what Apprise itself uses. Both must agree on every decoded part.
import { spawnSync } from 'node:child_process';

/** The decoded parts of one URL as WHATWG URL reads them: user, password, host, then query values. */
export function whatwgParts(text: string): string[] {
  const u = new URL(text);
  const dec = (s: string) => decodeURIComponent(s);
  return [dec(u.username), dec(u.password), u.hostname, ...[...u.searchParams.values()]];
}

const PYTHON = String.raw`
import json, sys
from urllib.parse import urlsplit, unquote, parse_qsl
out = []
for text in json.load(sys.stdin):
    u = urlsplit(text)
    out.append([unquote(u.username or '', errors='strict'), unquote(u.password or '', errors='strict'), u.hostname or ''] + [v for _, v in parse_qsl(u.query, keep_blank_values=True, errors='strict')])
sys.stdout.write(json.dumps(out))
`;

export function pythonParts(urls: string[]): string[][] {
  const r = spawnSync('python3', ['-c', PYTHON], { input: JSON.stringify(urls), encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`urllib.parse could not read a URL: ${r.stderr}`);
  return JSON.parse(r.stdout) as string[][];
}

const urlLines = (src: string) => src.split('\n').filter((l) => l.trim() && !l.startsWith('#'));

/** WHATWG URL alone (in process). Each source: one URL a line (blank lines and # lines skipped). */
export const urlWhatwg = (sources: string[]): Promise<string[][]> =>
  Promise.resolve(sources.map((src) => urlLines(src).flatMap(whatwgParts)));

/** WHATWG URL and Python's urllib.parse, which must agree (needs python3). */
export function readUrl(sources: string[]): Promise<string[][]> {
  const perSource = sources.map(urlLines);
  const py = pythonParts(perSource.flat());
  let i = 0;
  const out = perSource.map((urls) =>
    urls.flatMap((text) => {
      const mine = whatwgParts(text);
      const theirs = py[i++]!;
      // WHATWG lower-cases nothing in the user part; both lower-case the host.
      if (JSON.stringify(mine) !== JSON.stringify(theirs))
        throw new Error(`URL readers disagree on ${text}:\n${JSON.stringify(mine)}\n${JSON.stringify(theirs)}`);
      return mine;
    }),
  );
  return Promise.resolve(out);
}
