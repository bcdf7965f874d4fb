// Matches and the protocol reading agree: a match the server's code contradicts is dropped.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { ErrorMatch } from '../../../../src/lib/decoder/error-match.ts';
import { agreeing } from '../../../../src/lib/decoder/protocol/agree.ts';
import { diagnose } from '../../../../src/lib/decoder/protocol/diagnose.ts';
import { loadFixtureSettings } from '../../../helpers/settings.ts';

const s = loadFixtureSettings();
const m = (id: string, protocol: 'smtp' | 'imap' = 'smtp'): ErrorMatch => ({
  entry: { id, title: id, protocol, cause: '', fix: [], signatures: [] },
  score: 2,
  found: [],
});
const ids = (xs: ErrorMatch[]) => xs.map((x) => x.entry.id);

test('an address code drops a match of another family, keeps its own and unknown ones', () => {
  const d = diagnose('550 5.1.1 <a@b.example>: user unknown', s);
  assert.deepEqual(ids(agreeing([m('smtp-auth-rejected'), m('recipient-unknown'), m('some-other')], d)), [
    'recipient-unknown',
    'some-other',
  ]);
});

test('a policy code decides less: matches of other families stay, the other protocol goes', () => {
  const d = diagnose('554 5.7.1 Message rejected due to local policy', s);
  assert.deepEqual(ids(agreeing([m('inbound-cs01'), m('imap-unavailable', 'imap')], d)), ['inbound-cs01']);
});

test('without a server code, or without a diagnosis, every match stays', () => {
  const tls = diagnose('wrong version number smtp', s);
  assert.equal(agreeing([m('imap-unavailable', 'imap')], tls).length, 1);
  assert.equal(agreeing([m('x')], null).length, 1);
});

test('an IMAP code decides: a match of another IMAP family goes', () => {
  const d = diagnose('A1 NO [UNAVAILABLE] try later', s);
  assert.deepEqual(ids(agreeing([m('imap-authenticationfailed', 'imap'), m('imap-unavailable', 'imap')], d)), [
    'imap-unavailable',
  ]);
});

test('a failed certificate check the program names drops a match of a TLS start that failed for any reason', () => {
  const d = diagnose('SslHandshakeException: the certificate could not be validated: chain expired (smtp)', s);
  assert.equal(d?.kind, 'certificate');
  assert.deepEqual(ids(agreeing([m('mailkit-ssl-handshake'), m('certificate-intercepted'), m('some-other')], d)), [
    'certificate-intercepted',
    'some-other',
  ]);
});

test('the recipient’s server refusing by policy in a bounce: an entry about iCloud’s own side goes', () => {
  const d = diagnose('<a@b.example>: host mx.b.example[192.0.2.9] said: 554 5.7.1 rejected by policy', s);
  assert.equal(d?.kind, 'remote-refused-sender');
  assert.equal(d?.who, 'recipient-server');
  assert.deepEqual(ids(agreeing([m('from-address-not-yours'), m('smtp-auth-rejected'), m('some-other')], d)), [
    'some-other',
  ]);
});
