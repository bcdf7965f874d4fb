/**
 * Per-page Content Security Policy. Astro's `security.csp` lists, on every page, the hashes of
 * every inline script and style of the whole site plus its own island runtime, used or not. This
 * module rewrites one built page so its policy lists exactly the inline <script> and <style>
 * elements that page contains (JSON data blocks included, so every <script> is accounted for).
 * Pure: the digest function is passed in (sha256 in the build, see astro.config.mjs).
 */

/** An inline element: its tag and its text exactly as written (what the browser hashes). */
export interface InlineElement {
  tag: 'script' | 'style';
  text: string;
}

const META = /<meta\s+http-equiv="content-security-policy"\s+content="([^"]*)"\s*\/?>/i;
const HASH = /^'sha(256|384|512)-[A-Za-z0-9+/]+=*'$/;

/** Inline <script> (without src) and <style> elements, in document order. Comments are skipped. */
export function inlineElements(html: string): InlineElement[] {
  const out: InlineElement[] = [];
  const element = /<!--[^]*?-->|<(script|style)\b([^>]*)>([^]*?)<\/\1\s*>/gi;
  for (const m of html.matchAll(element)) {
    const tag = m[1]?.toLowerCase();
    if (tag !== 'script' && tag !== 'style') continue;
    if (tag === 'script' && /\ssrc\s*=/i.test(m[2] ?? '')) continue;
    out.push({ tag, text: m[3] ?? '' });
  }
  return out;
}

/** The policy with the hash sources of script-src and style-src replaced; other sources are kept. */
export function replaceHashes(policy: string, hashes: { script: string[]; style: string[] }): string {
  return policy
    .split(';')
    .map((d) => d.trim())
    .filter(Boolean)
    .map((directive) => {
      const [name = '', ...sources] = directive.split(/\s+/);
      const own = name === 'script-src' ? hashes.script : name === 'style-src' ? hashes.style : null;
      if (!own) return directive;
      const kept = sources.filter((s) => !HASH.test(s));
      return [name, ...kept, ...[...new Set(own)].map((h) => `'${h}'`)].join(' ');
    })
    .join('; ')
    .concat(';');
}

/**
 * The page with its CSP <meta> listing exactly its own inline scripts and styles. `digest` returns
 * a CSP hash source without quotes, such as `sha256-…`. A page without a CSP <meta> is returned as is.
 */
export function withPagePolicy(html: string, digest: (text: string) => string): string {
  const meta = META.exec(html);
  if (!meta) return html;
  const elements = inlineElements(html);
  const hashes = {
    script: elements.filter((e) => e.tag === 'script').map((e) => digest(e.text)),
    style: elements.filter((e) => e.tag === 'style').map((e) => digest(e.text)),
  };
  const policy = replaceHashes(meta[1] ?? '', hashes);
  return html.replace(meta[0], () => `<meta http-equiv="content-security-policy" content="${policy}">`);
}
