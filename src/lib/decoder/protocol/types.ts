/**
 * What the protocol reader finds in a pasted text and what it concludes. Pure types, no logic.
 * A family names one cause a mail admin would tell apart (the scorer's families, test/helpers).
 */

export const FAMILIES = [
  'auth',
  'tls-mode',
  'starttls-required',
  'certificate',
  'dns',
  'refused',
  'timeout',
  'unreachable',
  'recipient-unknown',
  'mailbox-full',
  'domain-no-mail',
  'remote-refused-sender',
  'inbound-deferred',
  'inbound-policy',
  'port-25-blocked',
  'sender-refused',
  'sending-limit',
  'message-too-large',
  'imap-auth',
  'imap-unavailable',
  'imap-nonexistent',
  'imap-overquota',
  'imap-server-error',
  'imap-unsupported',
  'imap-noselect',
  'imap-parse',
  'imap-not-responding',
] as const;

export type Family = (typeof FAMILIES)[number];

/**
 * Who answered: iCloud's sending server, iCloud's inbound MX (mail delivered to an iCloud address),
 * iCloud's IMAP server, the recipient's server (relayed back in a bounce), Apple's relay, an SMTP or
 * IMAP server the text does not name, or the program or its system (nothing reached a server).
 */
export type Who =
  | 'icloud-smtp'
  | 'icloud-inbound'
  | 'icloud-imap'
  | 'recipient-server'
  | 'relay'
  | 'smtp-server'
  | 'imap-server'
  | 'local';

/** One SMTP reply found in the text: the basic code (RFC 5321), the enhanced code (RFC 3463), the words after them. */
export interface SmtpReply {
  code: string | null;
  enhanced: string | null;
  /** The words after the codes on that line, at most 160 characters. */
  text: string;
}

/** One IMAP NO, BAD or BYE, with its response code (RFC 5530) when there is one. */
export interface ImapReply {
  status: 'NO' | 'BAD' | 'BYE' | null;
  code: string | null;
  text: string;
  /** The command it answered, when the program names it (MailKit does). */
  command?: string;
}

/** A TLS, OS-network or library fact: the family it points at and the words that showed it. */
export interface Clue {
  family: Family;
  /** The words or code found, as the program printed them (a short constant from our tables). */
  evidence: string;
}

/** Everything read from one text. */
export interface Facts {
  smtp: SmtpReply[];
  imap: ImapReply[];
  /** TLS, OS network and library clues, most specific first. */
  clues: Clue[];
  /** Whether the text reads as a bounce or delivery report (RFC 3464, Postfix, Sendmail, Exim, iCloud). */
  bounce: boolean;
  /** The remote host a bounce names (Remote-MTA, "host X[ip] said"), lower-case, or null. */
  remoteHost: string | null;
  /** Whether the text talks about mail at all (protocol words, mail libraries, mail ports). */
  mailContext: boolean;
  /** Whether the text names another protocol or service (HTTP, databases) and no mail. */
  otherContext: boolean;
  /** Which side the text is about when it says: 'smtp', 'imap' or null. */
  side: 'smtp' | 'imap' | null;
  /** Whether a port 25 connection is named. */
  port25: boolean;
}

/** The settings values the reader uses to name servers and ports; all optional beyond the ports. */
export interface ProtocolSettings {
  smtp: { port: { value: number }; security: { value: string }; server?: { value: string } };
  imap: { port: { value: number }; server?: { value: string }; security?: { value: string } };
  otherSmtpPorts?: { implicitTls: { value: number } };
  wrongHosts?: Record<string, { value: string; status: string }>;
  relayDomain?: { value: string };
  limits?: { messageSizeMB: { value: number }; messagesPerDay: { value: number } };
}

/** The page a diagnosis links to: an error page or a FAQ answer, by id. */
export interface DiagnosisLink {
  kind: 'error' | 'faq';
  id: string;
}

/** What the decoder concludes from the protocol facts when no known error entry decides it. */
export interface Diagnosis {
  kind: Family;
  /** A short heading for the family. */
  title: string;
  who: Who;
  /** Who answered, in words ("iCloud's inbound server (mx01…)"). */
  whoText: string;
  codes: { smtp?: string; enhanced?: string; imap?: string; imapStatus?: string; evidence?: string };
  /** What the codes mean, one sentence each ("5.1.1: bad destination mailbox address (RFC 3463)"). */
  meaning: string[];
  /** One sentence: who said what and what it means. */
  summary: string;
  cause: string;
  fix: string[];
  /** When a second cause fits the same text: its family and how to tell the two apart. */
  alternative: { kind: Family; title: string; tell: string } | null;
  link: DiagnosisLink | null;
}
