/**
 * TLS failures, OS network errors and mail libraries' own messages, in each runtime's words. Each
 * entry is a plain phrase (found case-insensitively, no regular expression) and the family it points
 * at. The tables are in order of precedence: a certificate problem explains a failed TLS start, a
 * failed TLS start explains a closed connection, and so on. Wordings come from the programs'
 * sources: OpenSSL's reason strings, Python's ssl and smtplib, Java's JSSE and JavaMail, .NET's
 * SslStream and SmtpClient, Apple's Secure Transport, Go's crypto/tls, net and net/smtp, Android's
 * Conscrypt, Node's errno codes and Nodemailer's, PHPMailer's language file, MailCore2's messages.
 */
import type { Clue, Family } from './types.ts';

type Row = readonly [phrase: string, family: Family];

const CERTIFICATE: Row[] = [
  ['certificate verify failed', 'certificate'], // OpenSSL, Python [SSL: CERTIFICATE_VERIFY_FAILED]
  ['certificate verification failed', 'certificate'],
  ['unable to get local issuer certificate', 'certificate'],
  ['self signed certificate', 'certificate'],
  ['self-signed certificate', 'certificate'],
  ['SELF_SIGNED_CERT_IN_CHAIN', 'certificate'], // Node
  ['DEPTH_ZERO_SELF_SIGNED_CERT', 'certificate'],
  ['UNABLE_TO_VERIFY_LEAF_SIGNATURE', 'certificate'],
  ['unable to verify the first certificate', 'certificate'],
  ['CERT_HAS_EXPIRED', 'certificate'],
  ['certificate has expired', 'certificate'],
  ['ERR_TLS_CERT_ALTNAME_INVALID', 'certificate'],
  ["does not match certificate's altnames", 'certificate'],
  ['x509: certificate', 'certificate'], // Go
  ['PKIX path building failed', 'certificate'], // JSSE
  ['unable to find valid certification path', 'certificate'],
  ['No subject alternative DNS name matching', 'certificate'],
  ['Trust anchor for certification path not found', 'certificate'], // Android
  ['The remote certificate is invalid', 'certificate'], // .NET
  ['issued by an authority that is not trusted', 'certificate'], // SChannel
  ['The target principal name is incorrect', 'certificate'],
  ['errSSLXCertChainInvalid', 'certificate'], // Secure Transport
  ['The certificate for this server is invalid', 'certificate'], // Apple, MailCore2
  ['hostname mismatch', 'certificate'],
  ['invalid peer certificate', 'certificate'], // rustls InvalidCertificate
  ['certificate could not be validated', 'certificate'], // MailKit, before its SslHandshakeException
  ['certificate is not trusted', 'certificate'], // GnuTLS (msmtp, mutt)
  ['certificate was not trusted', 'certificate'], // Apple Security framework
  ['does not match hostname', 'certificate'], // mutt, msmtp: the certificate owner
  ['InvalidCertificate', 'certificate'], // rustls: InvalidCertificate(UnknownIssuer)
  ['UNABLE_TO_GET_ISSUER_CERT_LOCALLY', 'certificate'], // Node
  ['UNABLE_TO_GET_ISSUER_CERT', 'certificate'],
];

const STARTTLS: Row[] = [
  ['must issue a STARTTLS command first', 'starttls-required'],
  ['STARTTLS is required', 'starttls-required'],
  ['Encryption required for requested authentication mechanism', 'starttls-required'], // RFC 4954
  ["smtp: server doesn't support AUTH", 'starttls-required'], // Go net/smtp before STARTTLS
  ['unencrypted connection', 'starttls-required'], // Go net/smtp PlainAuth
  ['PRIVACYREQUIRED', 'starttls-required'],
  ['Plaintext authentication disallowed', 'starttls-required'],
  ['SMTP AUTH extension not supported by server', 'starttls-required'], // Python smtplib
];

const TLS_MODE: Row[] = [
  ['wrong version number', 'tls-mode'], // OpenSSL
  ['WRONG_VERSION_NUMBER', 'tls-mode'],
  ['unknown protocol', 'tls-mode'],
  ['Unrecognized SSL message', 'tls-mode'], // JSSE
  ['first record does not look like a TLS handshake', 'tls-mode'], // Go
  ['tls: handshake failure', 'tls-mode'],
  ['sslv3 alert handshake failure', 'tls-mode'],
  ['alert protocol version', 'tls-mode'],
  ['unsupported protocol', 'tls-mode'],
  ['no protocols available', 'tls-mode'],
  ['packet length too long', 'tls-mode'],
  ['invalid header type', 'tls-mode'], // Haskell tls: a plain-text reply read as a TLS record
  ['Error_Packet_Parsing', 'tls-mode'],
  ['remote party has closed the transport stream', 'tls-mode'], // .NET SslStream
  ['unexpected packet format', 'tls-mode'],
  ['The message received was unexpected or badly formatted', 'tls-mode'], // SChannel
  ['SSL handshake aborted', 'tls-mode'], // Conscrypt
  ['Remote host terminated the handshake', 'tls-mode'], // JSSE
  ['Remote host closed connection during handshake', 'tls-mode'],
  ['EOF occurred in violation of protocol', 'tls-mode'], // Python
  ['errSSLPeerHandshakeFail', 'tls-mode'], // Secure Transport
  ['errSSLClosedAbort', 'tls-mode'],
  ['errSSLProtocol', 'tls-mode'],
  ['TLS startup failed', 'tls-mode'], // swaks
  ['Could not convert socket to TLS', 'tls-mode'], // JavaMail
  ['STARTTLS extension not supported by server', 'tls-mode'], // Python smtplib
  ['The server does not support TLS/SSL connections', 'tls-mode'], // MailCore2
  ['ssl3_get_record', 'tls-mode'],
  ['ssl23_get_server_hello', 'tls-mode'],
  ['alert_protocol_version', 'tls-mode'], // Python [SSL: TLSV1_ALERT_PROTOCOL_VERSION]
  ['alert_handshake_failure', 'tls-mode'],
  ['Received fatal alert: handshake_failure', 'tls-mode'], // JSSE
  ['Received fatal alert: protocol_version', 'tls-mode'],
  ['No appropriate protocol', 'tls-mode'], // JSSE with old TLS versions disabled
  ['SslHandshakeException', 'tls-mode'], // MailKit: its message names both causes
  ['disconnected before secure TLS connection was established', 'tls-mode'], // Node
  ['net_io_connectionclosed', 'tls-mode'], // .NET SmtpClient
  ['Connection unexpectedly closed', 'tls-mode'], // Python smtplib SMTPServerDisconnected
  ['unexpected TLS packet', 'tls-mode'], // GnuTLS GNUTLS_E_UNEXPECTED_PACKET (msmtp, mutt)
  ['received corrupt message', 'tls-mode'], // rustls: a plain-text reply read as a TLS record
];

// A failed MX lookup: the recipient's domain takes no mail (not the program's own server name).
const NO_MAIL: Row[] = [
  ['no MX record', 'domain-no-mail'],
  ["type 'mx' lookup", 'domain-no-mail'],
];

const DNS: Row[] = [
  ['The remote name could not be resolved', 'dns'], // .NET WebException NameResolutionFailure
  ['NS_ERROR_UNKNOWN_HOST', 'dns'], // Mozilla (Thunderbird)
  ['dial tcp: lookup', 'dns'], // Go: a failed lookup, whatever came after it
  ['server misbehaving', 'dns'], // Go
  ['Name or service not known', 'dns'], // glibc EAI_NONAME
  ['nodename nor servname provided', 'dns'], // macOS, BSD
  ['Temporary failure in name resolution', 'dns'], // glibc EAI_AGAIN
  ['getaddrinfo ENOTFOUND', 'dns'], // Node
  ['getaddrinfo EAI_AGAIN', 'dns'],
  ['getaddrinfo failed', 'dns'], // Python on Windows (11001)
  ['No such host is known', 'dns'], // Windows
  ['no such host', 'dns'], // Go
  ['UnknownHostException', 'dns'], // Java
  ['Could not resolve host', 'dns'], // curl
  ['No address associated with hostname', 'dns'],
  ['Unable to resolve host', 'dns'], // Android
  ['php_network_getaddresses', 'dns'], // PHP
  ['ENOTFOUND', 'dns'], // Node
  ['EAI_AGAIN', 'dns'],
  ['ETIMEOUT', 'dns'], // Node's resolver (c-ares): a DNS query timed out
  ['ESERVFAIL', 'dns'],
];

const REFUSED: Row[] = [
  ['actively refused it', 'refused'], // Windows 10061
  ['ECONNREFUSED', 'refused'],
  ['NS_ERROR_CONNECTION_REFUSED', 'refused'],
  ['WSAECONNREFUSED', 'refused'],
  ['Connection refused', 'refused'],
  ['ConnectionRefusedError', 'refused'],
  ['connect: connection refused', 'refused'],
];

const UNREACHABLE: Row[] = [
  ['Network is unreachable', 'unreachable'],
  ['ENETUNREACH', 'unreachable'],
  ['EHOSTUNREACH', 'unreachable'],
  ['No route to host', 'unreachable'],
  ['Host is unreachable', 'unreachable'],
  ['to an unreachable host', 'unreachable'], // Windows 10065
  ['to an unreachable network', 'unreachable'], // Windows 10051
  ['NoRouteToHostException', 'unreachable'], // Java
];

const TIMEOUT: Row[] = [
  ['connected party did not properly respond', 'timeout'], // Windows 10060
  ['ETIMEDOUT', 'timeout'],
  ['NS_ERROR_NET_TIMEOUT', 'timeout'],
  ['connect: timeout', 'timeout'], // Perl IO::Socket
  ['WSAETIMEDOUT', 'timeout'],
  ['Connection timed out', 'timeout'],
  ['Operation timed out', 'timeout'],
  ['The operation has timed out', 'timeout'], // .NET
  ['i/o timeout', 'timeout'], // Go
  ['SocketTimeoutException', 'timeout'], // Java
  ['connect timed out', 'timeout'],
  ['Connection timeout', 'timeout'], // Nodemailer
  ['Timed out while connecting to server', 'timeout'], // node-imap
  ['Timed out while authenticating with server', 'imap-not-responding'], // node-imap
  ['Greeting never received', 'timeout'], // Nodemailer
  ['read operation timed out', 'timeout'], // Python ssl: connected, then no answer
  ['handshake operation timed out', 'timeout'], // Python ssl
  ['Net::OpenTimeout', 'timeout'], // Ruby
  ['Net::ReadTimeout', 'timeout'],
  ['context deadline exceeded', 'timeout'], // Go
  ['deadline has elapsed', 'timeout'], // Rust tokio
  ['timed out', 'timeout'],
];

// The server dropped a connection it had accepted, in each runtime's words: strerror(ECONNRESET),
// Node's ECONNRESET and "socket hang up", Windows 10054, Rust's ConnectionReset, Python's
// ConnectionResetError, Java's "Connection reset". Read on the IMAP side only (an IMAP server that
// stops answering); elsewhere it names no cause.
const RESET: Row[] = [
  ['Connection reset', 'imap-not-responding'],
  ['ECONNRESET', 'imap-not-responding'],
  ['ConnectionReset', 'imap-not-responding'],
  ['forcibly closed by the remote host', 'imap-not-responding'],
  ['socket hang up', 'imap-not-responding'],
  ['Broken pipe', 'imap-not-responding'],
  ['connection lost', 'imap-not-responding'],
  ['lost connection', 'imap-not-responding'],
  ['unexpectedly disconnected', 'imap-not-responding'], // MailKit: "The IMAP server has unexpectedly disconnected."
  ['IMAP4.abort', 'imap-not-responding'], // Python imaplib: the server closed the session
  ['NS_ERROR_NET_RESET', 'imap-not-responding'], // Mozilla (Thunderbird)
  ['NS_ERROR_NET_INTERRUPT', 'imap-not-responding'],
];

const LIBRARIES: Row[] = [
  ['SMTP Error: Could not authenticate', 'auth'], // PHPMailer
  ['EAUTH', 'auth'], // Nodemailer
  ['SMTPAuthenticationError', 'auth'], // Python smtplib
  ['Unable to authenticate with the current session', 'auth'], // MailCore2
  ['Failed to authenticate on SMTP server', 'auth'], // Symfony Mailer
  ['AuthenticationFailedException', 'auth'], // JavaMail (SMTP or IMAP: the side decides)
  ['MailKit.Security.AuthenticationException', 'auth'], // MailKit (SMTP or IMAP: the side decides)
  ['authenticationFailed: true', 'imap-auth'], // ImapFlow
  ['SMTPSenderRefused', 'sender-refused'],
  ['The following From address failed', 'sender-refused'], // PHPMailer from_failed
  ['OverQuotaException', 'mailbox-full'], // Apache James (IMAP: the side decides)
  // A delivery agent writing past the mailbox's quota (procmail, Dovecot LDA, strerror(EDQUOT)); a
  // sending quota is named above. The side decides SMTP or IMAP.
  ['message quota', 'sending-limit'],
  ['sending quota', 'sending-limit'],
  ['Quota exceeded', 'mailbox-full'],
  ['over quota', 'mailbox-full'],
  ['iap.ParsingException', 'imap-parse'], // JavaMail's IMAP protocol reader
  ['Too many simultaneous connections', 'imap-unavailable'], // MailCore2
  ['Bandwidth limits were exceeded', 'imap-unavailable'], // MailCore2
  ['SMTPRecipientsRefused', 'recipient-unknown'],
  ['SMTPAddressFailedException', 'recipient-unknown'], // JavaMail
  ['exceeded its 24-hour sending limit', 'sending-limit'],
  ['sending limit', 'sending-limit'],
  ['Too many recipients', 'sending-limit'],
  ['Recipient address rejected', 'recipient-unknown'], // Postfix: the words after it decide
  ['Sender address rejected', 'sender-refused'], // Postfix
  // Generic sign-in words (counted only when the text is about mail; the side picks SMTP or IMAP).
  ['Username and Password not accepted', 'auth'],
  ['Authentication failed', 'auth'],
  ['Invalid credentials', 'auth'],
  ['Login failed', 'auth'],
  ['Invalid login', 'auth'],
];

/** The tables in order of precedence. */
export const CLUE_TABLES: readonly Row[][] = [
  CERTIFICATE,
  STARTTLS,
  TLS_MODE,
  NO_MAIL,
  DNS,
  REFUSED,
  UNREACHABLE,
  TIMEOUT,
  LIBRARIES,
];

// Windows Sockets and errno numbers that name one network error whichever program printed them
// (Windows numbers anywhere after "WinError"/"Errno"; Linux and macOS numbers only after "Errno").
const ERRNO: Record<string, Family> = {
  '10061': 'refused',
  '10060': 'timeout',
  '10065': 'unreachable',
  '10051': 'unreachable',
  '11001': 'dns',
  '11004': 'dns',
  '111': 'refused', // Linux ECONNREFUSED
  '110': 'timeout', // Linux ETIMEDOUT
  '113': 'unreachable', // Linux EHOSTUNREACH
  '101': 'unreachable', // Linux ENETUNREACH
  '-2': 'dns', // glibc EAI_NONAME
  '-3': 'dns', // glibc EAI_AGAIN
  '61': 'refused', // macOS ECONNREFUSED
  '60': 'timeout', // macOS ETIMEDOUT
  '65': 'unreachable', // macOS EHOSTUNREACH
  '51': 'unreachable', // macOS ENETUNREACH
  '8': 'dns', // macOS EAI_NONAME in Python's socket.gaierror
};
// ECONNRESET's numbers: Windows WSAECONNRESET, Linux, macOS (read on the IMAP side only).
const RESET_ERRNO = new Set(['10054', '104', '54']);
const ERRNO_RE =
  /\[(?:Errno|WinError) (-?\d{1,5})\]|\b(?:errno|WinError|SocketException)[ :=(]{1,3}(-?\d{1,5})\b|\(os error (-?\d{1,5})\)/gi;

const CODE_LIKE = /^[A-Z][A-Z_]+$/;
const WORD_CHAR = /[A-Za-z0-9_]/;

/** Whether `word` stands in `text` as a whole word (case-sensitive), such as EAUTH but not reauth. */
export function hasWord(text: string, word: string): boolean {
  for (let i = text.indexOf(word); i >= 0; i = text.indexOf(word, i + 1)) {
    const before = text[i - 1] ?? ' ';
    const after = text[i + word.length] ?? ' ';
    if (!WORD_CHAR.test(before) && !WORD_CHAR.test(after)) return true;
  }
  return false;
}

/**
 * Every clue in the text, in order of precedence. `lower` is the text in lower case; `imap`, whether
 * the text is about IMAP (a dropped connection counts only there).
 */
export function findClues(text: string, lower: string, imap = false): Clue[] {
  const out: Clue[] = [];
  for (const table of imap ? [...CLUE_TABLES, RESET] : CLUE_TABLES) {
    for (const [phrase, family] of table) {
      const found = CODE_LIKE.test(phrase) ? hasWord(text, phrase) : lower.includes(phrase.toLowerCase());
      if (found) out.push({ family, evidence: phrase });
    }
  }
  // "Connection to imap.example.com lost": the connection dropped after it was made.
  if (imap && /\bconnection to [\w.-]{1,253} (?:was )?lost\b/.test(lower)) {
    out.push({ family: 'imap-not-responding', evidence: 'connection lost' });
  }
  for (const m of text.matchAll(ERRNO_RE)) {
    const n = m[1] ?? m[2] ?? m[3]!;
    const family = imap && RESET_ERRNO.has(n) ? 'imap-not-responding' : ERRNO[n];
    if (family) out.push({ family, evidence: m[0] });
  }
  return out;
}
