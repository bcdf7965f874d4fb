// The interop run needs real programs. In CI (CI=true) a missing one fails here, naming it and its
// Debian package; locally the interop tests that need it are skipped, and this says why.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { TOOLS, hasTool, inCI, missingTools, type Tool } from '../helpers/readers/tools.ts';

test('every interop tool is installed', (t) => {
  const message = missingTools(Object.keys(TOOLS) as Tool[]);
  if (message && !inCI()) {
    console.log(`interop: ${message}. The tests that need them are skipped (CI=true makes this an error).`);
    return t.skip(message);
  }
  assert.equal(message, '', 'CI=true: every interop tool must be installed (.ci/run installs them)');
  for (const tool of Object.keys(TOOLS) as Tool[]) assert.ok(hasTool(tool), tool);
});
