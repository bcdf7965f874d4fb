// Loads the real settings source the way the build does, for tests that run without Astro.
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { settingsFileSchema, type Settings } from '../../src/schemas/settings.ts';
import { formatIssues } from '../../src/schemas/format-issues.ts';

export const repoRoot = new URL('../../', import.meta.url);
export const settingsFile = new URL('content/settings.yaml', repoRoot);

/** The raw YAML of content/settings.yaml, parsed but not validated. */
export function readRawSettings(): unknown {
  return parse(readFileSync(settingsFile, 'utf8'));
}

/** The validated settings object (the `icloud` entry). Throws with every problem listed. */
export function loadSettings(): Settings {
  const result = settingsFileSchema.safeParse(readRawSettings());
  if (!result.success) throw new Error(formatIssues(result.error.issues, 'content/settings.yaml'));
  return result.data.icloud;
}
