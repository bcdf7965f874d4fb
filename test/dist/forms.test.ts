// No form on any page can put what a reader types into a URL: a GET form sends its named fields as
// ?name=value, which lands in the host's access log and the browser's history. The site's forms (the
// header's search, /search/, the checker, the decoder) keep their fields unnamed or never submit.
// Run after a build.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { openSite } from '../helpers/dist/site.ts';

const site = openSite();
/** Controls whose value the reader types (a select or a checkbox sends only the site's own words). */
const TYPED = 'input:not([type]), input[type=text], input[type=search], input[type=email], input[type=url], input[type=tel], input[type=password], input[type=number], textarea';

test('no form on any page sends typed text in a GET URL', () => {
  site.assertBuilt();
  const found: string[] = [];
  let forms = 0;
  for (const file of site.htmlFiles()) {
    const page = site.parse(file);
    for (const form of page.querySelectorAll('form')) {
      forms++;
      const method = (form.getAttribute('method') ?? 'get').toLowerCase();
      if (method !== 'get') continue;
      for (const field of form.querySelectorAll(TYPED))
        if (field.getAttribute('name') !== undefined) found.push(`${file}: <${field.tagName.toLowerCase()} name="${field.getAttribute('name')}">`);
    }
    // A field outside its form joins it through form="…": none may carry a name either.
    for (const field of page.querySelectorAll(TYPED))
      if (field.getAttribute('form') !== undefined && field.getAttribute('name') !== undefined)
        found.push(`${file}: <${field.tagName.toLowerCase()} form="${field.getAttribute('form')}" name="…">`);
  }
  assert.ok(forms > 100, `the header's search form is on every page (found ${forms} forms)`);
  assert.deepEqual(found, []);
});

test('the header and /search/ forms have a search field without a name', () => {
  for (const file of ['index.html', 'search/index.html']) {
    const page = site.parse(file);
    const header = page.querySelector('form.site-search input[type=search]');
    assert.ok(header, `${file}: the header's search field`);
    assert.equal(header.getAttribute('name'), undefined, file);
  }
  const own = site.parse('search/index.html').querySelector('form.search-form input[type=search]');
  assert.ok(own);
  assert.equal(own.getAttribute('name'), undefined);
});
