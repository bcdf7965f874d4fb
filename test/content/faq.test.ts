// The real FAQ content: every {path} token resolves, and no question or short answer types a port
// number, so changing a port in content/settings.yaml changes every question that names it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { loadSettings } from '../helpers/settings.ts';
import { repoRoot } from '../helpers/root.ts';
import { faqEntries, rawFaqEntries } from '../helpers/site.ts';

const settings = loadSettings();
const ports = [
  settings.smtp.port.value,
  settings.imap.port.value,
  ...Object.values(settings.otherSmtpPorts).map((p) => p.value),
  ...Object.values(settings.otherImapPorts).map((p) => p.value),
];

/** Literal port numbers in a text: any number that is a port in the settings, or follows "port". */
function literalPorts(text: string): string[] {
  const found = new Set<string>();
  for (const p of ports) if (new RegExp(`(?<![\\w.{-])${p}(?![\\w}.-]*\\d)`).test(text)) found.add(String(p));
  for (const m of text.matchAll(/\bports?\s*:?\s*(\d{2,5})\b/gi)) found.add(m[1]!);
  return [...found];
}

test('the literal-port check catches a typed port and passes a template', () => {
  assert.deepEqual(literalPorts(`Can I use port ${settings.smtp.port.value}?`), [String(settings.smtp.port.value)]);
  assert.deepEqual(literalPorts('Is port 2526 open?'), ['2526']);
  assert.deepEqual(literalPorts(`Use ${settings.otherSmtpPorts.implicitTls.value} instead`), [
    String(settings.otherSmtpPorts.implicitTls.value),
  ]);
  assert.deepEqual(literalPorts('Can I use port {smtp.port} or {otherSmtpPorts.plain}?'), []);
  // Error codes are not ports.
  assert.deepEqual(literalPorts('Why "535 5.7.8" or "554 5.7.1 [CS01]"?'), []);
});

test('no FAQ question or short answer types a port number: they name ports through {path} templates', () => {
  const offenders = rawFaqEntries().flatMap((e) =>
    (['question', 'short'] as const).flatMap((field) =>
      literalPorts(e[field]).map((p) => `${e.file} ${field}: "${p}" (write {smtp.port} or another settings path)`),
    ),
  );
  assert.deepEqual(offenders, []);
});

test('every {path} in the FAQ frontmatter resolves against the real settings', () => {
  assert.doesNotThrow(() => faqEntries());
  for (const e of faqEntries()) {
    assert.doesNotMatch(e.question, /[{}]/, `${e.id}: question`);
    assert.doesNotMatch(e.short, /[{}]/, `${e.id}: short`);
  }
});

test('port-587-blocked asks about the documented port and the ports people try instead', () => {
  const entry = faqEntries().find((e) => e.id === 'port-587-blocked');
  assert.ok(entry, 'port-587-blocked exists');
  const { smtp, otherSmtpPorts } = settings;
  for (const p of [smtp.port, otherSmtpPorts.plain, otherSmtpPorts.implicitTls, otherSmtpPorts.alternate])
    assert.match(entry.question, new RegExp(`(?<!\\d)${p.value}(?!\\d)`), `the question names ${p.value}`);
});

test('every FAQ answer has a checked date that is a real day, not in the future', () => {
  const today = new Date().toISOString().slice(0, 10);
  for (const e of faqEntries()) {
    assert.match(e.checked, /^\d{4}-\d{2}-\d{2}$/, e.id);
    assert.equal(new Date(`${e.checked}T00:00:00Z`).toISOString().slice(0, 10), e.checked, `${e.id}: ${e.checked}`);
    assert.ok(e.checked <= today, `${e.id}: checked ${e.checked} is after today`);
  }
});

// MDX strips leading spaces from the continuation lines of a multi-line attribute expression, so
// an indented snippet written as a template literal loses its indentation on the page (Python,
// YAML and JavaScript change meaning or look broken). Write such snippets as an array of lines:
// template={["line 1", "    line 2"].join("\n")}.
const INDENT_EXCEPTIONS = new Set([
  // Its Home Assistant YAML is being rewritten on another branch (issue #9, item 1); convert it
  // to the array form there, then remove this exception.
  'content/faq/web-login-tools.mdx',
]);

/** Multi-line template literals in a Snippet's template attribute whose lines start with whitespace. */
function indentedTemplateLiterals(mdx: string): string[] {
  const found: string[] = [];
  for (const m of mdx.matchAll(/template=\{`((?:[^`\\]|\\.)*)`\}/g)) {
    const indented = m[1]!
      .split('\n')
      .slice(1)
      .find((line) => /^\s+\S/.test(line));
    if (indented !== undefined) found.push(indented.trim());
  }
  return found;
}

test('the indentation check catches an indented template literal and passes the array form', () => {
  assert.deepEqual(indentedTemplateLiterals('<Snippet template={`a:\n  b: 1`} />'), ['b: 1']);
  assert.deepEqual(indentedTemplateLiterals('<Snippet template={`a\nb`} />'), []);
  assert.deepEqual(indentedTemplateLiterals('<Snippet template={["a:", "  b: 1"].join("\\n")} />'), []);
});

test('no FAQ snippet is an indented multi-line template literal (MDX would strip its indentation)', () => {
  const offenders = rawFaqEntries()
    .filter((e) => !INDENT_EXCEPTIONS.has(e.file))
    .flatMap((e) =>
      indentedTemplateLiterals(readFileSync(new URL(e.file, repoRoot), 'utf8')).map(
        (line) => `${e.file}: "${line}" (write the template as an array of lines joined with "\\n")`,
      ),
    );
  assert.deepEqual(offenders, []);
});
