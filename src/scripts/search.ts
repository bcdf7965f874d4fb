// The search page's behaviour: query Pagefind as the reader types and list the results as text.
// Nothing here sends the query: Pagefind fetches index chunks (from this site) chosen by hashes, and
// the URL changes only when the reader submits the form.
import { excerptPieces } from '../lib/site/excerpt.ts';

interface PagefindSubResult {
  title: string;
  url: string;
  excerpt: string;
}
interface PagefindData {
  url: string;
  excerpt: string;
  meta: { title?: string };
  sub_results: PagefindSubResult[];
}
interface Pagefind {
  options(o: { baseUrl?: string; excerptLength?: number; noWorker?: boolean }): Promise<void>;
  init(): Promise<void>;
  debouncedSearch(
    q: string,
    o?: object,
    ms?: number,
  ): Promise<{ results: Array<{ data(): Promise<PagefindData> }> } | null>;
}

const form = document.querySelector<HTMLFormElement>('form.search-form');
const input = document.querySelector<HTMLInputElement>('#search-q');
const status = document.getElementById('search-status');
const list = document.getElementById('search-results');
const fallback = document.getElementById('search-noscript');
const SHOWN = 10;

let loading: Promise<Pagefind> | undefined;
function load(): Promise<Pagefind> {
  // A literal path, relative to this bundle in <base>/_astro/: it reaches <base>/pagefind/ under any
  // base, and the build checks can follow it. Vite leaves it alone (the index is written after Vite).
  // @ts-expect-error -- Pagefind writes this module after the build: there is nothing for TypeScript to read.
  loading ??= (import(/* @vite-ignore */ '../pagefind/pagefind.js') as Promise<Pagefind>).then(async (pf) => {
    // No web worker: creating one from a URL string is a Trusted Types sink, which the site's
    // header policy (trusted-types 'none') forbids; the index is small enough for the main thread.
    await pf.options({ excerptLength: 24, noWorker: true });
    await pf.init();
    return pf;
  });
  return loading;
}

function excerpt(html: string): HTMLParagraphElement {
  const p = document.createElement('p');
  for (const piece of excerptPieces(html)) {
    if (piece.marked) {
      const mark = document.createElement('mark');
      mark.textContent = piece.text;
      p.append(mark);
    } else p.append(piece.text);
  }
  return p;
}

function link(href: string, text: string): HTMLAnchorElement {
  const a = document.createElement('a');
  a.href = href;
  a.textContent = text;
  return a;
}

function item(data: PagefindData): HTMLLIElement {
  const li = document.createElement('li');
  const title = document.createElement('strong');
  title.append(link(data.url, data.meta.title ?? data.url));
  li.append(title, excerpt(data.excerpt));
  // Headings inside the page where the words also occur: link straight to them.
  const sections = data.sub_results.filter((s) => s.url.includes('#')).slice(0, 3);
  if (sections.length) {
    const ul = document.createElement('ul');
    for (const s of sections) {
      const sub = document.createElement('li');
      sub.append(link(s.url, s.title));
      ul.append(sub);
    }
    li.append(ul);
  }
  return li;
}

let latest = 0;
async function run(query: string) {
  const turn = ++latest;
  const q = query.trim();
  if (!status || !list) return;
  if (!q) {
    list.replaceChildren();
    status.textContent = '';
    return;
  }
  try {
    const pf = await load();
    const search = await pf.debouncedSearch(q, {}, 150);
    // A newer keystroke has started its own search: this one is stale (debouncedSearch returns null).
    if (!search || turn !== latest) return;
    const data = await Promise.all(search.results.slice(0, SHOWN).map((r) => r.data()));
    if (turn !== latest) return;
    list.replaceChildren(...data.map(item));
    const n = search.results.length;
    status.textContent =
      n === 0
        ? `No pages match “${q}”. Try fewer words, or the exact text of an error.`
        : `${n} ${n === 1 ? 'page matches' : 'pages match'} “${q}”${n > SHOWN ? `; the first ${SHOWN} are shown` : ''}.`;
  } catch {
    status.textContent = 'Search could not load. Reload the page, or browse the sections below.';
    fallback?.removeAttribute('hidden');
  }
}

if (form && input) {
  fallback?.setAttribute('hidden', '');
  input.addEventListener('input', () => void run(input.value));
  // A shared link (/search/?q=…) or a search submitted from the header: show its results.
  const q = new URLSearchParams(location.search).get('q');
  if (q) {
    input.value = q;
    void run(q);
  }
  form.addEventListener('submit', (e) => {
    // Submitting from this page keeps the results where they are and makes the URL shareable.
    e.preventDefault();
    const target = new URL(form.action);
    target.searchParams.set('q', input.value);
    history.replaceState(null, '', target);
    void run(input.value);
  });
}
