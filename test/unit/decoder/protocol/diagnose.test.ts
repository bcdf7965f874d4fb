// The protocol reader's conclusions on the fixture settings: the family for each kind of fact, who
// answered, the cause and fix with settings filled in, two causes when two fit, and nothing for
// texts that are not about mail. Texts are shaped like real ones; addresses are invented.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { loadFixtureSettings } from '../../../helpers/settings.ts';
import { diagnose } from '../../../../src/lib/decoder/protocol/diagnose.ts';
import { readFacts, readProtocol } from '../../../../src/lib/decoder/protocol/read.ts';
import { classifyImap, classifySmtp } from '../../../../src/lib/decoder/protocol/classify.ts';
import { basicMeaning, enhancedMeaning, imapMeaning } from '../../../../src/lib/decoder/protocol/codes.ts';
import { describeWho, isInboundHost, namesInbound, whoAnswered } from '../../../../src/lib/decoder/protocol/who.ts';
import { FAMILY_LINKS, FAMILY_TITLES, tellApart, wording } from '../../../../src/lib/decoder/protocol/wording.ts';
import { FAMILIES, type ProtocolSettings, type Who } from '../../../../src/lib/decoder/protocol/types.ts';

const s = loadFixtureSettings();
const mx = s.wrongHosts['mx01']!.value;
const mxDomain = mx.slice(mx.indexOf('.') + 1);
const kind = (t: string, settings: ProtocolSettings | undefined = s) => diagnose(t, settings)?.kind ?? null;

describe('families from SMTP codes and words', () => {
  const cases: [string, string][] = [
    ['535 5.7.8 Error: authentication failed', 'auth'],
    ['javax.mail.AuthenticationFailedException: 535 5.7.139 Authentication unsuccessful', 'auth'],
    ["MAIL FROM failed: '550 Authentication is required for relay'", 'auth'],
    ['530 5.7.0 Must issue a STARTTLS command first', 'starttls-required'],
    ['538 5.7.11 Encryption required for requested authentication mechanism', 'starttls-required'],
    ['550 5.1.1 <a@b.example>: Recipient address rejected: User unknown', 'recipient-unknown'],
    ['450 4.1.2 <a@b.example>: Recipient address rejected: Domain not found', 'domain-no-mail'],
    ['552 5.2.2 <a@b.example>: Mailbox full', 'mailbox-full'],
    ['Diagnostic-Code: smtp; 550 5.2.0 quota exceeded', 'mailbox-full'],
    ['552 5.3.4 Message size exceeds fixed limit', 'message-too-large'],
    ['452 4.5.3 Too many recipients', 'sending-limit'],
    ['553 5.7.1 <a@b.example>: Sender address rejected: not owned by user a@c.example', 'sender-refused'],
    ['550 5.7.0 From address is not one of your addresses', 'sender-refused'],
    ['554 Message rejected: Email address is not verified.', 'sender-refused'],
    ['550 5.1.8 <a@b.example>: Sender address rejected: Domain not found', 'sender-refused'],
    ['SMTP error: 550 5.7.1 Service unavailable; client host blocked using a list', 'remote-refused-sender'],
    ['smtp: 554 limit exceeded for this account today: daily limit', 'sending-limit'],
    ['550 5.1.10 RESOLVER.ADR.RecipientNotFound; Recipient not found by SMTP address lookup', 'recipient-unknown'],
    ['556 5.1.10 Recipient address has null MX', 'domain-no-mail'],
    [
      '550-5.7.26 Unauthenticated email from b.example is not accepted due to its DMARC policy',
      'remote-refused-sender',
    ],
    [
      '552-5.7.0 This message was blocked because its content presents a potential security issue',
      'remote-refused-sender',
    ],
    ['554 5.7.1 <a@b.example>: Relay access denied', 'auth'],
    ['550 5.7.60 SMTP; Client does not have permissions to send as this sender', 'sender-refused'],
  ];
  for (const [text, family] of cases) test(`${family}: ${text.slice(0, 60)}`, () => assert.equal(kind(text), family));

  test('the first failure that something explains decides', () => {
    assert.equal(
      kind('smtp: 451 4.3.0 Temporary local problem\n550 5.1.1 <a@b.example>: user unknown'),
      'recipient-unknown',
    );
  });

  test('no family when nothing in the reply explains it', () => {
    assert.equal(kind('smtp said 502 Invalid input'), null);
    assert.equal(kind('SMTP 4xx error: transient error (451): 4.3.5 Server configuration error'), null);
  });
});

describe('who answered decides between inbound, recipient and submission', () => {
  test('iCloud’s inbound MX in a bounce: inbound policy, inbound deferral, unknown recipient', () => {
    const host = (reply: string) => `<a@b.example>: host ${mx}[192.0.2.1] said: ${reply}`;
    const d = diagnose(host('550 5.1.1 user does not exist'), s);
    assert.equal(d?.kind, 'recipient-unknown');
    assert.equal(d?.who, 'icloud-inbound');
    assert.equal(kind(host('554 5.7.1 Message rejected due to local policy')), 'inbound-policy');
    assert.equal(kind(host('421 4.7.0 Too many connections, try again later')), 'inbound-deferred');
    assert.equal(kind(host('450 4.7.1 Please try again later')), 'inbound-deferred');
    assert.equal(kind(host('550 5.1.8 Sender domain not found')), 'inbound-policy');
  });

  test('a numbered sibling of the listed MX hosts counts, another host does not', () => {
    assert.ok(isInboundHost(`mx11.${mxDomain}.`, s));
    assert.ok(!isInboundHost(`smtp.${mxDomain}`, s));
    assert.ok(!isInboundHost('mx01.example.org', s));
    assert.ok(namesInbound(`connecting to mx07.${mxDomain}`, s));
    assert.ok(!namesInbound(`relay.${mxDomain}`, s));
    assert.ok(!isInboundHost(mx, undefined));
  });

  test('the recipient’s server in a bounce refused by policy', () => {
    const t =
      '<a@b.example>: host mail.b.example[192.0.2.1]\n refused to talk to me: 554 5.7.1 You are not allowed to connect.';
    const d = diagnose(t, s);
    assert.equal(d?.kind, 'remote-refused-sender');
    assert.equal(d?.who, 'recipient-server');
    assert.equal(d?.alternative, null);
  });

  test('a policy refusal from iCloud’s sending server is about the sender', () => {
    const d = diagnose(`${s.smtp.server.value}: 554 5.7.1 Message refused`, s);
    assert.equal(d?.kind, 'sender-refused');
    assert.equal(d?.who, 'icloud-smtp');
    const t = diagnose('smtplib.SMTPServerDisconnected: Connection unexpectedly closed', s);
    assert.equal(t?.alternative?.kind, 'timeout');
  });

  test('the sending and IMAP servers named from the settings; the relay; a bare reply', () => {
    const w = (lower: string, o: Partial<Parameters<typeof whoAnswered>[0]> = {}): Who =>
      whoAnswered({ lower, bounce: false, remoteHost: null, side: 'smtp', serverReplied: true, ...o }, s);
    assert.equal(w(`${s.smtp.server.value} 535`), 'icloud-smtp');
    assert.equal(w(`${s.imap.server.value} no`, { side: 'imap' }), 'icloud-imap');
    assert.equal(w('a no', { side: 'imap' }), 'imap-server');
    assert.equal(w(`x@${s.relayDomain.value} 550`), 'relay');
    assert.equal(w('550'), 'smtp-server');
    assert.equal(w('550', { bounce: true }), 'recipient-server');
    assert.equal(w('timeout', { serverReplied: false }), 'local');
    for (const who of [
      'icloud-smtp',
      'icloud-inbound',
      'icloud-imap',
      'recipient-server',
      'relay',
      'smtp-server',
      'imap-server',
      'local',
    ] as Who[]) {
      assert.ok(describeWho(who, s).length > 10);
      assert.ok(describeWho(who, undefined).length > 10);
    }
    assert.ok(describeWho('icloud-smtp', s).includes(s.smtp.server.value));
  });
});

describe('families from IMAP', () => {
  const cases: [string, string][] = [
    ['A1 NO [AUTHENTICATIONFAILED] Invalid credentials (Failure)', 'imap-auth'],
    ['2 NO [UNAVAILABLE] Account is temporarily unavailable.', 'imap-unavailable'],
    ['a3 NO [NONEXISTENT] Unknown Mailbox: Foo', 'imap-nonexistent'],
    ['a4 NO [OVERQUOTA] Quota exceeded', 'imap-overquota'],
    ['xm003 NO [SERVERBUG] UID SEARCH Server error', 'imap-server-error'],
    ['a5 NO [CANNOT] Cannot do that', 'imap-unsupported'],
    ['a6 NO [LIMIT] Mailbox storage limit reached', 'imap-overquota'],
    ['a7 NO [LIMIT] Too many of them', 'imap-unavailable'],
    ['a8 NO [PRIVACYREQUIRED] Plaintext authentication disallowed', 'starttls-required'],
    ['28 NO Mailbox isn’t selectable', 'imap-noselect'],
    ["28 NO Mailbox isn't selectable", 'imap-noselect'],
    ['a9 NO Mailbox does not exist', 'imap-nonexistent'],
    ['a1 NO LOGIN failed', 'imap-auth'],
    ['a1 NO Over quota', 'imap-overquota'],
    ['a1 NO Service unavailable', 'imap-unavailable'],
    ['System error (Failure) (Net::IMAP::NoResponseError)', 'imap-server-error'],
    ['* BYE Autologout; idle for too long', 'imap-not-responding'],
    ['* BYE Server shutting down', 'imap-unavailable'],
    ['a1 BAD Unknown command FOO', 'imap-unsupported'],
    ['a1 BAD Parse Error', 'imap-parse'],
    ['A3 NO [ALERT] Please log in via your web browser', 'imap-auth'],
    ['Error: Timed out while authenticating with server', 'imap-not-responding'],
    ['* BYE JavaMail Exception: java.net.SocketTimeoutException: Read timed out (IMAPStore)', 'imap-not-responding'],
  ];
  for (const [text, family] of cases) test(`${family}: ${text.slice(0, 60)}`, () => assert.equal(kind(text), family));

  test('a NO that says nothing more decides nothing', () => {
    assert.equal(classifyImap({ status: 'NO', code: null, text: 'whatever' }), null);
  });
});

describe('TLS, network and library messages', () => {
  const cases: [string, string][] = [
    ['ssl.SSLError: [SSL: WRONG_VERSION_NUMBER] wrong version number (_ssl.c:1129) smtplib', 'tls-mode'],
    ['gomail: could not send email 1: remote error: tls: handshake failure', 'tls-mode'],
    ['imapfilter: certificate verification failed; 19', 'certificate'],
    ['Error: getaddrinfo ENOTFOUND smtp.example.org', 'dns'],
    [
      'ConnectionRefusedError: [WinError 10061] No connection could be made because the target machine actively refused it',
      'refused',
    ],
    ['[Errno 10060] A connection attempt failed because the connected party did not properly respond', 'timeout'],
    ['Errno::ENETUNREACH: Network is unreachable - connect(2) for "2001:db8::1" port 25', 'unreachable'],
    ['dial tcp 192.0.2.1:25: connect: connection timed out (sending mail)', 'port-25-blocked'],
    ["Error: Invalid login { code: 'EAUTH' } smtp", 'auth'],
    ['Error Domain=MCOErrorDomain Code=5 "Unable to authenticate with the current session\'s credentials."', 'auth'],
    ['javax.mail.AuthenticationFailedException: failed to connect IMAPStore imap', 'imap-auth'],
    ['User a@b.example has exceeded its 24-hour sending limit.', 'sending-limit'],
    [
      'Recipient address rejected: Message rejected due to: domain owner discourages use of this host.',
      'remote-refused-sender',
    ],
    ['Connection error: Connection refused (os error 111)', 'refused'],
    ['dial tcp: lookup smtp.b.example: i/o timeout', 'dns'],
    [
      'MailKit.Security.SslHandshakeException: An error occurred while attempting to establish an SSL or TLS connection.',
      'tls-mode',
    ],
    ['smtplib.SMTPServerDisconnected: Connection unexpectedly closed', 'tls-mode'],
    ['smtplib.SMTPNotSupportedError: SMTP AUTH extension not supported by server.', 'starttls-required'],
    ['[SSL: TLSV1_ALERT_PROTOCOL_VERSION] tlsv1 alert protocol version (_ssl.c:1108) smtp', 'tls-mode'],
    ['ImapFlow Error: Command failed authenticationFailed: true', 'imap-auth'],
    ['Error: queryA ETIMEOUT smtp.b.example', 'dns'],
    ['550 5.4.5 Daily user sending quota exceeded. smtp', 'sending-limit'],
    ['The mail server responded: Authentication failed. (SMTP)', 'auth'],
    ['imap: Authentication failed', 'imap-auth'],
  ];
  for (const [text, family] of cases) test(`${family}: ${text.slice(0, 60)}`, () => assert.equal(kind(text), family));

  test('a TLS alert from the server: the server answered', () => {
    assert.equal(diagnose('smtp: remote error: tls: handshake failure', s)?.who, 'smtp-server');
  });

  test('a program’s own words: who answered is the program or its system', () => {
    const d = diagnose(
      '[WinError 10061] No connection could be made because the target machine actively refused it',
      s,
    );
    assert.equal(d?.who, 'local');
    assert.match(d?.summary ?? '', /^Your program or its system reported it: /);
    assert.ok(d?.meaning.some((m) => m.includes('WinError 10061') || m.includes('actively refused it')));
  });
});

describe('texts that are not about mail get nothing', () => {
  for (const t of [
    'Error: connect ECONNREFUSED 127.0.0.1:3000',
    'Test timed out after 5000ms',
    'psycopg2.OperationalError: could not connect to server: Connection refused',
    'HTTP/1.1 500 Internal Server Error',
    "requests.exceptions.SSLError: HTTPSConnectionPool(host='api.example', port=443): certificate verify failed",
    'Version 4.1.2 released',
    "KeyError: 'mining_runs'",
    '{"errors":[{"message":"Unknown error"}]}',
    'error 550 happened',
    'npm ERR! code ETIMEDOUT',
    'Login failed for user sa (SQL Server)',
    'Authentication failed',
  ]) {
    test(t.slice(0, 60), () => assert.equal(diagnose(t, s), null));
  }
});

describe('what the diagnosis says', () => {
  test('codes, their meaning, a summary that says who replied what, settings in the fix', () => {
    const d = diagnose("smtplib.SMTPAuthenticationError: (535, b'5.7.8 Error: authentication failed')", s)!;
    assert.deepEqual(d.codes, { smtp: '535', enhanced: '5.7.8' });
    assert.equal(d.meaning.length, 2);
    assert.match(d.summary, /replied 535 5\.7\.8: /);
    assert.ok(d.fix.some((f) => f.includes(s.smtp.server.value) && f.includes(String(s.smtp.port.value))));
    assert.deepEqual(d.link, FAMILY_LINKS.auth);
    assert.equal(d.title, FAMILY_TITLES.auth);
  });

  test('an IMAP code is explained; a second cause comes with how to tell them apart', () => {
    const d = diagnose('a7 NO [LIMIT] Too many of them', s)!;
    assert.ok(d.meaning[0]?.startsWith('NO [LIMIT]: '));
    assert.equal(d.alternative?.kind, 'imap-overquota');
    assert.ok(d.alternative.tell.length > 10);
  });

  test('every family has a title, a cause and a fix, with and without settings; links name known kinds', () => {
    for (const f of FAMILIES) {
      assert.ok(FAMILY_TITLES[f]);
      for (const settings of [s, undefined]) {
        const w = wording(f, settings);
        assert.ok(w.cause.length > 20 && w.fix.length > 0, f);
      }
    }
    for (const l of Object.values(FAMILY_LINKS)) assert.ok(l.kind === 'error' || l.kind === 'faq');
    assert.equal(tellApart('auth', 'dns'), '');
    assert.ok(tellApart('sender-refused', 'remote-refused-sender').length > 0);
  });

  test('without settings the reader still works and names no server', () => {
    const d = diagnose('535 5.7.8 Error: authentication failed', undefined)!;
    assert.equal(d.kind, 'auth');
    assert.ok(!d.fix.join(' ').includes(s.smtp.server.value));
  });

  test('code meanings: known codes, classes, unknown details', () => {
    assert.match(basicMeaning('535')!, /password/);
    assert.equal(basicMeaning('459'), 'a temporary failure');
    assert.equal(basicMeaning('299'), null);
    assert.match(enhancedMeaning('5.1.1'), /permanent failure, bad destination mailbox/);
    assert.match(enhancedMeaning('4.9.9'), /temporary failure, unknown status/);
    assert.match(enhancedMeaning('5.6.9'), /message content status/);
    assert.match(imapMeaning(null, 'BAD')!, /did not understand/);
    assert.match(imapMeaning(null, 'BYE')!, /closing/);
    assert.equal(imapMeaning(null, null), null);
  });
});

describe('facts', () => {
  test('mail context from words and mail ports; other context from other ports and protocols', () => {
    assert.ok(readFacts('connect to host:993 failed', s).mailContext);
    assert.ok(!readFacts('connect to host:5432 failed', s).mailContext);
    assert.ok(readFacts('connect to host:5432 failed', s).otherContext);
    assert.ok(readFacts('dial port 25 now', s).port25);
    assert.equal(readFacts('imap login', s).side, 'imap');
    assert.equal(readFacts('plain words', s).side, null);
  });

  test('classifySmtp without an enhanced code falls back on words; 4xx deferral away from iCloud decides nothing', () => {
    assert.equal(classifySmtp({ code: '451', enhanced: null, text: 'try again later' }, 'smtp-server', ''), null);
    assert.equal(classifySmtp({ code: '552', enhanced: null, text: 'quota' }, 'smtp-server', '')?.kind, 'mailbox-full');
    assert.equal(
      classifySmtp({ code: '552', enhanced: null, text: 'nope' }, 'smtp-server', '')?.kind,
      'message-too-large',
    );
    assert.equal(
      classifySmtp({ code: '550', enhanced: null, text: 'no mx for domain' }, 'smtp-server', '')?.kind,
      'domain-no-mail',
    );
    assert.equal(
      classifySmtp({ code: '550', enhanced: null, text: 'relay access denied' }, 'smtp-server', '')?.kind,
      'auth',
    );
    assert.equal(
      classifySmtp({ code: '550', enhanced: null, text: 'relay access denied' }, 'icloud-inbound', '')?.kind,
      'inbound-policy',
    );
    assert.equal(
      classifySmtp(
        { code: null, enhanced: '5.7.0', text: 'Authentication Required' },
        'smtp-server',
        'the smtp server requires a secure connection or the client was not authenticated.',
      )?.alternative,
      'starttls-required',
    );
    assert.equal(readProtocol('', s), null);
  });
});
