/**
 * The lines of a pasted log and their direction: what the client sent, what the server answered, and
 * the tool's own remarks, from the markers of swaks, openssl, curl, msmtp, C:/S: transcripts (our
 * PowerShell test, MailKit's ProtocolLogger and many libraries), PHPMailer's SMTPDebug, Nodemailer's
 * logger, Thunderbird's SMTP and IMAP logging, and Python's smtplib and imaplib debug output. Every pattern is anchored, so a long
 * hostile line is read in linear time.
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
/** smtplib's `send: '…'` and `reply: b'…'`; at debuglevel 2 after the time (`00:33:49.336584 send: `). */
export const PYTHON = /^(?:\d\d:\d\d:\d\d(?:\.\d{1,6})? )?(?:send|reply): /;
/** imaplib's `_mesg`: two spaces, minutes and seconds, then `> ` (sent) or `< ` (read) or a remark. */
export const IMAPLIB = /^ {2}\d\d:\d\d\.\d\d (?:[<>] )?/;
/**
 * PHPMailer's edebug: `SERVER -> CLIENT: ` and `CLIENT -> SERVER: `, after the time and a tab
 * (Debugoutput 'echo'), the time and a space ('html' since 6.x) or nothing (older 'html'); the other
 * lines of a multi-line reply are indented with 19 spaces, a tab and 18 spaces.
 */
export const PHPMAILER =
  /^(?:\d{4}-\d\d-\d\d \d\d:\d\d:\d\d[\t ])?(?:SERVER -> CLIENT|CLIENT -> SERVER): ?|^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d\t|^ {19}\t {18}/;
/** Nodemailer's default logger: `[2026-12-08 00:33:00] DEBUG [#1] [sid] C: ` (the ids and C:/S: optional). */
export const NODEMAILER =
  /^\[\d{4}-\d\d-\d\d \d\d:\d\d:\d\d\] (?:TRACE|DEBUG|INFO |WARN |ERROR|FATAL) (?:\[#[^\]\s]{1,40}\] )?(?:\[[^\]\s]{1,40}\] )?(?:[CS]: )?/;

/**
 * Thunderbird's MOZ_LOG (`2024-02-08 12:38:01.503779 UTC - [Parent 223737: IMAP]: I/IMAP `) or the
 * older NSPR log (`1344[3f74b68]: `), then nsImapProtocol's `<id>:<host>:<state>:SendData: ` and
 * `…:CreateNewLineFromSocket: `, or nsSmtpProtocol's `SMTP Send: ` and `SMTP Response: `.
 */
export const THUNDERBIRD_LOG =
  /^(?:\d{4}-\d\d-\d\d \d\d:\d\d:\d\d\.\d{1,9} UTC - \[[^\]]{1,100}\]: [A-Z]\/(?:IMAP|SMTP) |\d{1,20}\[[0-9a-fA-F]{1,16}\]: )/;
export const THUNDERBIRD_LINE =
  /^(?:[0-9a-fA-Fx]{1,18}:[^\s:]{1,255}:[^:]{0,255}:(SendData|CreateNewLineFromSocket): |SMTP (Send|Response): )/;

/** First characters of every direction marker: any other line is unprefixed. */
export const MARKER_START = new Set([
  ' ', '*', '<', '=', '-', '>', '{', '}', 'C', 'S', 's', 'r', '[', '0', '1', '2', '3', '4', '5', '6', '7', '8', '9',
]); // prettier-ignore

function line(prefix: string, raw: string, dir: Dir, tool: Tool): Line {
  return { prefix, body: raw.slice(prefix.length), dir, tool, tls: false };
}

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
  if (m) return line(m[0], raw, m[0].endsWith('send: ') ? 'client' : 'server', 'python');
  m = IMAPLIB.exec(raw);
  if (m) {
    const p = m[0];
    return line(p, raw, p.endsWith('> ') ? 'client' : p.endsWith('< ') ? 'server' : 'info', 'python');
  }
  m = PHPMAILER.exec(raw);
  if (m) {
    const p = m[0];
    return line(
      p,
      raw,
      p.includes('CLIENT -> ')
        ? 'client'
        : p.includes('SERVER -> ')
          ? 'server'
          : p.startsWith(' ')
            ? 'unknown'
            : 'info',
      'phpmailer',
    );
  }
  m = THUNDERBIRD_LOG.exec(raw);
  if (m) {
    const rest = THUNDERBIRD_LINE.exec(raw.slice(m[0].length));
    const what = rest ? (rest[1] ?? rest[2]) : '';
    const dir: Dir = what === 'SendData' || what === 'Send' ? 'client' : what ? 'server' : 'info';
    return line(m[0] + (rest?.[0] ?? ''), raw, dir, 'thunderbird');
  }
  m = NODEMAILER.exec(raw);
  if (m) {
    const p = m[0];
    return line(p, raw, p.endsWith('C: ') ? 'client' : p.endsWith('S: ') ? 'server' : 'info', 'nodemailer');
  }
  return { prefix: '', body: raw, dir: 'unknown', tool: 'unknown', tls: false };
}

// Python prints `send: 'AUTH PLAIN ...\r\n'`, `reply: b'235 ...'` and `> b'A1 LOGIN ...'` (repr,
// in double quotes when the text holds a single one): look inside the quotes.
export function unquotePython(body: string): string {
  const m = /^b?(['"])/.exec(body);
  if (!m) return body.replace(/^retcode \(\d+\); Msg: b?'?/, '');
  const q = m[1] ?? "'";
  const inner = body.slice(m[0].length);
  return (inner.endsWith(q) ? inner.slice(0, -1) : inner).replace(/\\r\\n$/, '');
}

export const SMTP_REPLY = /^([2-5]\d\d)(?:[ -]|$)/;
export const IMAP_UNTAGGED = /^\* /;
export const IMAP_CONT = /^\+(?: |$)/;
export const IMAP_TAGGED = /^([A-Za-z0-9._-]{1,20}) (OK|NO|BAD)(?: |$)/;

/** Does an unprefixed line look like something a server sends? */
export function looksServer(body: string): boolean {
  return SMTP_REPLY.test(body) || IMAP_UNTAGGED.test(body) || IMAP_CONT.test(body) || IMAP_TAGGED.test(body);
}

/** Whether the last line with text is a server line that says more lines follow (`250-…`). */
export function endsInsideReply(lines: Line[]): boolean {
  for (let i = lines.length - 1; i >= 0; i--) {
    const line = lines[i]!;
    const t = (line.tool === 'python' ? unquotePython(line.body) : line.body).trim();
    if (!t) continue;
    const server = line.dir === 'server' || (line.dir === 'unknown' && looksServer(t));
    const code = /^(\d{3})-/.exec(t)?.[1];
    return server && code !== undefined && !t.includes(`${code} `, 4);
  }
  return false;
}
