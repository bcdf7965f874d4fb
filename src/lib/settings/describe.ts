// Plain-language descriptions of the coded settings values, shared by tables, cards and the checker.
import type { Settings } from '../../schemas/settings.ts';

type Side = 'smtp' | 'imap';

/** "STARTTLS" / "SSL/TLS" with what it means on the wire. */
export function describeSecurity(s: Settings, side: Side): string {
  const mode = s[side].security.value;
  return mode === 'STARTTLS'
    ? 'starts unencrypted, then switches to TLS before the password is sent'
    : 'encrypted with TLS from the first byte';
}

/** What goes in the username field for one side. */
export function describeUsername(s: Settings, side: Side): string {
  const example = s.placeholderAddress;
  if (s[side].username.value === 'full-address') {
    return `Your full iCloud Mail address, with the @ (for example ${example})`;
  }
  const local = example.slice(0, example.indexOf('@'));
  return `Usually just the name part (${local}); if that is refused, the full address (${example})`;
}

/** The username rule in a few words, for the home page card. */
export function describeUsernameShort(s: Settings, side: Side): string {
  const example = s.placeholderAddress;
  return s[side].username.value === 'full-address'
    ? `Your full address, with the @: ${example}`
    : `The name part (${example.slice(0, example.indexOf('@'))}), or the full address`;
}

/** The password rule in a few words, for the home page card. */
export function describePasswordShort(s: Settings): string {
  return `An app-specific password from ${s.password.createAt.value.replace(/^https:\/\//, '')}, not your Apple Account password`;
}

/** The password rule in one sentence. */
export function describePassword(s: Settings): string {
  return `An app-specific password, not your Apple Account password. Make one at ${s.password.createAt.value.replace(/^https:\/\//, '')} (two-factor authentication required).`;
}

/** Authentication in words. */
export function describeAuthentication(s: Settings, side: Side): string {
  return s[side].authentication.value === 'password'
    ? 'Password (normal, sent inside the encrypted connection)'
    : String(s[side].authentication.value);
}

export const confidenceLabel: Record<string, string> = {
  apple: 'Apple documents this',
  observed: 'Seen working on the real server',
  'third-party': 'From a third-party source',
  unconfirmed: 'Unconfirmed',
};
