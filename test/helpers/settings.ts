// Loads a settings file the way the build does, for tests that run without Astro. Unit tests read
// the frozen copy in test/fixtures/; content tests read the real content/settings.yaml.
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { settingsFileSchema, type Settings } from '../../src/schemas/settings.ts';
import { formatIssues } from '../../src/schemas/format-issues.ts';

import { repoRoot } from './root.ts';
/** The real settings source. */
export const settingsFile = new URL('content/settings.yaml', repoRoot);
/** A frozen copy for unit tests: a change to the real settings never breaks a test of a rule. */
export const fixtureSettingsFile = new URL('test/fixtures/settings.yaml', repoRoot);

/** The raw YAML of a settings file, parsed but not validated. */
export function readRawSettings(file: URL = settingsFile): unknown {
  return parse(readFileSync(file, 'utf8'));
}

/** The validated settings object (the `icloud` entry). Throws with every problem listed. */
export function loadSettings(file: URL = settingsFile): Settings {
  const result = settingsFileSchema.safeParse(readRawSettings(file));
  const where = file.href.slice(repoRoot.href.length);
  if (!result.success) throw new Error(formatIssues(result.error.issues, where));
  return result.data.icloud;
}

/** The frozen settings of test/fixtures/settings.yaml. */
export function loadFixtureSettings(): Settings {
  return loadSettings(fixtureSettingsFile);
}
