// The client schema, on a frozen entry from test/fixtures/clients/: a bad entry is explained with
// the path of every field that is wrong.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { clientSchema } from '../../../src/schemas/client.ts';
import { formatIssues } from '../../../src/schemas/format-issues.ts';
import { loadFixtureClients } from '../../helpers/clients.ts';

const clients = loadFixtureClients();

test('the schema explains a bad entry with field paths', () => {
  const good = clients.find((c) => c.id === 'thunderbird')!;
  const bad = {
    ...good,
    id: 'Not An Id',
    kind: 'code',
    fields: [{ ...good.fields[0]!, label: 'Password', action: 'enter' }],
    sources: [{ title: 'x', url: 'http://example.org' }],
    extra: true,
  };
  const result = clientSchema.safeParse(bad);
  assert.ok(!result.success);
  const message = formatIssues(result.error.issues, 'content/clients/bad.yaml');
  for (const path of ['id', 'fields.0.action', 'sources.0.url', '(root)'])
    assert.ok(message.includes(`  - ${path}:`), `${path} in:\n${message}`);
});
