// The route table (src/lib/site/routes.ts): every path starts at the root and encodes its ids.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { routes } from '../../../src/lib/site/routes.ts';

test('ids are encoded, so a path holds only the id', () => {
  assert.equal(routes.clientData('a b/c'), '/clients/a%20b%2Fc.json');
  assert.equal(routes.client('thunderbird'), '/clients/thunderbird/');
  assert.equal(routes.faq('port-465'), '/faq/port-465/');
  assert.equal(routes.faqAnchor('port-465'), '/faq/#port-465');
  assert.equal(routes.error('x'), '/errors/x/');
  assert.equal(routes.errorsAt('decoder-title'), '/errors/#decoder-title');
  assert.equal(routes.page('smtp'), '/smtp/');
});

test('every route is a site path from the root', () => {
  for (const [name, make] of Object.entries(routes)) {
    const path = make('x');
    assert.ok(path.startsWith('/') && !path.startsWith('//'), `${name}: ${path}`);
  }
});
