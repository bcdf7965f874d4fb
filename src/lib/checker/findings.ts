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
