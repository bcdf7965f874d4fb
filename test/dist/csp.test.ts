// Each built page's CSP lists exactly what that page uses: every hash in script-src and style-src
// matches an inline element of the page, and every inline <script> (data blocks included) and
// <style> is covered. Read with an HTML parser, independently of src/lib/page-csp.ts.
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { test } from 'node:test';
import { assertBuilt, htmlFiles, parseHtml, redirectTarget, urlPathOf } from './site.ts';

const sha256 = (text: string) => `sha256-${createHash('sha256').update(text).digest('base64')}`;

/** The hash sources of one directive, without quotes. */
function hashesOf(policy: string, directive: string): string[] {
  const d = policy
    .split(';')
    .map((s) => s.trim())
    .find((s) => s.split(/\s+/)[0] === directive);
  return (d?.split(/\s+/).slice(1) ?? []).filter((s) => /^'sha\d+-/.test(s)).map((s) => s.slice(1, -1));
}

const pages = () => {
  assertBuilt();
  return htmlFiles().filter((f) => redirectTarget(f) === undefined);
};

test('every page has a CSP <meta> with script-src and style-src, and no unsafe-inline', () => {
  const problems: string[] = [];
  for (const file of pages()) {
    const meta = parseHtml(file)
      .querySelectorAll('meta')
      .find((m) => (m.getAttribute('http-equiv') ?? '').toLowerCase() === 'content-security-policy');
    const policy = meta?.getAttribute('content') ?? '';
    if (!/(^|;)\s*script-src 'self'/.test(policy)) problems.push(`${urlPathOf(file)}: no script-src 'self'`);
    if (!/(^|;)\s*style-src 'self'/.test(policy)) problems.push(`${urlPathOf(file)}: no style-src 'self'`);
    if (policy.includes('unsafe-inline')) problems.push(`${urlPathOf(file)}: unsafe-inline`);
  }
  assert.deepEqual(problems, []);
});

test("each page's CSP hashes are exactly its own inline scripts and styles", () => {
  const problems: string[] = [];
  let inlineSeen = 0;
  for (const file of pages()) {
    const root = parseHtml(file);
    const path = urlPathOf(file);
    const policy =
      root
        .querySelectorAll('meta')
        .find((m) => (m.getAttribute('http-equiv') ?? '').toLowerCase() === 'content-security-policy')
        ?.getAttribute('content') ?? '';
    for (const [tag, directive] of [
      ['script', 'script-src'],
      ['style', 'style-src'],
    ] as const) {
      const inline = root
        .querySelectorAll(tag)
        .filter((el) => !el.hasAttribute('src'))
        .map((el) => ({ hash: sha256(el.rawText), what: `<${tag}${el.getAttribute('type') ? ` type=${el.getAttribute('type')}` : ''}>` }));
      inlineSeen += inline.length;
      const listed = hashesOf(policy, directive);
      for (const el of inline) {
        if (!listed.includes(el.hash)) problems.push(`${path}: ${el.what} ${el.hash} is not in ${directive}`);
      }
      for (const hash of listed) {
        if (!inline.some((el) => el.hash === hash)) problems.push(`${path}: ${directive} lists ${hash}, which no element of the page has`);
      }
      if (new Set(listed).size !== listed.length) problems.push(`${path}: ${directive} lists a hash twice`);
    }
  }
  assert.ok(inlineSeen > 0, 'no inline script or style found on any page: the check would prove nothing');
  assert.deepEqual(problems, [], problems.join('\n'));
});
