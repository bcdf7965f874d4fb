// The islands' only requests: same-origin JSON files whose URLs hold nothing the reader typed.
import { url } from '../../lib/site/urls.ts';

/**
 * Fetches a file of this site (a site path from the route table, passed through url()), parses it as
 * JSON and checks its shape with `isValid`, so a stale or broken file fails here, with its path, and
 * never as a confusing error deep inside an island.
 */
export async function fetchJson<T>(path: string, isValid: (data: unknown) => data is T): Promise<T> {
  const response = await fetch(url(path));
  if (!response.ok) throw new Error(`${path}: HTTP ${response.status}`);
  const data: unknown = await response.json();
  if (!isValid(data)) throw new Error(`${path}: not the data this page expects`);
  return data;
}
