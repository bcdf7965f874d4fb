/**
 * The checker's rules: pure functions from what a reader typed to findings.
 * Every server name, port and domain comes from the settings argument, never from this file.
 * Messages are plain text; anything echoed from the input is validated first and capped in length.
 */
import type { Settings } from '../../schemas/settings.ts';
import type { SecurityChoice } from '../../vocabulary/security.ts';
import { formatList } from '../text/format-list.ts';
import { looksLikeAppPassword } from './app-password.ts';
import { echo, finding, type CheckInput, type CheckResult, type Finding, type Severity } from './findings.ts';

export type { CheckInput, CheckResult, Field, Finding, SecurityChoice, Severity } from './findings.ts';

/**
 * The FAQ answers the findings link to, by id. Named once here so the build can check that each
 * one exists (src/components/CheckerSection.astro), as FaqLink does for prose.
 */
export const CHECKER_FAQ = {
  username: 'username-full-address',
  appPassword: 'app-specific-password',
  appleAccount: 'apple-account-email',
  hideMyEmail: 'hide-my-email',
  customDomain: 'custom-domain-and-aliases',
  port465: 'port-465',
  imapServer: 'imap-server-for-sending',
  port587Blocked: 'port-587-blocked',
  oldServerNames: 'old-server-names',
  sslOrStarttls: 'ssl-or-starttls',
  wrongVersionNumber: 'wrong-version-number',
} as const;

const hasError = (findings: Finding[]) => findings.some((f) => f.severity === 'error');
const atDomains = (settings: Settings, or = 'or') =>
  formatList(
    settings.domains.value.map((domain) => `@${domain}`),
    or,
  );

/** One DNS label, lower case: letters, digits and inner hyphens. */
const DNS_LABEL = /^[a-z0-9](?:[a-z0-9-]*[a-z0-9])?$/;
/** The characters an unquoted local part may have (RFC 5322 atext, plus dots). ASCII only. */
const LOCAL_PART_CHARS = /^[\w!#$%&'*+/=?^`{|}~.-]+$/;

/** What is wrong with a host name, or 'ok'. */
export type HostProblem = 'ok' | 'no-dot' | 'empty-label' | 'invalid';

/**
 * Whether `host`, exactly as typed, is a host name. The raw text is tested against ASCII letters,
 * digits, dots and hyphens before any case folding: lower-casing first would let characters such
 * as the Kelvin sign (U+212A, which lower-cases to "k") pass as ASCII.
 */
export function hostProblem(host: string): HostProblem {
  if (host.length > 253 || /[^A-Za-z0-9.-]/.test(host)) return 'invalid';
  const labels = host.toLowerCase().split('.');
  if (labels.length < 2) return 'no-dot';
  if (labels.includes('')) return 'empty-label';
  const valid = labels.every((label) => label.length < 64 && DNS_LABEL.test(label));
  return valid && /[a-z]/.test(labels.at(-1) ?? '') ? 'ok' : 'invalid';
}

const DOMAIN_PROBLEM: Record<Exclude<HostProblem, 'ok'>, (settings: Settings) => string> = {
  'no-dot': (settings) => `The domain after the @ needs a dot, as in ${settings.domains.value[0] ?? ''}.`,
  'empty-label': () => 'The domain after the @ cannot start or end with a dot, or have two dots in a row.',
  invalid: () => 'The domain after the @ is not a valid domain name.',
};

/** Why `typed` (trimmed, not empty) cannot be an SMTP username, or '' when it is a well-formed address. */
function addressProblem(typed: string, settings: Settings): string {
  if (/^mailto:/i.test(typed)) return 'Leave out “mailto:”; it belongs in links, not in the username.';
  if (/[<>]/.test(typed)) return 'Type only the address, without a name or angle brackets.';
  const ats = typed.split('@').length - 1;
  if (/%40/i.test(typed) || (!ats && typed.includes('%')))
    return '“%40” or “%” does not stand for “@” here: the server compares the characters literally. URL-encoding belongs only in URLs.';
  if (/[\s\p{C}]/u.test(typed)) return 'An address cannot contain spaces or invisible characters.';
  if (!ats) return 'SMTP logs in with the full address, not just the name before the @.';
  if (ats > 1) return 'An address has exactly one @.';
  const [local = '', domain = ''] = typed.split('@');
  if (!local) return 'The name before the @ is missing.';
  if (!domain) return 'The domain after the @ is missing.';
  if (local.length > 64) return 'The name before the @ is longer than 64 characters.';
  if (/^\.|\.$|\.\./.test(local))
    return 'The name before the @ cannot start or end with a dot, or have two dots in a row.';
  if (!LOCAL_PART_CHARS.test(local)) return 'The name before the @ contains a character that addresses cannot have.';
  const problem = hostProblem(domain);
  return problem === 'ok' ? '' : DOMAIN_PROBLEM[problem](settings);
}

/** The address the reader most likely meant, when it can be derived; else null. */
function repair(typed: string, settings: Settings): string | null {
  const firstDomain = settings.domains.value[0] ?? '';
  let candidate = /^mailto:/i.test(typed) ? typed.slice(7).replace(/\?[^]*$/, '') : typed;
  const open = candidate.lastIndexOf('<');
  const close = candidate.indexOf('>', open);
  // Name <address>
  if (open >= 0 && close > open && candidate.slice(open + 1, close).includes('@'))
    candidate = candidate.slice(open + 1, close);
  candidate = candidate
    .replace(/%40/gi, '@')
    .replace(/[\s\p{C}]/gu, '')
    .replace(/@+/g, '@');
  if (!candidate.includes('@')) candidate = candidate.includes('%') ? candidate.replace('%', '@') : `${candidate}@`;
  const [local = '', typedDomain = '', ...more] = candidate.split('@');
  if (more.length || settings.domains.value.includes(local.toLowerCase())) return null;
  let domain =
    typedDomain
      .toLowerCase()
      .replace(/,/g, '.')
      .replace(/\.{2,}/g, '.')
      .replace(/^\.|\.$/g, '') || firstDomain;
  if (!domain.includes('.')) domain = settings.domains.value.find((known) => known.startsWith(`${domain}.`)) ?? domain;
  candidate = `${local}@${domain}`;
  return addressProblem(candidate, settings) ? null : candidate;
}

/**
 * The address rule's finding for an app-specific password in the address field, or null. Its
 * text is fixed: it never contains what was typed.
 */
export function appPasswordFinding(value: string, settings: Settings): Finding | null {
  if (!looksLikeAppPassword(value, settings)) return null;
  return {
    severity: 'error',
    field: 'address',
    message:
      'This looks like an app-specific password, not an address. It goes in the password field of your email program, never in the address or username field.',
    fix: `Type your iCloud Mail address here, such as ${settings.placeholderAddress}. Keep the password to yourself: this page never needs it.`,
    faq: CHECKER_FAQ.appPassword,
  };
}

/** The SMTP username: the full iCloud Mail address. */
export function checkAddress(raw: string, settings: Settings): Finding[] {
  const out: Finding[] = [];
  const typed = raw.trim();
  if (!typed) return [finding('info', 'address', 'Type the iCloud Mail address you send from.')];
  // A password typed here is answered without ever being repeated (appPasswordFinding).
  const password = appPasswordFinding(typed, settings);
  if (password) return [password];
  if (typed !== raw)
    out.push(
      finding('info', 'address', 'Spaces before or after the address were ignored; leave them out in your app too.'),
    );
  const problem = addressProblem(typed, settings);
  if (problem) {
    const repaired = repair(typed, settings);
    let fix = repaired ? `Type ${echo(repaired)}.` : `Type the whole address, such as ${settings.placeholderAddress}.`;
    if (!typed.includes('@') && !/%/.test(typed)) {
      const others = settings.domains.value.slice(1);
      if (others.length) fix += ` An address at ${formatList(others, 'or')} works the same way, if that is yours.`;
    }
    out.push(finding('error', 'address', problem, fix, CHECKER_FAQ.username));
    return out;
  }
  const domain = typed.slice(typed.indexOf('@') + 1).toLowerCase();
  const login = `Log in with your iCloud Mail address, ending in ${atDomains(settings)}.`;
  if (settings.domains.value.includes(domain))
    out.push(
      finding(
        'ok',
        'address',
        'This is an iCloud Mail address: use it as the SMTP username if it is your primary address, not an alias or a Hide My Email address.',
      ),
    );
  else if (settings.otherProviderDomains.includes(domain))
    out.push(
      finding(
        'warning',
        'address',
        'This looks like an Apple Account email, not an iCloud Mail address. SMTP accepts only the iCloud Mail address.',
        login,
        CHECKER_FAQ.appleAccount,
      ),
    );
  else if (domain === settings.relayDomain.value)
    out.push(
      finding(
        'warning',
        'address',
        'This is a Sign in with Apple relay address: it forwards mail from one app and cannot log in.',
        login,
        CHECKER_FAQ.hideMyEmail,
      ),
    );
  else
    out.push(
      finding(
        'info',
        'address',
        `Fine as the From address if ${echo(domain)} is your iCloud+ custom domain, but the login is reported to be your primary iCloud Mail address.`,
        `Use your address ending in ${atDomains(settings)} as the username.`,
        CHECKER_FAQ.customDomain,
      ),
    );
  return out;
}

/** The typed port as a number, or null when it is not a whole number (range not checked). */
function portNumber(raw: string): number | null {
  const digits = raw.trim().replace(/^0+(?=\d)/, '');
  return /^\d+$/.test(digits) ? (digits.length > 5 ? Infinity : Number(digits)) : null;
}

/** The SMTP port. Empty means the documented one. */
export function checkPort(raw: string, settings: Settings): Finding[] {
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
  const smtp = settings.smtp.server.value;
  const typeSmtp = `Type ${smtp}.`;
  const typed = raw.trim();
  if (!typed) return [];
  const error = (message: string, faq?: string, fix = typeSmtp) => [finding('error', 'server', message, fix, faq)];
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
