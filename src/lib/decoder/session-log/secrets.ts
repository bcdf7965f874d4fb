/**
 * Secrets written inside one line, whatever program printed it: URL userinfo, app-specific
 * passwords, `Authorization:` headers, password and token fields (`key=value`, `KEY_PASSWORD=`,
 * JSON, JavaScript, PHP), SASL initial responses after AUTH or AUTHENTICATE, IMAP LOGIN arguments,
 * and passwords on command lines (curl `-u`/`--user`, swaks `--auth-password`, openssl `-pass`).
 * The line-by-line state of a login (continuation lines, literals) is mask.ts's; this is the
 * net under it, applied to every line the decoder may show.
 *
 * Linear time: every pattern is anchored on a literal or bounded, and each value is cut by a plain
 * scan that never goes back.
 */
import { APP_PASSWORD_SHAPE, appPasswordSource } from '../../text/app-password.ts';
import { HIDDEN } from './types.ts';

/** An app-specific password as Apple prints it (dashes), in any case, wherever it is. */
const APP_PASSWORD = new RegExp(appPasswordSource(APP_PASSWORD_SHAPE, { separators: 'as-written' }), 'gi');
/**
 * The same with spaces or mixed separators, as words of their own, with any 4-letter words before
 * it on the line ("pass abcd efgh ijkl mnop" hides all five, so no group of the password is left).
 */
const APP_PASSWORD_SPACED = new RegExp(
  `(^|[^a-z])(?:${appPasswordSource(APP_PASSWORD_SHAPE.split(/[-\s]/)[0] ?? '')}[-\\s])*${appPasswordSource(APP_PASSWORD_SHAPE)}(?![a-z])`,
  'gi',
);
/** The same run together (`abcdefghijklmnop`), as a word of its own. */
const APP_PASSWORD_WORD = new RegExp(
  `(^|[^a-z])${appPasswordSource(APP_PASSWORD_SHAPE.replace(/[-\s]/g, ''))}(?![a-z])`,
  'gi',
);
/** Words that say a line is about a password, so a spaced or run-together shape is one. */
const PASSWORD_CONTEXT = /pass|pwd|secret|credential/i;
/** `scheme://user:password@`: the password part. */
const URL_USERINFO = /(\b[a-z][a-z0-9+.-]{0,30}:\/\/[^\s:@/]{0,256}:)([^\s/]{0,256})@/gi;
/** An HTTP-style authorization header or field, with its scheme kept. */
const AUTHORIZATION =
  /\b(?:Proxy-)?Authorization["']?\s*[:=]\s*["']?(?:(?:Basic|Bearer|Digest|NTLM|Negotiate|OAuth|XOAUTH2)\s+)?/gi;
/** A field whose value is a secret: `pass=`, `SMTP_PASSWORD=`, `"password": `, `pass: `, `Password = `, `secret =>`. */
const FIELD = /(?:pass(?:word|wd)?|pwd|secret|token)["'`]?\s*(?:=>|[:=])\s*/gi;
/** A password option on a command line; the value follows. */
const OPTION =
  /(?:^|\s)(?:--auth-password|--password|--passwd|--pass|-ap|-pass|-Password)(?:=|\s+)(?:pass:)?|^\s*password\s+(?=\S)/gi;
/** curl's `-u user:password`, `-uuser:password`, `--user user:password`; the value follows the colon. */
const CURL_USER = /(?:^|\s)(?:--user(?:=|\s+)|-u\s*)["']?[^\s:"']{0,256}:/g;
/** A SASL initial response after the mechanism; mechanism names alone (a capability list) are kept. */
const SASL_INLINE = /\b(?:AUTH|auth)(?:ENTICATE|enticate)?\s+[A-Za-z0-9_-]{1,40}\s+(?![A-Z0-9_-]{1,40}(?:\s|$))/g;
/** An IMAP LOGIN command (a tag with a digit, LOGIN): everything after it is the username and password. */
const IMAP_LOGIN = /(?:^|[^\w.-])(?=[A-Za-z._-]{0,19}\d)[A-Za-z0-9._-]{1,20}\s+LOGIN\s+(?=\S)/gi;
/** Cheap tests that let most lines skip the patterns above. */
const MAYBE = /pass|pwd|secret|token|auth|login|:\/\/|-u/i;

const QUOTES = new Set(['"', "'", '`']);
/** After an `&`, the next parameter of a query string (`&user=`), where a `pass=` value ends. */
const NEXT_PARAM = /^[\w.-]{1,40}=/;

/**
 * Where the value starting at `i` ends: a quoted string to its closing quote, else the next space or
 * `stop`. `open` is a quote already read before `i` (curl's `--user "me:pass word"`).
 */
function valueEnd(s: string, i: number, stop: string, open = ''): number {
  if (open) {
    const j = s.indexOf(open, i);
    return j < 0 ? s.length : j;
  }
  const q = s.charAt(i);
  if (QUOTES.has(q)) {
    let j = i + 1;
    while (j < s.length && s.charAt(j) !== q) j += s.charAt(j) === '\\' ? 2 : 1;
    return Math.min(j + 1, s.length);
  }
  let j = i;
  for (; j < s.length; j++) {
    const c = s.charAt(j);
    if (/\s/.test(c) || (stop.includes(c) && (c !== '&' || (j > i && NEXT_PARAM.test(s.slice(j + 1, j + 42)))))) break;
  }
  return j;
}

/** Replaces the value after every match of `re` (global) with HIDDEN, keeping its quotes. */
function maskAfter(s: string, re: RegExp, stop = '', toEnd = false): string {
  let out = '';
  let from = 0;
  re.lastIndex = 0;
  for (let m = re.exec(s); m; m = re.exec(s)) {
    const start = m.index + m[0].length;
    if (start < from) continue;
    const open = /^\s*(?:--user|-u)/.test(m[0]) ? (/["']/.exec(m[0])?.[0] ?? '') : '';
    const end = toEnd ? s.length : valueEnd(s, start, stop, open);
    if (end > start && s.slice(start, end) !== HIDDEN) {
      const q = s.charAt(start);
      const quoted = QUOTES.has(q) && end - start >= 2 && s.charAt(end - 1) === q;
      out += s.slice(from, start) + (quoted ? q + HIDDEN + q : HIDDEN);
      from = end;
    }
    re.lastIndex = Math.max(end, re.lastIndex);
  }
  return out + s.slice(from);
}

/**
 * Keeps the character matched before a shape and hides the rest. The patterns match that character
 * instead of looking behind, which Safari before 16.4 cannot parse (test/dist/bundle.test.ts).
 */
const keepBefore = (_m: string, before: string) => before + HIDDEN;

/** Every secret written inside the line, replaced by [hidden]. */
export function maskInline(line: string): string {
  let s = line;
  if (s.length >= 16) {
    // With dashes it is one wherever it is; with spaces or run together, only on a line about a
    // password ("this will make sure" is not one).
    s = s.replace(APP_PASSWORD, HIDDEN);
    if (PASSWORD_CONTEXT.test(line))
      s = s.replace(APP_PASSWORD_SPACED, keepBefore).replace(APP_PASSWORD_WORD, keepBefore);
  }
  if (!MAYBE.test(s)) return s;
  if (s.includes('://')) s = s.replace(URL_USERINFO, (_m, a: string) => `${a}${HIDDEN}@`);
  s = maskAfter(s, AUTHORIZATION, '', true);
  s = maskAfter(s, FIELD, '&');
  s = maskAfter(s, OPTION);
  s = maskAfter(s, CURL_USER, '"\'');
  s = maskAfter(s, SASL_INLINE);
  s = maskAfter(s, IMAP_LOGIN, '', true);
  return s;
}
