// The placeholder-origin warning (src/lib/site/site-url.ts).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { PLACEHOLDER_SITE, placeholderSiteWarning } from '../../../src/lib/site/site-url.ts';

test('a build without SITE_URL, or with the placeholder, is warned about; a real origin is not', () => {
  assert.match(placeholderSiteWarning(undefined) ?? '', /SITE_URL is not set/);
  assert.match(placeholderSiteWarning('') ?? '', /SITE_URL is not set/);
  assert.match(placeholderSiteWarning(`${PLACEHOLDER_SITE}/`) ?? '', /placeholder/);
  assert.equal(placeholderSiteWarning('https://mail-help.example.net'), null);
});
