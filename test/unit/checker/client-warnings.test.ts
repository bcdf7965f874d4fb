// Per-program warnings: matchingWarnings() on a fixture entry (so content changes never break it),
// and buildInstructions() adding them for a choice. The real entries: test/content/client-warnings.test.ts.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { matchingWarnings } from '../../../src/lib/checker/client-warnings.ts';
import { buildInstructions } from '../../../src/lib/checker/instructions.ts';
import { clientSchema, type Client } from '../../../src/schemas/client.ts';
import { loadFixtureSettings } from '../../helpers/settings.ts';

const settings = loadFixtureSettings();
const submission = settings.smtp.port.value;
const implicit = settings.otherSmtpPorts.implicitTls.value;

const fixture: Client = clientSchema.parse({
  id: 'fixture-app',
  name: 'Fixture App',
  summary: 'A fixture entry for the warning rules, never published.',
  kind: 'code',
  group: 'self-hosted',
  order: 1,
  platforms: ['any'],
  confidence: 'high',
  menuPath: null,
  fields: [],
  steps: ['Do it.'],
  gotchas: [],
  snippet: { language: 'dotenv', template: 'USER={address|q}\n' },
  sources: [{ title: 'Fixture', url: 'https://example.com/' }],
  checked: '2026-11-30',
  warnings: [
    { security: ['SSL/TLS'], ports: ['smtp.port'], message: 'secure on fails on port {smtp.port} for {address}.' },
    { security: ['none'], message: 'No encryption: the password travels in clear.' },
    {
      security: ['STARTTLS'],
      ports: ['otherSmtpPorts.implicitTls'],
      message: 'STARTTLS on {otherSmtpPorts.implicitTls}.',
    },
  ],
});

test('a warning fires only for its security choice and, when it lists ports, only on those ports', () => {
  const at = (security: '' | 'STARTTLS' | 'SSL/TLS' | 'none', port: number) =>
    matchingWarnings(fixture, settings, { security, port });
  assert.deepEqual(at('SSL/TLS', submission), ['secure on fails on port {smtp.port} for {address}.']);
  assert.deepEqual(at('SSL/TLS', implicit), []);
  assert.deepEqual(at('STARTTLS', submission), []);
  assert.deepEqual(at('STARTTLS', implicit), ['STARTTLS on {otherSmtpPorts.implicitTls}.']);
  assert.deepEqual(at('none', submission), ['No encryption: the password travels in clear.']);
  assert.deepEqual(at('none', 2525), ['No encryption: the password travels in clear.']);
  assert.deepEqual(at('', submission), [], 'no choice, no warning');
  assert.deepEqual(matchingWarnings({}, settings, { security: 'SSL/TLS', port: submission }), []);
});

test('buildInstructions adds the filled warnings for a choice, and none without one', () => {
  const address = `o'brien@${settings.domains.value[0]}`;
  const withChoice = buildInstructions(fixture, settings, address, { security: 'SSL/TLS', port: submission });
  assert.deepEqual(withChoice.warnings, [`secure on fails on port ${submission} for ${address}.`]);
  assert.deepEqual(buildInstructions(fixture, settings, address).warnings, []);
  assert.deepEqual(
    buildInstructions(fixture, settings, address, { security: 'STARTTLS', port: submission }).warnings,
    [],
  );
});
