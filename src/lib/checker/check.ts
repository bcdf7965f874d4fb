/**
 * The checker's rules: pure functions from what a reader typed to findings. The address rule is in
 * address-rule.ts; the port, server and security rules are here.
 * Every server name, port and domain comes from the settings argument, never from this file.
 * Messages are plain text; anything echoed from the input is validated first and capped in length.
 */
import type { Settings } from '../../schemas/settings.ts';
import type { SecurityChoice } from '../../vocabulary/security.ts';
import { describeInvisible, findInvisible } from '../text/invisible.ts';
import { checkAddress, hostProblem } from './address-rule.ts';
import {
  CHECKER_FAQ,
  echo,
  finding,
  hasError,
  tooLong,
  type CheckInput,
  type CheckResult,
  type Finding,
  type Severity,
} from './findings.ts';

export type { CheckInput, CheckResult, Field, Finding, SecurityChoice, Severity } from './findings.ts';
export { CHECKER_FAQ, MAX_FIELD_LENGTH } from './findings.ts';
export { appPasswordFinding, checkAddress, hostProblem, type HostProblem } from './address-rule.ts';

/** The typed port as a number, or null when it is not a whole number (range not checked). */
function portNumber(raw: string): number | null {
  const digits = raw.trim().replace(/^0+(?=\d)/, '');
  return /^\d+$/.test(digits) ? (digits.length > 5 ? Infinity : Number(digits)) : null;
}

/** The SMTP port. Empty means the documented one. */
export function checkPort(raw: string, settings: Settings): Finding[] {
  const long = tooLong('port', raw);
  if (long) return [long];
  const documented = settings.smtp.port.value;
  const use = `Use ${documented} with ${settings.smtp.security.value}.`;
  if (!raw.trim())
    return [
      finding(
        'info',
        'port',
        `No port typed, so the instructions use ${documented}, the port Apple documents for sending.`,
      ),
    ];
  const port = portNumber(raw);
  if (port === null || port < 1 || port > 65535)
    return [
      finding(
        'error',
        'port',
        'A port is a whole number from 1 to 65535, typed with the digits 0–9.',
        `Type ${documented}.`,
      ),
    ];
  if (port === documented)
    return [finding('ok', 'port', `${documented} is the port Apple documents for sending mail.`)];
  if (port === settings.otherSmtpPorts.implicitTls.value)
    return [
      finding(
        'warning',
        'port',
        `Port ${port} (SSL/TLS from the first byte) works according to recent reports, but Apple does not document it.`,
        `Prefer ${documented} with ${settings.smtp.security.value}; keep ${port} as a fallback if ${documented} is blocked.`,
        CHECKER_FAQ.port465,
      ),
    ];
  if (port === settings.imap.port.value || port === settings.otherImapPorts.starttls.value)
    return [
      finding(
        'error',
        'port',
        `${port} is an IMAP port, for receiving mail; sending uses SMTP.`,
        use,
        CHECKER_FAQ.imapServer,
      ),
    ];
  if (port === settings.otherSmtpPorts.plain.value)
    return [
      finding(
        'error',
        'port',
        `Apple does not document port ${port} for sending from an app.`,
        use,
        CHECKER_FAQ.port587Blocked,
      ),
    ];
  return [
    finding(
      'error',
      'port',
      `Apple documents only port ${documented} for sending mail, not ${port}.`,
      use,
      CHECKER_FAQ.port587Blocked,
    ),
  ];
}

const HOST_STATUS = {
  obsolete: 'is an outdated server name',
  undocumented: 'is not the documented sending server',
  wrong: 'is not iCloud’s sending server',
  'inbound-mx': 'is an incoming mail exchanger (MX)',
} as const;

/** The SMTP server. Optional: empty gives no findings. */
export function checkServer(raw: string, settings: Settings): Finding[] {
  const long = tooLong('server', raw);
  if (long) return [long];
  const smtp = settings.smtp.server.value;
  const typeSmtp = `Type ${smtp}.`;
  const typed = raw.trim();
  if (!typed) return [];
  const error = (message: string, faq?: string, fix = typeSmtp) => [finding('error', 'server', message, fix, faq)];
  const invisible = findInvisible(typed);
  if (invisible)
    return error(`The server name contains ${describeInvisible(invisible)}, often copied along from a web page.`);
  // Compared in lower case only once it is known to be ASCII: see hostProblem.
  if (/[^\x21-\x7e]/.test(typed)) return error('This is not a valid host name.');
  const host = typed.toLowerCase().replace(/\.$/, '');
  const scheme = /^([a-z][a-z0-9+.-]*):\/\//.exec(host);
  if (scheme) return error(`Type only the host name, without “${echo(scheme[1] ?? '')}://”.`);
  if (/^[^:/]+:\d+$/.test(host))
    return error(
      'Type only the host name; the port goes in the port field.',
      undefined,
      `Type ${smtp} here and ${settings.smtp.port.value} in the port field.`,
    );
  if (host === smtp) return [finding('ok', 'server', `${smtp} is Apple’s sending (SMTP) server.`)];
  if (host === settings.imap.server.value)
    return error(`${host} is the incoming (IMAP) server; apps send through the SMTP server.`, CHECKER_FAQ.imapServer);
  for (const wrong of Object.values(settings.wrongHosts))
    if (host === wrong.value)
      return [
        finding(
          wrong.status === 'undocumented' ? 'warning' : 'error',
          'server',
          `${wrong.value} ${HOST_STATUS[wrong.status]}.${wrong.note ? ` ${wrong.note}` : ''}`,
          typeSmtp,
          CHECKER_FAQ.oldServerNames,
        ),
      ];
  // Macs sometimes show numbered Apple-internal names such as p01-<server>: not wrong, but not the documented one.
  if (host.endsWith(`-${smtp}`) && /^p\d+$/.test(host.slice(0, -smtp.length - 1)))
    return [
      finding(
        'warning',
        'server',
        `${host} is one of Apple’s internal sending hosts; it may work, but the documented name is ${smtp}.`,
        typeSmtp,
      ),
    ];
  if (host.includes('@')) return error('This looks like an email address; it goes in the username field.');
  if (settings.domains.value.includes(host)) return error(`${host} is the address domain, not the server name.`);
  return error(
    hostProblem(host) === 'ok' ? `${echo(host)} is not iCloud’s sending server.` : 'This is not a valid host name.',
  );
}

/** The connection security, judged for the port the instructions use. Empty gives no findings. */
export function checkSecurity(choice: SecurityChoice, port: number, settings: Settings): Finding[] {
  const documented = settings.smtp.port.value;
  const tls = settings.smtp.security.value;
  const implicit = settings.otherSmtpPorts.implicitTls.value;
  const say = (severity: Severity, message: string, fix?: string, faq?: string) => [
    finding(severity, 'security', message, fix, faq),
  ];
  if (!choice) return [];
  if (choice === 'none')
    return say(
      'error',
      'The server requires an encrypted connection; without one, the password would travel in plain text.',
      `Choose ${tls} with port ${documented}.`,
      CHECKER_FAQ.sslOrStarttls,
    );
  if (port === implicit)
    return choice === 'SSL/TLS'
      ? say(
          'warning',
          `SSL/TLS on port ${port} works according to recent reports, but Apple does not document it.`,
          `Prefer port ${documented} with ${tls}.`,
          CHECKER_FAQ.port465,
        )
      : say(
          'error',
          `Port ${port} expects SSL/TLS from the first byte, not ${tls}.`,
          `Choose SSL/TLS, or use port ${documented} with ${tls}.`,
          CHECKER_FAQ.port465,
        );
  if (port !== documented)
    return say(
      'info',
      `The right choice depends on the port: ${tls} goes with port ${documented}.`,
      undefined,
      CHECKER_FAQ.sslOrStarttls,
    );
  return choice === tls
    ? say('ok', `${tls} is right for port ${documented}.`)
    : say(
        'error',
        `SSL/TLS fails on port ${documented}: the connection starts unencrypted and is upgraded with ${tls}, so apps report “wrong version number”.`,
        `Choose ${tls}.`,
        CHECKER_FAQ.wrongVersionNumber,
      );
}

/** All four fields, plus the address and port the instructions should use. */
export function check(input: CheckInput, settings: Settings): CheckResult {
  const addressFindings = checkAddress(input.address, settings);
  const portFindings = checkPort(input.port, settings);
  const typedPort = portNumber(input.port);
  const port = typedPort !== null && !hasError(portFindings) ? typedPort : settings.smtp.port.value;
  const address = input.address.trim();
  return {
    findings: [
      ...addressFindings,
      ...portFindings,
      ...checkServer(input.server, settings),
      ...checkSecurity(input.security, port, settings),
    ],
    address: address && !hasError(addressFindings) ? address : null,
    port,
  };
}
