// General rules of the third round, each on a synthetic text of the same form as a real one (the real
// ones are in the decoder's dev set, not here). Addresses and hosts are invented.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { loadFixtureSettings } from '../../../helpers/settings.ts';
import { diagnose } from '../../../../src/lib/decoder/protocol/diagnose.ts';
import { aboutOtherService } from '../../../../src/lib/decoder/protocol/read.ts';
import { findClues } from '../../../../src/lib/decoder/protocol/clues.ts';
import { findImapReplies } from '../../../../src/lib/decoder/protocol/imap.ts';
import { findSmtpReplies } from '../../../../src/lib/decoder/protocol/smtp.ts';

const s = loadFixtureSettings();
const kind = (t: string) => diagnose(t, s)?.kind ?? null;

describe('not mail, and what is not a port', () => {
  test('a web address with its port, or a request sent to one, is an HTTP service', () => {
    const t =
      'login failed: Invalid email/password (ConnectTimeout sending request https://api.example.net:8443/v1/auth)';
    assert.ok(aboutOtherService(t, s));
    assert.ok(aboutOtherService('AuthError: bad password (request to https://id.example.com/signin failed)', s));
    assert.ok(aboutOtherService('httpx.ReadTimeout: The read operation timed out', s));
  });

  test('HTTP clients by name, and a web address being fetched or accessed, are an HTTP service', () => {
    for (const t of [
      'okhttp3.internal.http.RetryAndFollowUpInterceptor: java.net.SocketTimeoutException: timeout',
      'System.Net.Http.HttpRequestException: Connection refused (backend.example.com:8080)',
      "fatal: unable to access 'https://git.example.com/r.git/': SSL certificate problem: self signed certificate",
      'Post "https://api.example.com/send": dial tcp: lookup api.example.com: no such host',
    ]) {
      assert.ok(aboutOtherService(t, s), t);
    }
  });

  test('a bounce that links to a help page stays mail', () => {
    const t =
      'host mx.b.example[192.0.2.9] said: 550 5.7.1 Blocked - see https://postmaster.b.example/x (in reply to RCPT TO command)';
    assert.ok(!aboutOtherService(t, s));
    assert.equal(kind(t), 'remote-refused-sender');
  });

  test('a source file and line is not a port: an OpenSSL error from a C file still reads', () => {
    const t = 'Error: error:1408F10B:SSL routines:ssl3_get_record:wrong version number:ssl/record/ssl3_record.c:331:';
    assert.equal(kind(t), 'tls-mode');
  });
});

describe('SMTP: codes and words', () => {
  test('Swift Mailer and Symfony Mailer name SMTP by their "expected response code"', () => {
    const t =
      'Expected response code "250" but got code "550", with message "550 Requested action not taken: mailbox unavailable"';
    assert.equal(kind(t), 'recipient-unknown');
  });

  test('throttling, a message quota or a sending rate is a sending limit', () => {
    assert.equal(kind('smtp: 454 Throttling failure: Maximum sending rate exceeded.'), 'sending-limit');
    assert.equal(kind('SMTP relay: 550 5.4.6 hourly message quota reached for this account'), 'sending-limit');
  });

  test('an unknown or invalid sender is refused as the sender', () => {
    assert.equal(kind('SMTP error 553: 5.1.0 invalid sender <me@a.example>'), 'sender-refused');
  });

  test('556 (RFC 7505) and "null MX" words name a domain that takes no mail', () => {
    assert.equal(kind('smtp: 556 5.1.10 <a@b.example>: domain b.example takes no mail'), 'domain-no-mail');
    assert.equal(kind('550 5.1.10 Recipient rejected: b.example has a nullMX record (smtp)'), 'domain-no-mail');
    assert.equal(
      kind('smtp: 550 5.1.10 RESOLVER.ADR.RecipientNotFound; not found by address lookup'),
      'recipient-unknown',
    );
  });

  test('a reply line pasted alone counts when its code is not HTTP’s and its words are about a message', () => {
    assert.equal(kind('421 Too many concurrent deliveries of messages, try again later'), 'inbound-deferred');
    assert.equal(findSmtpReplies(['550 Permission denied'], false).length, 0); // FTP shares the code
    assert.equal(findSmtpReplies(['421 Misdirected Request'], false).length, 0); // HTTP's 421
    assert.equal(findSmtpReplies(['see: 421 message delivery paused'], false).length, 0); // not at the start
  });
});

describe('IMAP: words of common servers', () => {
  test('a connection cap per user is UNAVAILABLE, not a server fault', () => {
    assert.equal(
      kind('a3 NO Maximum number of connections from user+IP exceeded (mail_max_userip_connections=20)'),
      'imap-unavailable',
    );
    assert.equal(kind('A7 NO [ALERT] Account exceeded its connection limit (Failure)'), 'imap-unavailable');
  });

  test('storage words are over quota', () => {
    assert.equal(kind('A12 NO [ALERT] Not enough storage to append the message'), 'imap-overquota');
  });

  test('a status and the command it answers, with no tag, is an IMAP reply', () => {
    const [r] = findImapReplies(['NO SELECT Mailbox does not exist']);
    assert.deepEqual(r, { status: 'NO', code: null, text: 'Mailbox does not exist', command: 'SELECT' });
    assert.equal(kind('NO LOGIN failed: wrong password'), 'imap-auth');
  });

  test('a tagged reply quoted in brackets is read', () => {
    assert.equal(findImapReplies(['Request failed (C5 BAD Unknown command XFOO)']).length, 1);
    assert.equal(kind('Request failed (C5 BAD Unknown command XFOO)'), 'imap-unsupported');
  });

  test('"nonexistent" and libraries’ parse failures, with no status', () => {
    assert.equal(kind('imap: select failed: nonexistent mailbox "Archive/2019"'), 'imap-nonexistent');
    assert.equal(kind('imap client: failed to parse server line "* 3 FETCH (UID"'), 'imap-parse');
    assert.equal(kind('Net::IMAP::ResponseParseError: unexpected token SPACE'), 'imap-parse');
  });
});

describe('a dropped connection and read timeouts', () => {
  test('a reset or a lost connection on the IMAP side: the server stopped answering', () => {
    for (const t of [
      'IMAP IDLE failed: read tcp 10.0.0.2:51234->198.51.100.4:993: read: connection reset by peer',
      'imaplib.abort: socket error: [Errno 54] Connection reset by peer',
      'IMAP sync: [WinError 10054] An existing connection was forcibly closed by the remote host',
      'imap worker: Io(Os { code: 104, kind: ConnectionReset })',
      'Connection to imap.example.org was lost, retrying in 30 s',
      'imap error: (errno 104) peer went away',
    ]) {
      assert.equal(kind(t), 'imap-not-responding', t);
    }
  });

  test('a reset elsewhere names no cause, and its errno is not read as one', () => {
    assert.equal(kind('smtp: read: connection reset by peer'), null);
    assert.ok(!findClues('[Errno 104] Connection reset by peer', '[errno 104] connection reset by peer').length);
  });

  test('Python’s ssl timeouts are timeouts, after the connect on the IMAP side', () => {
    assert.equal(kind('TimeoutError: The handshake operation timed out'), 'timeout');
    assert.equal(kind('imaplib: socket.timeout: The read operation timed out'), 'imap-not-responding');
  });

  test('a delivery agent over the mailbox quota is a full mailbox; a bare quota is not mail', () => {
    assert.equal(kind('maildrop: Unable to deliver to mailbox: Disk quota exceeded'), 'mailbox-full');
    assert.equal(kind('Quota exceeded for quota metric Requests per minute'), null);
  });
});

describe('more runtimes’ words for the same network and TLS causes', () => {
  const cases: [string, string | null][] = [
    ['mutt: TLS: The certificate is NOT trusted (smtp)', 'certificate'],
    ['SSL Certificate check failed: certificate owner does not match hostname imap.example.org', 'certificate'],
    ['smtp transport: InvalidCertificate(NotValidForName)', 'certificate'],
    ['Error: UNABLE_TO_GET_ISSUER_CERT_LOCALLY (smtp)', 'certificate'],
    ['send-mail: TLS handshake failed: An unexpected TLS packet was received.', 'tls-mode'],
    ['smtp: io error: received corrupt message', 'tls-mode'],
    ['Net::OpenTimeout (smtp.example.org:587)', 'timeout'],
    ['sending mail: dial: context deadline exceeded', 'timeout'],
    ['deadline has elapsed', null], // a generic timeout with no mail around it decides nothing
    ['Net::ReadTimeout while IMAP IDLE', 'imap-not-responding'],
    ['imap: The IMAP server has unexpectedly disconnected.', 'imap-not-responding'],
    ['imaplib.IMAP4.abort: socket error: EOF occurred', 'imap-not-responding'],
    ['IMAP folder sync: NS_ERROR_NET_INTERRUPT', 'imap-not-responding'],
  ];
  for (const [text, family] of cases) test(`${family}: ${text.slice(0, 60)}`, () => assert.equal(kind(text), family));
});

describe('more servers’ words for the same SMTP and IMAP causes', () => {
  test('MTAs’ wordings of an unknown recipient', () => {
    for (const t of [
      'smtp: 550 Recipient unknown <z@b.example>',
      'smtp: 550 5.1.0 Address unknown',
      'smtp: 550 User not found: z@b.example',
      'smtp: 554 no such recipient',
    ]) {
      assert.equal(kind(t), 'recipient-unknown', t);
    }
  });

  test('greylisting is a receiving server’s deferral, even from a server the text does not name', () => {
    assert.equal(kind('smtp: 451 4.7.1 Graylisted for 300 seconds, please retry'), 'inbound-deferred');
  });

  test('a quota on sending is the sending limit, whatever mailbox code comes with it', () => {
    assert.equal(kind('smtp: 550 5.2.0 SubmissionQuotaExceeded: too many messages today'), 'sending-limit');
    assert.equal(kind('smtp: 552 5.2.2 mailbox quota exceeded'), 'mailbox-full');
  });

  test('Exchange’s missing folder', () => {
    assert.equal(kind('x9 NO The folder could not be found in the store.'), 'imap-nonexistent');
  });
});

describe('IMAP: a mailbox held by another session, a full folder', () => {
  test('a locked mailbox or one in use is INUSE: temporarily unavailable', () => {
    assert.equal(kind('m4 NO Mailbox is locked, try later'), 'imap-unavailable');
    assert.equal(kind('m5 NO Folder in use by another client'), 'imap-unavailable');
  });

  test('a folder or account that is full is over quota', () => {
    assert.equal(kind('m6 NO Account is full'), 'imap-overquota');
  });
});

describe('SMTP: the message’s authentication is not a sign-in', () => {
  test('"unauthenticated email" is the receiver’s policy; "authentication required" is a sign-in', () => {
    assert.equal(
      kind('smtp: 550 5.7.1 Unauthenticated mail from this domain is refused by policy'),
      'remote-refused-sender',
    );
    assert.equal(kind('smtp: 530 5.7.0 Authentication required'), 'auth');
  });
});

describe('SMTP: Yahoo’s wording of an unknown recipient', () => {
  test('"this user doesn’t have a … account" is an unknown recipient', () => {
    assert.equal(kind("smtp: 554 delivery error: dd This user doesn't have a c.example account"), 'recipient-unknown');
  });
});
