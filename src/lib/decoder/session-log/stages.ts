/** The stages a session can stop at, the patterns that say which one, and the order they rank in. */
import type { Milestone, SessionLogSettings, Stage } from './types.ts';
// ---------------------------------------------------------------------------------------------
// Reading the session

export const CONNECT_FAIL =
  /Error connecting to|connect:errno=|Connection refused|Failed to connect|Couldn't connect|Could not resolve host|cannot connect to|cannot locate host|Name or service not known|nodename nor servname|getaddrinfo|BIO_lookup|gethostbyname|No such host is known|Network is unreachable|No route to host|timed out|Timeout|closed connection unexpectedly|Greeting never received|Connection reset|TcpTestSucceeded\s*:\s*False|Name resolution of .{0,300} failed|TCP connect to .{0,300} failed|curl: \((?:6|7|28)\)/i;
export const TLS_FAIL =
  /wrong version number|WRONG_VERSION_NUMBER|SSL routines|handshake failure|TLS startup failed|STARTTLS attempted but failed|TLS handshake failed|certificate verify failed|SSL certificate problem|certificate verification failed|unable to get local issuer certificate|unable to verify the first certificate|unexpected packet format|remote certificate is invalid|AuthenticationException|TLS negotiation failed|curl: \((?:35|60)\)/i;
export const NO_STARTTLS =
  /Didn't find STARTTLS in server response|STARTTLS not supported|does not support TLS via the STARTTLS|TLS not available|STARTTLS extension not supported|not advertised|did not advertise STARTTLS|curl: \(64\)/i;
export const AUTH_FAIL =
  /No authentication type succeeded|Could not authenticate|authentication failed|Login denied|curl: \(67\)|AUTHENTICATIONFAILED|AUTHENTICATE failed|LOGIN failed|Authentication unsuccessful|Invalid credentials/i;
export const MAIL_FAIL =
  /MAIL failed|envelope from address .{0,300} not accepted|sender address .{0,300} not accepted/i;
export const RCPT_FAIL = /RCPT failed|recipient address .{0,300} not accepted|No recipients were accepted/i;
export const DATA_FAIL = /DATA failed|did not accept the mail|message was not accepted/i;
export const MUST_STARTTLS =
  /Must issue a STARTTLS|STARTTLS command first|Encryption required|PRIVACYREQUIRED|LOGINDISABLED/i;
/** A line a program prints when something failed. */
export const TOOL_ERROR =
  /^(?:connect:errno=|curl: \(\d+\)|msmtp: |\*\*\* |swaks: |[0-9A-F]{6,}:error:|\d+:error:|error:|[A-Za-z.]*Exception|[A-Za-z0-9_.]{1,80}(?:Error|\.error): |SMTP (?:ERROR|Error)\b|Send Error: |WARNING: |TcpTestSucceeded\s*:\s*False|TLS: failed)/;
export const TLS_STARTED =
  /^(?:=== TLS started|\* SSL connection using|TLS session parameters|New, TLSv|Protocol version: TLS|TLS: (?:TLSv|SslProtocols|Tls))/;
export const VERIFIED =
  /^(?:Verify return code: 0 \(ok\)|Verification: OK|\* {1,2}SSL certificate verify ok|TLS: [^,]{0,40}, certificate OK|TLS certificate information)/;
export const CONNECTED =
  /^(?:=== Connected to|\* Connected to|Connected to (?:imaps?|smtps?|pop3?s?):\/\/|connect: b['"]|Connection established to|Connection: opened|CONNECTED\(|CONNECTION ESTABLISHED|TcpTestSucceeded\s*:\s*True|TCP: connected)/;
export const OPENSSL =
  /^(?:connect:errno=|[0-9A-F]{6,}:error:|CONNECTED\(|CONNECTION ESTABLISHED|depth=\d|verify (?:return|error)|Certificate chain|Server certificate|SSL handshake has read|Verify return code|Verification(?: error)?:|Peer certificate|New, (?:TLSv|\(NONE\)))/;
export const POWERSHELL =
  /^(?:ComputerName|RemoteAddress|RemotePort|InterfaceAlias|SourceAddress|PingSucceeded|TcpTestSucceeded)\s*:|^(?:TCP|TLS): /;
export const SMTP_CLIENT = /^\s*(EHLO|HELO|STARTTLS|AUTH|MAIL FROM|RCPT TO|DATA|QUIT|RSET|NOOP|VRFY|HELP)\b/i;
/** The same, for lines without a direction marker (config dumps say "auth = on"). */
export const SMTP_CLIENT_STRICT =
  /^\s*(?:(EHLO|HELO) \S+\s*$|(STARTTLS|DATA|QUIT|RSET|NOOP)\s*$|(AUTH) [A-Za-z0-9_-]+(?: \S+)?\s*$|(MAIL FROM|RCPT TO):)/i;
export const IMAP_CLIENT = /^\s*([A-Za-z0-9._-]{1,20})\s+([A-Za-z]+)\b/;
export const IMAP_VERBS = new Set([
  'LOGIN', 'AUTHENTICATE', 'CAPABILITY', 'SELECT', 'EXAMINE', 'LIST', 'LSUB', 'FETCH', 'LOGOUT',
  'NOOP', 'STARTTLS', 'UID', 'IDLE', 'STATUS', 'SEARCH', 'ID', 'ENABLE', 'APPEND', 'NAMESPACE',
]); // prettier-ignore

/** Which failure wins when a log shows several: the later step, except that a login refused because
 * TLS was never started is about TLS, not the password. */
export const RANK: Stage[] = [
  'no-connection',
  'session-refused',
  'tls-failed', // openssl goes on after "Didn't find STARTTLS" and then fails the handshake
  'no-starttls-offered',
  'auth-rejected',
  'starttls-not-used',
  'mail-from-rejected',
  'rcpt-rejected',
  'message-rejected',
  'completed',
];
/** Added to the explanation when the paste ends inside a reply of several lines. */
export const CUT_OFF =
  'The paste looks cut off: it ends in the middle of a reply of several lines (its last line is like “250-…”), so the end of the session is missing. Paste the whole log.';

export const MILESTONES: Milestone[] = [
  'connected',
  'greeting',
  'starttls-offered',
  'tls',
  'certificate-verified',
  'authenticated',
  'mail-from-accepted',
  'rcpt-accepted',
  'message-accepted',
];

export type Cmd = 'ehlo' | 'starttls' | 'auth' | 'mail' | 'rcpt' | 'data' | 'dot' | 'quit' | 'other';

export function smtpCmd(verb: string): Cmd {
  const v = verb.toUpperCase();
  if (v === 'EHLO' || v === 'HELO') return 'ehlo';
  if (v === 'STARTTLS') return 'starttls';
  if (v === 'AUTH') return 'auth';
  if (v.startsWith('MAIL')) return 'mail';
  if (v.startsWith('RCPT')) return 'rcpt';
  if (v === 'DATA') return 'data';
  if (v === 'QUIT') return 'quit';
  return 'other';
}

/** The failure a program's own message names, if any. */
export function toolStage(t: string): Stage | null {
  if (NO_STARTTLS.test(t)) return 'no-starttls-offered';
  if (MUST_STARTTLS.test(t)) return 'starttls-not-used';
  if (TLS_FAIL.test(t)) return 'tls-failed';
  if (AUTH_FAIL.test(t)) return 'auth-rejected';
  if (MAIL_FAIL.test(t)) return 'mail-from-rejected';
  if (RCPT_FAIL.test(t)) return 'rcpt-rejected';
  if (DATA_FAIL.test(t)) return 'message-rejected';
  if (CONNECT_FAIL.test(t)) return 'no-connection';
  return null;
}

/** What the failing lines say more precisely, for the explanation. */
export type Cause = 'dns' | 'refused' | 'no-greeting' | 'timeout' | 'version' | 'certificate' | 'name-mismatch' | null;

export function causeOf(stage: Stage, text: string, reached: Set<Milestone>): Cause {
  if (stage === 'no-connection') {
    if (
      /Could not resolve|Name or service not known|nodename nor servname|BIO_lookup|gethostbyname|No such host|Name resolution of|cannot locate host/i.test(
        text,
      )
    )
      return 'dns';
    if (/refused/i.test(text)) return 'refused';
    if (reached.has('connected') && !reached.has('greeting')) return 'no-greeting';
    return 'timeout';
  }
  if (stage === 'tls-failed') {
    if (
      /wrong version number|WRONG_VERSION_NUMBER|unexpected packet format|packet length too long|unknown protocol/i.test(
        text,
      )
    )
      return 'version';
    if (
      /hostname mismatch|does not match|doesn't match|no alternative certificate subject name|RemoteCertificateNameMismatch/i.test(
        text,
      )
    )
      return 'name-mismatch';
    if (/certif/i.test(text)) return 'certificate';
  }
  return null;
}

export function stageText(
  stage: Stage,
  protocol: 'smtp' | 'imap',
  reached: Milestone[],
  s?: SessionLogSettings,
  cause: Cause = null,
): {
  title: string;
  explanation: string;
} {
  const smtpPort = s ? ` port ${s.smtp.port.value}` : ' the sending port';
  const imapPort = s ? ` port ${s.imap.port.value}` : ' the IMAP port';
  const port = protocol === 'smtp' ? smtpPort : imapPort;
  switch (stage) {
    case 'no-connection': {
      const why =
        cause === 'dns'
          ? 'The server name did not resolve to an address. Check the name for typos (a wrong or outdated server name is common), then check that this computer can look up names at all (other websites, a VPN or a filtering DNS).'
          : cause === 'refused'
            ? `The connection was refused: nothing answered on${port} at that address, or a firewall rejected it. Check the port and the server name.`
            : cause === 'no-greeting'
              ? 'The connection opened but the server never sent its greeting. This is what happens when a program waits for plain text on a port that expects TLS from the first byte (choose SSL/TLS for that port), or when something in between holds the connection.'
              : `No answer came back in time on${port}. A firewall, antivirus, VPN or the network (some public and mobile networks block mail ports) may be blocking it; try another network.`;
      return { title: 'The connection never started', explanation: why };
    }
    case 'session-refused':
      return {
        title: 'The server refused the session',
        explanation:
          'The server answered with an error (a 5xx reply) to the greeting or to EHLO, before any login, and will not go on with this connection. Its reply says why. Servers refuse a session when they do not take mail from the address the connection comes from, or when they reject the name the program gave after EHLO; check that name in your program, or try from another network.',
      };
    case 'no-starttls-offered':
      return {
        title: 'The server did not offer STARTTLS',
        explanation:
          'The server answered EHLO without STARTTLS in its list, so the connection could not be encrypted. iCloud’s sending server always offers it: something between you and the server (an antivirus, a proxy or a network that intercepts mail) is answering instead, or this is not the right server.',
      };
    case 'starttls-not-used':
      return {
        title: 'The program did not start TLS',
        explanation: `The session went on without encryption, and the server refuses to log in or send before STARTTLS. Set the security of the connection to STARTTLS (sometimes called TLS) on${smtpPort}.`,
      };
    case 'tls-failed':
      return {
        title: 'The encrypted connection failed',
        explanation:
          cause === 'version'
            ? `The two sides disagree about when TLS starts (“wrong version number”): the program started TLS at once on a port where the server first talks in plain text and switches with STARTTLS. On${smtpPort}, choose STARTTLS, not SSL/TLS.`
            : cause === 'name-mismatch'
              ? 'The certificate is not for the server name the program used. Check the server name: a wrong or outdated name, or a proxy in between, gives this error.'
              : cause === 'certificate'
                ? 'The certificate was not trusted. This happens when something in between (an antivirus that scans mail, a company proxy) presents its own certificate, or when the computer’s list of trusted authorities or its clock is out of date.'
                : 'The TLS handshake failed. Either the two sides disagree about when TLS starts (SSL/TLS chosen on a STARTTLS port, or the reverse), or the certificate was not accepted.',
      };
    case 'auth-rejected':
      return {
        title: 'The login was refused',
        explanation:
          'The server rejected the username or password. Log in with your full iCloud Mail address and an app-specific password (not your Apple Account password); if you changed your Apple Account password, make a new app-specific password.',
      };
    case 'mail-from-rejected':
      return {
        title: 'The sender address was refused',
        explanation:
          'The login worked, but the server refused the From (MAIL FROM) address. Send from your iCloud Mail address or one of its aliases; an address at another provider, or one that is not yours, is refused.',
      };
    case 'rcpt-rejected':
      return {
        title: 'A recipient was refused',
        explanation:
          'The server refused a recipient address. Check the address for typos; if the reply mentions a limit, you may have reached the daily sending limit.',
      };
    case 'message-rejected':
      return {
        title: 'The message was refused',
        explanation:
          'The server accepted the sender and recipients but refused the message itself: it may be too large, or look like spam, or the account may have reached a sending limit. The server’s reply says which.',
      };
    case 'completed': {
      const last = reached.at(-1);
      const how =
        last === 'message-accepted'
          ? 'The server accepted the message.'
          : last === 'authenticated'
            ? 'The login worked; the log ends there.'
            : last === 'certificate-verified' || last === 'tls'
              ? 'The encrypted connection worked; the log ends there.'
              : reached.length
                ? 'The log ends without an error.'
                : 'The log shows no error.';
      return {
        title: 'No error in this session',
        explanation: `${how} If your program still fails, compare its settings with this session, or paste its own error message.`,
      };
    }
  }
}
