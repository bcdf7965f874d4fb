// The island's only requests: same-origin JSON files whose URLs hold nothing the reader typed.
import { url } from '../lib/site/urls.ts';

/** Fetches a file of this site (a site path, passed through url()) and parses it as JSON. */
export async function fetchJson<T>(path: string): Promise<T> {
  const response = await fetch(url(path));
  if (!response.ok) throw new Error(`${path}: HTTP ${response.status}`);
  return (await response.json()) as T;
}
