// Scoring the decoder on real texts it was not written from (test/fixtures/decoder/): what each
// family of text must be recognised as. A text is right when the first thing the decoder shows is
// right: its best match is one of the family's entries, or, with no match, its protocol reading
// names the family. A text about something other than mail is right only when nothing is shown.
import type { Decoded } from '../../src/lib/decoder/decode.ts';

export interface ScoredText {
  text: string;
  source: string;
  program: string;
  family: string;
  who: string;
  clear: boolean;
  icloud: boolean;
}

/** The error entries that name each family's cause (content/errors ids). */
export const ACCEPT: Record<string, string[]> = {
  auth: [
    'smtp-auth-rejected',
    'nodemailer-eauth-invalid-login',
    'ios-username-or-password-incorrect',
    'apple-account-password-used',
    'web-login-tools-app-password',
    'home-assistant-login-not-possible',
    'mac-cannot-send-using-server',
  ],
  'tls-mode': [
    'wrong-version-number',
    'java-unrecognized-ssl-message',
    'go-first-record-not-tls',
    'android-tls-packet-header',
    'dotnet-unexpected-packet-format',
    'mailkit-ssl-handshake',
    'greeting-never-received',
    'go-hello-called-after-other-methods',
  ],
  'starttls-required': ['starttls-required', 'go-unencrypted-connection'],
  certificate: ['certificate-hostname-mismatch', 'certificate-intercepted', 'certificate-issuer-unknown'],
  dns: ['dns-lookup-failed'],
  refused: ['connection-refused'],
  timeout: ['connection-timeout', 'greeting-never-received', 'port-25-blocked'],
  unreachable: [],
  'recipient-unknown': ['recipient-unknown', 'hide-my-email-address-inactive'],
  'mailbox-full': ['recipient-mailbox-full'],
  'domain-no-mail': ['recipient-domain-no-mail'],
  'remote-refused-sender': [],
  'inbound-deferred': ['inbound-deferred'],
  'inbound-policy': [
    'inbound-blocklisted',
    'inbound-cs01',
    'inbound-dmarc-rejected',
    'inbound-helo-rejected',
    'inbound-hme-rejected',
    'inbound-local-policy',
    'inbound-not-accepting',
    'inbound-proofpoint-blocked',
    'inbound-relay-denied',
    'inbound-sender-domain-not-found',
  ],
  'port-25-blocked': ['port-25-blocked', 'connection-timeout'],
  'sender-refused': ['from-address-not-yours'],
  'sending-limit': ['daily-sending-limit', 'recipient-limit-exceeded'],
  'message-too-large': ['message-too-large'],
  'imap-auth': ['imap-authenticationfailed', 'imap-authenticate-plain-rejected'],
  'imap-unavailable': ['imap-unavailable'],
  'imap-nonexistent': [],
  'imap-overquota': [],
  'imap-server-error': ['imap-append-server-error'],
  'imap-unsupported': ['imap-unsupported-command', 'imap-parse-error'],
  'imap-noselect': ['imap-noselect-mailbox'],
  'imap-parse': ['imap-parse-error', 'imap-unparseable-reply'],
  'imap-not-responding': ['imap-server-not-responding'],
};

/** Families scored apart: apps' own messages name no cause that a reader could check. */
export const UNSCORED = new Set(['app-specific']);

export type Verdict = 'right' | 'wrong' | 'not-recognised';

/** The verdict for one text, from what the decoder returned for it. */
export function verdict(x: ScoredText, d: Decoded): Verdict {
  const diagnosis = d.diagnosis ?? null;
  const shown = d.matches.length > 0 || diagnosis !== null;
  if (x.family === 'not-mail') return shown ? 'wrong' : 'right';
  if (!shown) return 'not-recognised';
  const best = d.matches[0];
  if (best) return (ACCEPT[x.family] ?? []).includes(best.entry.id) ? 'right' : 'wrong';
  return diagnosis?.kind === x.family ? 'right' : 'wrong';
}

export interface Score {
  scored: number;
  right: number;
  wrong: number;
  notRecognised: number;
  /** Per family: [right, scored]. */
  byFamily: Map<string, [number, number]>;
}

export function score(texts: ScoredText[], decodeText: (text: string) => Decoded): Score {
  const s: Score = { scored: 0, right: 0, wrong: 0, notRecognised: 0, byFamily: new Map() };
  for (const x of texts) {
    if (!x.clear || UNSCORED.has(x.family)) continue;
    const v = verdict(x, decodeText(x.text));
    s.scored++;
    if (v === 'right') s.right++;
    else if (v === 'wrong') s.wrong++;
    else s.notRecognised++;
    const f = s.byFamily.get(x.family) ?? [0, 0];
    s.byFamily.set(x.family, [f[0] + (v === 'right' ? 1 : 0), f[1] + 1]);
  }
  return s;
}
