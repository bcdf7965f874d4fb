/**
 * The lines of a pasted log and their direction: what the client sent, what the server answered, and
 * the tool's own remarks, from the markers of swaks, openssl, curl, msmtp, C:/S: transcripts and
 * Python's smtplib. Every pattern is anchored, so a long hostile line is read in linear time.
 */
import type { Tool } from './types.ts';
// ---------------------------------------------------------------------------------------------
// Lines and their direction

export type Dir = 'client' | 'server' | 'info' | 'unknown';

export interface Line {
  /** Everything before the body (the tool's direction marker), kept as printed. */
  prefix: string;
  body: string;
  dir: Dir;
  tool: Tool;
  /** swaks marks lines sent or received inside TLS with '~'. */
  tls: boolean;
}

export const SWAKS = /^(?: -> | ~> |\*\*> |\*~> | {2}> |<- {2}|<~ {2}|<\*\* |<~\* |< {3}|=== |\*\*\* )/;
export const MSMTP = /^(?:--> |<-- )/;
export const CURL = /^(?:> |< |\* |\{ \[|\} \[)/;
export const IMAP_UNTAGGED_RESPONSE =
  /^(?:OK|NO|BAD|BYE|PREAUTH|CAPABILITY|FLAGS|LIST|LSUB|STATUS|SEARCH|ENABLED|ID|NAMESPACE|\d+ (?:EXISTS|RECENT|EXPUNGE|FETCH))\b/;
export const TRANSCRIPT = /^(?:C|S|Client|Server): ?/;
export const PYTHON = /^(?:send|reply): /;

/** First characters of every direction marker: any other line is unprefixed. */
export const MARKER_START = new Set([' ', '*', '<', '=', '-', '>', '{', '}', 'C', 'S', 's', 'r']);

export function classify(raw: string): Line {
  if (!MARKER_START.has(raw.charAt(0))) return { prefix: '', body: raw, dir: 'unknown', tool: 'unknown', tls: false };
  let m = SWAKS.exec(raw);
  if (m) {
    const p = m[0];
    const dir: Dir = p.includes('>') ? 'client' : p.startsWith('<') ? 'server' : 'info';
    return { prefix: p, body: raw.slice(p.length), dir, tool: 'swaks', tls: p.includes('~') };
  }
  m = MSMTP.exec(raw);
  if (m) {
    const p = m[0];
    return { prefix: p, body: raw.slice(4), dir: p === '--> ' ? 'client' : 'server', tool: 'msmtp', tls: false };
  }
  m = CURL.exec(raw);
  // An untagged IMAP response ("* OK", "* 3 EXISTS") starts like a curl info line.
  if (m && !(m[0] === '* ' && IMAP_UNTAGGED_RESPONSE.test(raw.slice(2)))) {
    const p = m[0];
    const dir: Dir = p === '> ' ? 'client' : p === '< ' ? 'server' : 'info';
    return { prefix: p, body: raw.slice(p.length), dir, tool: 'curl', tls: false };
  }
  m = TRANSCRIPT.exec(raw);
  if (m) {
    const p = m[0];
    return {
      prefix: p,
      body: raw.slice(p.length),
      dir: p.startsWith('C') ? 'client' : 'server',
      tool: 'transcript',
      tls: false,
    };
  }
  m = PYTHON.exec(raw);
  if (m) {
    const p = m[0];
    return {
      prefix: p,
      body: raw.slice(p.length),
      dir: p === 'send: ' ? 'client' : 'server',
      tool: 'python',
      tls: false,
    };
  }
  return { prefix: '', body: raw, dir: 'unknown', tool: 'unknown', tls: false };
}

// Python prints `send: 'AUTH PLAIN ...\r\n'` and `reply: b'235 ...'`: look inside the quotes.
export function unquotePython(body: string): string {
  const m = /^b?'([^']*)/.exec(body);
  return m ? (m[1] ?? '').replace(/\\r\\n$/, '') : body.replace(/^retcode \(\d+\); Msg: b?'?/, '');
}

export const SMTP_REPLY = /^([2-5]\d\d)(?:[ -]|$)/;
export const IMAP_UNTAGGED = /^\* /;
export const IMAP_CONT = /^\+(?: |$)/;
export const IMAP_TAGGED = /^([A-Za-z0-9._-]{1,20}) (OK|NO|BAD)(?: |$)/;

/** Does an unprefixed line look like something a server sends? */
export function looksServer(body: string): boolean {
  return SMTP_REPLY.test(body) || IMAP_UNTAGGED.test(body) || IMAP_CONT.test(body) || IMAP_TAGGED.test(body);
}
