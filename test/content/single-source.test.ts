// One settings source: the server names (and the two main ports) are typed only in
// content/settings.yaml. Anywhere else under content/ or src/ they must come from it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadSettings } from '../helpers/settings.ts';
import { repoRoot } from '../helpers/root.ts';

const root = fileURLToPath(repoRoot);
const settingsPath = join('content', 'settings.yaml');

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = join(dir, name);
    return statSync(full).isDirectory() ? files(full) : [full];
  });
}

const s = loadSettings();
const hosts = [s.smtp.server.value, s.imap.server.value, ...Object.values(s.wrongHosts).map((h) => h.value)];
const escape = (x: string) => x.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const patterns = [
  ...hosts.map((h) => ({ what: h, re: new RegExp(`(?<![\\w.-])${escape(h)}(?![\\w-])`, 'i') })),
  ...[s.smtp.port.value, s.imap.port.value].map((p) => ({
    what: `port ${p}`,
    re: new RegExp(`(?<![\\w.-])${p}(?![\\w-])`),
  })),
];

test('no file under content/ or src/ other than the settings source types a server name or main port', () => {
  const offenders: string[] = [];
  for (const file of [...files(join(root, 'content')), ...files(join(root, 'src'))]) {
    const rel = relative(root, file);
    if (rel === settingsPath) continue;
    const lines = readFileSync(file, 'utf8').split('\n');
    lines.forEach((line, i) => {
      for (const { what, re } of patterns) if (re.test(line)) offenders.push(`${rel}:${i + 1}: ${what}`);
    });
  }
  assert.deepEqual(offenders, []);
});

test('the check itself catches a literal server name', () => {
  const smtpRe = patterns[0]!.re;
  assert.ok(smtpRe.test(`host: '${s.smtp.server.value}'`));
  assert.ok(smtpRe.test(`HOST=${s.smtp.server.value.toUpperCase()}`));
  assert.ok(!smtpRe.test(`host: '{smtp.server}'`));
});
