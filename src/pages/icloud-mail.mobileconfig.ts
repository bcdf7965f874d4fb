// The Apple configuration profile at /icloud-mail.mobileconfig: no address and no password, so the
// device asks for both when it is installed. The checker on the home page builds a copy with the
// reader's address in the browser from the same function.
import type { APIRoute } from 'astro';
import { getSettings } from '../data/settings.ts';
import { mobileconfig } from '../lib/files/mobileconfig.ts';

export const prerender = true;

export const GET: APIRoute = async () =>
  new Response(mobileconfig(await getSettings(), { uuid: () => crypto.randomUUID() }), {
    headers: { 'Content-Type': 'application/x-apple-aspen-config' },
  });
