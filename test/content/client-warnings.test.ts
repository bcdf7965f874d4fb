// Every real entry's warnings (content/clients/*.yaml): ports named by real settings paths, filled
// without leftover tokens, never fired by the documented setting; and the programs issue 11 names
// warn on their wrong choice.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { buildInstructions } from '../../src/lib/checker/instructions.ts';
import { resolveSetting } from '../../src/lib/settings/template.ts';
import { loadClients } from '../helpers/clients.ts';
import { loadSettings } from '../helpers/settings.ts';

const settings = loadSettings();
const submission = settings.smtp.port.value;

test('every entry warning names real port paths and fills for every choice that triggers it', () => {
  const withWarnings = loadClients().filter((c) => c.warnings?.length);
  for (const c of withWarnings)
    for (const w of c.warnings!) {
      for (const path of w.ports ?? [])
        assert.equal(typeof resolveSetting(settings, path), 'number', `${c.id}: ${path} is not a port`);
      const port = w.ports ? Number(resolveSetting(settings, w.ports[0]!)) : submission;
      const ins = buildInstructions(c, settings, null, { security: w.security[0]!, port });
      assert.ok(ins.warnings.length > 0, `${c.id}: a warning for ${w.security[0]} did not fire`);
      assert.ok(
        ins.warnings.every((m) => !/[{}]/.test(m)),
        `${c.id}: a token was left in ${ins.warnings.join(' ')}`,
      );
      // The documented setting (STARTTLS on the submission port) never triggers a warning.
      assert.deepEqual(
        buildInstructions(c, settings, null, { security: 'STARTTLS', port: submission }).warnings,
        [],
        `${c.id} warns about the documented setting`,
      );
    }
});

test('the programs the issue names warn on their wrong choice (Nodemailer-based, Proxmox, Gitea)', () => {
  const byId = new Map(loadClients().map((c) => [c.id, c]));
  for (const id of ['ghost', 'n8n', 'uptime-kuma', 'proxmox-ve', 'gitea']) {
    const c = byId.get(id);
    if (!c) assert.fail(`${id} is missing`);
    const m = buildInstructions(c, settings, null, { security: 'SSL/TLS', port: submission }).warnings;
    assert.ok(m.length > 0, `${id} has no warning for SSL/TLS on ${submission}`);
  }
});
