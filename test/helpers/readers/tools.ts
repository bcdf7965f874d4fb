// External programs the interop readers run: whether each is installed, how to install it, and the
// rule for a missing one (in CI it fails the run, naming the tool; locally it skips with a message).
// Also the scratch files and the process runner every external reader shares.
import { spawnSync } from 'node:child_process';
import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** Reads each source and returns every string value its parser sees; a syntax error throws. */
export type Reader = (sources: string[]) => Promise<string[][]>;

/** What a snippet that reads the password from the environment gets, in every external reader. */
export const PASSWORD_FROM_ENV = 'APP-PASSWORD-FROM-ENV';

export type Tool = 'bash' | 'python3' | 'pyyaml' | 'java' | 'git' | 'msmtp' | 'mutt' | 'docker-compose';

/** How to tell a tool is there, and the Debian package that provides it (installed by .ci/run). */
export const TOOLS: Record<Tool, { check: [string, string[]]; debian: string }> = {
  bash: { check: ['bash', ['-c', 'true']], debian: 'bash' },
  python3: { check: ['python3', ['-c', 'pass']], debian: 'python3' },
  pyyaml: { check: ['python3', ['-c', 'import yaml']], debian: 'python3-yaml' },
  // The Java reader uses the compiler API (javac's parser), so a JRE alone is not enough.
  java: { check: ['javac', ['-version']], debian: 'default-jdk-headless' },
  git: { check: ['git', ['--version']], debian: 'git' },
  msmtp: { check: ['msmtp', ['--version']], debian: 'msmtp' },
  mutt: { check: ['mutt', ['-v']], debian: 'mutt' },
  'docker-compose': { check: ['docker-compose', ['version']], debian: 'docker-compose' },
};

const present = new Map<Tool, boolean>();
/** Whether a tool runs here (cached). */
export function hasTool(tool: Tool): boolean {
  let ok = present.get(tool);
  if (ok === undefined) {
    const [cmd, args] = TOOLS[tool].check;
    const r = spawnSync(cmd, args, { stdio: 'ignore', timeout: 30_000 });
    ok = r.error === undefined && r.status === 0;
    present.set(tool, ok);
  }
  return ok;
}

/** Whether the run is in CI, where nothing may be skipped. */
export const inCI = (env: NodeJS.ProcessEnv = process.env): boolean => /^(1|true|yes)$/i.test(env['CI'] ?? '');

/** The missing tools among `tools`, as one sentence that says how to install them; '' when none. */
export function missingTools(tools: readonly Tool[], has: (tool: Tool) => boolean = hasTool): string {
  const missing = [...new Set(tools)].filter((t) => !has(t));
  if (missing.length === 0) return '';
  const names = missing.map((t) => `${t} (Debian package ${TOOLS[t].debian})`).join(', ');
  return `missing interop tool${missing.length > 1 ? 's' : ''}: ${names}; install with apt-get install ${missing.map((t) => TOOLS[t].debian).join(' ')}`;
}

/**
 * The `skip` option for a test that needs `tools`: false when they are all there. When one is
 * missing, in CI it throws (the run fails, naming the tool); locally it returns the skip message.
 */
export function skipUnless(
  tools: readonly Tool[],
  env: NodeJS.ProcessEnv = process.env,
  has = hasTool,
): false | string {
  const message = missingTools(tools, has);
  if (!message) return false;
  if (inCI(env)) throw new Error(`CI=true and a ${message}`);
  return message;
}

const scratch = mkdtempSync(join(tmpdir(), 'icloud-snippets-'));
process.on('exit', () => rmSync(scratch, { recursive: true, force: true }));
let fileNo = 0;
/** A new file in this process's scratch directory, holding `text`. */
export function tempFile(name: string, text: string, mode?: number): string {
  const path = join(scratch, `${fileNo++}-${name}`);
  writeFileSync(path, text, 'utf8');
  if (mode) chmodSync(path, mode);
  return path;
}

/** Runs a program to completion; its stdout, or an error with its stderr when it fails. */
export function run(cmd: string, args: string[], input?: string): string {
  const r = spawnSync(cmd, args, {
    encoding: 'utf8',
    input,
    maxBuffer: 64 << 20,
    env: { ...process.env, ICLOUD_APP_PASSWORD: PASSWORD_FROM_ENV },
  });
  if (r.error) throw r.error;
  if (r.status !== 0) throw new Error(`${cmd} exited ${r.status}: ${r.stderr}`);
  return r.stdout;
}

/** The matches of `re` against each \n-separated line of `text`. */
export function lines(text: string, re: RegExp): RegExpExecArray[] {
  return text
    .split('\n')
    .map((line) => re.exec(line))
    .filter((m): m is RegExpExecArray => m !== null);
}

/** Where two readers of one format see the strings, they must see the same ones. */
export function agree(format: string, a: string[], b: string[], src: string): string[] {
  const norm = (x: string[]) => JSON.stringify([...x].sort());
  if (norm(a) !== norm(b))
    throw new Error(`${format} readers disagree:\n${JSON.stringify(a)}\n${JSON.stringify(b)}\n${src}`);
  return a;
}
