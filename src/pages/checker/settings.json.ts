// The settings values the checker runs on (no provenance), as one shared, cacheable file: the island
// fetches it after the page has loaded, so no page embeds a copy. Nothing the reader typed is in the URL.
import type { APIRoute } from 'astro';
import { getSettings } from '../../data/settings.ts';
import { browserSettings } from '../../lib/settings/browser-settings.ts';

export const GET: APIRoute = async () =>
  new Response(JSON.stringify(browserSettings(await getSettings())), {
    headers: { 'Content-Type': 'application/json; charset=utf-8' },
  });
