/**
 * Matches and the protocol reading should not contradict each other. A plain-text signature can
 * match a word that happens to be in the text; a server's code says what happened. So when the code
 * alone decides the family (an address, mailbox or size status, a 535, an IMAP response code), a
 * match whose error belongs to other families only is dropped, and so is a match of the other
 * protocol; so does a reply the recipient's server gave, quoted in a bounce, for a family without
 * entries of its own. Matches of errors that belong to no family here are kept. A failed
 * certificate check named by the program likewise drops a match of another family.
 */
import type { ErrorMatch } from '../error-match.ts';
import type { Diagnosis, Family } from './types.ts';

/** The error entries (content/errors ids) that name each family's cause. */
export const FAMILY_ENTRIES: Partial<Record<Family, readonly string[]>> = {
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
  'recipient-unknown': ['recipient-unknown', 'hide-my-email-address-inactive'],
  'mailbox-full': ['recipient-mailbox-full'],
  'domain-no-mail': ['recipient-domain-no-mail'],
  'sender-refused': ['from-address-not-yours'],
  'sending-limit': ['daily-sending-limit', 'recipient-limit-exceeded'],
  'message-too-large': ['message-too-large'],
  'imap-auth': ['imap-authenticationfailed', 'imap-authenticate-plain-rejected'],
  'imap-unavailable': ['imap-unavailable'],
  'imap-server-error': ['imap-append-server-error'],
  'imap-unsupported': ['imap-unsupported-command', 'imap-parse-error'],
  'imap-noselect': ['imap-noselect-mailbox'],
  'imap-parse': ['imap-parse-error', 'imap-unparseable-reply'],
};

const families = new Map<string, Family[]>();
for (const [family, ids] of Object.entries(FAMILY_ENTRIES)) {
  for (const id of ids) families.set(id, [...(families.get(id) ?? []), family as Family]);
}

/** Whether the codes alone decide the family, whoever answered and whatever the words. */
function codeDecides(d: Diagnosis): boolean {
  const subject = d.codes.enhanced?.split('.')[1];
  return (
    Boolean(d.codes.imap) ||
    d.codes.smtp === '535' ||
    subject === '1' ||
    subject === '2' ||
    d.codes.enhanced === '5.3.4'
  );
}

/** The matches that do not contradict the diagnosis. */
export function agreeing(matches: ErrorMatch[], d: Diagnosis | null): ErrorMatch[] {
  if (!d) return matches;
  // A failed certificate check is the most specific thing a TLS failure can say: an error of another
  // family (a TLS start that failed for any reason) gives way to it.
  if (d.kind === 'certificate' && d.codes.evidence) {
    return matches.filter((x) => families.get(x.entry.id)?.includes('certificate') ?? true);
  }
  if (!(d.codes.smtp || d.codes.enhanced || d.codes.imap)) return matches;
  const side = d.kind.startsWith('imap-') ? 'imap' : 'smtp';
  const fits = new Set([d.kind, d.alternative?.kind]);
  // The recipient's server answered, quoted in a bounce, for a cause no entry here describes (its
  // own policy, a deferral): an entry about iCloud's side (a sign-in, a From address) cannot be it.
  const decides = codeDecides(d) || (d.who === 'recipient-server' && !FAMILY_ENTRIES[d.kind]);
  return matches.filter((x) => {
    if (x.entry.protocol !== side) return false;
    const of = families.get(x.entry.id);
    return !decides || !of || of.some((f) => fits.has(f));
  });
}
