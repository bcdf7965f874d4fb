// A broken settings source must stop the real build with a message that names the field.
// This runs Astro's own content sync (the first step of `astro build`) on a copy of the project.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { copyProject, type ProjectCopy } from '../helpers/project-copy.ts';

let project: ProjectCopy;
let pristine = '';

before(() => {
  project = copyProject('settings-build');
  pristine = readFileSync(join(project.dir, 'content/settings.yaml'), 'utf8');
});
after(() => project.remove());

function sync(yaml: string): { status: number | null; output: string } {
  writeFileSync(join(project.dir, 'content/settings.yaml'), yaml);
  return project.astro(['sync']);
}

/** Replaces the first `value:` line after the line that starts the given YAML key path. */
function breakValue(yaml: string, section: string, key: string, replacement: string): string {
  const lines = yaml.split('\n');
  const s = lines.findIndex((l) => l === `  ${section}:`);
  const k = lines.findIndex((l, i) => i > s && l === `    ${key}:`);
  const v = lines.findIndex((l, i) => i > k && l.trimStart().startsWith('value:'));
  assert.ok(s >= 0 && k > s && v > k, `could not find ${section}.${key} in settings.yaml`);
  lines[v] = lines[v]!.replace(/value:.*/, `value: ${replacement}`);
  return lines.join('\n');
}

test('the untouched settings source syncs cleanly', () => {
  const { status, output } = sync(pristine);
  assert.equal(status, 0, output);
});

test('a port out of range fails the build and names smtp.port.value', () => {
  const { status, output } = sync(breakValue(pristine, 'smtp', 'port', '0'));
  assert.notEqual(status, 0);
  assert.match(output, /smtp\.port\.value/);
});

test('a malformed server name fails the build and names imap.server.value', () => {
  const { status, output } = sync(breakValue(pristine, 'imap', 'server', '"imap mail"'));
  assert.notEqual(status, 0);
  assert.match(output, /imap\.server\.value/);
});
