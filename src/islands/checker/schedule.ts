// The checker's only first-view script: a few hundred bytes. It prepares the island (Preact, the
// rules, the instruction builder and the data) when the browser is idle after the page has loaded,
// and hydrates it when the reader first reaches for the form, so the work of hydrating never blocks
// a reader who is only reading. After the idle step the checker works offline.
import { lazyIsland } from '../shared/lazy-island.ts';

const root = document.getElementById('checker');
if (root)
  lazyIsland({
    root,
    prepare: () => import('./hydrate.ts').then(({ prepare }) => prepare(root)),
    hydrate: 'interaction',
    onFail: sayNotLoaded,
  });

/** Says in the live region that the checker could not load. Plain text only. */
function sayNotLoaded(el: HTMLElement) {
  const list = el.querySelector('[role="status"] ul');
  if (!list || list.querySelector('.load-failed')) return;
  const item = document.createElement('li');
  item.className = 'finding warning load-failed';
  item.textContent =
    'The checker could not load, perhaps because the connection dropped. The settings on this page and the instructions below work without it; the checker tries again when you next use the form.';
  list.append(item);
}
