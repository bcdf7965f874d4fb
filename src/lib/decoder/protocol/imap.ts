/**
 * IMAP failures anywhere in a text: tagged and untagged NO, BAD and BYE responses (RFC 9051) with
 * their response codes (RFC 5530: AUTHENTICATIONFAILED, UNAVAILABLE, NONEXISTENT, OVERQUOTA, …), as
 * servers send them (`A1 NO [AUTHENTICATIONFAILED] …`) and as libraries wrap them: Python imaplib's
 * `b'[AUTHENTICATIONFAILED] …'`, ImapFlow's `serverResponseCode: 'UNAVAILABLE'`, node-imap's
 * `textCode: 'AUTHENTICATIONFAILED'`, MailKit's "replied to the 'LOGIN' command with a 'NO'
 * response", Ruby's Net::IMAP::NoResponseError and its BAD and BYE siblings.
 */
import type { ImapReply } from './types.ts';

/** Response codes of RFC 5530 and RFC 9051 that say why a command failed. */
export const IMAP_CODES = new Set([
  'ALERT',
  'ALREADYEXISTS',
  'AUTHENTICATIONFAILED',
  'AUTHORIZATIONFAILED',
  'BADCHARSET',
  'CANNOT',
  'CLIENTBUG',
  'CONTACTADMIN',
  'CORRUPTION',
  'EXPIRED',
  'EXPUNGEISSUED',
  'INUSE',
  'LIMIT',
  'NONEXISTENT',
  'NOPERM',
  'OVERQUOTA',
  'PARSE',
  'PRIVACYREQUIRED',
  'SERVERBUG',
  'TRYCREATE',
  'UNAVAILABLE',
]);

// A tag (an asterisk, or letters with a digit such as A1, a001, 28, xm003), then the status; a
// program may quote the reply in brackets ("Unknown error. (TAG6 BAD …)").
const TAGGED =
  /(?:^|[\s'"(])(\*|[A-Za-z]{0,8}\d[A-Za-z0-9.]{0,10}) (NO|BAD|BYE)\b ?(?:\[([A-Z][A-Z-]{1,30})\b[^\]]{0,80}\] ?)?/g;
// A status then the command it answers, with the tag left off (Zimbra and GroupWise write the command:
// "NO APPEND The storage limit has been exceeded", "NO LOGIN failed").
const COMMAND =
  /(?:^|[\s'"(])(NO|BAD) (APPEND|AUTHENTICATE|COPY|CREATE|DELETE|EXAMINE|FETCH|IDLE|LIST|LOGIN|MOVE|RENAME|SEARCH|SELECT|STATUS|STORE|UID)\b/g;
// A bracketed response code on its own (imaplib's bytes, a log line).
const BRACKET = /\[([A-Z][A-Z-]{1,30})\]/g;
// Library fields and messages.
const FIELD = /(?:textCode|serverResponseCode|responseCode)['"]?: ?['"]([A-Z][A-Z-]{1,30})['"]/g;
const MAILKIT = /(?:the ['"]([A-Z]{1,20})['"] command )?with an? ['"](NO|BAD)['"] response/g;

// Ruby's Net::IMAP raises one error class per status; the server's words come before it.
const RUBY = [
  ['NO', 'Net::IMAP::NoResponseError'],
  ['BAD', 'Net::IMAP::BadResponseError'],
  ['BYE', 'Net::IMAP::ByeResponseError'],
] as const;

const rest = (line: string, from: number) =>
  line
    .slice(from, from + 160)
    .replace(/^[\s:'"]+/, '')
    .replace(/(?:['"]\)*,?)?\s*$/, '');

/** The IMAP failures in these lines, in order. */
export function findImapReplies(lines: string[]): ImapReply[] {
  const out: ImapReply[] = [];
  for (const line of lines) {
    let tagged = false;
    for (const m of line.matchAll(TAGGED)) {
      const code = m[3] && IMAP_CODES.has(m[3]) ? m[3] : null;
      out.push({ status: m[2] as ImapReply['status'], code, text: rest(line, m.index + m[0].length) });
      tagged = true;
    }
    for (const m of line.matchAll(MAILKIT)) {
      const r: ImapReply = { status: m[2] as ImapReply['status'], code: null, text: rest(line, m.index + m[0].length) };
      if (m[1]) r.command = m[1];
      out.push(r);
      tagged = true;
    }
    if (!tagged) {
      for (const m of line.matchAll(COMMAND)) {
        const text = rest(line, m.index + m[0].length);
        out.push({ status: m[1] as ImapReply['status'], code: null, text, command: m[2]! });
        tagged = true;
      }
    }
    if (tagged) continue;
    for (const re of [BRACKET, FIELD]) {
      for (const m of line.matchAll(re)) {
        if (IMAP_CODES.has(m[1]!) && m[1] !== 'ALERT') {
          out.push({ status: null, code: m[1]!, text: rest(line, m.index + m[0].length) });
        }
      }
    }
    for (const [status, name] of RUBY) {
      const at = line.indexOf(name);
      if (at >= 0) out.push({ status, code: null, text: line.slice(Math.max(0, at - 160), at) });
    }
  }
  return out;
}

/** The most telling IMAP failure: one with a response code, else the first NO, BAD or BYE. */
export function decisiveImap(replies: ImapReply[]): ImapReply | null {
  return replies.find((r) => r.code && r.code !== 'ALERT') ?? replies[0] ?? null;
}
