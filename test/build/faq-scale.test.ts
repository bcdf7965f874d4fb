// The FAQ that grows: /faq/ must stay within its first-view budget (20 KiB gzip) at 60 answers.
// This builds a copy of the project with generated answers added to the real ones, then measures
// /faq/ the way test/dist/budgets.test.ts does. It also checks that an unknown {path} in a
// question stops the build with the file's name.
import { firstView } from '../helpers/dist/first-view.ts';
import { openSite } from '../helpers/dist/site.ts';
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { repoRoot } from '../helpers/root.ts';
import { copyProject, type ProjectCopy } from '../helpers/project-copy.ts';
import { faqTopicIds } from '../../src/vocabulary/faq-topics.ts';

const root = fileURLToPath(repoRoot);
const TARGET = 60;
const BUDGET = 20 * 1024;
let project: ProjectCopy;
let dir = '';

before(() => {
  project = copyProject('faq-scale');
  dir = project.dir;
});
after(() => project.remove());

const build = () => project.astro(['build']);

/** Words from the real answers, so generated text compresses like real text, not like repetition. */
function vocabulary(): string[] {
  const text = readdirSync(join(root, 'content/faq'))
    .map((f) => readFileSync(join(root, 'content/faq', f), 'utf8'))
    .join(' ');
  return [...new Set(text.match(/\b[a-zA-Z][a-z']{2,12}\b/g) ?? [])];
}

/** A deterministic pseudo-random sentence of about `length` characters. */
function sentence(words: string[], seed: number, length: number): string {
  let x = seed * 2654435761;
  const out: string[] = [];
  while (out.join(' ').length < length) {
    x = (x * 1103515245 + 12345) % 2147483648;
    out.push(words[x % words.length]!);
  }
  return out.join(' ');
}

test(`/faq/ stays within ${BUDGET / 1024} KiB gzip on first view with ${TARGET} answers`, () => {
  const existing = readdirSync(join(dir, 'content/faq')).filter((f) => f.endsWith('.mdx')).length;
  const words = vocabulary();
  const added: string[] = [];
  for (let i = existing; i < TARGET; i++) {
    const id = `generated-answer-${i}`;
    added.push(id);
    // Long questions and short answers, near the longest real ones, so the estimate errs high.
    const question = `${sentence(words, i, 110)} on port {smtp.port}?`;
    const short = `${sentence(words, i + 1000, 195)}.`;
    writeFileSync(
      join(dir, 'content/faq', `${id}.mdx`),
      [
        '---',
        `id: ${id}`,
        `question: "${question}"`,
        `short: "${short}"`,
        `topic: ${faqTopicIds[i % faqTopicIds.length]}`,
        `order: ${100 + i}`,
        'checked: 2026-11-30',
        'sources:',
        '  - title: Apple',
        '    url: https://support.apple.com/en-us/102525',
        '---',
        '',
        sentence(words, i + 2000, 1500),
        '',
      ].join('\n'),
    );
  }
  const { status, output } = build();
  assert.equal(status, 0, output);
  // Built without SITE_URL: the build says loudly that its absolute links use the placeholder.
  assert.match(output, /SITE_URL is not set: canonical links/);

  const view = firstView(openSite(join(dir, 'dist')), 'faq/index.html');
  const html = readFileSync(join(dir, 'dist/faq/index.html'), 'utf8');
  assert.equal(html.match(/<article class="faq-item"/g)?.length, TARGET, 'every answer is on /faq/');
  for (const id of added) assert.match(html, new RegExp(`<h3 id="${id}">`), `/faq/#${id} has its heading`);
  const kib = (n: number) => `${(n / 1024).toFixed(1)} KiB`;
  console.log(
    `/faq/ with ${TARGET} answers (${existing} real, ${added.length} generated): first view ${kib(view.totals.total)} gzip ` +
      `(HTML ${kib(view.totals.html)}, CSS ${kib(view.totals.css)}, JS ${kib(view.totals.js)}, ${view.totals.requests} requests); ` +
      `budget ${kib(BUDGET)}`,
  );
  assert.ok(view.totals.total <= BUDGET, `/faq/ is ${view.totals.total} B gzip at ${TARGET} answers, over ${BUDGET} B`);
});

test('an unknown settings path in a question fails the build and names the file', () => {
  const file = join(dir, 'content/faq/generated-bad-template.mdx');
  writeFileSync(
    file,
    [
      '---',
      'id: generated-bad-template',
      'question: "Can I send on port {smtp.prot} instead?"',
      'short: "A question whose settings path has a typo, which must stop the build."',
      'topic: connection',
      'order: 999',
      'checked: 2026-11-30',
      'sources:',
      '  - title: Apple',
      '    url: https://support.apple.com/en-us/102525',
      '---',
      '',
      'Body.',
      '',
    ].join('\n'),
  );
  const { status, output } = build();
  rmSync(file);
  assert.notEqual(status, 0, 'the build must fail');
  assert.match(output, /generated-bad-template\.mdx, question: Unknown setting path "smtp\.prot"/);
});
