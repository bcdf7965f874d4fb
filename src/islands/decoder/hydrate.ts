// Prepares and hydrates the decoder Astro rendered on the server: the matching logic, the matcher
// data and the browser settings, fetched once (same origin; no pasted text in any request).
// Loaded by schedule.ts.
import { h, hydrate } from 'preact';
import { decode } from '../../lib/decoder/decode.ts';
import { compile, isMatcherData } from '../../lib/decoder/error-match.ts';
import { isBrowserSettings } from '../../lib/settings/browser-settings.ts';
import { routes } from '../../lib/site/routes.ts';
import { fetchJson } from '../shared/fetch-json.ts';
import Decoder from './Decoder.tsx';

export async function prepare(root: HTMLElement): Promise<() => void> {
  const [settings, data] = await Promise.all([
    fetchJson(routes.browserSettings(), isBrowserSettings),
    fetchJson(routes.matcherData(), isMatcherData),
  ]);
  const matcher = compile(data.entries);
  root.dataset['prepared'] = 'true';
  return () => {
    hydrate(h(Decoder, { settings, logic: { matcher, decode } }), root);
    root.dataset['ready'] = 'true';
    root.dataset['matcher'] = 'ready';
  };
}
