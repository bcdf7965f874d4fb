// Every client page in the built site says when its instructions were last checked, with a
// machine-readable <time> that matches the entry's `checked` date (content/clients/<id>.yaml).
// Reads dist/ as built; run `npm run build` first.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parse } from 'node-html-parser';
import { loadClients } from '../helpers/clients.ts';

const dist = process.env['DIST_DIR'] ?? fileURLToPath(new URL('../../dist/', import.meta.url));
const clients = loadClients();

test('every client page shows "Instructions last checked" with the entry\'s date in a <time>', () => {
  const page = (id: string) => `${dist.replace(/\/?$/, '/')}clients/${id}/index.html`;
  assert.ok(existsSync(page(clients[0]!.id)), `No built client page at ${page(clients[0]!.id)}: run npm run build first.`);
  for (const c of clients) {
    const root = parse(readFileSync(page(c.id), 'utf8'));
    const line = root.querySelectorAll('p').find((p) => p.textContent.includes('Instructions last checked:'));
    assert.ok(line, `${c.id}: no "Instructions last checked" line`);
    const time = line.querySelector('time');
    assert.ok(time, `${c.id}: the date is not in a <time> element`);
    assert.equal(time.getAttribute('datetime'), c.checked, `${c.id}: datetime`);
    // The visible date is the same day, written out: 2026-11-30 → 30 November 2026.
    const [y, m, d] = c.checked.split('-').map(Number) as [number, number, number];
    const month = new Date(Date.UTC(y, m - 1, d)).toLocaleString('en-GB', { month: 'long', timeZone: 'UTC' });
    assert.equal(time.textContent.trim(), `${d} ${month} ${y}`, `${c.id}: visible date`);
  }
});
