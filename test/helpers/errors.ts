// Loads the real error entries (content/errors/*.yaml) the way the build does, for tests without Astro.
import { readdirSync, readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { errorSchema, type ErrorEntry } from '../../src/schemas/error.ts';
import { formatIssues } from '../../src/schemas/format-issues.ts';
import { repoRoot } from './root.ts';

export const errorsDir = new URL('content/errors/', repoRoot);

export function errorFiles(): string[] {
  return readdirSync(errorsDir)
    .filter((f) => f.endsWith('.yaml'))
    .sort();
}

/** Every entry, validated; throws with every problem of every file listed. */
export function loadErrors(): ErrorEntry[] {
  const problems: string[] = [];
  const entries: ErrorEntry[] = [];
  for (const file of errorFiles()) {
    const result = errorSchema.safeParse(parse(readFileSync(new URL(file, errorsDir), 'utf8')));
    if (result.success) entries.push(result.data);
    else problems.push(formatIssues(result.error.issues, `content/errors/${file}`));
  }
  if (problems.length) throw new Error(problems.join('\n'));
  return entries;
}
