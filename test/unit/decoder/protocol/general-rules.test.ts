// General rules a mail admin applies, each on a synthetic text of the same form as a real one (the
// real ones are in the decoder's dev set, not here): what a code, a response, a runtime's error
// name or a program's own message means. Addresses and hosts are invented.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { loadFixtureSettings } from '../../../helpers/settings.ts';
import { diagnose } from '../../../../src/lib/decoder/protocol/diagnose.ts';
import { aboutOtherService } from '../../../../src/lib/decoder/protocol/read.ts';
import { classifyImap, classifyImapWords } from '../../../../src/lib/decoder/protocol/classify.ts';
import { findImapReplies } from '../../../../src/lib/decoder/protocol/imap.ts';
import { findSmtpReplies, isBounce } from '../../../../src/lib/decoder/protocol/smtp.ts';
import { windows } from '../../../../src/lib/decoder/protocol/bounded.ts';

const s = loadFixtureSettings();
const kind = (t: string) => diagnose(t, s)?.kind ?? null;

describe('SMTP: codes and who quoted them', () => {
  test('a rate per unit of time is a sending limit, even under a policy code', () => {
    assert.equal(
      kind('550 5.7.1 Sending refused: at most 50 messages per hour for this account smtp'),
      'sending-limit',
    );
    assert.equal(kind('SMTP: 451 4.7.1 quota of 200 recipients per day reached'), 'sending-limit');
  });

  test('the sign-in enhanced codes of RFC 4954 count without other mail words', () => {
    assert.equal(kind('Error was: 5.7.8 Error: authentication failed: bad credentials'), 'auth');
    assert.equal(kind('result 5.1.1 no such thing'), null);
  });

  test('a 421 or a 4xx saying "try later" quoted from the receiving server is a deferral', () => {
    assert.equal(kind('a@b.example: remote mail server mx.b.example said 421 4.4.5 too busy'), 'inbound-deferred');
    assert.equal(
      kind('delivery error when sending to b.example: 450 4.2.0 greylisted, try again later'),
      'inbound-deferred',
    );
    assert.equal(
      kind('Relay said, server said: 421 mx.b.example Service closing transmission channel'),
      'inbound-deferred',
    );
  });

  test('iCloud’s own submission server’s 4xx is not a delivery deferral; an unnamed server’s 421 is', () => {
    const icloud = s.smtp.server.value;
    assert.equal(kind(`smtp error from ${icloud}: 421 4.3.2 Service not available, try again later`), null);
    assert.equal(kind('smtp error: 451 4.3.0 Local error in processing, try again later'), null);
    // RFC 5321: 421 closes the channel and asks the client to come back later, whoever sends it.
    assert.equal(kind('smtp error: 421 4.3.2 Service not available, try again later'), 'inbound-deferred');
    assert.equal(
      kind('Mailer error: response=421 4.7.0 Try again later, closing connection. (EHLO)'),
      'inbound-deferred',
    );
  });

  test('a temporary refusal that made Postfix say "refused to talk to me" is the recipient’s policy', () => {
    const t =
      'status=deferred (host mx.b.example[192.0.2.7] refused to talk to me: 450 Client host rejected: no reverse DNS)';
    assert.equal(kind(t), 'remote-refused-sender');
  });

  test('a sender check that fails at the recipient’s server is its policy, not the submission server’s', () => {
    const t = '550 Sender verify failed for <me@a.example> (in reply to MAIL FROM command)';
    assert.ok(isBounce(t.toLowerCase()));
    assert.equal(kind(t), 'remote-refused-sender');
    assert.equal(kind('smtp: 550 Sender verify failed'), 'sender-refused');
  });

  test('reverse DNS words are a policy check (RFC 7372, X.7.25)', () => {
    assert.equal(
      kind('<a@b.example>: host mx.b.example[192.0.2.1] said: 550 rDNS lookup of your IP failed'),
      'remote-refused-sender',
    );
  });

  test('an enhanced code after an RFC 4954 code is read even in a text with no mail word', () => {
    assert.deepEqual(
      findSmtpReplies(windows('failed: 5.7.9 mechanism too weak'), false).map((r) => r.enhanced),
      ['5.7.9'],
    );
  });
});

describe('IMAP: statuses, response texts and extension commands', () => {
  test('a NO the server calls temporary is UNAVAILABLE; a fault it names is its error', () => {
    assert.equal(
      classifyImap({ status: 'NO', code: null, text: 'Temporary failure, retry' })?.kind,
      'imap-unavailable',
    );
    assert.equal(
      classifyImap({ status: 'BYE', code: null, text: 'Temporary internal error' })?.kind,
      'imap-server-error',
    );
    assert.equal(classifyImap({ status: 'NO', code: null, text: 'Fetch failure' })?.kind, 'imap-server-error');
  });

  test('MailKit’s message names the command; a BAD to an extension command is an unsupported extension', () => {
    const [r] = findImapReplies(
      windows(`The IMAP server replied to the 'IDLE' command with a 'BAD' response: Unknown`),
    );
    assert.equal(r?.command, 'IDLE');
    assert.equal(r?.status, 'BAD');
    assert.equal(
      kind(`The IMAP server replied to the "ENABLE" command with a "BAD" response: Error in command`),
      'imap-unsupported',
    );
    assert.equal(
      kind(`The IMAP server replied to the 'FETCH' command with a 'BAD' response: Error in command`),
      'imap-parse',
    );
  });

  test('Ruby’s ByeResponseError is a BYE with the words before it', () => {
    const [r] = findImapReplies(windows('imap.rb:12: Server shutting down (Net::IMAP::ByeResponseError)'));
    assert.deepEqual(r, { status: 'BYE', code: null, text: 'imap.rb:12: Server shutting down (' });
  });

  test('words that name one IMAP family decide without a status', () => {
    assert.equal(kind('imap(me): Error: SELECT Junk failed: Mailbox is not selectable'), 'imap-noselect');
    assert.equal(kind('Net::IMAP::NoResponseError\n\nNo such mailbox Archive'), 'imap-nonexistent');
    assert.equal(kind('imapd: could not run SEARCH: unknown search key MODSEQ'), 'imap-unsupported');
    assert.equal(kind('fetchmail: unexpected response: * 4 EXISTS (oops)'), 'imap-parse');
    assert.equal(classifyImapWords('all is well'), null);
  });
});

describe('runtimes’ and libraries’ own names', () => {
  const cases: [string, string][] = [
    ['smtp relay: invalid peer certificate: Expired', 'certificate'], // rustls
    ['MailKit: The server’s SSL certificate could not be validated for the following reasons: expired', 'certificate'],
    ['smtp send: The remote name could not be resolved: relay.b.example', 'dns'], // .NET
    ['smtp: nsresult: "0x804b000e (NS_ERROR_NET_TIMEOUT)"', 'timeout'], // Mozilla
    ['smtp: nsresult: (NS_ERROR_CONNECTION_REFUSED)', 'refused'],
    ['imap: (NS_ERROR_UNKNOWN_HOST)', 'dns'],
    ['Error connecting to mx.b.example:25: IO::Socket::IP: connect: timeout', 'port-25-blocked'], // Perl
    ['Mailer Error: The following From address failed: me@b.example', 'sender-refused'], // PHPMailer
    ['org.apache.james.mailbox.exception.OverQuotaException: over quota', 'mailbox-full'], // James
    ['javax.mail.FolderClosedException; com.sun.mail.iap.ParsingException: error in BODYSTRUCTURE', 'imap-parse'],
    [
      'MCOErrorDomain "Bandwidth limits were exceeded while requesting data from this Gmail account."',
      'imap-unavailable',
    ],
    ['delivery failed: No MX record for b.example', 'domain-no-mail'],
    ["DNS type 'mx' lookup of b.example responded with code SERVFAIL", 'domain-no-mail'],
    ['MyApp.IMAPClient: Command timed out after 30 seconds', 'imap-not-responding'],
  ];
  for (const [text, family] of cases) test(`${family}: ${text.slice(0, 50)}`, () => assert.equal(kind(text), family));

  test('a quota exception on the IMAP side is the account’s own quota; without mail it says nothing', () => {
    assert.equal(kind('imap APPEND failed: OverQuotaException: storage full'), 'imap-overquota');
    assert.equal(kind('maps.OverQuotaException: daily request quota'), null);
  });
});

describe('texts about another service', () => {
  test('a web server’s or a database’s error is not about mail, even with "mail" in a name', () => {
    assert.ok(aboutOtherService('webmail_1 | connect() failed (111: Connection refused) while connecting to upstream'));
    assert.ok(aboutOtherService('mailer db: SQLSTATE[HY000] [2002] Connection refused'));
    assert.ok(aboutOtherService('could not connect to server: Connection refused on port 6379', s));
  });

  test('a mail protocol word or a mail port keeps a text about mail; line numbers are not ports', () => {
    assert.ok(!aboutOtherService('smtp upstream: connection refused'));
    assert.ok(!aboutOtherService('connect to mail.b.example port 993: Connection refused, database', s));
    assert.ok(!aboutOtherService('at events.js:72 connection refused'));
  });
});
