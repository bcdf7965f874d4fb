/** What a session-log reading says: the stage a session stopped at, the steps it got through, the tool. */
export type Stage =
  | 'no-connection'
  | 'session-refused'
  | 'no-starttls-offered'
  | 'starttls-not-used'
  | 'tls-failed'
  | 'auth-rejected'
  | 'mail-from-rejected'
  | 'rcpt-rejected'
  | 'message-rejected'
  | 'completed';

/** Steps a session got through, in order. */
export type Milestone =
  | 'connected'
  | 'greeting'
  | 'starttls-offered'
  | 'tls'
  | 'certificate-verified'
  | 'authenticated'
  | 'mail-from-accepted'
  | 'rcpt-accepted'
  | 'message-accepted';

export type Tool =
  | 'swaks'
  | 'openssl'
  | 'curl'
  | 'msmtp'
  | 'transcript'
  | 'python'
  | 'powershell'
  | 'phpmailer'
  | 'nodemailer'
  | 'thunderbird'
  | 'unknown';

export interface SessionReading {
  protocol: 'smtp' | 'imap';
  stoppedAt: Stage;
  stage: { title: string; explanation: string };
  /** The server's reply at the point the session stopped (or its last reply), masked; null if none. */
  lastReply: string | null;
  /** The whole log with secrets masked. */
  masked: string;
  /** The program that printed the log, as far as it can be told. */
  tool: Tool;
  /** The steps that succeeded, in order. */
  reached: Milestone[];
  /** The program's own error line (for example `curl: (67) Login denied`), masked; null if none. */
  toolError: string | null;
  /** The paste ends inside a multi-line reply (its last line is like `250-…`): the end is missing. */
  cutOff: boolean;
}

/** Ports, for explanations that name them; optional (the browser settings object has this shape). */
export interface SessionLogSettings {
  smtp: { port: { value: number }; security: { value: string } };
  imap: { port: { value: number } };
}

/** What replaces a secret. */
export const HIDDEN = '[hidden]';
