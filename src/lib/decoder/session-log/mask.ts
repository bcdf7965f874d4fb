/** Masking the secrets of a session log, line by line, before anything of it is shown. */
import { IMAP_TAGGED, type Line, SMTP_REPLY, classify, looksServer, unquotePython } from './lines.ts';
import { maskInline } from './secrets.ts';
import { HIDDEN } from './types.ts';
// ---------------------------------------------------------------------------------------------
// Masking

/** A server's reply during a login: a status code, an IMAP continuation or a tagged or untagged status. */
export const AUTH_REPLY =
  /^(?:[2-5]\d\d(?:[ -]|$)|\+(?: |$)|\* (?:OK|NO|BAD|BYE|CAPABILITY)\b|[A-Za-z0-9._-]{1,20} (?:OK|NO|BAD)\b)/;
export const SMTP_AUTH = /^(\s*AUTH\s+[A-Za-z0-9_-]+)(\s*)(.*)$/i;
export const IMAP_AUTH = /^(\s*[A-Za-z0-9._-]{1,20}\s+)(LOGIN|AUTHENTICATE)(?=\s|$)(.*)$/i;
export const PLAUSIBLE_TAG = /^\s*(?:\S|[^\s\d]{0,19}\d\S*)\s+$/;
export const IMAP_AUTH_MECH = /^(\s+\S+)(.*)$/;
export const BASE64_LINE = /^\s*[A-Za-z0-9+/]{4,}={0,2}\s*$/;
export const VERBS = new Set([
  'QUIT', 'DATA', 'RSET', 'NOOP', 'HELP', 'EHLO', 'HELO', 'TURN', 'VRFY', 'EXPN', 'DONE', 'STARTTLS',
  'LOGOUT', 'CAPABILITY', 'IDLE', 'CLOSE', 'CHECK', 'CLOSED', 'RENEGOTIATING',
]); // prettier-ignore
export interface MaskState {
  /** Inside an SMTP AUTH exchange: client lines are secrets until a reply other than 334. */
  smtpAuth: boolean;
  /** Inside an IMAP LOGIN/AUTHENTICATE: client lines are secrets until a tagged reply. */
  imapAuth: boolean;
  /** Inside DATA (after 354, until a lone "."). */
  data: boolean;
}

/** Masks one line's body, updating the state. */
export function maskBody(line: Line, st: MaskState): string {
  const body = line.tool === 'python' ? unquotePython(line.body) : line.body;
  // During a login, whatever is not plainly a server reply is treated as a secret, whatever its
  // prefix: a password typed into openssl can start with "< " or "* " like another tool's marker.
  if ((st.smtpAuth || st.imapAuth) && line.dir !== 'client' && !AUTH_REPLY.test(body))
    return body.trim() ? HIDDEN : body;
  const fromServer = line.dir === 'server' || (line.dir === 'unknown' && looksServer(body));
  if (line.dir === 'info') return line.body;
  if (fromServer) {
    const code = SMTP_REPLY.exec(body)?.[1];
    if (st.smtpAuth && code && code !== '334') st.smtpAuth = false;
    if (st.imapAuth && IMAP_TAGGED.test(body)) st.imapAuth = false;
    if (code === '354') st.data = true;
    return line.body;
  }
  // A client line, or an unprefixed line that is not a server reply (openssl s_client echoes).
  const auth = SMTP_AUTH.exec(body);
  if (auth) {
    st.smtpAuth = true;
    return auth[3] ? `${auth[1] ?? ''}${auth[2] ?? ''}${HIDDEN}` : line.body;
  }
  const imap = IMAP_AUTH.exec(body);
  // Without a direction marker, "My login fails:" is prose, not a command: a tag there is one
  // character (`. login`, `a login`) or holds a digit (`a1`, `A-1`, `KLJH1`).
  if (imap && (line.dir === 'client' || PLAUSIBLE_TAG.test(imap[1] ?? ''))) {
    st.imapAuth = true;
    const rest = imap[3] ?? '';
    if (imap[2]?.toUpperCase() === 'LOGIN') return `${imap[1] ?? ''}${imap[2]}${rest.trim() ? ` ${HIDDEN}` : ''}`;
    const mech = IMAP_AUTH_MECH.exec(rest);
    return `${imap[1] ?? ''}${imap[2]}${mech ? (mech[1] ?? '') + (mech[2]?.trim() ? ` ${HIDDEN}` : '') : rest}`;
  }
  if (st.smtpAuth || st.imapAuth) return body.trim() ? HIDDEN : line.body;
  if (BASE64_LINE.test(body) && !VERBS.has(body.trim().toUpperCase())) return HIDDEN;
  return line.body;
}

export function splitLines(text: string): string[] {
  return text.split(/\r\n|\r|\n/);
}

export function maskLines(text: string): { lines: Line[]; masked: string[] } {
  const raw = splitLines(text);
  const st: MaskState = { smtpAuth: false, imapAuth: false, data: false };
  const lines: Line[] = [];
  const masked: string[] = [];
  for (const r of raw) {
    const line = classify(r);
    lines.push(line);
    masked.push(maskInline(line.prefix + maskBody(line, st)));
  }
  return { lines, masked };
}

/**
 * The text with its secrets replaced by [hidden]: the base64 after AUTH PLAIN (on the same line or
 * the client's next line), every client line answering a 334 prompt after AUTH, IMAP LOGIN arguments
 * and AUTHENTICATE continuations, lone base64 lines sent by the client, passwords on pasted command
 * lines, and anything shaped like an app-specific password (xxxx-xxxx-xxxx-xxxx).
 * Line endings are kept as '\n'.
 */
export function maskSecrets(text: string): string {
  return maskLines(text).masked.join('\n');
}
