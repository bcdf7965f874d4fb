/**
 * The one place that schedules island work: after the page's load event, when the browser is idle
 * (or after `timeout` ms at the latest). Islands load here so that the first view carries none of
 * their code, and so that they are ready, and work offline, before the reader needs them.
 */
export function whenIdle(task: () => void, timeout = 4000): void {
  // Safari has no requestIdleCallback: a short timeout stands in.
  const idle = () => ('requestIdleCallback' in window ? requestIdleCallback(task, { timeout }) : setTimeout(task, 200));
  if (document.readyState === 'complete') idle();
  else addEventListener('load', idle, { once: true });
}
