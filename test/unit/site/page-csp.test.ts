// The per-page CSP rewrite: which elements count as inline, and how the policy's hashes are replaced.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { inlineElements, replaceHashes, withPagePolicy } from '../../../src/lib/site/page-csp.ts';

const fake = (text: string) => `sha256-${Buffer.from(text).toString('base64')}`;

describe('inlineElements', () => {
  test('finds inline scripts (data blocks too) and styles, skips external scripts and comments', () => {
    const html =
      '<head><style>a{color:red}</style><script type="module" src="/x.js"></script>' +
      '<!-- <script>commented()</script> --><script type="application/ld+json">{"a":"<\\/script>"}</script>' +
      '</head><body><SCRIPT>go()</SCRIPT><script\n type="module">\nrun()\n</script ></body>';
    assert.deepEqual(inlineElements(html), [
      { tag: 'style', text: 'a{color:red}' },
      { tag: 'script', text: '{"a":"<\\/script>"}' },
      { tag: 'script', text: 'go()' },
      { tag: 'script', text: '\nrun()\n' },
    ]);
  });

  test('an empty inline script still counts (its hash is of the empty string)', () => {
    assert.deepEqual(inlineElements('<script></script>'), [{ tag: 'script', text: '' }]);
  });
});

describe('replaceHashes', () => {
  const policy =
    "default-src 'self';script-src 'self' 'sha256-AAAA' 'sha384-BBBB=='; style-src 'self' 'sha512-CC+/'; img-src 'self' data:";
  test('keeps other sources and directives, replaces only the hashes', () => {
    assert.equal(
      replaceHashes(policy, { script: ['sha256-new1', 'sha256-new1', 'sha256-new2'], style: [] }),
      "default-src 'self'; script-src 'self' 'sha256-new1' 'sha256-new2'; style-src 'self'; img-src 'self' data:;",
    );
  });
});

describe('withPagePolicy', () => {
  const page = (policy: string, body: string) =>
    `<html><head><meta http-equiv="content-security-policy" content="${policy}"><style>p{}</style></head><body>${body}</body></html>`;

  test("lists the page's own inline elements, and drops hashes the page does not use", () => {
    const html = page("script-src 'self' 'sha256-unused'; style-src 'self' 'sha256-unused2'", '<script>a()</script>');
    const out = withPagePolicy(html, fake);
    assert.match(out, new RegExp(`script-src 'self' '${fake('a()').replace(/[+/=]/g, '\\$&')}';`));
    assert.match(out, new RegExp(`style-src 'self' '${fake('p{}').replace(/[+/=]/g, '\\$&')}';`));
    assert.doesNotMatch(out, /unused/);
    assert.equal(out.replace(/content="[^"]*"/, ''), html.replace(/content="[^"]*"/, ''), 'only the policy changes');
  });

  test('a page without a CSP <meta> is left as it is', () => {
    const html = '<html><head><script>a()</script></head></html>';
    assert.equal(withPagePolicy(html, fake), html);
  });
});
