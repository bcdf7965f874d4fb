/**
 * The site's origin for canonical links, the sitemap, robots.txt and share cards. Without SITE_URL a
 * build uses a placeholder, and every absolute link would point there: the build says so loudly.
 */
export const PLACEHOLDER_SITE = 'https://icloud-mail.example.org';

/** The warning for a build whose origin is the placeholder, or null when SITE_URL names a real one. */
export function placeholderSiteWarning(siteUrl: string | undefined): string | null {
  if (siteUrl && new URL(siteUrl).origin !== new URL(PLACEHOLDER_SITE).origin) return null;
  const line = '!'.repeat(78);
  return [
    line,
    `SITE_URL is not set: canonical links, link previews (share cards), the sitemap and robots.txt`,
    `point at the placeholder ${PLACEHOLDER_SITE}. Fine for tests and previews; for a real`,
    `deploy, build with SITE_URL=https://your.domain (and BASE_PATH when under a sub-path).`,
    line,
  ].join('\n');
}
