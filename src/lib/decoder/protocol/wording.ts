/**
 * The cause and fix for each family, written for this site, with servers and ports from the
 * settings (never typed here), and the page each family links to (an error page or a FAQ answer,
 * by id; src/components/ErrorDecoderSection.astro checks at build time that each exists).
 */
import type { DiagnosisLink, Family, ProtocolSettings } from './types.ts';

export interface Wording {
  cause: string;
  fix: string[];
}

interface Values {
  smtp: string;
  port: string;
  security: string;
  implicit: string;
  imap: string;
  imapPort: string;
  imapSecurity: string;
  size: string;
  perDay: string;
}

function values(s: ProtocolSettings | undefined): Values {
  return {
    smtp: s?.smtp.server ? `\`${s.smtp.server.value}\`` : 'iCloud’s sending server',
    port: s ? String(s.smtp.port.value) : 'the documented port',
    security: s?.smtp.security.value ?? 'the documented security',
    implicit: s?.otherSmtpPorts ? String(s.otherSmtpPorts.implicitTls.value) : 'the implicit-TLS port',
    imap: s?.imap.server ? `\`${s.imap.server.value}\`` : 'iCloud’s IMAP server',
    imapPort: s ? String(s.imap.port.value) : 'the documented port',
    imapSecurity: s?.imap.security?.value ?? 'the documented security',
    size: s?.limits ? `${s.limits.messageSizeMB.value} MB` : 'Apple’s size limit',
    perDay: s?.limits ? String(s.limits.messagesPerDay.value) : 'Apple’s daily number of',
  };
}

const PASSWORD =
  'an app-specific password made in your Apple Account’s settings (not the Apple Account password itself)';

const TEXTS: Record<Family, (v: Values) => Wording> = {
  auth: (v) => ({
    cause: 'The server refused the sign-in: the username or password is not what it expects.',
    fix: [
      `Use your full iCloud address as the username and ${PASSWORD}.`,
      'If the password worked before, make a new one: changing the Apple Account password revokes them.',
      `Check the server is ${v.smtp}, port ${v.port} with ${v.security}.`,
    ],
  }),
  'tls-mode': (v) => ({
    cause:
      'The encrypted connection never started: the program and the server disagree on how TLS begins (TLS from the first byte against a port that starts in plain text, or the reverse), or on TLS versions.',
    fix: [
      `Use port ${v.port} with ${v.security} for sending (SSL/TLS from the first byte belongs on port ${v.implicit}).`,
      `Receiving uses ${v.imap}, port ${v.imapPort} with ${v.imapSecurity}.`,
      'If the settings are right, update the program: very old TLS versions are refused.',
    ],
  }),
  'starttls-required': (v) => ({
    cause:
      'The program tried to sign in or send before switching the connection to TLS; the server requires STARTTLS first.',
    fix: [
      `Turn on STARTTLS (sometimes labelled TLS, or "secure: off" in Nodemailer-style settings) on port ${v.port}.`,
      'Never turn encryption off to make it work.',
    ],
  }),
  certificate: (v) => ({
    cause:
      'The program could not verify the server’s certificate: the system’s trusted certificates are missing or old, something on the network intercepts TLS (antivirus, company proxy), or the server name typed does not match the certificate.',
    fix: [
      `Type the server name exactly: ${v.smtp} for sending, ${v.imap} for receiving.`,
      'Update the system’s CA certificates (ca-certificates on Linux) and the program.',
      'Turn off TLS inspection in antivirus or ask the network’s administrator; never turn off certificate checks.',
    ],
  }),
  dns: (v) => ({
    cause:
      'The system could not look up the server name: a typo in the host name, or no working DNS where the program runs (a container, a VPN, no network yet).',
    fix: [
      `Check the host name for typos and spaces: ${v.smtp} for sending, ${v.imap} for receiving.`,
      'Test a lookup from the same machine (nslookup or dig with that name).',
      'In a container, check its DNS settings and network.',
    ],
  }),
  refused: (v) => ({
    cause:
      'The server’s address was reached but nothing accepted the connection on that port: a wrong port, a wrong host (often localhost or a local relay), or a firewall that rejects.',
    fix: [
      `Check the host is ${v.smtp} and the port ${v.port} (receiving: ${v.imap}, ${v.imapPort}).`,
      'If the program runs in a container, localhost is the container itself.',
      'Check local firewalls and security software.',
    ],
  }),
  timeout: (v) => ({
    cause:
      'Nothing answered in time: the network, a firewall or the provider blocks the port, or the security mode makes both sides wait (SSL/TLS from the first byte against a port that starts in plain text).',
    fix: [
      `Check port ${v.port} with ${v.security}; SSL/TLS from the first byte belongs on ${v.implicit}.`,
      `Test from the same machine whether port ${v.port} is reachable; hosting providers often block mail ports.`,
      'Try another network to tell a blocked port from a wrong setting.',
    ],
  }),
  unreachable: () => ({
    cause:
      'The system has no route to the server: no network, a broken IPv6 route, or a VPN or firewall that drops it.',
    fix: [
      'Check the machine’s network connection.',
      'If the address in the error is IPv6, check that IPv6 works there, or make the program prefer IPv4.',
    ],
  }),
  'recipient-unknown': () => ({
    cause:
      'The receiving server says the recipient’s address does not exist (a typo, a deleted or disabled account, an expired forwarding address).',
    fix: ['Check the address letter by letter.', 'Ask the recipient for a current address by another channel.'],
  }),
  'mailbox-full': () => ({
    cause: 'The recipient’s mailbox is full; their server refuses new mail until they free space.',
    fix: ['Tell the recipient by another channel; send again later.'],
  }),
  'domain-no-mail': () => ({
    cause:
      'The recipient’s domain does not take mail: it does not exist, has no mail server (MX) or says it takes no mail.',
    fix: [
      'Check the part after the @ for typos.',
      'If it is right, the recipient’s domain has a problem only they can fix.',
    ],
  }),
  'remote-refused-sender': () => ({
    cause:
      'The recipient’s server refused the message by its own policy: your sending server’s reputation, a blocklist, or your domain’s SPF, DKIM or DMARC records.',
    fix: [
      'Send through iCloud’s own server with your iCloud address, not from another domain.',
      'If you send for a custom domain, check its SPF, DKIM and DMARC records.',
      'Ask the recipient’s administrator; the reply often names the list or rule.',
    ],
  }),
  'inbound-deferred': () => ({
    cause:
      'The receiving server (iCloud’s, for mail to an iCloud address) put the message off for now: too many messages or connections, greylisting or a temporary check. The sending server retries.',
    fix: [
      'Let the sending server retry; it usually goes through.',
      'If it keeps failing, slow the sending rate and check the sending server’s reputation.',
    ],
  }),
  'inbound-policy': () => ({
    cause:
      'iCloud’s inbound server refused a message to an iCloud address by policy: the sending server’s reputation or blocklisting, failing SPF, DKIM or DMARC, or a bad HELO name. This is not a problem with the iCloud account’s settings.',
    fix: [
      'Fix it on the sending side: SPF, DKIM and DMARC for the sender’s domain, a proper HELO name and reverse DNS.',
      'Follow the link in the reply; Apple’s postmaster page explains the codes.',
    ],
  }),
  'port-25-blocked': (v) => ({
    cause:
      'Port 25 is for servers delivering to each other; most networks and providers block it for programs, and it is not iCloud’s submission port.',
    fix: [`Send through ${v.smtp} on port ${v.port} with ${v.security}, signed in.`],
  }),
  'sender-refused': () => ({
    cause:
      'The server refused the sender address: the From (or envelope sender) is not an address this account may send as.',
    fix: [
      'Set the From and the envelope sender to your iCloud address, an alias, or a custom-domain address set up in iCloud Mail.',
      'Programs often default to noreply@ their own host; change that setting.',
    ],
  }),
  'sending-limit': (v) => ({
    cause: `A sending limit was reached (iCloud allows about ${v.perDay} messages a day and a limit of recipients per message).`,
    fix: [
      'Wait before sending again (limits reset over a day).',
      'Look for a loop sending the same message again and again; send in smaller batches.',
    ],
  }),
  'message-too-large': (v) => ({
    cause: `The message is larger than the receiving server accepts (iCloud sends messages up to ${v.size}).`,
    fix: ['Send smaller attachments, or a link to the file instead.'],
  }),
  'imap-auth': (v) => ({
    cause: 'The IMAP server refused the sign-in: the username or password is not what it expects.',
    fix: [
      `Use ${PASSWORD}.`,
      'Try the name before the @ as the username, then the full address.',
      `Check the server is ${v.imap}, port ${v.imapPort} with ${v.imapSecurity}.`,
    ],
  }),
  'imap-unavailable': () => ({
    cause:
      'The IMAP server cannot serve the account right now: a temporary state on the server, or too many connections.',
    fix: [
      'Wait and try again; do not change the password for this.',
      'Close other programs connected to the same account.',
    ],
  }),
  'imap-nonexistent': () => ({
    cause: 'The program asked for a folder that does not exist under that name on the server.',
    fix: [
      'Check the folder name and its path (Sent Messages, Deleted Messages, sub-folders).',
      'Refresh the folder list in the program.',
    ],
  }),
  'imap-overquota': () => ({
    cause: 'The account is over its storage quota, so the server refuses to store more.',
    fix: ['Free space (delete mail, empty the trash) or add storage, then retry.'],
  }),
  'imap-server-error': () => ({
    cause: 'The IMAP server failed on its own side while running the command.',
    fix: ['Retry later; if one command always fails, try a simpler form (smaller ranges, fewer criteria).'],
  }),
  'imap-unsupported': () => ({
    cause: 'The server does not support the command or extension the program used.',
    fix: ['Update the program, or turn off the feature that sends that command.'],
  }),
  'imap-noselect': () => ({
    cause: 'The program tried to open a folder that cannot hold messages (a container only, or one it may not open).',
    fix: ['Skip that folder in the program’s settings or choose one of its sub-folders.'],
  }),
  'imap-parse': () => ({
    cause:
      'The server could not parse the command the program sent (or the program could not parse the reply): a client bug or an unusual command form.',
    fix: ['Update the program or library; report the command that fails to its authors.'],
  }),
  'imap-not-responding': () => ({
    cause: 'The connection was made but the IMAP server stopped answering in time (or the session timed out).',
    fix: [
      'Retry; check the network for anything that cuts long connections.',
      'Raise the program’s timeout if it is short.',
    ],
  }),
};

/** The cause and fix for a family, settings filled in. */
export function wording(kind: Family, s?: ProtocolSettings): Wording {
  return TEXTS[kind](values(s));
}

/** A short heading for each family. */
export const FAMILY_TITLES: Record<Family, string> = {
  auth: 'Sign-in refused (sending)',
  'tls-mode': 'TLS could not start: security mode or version',
  'starttls-required': 'STARTTLS required before signing in',
  certificate: 'Certificate not trusted',
  dns: 'Server name not found (DNS)',
  refused: 'Connection refused',
  timeout: 'Connection timed out',
  unreachable: 'Network unreachable',
  'recipient-unknown': 'Recipient address does not exist',
  'mailbox-full': 'Recipient’s mailbox is full',
  'domain-no-mail': 'Recipient’s domain takes no mail',
  'remote-refused-sender': 'Recipient’s server refused the message by policy',
  'inbound-deferred': 'Receiving server put the message off for now',
  'inbound-policy': 'iCloud refused incoming mail by policy',
  'port-25-blocked': 'Port 25 blocked or wrong port',
  'sender-refused': 'Sender address refused',
  'sending-limit': 'Sending limit reached',
  'message-too-large': 'Message too large',
  'imap-auth': 'Sign-in refused (IMAP)',
  'imap-unavailable': 'IMAP account temporarily unavailable',
  'imap-nonexistent': 'IMAP folder does not exist',
  'imap-overquota': 'Over storage quota',
  'imap-server-error': 'IMAP server error',
  'imap-unsupported': 'IMAP command not supported',
  'imap-noselect': 'IMAP folder cannot be opened',
  'imap-parse': 'IMAP command not understood',
  'imap-not-responding': 'IMAP server not responding',
};

/** The page each family links to, or none when the site has no page for it. */
export const FAMILY_LINKS: Partial<Record<Family, DiagnosisLink>> = {
  auth: { kind: 'error', id: 'smtp-auth-rejected' },
  'tls-mode': { kind: 'error', id: 'wrong-version-number' },
  'starttls-required': { kind: 'error', id: 'starttls-required' },
  certificate: { kind: 'error', id: 'certificate-issuer-unknown' },
  dns: { kind: 'error', id: 'dns-lookup-failed' },
  refused: { kind: 'error', id: 'connection-refused' },
  timeout: { kind: 'error', id: 'connection-timeout' },
  unreachable: { kind: 'faq', id: 'timeout-587' },
  'recipient-unknown': { kind: 'error', id: 'recipient-unknown' },
  'mailbox-full': { kind: 'error', id: 'recipient-mailbox-full' },
  'domain-no-mail': { kind: 'error', id: 'recipient-domain-no-mail' },
  'inbound-deferred': { kind: 'error', id: 'inbound-deferred' },
  'inbound-policy': { kind: 'faq', id: 'mail-to-icloud-bounces' },
  'port-25-blocked': { kind: 'error', id: 'port-25-blocked' },
  'sender-refused': { kind: 'error', id: 'from-address-not-yours' },
  'sending-limit': { kind: 'error', id: 'daily-sending-limit' },
  'message-too-large': { kind: 'error', id: 'message-too-large' },
  'imap-auth': { kind: 'error', id: 'imap-authenticationfailed' },
  'imap-unavailable': { kind: 'error', id: 'imap-unavailable' },
  'imap-nonexistent': { kind: 'faq', id: 'imap-folder-names' },
  'imap-server-error': { kind: 'faq', id: 'imap-command-errors' },
  'imap-unsupported': { kind: 'error', id: 'imap-unsupported-command' },
  'imap-noselect': { kind: 'error', id: 'imap-noselect-mailbox' },
  'imap-parse': { kind: 'error', id: 'imap-parse-error' },
  'imap-not-responding': { kind: 'error', id: 'imap-server-not-responding' },
};

/** How to tell two causes apart, for the pairs the reader can confuse. */
export function tellApart(a: Family, b: Family): string {
  const key = [a, b].sort().join('|');
  const TELL: Record<string, string> = {
    'remote-refused-sender|sender-refused':
      'If the words name the sender or From address, fix the From; if they name a blocklist, spam or SPF/DKIM, the receiving side refused you.',
    'auth|starttls-required': 'If STARTTLS is off, turn it on first; if it is on, the password is the problem.',
    'port-25-blocked|timeout':
      'If the port in the error is 25, switch to the submission port; otherwise the network or the security mode is at fault.',
    'certificate|tls-mode':
      'A certificate problem names the certificate or its issuer; a mode or version problem fails before any certificate is seen.',
    'imap-overquota|imap-unavailable': 'If the words mention quota or storage, free space; otherwise wait and retry.',
    'timeout|tls-mode':
      'If the program waited a long time first, the port is blocked or waits for the other security mode; if it failed at once, the security mode is wrong.',
    'imap-parse|imap-unsupported':
      'If the server names the command as unknown, it is unsupported; otherwise the command’s form is wrong.',
  };
  return TELL[key] ?? '';
}
