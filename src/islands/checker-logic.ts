// The checker's logic, loaded on demand: the first view is rendered at build time, so this code
// is fetched (same origin) only when the reader starts using the form.
export { check } from '../lib/check.ts';
export { buildInstructions } from '../lib/instructions.ts';
export { mobileconfig } from '../lib/mobileconfig.ts';
