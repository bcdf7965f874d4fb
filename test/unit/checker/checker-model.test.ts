// The checker's model: grouping of the chooser, the initial view shared by the server render and
// the island, when the instructions are rebuilt, and the island boundary (src/lib and src/data
// never import from src/islands; the islands import no zod and no schema at run time).
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { loadFixtureSettings } from '../../helpers/settings.ts';
import { loadFixtureClients } from '../../helpers/clients.ts';
import { check } from '../../../src/lib/checker/check.ts';
import { buildInstructions } from '../../../src/lib/checker/instructions.ts';
import {
  checkerView,
  chooserGroups,
  initialInput,
  initialView,
  isClientData,
  profileApplies,
} from '../../../src/lib/checker/checker-model.ts';
import type { Client } from '../../../src/schemas/client.ts';
import { CLIENT_GROUPS } from '../../../src/vocabulary/client-groups.ts';

const settings = loadFixtureSettings();
const [app, code] = (() => {
  const all = loadFixtureClients();
  return [all.find((c) => c.kind === 'app')!, all.find((c) => c.kind === 'code')!];
})();
const fake = (n: number, group: Client['group']) => ({ id: `c${n}`, name: `Client ${n}`, group });

describe('chooserGroups', () => {
  test('groups in CLIENT_GROUPS order, under their headings, each in the order given, with only id and name', () => {
    const groups = chooserGroups([fake(1, 'library'), fake(2, 'apple'), fake(3, 'library'), fake(4, 'self-hosted')]);
    const heading = (id: string) => CLIENT_GROUPS.find((g) => g.id === id)!.heading;
    assert.deepEqual(groups, [
      { label: heading('apple'), options: [{ id: 'c2', name: 'Client 2' }] },
      { label: heading('self-hosted'), options: [{ id: 'c4', name: 'Client 4' }] },
      {
        label: heading('library'),
        options: [
          { id: 'c1', name: 'Client 1' },
          { id: 'c3', name: 'Client 3' },
        ],
      },
    ]);
  });

  test('an empty group is left out (no empty <optgroup>)', () => {
    assert.deepEqual(
      chooserGroups([fake(1, 'device')]).map((g) => g.label),
      [CLIENT_GROUPS.find((g) => g.id === 'device')!.heading],
    );
  });

  test('every client lands in exactly one group, whatever the count', () => {
    for (const count of [30, 65]) {
      const clients = Array.from({ length: count }, (_, i) => fake(i, CLIENT_GROUPS[i % CLIENT_GROUPS.length]!.id));
      const ids = chooserGroups(clients).flatMap((g) => g.options.map((o) => o.id));
      assert.deepEqual(ids.slice().sort(), clients.map((c) => c.id).sort());
    }
  });
});

describe('initial view', () => {
  test('the empty form uses the documented port, read from the settings', () => {
    const other = { ...settings, smtp: { ...settings.smtp, port: { ...settings.smtp.port, value: 2525 } } };
    assert.deepEqual(initialInput(other), { address: '', port: '2525', server: '', security: '' });
  });

  test('is the check of the empty form and the instructions with the placeholder address', () => {
    const view = initialView(app, settings);
    assert.deepEqual(view.result, check(initialInput(settings), settings));
    assert.equal(view.result.address, null);
    assert.deepEqual(view.instructions, buildInstructions(app, settings, null));
    assert.equal(view.client, app);
  });
});

describe('checkerView', () => {
  const domain = settings.domains.value[0]!;
  test('rebuilds the instructions when the usable address changes, reuses them otherwise', () => {
    const start = initialView(code, settings);
    const typing = checkerView({ ...start.input, address: 'emily' }, code, settings, start);
    assert.equal(typing.result.address, null);
    assert.equal(typing.instructions, start.instructions, 'still the placeholder: same object');
    const valid = checkerView({ ...typing.input, address: `emily@${domain}` }, code, settings, typing);
    assert.notEqual(valid.instructions, typing.instructions);
    assert.ok(JSON.stringify(valid.instructions).includes(`emily@${domain}`));
    const same = checkerView({ ...valid.input }, code, settings, valid);
    assert.equal(same.instructions, valid.instructions, 'nothing changed: same object');
  });

  test("rebuilds them for a security or port choice, adding the client's own warnings", () => {
    const ghost: Client = {
      ...code,
      warnings: [{ security: ['SSL/TLS'], ports: ['smtp.port'], message: 'Set mail.options.secure to false.' }],
    };
    const start = initialView(ghost, settings);
    assert.deepEqual(start.instructions.warnings, []);
    const secure = checkerView({ ...start.input, security: 'SSL/TLS' }, ghost, settings, start);
    assert.notEqual(secure.instructions, start.instructions);
    assert.match(secure.instructions.warnings.join(' '), /mail\.options\.secure/);
    const implicit = String(settings.otherSmtpPorts.implicitTls.value);
    const otherPort = checkerView({ ...secure.input, port: implicit }, ghost, settings, secure);
    assert.deepEqual(otherPort.instructions.warnings, [], 'the warning names only the submission port');
  });

  test('rebuilds them for another client', () => {
    const start = initialView(code, settings);
    const other = checkerView(start.input, app, settings, start);
    assert.equal(other.instructions.clientId, app.id);
  });
});

test('isClientData accepts a client entry and refuses other shapes', () => {
  assert.equal(isClientData(loadFixtureClients()[0]), true);
  assert.equal(isClientData(null), false);
  assert.equal(isClientData({ id: 'x', name: 'X' }), false);
  assert.equal(isClientData([]), false);
});

test('the configuration profile applies only to Apple’s own Mail apps', () => {
  assert.equal(profileApplies({ group: 'apple' }), true);
  assert.equal(profileApplies({ group: 'self-hosted' }), false);
  assert.equal(profileApplies({ group: 'library' }), false);
});
