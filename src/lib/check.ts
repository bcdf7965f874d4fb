/**
 * The checker's rules: pure functions from what a reader typed to findings.
 * Every server name, port and domain comes from the settings argument, never from this file.
 * Messages are plain text; anything echoed from the input is validated first and capped in length.
 */
import type { Settings } from '../schemas/settings.ts';
import { formatList } from './format-list.ts';
import { appPasswordFinding } from './app-password.ts';

export type Severity = 'error' | 'warning' | 'info' | 'ok';
export type Field = 'address' | 'port' | 'server' | 'security';
/** '' means the reader has not said. */
export type SecurityChoice = '' | 'STARTTLS' | 'SSL/TLS' | 'none';

export interface Finding {
  severity: Severity;
  field: Field;
  /** What is wrong (or right), and why. Plain text. */
  message: string;
  /** What to do. Plain text. */
  fix?: string;
  /** Id of the FAQ answer that explains it. */
  faq?: string;
}

export interface CheckInput {
  address: string;
  port: string;
  server: string;
  security: SecurityChoice;
}

export interface CheckResult {
  /** In field order: address, port, server, security. */
  findings: Finding[];
  /** The trimmed address when it can go into instructions (not empty, no error), else null. */
  address: string | null;
  /** The port the instructions should use: the typed one, or the documented one when empty or wrong. */
  port: number;
}

const USERNAME = 'username-full-address';
const MAX_ECHO = 64;

function mk(severity: Severity, field: Field, message: string, fix?: string, faq?: string): Finding {
  const f: Finding = { severity, field, message };
  if (fix) f.fix = fix;
  if (faq) f.faq = faq;
  return f;
}

/** A short, printable copy of (already validated) input for use inside a message. */
function echo(s: string): string {
  const cp = Array.from(s.replace(/\p{C}/gu, ''));
  return cp.length > MAX_ECHO ? `${cp.slice(0, MAX_ECHO - 1).join('')}…` : cp.join('');
}

const hasError = (fs: Finding[]) => fs.some((f) => f.severity === 'error');
const atDomains = (s: Settings, or = 'or') =>
  formatList(
    s.domains.value.map((d) => `@${d}`),
    or,
  );

const LABEL = /^[a-z0-9](?:[a-z0-9-]*[a-z0-9])?$/;
const ATEXT = /^[\w!#$%&'*+/=?^`{|}~.-]+$/;

/** 0 when h (lower case) is a host name; else 1 no dot, 2 empty label, 3 otherwise invalid. */
function hostIssue(h: string): number {
  if (h.length > 253 || /[^a-z0-9.-]/.test(h)) return 3;
  const labels = h.split('.');
  if (labels.length < 2) return 1;
  if (labels.includes('')) return 2;
  return labels.every((l) => l.length < 64 && LABEL.test(l)) && /[a-z]/.test(labels.at(-1) ?? '') ? 0 : 3;
}

/** Why v (trimmed, not empty) cannot be an SMTP username, or '' when it is a well-formed address. */
function addressProblem(v: string, s: Settings): string {
  if (/^mailto:/i.test(v)) return 'Leave out “mailto:”; it belongs in links, not in the username.';
  if (/[<>]/.test(v)) return 'Type only the address, without a name or angle brackets.';
  const at = v.split('@').length - 1;
  if (/%40/i.test(v) || (!at && v.includes('%')))
    return '“%40” or “%” does not stand for “@” here: the server compares the characters literally. URL-encoding belongs only in URLs.';
  if (/[\s\p{C}]/u.test(v)) return 'An address cannot contain spaces or invisible characters.';
  if (!at) return 'SMTP logs in with the full address, not just the name before the @.';
  if (at > 1) return 'An address has exactly one @.';
  const [local = '', domain = ''] = v.split('@');
  if (!local) return 'The name before the @ is missing.';
  if (!domain) return 'The domain after the @ is missing.';
  if (local.length > 64) return 'The name before the @ is longer than 64 characters.';
  if (/^\.|\.$|\.\./.test(local))
    return 'The name before the @ cannot start or end with a dot, or have two dots in a row.';
  if (!ATEXT.test(local)) return 'The name before the @ contains a character that addresses cannot have.';
  return [
    '',
    `The domain after the @ needs a dot, as in ${s.domains.value[0] ?? ''}.`,
    'The domain after the @ cannot start or end with a dot, or have two dots in a row.',
    'The domain after the @ is not a valid domain name.',
  ][hostIssue(domain.toLowerCase())]!;
}

/** The address the reader most likely meant, when it can be derived; else null. */
function repair(v: string, s: Settings): string | null {
  const d0 = s.domains.value[0] ?? '';
  let c = /^mailto:/i.test(v) ? v.slice(7).replace(/\?[^]*$/, '') : v;
  const lt = c.lastIndexOf('<');
  const gt = c.indexOf('>', lt);
  if (lt >= 0 && gt > lt && c.slice(lt + 1, gt).includes('@')) c = c.slice(lt + 1, gt); // Name <address>
  c = c
    .replace(/%40/gi, '@')
    .replace(/[\s\p{C}]/gu, '')
    .replace(/@+/g, '@');
  if (!c.includes('@')) c = c.includes('%') ? c.replace('%', '@') : `${c}@`;
  const [local = '', dom = '', ...more] = c.split('@');
  if (more.length || s.domains.value.includes(local.toLowerCase())) return null;
  let d =
    dom
      .toLowerCase()
      .replace(/,/g, '.')
      .replace(/\.{2,}/g, '.')
      .replace(/^\.|\.$/g, '') || d0;
  if (!d.includes('.')) d = s.domains.value.find((x) => x.startsWith(`${d}.`)) ?? d;
  c = `${local}@${d}`;
  return addressProblem(c, s) ? null : c;
}

/** The SMTP username: the full iCloud Mail address. */
export function checkAddress(raw: string, settings: Settings): Finding[] {
  const s = settings;
  const out: Finding[] = [];
  const v = raw.trim();
  if (!v) return [mk('info', 'address', 'Type the iCloud Mail address you send from.')];
  const password = appPasswordFinding(v, s);
  if (password) return [password];
  if (v !== raw)
    out.push(mk('info', 'address', 'Spaces before or after the address were ignored; leave them out in your app too.'));
  const problem = addressProblem(v, s);
  if (problem) {
    const c = repair(v, s);
    let fix = c ? `Type ${echo(c)}.` : `Type the whole address, such as ${s.placeholderAddress}.`;
    if (!v.includes('@') && !/%/.test(v)) {
      const others = s.domains.value.slice(1);
      if (others.length) fix += ` An address at ${formatList(others, 'or')} works the same way, if that is yours.`;
    }
    out.push(mk('error', 'address', problem, fix, USERNAME));
    return out;
  }
  const domain = v.slice(v.indexOf('@') + 1).toLowerCase();
  const login = `Log in with your iCloud Mail address, ending in ${atDomains(s)}.`;
  if (s.domains.value.includes(domain))
    out.push(
      mk(
        'ok',
        'address',
        'This is an iCloud Mail address: use it as the SMTP username if it is your primary address, not an alias or a Hide My Email address.',
      ),
    );
  else if (s.otherProviderDomains.includes(domain))
    out.push(
      mk(
        'warning',
        'address',
        'This looks like an Apple Account email, not an iCloud Mail address. SMTP accepts only the iCloud Mail address.',
        login,
        'apple-account-email',
      ),
    );
  else if (domain === s.relayDomain.value)
    out.push(
      mk(
        'warning',
        'address',
        'This is a Sign in with Apple relay address: it forwards mail from one app and cannot log in.',
        login,
        'hide-my-email',
      ),
    );
  else
    out.push(
      mk(
        'info',
        'address',
        `Fine as the From address if ${echo(domain)} is your iCloud+ custom domain, but the login is reported to be your primary iCloud Mail address.`,
        `Use your address ending in ${atDomains(s)} as the username.`,
        'custom-domain-and-aliases',
      ),
    );
  return out;
}

/** The typed port as a number, or null when it is not a whole number (range not checked). */
function portNumber(raw: string): number | null {
  const t = raw.trim().replace(/^0+(?=\d)/, '');
  return /^\d+$/.test(t) ? (t.length > 5 ? Infinity : Number(t)) : null;
}

/** The SMTP port. Empty means the documented one. */
export function checkPort(raw: string, settings: Settings): Finding[] {
  const s = settings;
  const p = s.smtp.port.value;
  const use = `Use ${p} with ${s.smtp.security.value}.`;
  if (!raw.trim())
    return [mk('info', 'port', `No port typed, so the instructions use ${p}, the port Apple documents for sending.`)];
  const n = portNumber(raw);
  if (n === null || n < 1 || n > 65535)
    return [mk('error', 'port', 'A port is a whole number from 1 to 65535, typed with the digits 0–9.', `Type ${p}.`)];
  if (n === p) return [mk('ok', 'port', `${p} is the port Apple documents for sending mail.`)];
  if (n === s.otherSmtpPorts.implicitTls.value)
    return [
      mk(
        'warning',
        'port',
        `Port ${n} (SSL/TLS from the first byte) works according to recent reports, but Apple does not document it.`,
        `Prefer ${p} with ${s.smtp.security.value}; keep ${n} as a fallback if ${p} is blocked.`,
        'port-465',
      ),
    ];
  if (n === s.imap.port.value || n === s.otherImapPorts.starttls.value)
    return [
      mk(
        'error',
        'port',
        `${n} is an IMAP port, for receiving mail; sending uses SMTP.`,
        use,
        'imap-server-for-sending',
      ),
    ];
  if (n === s.otherSmtpPorts.plain.value)
    return [mk('error', 'port', `Apple does not document port ${n} for sending from an app.`, use, 'port-587-blocked')];
  return [mk('error', 'port', `Apple documents only port ${p} for sending mail, not ${n}.`, use, 'port-587-blocked')];
}

const HOST_STATUS = {
  obsolete: 'is an outdated server name',
  undocumented: 'is not the documented sending server',
  wrong: 'is not iCloud’s sending server',
  'inbound-mx': 'is an incoming mail exchanger (MX)',
} as const;

/** The SMTP server. Optional: empty gives no findings. */
export function checkServer(raw: string, settings: Settings): Finding[] {
  const s = settings;
  const smtp = s.smtp.server.value;
  const fix = `Type ${smtp}.`;
  const t = raw.trim().toLowerCase();
  if (!t) return [];
  const h = t.replace(/\.$/, '');
  const err = (message: string, faq?: string, f = fix) => [mk('error', 'server', message, f, faq)];
  const scheme = /^([a-z][a-z0-9+.-]*):\/\//.exec(h);
  if (scheme) return err(`Type only the host name, without “${echo(scheme[1] ?? '')}://”.`);
  if (/^[^:/]+:\d+$/.test(h))
    return err(
      'Type only the host name; the port goes in the port field.',
      undefined,
      `Type ${smtp} here and ${s.smtp.port.value} in the port field.`,
    );
  if (h === smtp) return [mk('ok', 'server', `${smtp} is Apple’s sending (SMTP) server.`)];
  if (h === s.imap.server.value)
    return err(`${h} is the incoming (IMAP) server; apps send through the SMTP server.`, 'imap-server-for-sending');
  for (const w of Object.values(s.wrongHosts))
    if (h === w.value)
      return [
        mk(
          w.status === 'undocumented' ? 'warning' : 'error',
          'server',
          `${w.value} ${HOST_STATUS[w.status]}.${w.note ? ` ${w.note}` : ''}`,
          fix,
          'old-server-names',
        ),
      ];
  // Macs sometimes show numbered Apple-internal names such as p01-<server>: not wrong, but not the documented one.
  if (h.endsWith(`-${smtp}`) && /^p\d+$/.test(h.slice(0, -smtp.length - 1)))
    return [
      mk(
        'warning',
        'server',
        `${h} is one of Apple’s internal sending hosts; it may work, but the documented name is ${smtp}.`,
        fix,
      ),
    ];
  if (h.includes('@')) return err('This looks like an email address; it goes in the username field.');
  if (s.domains.value.includes(h)) return err(`${h} is the address domain, not the server name.`);
  return err(hostIssue(h) ? 'This is not a valid host name.' : `${echo(h)} is not iCloud’s sending server.`);
}

/** The connection security, judged for the port the instructions use. Empty gives no findings. */
export function checkSecurity(choice: SecurityChoice, port: number, settings: Settings): Finding[] {
  const s = settings;
  const p = s.smtp.port.value;
  const tls = s.smtp.security.value;
  const implicit = s.otherSmtpPorts.implicitTls.value;
  const f = (sev: Severity, message: string, fix?: string, faq?: string) => [mk(sev, 'security', message, fix, faq)];
  if (!choice) return [];
  if (choice === 'none')
    return f(
      'error',
      'The server requires an encrypted connection; without one, the password would travel in plain text.',
      `Choose ${tls} with port ${p}.`,
      'ssl-or-starttls',
    );
  if (port === implicit)
    return choice === 'SSL/TLS'
      ? f(
          'warning',
          `SSL/TLS on port ${port} works according to recent reports, but Apple does not document it.`,
          `Prefer port ${p} with ${tls}.`,
          'port-465',
        )
      : f(
          'error',
          `Port ${port} expects SSL/TLS from the first byte, not ${tls}.`,
          `Choose SSL/TLS, or use port ${p} with ${tls}.`,
          'port-465',
        );
  if (port !== p)
    return f('info', `The right choice depends on the port: ${tls} goes with port ${p}.`, undefined, 'ssl-or-starttls');
  return choice === tls
    ? f('ok', `${tls} is right for port ${p}.`)
    : f(
        'error',
        `SSL/TLS fails on port ${p}: the connection starts unencrypted and is upgraded with ${tls}, so apps report “wrong version number”.`,
        `Choose ${tls}.`,
        'wrong-version-number',
      );
}

/** All four fields, plus the address and port the instructions should use. */
export function check(input: CheckInput, settings: Settings): CheckResult {
  const a = checkAddress(input.address, settings);
  const pf = checkPort(input.port, settings);
  const n = portNumber(input.port);
  const port = n !== null && !hasError(pf) ? n : settings.smtp.port.value;
  const address = input.address.trim();
  return {
    findings: [...a, ...pf, ...checkServer(input.server, settings), ...checkSecurity(input.security, port, settings)],
    address: address && !hasError(a) ? address : null,
    port,
  };
}
