// robots.txt: everything may be crawled; the sitemap's absolute URL follows `site` and the base.
import type { APIRoute } from 'astro';
import { absoluteUrl, url } from '../lib/site/urls.ts';
import { routes } from '../lib/site/routes.ts';

export const GET: APIRoute = ({ site }) => {
  const sitemap = absoluteUrl(routes.sitemap(), site);
  return new Response(`User-agent: *\nAllow: ${url(routes.home())}\n\nSitemap: ${sitemap}\n`, {
    headers: { 'Content-Type': 'text/plain; charset=utf-8' },
  });
};
