/**
 * From facts to a family, the way a mail admin reads them: the enhanced status code first (RFC 3463
 * subject and detail), then the basic code (RFC 5321, RFC 4954), then the server's words, each
 * weighed by who answered (a policy refusal from iCloud's inbound server is not one from the
 * recipient's server). IMAP response codes (RFC 5530) and the NO/BAD/BYE words decide IMAP.
 * A reply that none of these explain gives no family: the decoder says "not recognised" rather
 * than guess.
 */
import type { Family, ImapReply, SmtpReply, Who } from './types.ts';

export interface Classified {
  kind: Family;
  /** A second cause that fits the same facts, if any. */
  alternative: Family | null;
}

const has = (t: string, words: readonly string[]) => words.some((w) => t.includes(w));

const MESSAGE_AUTH = ['spf', 'dkim', 'dmarc', 'unauthenticated email', 'unauthenticated mail', 'is unauthenticated'];
const AUTH_WORDS = ['authenticat', 'invalid login', 'login fail', 'password', 'credentials', 'username'];
const UNKNOWN_WORDS = [
  'user unknown',
  'unknown user',
  'no such user',
  'does not exist',
  "doesn't exist",
  'no mailbox',
  'mailbox unavailable',
  'invalid recipient',
  'recipient not found',
  'address not found',
  'mailbox not found',
  'unknown recipient',
  'not a valid mailbox',
  'no such recipient',
  'recipient unknown',
  'address unknown',
  'unknown address',
  'user not found',
  "user doesn't have", // Yahoo: "This user doesn't have a … account"
  'inactive',
  'disabled',
];
const SEND_QUOTA = ['sending quota', 'message quota', 'submissionquota', 'sending limit'];
const NULL_MX = ['null mx', 'nullmx', 'does not accept mail'];
const NO_MAIL_WORDS = ['domain not found', 'host not found', 'no mx', 'null mx', 'unrouteable', 'does not accept mail'];
const FULL_WORDS = ['quota', 'mailbox full', 'mailbox is full', 'folder full', 'insufficient storage', 'storage'];
const SIZE_WORDS = ['size', 'too large', 'too big', 'exceeds the maximum', 'message length'];
const LIMIT_WORDS = [
  'sending limit',
  'daily limit',
  'too many messages',
  'too many recipients',
  'rate limit',
  'limit exceeded',
  'sending quota',
  'user sending',
  // A count per unit of time is a rate limit, whatever the server calls it.
  'per day',
  'per hour',
  'per minute',
  'per 24 hours',
  // Amazon SES and others: "Throttling failure: Daily message quota exceeded", "Maximum sending rate exceeded".
  'throttl',
  'message quota',
  'sending rate',
];
const SENDER_WORDS = [
  'sender address rejected',
  'not owned by user',
  'from address',
  'not one of your addresses',
  'not verified',
  'sender rejected',
  'sender not allowed',
  'sender verify',
  'sender domain',
  'send as',
  'as this sender',
  // The sender's address itself unknown or invalid to the server (Postfix, Exim, Proton's bridge).
  'unknown sender',
  'sender unknown',
  'invalid sender',
];
const POLICY_WORDS = [
  'block',
  'blacklist',
  'spam',
  'policy',
  'reputation',
  'dmarc',
  'spf',
  'dkim',
  'not allowed to connect',
  'refused to talk',
  'discourages',
  'rejected due to',
  'access denied',
  'denied',
  'relay',
  'rbl',
  // The reverse DNS check on the sending host (RFC 7372, X.7.25).
  'reverse dns',
  'rdns',
];
const DEFER_WORDS = [
  'try again',
  'temporar',
  'greylist',
  'graylist',
  'deferred',
  'later',
  'too many connections',
  'rate',
];

/** The family of an SMTP failure, given who answered and the whole text (lower case; read only for a second cause). */
export function classifySmtp(r: SmtpReply, who: Who, context: string): Classified | null {
  const t = r.text.toLowerCase();
  const code = r.code ?? '';
  const [cls, subject, detail] = (r.enhanced ?? '..').split('.');
  const sd = `${subject}.${detail}`;
  const temporary = (code[0] ?? cls) === '4';
  const inbound = who === 'icloud-inbound';
  const atRecipient = who === 'recipient-server';
  // A 421 (RFC 5321: closing the channel, try later) or a 4xx saying so from a receiving server: a
  // deferral the sending server retries. The submission server's own 4xx is not about delivery.
  // A 421 from a server the text does not name is one too: RFC 5321 has it close the channel, and a
  // program submitting through its own provider rarely hears it but for load.
  // Greylisting is a receiving server's by nature: a submission server does not greylist its own users.
  const receiving =
    inbound || atRecipient || (who === 'smtp-server' && (code === '421' || has(t, ['greylist', 'graylist'])));
  const deferred = (): Classified | null =>
    temporary && receiving && (code === '421' || has(t, DEFER_WORDS))
      ? { kind: 'inbound-deferred', alternative: null }
      : null;
  // A temporary policy refusal away from iCloud's inbound server is a deferral the sender retries.
  const policy = (): Classified | null =>
    inbound
      ? { kind: temporary ? 'inbound-deferred' : 'inbound-policy', alternative: null }
      : temporary
        ? atRecipient && has(context, ['refused to talk'])
          ? { kind: 'remote-refused-sender', alternative: 'inbound-deferred' }
          : deferred()
        : atRecipient
          ? { kind: 'remote-refused-sender', alternative: null }
          : who === 'icloud-smtp'
            ? { kind: 'sender-refused', alternative: null }
            : { kind: 'remote-refused-sender', alternative: 'sender-refused' };
  // A sender refused by the recipient's server (a failed callout, a sender check) is its policy, not iCloud's.
  const sender = (): Classified =>
    inbound
      ? { kind: 'inbound-policy', alternative: null }
      : { kind: atRecipient ? 'remote-refused-sender' : 'sender-refused', alternative: null };

  // Encryption first: 538 and 5.7.11 (RFC 4954), or the server's words.
  if (code === '538' || sd === '7.11' || has(t, ['starttls', 'must issue a starttls'])) {
    return { kind: 'starttls-required', alternative: null };
  }
  // The address: RFC 3463 X.1.x.
  if (['1.1', '1.3', '1.6'].includes(sd) || code === '551') return { kind: 'recipient-unknown', alternative: null };
  // X.1.10 is a null MX (RFC 7505); Microsoft's servers use it for an unknown recipient.
  // 556 is RFC 7505's own reply code for a domain that takes no mail, whatever the enhanced code.
  if (code === '556' || has(t, NULL_MX)) return { kind: 'domain-no-mail', alternative: null };
  if (sd === '1.10') return { kind: 'recipient-unknown', alternative: null };
  if (['1.2', '4.4'].includes(sd)) return { kind: 'domain-no-mail', alternative: null };
  if (['1.7', '1.8'].includes(sd)) return sender();
  // A quota on sending is the sender's limit, whatever mailbox code it comes with (Exchange's 5.2.0
  // SubmissionQuotaExceeded, Gmail's 5.4.5 "Daily user sending quota exceeded").
  if (!inbound && has(t, SEND_QUOTA)) return { kind: 'sending-limit', alternative: null };
  // The mailbox and the message: X.2.x, X.3.4.
  if (sd === '2.2' || (subject === '2' && has(t, FULL_WORDS))) return { kind: 'mailbox-full', alternative: null };
  if (sd === '2.3' || sd === '3.4') return { kind: 'message-too-large', alternative: null };
  if (sd === '5.3') return { kind: 'sending-limit', alternative: null };
  // Authentication: 535 and 534 (RFC 4954), 5.7.8 and 5.7.9, or 530 with words about it.
  if (code === '535' || code === '534' || sd === '7.8' || sd === '7.9') return { kind: 'auth', alternative: null };
  // SPF, DKIM, DMARC and reverse DNS checks (RFC 7372): the receiving side's policy.
  if (['7.23', '7.24', '7.25', '7.26', '7.27'].includes(sd)) return policy();
  if (has(t, SENDER_WORDS)) return sender();
  // Relaying refused by a server the program submits to: it did not sign in.
  if (has(t, ['relay']) && !inbound && !atRecipient) return { kind: 'auth', alternative: null };
  // The message's own authentication (SPF, DKIM, DMARC: "unauthenticated email") is the receiver's
  // policy, not a sign-in.
  if (has(t, AUTH_WORDS) && !has(t, MESSAGE_AUTH)) {
    return has(context, ['secure connection'])
      ? { kind: 'auth', alternative: 'starttls-required' }
      : { kind: 'auth', alternative: null };
  }
  if (has(t, LIMIT_WORDS))
    return inbound ? { kind: 'inbound-deferred', alternative: null } : { kind: 'sending-limit', alternative: null };
  if (subject === '7') return policy();
  if (code === '552' && has(t, FULL_WORDS)) return { kind: 'mailbox-full', alternative: null };
  if (code === '552' || has(t, SIZE_WORDS)) return { kind: 'message-too-large', alternative: null };
  if (has(t, FULL_WORDS)) return { kind: 'mailbox-full', alternative: null };
  if (has(t, NO_MAIL_WORDS)) return { kind: 'domain-no-mail', alternative: null };
  if (has(t, UNKNOWN_WORDS) && (code[0] ?? cls) !== '4') return { kind: 'recipient-unknown', alternative: null };
  if (subject === '7' || has(t, POLICY_WORDS)) return policy();
  return deferred();
}

const IMAP_BY_CODE: Record<string, Family> = {
  AUTHENTICATIONFAILED: 'imap-auth',
  AUTHORIZATIONFAILED: 'imap-auth',
  EXPIRED: 'imap-auth',
  PRIVACYREQUIRED: 'starttls-required',
  UNAVAILABLE: 'imap-unavailable',
  INUSE: 'imap-unavailable',
  NONEXISTENT: 'imap-nonexistent',
  TRYCREATE: 'imap-nonexistent',
  OVERQUOTA: 'imap-overquota',
  SERVERBUG: 'imap-server-error',
  CORRUPTION: 'imap-server-error',
  CLIENTBUG: 'imap-parse',
  PARSE: 'imap-parse',
  CANNOT: 'imap-unsupported',
  BADCHARSET: 'imap-unsupported',
  NOPERM: 'imap-noselect',
};

// Commands that IMAP extensions add: a BAD to one of them says the server lacks the extension.
const EXTENSION_COMMANDS = new Set([
  'COMPRESS', // RFC 4978
  'IDLE', // RFC 2177
  'ENABLE', // RFC 5161
  'ID', // RFC 2971
  'MOVE', // RFC 6851
  'NAMESPACE', // RFC 2342
  'UNSELECT', // RFC 3691
  'GETQUOTA', // RFC 9208
  'GETQUOTAROOT',
  'XLIST',
]);

const NONEXISTENT_WORDS = [
  'does not exist',
  "doesn't exist",
  'no such mailbox',
  'unknown mailbox',
  'mailbox not found',
  'no such folder',
  // RFC 5530's word as servers write it (Dovecot: "Client tried to access nonexistent namespace").
  'nonexistent',
  'folder not found',
  'folder could not be found', // Exchange
];
// A connection cap per user or address: Gmail's "Too many simultaneous connections", Dovecot's
// "Maximum number of connections from user+IP exceeded", Exchange's and Courier's connection limits.
const CONNECTION_CAP = [
  'too many connections',
  'simultaneous connections',
  'number of connections',
  'connection limit',
];
// Over the account's storage: RFC 9208's words and servers' own ("storage limit has been exceeded").
const OVERQUOTA_WORDS = ['quota', 'storage limit', 'out of storage', 'not enough storage', 'is full', 'mailbox full'];

// A reply the client could not read, in libraries' words (Ruby's parse_error, Haskell's "Parse failed").
const PARSE_WORDS = [
  'invalid response',
  'unexpected response',
  'parse error',
  'parsing error',
  'parse_error',
  'parseerror',
  'parse failed',
  'failed to parse',
  'could not parse',
  'unable to parse',
];

/**
 * The families that an IMAP server's or client's words name without doubt, whatever the status:
 * a mailbox that cannot be selected or does not exist, a command or search key it does not know,
 * a response the client could not parse. Also read on a text about IMAP that quotes no status
 * (a server's log, an exception that prints the words on another line).
 */
export function classifyImapWords(t: string): Classified | null {
  if (has(t, ['selectable', 'noselect', 'cannot select', "can't select"]))
    return { kind: 'imap-noselect', alternative: null };
  if (has(t, NONEXISTENT_WORDS)) return { kind: 'imap-nonexistent', alternative: null };
  if (has(t, ['unknown command', 'unknown search key', 'not supported', 'unsupported']))
    return { kind: 'imap-unsupported', alternative: null };
  if (has(t, PARSE_WORDS)) return { kind: 'imap-parse', alternative: null };
  return null;
}

/** The family of an IMAP failure: its response code, else the status and the server's words. */
export function classifyImap(r: ImapReply): Classified | null {
  const t = r.text.toLowerCase();
  if (r.code === 'LIMIT') {
    return has(t, ['quota', 'storage', 'full'])
      ? { kind: 'imap-overquota', alternative: null }
      : { kind: 'imap-unavailable', alternative: 'imap-overquota' };
  }
  const byCode = r.code ? IMAP_BY_CODE[r.code] : undefined;
  if (byCode) return { kind: byCode, alternative: null };
  const byWords = classifyImapWords(t);
  if (byWords && byWords.kind !== 'imap-parse') return byWords;
  if (has(t, ['authenticat', 'login', 'log in', 'sign in', 'password', 'credentials'])) {
    return { kind: 'imap-auth', alternative: null };
  }
  if (has(t, OVERQUOTA_WORDS)) return { kind: 'imap-overquota', alternative: null };
  // A mailbox another session holds is INUSE (RFC 5530): temporary.
  if (has(t, ['unavailable', 'maintenance', 'in use', 'is locked', ...CONNECTION_CAP]))
    return { kind: 'imap-unavailable', alternative: null };
  // A fault the server names is its error; a failure it calls temporary is UNAVAILABLE (RFC 5530).
  if (has(t, ['server error', 'system error', 'internal error']))
    return { kind: 'imap-server-error', alternative: null };
  if (has(t, ['temporar', 'try again'])) return { kind: 'imap-unavailable', alternative: null };
  if (has(t, ['failure'])) return { kind: 'imap-server-error', alternative: null };
  // JavaMail reports its own socket errors as a BYE: the exception in it decides, not the server.
  if (r.status === 'BYE' && t.includes('javamail exception')) return null;
  if (r.status === 'BYE') {
    return has(t, ['idle', 'timeout', 'autologout', 'inactivity'])
      ? { kind: 'imap-not-responding', alternative: null }
      : { kind: 'imap-unavailable', alternative: null };
  }
  if (r.status === 'BAD' && r.command && EXTENSION_COMMANDS.has(r.command)) {
    return { kind: 'imap-unsupported', alternative: null };
  }
  if (r.status === 'BAD') {
    return has(t, ['unknown command', 'unrecognized', 'not supported', 'unsupported', 'invalid command'])
      ? { kind: 'imap-unsupported', alternative: null }
      : { kind: 'imap-parse', alternative: 'imap-unsupported' };
  }
  return null;
}
