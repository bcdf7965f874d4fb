/**
 * What the codes mean, in a sentence each: SMTP basic codes (RFC 5321, RFC 4954), enhanced status
 * codes (RFC 3463, RFC 4954, RFC 7372), IMAP response codes (RFC 5530, RFC 9051).
 */

const BASIC: Record<string, string> = {
  '421': 'the server is closing the connection (service not available, try later)',
  '450': 'the mailbox is unavailable for now (try later)',
  '451': 'the server hit a local error (try later)',
  '452': 'the server has not enough storage, or too many recipients (try later)',
  '500': 'the server did not understand the command',
  '501': 'the command’s arguments are wrong',
  '502': 'the command is not implemented',
  '503': 'commands came in the wrong order',
  '504': 'a command parameter is not implemented',
  '530': 'authentication is required',
  '534': 'the authentication mechanism is too weak, or the account must sign in another way',
  '535': 'the username or password was not accepted',
  '538': 'encryption is required for this way of signing in',
  '550': 'the server refused the action for good (mailbox unavailable or refused by policy)',
  '551': 'the user is not local to this server',
  '552': 'a storage or size limit was exceeded',
  '553': 'the mailbox name is not allowed',
  '554': 'the transaction failed',
  '555': 'a MAIL FROM or RCPT TO parameter is not recognised',
};

const CLASS: Record<string, string> = { '4': 'a temporary failure', '5': 'a permanent failure' };

const DETAIL: Record<string, string> = {
  '1.0': 'other address status',
  '1.1': 'bad destination mailbox address (no such user)',
  '1.2': 'bad destination system address (the domain does not take mail)',
  '1.3': 'bad destination mailbox address syntax',
  '1.6': 'destination mailbox has moved',
  '1.7': 'bad sender’s mailbox address syntax',
  '1.8': 'bad sender’s system address',
  '1.10': 'the recipient’s domain publishes a null MX (it takes no mail)',
  '2.0': 'other or undefined mailbox status',
  '2.1': 'mailbox disabled, not accepting messages',
  '2.2': 'mailbox full',
  '2.3': 'message length exceeds an administrative limit',
  '3.0': 'other or undefined mail system status',
  '3.4': 'message too big for the system',
  '4.1': 'no answer from host',
  '4.4': 'unable to route',
  '4.7': 'delivery time expired',
  '5.1': 'invalid command',
  '5.2': 'syntax error',
  '5.3': 'too many recipients',
  '7.0': 'other or undefined security status',
  '7.1': 'delivery not authorized, message refused',
  '7.8': 'authentication credentials invalid',
  '7.9': 'authentication mechanism is too weak',
  '7.11': 'encryption required for the requested authentication mechanism',
  '7.23': 'SPF validation failed',
  '7.25': 'reverse DNS validation failed',
  '7.26': 'multiple authentication checks failed (SPF, DKIM)',
};

const SUBJECT: Record<string, string> = {
  '0': 'other',
  '1': 'addressing',
  '2': 'mailbox',
  '3': 'mail system',
  '4': 'network and routing',
  '5': 'mail delivery protocol',
  '6': 'message content',
  '7': 'security or policy',
};

const IMAP: Record<string, string> = {
  AUTHENTICATIONFAILED: 'the username or password was not accepted',
  AUTHORIZATIONFAILED: 'signed in, but not allowed to act as that user',
  EXPIRED: 'the password or account has expired',
  PRIVACYREQUIRED: 'the command needs an encrypted connection',
  CONTACTADMIN: 'the account needs the administrator’s attention',
  UNAVAILABLE: 'the server cannot serve the account right now (temporary)',
  INUSE: 'the mailbox is in use by another session (temporary)',
  NONEXISTENT: 'the mailbox (folder) does not exist',
  TRYCREATE: 'the target mailbox does not exist; it could be created',
  OVERQUOTA: 'the account is over its storage quota',
  LIMIT: 'a server limit was reached',
  SERVERBUG: 'the server failed on its side',
  CORRUPTION: 'the server found damaged data',
  CLIENTBUG: 'the server thinks the program sent something wrong',
  PARSE: 'the server could not parse a message or command',
  CANNOT: 'the server cannot do that operation',
  BADCHARSET: 'the search charset is not supported',
  NOPERM: 'no permission for that mailbox',
  ALREADYEXISTS: 'the mailbox already exists',
};

/** 'the username or password was not accepted' for 535; null for a code we do not explain. */
export function basicMeaning(code: string): string | null {
  return BASIC[code] ?? (CLASS[code[0]!] ? `${CLASS[code[0]!]}` : null);
}

/** '5.1.1: a permanent failure, bad destination mailbox address (no such user)'. */
export function enhancedMeaning(enhanced: string): string {
  const [cls, subject, detail] = enhanced.split('.');
  const what = DETAIL[`${subject}.${detail}`] ?? `${SUBJECT[subject!] ?? 'unknown'} status`;
  return `${CLASS[cls!] ?? 'a status'}, ${what}`;
}

/** What an IMAP response code or status means. */
export function imapMeaning(code: string | null, status: string | null): string | null {
  if (code && IMAP[code]) return IMAP[code];
  if (status === 'NO') return 'the server refused the command';
  if (status === 'BAD') return 'the server did not understand the command (a protocol or syntax error)';
  if (status === 'BYE') return 'the server is closing the connection';
  return null;
}
