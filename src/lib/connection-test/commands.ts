/**
 * The private connection test: commands the reader runs on their own machine to check, step by step,
 * that iCloud Mail's servers answer (DNS, TCP to the SMTP and IMAP ports, STARTTLS and the certificate,
 * and optionally the login), so that no password ever reaches this site.
 *
 * Pure functions. Server names and ports come from the arguments (the settings object on the page,
 * 127.0.0.1 and a test port in the interop tests); none is typed here.
 *
 * The password is read on the reader's machine by the shell (`read -rs`, no echo) or by PowerShell
 * (`Read-Host -AsSecureString`). It never appears on a command line (so not in shell history or in
 * the process list) and never on screen: swaks hides it with --auth-hide-password, and curl's verbose
 * output goes through a filter that hides the AUTH exchange.
 */
import { shellQuote } from '../checker/quote.ts';

export type Os = 'macos' | 'linux' | 'windows';
export type StepId = 'dns' | 'tcp-smtp' | 'tcp-imap' | 'starttls' | 'imap-tls' | 'auth' | 'send';

export interface Endpoint {
  host: string;
  port: number;
}

export interface ConnectionTestInput {
  smtp: Endpoint;
  imap: Endpoint;
  /** The reader's address (already validated), or the placeholder. */
  address: string;
  /** A certificate authority file to trust in addition to the system's: only for the local test server. */
  caFile?: string;
  /** Seconds to wait for a connection (default 10). */
  timeout?: number;
}

export interface Step {
  id: StepId;
  title: string;
  /** Why the step matters, in a sentence. */
  why: string;
  /** The command, as one block to paste. */
  command: string;
  language: 'bash' | 'powershell';
  /** What the output shows when the step succeeds. */
  success: string;
  /** Optional steps ask for the password. */
  optional: boolean;
}

/** The settings fields the commands need (the browser settings object has this shape). */
export interface ConnectionSettings {
  smtp: { server: { value: string }; port: { value: number } };
  imap: { server: { value: string }; port: { value: number } };
}

export function endpoints(s: ConnectionSettings): { smtp: Endpoint; imap: Endpoint } {
  return {
    smtp: { host: s.smtp.server.value, port: s.smtp.port.value },
    imap: { host: s.imap.server.value, port: s.imap.port.value },
  };
}

const HOST = /^[A-Za-z0-9.-]{1,253}$/;
const IPV4 = /^\d{1,3}(?:\.\d{1,3}){3}$/;

function checkInput(o: ConnectionTestInput): void {
  for (const e of [o.smtp, o.imap]) {
    if (!HOST.test(e.host)) throw new Error(`Not a host name: ${JSON.stringify(e.host.slice(0, 80))}`);
    if (!Number.isInteger(e.port) || e.port < 1 || e.port > 65535) throw new Error(`Not a port: ${e.port}`);
  }
  if (/[\0\r\n]/.test(o.address)) throw new Error('An address cannot contain line breaks or NUL characters.');
}

/** PowerShell single-quoted string: a quote (straight or curly) is doubled. */
export function psQuote(s: string): string {
  if (/[\0\r\n]/.test(s)) throw new Error('A PowerShell string here cannot contain line breaks or NUL characters.');
  return `'${s.replace(/['\u2018\u2019\u201a\u201b]/g, '$&$&')}'`;
}

// awk filter for curl -v: prints every line, but hides what the client sends during AUTH (the
// base64 after "AUTH PLAIN" and the answers to 334 prompts), until the server's next final reply.
const CURL_AUTH_FILTER =
  'awk \'/^> AUTH /{hide=1; if (NF>3) print $1, $2, $3, "[hidden]"; else print; fflush(); next} ' +
  'hide && /^> /{print "> [hidden]"; fflush(); next} ' +
  "/^< [0-9][0-9][0-9]/ && !/^< 334/{hide=0} {print; fflush()}'";

function unixSteps(os: 'macos' | 'linux', o: ConnectionTestInput): Step[] {
  const { smtp, imap } = o;
  const t = o.timeout ?? 10;
  const sh = shellQuote;
  const addr = sh(o.address);
  const ca = o.caFile ? ` -CAfile ${sh(o.caFile)}` : '';
  const verifyName = (h: string) =>
    os === 'linux' ? (IPV4.test(h) ? ` -verify_ip ${h}` : ` -verify_hostname ${h}`) : '';
  const readPassword = (v: string) => `printf 'App-specific password (not shown): '; IFS= read -rs ${v}; echo`;
  const tcp = (e: Endpoint) =>
    os === 'macos'
      ? `nc -vz -G ${t} -w ${t} ${e.host} ${e.port}`
      : `timeout ${t} bash -c 'exec 3<>/dev/tcp/${e.host}/${e.port}' && echo 'Connected to ${e.host} port ${e.port}' || echo 'No connection to ${e.host} port ${e.port}'`;
  const dns =
    os === 'macos'
      ? `dscacheutil -q host -a name ${smtp.host}\ndscacheutil -q host -a name ${imap.host}`
      : `getent ahosts ${smtp.host} | head -n 3\ngetent ahosts ${imap.host} | head -n 3`;
  const message = `printf 'From: %s\\r\\nTo: %s\\r\\nSubject: Connection test\\r\\n\\r\\nA test message sent with curl.\\r\\n' ${addr} ${addr}`;
  const curlUser = `-K <(printf 'user = "%s:%s"\\n' ${addr} "$(printf '%s' "$PW" | sed 's/[\\\\"]/\\\\&/g')")`;
  return [
    {
      id: 'dns',
      title: 'Look up the server names',
      why: 'Your computer must find the servers’ addresses before it can connect.',
      command: dns,
      language: 'bash',
      success:
        os === 'macos'
          ? 'Each name is followed by at least one line starting with “ip_address:” or “ipv6_address:”.'
          : 'Each command prints at least one line with an IP address.',
      optional: false,
    },
    {
      id: 'tcp-smtp',
      title: `Connect to the sending server on port ${smtp.port}`,
      why: 'Networks, firewalls and some providers block mail ports.',
      command: tcp(smtp),
      language: 'bash',
      success:
        os === 'macos'
          ? `A line ending in “succeeded!” for port ${smtp.port}.`
          : `“Connected to ${smtp.host} port ${smtp.port}”.`,
      optional: false,
    },
    {
      id: 'tcp-imap',
      title: `Connect to the incoming server on port ${imap.port}`,
      why: 'The same check for receiving mail.',
      command: tcp(imap),
      language: 'bash',
      success:
        os === 'macos'
          ? `A line ending in “succeeded!” for port ${imap.port}.`
          : `“Connected to ${imap.host} port ${imap.port}”.`,
      optional: false,
    },
    {
      id: 'starttls',
      title: 'Start TLS and check the certificate',
      why: 'The sending server starts in plain text and switches to TLS with STARTTLS; the certificate shows whether you reach the real server.',
      command: `openssl s_client -starttls smtp -connect ${smtp.host}:${smtp.port} -servername ${smtp.host}${verifyName(smtp.host)} -verify_return_error${ca} -crlf </dev/null`,
      language: 'bash',
      success:
        'Near the end: “Verify return code: 0 (ok)”, and a line starting with 250. “wrong version number” or “certificate verify failed” is a failure to decode.' +
        (os === 'macos'
          ? ' The openssl that comes with macOS does not compare the certificate with the server name; the curl step does.'
          : ''),
      optional: false,
    },
    {
      id: 'imap-tls',
      title: `Check TLS on the incoming server`,
      why: `Port ${imap.port} uses TLS from the first byte, then the server greets you.`,
      command: `(sleep 3; printf 'a1 LOGOUT\\r\\n') | openssl s_client -connect ${imap.host}:${imap.port} -servername ${imap.host}${verifyName(imap.host)} -verify_return_error${ca} -crlf`,
      language: 'bash',
      success: '“Verify return code: 0 (ok)”, then a greeting starting with “* OK” and “a1 OK” after the LOGOUT.',
      optional: false,
    },
    {
      id: 'auth',
      title: 'Log in (optional)',
      why: 'Checks the address and the app-specific password together. The password is asked for by your shell, never shown and never stored.',
      command: [
        readPassword('SWAKS_OPT_auth_password'),
        'export SWAKS_OPT_auth_password',
        `swaks --server ${smtp.host} --port ${smtp.port} --tls --tls-verify${o.caFile ? ` --tls-ca-path ${sh(o.caFile)}` : ''} --auth PLAIN --auth-user ${addr} --auth-hide-password --quit-after AUTH`,
        'unset SWAKS_OPT_auth_password',
      ].join('\n'),
      language: 'bash',
      success:
        '“235” followed by “Authentication successful” (the wording may differ). “535” means the login was refused.',
      optional: true,
    },
    {
      id: 'send',
      title: 'Send yourself a test message (optional)',
      why: 'Checks the whole path: login, sender address, recipient and message.',
      command: [
        readPassword('PW'),
        `${message} | curl -sS -v --ssl-reqd --connect-timeout ${t}${o.caFile ? ` --cacert ${sh(o.caFile)}` : ''} --url 'smtp://${smtp.host}:${smtp.port}' --mail-from ${addr} --mail-rcpt ${addr} -T - ${curlUser} 2>&1 | ${CURL_AUTH_FILTER}`,
        'unset PW',
      ].join('\n'),
      language: 'bash',
      success: '“235” after the AUTH line, then “250” after the message; the test message arrives in your inbox.',
      optional: true,
    },
  ];
}

// PowerShell: one script block per step, so a paste runs as a whole. Lines of the conversation are
// printed as "C: " (sent) and "S: " (received), which the decoder on /errors/ reads.
function psSession(o: ConnectionTestInput, withAuth: boolean): string {
  const { smtp } = o;
  const lines = [
    '& {',
    `  $server = ${psQuote(smtp.host)}; $port = ${smtp.port}; $address = ${psQuote(o.address)}`,
    '  $tcp = [System.Net.Sockets.TcpClient]::new($server, $port)',
    '  "TCP: connected to $server port $port"',
    '  $stream = $tcp.GetStream()',
    '  $enc = [System.Text.Encoding]::ASCII',
    '  $r = [System.IO.StreamReader]::new($stream, $enc)',
    '  $w = [System.IO.StreamWriter]::new($stream, $enc); $w.NewLine = "`r`n"; $w.AutoFlush = $true',
    "  $reply = { param($rd) do { $line = $rd.ReadLine(); if ($null -eq $line) { 'S: (connection closed)'; break }; \"S: $line\" } while ($line -match '^\\d{3}-') }",
    '  & $reply $r',
    "  $w.WriteLine('EHLO localhost'); 'C: EHLO localhost'; & $reply $r",
    "  $w.WriteLine('STARTTLS'); 'C: STARTTLS'; & $reply $r",
    '  $ssl = [System.Net.Security.SslStream]::new($stream, $false)',
    '  try { $ssl.AuthenticateAsClient($server) } catch { "TLS: failed: $($_.Exception.InnerException.Message) $($_.Exception.Message)"; $tcp.Close(); return }',
    '  "TLS: $($ssl.SslProtocol), certificate OK, $($ssl.RemoteCertificate.Subject), valid until $($ssl.RemoteCertificate.GetExpirationDateString())"',
    '  $r = [System.IO.StreamReader]::new($ssl, $enc)',
    '  $w = [System.IO.StreamWriter]::new($ssl, $enc); $w.NewLine = "`r`n"; $w.AutoFlush = $true',
    "  $w.WriteLine('EHLO localhost'); 'C: EHLO localhost'; & $reply $r",
  ];
  if (withAuth)
    lines.push(
      "  $secure = Read-Host -AsSecureString 'App-specific password'",
      "  $plain = [System.Net.NetworkCredential]::new('', $secure).Password",
      '  $token = [Convert]::ToBase64String([System.Text.Encoding]::UTF8.GetBytes("`0$address`0$plain"))',
      '  $w.WriteLine("AUTH PLAIN $token"); \'C: AUTH PLAIN [hidden]\'; & $reply $r',
      '  $plain = $null; $token = $null',
    );
  lines.push("  $w.WriteLine('QUIT'); 'C: QUIT'; & $reply $r", '  $tcp.Close()', '}');
  return lines.join('\n');
}

function psImap(o: ConnectionTestInput): string {
  const { imap } = o;
  return [
    '& {',
    `  $server = ${psQuote(imap.host)}; $port = ${imap.port}`,
    '  $tcp = [System.Net.Sockets.TcpClient]::new($server, $port)',
    '  "TCP: connected to $server port $port"',
    '  $ssl = [System.Net.Security.SslStream]::new($tcp.GetStream(), $false)',
    '  try { $ssl.AuthenticateAsClient($server) } catch { "TLS: failed: $($_.Exception.InnerException.Message) $($_.Exception.Message)"; $tcp.Close(); return }',
    '  "TLS: $($ssl.SslProtocol), certificate OK, $($ssl.RemoteCertificate.Subject), valid until $($ssl.RemoteCertificate.GetExpirationDateString())"',
    '  $enc = [System.Text.Encoding]::ASCII',
    '  $r = [System.IO.StreamReader]::new($ssl, $enc)',
    '  $w = [System.IO.StreamWriter]::new($ssl, $enc); $w.NewLine = "`r`n"; $w.AutoFlush = $true',
    '  "S: $($r.ReadLine())"',
    "  $w.WriteLine('a1 LOGOUT'); 'C: a1 LOGOUT'",
    '  do { $line = $r.ReadLine(); "S: $line" } while ($null -ne $line -and $line -notmatch \'^a1 \')',
    '  $tcp.Close()',
    '}',
  ].join('\n');
}

function windowsSteps(o: ConnectionTestInput): Step[] {
  const { smtp, imap } = o;
  return [
    {
      id: 'dns',
      title: 'Look up the server names',
      why: 'Your computer must find the servers’ addresses before it can connect.',
      command: `Resolve-DnsName -Name ${psQuote(smtp.host)}\nResolve-DnsName -Name ${psQuote(imap.host)}`,
      language: 'powershell',
      success: 'Each name has at least one row with an IP4Address or IP6Address.',
      optional: false,
    },
    {
      id: 'tcp-smtp',
      title: `Connect to the sending server on port ${smtp.port}`,
      why: 'Networks, firewalls and some providers block mail ports.',
      command: `Test-NetConnection -ComputerName ${psQuote(smtp.host)} -Port ${smtp.port}`,
      language: 'powershell',
      success: '“TcpTestSucceeded : True”.',
      optional: false,
    },
    {
      id: 'tcp-imap',
      title: `Connect to the incoming server on port ${imap.port}`,
      why: 'The same check for receiving mail.',
      command: `Test-NetConnection -ComputerName ${psQuote(imap.host)} -Port ${imap.port}`,
      language: 'powershell',
      success: '“TcpTestSucceeded : True”.',
      optional: false,
    },
    {
      id: 'starttls',
      title: 'Start TLS and check the certificate',
      why: 'The sending server starts in plain text and switches to TLS with STARTTLS; .NET checks the certificate against the server name.',
      command: psSession(o, false),
      language: 'powershell',
      success:
        'A line “TLS: … certificate OK …”, then “S: 250 …” lines. “TLS: failed” names the certificate or handshake problem.',
      optional: false,
    },
    {
      id: 'imap-tls',
      title: 'Check TLS on the incoming server',
      why: `Port ${imap.port} uses TLS from the first byte, then the server greets you.`,
      command: psImap(o),
      language: 'powershell',
      success: '“TLS: … certificate OK …”, then a greeting “S: * OK …”.',
      optional: false,
    },
    {
      id: 'auth',
      title: 'Log in (optional)',
      why: 'Checks the address and the app-specific password together. PowerShell asks for the password without showing it, and it is not kept in the history.',
      command: psSession(o, true),
      language: 'powershell',
      success: '“S: 235 …” after “C: AUTH PLAIN [hidden]”. “S: 535 …” means the login was refused.',
      optional: true,
    },
  ];
}

/** The steps for the reader's system, in order. Throws on a malformed host, port or address. */
export function connectionTestSteps(os: Os, input: ConnectionTestInput): Step[] {
  checkInput(input);
  return os === 'windows' ? windowsSteps(input) : unixSteps(os, input);
}
