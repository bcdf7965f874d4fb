// Every module in src/lib loads in Node, without Astro or a browser, and exports something. This
// also makes the coverage report (npm run test:unit) count every file in src/lib, tested or not.
import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import { test } from 'node:test';

const lib = new URL('../../src/lib/', import.meta.url);
const modules = readdirSync(lib, { recursive: true, encoding: 'utf8' })
  .filter((f) => f.endsWith('.ts') && !f.endsWith('.d.ts'))
  .sort();

for (const file of modules) {
  test(`src/lib/${file} loads and exports something`, async () => {
    const exports = (await import(new URL(file, lib).href)) as Record<string, unknown>;
    assert.ok(Object.keys(exports).length > 0, `src/lib/${file} exports nothing a test or page could use`);
  });
}
