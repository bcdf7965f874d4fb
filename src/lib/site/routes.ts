/**
 * Every path of the site, in one table. Pages, components, islands and generated files ask here for
 * a path and pass it through url() (or absoluteUrl() for canonical and shared links); nothing else
 * writes a site path as a string (a unit test scans src/ for one). Paths are site paths, from the
 * root and without the base: url() adds the base.
 */
const seg = (id: string) => encodeURIComponent(id);

export const routes = {
  home: () => '/',
  /** A prose page of content/pages/ (/smtp/, /imap/, /profile/). */
  page: (slug: string) => `/${seg(slug)}/`,
  faqIndex: () => '/faq/',
  /** One answer's own page. */
  faq: (id: string) => `/faq/${seg(id)}/`,
  /** One answer's permanent anchor on /faq/ (FAQ ids never change, so this link never breaks). */
  faqAnchor: (id: string) => `/faq/#${seg(id)}`,
  clients: () => '/clients/',
  client: (id: string) => `/clients/${seg(id)}/`,
  /** One client's entry as JSON, for the checker. */
  clientData: (id: string) => `/clients/${seg(id)}.json`,
  errors: () => '/errors/',
  error: (id: string) => `/errors/${seg(id)}/`,
  /** A place on /errors/: a group's heading, the decoder, or the table of contents. */
  errorsAt: (fragment: string) => `/errors/#${seg(fragment)}`,
  /** The decoder's data: what each error is and how to recognise it. */
  matcherData: () => '/errors/matcher.json',
  /** The settings as every island needs them (values only). */
  browserSettings: () => '/checker/settings.json',
  testConnection: () => '/test-connection/',
  search: () => '/search/',
  /** Thunderbird's autoconfig file (the ISPDB path). */
  autoconfig: () => '/mail/config-v1.1.xml',
  /** The static Apple configuration profile. */
  profileFile: () => '/icloud-mail.mobileconfig',
  sitemap: () => '/sitemap-index.xml',
  robots: () => '/robots.txt',
  favicon: () => '/favicon.svg',
} as const;

/** Fragments on /errors/ that other pages link to. */
export const ERRORS_DECODER = 'decoder-title';
export const ERRORS_TOC = 'errors-toc-title';
