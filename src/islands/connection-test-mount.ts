// Loads the connection test's island after the page has loaded, when the browser is idle, so the
// first view carries almost no JavaScript. Without JavaScript the commands show the placeholder address.
const start = (): void => void import('./connection-test-hydrate.ts');
const idle = (): void => {
  if (typeof window.requestIdleCallback === 'function') window.requestIdleCallback(start, { timeout: 2000 });
  else window.setTimeout(start, 200);
};
if (document.readyState === 'complete') idle();
else window.addEventListener('load', idle, { once: true });
