// The static-host headers: the _headers file reads back (with an independent parser) as the rules,
// no header is set twice for one path, the header CSP leaves fetch directives to each page's <meta>
// policy, base paths prefix every rule, and the nginx and Caddy regexes agree with the patterns.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  headerCsp,
  headerRules,
  headersFor,
  nginxParts,
  ruleMatches,
  ruleRegex,
  toCaddy,
  toHeadersFile,
  toNginx,
} from '../../../src/lib/files/headers.ts';
import { headersForPath, overlappingHeaders, parseHeadersFile } from '../../helpers/headers-file.ts';

const samples = [
  '/',
  '/faq/',
  '/faq/port-465/',
  '/clients/thunderbird/',
  '/_astro/client.B7xQtYxc.js',
  '/_astro/Base.BkEBkNoy.css',
  '/icloud-mail.mobileconfig',
  '/og/faq/port-465.png',
  '/mail/config-v1.1.xml',
  '/pagefind/pagefind.js',
];
const required = [
  'x-content-type-options',
  'referrer-policy',
  'strict-transport-security',
  'permissions-policy',
  'x-frame-options',
  'cross-origin-opener-policy',
  'cross-origin-resource-policy',
  'content-security-policy',
];

for (const base of ['/', '/icloud-mail/']) {
  const rules = headerRules(base, ['icloud-mail.mobileconfig']);
  const parsed = parseHeadersFile(toHeadersFile(rules));
  const at = (p: string) => (base === '/' ? p : `/icloud-mail${p}`);

  test(`${base}: _headers reads back as the rules, and every path gets the security headers once`, () => {
    for (const sample of samples) {
      const path = at(sample);
      const got = headersForPath(parsed, path);
      const expected = new Map(headersFor(rules, path).map(([n, v]) => [n.toLowerCase(), v]));
      assert.deepEqual(got, expected, path);
      for (const name of required) assert.ok(got.has(name), `${path} lacks ${name}`);
      assert.deepEqual(overlappingHeaders(parsed, path), [], `${path}: a header set by two rules`);
    }
  });

  test(`${base}: pages revalidate, hashed assets are immutable, the profile has its type`, () => {
    const get = (p: string, name: string) => headersForPath(parsed, at(p)).get(name);
    for (const page of ['/', '/faq/', '/faq/port-465/'])
      assert.equal(get(page, 'cache-control'), 'public, max-age=0, must-revalidate', page);
    assert.equal(get('/_astro/client.B7xQtYxc.js', 'cache-control'), 'public, max-age=31536000, immutable');
    assert.equal(get('/icloud-mail.mobileconfig', 'content-type'), 'application/x-apple-aspen-config');
    assert.equal(get('/icloud-mail.mobileconfig', 'cache-control'), undefined);
    // Outside the base, nothing applies.
    if (base !== '/') assert.equal(headersForPath(parsed, '/faq/').size, 0);
  });

  test(`${base}: the nginx and Caddy regexes match what the patterns match (and index.html)`, () => {
    for (const rule of rules) {
      const re = new RegExp(ruleRegex(rule));
      for (const sample of samples) assert.equal(re.test(at(sample)), ruleMatches(rule, at(sample)), sample);
    }
    const pages = rules.find((r) => r.comment.startsWith('Pages'))!;
    assert.ok(new RegExp(ruleRegex(pages)).test(at('/faq/port-465/index.html')));
  });
}

test('the header CSP adds frame-ancestors and Trusted Types and names no fetch directive', () => {
  const directives = headerCsp.split(';').map((d) => d.trim().split(/\s+/)[0]);
  assert.ok(directives.includes('frame-ancestors'));
  assert.match(headerCsp, /require-trusted-types-for 'script'/);
  assert.match(headerCsp, /trusted-types 'none'/);
  // A fetch directive here would block what the page's own policy allows (the two are intersected).
  for (const d of directives) assert.doesNotMatch(d!, /-src$|^default-src$/, d);
});

test('the nginx and Caddy snippets carry every header and value', () => {
  const rules = headerRules('/', ['icloud-mail.mobileconfig']);
  const nginx = toNginx(rules);
  const caddy = toCaddy(rules);
  for (const rule of rules)
    for (const [name, value] of rule.headers) {
      if (name !== 'Content-Type') assert.ok(nginx.includes(`add_header ${name} "${value}" always;`), name);
      else assert.ok(nginx.includes(`default_type ${value};`));
      assert.ok(caddy.includes(`${name} "${value}"`), name);
    }
  const { common, server } = nginxParts(rules, '/x/site-headers.conf');
  assert.equal((server.match(/include \/x\/site-headers\.conf;/g) ?? []).length, rules.length);
  assert.doesNotMatch(common, /location ~/);
});
