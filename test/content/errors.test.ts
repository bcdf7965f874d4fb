// The real error entries: valid, cross-references that exist, and every example recognised as its
// own error first, with no unrelated error ranked above or beside it.
import { HANG_MS } from '../helpers/cpu.ts';
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { errorExampleSchema } from '../../src/schemas/error.ts';
import { compile, match } from '../../src/lib/decoder/error-match.ts';
import { buildMatcherData, fillErrorEntry } from '../../src/lib/decoder/matcher-data.ts';
import { errorFiles, errorsDir, loadErrors } from '../helpers/errors.ts';
import { loadSettings } from '../helpers/settings.ts';
import { repoRoot } from '../helpers/root.ts';
import { loadClients } from '../helpers/clients.ts';
import { FAMILY_ENTRIES } from '../../src/lib/decoder/protocol/agree.ts';
import { ACCEPT } from '../helpers/decoder-score.ts';

const settings = loadSettings();
const errors = loadErrors();
const data = buildMatcherData(errors.map((e) => fillErrorEntry(e, settings)));
const matcher = compile(data.entries);
const byId = new Map(errors.map((e) => [e.id, e]));

test('at least 30 entries, ids unique and equal to the file names', () => {
  assert.ok(errors.length >= 30, `only ${errors.length} entries`);
  assert.deepEqual(
    errors.map((e) => `${e.id}.yaml`),
    errorFiles(),
  );
});

test('FAQ ids, client ids and related error ids exist', () => {
  const faq = new Set(readdirSync(new URL('content/faq/', repoRoot)).map((f) => f.replace(/\.mdx$/, '')));
  const clients = new Set(loadClients().map((c) => c.id));
  const problems: string[] = [];
  for (const e of errors) {
    for (const f of e.faq) if (!faq.has(f)) problems.push(`${e.id}: FAQ ${f}`);
    for (const c of e.clients) if (!clients.has(c)) problems.push(`${e.id}: client ${c}`);
    for (const r of e.related) if (!byId.has(r)) problems.push(`${e.id}: related ${r}`);
  }
  assert.deepEqual(problems, []);
});

test('every error id the protocol reader and the scorer name per family exists, and they agree', () => {
  for (const [family, ids] of Object.entries(FAMILY_ENTRIES)) {
    for (const id of ids) assert.ok(byId.has(id), `FAMILY_ENTRIES.${family} names ${id}, which is not in content/errors`);
    assert.deepEqual([...ids].sort(), [...(ACCEPT[family] ?? [])].sort(), `FAMILY_ENTRIES.${family} and ACCEPT differ`);
  }
  for (const [family, ids] of Object.entries(ACCEPT)) {
    for (const id of ids) assert.ok(byId.has(id), `ACCEPT.${family} names ${id}, which is not in content/errors`);
  }
});

test('the list in issue 10 is covered (by the text each example must contain)', () => {
  const all = errors.flatMap((e) => e.examples.map((x) => x.text.toLowerCase()));
  const must = [
    'wrong version number',
    'wrong_version_number',
    'unrecognized ssl message, plaintext connection?',
    'unable to parse tls packet header',
    'first record does not look like a tls handshake',
    'the handshake failed due to an unexpected packet format',
    'greeting never received',
    'must issue a starttls command first',
    'unencrypted connection',
    'hello called after other methods',
    '535',
    'authenticationfailed',
    'invalid login',
    'is incorrect',
    'from address is not one of your addresses',
    '552',
    'exceeded your sending limit',
    'etimedout',
    'econnrefused',
    'enotfound',
    'self signed certificate in certificate chain',
    'unable to get local issuer certificate',
    "does not match certificate's altnames",
    '[cs01]',
    'proofpoint',
    'rfc822',
    'parse error',
    'select mailbox first',
    'done is the only command allowed after idle',
  ];
  assert.deepEqual(
    must.filter((m) => !all.some((t) => t.includes(m))),
    [],
  );
});

test('every example text is quoted verbatim: no {path} template inside a quotation', () => {
  // Read the raw files, so a templated example is named here even before the schema refuses it.
  const templated: string[] = [];
  for (const file of errorFiles()) {
    const entry = parse(readFileSync(new URL(file, errorsDir), 'utf8')) as { examples?: { text?: unknown }[] };
    for (const [i, x] of (entry.examples ?? []).entries()) {
      const found = typeof x.text === 'string' ? x.text.match(/\{[a-zA-Z0-9.]+\}/g) : null;
      if (found) templated.push(`${file} examples[${i}]: ${found.join(', ')}`);
    }
  }
  assert.deepEqual(templated, []);
});

test('the schema refuses an example text with a template, and says to quote it verbatim', () => {
  const base = { source: 'https://example.com/issue/1', program: 'Sample' };
  for (const text of ['timeout connecting to {smtp.server}:{smtp.port}', 'connect ECONNREFUSED 10.0.0.1:{smtp.port}']) {
    const r = errorExampleSchema.safeParse({ ...base, text });
    assert.equal(r.success, false, text);
    assert.match(r.error.issues[0]!.message, /verbatim/);
  }
  assert.ok(errorExampleSchema.safeParse({ ...base, text: '{ Error: connect ETIMEDOUT 192.0.2.1:587' }).success);
});

test('every example is recognised as its own error first; only related errors may rank beside it', () => {
  const problems: string[] = [];
  let examples = 0;
  for (const e of errors) {
    for (const x of e.examples) {
      examples++;
      const text = x.text;
      const results = match(matcher, text);
      const own = results.findIndex((r) => r.entry.id === e.id);
      if (own !== 0) {
        problems.push(
          `${e.id} (${x.source}): ranked ${own === -1 ? 'not at all' : own + 1}; first: ${results[0]?.entry.id}`,
        );
        continue;
      }
      // Nothing unrelated may score as much as the entry itself.
      for (const r of results.slice(1)) {
        const related = e.related.includes(r.entry.id) || byId.get(r.entry.id)!.related.includes(e.id);
        if (!related && r.score >= results[0]!.score)
          problems.push(`${e.id} (${x.source}): unrelated ${r.entry.id} scores ${r.score}, as much as its own`);
      }
    }
  }
  console.log(
    `${examples} examples in ${errors.length} entries: ${examples - problems.length} matched their own entry first`,
  );
  assert.deepEqual(problems, []);
});

test('every needle and template resolves, and no needle matches the empty or a blank text', () => {
  for (const e of data.entries) for (const s of e.signatures) for (const n of s.all) assert.ok(n.trim().length >= 3);
  assert.deepEqual(match(matcher, ''), []);
  assert.deepEqual(match(matcher, ' \n\t '), []);
});

test('ordinary text that is not an error is not recognised', () => {
  const texts = [
    'Hello, I would like to set up my iCloud mail on my new laptop. Which settings do I use?',
    'The meeting is moved to Thursday at 10:30. Please bring the printed agenda.',
    'Lorem ipsum dolor sit amet, consectetur adipiscing elit, sed do eiusmod tempor incididunt.',
  ];
  for (const t of texts)
    assert.deepEqual(
      match(matcher, t).map((r) => r.entry.id),
      [],
      t,
    );
});

test('hostile input on the real matcher: 1 MB texts, no hang (worst CPU time of 5 printed)', () => {
  const MB = 1024 * 1024;
  const examples = errors.flatMap((e) => e.examples.map((x) => x.text)).join('\n');
  const inputs: Record<string, string> = {
    'every example repeated to 1 MB': examples.repeat(Math.ceil(MB / examples.length)).slice(0, MB),
    '1 MB of one letter': 'e'.repeat(MB),
    '1 MB of control characters and HTML': '\u0000<b onmouseover=x>\u0007&#0;</b>\r\n'.repeat(MB / 32),
  };
  const report: string[] = [];
  for (const [name, text] of Object.entries(inputs)) {
    let worst = 0;
    for (let i = 0; i < 5; i++) {
      const t0 = process.cpuUsage();
      match(matcher, text);
      const d = process.cpuUsage(t0);
      worst = Math.max(worst, (d.user + d.system) / 1000);
    }
    report.push(`${name}: ${worst.toFixed(1)} ms CPU`);
    assert.ok(worst < HANG_MS, `${name}: ${worst.toFixed(1)} ms`);
  }
  const t0 = process.cpuUsage();
  compile(data.entries);
  const d = process.cpuUsage(t0);
  console.log(`${report.join('\n')}\ncompile: ${((d.user + d.system) / 1000).toFixed(1)} ms CPU`);
});

test('an error that quotes a program’s words has neutral words for the other programs’ pages', async () => {
  const { printedBy } = await import('../../src/lib/decoder/link-text.ts');
  const apps = new Map(loadClients().map((c) => [c.id, c]));
  const missing = errors.filter((e) => {
    if (e.plainTitle || !/[“”"]|Error\b/.test(e.title)) return false;
    // A listed program that printed none of the examples would show another program's wording.
    return e.clients.some((id) => {
      const c = apps.get(id);
      return c?.kind === 'app' && !e.examples.some((x) => printedBy(x.program, c));
    });
  });
  assert.deepEqual(
    missing.map((e) => e.id),
    [],
    'give these a plainTitle',
  );
});
