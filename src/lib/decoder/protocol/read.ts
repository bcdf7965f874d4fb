/**
 * The protocol reader: finds the protocol facts in a text (SMTP and enhanced status codes, delivery
 * reports, IMAP responses, TLS and OS network errors, mail libraries' messages), works out who
 * answered, and concludes with one family and, where a second cause fits, the other. Pure: the
 * text in, facts and a verdict out. Text that is not about mail gives nothing.
 */
import { windows } from './bounded.ts';
import { classifyImap, classifyImapWords, classifySmtp, type Classified } from './classify.ts';
import { findClues } from './clues.ts';
import { decisiveImap, findImapReplies } from './imap.ts';
import { findSmtpReplies, isBounce, rankedReplies, remoteHost } from './smtp.ts';
import type { Clue, Facts, ImapReply, ProtocolSettings, SmtpReply, Who } from './types.ts';
import { whoAnswered } from './who.ts';

const MAIL_WORDS = [
  'smtp',
  'imap',
  'mail',
  'rcpt',
  'helo',
  'ehlo',
  'starttls',
  'recipient',
  'sender',
  'postfix',
  'exim',
  'mta',
  'mailbox',
  'diagnostic-code',
  // Swift Mailer's and Symfony Mailer's SMTP transport: 'Expected response code 250 but got code "554"'.
  'expected response code',
];
const OTHER_WORDS = [
  'http/',
  'http error',
  'postgres',
  'mysql',
  'redis',
  'mongodb',
  'database',
  'jdbc',
  'sqlstate',
  'npm err!',
  'registry',
  'http://',
  'https://',
];

// Words that name another service outright (a web server's request line, a database), and mail
// words that outweigh them: 'mail' alone is not one (a host name, a product such as a webmail).
const OTHER_SERVICE = [
  'http/1.',
  'http/2',
  'upstream',
  'sqlstate',
  'postgres',
  'mysql',
  'jdbc',
  'database',
  'npm err!',
  // HTTP clients: Python's, Java's, .NET's, Node's, Go's, Rust's.
  'urllib3',
  'httpx',
  'aiohttp',
  'requests.exceptions',
  'connectionpool(',
  'okhttp',
  'httpclient',
  'httprequestexception',
  'axioserror',
  'undici',
  'net/http',
  'client.timeout',
  'reqwest',
  'hyper::',
];
const PROTOCOL_WORDS = ['smtp', 'imap', 'rcpt', 'helo', 'ehlo', 'starttls', 'mailbox', 'diagnostic-code', 'postfix'];

/**
 * Whether the text is about another service and not mail: it names the other service (or a port
 * that is not a mail port) and no mail protocol or mail port. The decoder then shows nothing at all.
 */
export function aboutOtherService(text: string, s?: ProtocolSettings): boolean {
  const lower = text.toLowerCase();
  if (PROTOCOL_WORDS.some((w) => lower.includes(w))) return false;
  if (mailPorts(lower, s).any) return false;
  // Only "port N" counts here: "file.js:72" and "18:46" are not ports.
  return (
    /\bport[ :=]{1,3}\d{2,5}\b/.test(lower) ||
    // A web address with its port, or a request sent to a web address (git's "unable to access
    // 'https://…'", Go's 'Get "https://…"'): an HTTP service.
    /\bhttps?:\/\/[\w.-]{1,253}:\d{1,5}\b|\b(?:request(?:ing)?|access|get|post|put|fetch(?:ing)?) (?:to )?['"]?https?:\/\//.test(
      lower,
    ) ||
    OTHER_SERVICE.some((w) => lower.includes(w))
  );
}

const SOURCE_FILE = /\.(?:c|cc|cpp|h|cs|go|rs|rb|py|js|mjs|cjs|ts|java|kt|php|pl|pm|swift|m|hs|ex|exs|scala):$/;

/** Mail ports written next to a port word or a colon, from the settings plus 25 (server to server). */
function mailPorts(lower: string, s: ProtocolSettings | undefined): { any: boolean; other: boolean; port25: boolean } {
  const ports = new Set([25, s?.smtp.port.value, s?.imap.port.value, s?.otherSmtpPorts?.implicitTls.value]);
  let any = false;
  let other = false;
  let port25 = false;
  for (const m of lower.matchAll(/(?:port[ :=]{1,3}|[a-z0-9\]]:)(\d{2,5})\b/g)) {
    // A source file and its line ("s23_clnt.c:787", "main.go:284") is not a host and port.
    if (SOURCE_FILE.test(lower.slice(Math.max(0, m.index - 7), m.index + 2))) continue;
    if (ports.has(Number(m[1]))) any = true;
    else other = true;
    if (m[1] === '25') port25 = true;
  }
  return { any, other, port25 };
}

/** Generic words that many programs print about anything; without mail around them they decide nothing. */
const WEAK = new Set([
  'timed out',
  'Connection timeout',
  'Connection timed out',
  'Operation timed out',
  'Connection refused',
  'no such host',
  'unknown protocol',
  'unsupported protocol',
  'hostname mismatch',
  'self signed certificate',
  'self-signed certificate',
  'certificate has expired',
  'sending limit',
  'Too many recipients',
  'Authentication failed',
  'Invalid credentials',
  'Login failed',
  'Invalid login',
  // Names other services use too (a storage or API quota, an FTP server's connection cap).
  'OverQuotaException',
  'Too many simultaneous connections',
  'Bandwidth limits were exceeded',
  'Quota exceeded',
  'over quota',
  'context deadline exceeded',
  'deadline has elapsed',
]);

// An untagged IMAP response a program quotes (RFC 9051: "* 12 FETCH (…)", "* 3 EXISTS").
const UNTAGGED = /\* \d{1,10} (?:fetch|exists|expunge|recent) /;

/** Everything the text says about protocols. */
export function readFacts(text: string, s?: ProtocolSettings): Facts {
  const lower = text.toLowerCase();
  const lines = windows(text);
  const ports = mailPorts(lower, s);
  const bounce = isBounce(lower);
  // A delivery report is about mail whatever words it uses.
  const mailContext = MAIL_WORDS.some((w) => lower.includes(w)) || ports.any || bounce;
  const smtp = findSmtpReplies(lines, mailContext);
  const imapReplies = findImapReplies(lines);
  // A dropped connection names a cause on the IMAP side only (a server that stopped answering).
  const imapSide =
    imapReplies.length > 0 || (lower.includes('imap') && !lower.includes('smtp')) || UNTAGGED.test(lower);
  const clues = findClues(text, lower, imapSide);
  for (const phrase of ['recipient address rejected', 'sender address rejected']) {
    const at = lower.indexOf(phrase);
    if (at >= 0) smtp.push({ code: null, enhanced: null, text: text.slice(at, at + 160) });
  }
  const side = imapSide ? 'imap' : lower.includes('smtp') || smtp.length > 0 ? 'smtp' : null;
  return {
    smtp,
    imap: imapReplies,
    clues,
    bounce,
    remoteHost: remoteHost(lines),
    mailContext: mailContext || smtp.length > 0 || imapReplies.length > 0,
    otherContext: OTHER_WORDS.some((w) => lower.includes(w)) || (ports.other && !ports.any),
    side,
    port25: ports.port25,
  };
}

/** What the reader concludes: the family, a second one that fits, who answered, the deciding facts. */
export interface Verdict extends Classified {
  who: Who;
  reply: SmtpReply | null;
  imap: ImapReply | null;
  clue: Clue | null;
}

const AFTER_CONNECT = ['read timed out', 'command timed out', 'read operation timed out', 'net::readtimeout'];
const NETWORK = new Set(['dns', 'refused', 'timeout', 'unreachable', 'tls-mode', 'certificate']);

function fromClue(f: Facts, clue: Clue, lower: string): Classified {
  if (clue.family === 'auth' && f.side === 'imap') return { kind: 'imap-auth', alternative: null };
  if (clue.family === 'mailbox-full' && f.side === 'imap') return { kind: 'imap-overquota', alternative: null };
  if (clue.family === 'timeout' && f.port25) return { kind: 'port-25-blocked', alternative: 'timeout' };
  // Connected, then the IMAP server stopped answering (a read or a command timed out, not the connect).
  if (clue.family === 'timeout' && f.side === 'imap' && AFTER_CONNECT.some((w) => lower.includes(w))) {
    return { kind: 'imap-not-responding', alternative: null };
  }
  if (clue.family === 'tls-mode' && /handshake|protocol.version|closed the transport/i.test(clue.evidence)) {
    return { kind: 'tls-mode', alternative: 'certificate' };
  }
  if (clue.family === 'tls-mode' && /unexpectedly closed|connectionclosed/i.test(clue.evidence)) {
    return { kind: 'tls-mode', alternative: 'timeout' };
  }
  return { kind: clue.family, alternative: null };
}

/** The verdict on a text, or null when it is not about mail or nothing in it decides. */
export function readProtocol(text: string, s?: ProtocolSettings): Verdict | null {
  const f = readFacts(text, s);
  const lower = text.toLowerCase();
  const who = (replied: boolean, side: 'smtp' | 'imap' | null) =>
    whoAnswered({ lower, bounce: f.bounce, remoteHost: f.remoteHost, side, serverReplied: replied }, s);

  const imap = decisiveImap(f.imap);
  if (imap?.code) {
    const c = classifyImap(imap);
    if (c) return { ...c, who: who(true, 'imap'), reply: null, imap, clue: null };
  }
  // The first failure that a code or the server's words explain (a greylisting 450 before a 550 5.1.1
  // explains nothing; the 550 does).
  const w = who(true, 'smtp');
  for (const reply of rankedReplies(f.smtp).slice(0, 20)) {
    const c = classifySmtp(reply, w, lower);
    if (c) return { ...c, who: w, reply, imap: null, clue: null };
  }
  if (imap) {
    const c = classifyImap(imap);
    if (c) return { ...c, who: who(true, 'imap'), reply: null, imap, clue: null };
  }
  const clue = f.mailContext ? f.clues[0] : f.clues.find((c) => !WEAK.has(c.evidence));
  if (!clue) {
    // About IMAP, with no status that decides: the words that name one family without doubt.
    const c = f.side === 'imap' ? classifyImapWords(lower) : null;
    return c ? { ...c, who: who(true, 'imap'), reply: null, imap, clue: null } : null;
  }
  if (NETWORK.has(clue.family) && !f.mailContext && f.otherContext) return null;
  const c = fromClue(f, clue, lower);
  const replied =
    c.kind.startsWith('imap-') ||
    ['auth', 'sender-refused', 'recipient-unknown', 'sending-limit', 'starttls-required'].includes(c.kind) ||
    // Go's "remote error: tls: …": the server sent a TLS alert.
    (c.kind === 'tls-mode' && lower.includes('remote error'));
  return { ...c, who: who(replied, c.kind.startsWith('imap-') ? 'imap' : f.side), reply: null, imap: null, clue };
}
