/**
 * The address rule: what the checker says about the SMTP username, the full iCloud Mail address.
 * Every domain comes from the settings argument; anything echoed from the input is validated first.
 */
import type { Settings } from '../../schemas/settings.ts';
import { formatList } from '../text/format-list.ts';
import { describeInvisible, findInvisible } from '../text/invisible.ts';
import { looksLikeAppPassword } from './app-password.ts';
import { CHECKER_FAQ, echo, finding, tooLong, type Finding } from './findings.ts';

export const atDomains = (settings: Settings, or = 'or') =>
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
  const invisible = findInvisible(typed);
  if (invisible)
    return `The address contains ${describeInvisible(invisible)}, often copied along from a chat or a web page. Retype it by hand.`;
  if (/\s/u.test(typed)) return 'An address cannot contain spaces.';
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
  const long = tooLong('address', raw);
  if (long) return [long];
  const out: Finding[] = [];
  // Before trimming: JavaScript's trim() also drops a byte order mark, which the app would keep.
  const invisible = findInvisible(raw);
  if (invisible)
    return [
      finding(
        'error',
        'address',
        `The address contains ${describeInvisible(invisible)}, often copied along from a chat or a web page. Retype it by hand.`,
        `Type the whole address, such as ${settings.placeholderAddress}.`,
        CHECKER_FAQ.username,
      ),
    ];
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
