// The protocol readers on their own: SMTP replies and delivery reports, IMAP responses, TLS, OS
// and library clues, in the forms programs print them (texts shaped like the real ones, invented
// addresses).
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { decisiveReply, findSmtpReplies, isBounce, remoteHost } from '../../../../src/lib/decoder/protocol/smtp.ts';
import { decisiveImap, findImapReplies } from '../../../../src/lib/decoder/protocol/imap.ts';
import { findClues, hasWord } from '../../../../src/lib/decoder/protocol/clues.ts';
import { bound, READ_KIB, WINDOW, windows } from '../../../../src/lib/decoder/protocol/bounded.ts';

const smtp = (text: string, mail = true) => findSmtpReplies(windows(text), mail);
const first = (text: string) => decisiveReply(smtp(text));

describe('SMTP replies', () => {
  test('a basic code with its enhanced code, in the separators programs print', () => {
    for (const [text, code, enhanced] of [
      ['550 5.1.1 <a@b.example>: Recipient address rejected', '550', '5.1.1'],
      ['552-5.2.3 Your message exceeded the limit', '552', '5.2.3'],
      ['Diagnostic-Code: smtp; 552 5.2.2 mailbox full', '552', '5.2.2'],
      ['Diagnostic-Code:550 5.2.5 Folder full', '550', '5.2.5'],
      ["smtplib.SMTPAuthenticationError: (535, b'5.7.8 Error: authentication failed')", '535', '5.7.8'],
      ['permanent error (535): 5.7.8 Error: authentication failed', '535', '5.7.8'],
      ['smtp;550 5.1.1 user unknown', '550', '5.1.1'],
    ] as const) {
      const r = first(text);
      assert.equal(r?.code, code, text);
      assert.equal(r?.enhanced, enhanced, text);
    }
  });

  test('the words after the codes come with it, trimmed', () => {
    assert.equal(first("(535, b'5.7.8 Error: authentication failed')")?.text, 'Error: authentication failed');
  });

  test('a pair of different classes is not a pair; a bare code needs a text about mail', () => {
    assert.ok(!smtp('550 4.1.1 x', true).some((r) => r.code === '550' && r.enhanced === '4.1.1'));
    assert.deepEqual(smtp('error 550 Internal thing', false), []);
    assert.equal(smtp('Error: 535 Incorrect authentication data', false)[0]?.code, '535');
    assert.equal(smtp("MAIL FROM failed: '550 Authentication is required for relay'")[0]?.code, '550');
  });

  test('version numbers, paths and ports are not codes', () => {
    assert.deepEqual(smtp('/lib/ruby/2.1.0/net/imap.rb and 4.1.2.3 and v5.1.1/x', true), []);
    assert.deepEqual(smtp('https://host:443 Connection reset', true), []);
  });

  test('an enhanced code on its own (a DSN Status field) when the text is about mail', () => {
    const r = first('Action: failed\nStatus: 5.1.1');
    assert.equal(r?.code, null);
    assert.equal(r?.enhanced, '5.1.1');
    assert.deepEqual(smtp('Status: 5.1.1', false), []);
  });

  test('the decisive reply: a failure with both codes, else a basic code, else an enhanced code', () => {
    assert.deepEqual(first('250 2.0.0 Ok\n550 5.1.1 no'), { code: '550', enhanced: '5.1.1', text: 'no' });
    assert.equal(first('250 OK\n554 Transaction failed')?.code, '554');
    assert.equal(first('Status: 4.7.1 x')?.enhanced, '4.7.1');
    assert.equal(decisiveReply([{ code: '250', enhanced: '2.0.0', text: '' }]), null);
  });
});

describe('delivery reports', () => {
  test('RFC 3464 fields, Postfix, Sendmail, Exim and iCloud bounces read as bounces', () => {
    for (const t of [
      'Final-Recipient: rfc822; a@b.example',
      '<a@b.example>: host mx.b.example[192.0.2.1] said: 550 5.1.1 no',
      '----- Transcript of session follows -----',
      'SMTP error from remote mail server after RCPT TO:<a@b.example>',
      'Recipient address: a@b.example\nReason: Remote server replied',
    ]) {
      assert.ok(isBounce(t.toLowerCase()), t);
    }
    assert.ok(!isBounce('an ordinary error'));
  });

  test('the remote host: Remote-MTA, Postfix host X[ip], Exim host X [ip], Sendmail while talking to', () => {
    assert.equal(remoteHost(['Remote-MTA: dns; mx.b.example']), 'mx.b.example');
    assert.equal(remoteHost(['host mx.b.example[192.0.2.1] said: 550']), 'mx.b.example');
    assert.equal(remoteHost(['  host mx.c.example [192.0.2.2]: 550 5.1.1']), 'mx.c.example');
    assert.equal(remoteHost(['... while talking to mx.d.example.:']), 'mx.d.example');
    assert.equal(remoteHost(['nothing']), null);
  });
});

describe('IMAP responses', () => {
  test('tagged and untagged NO, BAD and BYE with RFC 5530 codes', () => {
    const r = findImapReplies(['A1 NO [AUTHENTICATIONFAILED] Invalid credentials (Failure)']);
    assert.deepEqual(r[0], { status: 'NO', code: 'AUTHENTICATIONFAILED', text: 'Invalid credentials (Failure)' });
    assert.equal(findImapReplies(['* BYE Autologout; idle for too long'])[0]?.status, 'BYE');
    assert.equal(findImapReplies(['xm003 NO [SERVERBUG] UID SEARCH Server error'])[0]?.code, 'SERVERBUG');
    assert.equal(findImapReplies(['28 NO Mailbox is not selectable'])[0]?.code, null);
  });

  test('library wrappings: imaplib bytes, ImapFlow and node-imap fields, MailKit, Ruby', () => {
    assert.equal(
      findImapReplies(["imaplib.error: b'[AUTHENTICATIONFAILED] Authentication failed.'"])[0]?.code,
      'AUTHENTICATIONFAILED',
    );
    assert.equal(findImapReplies(["serverResponseCode: 'UNAVAILABLE',"])[0]?.code, 'UNAVAILABLE');
    assert.equal(findImapReplies(["textCode: 'AUTHENTICATIONFAILED'"])[0]?.code, 'AUTHENTICATIONFAILED');
    assert.equal(
      findImapReplies([
        "The IMAP server replied to the 'SELECT' command with a 'NO' response: Mailbox does not exist",
      ])[0]?.status,
      'NO',
    );
    assert.equal(findImapReplies(['System error (Failure) (Net::IMAP::NoResponseError)'])[0]?.status, 'NO');
    assert.equal(findImapReplies(['Parse Error (Net::IMAP::BadResponseError)'])[0]?.status, 'BAD');
  });

  test('a word NO without a tag, or an unknown bracket, is not IMAP', () => {
    assert.deepEqual(findImapReplies(['I said NO way', '[INFO] started', '[ALERT] hello']), []);
  });

  test('the decisive response: one with a code first', () => {
    const r = findImapReplies(['A1 NO something', 'A2 NO [OVERQUOTA] full']);
    assert.equal(decisiveImap(r)?.code, 'OVERQUOTA');
    assert.equal(decisiveImap(findImapReplies(['A1 BAD x']))?.status, 'BAD');
    assert.equal(decisiveImap([]), null);
  });
});

describe('TLS, OS and library clues', () => {
  const kinds = (t: string) => findClues(t, t.toLowerCase()).map((c) => c.family);

  test('each runtime’s words point at their family', () => {
    assert.equal(kinds('[SSL: CERTIFICATE_VERIFY_FAILED] certificate verify failed')[0], 'certificate');
    assert.equal(kinds('x509: certificate signed by unknown authority')[0], 'certificate');
    assert.equal(kinds('error:0A00010B:SSL routines::wrong version number')[0], 'tls-mode');
    assert.equal(kinds('javax.net.ssl.SSLException: Unrecognized SSL message, plaintext connection?')[0], 'tls-mode');
    assert.equal(kinds('530 5.7.0 Must issue a STARTTLS command first')[0], 'starttls-required');
    assert.equal(kinds('getaddrinfo ENOTFOUND smtp.example')[0], 'dns');
    assert.equal(kinds('connect ECONNREFUSED 192.0.2.1:587')[0], 'refused');
    assert.equal(kinds('Errno::ENETUNREACH: Network is unreachable')[0], 'unreachable');
    assert.equal(kinds('dial tcp 192.0.2.1:587: i/o timeout')[0], 'timeout');
    assert.equal(kinds('SMTP Error: Could not authenticate.')[0], 'auth');
  });

  test('errno numbers: Windows anywhere, Linux and macOS after Errno', () => {
    assert.deepEqual(kinds('[WinError 10061] x'), ['refused']);
    assert.deepEqual(kinds('[Errno 111] x'), ['refused']);
    assert.deepEqual(kinds('[Errno 8] x'), ['dns']);
    assert.deepEqual(kinds('SocketException: 10060'), ['timeout']);
    assert.deepEqual(kinds('[Errno 2] No such file'), []);
  });

  test('codes such as EAUTH count only as whole words', () => {
    assert.ok(hasWord("code: 'EAUTH'", 'EAUTH'));
    assert.ok(!hasWord('reauthenticate EAUTHX', 'EAUTH'));
    assert.deepEqual(kinds('please reauthenticate'), []);
  });
});

describe('the part that is read', () => {
  test('short texts are read whole, long ones as head and tail; invisible characters go', () => {
    assert.deepEqual(bound('5\u200b50 5.1.1'), { text: '550 5.1.1', cutKiB: null });
    const long = `start ${'x'.repeat(READ_KIB * 2048)} end`;
    const b = bound(long);
    assert.equal(b.cutKiB, READ_KIB);
    assert.ok(b.text.startsWith('start') && b.text.endsWith('end'));
    assert.ok(b.text.length <= READ_KIB * 2048 + 1);
  });

  test('long lines are read in overlapping windows, blank lines skipped', () => {
    const w = windows(`a\n\n${'y'.repeat(WINDOW * 2)}`);
    assert.equal(w[0], 'a');
    assert.ok(w.slice(1).every((x) => x.length <= WINDOW));
    assert.ok(w.length >= 3);
  });
});
