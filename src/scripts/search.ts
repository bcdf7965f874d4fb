// The search page's behaviour: query Pagefind as the reader types and list the results as text.
// Nothing here sends the query: Pagefind fetches index chunks (from this site) chosen by hashes, and
// the query lives only in the page and in the URL's fragment (#q=…), which no browser sends anywhere.
import { excerptPieces } from '../lib/site/excerpt.ts';
import {
  checkQuery,
  isRealMatch,
  queryFragment,
  queryFromUrl,
  queryWords,
  refusal,
  wordsAt,
} from '../lib/site/search-query.ts';

interface PagefindSubResult {
  title: string;
  url: string;
  excerpt: string;
}
interface PagefindData {
  url: string;
  excerpt: string;
  content: string;
  locations: number[];
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
  if (!status || !list) return;
  const check = checkQuery(query);
  if (check.kind !== 'ok') {
    // Empty, too long, or a word longer than any in the index: nothing is searched; the page says why.
    list.replaceChildren();
    status.textContent = refusal(check);
    return;
  }
  const q = check.query;
  try {
    const pf = await load();
    const search = await pf.debouncedSearch(q, {}, 150);
    // A newer keystroke has started its own search: this one is stale (debouncedSearch returns null).
    if (!search || turn !== latest) return;
    const all = await Promise.all(search.results.slice(0, SHOWN).map((r) => r.data()));
    if (turn !== latest) return;
    // Pagefind also offers near misses (a shorter prefix of a word no page has): keep only the pages
    // where a matched word really is one of the query's words.
    const words = queryWords(q);
    const data = all.filter((d) => isRealMatch(words, wordsAt(d.content, d.locations)));
    list.replaceChildren(...data.map(item));
    const n = search.results.length > SHOWN && data.length === all.length ? search.results.length : data.length;
    status.textContent =
      n === 0
        ? `No pages match “${q}”. Try fewer words, or the exact text of an error.`
        : `${n} ${n === 1 ? 'page matches' : 'pages match'} “${q}”${n > SHOWN ? `; the first ${SHOWN} are shown` : ''}.`;
  } catch {
    status.textContent = 'Search could not load. Reload the page, or browse the sections below.';
    fallback?.removeAttribute('hidden');
  }
}

/** Shows the results of the query a URL carries (#q=…, or an old ?q=… link, rewritten to #q=…). */
function fromUrl() {
  if (!input) return;
  const found = queryFromUrl(location);
  if (!found) return;
  // An old shared link put the query in the query string: keep it out of the history from now on.
  if (found.fromSearch) history.replaceState(null, '', location.pathname + queryFragment(found.query));
  input.value = found.query;
  void run(found.query);
}

if (form && input) {
  fallback?.setAttribute('hidden', '');
  input.addEventListener('input', () => void run(input.value));
  fromUrl();
  // A search from the header's field while on this page changes only the fragment.
  window.addEventListener('hashchange', fromUrl);
  form.addEventListener('submit', (e) => {
    // The field has no name, so the form would send nothing; with JavaScript the results stay where
    // they are and the fragment makes the URL shareable (replaceState: one history entry, no request).
    e.preventDefault();
    history.replaceState(null, '', location.pathname + queryFragment(input.value));
    void run(input.value);
  });
}
