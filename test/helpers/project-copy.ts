// A throwaway copy of the project for tests that run Astro itself (a content sync or a whole build)
// on changed content or settings: the source files are copied into a mkdtemp directory and
// node_modules is a symlink, so nothing in the real project (dist/, .astro/, the content cache) is
// touched. `remove()` deletes the copy.
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, renameSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const projectRoot = fileURLToPath(new URL('../../', import.meta.url));

/** What a build needs: sources, content, static files and configuration. */
const PROJECT_FILES = ['src', 'content', 'public', 'astro.config.mjs', 'tsconfig.json', 'package.json'];

export interface ProjectCopy {
  dir: string;
  /** Runs `astro <args>` in the copy; returns its exit status and everything it printed. */
  astro(args: string[], env?: Record<string, string>): { status: number | null; output: string };
  remove(): void;
}

export function copyProject(prefix: string): ProjectCopy {
  const dir = mkdtempSync(join(tmpdir(), `${prefix}-`));
  for (const item of PROJECT_FILES) {
    if (existsSync(join(projectRoot, item))) cpSync(join(projectRoot, item), join(dir, item), { recursive: true });
  }
  symlinkSync(join(projectRoot, 'node_modules'), join(dir, 'node_modules'), 'dir');
  // Keep Astro's content cache inside the copy so the real project's cache is never touched.
  renameSync(join(dir, 'astro.config.mjs'), join(dir, 'astro.base.mjs'));
  writeFileSync(
    join(dir, 'astro.config.mjs'),
    "import base from './astro.base.mjs';\nexport default { ...base, cacheDir: './.cache' };\n",
  );
  const bin = join(projectRoot, 'node_modules/astro/bin/astro.mjs');
  return {
    dir,
    astro(args, env = {}) {
      const run = spawnSync(process.execPath, [bin, ...args], {
        cwd: dir,
        encoding: 'utf8',
        env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', NO_COLOR: '1', ...env },
        timeout: 180_000,
      });
      const error = run.error ? `\n${run.error.message}` : '';
      return { status: run.status, output: `${run.stdout}\n${run.stderr}${error}` };
    },
    remove() {
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
