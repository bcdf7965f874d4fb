// A broken settings source must stop the real build with a message that names the field.
// This runs Astro's own content sync (the first step of `astro build`) on a copy of the project.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, renameSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { repoRoot } from '../helpers/settings.ts';

const root = fileURLToPath(repoRoot);
let dir = '';
let pristine = '';

before(() => {
  dir = mkdtempSync(join(tmpdir(), 'settings-build-'));
  for (const item of ['src', 'content', 'astro.config.mjs', 'tsconfig.json', 'package.json'])
    cpSync(join(root, item), join(dir, item), { recursive: true });
  symlinkSync(join(root, 'node_modules'), join(dir, 'node_modules'), 'dir');
  // Keep Astro's content cache inside the copy so the real project's cache is never touched.
  renameSync(join(dir, 'astro.config.mjs'), join(dir, 'astro.base.mjs'));
  writeFileSync(
    join(dir, 'astro.config.mjs'),
    "import base from './astro.base.mjs';\nexport default { ...base, cacheDir: './.cache' };\n",
  );
  pristine = readFileSync(join(dir, 'content/settings.yaml'), 'utf8');
});
after(() => rmSync(dir, { recursive: true, force: true }));

function sync(yaml: string): { status: number | null; output: string } {
  writeFileSync(join(dir, 'content/settings.yaml'), yaml);
  const astro = join(root, 'node_modules/astro/bin/astro.mjs');
  const run = spawnSync(process.execPath, [astro, 'sync'], {
    cwd: dir,
    encoding: 'utf8',
    env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', NO_COLOR: '1' },
    timeout: 120_000,
  });
  return { status: run.status, output: `${run.stdout}\n${run.stderr}` };
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
