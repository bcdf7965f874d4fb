// src/lib/urls.ts: every internal URL is built here, at the root and under a sub-path base.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { absoluteUrl, isSitePath, joinBase, normaliseBase, url } from '../../../src/lib/site/urls.ts';

describe('normaliseBase', () => {
  const cases: [string, string][] = [
    ['', '/'],
    ['/', '/'],
    ['//', '/'],
    ['icloud-mail', '/icloud-mail/'],
    ['/icloud-mail', '/icloud-mail/'],
    ['icloud-mail/', '/icloud-mail/'],
    ['/icloud-mail/', '/icloud-mail/'],
    ['//icloud-mail//', '/icloud-mail/'],
    ['/docs/mail/', '/docs/mail/'],
  ];
  for (const [input, expected] of cases) {
    test(`${JSON.stringify(input)} → ${expected}`, () => assert.equal(normaliseBase(input), expected));
  }
});

describe('joinBase', () => {
  const cases: [base: string, path: string, expected: string][] = [
    // The root base leaves a site path as it is.
    ['/', '/', '/'],
    ['/', '/faq/', '/faq/'],
    ['/', 'faq/', '/faq/'],
    ['/', '/favicon.svg', '/favicon.svg'],
    // A sub-path base, written with or without its slashes.
    ['/icloud-mail/', '/', '/icloud-mail/'],
    ['/icloud-mail/', '', '/icloud-mail/'],
    ['/icloud-mail/', '/faq/', '/icloud-mail/faq/'],
    ['/icloud-mail', '/faq/', '/icloud-mail/faq/'],
    ['icloud-mail', 'faq/', '/icloud-mail/faq/'],
    ['/icloud-mail/', '/clients/thunderbird/', '/icloud-mail/clients/thunderbird/'],
    ['/icloud-mail/', '/clients/thunderbird.json', '/icloud-mail/clients/thunderbird.json'],
    ['/docs/mail/', '/mail/config-v1.1.xml', '/docs/mail/mail/config-v1.1.xml'],
    // Fragments and query strings are kept exactly.
    ['/icloud-mail/', '/faq/#port-465', '/icloud-mail/faq/#port-465'],
    ['/', '/faq/#port-465', '/faq/#port-465'],
    ['/icloud-mail/', '/faq/?q=587#timeout-587', '/icloud-mail/faq/?q=587#timeout-587'],
    ['/icloud-mail/', '/?a=b/c', '/icloud-mail/?a=b/c'],
    // Extra slashes at the joint collapse; a path can never become protocol-relative (//host/).
    ['/icloud-mail/', '//faq/', '/icloud-mail/faq/'],
    ['/', '//evil.example/', '/evil.example/'],
    ['/', '///x/', '/x/'],
  ];
  for (const [base, path, expected] of cases) {
    test(`${JSON.stringify(base)} + ${JSON.stringify(path)} → ${expected}`, () =>
      assert.equal(joinBase(base, path), expected));
  }

  test('any base and path: starts with the normalised base, one slash at the joint, path kept', () => {
    const segment = fc.stringMatching(/^[a-z0-9-]{1,8}$/);
    const base = fc
      .tuple(fc.array(segment, { maxLength: 3 }), fc.boolean(), fc.boolean())
      .map(([parts, lead, trail]) => `${lead ? '/' : ''}${parts.join('/')}${trail ? '/' : ''}`);
    const path = fc
      .tuple(fc.nat({ max: 3 }), fc.array(segment, { maxLength: 3 }), fc.constantFrom('', '/', '#x', '?q=1', '/#a-b'))
      .map(([slashes, parts, tail]) => `${'/'.repeat(slashes)}${parts.join('/')}${tail}`);
    fc.assert(
      fc.property(base, path, (b, p) => {
        const out = joinBase(b, p);
        const nb = normaliseBase(b);
        assert.ok(out.startsWith(nb), `${out} does not start with ${nb}`);
        assert.ok(!out.startsWith('//'), `${out} is protocol-relative`);
        assert.equal(out.slice(nb.length), p.replace(/^\/+/, ''));
        // The result is a path on the same origin, whatever origin the page is on.
        assert.equal(new URL(out, 'https://site.invalid/x/').origin, 'https://site.invalid');
      }),
      { numRuns: 2000 },
    );
  });
});

describe('url and absoluteUrl (no Astro: the base is the root)', () => {
  test('url() of a site path is the path itself at the root', () => {
    assert.equal(url('/'), '/');
    assert.equal(url('/faq/'), '/faq/');
    assert.equal(url('faq/#port-465'), '/faq/#port-465');
    assert.equal(url('/clients/mutt.json'), '/clients/mutt.json');
  });
  test('absoluteUrl() puts the path on the site origin, dropping any path of `site`', () => {
    assert.equal(absoluteUrl('/faq/', 'https://icloud-mail.example.org'), 'https://icloud-mail.example.org/faq/');
    assert.equal(
      absoluteUrl('/faq/#port-465', new URL('https://icloud-mail.example.org/')),
      'https://icloud-mail.example.org/faq/#port-465',
    );
    assert.equal(absoluteUrl('/sitemap-index.xml', 'https://h.example/ignored'), 'https://h.example/sitemap-index.xml');
  });
  test('absoluteUrl() without `site` says what is missing', () => {
    assert.throws(
      () => absoluteUrl('/faq/', undefined),
      /No `site` in astro\.config\.mjs: cannot make \/faq\/ absolute/,
    );
  });
});

describe('isSitePath', () => {
  for (const href of ['/', '/faq/', '/faq/#x', '/icloud-mail.mobileconfig'])
    test(`${href} is a site path`, () => assert.equal(isSitePath(href), true));
  for (const href of ['', '#main', 'faq/', '../x/', '//cdn.example/x.js', 'https://apple.com/', 'mailto:a@b.c'])
    test(`${JSON.stringify(href)} is not`, () => assert.equal(isSitePath(href), false));
});
