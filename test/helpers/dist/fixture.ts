// Small built sites for the helpers' own tests: a temporary directory holding the given files.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

/** Writes `files` (relative path → text) to a new temporary directory and returns its path. */
export function writeSite(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'dist-fixture-'));
  process.on('exit', () => rmSync(dir, { recursive: true, force: true }));
  for (const [file, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, file)), { recursive: true });
    writeFileSync(join(dir, file), text);
  }
  return dir;
}

/** A minimal page: `head` and `body` HTML inside a document. */
export function page(body: string, head = ''): string {
  return `<!doctype html><html lang="en"><head><title>t</title>${head}</head><body>${body}</body></html>`;
}
