// The checker's only first-view script. It loads the island (Preact, the rules, the instruction
// builder) and its data after the page: when the browser is idle after the load event, or at once
// when the reader focuses the form. After that the checker works offline. If loading fails when
// the reader reaches for the form, the live region says so; the next focus tries again.
const root = document.getElementById('checker');

if (root) {
  let loading: Promise<void> | undefined;
  // Whether the reader has reached for the form: then a failed load is said, even one that the idle
  // callback started before the reader arrived.
  let wanted = false;
  const start = () => {
    loading ??= import('./mount.ts')
      .then(({ mount }) => mount(root))
      .catch(() => {
        loading = undefined;
        if (wanted) say(root);
      });
  };
  root.addEventListener('focusin', () => {
    wanted = true;
    start();
  });
  const whenIdle = () => {
    if (typeof window.requestIdleCallback === 'function') window.requestIdleCallback(start, { timeout: 4000 });
    else window.setTimeout(start, 200);
  };
  if (document.readyState === 'complete') whenIdle();
  else window.addEventListener('load', whenIdle, { once: true });
}

/** Says in the live region that the checker could not load. Plain text only. */
function say(el: HTMLElement) {
  const list = el.querySelector('[role="status"] ul');
  if (!list || list.querySelector('.load-failed')) return;
  const item = document.createElement('li');
  item.className = 'finding warning load-failed';
  item.textContent =
    'The checker could not load, perhaps because the connection dropped. The settings on this page and the instructions below work without it; the checker tries again when you next use the form.';
  list.append(item);
}
