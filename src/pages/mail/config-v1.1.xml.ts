// The Thunderbird autoconfig file (clientConfig 1.1) at /mail/config-v1.1.xml, the path Thunderbird
// asks an autoconfig host for. Built once at build time from the settings source.
import type { APIRoute } from 'astro';
import { getSettings } from '../../data/settings.ts';
import { autoconfigXml } from '../../lib/files/autoconfig.ts';
import { absoluteUrl } from '../../lib/site/urls.ts';
import { routes } from '../../lib/site/routes.ts';

export const prerender = true;

export const GET: APIRoute = async ({ site }) => {
  // The site's root under the base: the documentation link points at <base>smtp/.
  return new Response(autoconfigXml(await getSettings(), absoluteUrl(routes.page('smtp'), site)), {
    headers: { 'Content-Type': 'application/xml; charset=utf-8' },
  });
};
