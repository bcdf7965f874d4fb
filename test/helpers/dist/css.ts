// What a stylesheet makes the browser fetch: `@import` and `url()` targets, and web fonts.

const withoutComments = (css: string): string => css.replace(/\/\*[\s\S]*?\*\//g, '');

/** `url(...)` and `@import` targets in CSS text (comments removed). */
export function cssUrls(css: string): { imports: string[]; urls: string[] } {
  const text = withoutComments(css);
  const imports: string[] = [];
  const urls: string[] = [];
  for (const m of text.matchAll(/@import\s+(?:url\(\s*)?(["']?)([^"')\s;]+)\1/gi)) imports.push(m[2]!);
  for (const m of text.matchAll(/url\(\s*(["']?)([^"')]*?)\1\s*\)/gi)) {
    if (!imports.includes(m[2]!)) urls.push(m[2]!);
  }
  return { imports, urls };
}

/** Whether the CSS declares a web font (outside comments). */
export function hasFontFace(css: string): boolean {
  return /@font-face\b/i.test(withoutComments(css));
}
