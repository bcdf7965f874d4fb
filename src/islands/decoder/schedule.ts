// The decoder's only first-view script. The island (Preact, the matcher and its data) is prepared
// and hydrated when the browser is idle after the page has loaded, or at once when the reader
// reaches for the text box; until then the server-rendered form and the list of errors stand.
import { lazyIsland } from '../shared/lazy-island.ts';

const root = document.getElementById('decoder');
if (root)
  lazyIsland({
    root,
    prepare: () => import('./hydrate.ts').then(({ prepare }) => prepare(root)),
    hydrate: 'idle',
    onFail: (el) => {
      const results = el.querySelector('.decoder-results');
      if (!results || results.querySelector('.load-failed')) return;
      const p = document.createElement('p');
      p.className = 'load-failed';
      p.textContent =
        'The list of known errors could not be loaded, perhaps because the connection dropped. Find your error in the list below, or reload the page.';
      results.replaceChildren(p);
    },
  });
