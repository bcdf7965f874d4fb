// The decoder's data (/errors/matcher.json): each error's title, cause, fix and signatures, settings
// filled in. The decoder fetches it after the page has loaded, when the browser is idle.
import type { APIRoute } from 'astro';
import { matcherData } from '../../data/errors.ts';

export const GET: APIRoute = async () =>
  new Response(JSON.stringify(await matcherData()), { headers: { 'Content-Type': 'application/json' } });
