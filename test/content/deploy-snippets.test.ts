// README's nginx and Caddy snippets are the ones src/lib/headers.ts makes (`npm run headers -- readme`
// rewrites them), so the Deploy section never drifts from dist/_headers.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { headerRules, readmeSnippets } from '../../src/lib/files/headers.ts';

test("README's server snippets match the header rules", () => {
  const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
  const rules = headerRules('/', ['icloud-mail.mobileconfig']);
  assert.equal(readmeSnippets(readme, rules), readme, 'run `npm run headers -- readme` and commit README.md');
});
