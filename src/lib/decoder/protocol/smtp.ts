/**
 * SMTP replies anywhere in a text: the basic code (RFC 5321) with the enhanced status code
 * (RFC 3463, class.subject.detail) in the forms programs print them: `550 5.1.1 …`, `550-5.1.1`,
 * `smtp; 550 5.1.1`, `Diagnostic-Code: smtp; 552 5.2.2`, Python's `(535, b'5.7.8 …')`, lettre's
 * `permanent error (535): 5.7.8 …`; and the delivery reports that carry them (RFC 3464 fields,
 * Postfix's "host X[ip] said:", Sendmail's and Exim's transcripts, iCloud's own bounce).
 *
 * Every pattern is anchored on a fixed code shape and runs on one short window of a line, so the
 * time grows with the length of the text only.
 */
import type { SmtpReply } from './types.ts';

// Each pattern matches the character before a code instead of looking behind (Safari before 16.4
// cannot parse a lookbehind), so a match's index is that character's, the same for all three.
// A basic code and an enhanced code of the same class, in the separators programs use.
const PAIR = /(?:^|[^\w./-])([2-5][0-5]\d)(?:[ -]|, b?['"]|\): ?)([245])\.(\d{1,3})\.(\d{1,3})(?![\w/]|\.\d)/g;
// A failure code followed by words (only read when the text is about mail).
const BASIC = /(?:^|[^\w./:-])([45][0-5]\d)(?:[ -]|, b?['"]|\): ?)(?=[A-Za-z<[#])/g;
// An enhanced code on its own (a DSN's Status field, .NET's "The server response was: 5.7.0 …").
const ENHANCED = /(?:^|[^\w./-])([45])\.(\d{1,3})\.(\d{1,3})(?![\w/]|\.\d)/g;

// Reply codes of RFC 5321 that HTTP does not use (421 "Misdirected Request" aside: its words differ).
const REPLY_LINE_CODES = new Set(['421', '450', '452', '454', '455', '550', '551', '552', '553', '554', '556']);

const rest = (line: string, from: number) =>
  line
    .slice(from, from + 160)
    .replace(/^[\s'"]+/, '')
    .replace(/(?:['"]\)*,?)?\s*$/, '');

/** The SMTP replies in these lines; bare codes (but the sign-in ones) only when `mail` (the text is about mail). */
export function findSmtpReplies(lines: string[], mail: boolean): SmtpReply[] {
  const out: SmtpReply[] = [];
  for (const line of lines) {
    const taken: number[] = [];
    for (const m of line.matchAll(PAIR)) {
      if (m[1]![0] !== m[2]) continue;
      out.push({ code: m[1]!, enhanced: `${m[2]}.${m[3]}.${m[4]}`, text: rest(line, m.index + m[0].length) });
      taken.push(m.index);
    }
    for (const m of line.matchAll(BASIC)) {
      // The authentication codes of RFC 4954 (530, 534, 535, 538) are SMTP's alone; others need mail
      // around them, or are a server's reply line as pasted: a code that HTTP does not use, at the
      // start of the line, about a message or its delivery (FTP shares the codes, not the words).
      const text = rest(line, m.index + m[0].length);
      const replyLine = m.index === 0 && REPLY_LINE_CODES.has(m[1]!) && /messag|deliver/i.test(text);
      if (taken.includes(m.index) || !(mail || replyLine || /^53[0458]$/.test(m[1]!))) continue;
      out.push({ code: m[1]!, enhanced: null, text });
      taken.push(m.index);
    }
    for (const m of line.matchAll(ENHANCED)) {
      // Skip the enhanced half of a pair already taken; the sign-in codes of RFC 4954 need no mail around them.
      if (taken.some((t) => m.index > t && m.index - t <= 8)) continue;
      if (!mail && !['7.8', '7.9', '7.11', '7.12'].includes(`${m[2]}.${m[3]}`)) continue;
      out.push({ code: null, enhanced: `${m[1]}.${m[2]}.${m[3]}`, text: rest(line, m.index + m[0].length) });
    }
  }
  return out;
}

/**
 * The failures, most telling first: a basic code with an enhanced one, then a basic code, then an
 * enhanced code, then the server's words without a code; in the order they appear within each.
 */
export function rankedReplies(replies: SmtpReply[]): SmtpReply[] {
  const failing = replies.filter((r) => (r.code ?? r.enhanced ?? '2')[0] !== '2');
  return [
    ...failing.filter((r) => r.code && r.enhanced),
    ...failing.filter((r) => r.code && !r.enhanced),
    ...failing.filter((r) => !r.code && r.enhanced),
    ...replies.filter((r) => !r.code && !r.enhanced),
  ];
}

/** The most telling failure, or null. */
export function decisiveReply(replies: SmtpReply[]): SmtpReply | null {
  return rankedReplies(replies).find((r) => r.code ?? r.enhanced) ?? null;
}

// Phrases that make a text a delivery report: RFC 3464 fields, Postfix, Sendmail, Exim, iCloud.
const BOUNCE_WORDS = [
  'final-recipient:',
  'diagnostic-code:',
  'remote-mta:',
  'reporting-mta:',
  'action: failed',
  'action: delayed',
  'refused to talk to me',
  'transcript of session follows',
  'smtp error from remote mail server',
  'mail delivery software',
  'delivery status notification',
  'undelivered mail returned to sender',
  'mail delivery failed',
  'returned mail:',
  'while talking to ',
  '(in reply to ', // Postfix: "(in reply to RCPT TO command)"
  // A sending server quoting the receiving server's reply.
  'remote mailserver',
  'remote mail server',
  'server said:',
  'error when sending to',
];

/** Whether the (lower-case) text reads as a bounce or a delivery report. */
export function isBounce(lower: string): boolean {
  if (BOUNCE_WORDS.some((w) => lower.includes(w))) return true;
  if (/\bhost [a-z0-9.-]{1,253}\[[0-9a-f.:]{1,45}\] said:/.test(lower)) return true;
  // iCloud's own report of an outgoing message it could not deliver.
  return lower.includes('recipient address:') && lower.includes('reason:');
}

const HOSTS = [
  /remote-mta: ?dns; ?([a-z0-9.-]{1,253})/,
  /\bhost ([a-z0-9.-]{1,253}) ?\[[0-9a-f.:]{1,45}\]/,
  /while talking to ([a-z0-9.-]{1,253})/,
];

/** The remote server a bounce names (Remote-MTA, Postfix's and Exim's "host X[ip]", Sendmail), or null. */
export function remoteHost(lines: string[]): string | null {
  for (const line of lines) {
    const lower = line.toLowerCase();
    for (const re of HOSTS) {
      const m = re.exec(lower);
      if (m) return m[1]!.replace(/\.$/, '');
    }
  }
  return null;
}
