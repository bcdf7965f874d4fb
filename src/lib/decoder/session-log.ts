/**
 * Session logs: masking secrets and finding where an SMTP or IMAP session stopped. The pieces live
 * in session-log/: lines (classification), mask (secrets), stages (what failed), reader (the walk).
 */
export * from './session-log/types.ts';
export { maskSecrets } from './session-log/mask.ts';
export { readSessionLog } from './session-log/reader.ts';
