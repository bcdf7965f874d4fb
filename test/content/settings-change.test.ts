// README's "Change a setting" promise, tested: on a copy of the project whose content/settings.yaml
// names another SMTP server and port, `npm run test:unit` still passes. Unit tests read the frozen
// fixtures in test/fixtures/, so a change of fact never breaks a test of a rule.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { parseDocument } from 'yaml';
import { loadSettings } from '../helpers/settings.ts';
import { repoRoot } from '../helpers/root.ts';

const root = fileURLToPath(repoRoot);
const dir = mkdtempSync(join(tmpdir(), 'settings-change-'));
after(() => rmSync(dir, { recursive: true, force: true }));

const NEW_SERVER = 'smtp.relay.example.net';
const NEW_PORT = 1587;

test('npm run test:unit passes after smtp.server and smtp.port change in content/settings.yaml', { timeout: 300_000 }, () => {
  for (const item of ['src', 'content', 'test', 'astro.config.mjs', 'tsconfig.json', 'package.json'])
    cpSync(join(root, item), join(dir, item), { recursive: true });
  symlinkSync(join(root, 'node_modules'), join(dir, 'node_modules'), 'dir');

  const file = join(dir, 'content/settings.yaml');
  const doc = parseDocument(readFileSync(file, 'utf8'));
  const old = { server: doc.getIn(['icloud', 'smtp', 'server', 'value']), port: doc.getIn(['icloud', 'smtp', 'port', 'value']) };
  doc.setIn(['icloud', 'smtp', 'server', 'value'], NEW_SERVER);
  doc.setIn(['icloud', 'smtp', 'port', 'value'], NEW_PORT);
  writeFileSync(file, doc.toString());
  const changed = loadSettings(new URL(`file://${file}`));
  assert.equal(changed.smtp.server.value, NEW_SERVER, 'the copy names the new server');
  assert.equal(changed.smtp.port.value, NEW_PORT, 'the copy names the new port');
  assert.notEqual(old.server, NEW_SERVER);
  assert.notEqual(old.port, NEW_PORT);

  // Without NODE_TEST_CONTEXT, or the inner node --test would think it is nested and run nothing.
  const { NODE_TEST_CONTEXT: _nested, ...env } = process.env;
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  const run = spawnSync(npm, ['run', 'test:unit'], {
    cwd: dir,
    encoding: 'utf8',
    env: { ...env, ASTRO_TELEMETRY_DISABLED: '1', NO_COLOR: '1' },
    timeout: 280_000,
    maxBuffer: 64 << 20,
  });
  const output = `${run.stdout}\n${run.stderr}`;
  const failures = output.split('\n').filter((l) => /^\s*✖|not ok/.test(l));
  assert.equal(run.status, 0, `test:unit failed on the changed settings:\n${failures.slice(0, 40).join('\n')}\n${output.slice(-3000)}`);
  assert.match(output, /ℹ fail 0/);
});
