// Loads every client entry (content/clients/*.yaml) the way the build does, for tests that run
// without Astro. Each file is parsed and validated with the client schema; a problem names the
// file and the field path. The second half reads snippets back with real parsers (see below).
import { spawnSync } from 'node:child_process';
import { chmodSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as acorn from 'acorn';
import { parse as parseProperties } from 'dot-properties';
import { parse as parseDotenv } from 'dotenv';
import { Engine as PhpParser } from 'php-parser';
import { parse, parseDocument } from 'yaml';
import { clientSchema, type Client, type SnippetLanguage } from '../../src/schemas/client.ts';
import { formatIssues } from '../../src/schemas/format-issues.ts';
import { repoRoot } from './settings.ts';
import { readElixir } from './readers/elixir.ts';
import { readIni } from './readers/ini.ts';
import { readPowershell } from './readers/powershell.ts';
import { readRust } from './readers/rust.ts';
import { readUrl } from './readers/url.ts';

export const clientsDir = new URL('content/clients/', repoRoot);

/** The file names in content/clients/, sorted. */
export function clientFiles(): string[] {
  return readdirSync(clientsDir)
    .filter((f) => f.endsWith('.yaml'))
    .sort();
}

/** The raw text of one client file. */
export function readClientText(file: string): string {
  return readFileSync(new URL(file, clientsDir), 'utf8');
}

/** One file, parsed and validated. Throws with the file name and every problem's field path. */
export function loadClientFile(file: string): Client {
  const where = `content/clients/${file}`;
  let raw: unknown;
  try {
    raw = parse(readClientText(file), { prettyErrors: true });
  } catch (e) {
    throw new Error(`${where} is not valid YAML: ${(e as Error).message}`);
  }
  const result = clientSchema.safeParse(raw);
  if (!result.success) throw new Error(formatIssues(result.error.issues, where));
  const expected = file.replace(/\.yaml$/, '');
  if (result.data.id !== expected)
    throw new Error(`${where} is not valid: id "${result.data.id}" must equal the file name "${expected}".`);
  return result.data;
}

/** Every client entry, validated, in file-name order. */
export function loadClients(): Client[] {
  return clientFiles().map(loadClientFile);
}

// ---------------------------------------------------------------------------------------------
// Reading snippets back. Each reader parses source text with a real parser for its language (or,
// for two config formats with no parser on npm, a port of the program's own reading code, backed
// by the program itself when it is installed) and returns every string value the parser sees.
// A syntax error throws. Used by test/unit/quote.test.ts and test/unit/snippets.test.ts.

export type Reader = (sources: string[]) => Promise<string[][]>;

/** The matches of `re` against each \n-separated line of `text`. */
function lines(text: string, re: RegExp): RegExpExecArray[] {
  return text
    .split('\n')
    .map((line) => re.exec(line))
    .filter((m): m is RegExpExecArray => m !== null);
}

/** Where two readers of one format see the strings, they must see the same ones. */
function agree(format: string, a: string[], b: string[], src: string): string[] {
  const norm = (x: string[]) => JSON.stringify([...x].sort());
  if (norm(a) !== norm(b))
    throw new Error(`${format} readers disagree:\n${JSON.stringify(a)}\n${JSON.stringify(b)}\n${src}`);
  return a;
}

const scratch = mkdtempSync(join(tmpdir(), 'icloud-snippets-'));
process.on('exit', () => rmSync(scratch, { recursive: true, force: true }));
let fileNo = 0;
function tempFile(name: string, text: string, mode?: number): string {
  const path = join(scratch, `${fileNo++}-${name}`);
  writeFileSync(path, text, 'utf8');
  if (mode) chmodSync(path, mode);
  return path;
}

/** Whether a program is on PATH. */
export function has(program: string): boolean {
  return spawnSync('sh', ['-c', `command -v ${program}`], { encoding: 'utf8' }).status === 0;
}

function run(cmd: string, args: string[], input?: string): string {
  const r = spawnSync(cmd, args, {
    encoding: 'utf8',
    input,
    maxBuffer: 64 << 20,
    env: { ...process.env, ICLOUD_APP_PASSWORD: 'APP-PASSWORD-FROM-ENV' },
  });
  if (r.error) throw r.error;
  if (r.status !== 0) throw new Error(`${cmd} exited ${r.status}: ${r.stderr}`);
  return r.stdout;
}

function collect(
  node: unknown,
  pick: (n: Record<string, unknown>) => string | undefined,
  out: string[] = [],
): string[] {
  if (Array.isArray(node)) node.forEach((n) => collect(n, pick, out));
  else if (node && typeof node === 'object') {
    const n = node as Record<string, unknown>;
    const s = pick(n);
    if (s !== undefined) out.push(s);
    for (const [k, v] of Object.entries(n))
      if (k !== 'loc' && k !== 'location' && k !== 'parent') collect(v, pick, out);
  }
  return out;
}

const javascript: Reader = async (sources) =>
  sources.map((src) =>
    collect(acorn.parse(src, { ecmaVersion: 'latest', sourceType: 'module' }), (n) =>
      n['type'] === 'Literal' && typeof n['value'] === 'string' ? (n['value'] as string) : undefined,
    ),
  );

const php: Reader = async (sources) => {
  const parser = new PhpParser({ parser: { php8: true, suppressErrors: false }, ast: { withPositions: false } });
  return sources.map((src) =>
    collect(parser.parseCode(src.startsWith('<?php') ? src : `<?php\n${src}`, 'snippet.php'), (n) =>
      n['kind'] === 'string' ? (n['value'] as string) : undefined,
    ),
  );
};

let prism: ((src: string) => { value: unknown; errors: { message: string }[] }) | undefined;
const ruby: Reader = async (sources) => {
  if (!prism) {
    const { loadPrism } = await import('@ruby/prism');
    prism = (await loadPrism()) as unknown as typeof prism;
  }
  return sources.map((src) => {
    const result = prism!(src);
    if (result.errors.length) throw new Error(`Ruby syntax: ${result.errors.map((e) => e.message).join('; ')}`);
    return collect(result.value, (n) => {
      if (n.constructor?.name !== 'StringNode') return undefined;
      const u = n['unescaped'] as { value: string; validEncoding: boolean };
      if (!u.validEncoding) throw new Error('Ruby string with invalid encoding');
      return u.value;
    });
  });
};

/** YAML through the `yaml` package (YAML 1.2, strict) and PyYAML (YAML 1.1, as Home Assistant reads it). */
const yaml: Reader = async (sources) => {
  const own = sources.map((src) => {
    const doc = parseDocument(src, { customTags: [{ tag: '!secret', resolve: (s: string) => `SECRET:${s}` }] });
    if (doc.errors.length) throw new Error(`YAML: ${doc.errors.map((e) => e.message).join('; ')}`);
    return strings(doc.toJS());
  });
  const py = await pythonJobs(sources.map((src) => ({ lang: 'yaml', src })));
  return own.map((list, i) => (py[i] ? agree('YAML (yaml, PyYAML)', list, py[i], sources[i]!) : list));
};

function strings(value: unknown, out: string[] = []): string[] {
  if (typeof value === 'string') out.push(value);
  else if (Array.isArray(value)) value.forEach((v) => strings(v, out));
  else if (value && typeof value === 'object')
    for (const [k, v] of Object.entries(value)) (out.push(k), strings(v, out));
  return out;
}

const PYTHON = String.raw`
import ast, json, sys
try:
    import yaml
    class Loader(yaml.SafeLoader): pass
    Loader.add_constructor('!secret', lambda loader, node: 'SECRET:' + loader.construct_scalar(node))
except ImportError:
    yaml = None
def strings(o, out):
    if isinstance(o, str): out.append(o)
    elif isinstance(o, dict):
        for k, v in o.items(): strings(k, out); strings(v, out)
    elif isinstance(o, list):
        for x in o: strings(x, out)
    return out
res = []
for job in json.load(sys.stdin):
    try:
        if job['lang'] == 'python':
            res.append({'ok': [n.value for n in ast.walk(ast.parse(job['src'])) if isinstance(n, ast.Constant) and isinstance(n.value, str)]})
        elif yaml is None:
            res.append({'skip': 'PyYAML is not installed'})
        else:
            res.append({'ok': strings(yaml.load(job['src'], Loader=Loader), [])})
    except Exception as e:
        res.append({'error': repr(e)})
sys.stdout.write(json.dumps(res))
`;

async function pythonJobs(jobs: { lang: 'python' | 'yaml'; src: string }[]): Promise<(string[] | null)[]> {
  const results = JSON.parse(run('python3', ['-c', PYTHON], JSON.stringify(jobs))) as {
    ok?: string[];
    error?: string;
    skip?: string;
  }[];
  return results.map((r, i) => {
    if (r.error) throw new Error(`python3 could not read ${jobs[i]!.lang} source: ${r.error}\n${jobs[i]!.src}`);
    return r.ok ?? null;
  });
}

const python: Reader = async (sources) =>
  (await pythonJobs(sources.map((src) => ({ lang: 'python', src })))).map((r) => r ?? []);

const dotenv: Reader = async (sources) => sources.map((src) => Object.values(parseDotenv(src)));

/** Properties through dot-properties and through java.util.Properties itself. */
const properties: Reader = async (sources) => {
  const own = sources.map((src) => Object.values(parseProperties(src)) as string[]);
  const viaJava = has('java') ? javaRead(sources.map((src) => tempFile('snippet.properties', src))) : [];
  return own.map((list, i) =>
    viaJava[i] ? agree('properties (dot-properties, java.util.Properties)', list, viaJava[i], sources[i]!) : list,
  );
};

/** `bash -n`, then the file is sourced with external commands replaced by functions that print their
 *  arguments (and `tee` its input) NUL-separated; `emit` prints its arguments the same way. */
const SHELL_STUBS = String.raw`
emit() { printf '%s\0' "$@" >&3; }
for c in curl postconf postmap postfix swaks s-nail apprise; do eval "$c() { printf '%s\\0' \"\$@\" >&3; }"; done
tee() { { cat; printf '\0'; } >&3; }
`;
const shell: Reader = async (sources) =>
  sources.map((src) => {
    const file = tempFile('snippet.sh', src);
    const out = run('bash', ['-c', `bash -n "$1" && { ${SHELL_STUBS}\n. "$1"; } 3>&1 >/dev/null`, 'reader', file]);
    return out.split('\0').slice(0, -1);
  });

const gitconfig: Reader = async (sources) =>
  sources.map((src) => {
    const out = run('git', ['config', '--file', tempFile('snippet.gitconfig', src), '--list', '--null']);
    return out
      .split('\0')
      .slice(0, -1)
      .map((entry) => entry.slice(entry.indexOf('\n') + 1));
  });

/** msmtp 1.8's reading (get_next_cmd + trim_string in conf.c), and msmtp --pretend when installed. */
export function msmtpArgs(src: string): [string, string][] {
  const out: [string, string][] = [];
  for (let line of src.split('\n')) {
    if (line.endsWith('\r')) line = line.slice(0, -1);
    line = line.replace(/^[ \t]+/, '');
    if (line === '' || line.startsWith('#')) continue;
    const cmd = line.match(/^[^ \t]*/)![0];
    let arg = line.slice(cmd.length).replace(/^[ \t]+|[ \t]+$/g, '');
    if (arg.length >= 2 && arg.startsWith('"') && arg.endsWith('"')) arg = arg.slice(1, -1);
    if (cmd === 'from') arg = arg.replace(/%([UHCM])/g, '<expanded %$1>');
    out.push([cmd, arg]);
  }
  return out;
}
const msmtp: Reader = async (sources) =>
  sources.map((src) => {
    const args = msmtpArgs(src);
    if (has('msmtp')) {
      const file = tempFile('msmtprc', src, 0o600);
      const accounts = args.filter(([c]) => c === 'account').map(([, a]) => a.split(':')[0]!.trim());
      const name = accounts.at(-1) ?? 'default';
      const out = run('msmtp', ['-C', file, '-a', name, '--pretend']);
      const real = lines(out, /^(user|host) = ([^]*)$/).map((m) => m[2]!);
      const own = args.filter(([c]) => c === 'user' || c === 'host').map(([, a]) => a);
      agree('msmtp (conf.c port, msmtp --pretend)', own.slice(-real.length), real, src);
    }
    return args.map(([, arg]) => arg);
  });

/** mutt's mutt_extract_token for `set name = value` lines (quotes, backslash escapes outside single
 *  quotes, $VAR outside single quotes), and `mutt -n -F file -Q name` when mutt is installed. */
export function muttrcValues(src: string, env: Record<string, string> = {}): Map<string, string> {
  const vars = new Map<string, string>();
  for (const line of src.split('\n')) {
    const m = /^\s*set\s+(\w+)\s*=\s*/.exec(line);
    if (!m) continue;
    let value = '';
    let quote = '';
    const s = line.slice(m[0].length);
    for (let i = 0; i < s.length; i++) {
      const ch = s[i]!;
      if (!quote && (/\s/.test(ch) || ch === '#' || ch === ';')) break;
      if (ch === quote) quote = '';
      else if (!quote && (ch === "'" || ch === '"')) quote = ch;
      else if (ch === '\\' && quote !== "'") value += { n: '\n', r: '\r', t: '\t' }[s[++i]!] ?? s[i];
      else if (ch === '`' && quote !== "'") throw new Error('backquote command substitution in muttrc');
      else if (ch === '$' && quote !== "'" && /[A-Za-z_]/.test(s[i + 1] ?? '')) {
        const name = /^\w+/.exec(s.slice(i + 1))![0];
        value += env[name] ?? '';
        i += name.length;
      } else value += ch;
    }
    if (quote) throw new Error(`unclosed quote in muttrc line: ${line}`);
    vars.set(m[1]!, value);
  }
  return vars;
}
const muttrc: Reader = async (sources) =>
  sources.map((src) => {
    const vars = muttrcValues(src, { ICLOUD_APP_PASSWORD: 'APP-PASSWORD-FROM-ENV' });
    if (has('mutt')) {
      // Plain string variables only: mutt rewrites addresses (from), expands paths (folder) and prints booleans bare.
      const names = [...vars.keys()].filter((n) => /^(my_\w+|smtp_url|smtp_pass|imap_user|imap_pass)$/.test(n));
      const out = run('mutt', ['-n', '-F', tempFile('muttrc', src), ...names.flatMap((n) => ['-Q', n])]);
      // Lines split on \n only: JavaScript's . and multiline $ would also stop at U+2028.
      // mutt -Q prints at most 255 bytes a line, so longer values are compared by the port alone.
      const real = new Map(
        lines(out, /^(\w+)="([^]*)"$/).map((m) => [
          m[1]!,
          m[2]!.replace(/\\(.)/g, (_, c: string) => ({ n: '\n', r: '\r', t: '\t' })[c] ?? c),
        ]),
      );
      const short = names.filter((n) => Buffer.byteLength(`${n}="${vars.get(n)}"`) < 250);
      agree(
        'muttrc (mutt_extract_token port, mutt -Q)',
        short.map((n) => vars.get(n)!),
        short.map((n) => real.get(n) ?? '(missing)'),
        src,
      );
    }
    return [...vars.values()];
  });

/** mutt's URL reading (url.c, ciss_parse_userhost): user is what comes before the last '@' of the
 *  authority, %-decoded as bytes; a '%' not followed by two hex digits is an error. */
export function muttUrlUser(url: string): string | null {
  const m = /^[a-z]+:\/\/([^/]*)/i.exec(url);
  if (!m) return null;
  const authority = m[1]!;
  const at = authority.lastIndexOf('@');
  if (at < 0) return null;
  let user = authority.slice(0, at);
  const colon = user.indexOf(':');
  if (colon >= 0) user = user.slice(0, colon);
  const bytes: number[] = [];
  for (let i = 0; i < user.length; i++) {
    if (user[i] === '%') {
      if (!/^[0-9a-fA-F]{2}$/.test(user.slice(i + 1, i + 3))) throw new Error(`bad %-escape in ${url}`);
      bytes.push(parseInt(user.slice(i + 1, i + 3), 16));
      i += 2;
    } else bytes.push(...new TextEncoder().encode(user[i]!));
  }
  return new TextDecoder('utf-8', { fatal: true }).decode(new Uint8Array(bytes));
}

// Go and C# through tree-sitter grammars (WebAssembly builds from npm). The parse must have no
// error or missing node; string literals are then decoded by each language's escape rules.
type TSNode = { type: string; text: string; hasError: boolean; isMissing: boolean; children: TSNode[] };
let treeSitter:
  { go: { parse(s: string): { rootNode: TSNode } }; csharp: { parse(s: string): { rootNode: TSNode } } } | undefined;
async function grammars() {
  if (!treeSitter) {
    const { Parser, Language } = await import('web-tree-sitter');
    await Parser.init();
    const load = async (path: string) => {
      const p = new Parser();
      p.setLanguage(await Language.load(new URL(path, repoRoot).pathname));
      return p as unknown as { parse(s: string): { rootNode: TSNode } };
    };
    treeSitter = {
      go: await load('node_modules/tree-sitter-go/tree-sitter-go.wasm'),
      csharp: await load('node_modules/tree-sitter-c-sharp/tree-sitter-c_sharp.wasm'),
    };
  }
  return treeSitter;
}

function nodes(n: TSNode, out: TSNode[] = []): TSNode[] {
  out.push(n);
  n.children.forEach((c) => nodes(c, out));
  return out;
}

function decodeEscapes(body: string, escape: (e: string) => number[] | null, re: RegExp): string {
  const bytes: number[] = [];
  let last = 0;
  for (const m of body.matchAll(re)) {
    bytes.push(...new TextEncoder().encode(body.slice(last, m.index)));
    const b = escape(m[0]);
    if (!b) throw new Error(`unknown escape ${m[0]}`);
    bytes.push(...b);
    last = m.index + m[0].length;
  }
  bytes.push(...new TextEncoder().encode(body.slice(last)));
  return new TextDecoder('utf-8', { fatal: true }).decode(new Uint8Array(bytes));
}
const utf8 = (cp: number) => [...new TextEncoder().encode(String.fromCodePoint(cp))];
const SIMPLE: Record<string, number> = {
  a: 7,
  b: 8,
  f: 12,
  n: 10,
  r: 13,
  t: 9,
  v: 11,
  '\\': 92,
  "'": 39,
  '"': 34,
  '0': 0,
};

/** Go interpreted string literal, by the Go spec: \x and octal escapes are bytes, \u and \U code points. */
export function goString(lit: string): string {
  return decodeEscapes(
    lit.slice(1, -1),
    (e) => {
      const k = e[1]!;
      if (k === 'x') return [parseInt(e.slice(2), 16)];
      if (k === 'u' || k === 'U') return utf8(parseInt(e.slice(2), 16));
      if (/[0-7]/.test(k)) return [parseInt(e.slice(1), 8)];
      return k in SIMPLE && k !== "'" && k !== '0' ? [SIMPLE[k]!] : null;
    },
    /\\(x[0-9a-fA-F]{2}|u[0-9a-fA-F]{4}|U[0-9a-fA-F]{8}|[0-7]{3}|.)/g,
  );
}

/** C# regular string literal: \x takes one to four hex digits, \u four, \U eight. */
export function csharpString(lit: string): string {
  return decodeEscapes(
    lit.slice(1, -1),
    (e) => {
      const k = e[1]!;
      if (k === 'x' || k === 'u' || k === 'U') return utf8(parseInt(e.slice(2), 16));
      return k in SIMPLE ? [SIMPLE[k]!] : null;
    },
    /\\(x[0-9a-fA-F]{1,4}|u[0-9a-fA-F]{4}|U[0-9a-fA-F]{8}|.)/g,
  );
}

function treeReader(lang: 'go' | 'csharp', literal: string, decode: (s: string) => string): Reader {
  return async (sources) => {
    const parser = (await grammars())[lang];
    return sources.map((src) => {
      const root = parser.parse(src).rootNode;
      const all = nodes(root);
      const bad = all.find((n) => n.type === 'ERROR' || n.isMissing);
      if (root.hasError || bad) throw new Error(`${lang} syntax error near: ${bad?.text ?? '?'}`);
      return all.filter((n) => n.type === literal).map((n) => decode(n.text));
    });
  };
}

// Java through javac's own parser (the compiler API, parse only), in one JVM for all sources; the
// same program loads .properties files with java.util.Properties.
const JAVA = String.raw`
import com.sun.source.tree.*;
import com.sun.source.util.*;
import javax.tools.*;
import java.io.FileInputStream;
import java.nio.charset.StandardCharsets;
import java.util.*;

public class ReadStrings {
  public static void main(String[] args) throws Exception {
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    HexFormat hex = HexFormat.of();
    for (String path : args) {
      System.out.println("F " + path);
      if (path.endsWith(".properties")) {
        Properties p = new Properties();
        try (FileInputStream in = new FileInputStream(path)) { p.load(in); }
        for (String k : new TreeSet<>(p.stringPropertyNames())) System.out.println("S " + hex.formatHex(p.getProperty(k).getBytes(StandardCharsets.UTF_8)));
        continue;
      }
      DiagnosticCollector<JavaFileObject> diags = new DiagnosticCollector<>();
      StandardJavaFileManager fm = javac.getStandardFileManager(diags, null, StandardCharsets.UTF_8);
      JavacTask task = (JavacTask) javac.getTask(null, fm, diags, List.of("-proc:none"), null, fm.getJavaFileObjects(path));
      List<String> found = new ArrayList<>();
      for (CompilationUnitTree unit : task.parse()) {
        new TreeScanner<Void, Void>() {
          @Override public Void visitLiteral(LiteralTree t, Void v) {
            if (t.getValue() instanceof String s) found.add(s);
            return null;
          }
        }.scan(unit, null);
      }
      for (Diagnostic<? extends JavaFileObject> d : diags.getDiagnostics())
        if (d.getKind() == Diagnostic.Kind.ERROR) System.out.println("E " + d.getMessage(null).replace('\n', ' '));
      for (String s : found) System.out.println("S " + hex.formatHex(s.getBytes(StandardCharsets.UTF_8)));
    }
  }
}
`;

function javaRead(paths: string[]): string[][] {
  if (!paths.length) return [];
  const program = tempFile('ReadStrings.java', JAVA);
  const out = run('java', ['-XX:TieredStopAtLevel=1', '-Xshare:auto', program, ...paths]);
  const results: string[][] = [];
  for (const line of out.split('\n')) {
    if (line.startsWith('F ')) results.push([]);
    else if (line.startsWith('E ')) throw new Error(`javac: ${line.slice(2)}`);
    else if (line.startsWith('S ')) results.at(-1)!.push(Buffer.from(line.slice(2), 'hex').toString('utf8'));
  }
  return results;
}
const java: Reader = async (sources) => javaRead(sources.map((src) => tempFile('Snippet.java', src)));

/** One reader per snippet language. */
export const readers: Record<SnippetLanguage, Reader> = {
  shell,
  python,
  javascript,
  php,
  ruby,
  go: treeReader('go', 'interpreted_string_literal', goString),
  csharp: treeReader('csharp', 'string_literal', csharpString),
  java,
  yaml,
  dotenv,
  properties,
  gitconfig,
  msmtp,
  muttrc,
  ini: readIni,
  elixir: readElixir,
  rust: readRust,
  powershell: readPowershell,
  url: readUrl,
};
