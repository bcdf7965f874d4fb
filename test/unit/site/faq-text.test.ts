// The FAQ's templated frontmatter and the date format, on small inline fixtures (no live content).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { resolveFaqText } from '../../../src/lib/site/faq-text.ts';
import { formatDate } from '../../../src/lib/text/format-date.ts';
import { faqSchema } from '../../../src/schemas/faq.ts';

const settings = {
  smtp: { port: { value: 2500, source: 'x' } },
  other: { a: { value: 26 } },
  names: ['a.example', 'b.example'],
};

test('question and short get their {path} tokens filled in; other fields are kept', () => {
  const out = resolveFaqText(
    { id: 'x', question: 'Port {smtp.port} or {other.a}?', short: 'Use {smtp.port}, not {other.a}; see {names}.' },
    settings,
    'content/faq/x.mdx',
  );
  assert.deepEqual(out, {
    id: 'x',
    question: 'Port 2500 or 26?',
    short: 'Use 2500, not 26; see a.example and b.example.',
  });
});

test('an unknown path names the file and the field', () => {
  assert.throws(
    () => resolveFaqText({ question: 'Port {smtp.prot}?', short: 'fine' }, settings, 'content/faq/bad.mdx'),
    (e: Error) => /^content\/faq\/bad\.mdx, question: Unknown setting path "smtp\.prot"/.test(e.message),
  );
  assert.throws(
    () => resolveFaqText({ question: 'fine', short: 'Group {smtp}' }, settings, 'content/faq/bad.mdx'),
    /content\/faq\/bad\.mdx, short: Setting path "smtp" names a group/,
  );
});

test('the schema refuses a "{" that does not open a settings path, and requires a checked date and a topic', () => {
  const base = {
    id: 'x',
    question: 'Can I use port {smtp.port}?',
    short: 'Yes, that is the one Apple documents.',
    topic: 'connection',
    order: 1,
    checked: '2026-11-30',
    sources: [{ title: 'Apple', url: 'https://support.apple.com/en-us/102525' }],
  };
  assert.equal(faqSchema.safeParse(base).success, true);
  // A stray "{" passes the schema and stops the build when the text is filled, with file and field.
  assert.throws(
    () => resolveFaqText({ question: 'Can I use port {smtp port}?', short: 'fine' }, settings, 'content/faq/x.mdx'),
    /^Error: content\/faq\/x\.mdx, question: A "\{" must open a settings path/,
  );
  for (const key of ['checked', 'topic'] as const) {
    const { [key]: _, ...without } = base;
    const r = faqSchema.safeParse(without);
    assert.equal(r.success, false, `${key} is required`);
    assert.deepEqual(r.error?.issues[0]?.path, [key]);
  }
  assert.equal(faqSchema.safeParse({ ...base, topic: 'misc' }).success, false);
  assert.equal(faqSchema.safeParse({ ...base, checked: '30/11/2026' }).success, false);
});

test('formatDate writes day, month name and year, independent of time zone', () => {
  assert.equal(formatDate('2026-11-30'), '30 November 2026');
  assert.equal(formatDate('2024-01-01'), '1 January 2024');
  assert.throws(() => formatDate('2026-13-01'), /Not a YYYY-MM-DD date/);
  assert.throws(() => formatDate('30 Nov 2026'), /Not a YYYY-MM-DD date/);
});
