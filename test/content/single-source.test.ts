// One settings source: the server names (and the two main ports) are typed only in
// content/settings.yaml. Anywhere else under content/ or src/ they must come from it. The one
// exception: an error entry's examples[].text is a verbatim quotation, so it keeps the server name
// and port exactly as its source printed them (and may hold no template at all).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { isMap, isScalar, isSeq, LineCounter, parseDocument } from 'yaml';
import { loadSettings } from '../helpers/settings.ts';
import { repoRoot } from '../helpers/root.ts';

const root = fileURLToPath(repoRoot);
const settingsPath = join('content', 'settings.yaml');

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = join(dir, name);
    return statSync(full).isDirectory() ? files(full) : [full];
  });
}

const s = loadSettings();
const hosts = [s.smtp.server.value, s.imap.server.value, ...Object.values(s.wrongHosts).map((h) => h.value)];
const escape = (x: string) => x.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const patterns = [
  ...hosts.map((h) => ({ what: h, re: new RegExp(`(?<![\\w.-])${escape(h)}(?![\\w-])`, 'i') })),
  ...[s.smtp.port.value, s.imap.port.value].map((p) => ({
    what: `port ${p}`,
    re: new RegExp(`(?<![\\w.-])${p}(?![\\w-])`),
  })),
];

/** The 1-based lines an error entry's examples[].text scalars span: verbatim quotations, exempt. */
export function verbatimExampleLines(yamlText: string): Set<number> {
  const lineCounter = new LineCounter();
  const doc = parseDocument(yamlText, { lineCounter });
  const lines = new Set<number>();
  const examples = isMap(doc.contents) ? doc.contents.get('examples', true) : undefined;
  if (!isSeq(examples)) return lines;
  for (const item of examples.items) {
    if (!isMap(item)) continue;
    const text = item.get('text', true);
    if (!isScalar(text) || !text.range) continue;
    const first = lineCounter.linePos(text.range[0]).line;
    // range[1] is the end of the value; a block or folded scalar may end at the start of the next line.
    const last = lineCounter.linePos(Math.max(text.range[0], text.range[1] - 1)).line;
    for (let l = first; l <= last; l++) lines.add(l);
  }
  return lines;
}

/** Every literal server name or main port in one file, as "path:line: what". */
export function literalValues(rel: string, text: string): string[] {
  const offenders: string[] = [];
  const isError = rel.startsWith(join('content', 'errors') + sep) && rel.endsWith('.yaml');
  const exempt = isError ? verbatimExampleLines(text) : new Set<number>();
  text.split('\n').forEach((line, i) => {
    if (exempt.has(i + 1)) return;
    for (const { what, re } of patterns) if (re.test(line)) offenders.push(`${rel}:${i + 1}: ${what}`);
  });
  return offenders;
}

test('no file under content/ or src/ other than the settings source types a server name or main port', () => {
  const offenders: string[] = [];
  for (const file of [...files(join(root, 'content')), ...files(join(root, 'src'))]) {
    const rel = relative(root, file);
    if (rel === settingsPath) continue;
    offenders.push(...literalValues(rel, readFileSync(file, 'utf8')));
  }
  assert.deepEqual(offenders, []);
});

test('only the verbatim example texts of error entries are exempt: a literal elsewhere still fails', () => {
  const server = s.smtp.server.value;
  const port = s.smtp.port.value;
  const entry = [
    'id: sample',
    `title: Sample on {smtp.port}`,
    'cause: Uses {smtp.server} on port {smtp.port}.',
    'examples:',
    `- text: 'connect to ${server}:${port} failed'`,
    '  source: https://example.com/issue',
    '  program: Sample',
    `- text: "first line\\n  ${server}:${port} second line"`,
    '  source: https://example.com/other',
    '  program: Sample',
    '- text: |-',
    '    block quotation',
    `    dial tcp ${server}:${port}: i/o timeout`,
    '  source: https://example.com/third',
    '  program: Sample',
  ].join('\n');
  const rel = join('content', 'errors', 'sample.yaml');
  assert.deepEqual(literalValues(rel, entry), []);
  // The same literal in the cause, a program name or a source fails, and so does any other file.
  const inCause = entry.replace('cause: Uses {smtp.server}', `cause: Uses ${server}`);
  assert.deepEqual(literalValues(rel, inCause), [`${rel}:3: ${server}`]);
  const inProgram = entry.replace('  program: Sample\n- text: "', `  program: Sample via ${server}\n- text: "`);
  assert.deepEqual(literalValues(rel, inProgram), [`${rel}:7: ${server}`]);
  const inClient = join('content', 'clients', 'sample.yaml');
  assert.ok(literalValues(inClient, entry).length > 0, 'a client entry gets no exemption');
});

test('the check itself catches a literal server name', () => {
  const smtpRe = patterns[0]!.re;
  assert.ok(smtpRe.test(`host: '${s.smtp.server.value}'`));
  assert.ok(smtpRe.test(`HOST=${s.smtp.server.value.toUpperCase()}`));
  assert.ok(!smtpRe.test(`host: '{smtp.server}'`));
});
