// The real FAQ content: every {path} token resolves, and no question or short answer types a port
// number, so changing a port in content/settings.yaml changes every question that names it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { loadSettings } from '../helpers/settings.ts';
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
