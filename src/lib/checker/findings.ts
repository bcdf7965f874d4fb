/**
 * What the checker's rules return: findings about the four fields, and the small helpers every rule
 * uses to make one. Plain text only; anything echoed from the input is capped in length.
 */
export type Severity = 'error' | 'warning' | 'info' | 'ok';
export type Field = 'address' | 'port' | 'server' | 'security';
/** '' means the reader has not said. */
export type { SecurityChoice } from '../../vocabulary/security.ts';
import type { SecurityChoice } from '../../vocabulary/security.ts';

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

export const MAX_ECHO = 64;

export function finding(severity: Severity, field: Field, message: string, fix?: string, faq?: string): Finding {
  const result: Finding = { severity, field, message };
  if (fix) result.fix = fix;
  if (faq) result.faq = faq;
  return result;
}

/** A short, printable copy of (already validated) input for use inside a message. */
export function echo(text: string): string {
  const codePoints = Array.from(text.replace(/\p{C}/gu, ''));
  return codePoints.length > MAX_ECHO ? `${codePoints.slice(0, MAX_ECHO - 1).join('')}…` : codePoints.join('');
}

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

export const hasError = (findings: Finding[]) => findings.some((f) => f.severity === 'error');

/**
 * The most a field keeps (the inputs' maxlength): far above any real value, so nothing real is cut,
 * and small enough that a pasted megabyte cannot freeze the page.
 */
export const MAX_FIELD_LENGTH = 1024;
/** RFC 5321: a path (the address) is at most 256 octets with its angle brackets. */
const MAX_ADDRESS = 254;
/** RFC 1035: a host name is at most 253 characters as written. */
const MAX_HOST = 253;

/** A finding for a value longer than any real one, or null. Says the length, never the text. */
export function tooLong(field: 'address' | 'port' | 'server', raw: string): Finding | null {
  const max = field === 'address' ? MAX_ADDRESS : field === 'server' ? MAX_HOST : 5;
  const length = raw.trim().length;
  if (length <= max) return null;
  const what = field === 'address' ? 'an email address' : field === 'server' ? 'a server name' : 'a port';
  const cut = raw.length >= MAX_FIELD_LENGTH ? ` The field keeps at most ${MAX_FIELD_LENGTH} characters.` : '';
  return finding(
    'error',
    field,
    `This is ${length} characters long; ${what} has at most ${max}.${cut}`,
    'Paste only the value itself.',
    field === 'address' ? CHECKER_FAQ.username : undefined,
  );
}
