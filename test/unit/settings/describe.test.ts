// Plain-language descriptions of coded settings: each follows the value it describes, so a changed
// setting changes the words (tested by changing the fixture's values in memory).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  confidenceLabel,
  describeAuthentication,
  describePassword,
  describePasswordShort,
  describeSecurity,
  describeUsername,
  describeUsernameShort,
} from '../../../src/lib/settings/describe.ts';
import type { Settings } from '../../../src/schemas/settings.ts';
import { loadFixtureSettings } from '../../helpers/settings.ts';

const base = loadFixtureSettings();
const variant = (change: (s: Settings) => void): Settings => {
  const s = structuredClone(base);
  change(s);
  return s;
};

test('describeSecurity says what STARTTLS and SSL/TLS do on the wire', () => {
  const starttls = variant((s) => (s.smtp.security.value = 'STARTTLS'));
  const implicit = variant((s) => (s.smtp.security.value = 'SSL/TLS'));
  assert.match(describeSecurity(starttls, 'smtp'), /starts unencrypted, then switches to TLS before the password/);
  assert.equal(describeSecurity(implicit, 'smtp'), 'encrypted with TLS from the first byte');
});

test('describeUsername: the full address with the placeholder, or the name part first', () => {
  const s = variant((x) => {
    x.placeholderAddress = 'pat@example.org';
    x.smtp.username.value = 'full-address';
    x.imap.username.value = 'local-part-or-full-address';
  });
  assert.equal(describeUsername(s, 'smtp'), 'Your full iCloud Mail address, with the @ (for example pat@example.org)');
  assert.equal(
    describeUsername(s, 'imap'),
    'Usually just the name part (pat); if that is refused, the full address (pat@example.org)',
  );
  assert.equal(describeUsernameShort(s, 'smtp'), 'Your full address, with the @: pat@example.org');
  assert.equal(describeUsernameShort(s, 'imap'), 'The name part (pat), or the full address');
});

test('the password descriptions name the page without its https:// and never ask for the account password', () => {
  const s = variant((x) => (x.password.createAt.value = 'https://account.example.org/app-passwords'));
  assert.equal(
    describePasswordShort(s),
    'An app-specific password from account.example.org/app-passwords, not your Apple Account password',
  );
  assert.match(
    describePassword(s),
    /^An app-specific password, not your Apple Account password\. Make one at account\.example\.org\/app-passwords /,
  );
  assert.doesNotMatch(describePassword(s), /https:\/\//);
});

test('describeAuthentication explains password authentication and names any other method as is', () => {
  assert.match(describeAuthentication(base, 'smtp'), /^Password \(normal, sent inside the encrypted connection\)$/);
  const other = variant((s) => ((s.smtp.authentication as { value: string }).value = 'OAuth2'));
  assert.equal(describeAuthentication(other, 'smtp'), 'OAuth2');
});

test('every confidence level has a label', () => {
  for (const level of ['apple', 'observed', 'third-party', 'unconfirmed']) assert.ok(confidenceLabel[level], level);
  assert.equal(confidenceLabel['unconfirmed'], 'Unconfirmed');
});
