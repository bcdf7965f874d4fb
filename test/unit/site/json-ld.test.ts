// JSON inside <script>: whatever the data holds, the text cannot end the element, open a comment
// or an entity, and parses back to the same data. And the FAQPage structure search engines read.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { parse } from 'node-html-parser';
import { faqPageLd, scriptJson } from '../../../src/lib/site/json-ld.ts';

const HOSTILE = [
  '</script><script>alert(1)</script>',
  '</SCRIPT >',
  '<!--',
  '<!-- <script> </script> -->',
  '-->',
  '<![CDATA[ ]]>',
  '&lt;&amp;&#x3c;',
  'line\u2028separator\u2029paragraph',
  '"quotes" \\back\\ \u0000 nul \u001f',
  'emoji 😀 and lone \ud800',
];

/** The text of the only <script> in `html`, as an HTML parser reads it. */
const scriptText = (html: string): string => {
  const scripts = parse(html, { blockTextElements: { script: true } }).querySelectorAll('script');
  assert.equal(scripts.length, 1, `one script element in ${html}`);
  return scripts[0]!.rawText;
};

for (const text of HOSTILE) {
  test(`scriptJson keeps ${JSON.stringify(text)} inside its <script> and parses back equal`, () => {
    const data = { name: text, list: [text, { [text]: text }] };
    const json = scriptJson(data);
    // Without <, > or &, no HTML tokenizer state (end tag, comment, escaped script data) can begin.
    assert.doesNotMatch(json, /[<>&]/);
    const html = `<!doctype html><script type="application/ld+json">${json}</script><p>after</p>`;
    const inside = scriptText(html);
    assert.equal(inside, json);
    assert.deepEqual(JSON.parse(inside), data);
  });
}

test('scriptJson: random strings never leave the element and always parse back (property)', () => {
  fc.assert(
    fc.property(fc.string({ unit: 'binary', maxLength: 60 }), (s) => {
      const json = scriptJson({ s });
      return !/[<>&]/.test(json) && (JSON.parse(json) as { s: string }).s === s;
    }),
    { numRuns: 500 },
  );
});

test('faqPageLd lists each question with its answer text and URL', () => {
  const ld = faqPageLd('https://x.example/faq/', 'FAQ', [
    { question: 'Which port?', answer: 'Port 1.', url: 'https://x.example/faq/port/' },
    { question: 'Which server?', answer: 'The one.', url: 'https://x.example/faq/server/' },
  ]);
  assert.deepEqual(ld, {
    '@context': 'https://schema.org',
    '@type': 'FAQPage',
    url: 'https://x.example/faq/',
    name: 'FAQ',
    mainEntity: [
      {
        '@type': 'Question',
        name: 'Which port?',
        url: 'https://x.example/faq/port/',
        acceptedAnswer: { '@type': 'Answer', text: 'Port 1.' },
      },
      {
        '@type': 'Question',
        name: 'Which server?',
        url: 'https://x.example/faq/server/',
        acceptedAnswer: { '@type': 'Answer', text: 'The one.' },
      },
    ],
  });
});

test('a hostile question survives faqPageLd and scriptJson together', () => {
  const ld = faqPageLd('u', 'n', [{ question: '</script><!--', answer: '\u2028', url: 'u' }]);
  assert.deepEqual(JSON.parse(scriptText(`<script type="application/ld+json">${scriptJson(ld)}</script>`)), ld);
});
