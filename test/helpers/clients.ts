// Loads client entries (content/clients/*.yaml, or the frozen few in test/fixtures/clients/) the way
// the build does, for tests that run without Astro. Each file is parsed and validated with the
// client schema; a problem names the file and the field path. Snippet readers: ./readers/.
import { readdirSync, readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { clientSchema, type Client } from '../../src/schemas/client.ts';
import { formatIssues } from '../../src/schemas/format-issues.ts';
import { repoRoot } from './root.ts';

/** The real entries. */
export const clientsDir = new URL('content/clients/', repoRoot);
/** A frozen few for unit tests. */
export const fixtureClientsDir = new URL('test/fixtures/clients/', repoRoot);

/** The file names in a clients directory, sorted. */
export function clientFiles(dir: URL = clientsDir): string[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.yaml'))
    .sort();
}

/** The raw text of one client file. */
export function readClientText(file: string, dir: URL = clientsDir): string {
  return readFileSync(new URL(file, dir), 'utf8');
}

/** One file, parsed and validated. Throws with the file name and every problem's field path. */
export function loadClientFile(file: string, dir: URL = clientsDir): Client {
  const where = `${dir.href.slice(repoRoot.href.length)}${file}`;
  let raw: unknown;
  try {
    raw = parse(readClientText(file, dir), { prettyErrors: true });
  } catch (e) {
    throw new Error(`${where} is not valid YAML: ${(e as Error).message}`, { cause: e });
  }
  const result = clientSchema.safeParse(raw);
  if (!result.success) throw new Error(formatIssues(result.error.issues, where));
  return result.data;
}

/** Every client entry of a directory, validated, in file-name order. */
export function loadClients(dir: URL = clientsDir): Client[] {
  return clientFiles(dir).map((file) => loadClientFile(file, dir));
}

/** The frozen entries of test/fixtures/clients/. */
export function loadFixtureClients(): Client[] {
  return loadClients(fixtureClientsDir);
}
