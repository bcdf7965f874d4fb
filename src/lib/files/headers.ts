/**
 * HTTP response headers for static hosts, from one list of rules. The build writes them as
 * `dist/_headers` (Netlify and Cloudflare Pages); README's Deploy section shows the same rules for
 * nginx and Caddy, printed from this module (`npm run headers -- nginx|caddy`).
 *
 * How the header CSP and the per-page <meta> CSP combine: a browser enforces every policy it is
 * given, so a request must pass both. The <meta> policy (Astro's `security.csp`) lists each page's
 * script and style hashes; the header adds only what a <meta> policy cannot carry (frame-ancestors)
 * and what holds for every page alike (Trusted Types, base-uri, form-action). It names
 * no fetch directive (script-src, style-src, default-src…), so it never blocks what the page's own
 * policy allows.
 *
 * Rule paths never overlap on a header: a host that matches several rules for one path joins their
 * values with commas (Cloudflare Pages), so each header is set by one rule only (tested).
 */

export interface HeaderRule {
  /** Path patterns: `*` matches any characters, `:name` one path segment (Netlify, Cloudflare Pages). */
  paths: readonly string[];
  /**
   * The same paths as a regular expression, for nginx and Caddy, when the patterns are not enough:
   * nginx serves a folder's index.html through an internal redirect, so page rules match that too.
   */
  regex?: string;
  /** What the rule is for, written above it as a comment. */
  comment: string;
  headers: ReadonlyArray<readonly [name: string, value: string]>;
}

/** Browser features the site never uses; each is denied to the page and to anything it embeds. */
export const deniedFeatures = [
  'accelerometer',
  'autoplay',
  'browsing-topics',
  'camera',
  'display-capture',
  'encrypted-media',
  'fullscreen',
  'geolocation',
  'gyroscope',
  'hid',
  'magnetometer',
  'microphone',
  'midi',
  'payment',
  'picture-in-picture',
  'publickey-credentials-get',
  'screen-wake-lock',
  'serial',
  'usb',
  'xr-spatial-tracking',
] as const;

/** The CSP sent as a header, on top of each page's own <meta> policy (see the comment above). */
export const headerCsp = [
  "frame-ancestors 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "require-trusted-types-for 'script'",
  "trusted-types 'none'",
].join('; ');

/**
 * The rules, with every path under `base` ('/' or '/sub/path/'). `profiles` are the configuration
 * profiles' paths relative to the base, as the build wrote them.
 */
export function headerRules(base: string, profiles: readonly string[]): HeaderRule[] {
  const b = base.endsWith('/') ? base : `${base}/`;
  const revalidate: [string, string] = ['Cache-Control', 'public, max-age=0, must-revalidate'];
  return [
    {
      paths: [`${b}*`],
      comment: 'Every response',
      headers: [
        ['X-Content-Type-Options', 'nosniff'],
        ['Referrer-Policy', 'strict-origin-when-cross-origin'],
        ['Strict-Transport-Security', 'max-age=63072000; includeSubDomains'],
        ['Permissions-Policy', deniedFeatures.map((f) => `${f}=()`).join(', ')],
        ['X-Frame-Options', 'DENY'],
        ['Cross-Origin-Opener-Policy', 'same-origin'],
        ['Cross-Origin-Resource-Policy', 'same-origin'],
        ['Content-Security-Policy', headerCsp],
      ],
    },
    {
      // Pages are folders (trailing slash): these patterns match every page and no asset.
      paths: [b, `${b}:page/`, `${b}:section/:page/`],
      regex: `^${escapeRegex(b)}(.*/)?(index\\.html)?$`,
      comment: 'Pages: always revalidate',
      headers: [revalidate],
    },
    {
      paths: [`${b}_astro/*`],
      comment: 'Bundled scripts and styles: file names carry a content hash, so they never change',
      headers: [['Cache-Control', 'public, max-age=31536000, immutable']],
    },
    ...profiles.map((profile) => ({
      paths: [`${b}${profile.replace(/^\//, '')}`],
      comment: 'A configuration profile: iOS and macOS open it as a profile only with this type',
      headers: [['Content-Type', 'application/x-apple-aspen-config']] as const,
    })),
  ];
}

/** `_headers`, the format Netlify and Cloudflare Pages read. */
export function toHeadersFile(rules: HeaderRule[]): string {
  return rules
    .flatMap((r) => r.paths.map((p) => [`# ${r.comment}`, p, ...r.headers.map(([n, v]) => `  ${n}: ${v}`)].join('\n')))
    .join('\n\n')
    .concat('\n');
}

const escapeRegex = (s: string) => s.replace(/[.+?^${}()|[\]\\]/g, '\\$&');

/** A path pattern as regular-expression source. */
export function patternRegex(path: string): string {
  const source = path
    .split(/(\*|:[a-z]+)/)
    .map((part) => {
      if (part === '*') return '.*';
      if (part.startsWith(':')) return '[^/]+';
      return escapeRegex(part);
    })
    .join('');
  return `^${source}$`;
}

/** A rule's paths as one regular expression over request paths (for nginx and Caddy). */
export function ruleRegex(rule: HeaderRule): string {
  if (rule.regex) return rule.regex;
  const [only, ...more] = rule.paths.map(patternRegex);
  if (!only) throw new Error(`The rule "${rule.comment}" has no path.`);
  return more.length ? `^(${[only, ...more].map((r) => r.slice(1, -1)).join('|')})$` : only;
}

/** Whether a request path matches a rule (as Netlify and Cloudflare Pages match its patterns). */
export function ruleMatches(rule: HeaderRule, requestPath: string): boolean {
  return rule.paths.some((p) => new RegExp(patternRegex(p)).test(requestPath));
}

/** The headers a host applies to a path: every matching rule's, in order. */
export function headersFor(rules: HeaderRule[], requestPath: string): Array<readonly [string, string]> {
  return rules.filter((r) => ruleMatches(r, requestPath)).flatMap((r) => r.headers);
}

// Header values hold no '$' (nginx would read a variable) and no quotes; escaping keeps it so if one ever does.
const quoted = (v: string) => `"${v.replace(/(["\\])/g, '\\$1')}"`;

/**
 * nginx, in two parts: the common headers, in a file that every location includes (nginx drops the
 * server's add_header lines in any location that has add_header lines of its own), and the lines for
 * the server block.
 */
export function nginxParts(rules: HeaderRule[], include: string): { common: string; server: string } {
  const [all, ...rest] = rules;
  if (!all) return { common: '', server: '' };
  if (rules.some((r) => /[\s{};]/.test(ruleRegex(r)))) throw new Error('A path nginx cannot take unquoted.');
  const own = (r: HeaderRule) =>
    r.headers.map(([n, v]) =>
      n === 'Content-Type' ? `types { } default_type ${v};` : `add_header ${n} ${quoted(v)} always;`,
    );
  const server = [
    `include ${include};`,
    ...rest.flatMap((r) => [
      `# ${r.comment}`,
      // Unquoted: nginx would keep a backslash before '$' in a quoted string.
      `location ~ ${ruleRegex(r)} {`,
      `  include ${include};`,
      ...own(r).map((l) => `  ${l}`),
      '}',
    ]),
  ];
  return { common: own(all).join('\n').concat('\n'), server: server.join('\n').concat('\n') };
}

/** The nginx snippet README shows. */
export function toNginx(rules: HeaderRule[], include = 'snippets/site-headers.conf'): string {
  const { common, server } = nginxParts(rules, include);
  return `# 1. Save as /etc/nginx/${include}:\n${common}\n# 2. Inside your server { } block, with root pointing at dist/:\n${server}`;
}

/** Caddy: a `header` directive per rule, with a path_regexp matcher. */
export function toCaddy(rules: HeaderRule[]): string {
  const lines = ['# Inside your site block, with root pointing at dist/:', 'file_server'];
  rules.forEach((r, i) => {
    const matcher = `@rule${i}`;
    // Backticks: a raw token in a Caddyfile, so the regex reaches Caddy as written.
    lines.push('', `# ${r.comment}`, `${matcher} path_regexp \`${ruleRegex(r)}\``, `header ${matcher} {`);
    for (const [n, v] of r.headers) lines.push(`  ${n} ${quoted(v)}`);
    lines.push('}');
  });
  return lines.join('\n').concat('\n');
}

/** README with its nginx and Caddy snippets (between `<!-- headers:nginx -->` markers) made from the rules. */
export function readmeSnippets(readme: string, rules: HeaderRule[]): string {
  let out = readme;
  for (const [name, text, lang] of [
    ['nginx', toNginx(rules), 'nginx'],
    ['caddy', toCaddy(rules), 'caddyfile'],
  ] as const) {
    const open = `<!-- headers:${name} -->`;
    const close = `<!-- /headers:${name} -->`;
    const start = out.indexOf(open);
    const end = out.indexOf(close);
    if (start < 0 || end < start) throw new Error(`README has no ${open} … ${close} block.`);
    // Blank lines around the fence, as Prettier writes Markdown.
    out = `${out.slice(0, start + open.length)}\n\n\`\`\`${lang}\n${text}\`\`\`\n\n${out.slice(end)}`;
  }
  return out;
}
