// robots.txt: everything may be crawled; the sitemap's absolute URL follows `site` and the base.
import type { APIRoute } from 'astro';
import { absoluteUrl, url } from '../lib/site/urls.ts';

export const GET: APIRoute = ({ site }) => {
  const sitemap = absoluteUrl('/sitemap-index.xml', site);
  return new Response(`User-agent: *\nAllow: ${url('/')}\n\nSitemap: ${sitemap}\n`, {
    headers: { 'Content-Type': 'text/plain; charset=utf-8' },
  });
};
