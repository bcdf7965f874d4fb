// What a client page shows first and what it leaves out (issue 18, "First read"), over dist/ as
// built: the program's steps open the page, the form that fills in the address follows, and the
// sources and the confidence note close it; the iPhone/Mac profile appears only on Apple's Mail
// apps; related errors never use another program's words. Run `npm run build` first.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { loadClients } from '../helpers/clients.ts';
import { loadErrors } from '../helpers/errors.ts';
import { openSite } from '../helpers/dist/site.ts';
import { printedBy } from '../../src/lib/decoder/link-text.ts';

const site = openSite();
const clients = loadClients();

const pos = (html: string, needle: string) => html.indexOf(needle);

test('every client page: steps first, then the form, then sources and confidence', () => {
  site.assertBuilt();
  for (const c of clients) {
    const html = site.read(`clients/${c.id}/index.html`).toString('utf8');
    const steps = pos(html, `>Steps for ${c.name.replace(/&/g, '&amp;')}</h2>`);
    const instructions = pos(html, 'id="chk-instr-title"');
    const form = pos(html, 'id="chk-address"');
    const sources = pos(html, 'id="sources"');
    const confidence = pos(html, 'How sure we are of the labels:');
    assert.ok(steps > 0, `${c.id}: no "Steps for ${c.name}" heading`);
    assert.ok(steps < instructions && instructions < form, `${c.id}: the steps do not come before the form`);
    assert.ok(form < sources && sources < confidence, `${c.id}: sources and confidence do not close the page`);
  }
});

test('the configuration profile is offered only on the pages of Apple’s Mail apps', () => {
  let apple = 0;
  for (const c of clients) {
    const html = site.read(`clients/${c.id}/index.html`).toString('utf8');
    const offered = html.includes('class="actions profile-download"');
    assert.equal(offered, c.group === 'apple', `${c.id}: profile download ${offered ? 'shown' : 'missing'}`);
    if (offered) apple++;
  }
  assert.ok(apple >= 2, 'Apple Mail and iOS Mail offer the profile');
});

test('related errors on a program’s page are named in its words or in neutral ones', () => {
  const errors = loadErrors();
  let checked = 0;
  for (const c of clients.filter((x) => x.kind === 'app')) {
    const root = site.parse(`clients/${c.id}/index.html`);
    const links = root.querySelectorAll('.error-links a').map((a) => a.textContent.trim());
    for (const e of errors.filter((x) => x.clients.includes(c.id) && x.plainTitle)) {
      const own = e.examples.some((x) => printedBy(x.program, c));
      if (!own) {
        checked++;
        assert.ok(
          !links.some((l) => l.includes('SMTPAuthenticationError') || l.includes('self signed certificate')),
          `${c.id}: another program's wording in ${JSON.stringify(links)}`,
        );
      }
    }
  }
  assert.ok(checked > 0, 'some app page lists an error in neutral words');
});
