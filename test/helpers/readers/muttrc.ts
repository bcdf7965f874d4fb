// muttrc files: a port of mutt's mutt_extract_token for `set name = value` lines (in process) and,
// for the interop run, `mutt -n -F file -Q name` itself: both must see the same values. Also mutt's
// reading of the user in an smtp:// URL.
import { PASSWORD_FROM_ENV, agree, lines, run, tempFile, type Reader } from './tools.ts';

/** mutt's tokenizer: quotes, backslash escapes outside single quotes, $VAR outside single quotes. */
export function muttrcValues(src: string, env: Record<string, string> = {}): Map<string, string> {
  const vars = new Map<string, string>();
  for (const line of src.split('\n')) {
    const m = /^\s*set\s+(\w+)\s*=\s*/.exec(line);
    if (!m) continue;
    let value = '';
    let quote = '';
    const s = line.slice(m[0].length);
    for (let i = 0; i < s.length; i++) {
      const ch = s[i]!;
      if (!quote && (/\s/.test(ch) || ch === '#' || ch === ';')) break;
      if (ch === quote) quote = '';
      else if (!quote && (ch === "'" || ch === '"')) quote = ch;
      else if (ch === '\\' && quote !== "'") value += { n: '\n', r: '\r', t: '\t' }[s[++i]!] ?? s[i];
      else if (ch === '`' && quote !== "'") throw new Error('backquote command substitution in muttrc');
      else if (ch === '$' && quote !== "'" && /[A-Za-z_]/.test(s[i + 1] ?? '')) {
        const name = /^\w+/.exec(s.slice(i + 1))![0];
        value += env[name] ?? '';
        i += name.length;
      } else value += ch;
    }
    if (quote) throw new Error(`unclosed quote in muttrc line: ${line}`);
    vars.set(m[1]!, value);
  }
  return vars;
}

export const muttrcPort: Reader = async (sources) =>
  Promise.resolve(sources.map((src) => [...muttrcValues(src, { ICLOUD_APP_PASSWORD: PASSWORD_FROM_ENV }).values()]));

/** What `mutt -Q` prints for each named variable, unescaped. */
export function muttQuery(src: string, names: string[]): Map<string, string> {
  const out = run('mutt', ['-n', '-F', tempFile('muttrc', src), ...names.flatMap((n) => ['-Q', n])]);
  // Lines split on \n only: JavaScript's . and multiline $ would also stop at U+2028.
  return new Map(
    lines(out, /^(\w+)="([^]*)"$/).map((m) => [
      m[1]!,
      m[2]!.replace(/\\(.)/g, (_, c: string) => ({ n: '\n', r: '\r', t: '\t' })[c] ?? c),
    ]),
  );
}

export const muttrcWithProgram: Reader = async (sources) =>
  Promise.resolve(
    sources.map((src) => {
      const vars = muttrcValues(src, { ICLOUD_APP_PASSWORD: PASSWORD_FROM_ENV });
      // Plain string variables only: mutt rewrites addresses (from), expands paths (folder) and prints booleans bare.
      const names = [...vars.keys()].filter((n) => /^(my_\w+|smtp_url|smtp_pass|imap_user|imap_pass)$/.test(n));
      const real = muttQuery(src, names);
      // mutt -Q prints at most 255 bytes a line, so longer values are compared by the port alone.
      const short = names.filter((n) => Buffer.byteLength(`${n}="${vars.get(n)}"`) < 250);
      agree(
        'muttrc (mutt_extract_token port, mutt -Q)',
        short.map((n) => vars.get(n)!),
        short.map((n) => real.get(n) ?? '(missing)'),
        src,
      );
      return [...vars.values()];
    }),
  );

/** mutt's URL reading (url.c, ciss_parse_userhost): user is what comes before the last '@' of the
 *  authority, %-decoded as bytes; a '%' not followed by two hex digits is an error. */
export function muttUrlUser(url: string): string | null {
  const m = /^[a-z]+:\/\/([^/]*)/i.exec(url);
  if (!m) return null;
  const authority = m[1]!;
  const at = authority.lastIndexOf('@');
  if (at < 0) return null;
  let user = authority.slice(0, at);
  const colon = user.indexOf(':');
  if (colon >= 0) user = user.slice(0, colon);
  const bytes: number[] = [];
  for (let i = 0; i < user.length; i++) {
    if (user[i] === '%') {
      if (!/^[0-9a-fA-F]{2}$/.test(user.slice(i + 1, i + 3))) throw new Error(`bad %-escape in ${url}`);
      bytes.push(parseInt(user.slice(i + 1, i + 3), 16));
      i += 2;
    } else bytes.push(...new TextEncoder().encode(user[i]));
  }
  return new TextDecoder('utf-8', { fatal: true }).decode(new Uint8Array(bytes));
}
