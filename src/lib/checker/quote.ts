/**
 * Quoting for snippets: each function turns any string into a literal (or value) that the target
 * parser reads back as exactly that string. Unicode is written as is where the format allows it.
 * When a format has no safe way to hold the text, the function throws a QuoteError with a message a
 * person can read; buildInstructions() then falls back to the placeholder address and says why.
 *
 * Every format refuses a lone UTF-16 surrogate (it is not text and cannot be written as UTF-8).
 *
 * Dialects, where a name covers several:
 * - shell: POSIX sh/bash single quotes.
 * - python, javascript, go, csharp, java: the language's ordinary string literal.
 * - php, ruby: PHP single-quoted string; Ruby double-quoted string (interpolation escaped).
 * - yaml: YAML double-quoted scalar, read the same by YAML 1.1 (PyYAML, Home Assistant) and 1.2.
 * - compose: the same scalar in a Compose file, with every '$' written '$$': Compose interpolates
 *   ${VAR} and $VAR in values, and $$ is its escape for a literal '$'.
 * - dotenv: the subset read identically by Node's dotenv and PHP's vlucas/phpdotenv 5 (Laravel).
 * - properties: a java.util.Properties value (after `key=`), ASCII only, so any file encoding reads it.
 * - gitconfig: a double-quoted value in git's config files (`git config -f`).
 * - msmtp: an argument in msmtp's configuration file (1.8): outer double quotes are removed and
 *   nothing inside is unescaped; the same quoting serves `from`, which expands %U %H %C %M.
 * - muttrc: a single-quoted string in mutt's or NeoMutt's configuration file.
 * - ini: a backquoted value in go-ini files (Gitea and Forgejo's app.ini, grafana.ini). go-ini takes
 *   everything between the first and the last backquote of the line as is, so ';' and '#' do not start
 *   a comment there. Refused: line breaks and controls; '%(' (go-ini's %(key)s references); '$' followed
 *   by '{' or '__' (Grafana expands ${VAR} and $__env{VAR} in its values).
 * - elixir: an Elixir double-quoted string (interpolation escaped as \#{).
 * - rust: a Rust string literal (escapes \u{…}).
 * - powershell: a PowerShell single-quoted (verbatim) string; each character PowerShell
 *   accepts as a single quote (' ‘ ’ ‚ ‛) is doubled.
 * - url: percent-encoded for a URL's userinfo, path segment or query value: every byte outside
 *   RFC 3986's unreserved set (A-Z a-z 0-9 - . _ ~) is %XX, so '@' is %40 (Symfony MAILER_DSN,
 *   Apprise, lettre, s-nail mta=). The |url filter uses the same encoding.
 * Postfix's sasl_passwd is written through a shell snippet; `userForPair` guards its `user:password`.
 */
import type { SnippetLanguage } from '../../schemas/client.ts';

/** The text cannot be written safely in the requested format. */
export class QuoteError extends Error {
  override name = 'QuoteError';
}

/** Whether `s` holds half of a surrogate pair on its own. (A loop, not a lookbehind regex: older Safari cannot parse those.) */
function hasLoneSurrogate(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff) {
      const next = s.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) i++;
      else return true;
    } else if (c >= 0xdc00 && c <= 0xdfff) return true;
  }
  return false;
}
/** Characters written as escapes rather than raw: controls, line and paragraph separators, BOM, non-characters. */
const INVISIBLE = '\\0-\\x1f\\x7f-\\x9f\\u2028\\u2029\\ufeff\\ufffe\\uffff';
const NAMED: Record<string, string> = { '\n': 'n', '\r': 'r', '\t': 't', '\b': 'b', '\f': 'f' };

const hex = (c: number, width: number) => c.toString(16).toUpperCase().padStart(width, '0');

function refuse(format: string, what: string): never {
  throw new QuoteError(`${format} cannot hold ${what}.`);
}

function refuseIf(s: string, re: RegExp, format: string, what: string): string {
  if (re.test(s)) refuse(format, what);
  return s;
}

/**
 * Backslash escaping: each character of `special` gets a backslash; \n \r \t (and \b \f where
 * `named` lists them) get their letter; other invisible characters get `num(codePoint)`.
 */
function escaper(special: string, named: string, num: (c: number) => string) {
  const re = new RegExp(`[\\\\${special}${INVISIBLE}]`, 'g');
  return (s: string) =>
    s.replace(re, (ch) => {
      const c = ch.charCodeAt(0);
      if (ch === '\\' || special.includes(ch)) return '\\' + ch;
      return named.includes(ch) && NAMED[ch] ? '\\' + NAMED[ch] : num(c);
    });
}

const xu = (c: number) => (c < 0x100 ? '\\x' + hex(c, 2) : '\\u' + hex(c, 4));
const xu7 = (c: number) => (c < 0x80 ? '\\x' + hex(c, 2) : '\\u' + hex(c, 4));

/** C0 controls and DEL, which the line-based config formats refuse. */

const CONTROL = /[\0-\x1f\x7f]/;

const sh = (s: string) => refuseIf(s, /\0/, 'A shell word', 'a NUL character').replace(/'/g, "'\\''");
const cLike = escaper("'", '\n\r\t', xu);
const rubyEsc = escaper('"', '\n\r\t', xu7);
const propsEsc = escaper('', '\n\r\t\f', (c) => '\\u' + hex(c, 4));
const gitEsc = escaper('"', '\n\t\b', () =>
  refuse('A git config value', 'control or invisible characters other than tab, newline and backspace'),
);

/** [quote character, body] for each language; quote() writes quote + body + quote. */
const FORMATS: Record<SnippetLanguage, [string, (s: string) => string]> = {
  shell: ["'", sh],
  python: ["'", cLike],
  javascript: ["'", cLike],
  php: ["'", (s) => s.replace(/[\\']/g, '\\$&')],
  ruby: ['"', (s) => rubyEsc(s).replace(/#(?=[{$@])/g, '\\#')],
  go: ['"', escaper('"', '\n\r\t', xu7)],
  csharp: ['"', escaper('"', '\n\r\t', (c) => '\\u' + hex(c, 4))],
  // Octal below 0x100: Java turns \u escapes into raw characters before it reads the literal.
  java: [
    '"',
    escaper('"', '\n\r\t\b\f', (c) => (c < 0x100 ? '\\' + c.toString(8).padStart(3, '0') : '\\u' + hex(c, 4))),
  ],
  yaml: ['"', escaper('"', '\n\r\t', xu)],
  compose: ['"', (s) => escaper('"', '\n\r\t', xu)(s).replace(/\$/g, '$$$$')],
  dotenv: ['', dotenvValue],
  properties: [
    '',
    (s) =>
      propsEsc(s)
        .replace(/[^\0-\x7f]/g, (ch) => '\\u' + hex(ch.charCodeAt(0), 4))
        .replace(/^ /, '\\ '),
  ],
  gitconfig: ['"', gitEsc],
  msmtp: ['"', msmtpArg],
  muttrc: ["'", (s) => refuseIf(s, /[\0\n\r]/, 'A muttrc line', 'a line break or NUL').replace(/'/g, "'\\''")],
  ini: ['`', iniValue],
  elixir: ['"', (s) => escaper('"', '\n\r\t', (c) => `\\u{${hex(c, 4)}}`)(s).replace(/#\{/g, '\\#{')],
  rust: ['"', escaper('"', '\n\r\t', (c) => `\\u{${hex(c, 4)}}`)],
  powershell: [
    "'",
    (s) => refuseIf(s, /\0/, 'A PowerShell string', 'a NUL character').replace(/['\u2018\u2019\u201a\u201b]/g, '$&$&'),
  ],
  url: ['', urlComponent],
};

function iniValue(s: string): string {
  refuseIf(s, CONTROL, 'An INI value', 'control characters or line breaks');
  refuseIf(s, /%\(/, 'An INI value', "'%(' (go-ini reads %(name)s as a reference to another key)");
  return refuseIf(s, /\$(\{|__)/, 'An INI value', "'${' or '$__' (Grafana expands them as variables)");
}

/** Percent-encoding of the UTF-8 bytes of every character outside RFC 3986's unreserved set. */
function urlComponent(s: string): string {
  return encodeURIComponent(s).replace(/[!'()*]/g, (c) => '%' + hex(c.charCodeAt(0), 2));
}

function dotenvValue(s: string): string {
  refuseIf(s, CONTROL, 'A .env value', 'control characters or line breaks');
  if (!s.includes("'")) return `'${s}'`;
  // Double quotes differ between the two readers for \, $ and backquote; without them both read it as is.
  return `"${refuseIf(s, /["\\$`]/, 'A .env value', 'both \' and one of " \\ $ `')}"`;
}

function msmtpArg(s: string): string {
  if (!s) refuse('An msmtp configuration line', 'an empty value (msmtp reads it as unset)');
  refuseIf(s, CONTROL, 'An msmtp configuration line', 'control characters or line breaks');
  // msmtp expands %U %H %C %M in `from`, and %F since 1.8.29; a later version may add more, so any
  // ASCII letter after % is refused rather than only the letters known today.
  refuseIf(
    s,
    /%[A-Za-z]/,
    'An msmtp configuration line',
    'a % followed by a letter, such as %U or %F (msmtp expands these patterns in from and has no escape)',
  );
  if (new TextEncoder().encode(s).length > 400) refuse('An msmtp configuration line', 'more than 400 bytes');
  return s;
}

function checked(s: string): string {
  if (hasLoneSurrogate(s)) refuse('Text', 'a lone UTF-16 surrogate (half of a character)');
  return s;
}

/** A complete literal (quotes included) that `language` reads back as `s`. */
export function quote(language: SnippetLanguage, s: string): string {
  const [mark, body] = FORMATS[language];
  return mark + body(checked(s)) + mark;
}

/** `s` escaped for the inside of a literal the template has already opened with the quote `quote()` uses. */
export function quoteInner(language: SnippetLanguage, s: string): string {
  // Text of letters, digits and - . _ ~ % (a percent-encoded URL part) reads the same in any .env quote.
  if (language === 'dotenv' && !/^[A-Za-z0-9%._~-]*$/.test(s))
    refuse('A .env value', 'text inside a quote the template opened (its quote depends on the text)');
  if (language === 'dotenv') return s;
  return FORMATS[language][1](checked(s));
}

/** The user part of a URL, percent-encoded (RFC 3986 unreserved characters only) so mutt, Symfony,
 *  Apprise, lettre and s-nail (which split at '@' and ':' and decode) read `s` back. */
export function urlUserinfo(s: string): string {
  return urlComponent(checked(s));
}

/** The user of a `user:password` pair (curl --user, Postfix sasl_passwd): no ':' and no outer whitespace. */
export function userForPair(s: string): string {
  return refuseIf(s, /[:\r\n]|^\s|\s$/, 'A user:password pair', "a ':', a line break or whitespace at either end");
}

export const shellQuote = (s: string) => quote('shell', s);
export const pythonQuote = (s: string) => quote('python', s);
export const jsQuote = (s: string) => quote('javascript', s);
export const phpQuote = (s: string) => quote('php', s);
export const rubyQuote = (s: string) => quote('ruby', s);
export const goQuote = (s: string) => quote('go', s);
export const csharpQuote = (s: string) => quote('csharp', s);
export const javaQuote = (s: string) => quote('java', s);
export const yamlQuote = (s: string) => quote('yaml', s);
export const dotenvQuote = (s: string) => quote('dotenv', s);
export const propertiesValue = (s: string) => quote('properties', s);
export const gitconfigQuote = (s: string) => quote('gitconfig', s);
export const msmtpQuote = (s: string) => quote('msmtp', s);
export const muttrcQuote = (s: string) => quote('muttrc', s);
export const iniQuote = (s: string) => quote('ini', s);
export const elixirQuote = (s: string) => quote('elixir', s);
export const rustQuote = (s: string) => quote('rust', s);
export const powershellQuote = (s: string) => quote('powershell', s);
export const urlQuote = (s: string) => quote('url', s);
