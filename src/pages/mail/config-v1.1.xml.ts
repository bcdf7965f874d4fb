// The Thunderbird autoconfig file (clientConfig 1.1) at /mail/config-v1.1.xml, the path Thunderbird
// asks an autoconfig host for. Built once at build time from the settings source.
import type { APIRoute } from 'astro';
import { getSettings } from '../../data/settings.ts';
import { autoconfigXml } from '../../lib/autoconfig.ts';

export const prerender = true;

export const GET: APIRoute = async ({ site }) => {
  if (!site) throw new Error('The autoconfig file needs `site` in astro.config.mjs for its absolute links.');
  return new Response(autoconfigXml(await getSettings(), site.href), {
    headers: { 'Content-Type': 'application/xml; charset=utf-8' },
  });
};
