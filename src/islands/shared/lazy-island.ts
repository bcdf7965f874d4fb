/**
 * How every island comes to life, in two steps. `prepare` loads the island's code and data: when the
 * browser is idle after the page has loaded (whenIdle), or at once when the reader reaches for it.
 * It does not touch the page, so it costs the reader nothing while they read. `hydrate` then makes the
 * server-rendered HTML live: at once after preparing (`hydrate: 'idle'`), or only when the reader
 * first focuses, presses or changes something inside it (`hydrate: 'interaction'`), so that the work of hydrating
 * never blocks a reader who only reads. Once prepared, the island works offline.
 *
 * If loading fails while the reader is reaching for the island, `onFail` says so; the next focus
 * tries again.
 */
import { whenIdle } from './when-idle.ts';

export interface LazyIsland {
  /** The island's root element (server-rendered). */
  root: HTMLElement;
  /** Loads code and data; resolves to the function that hydrates. Must not change the page. */
  prepare: () => Promise<() => void>;
  /** When to hydrate once prepared. */
  hydrate: 'idle' | 'interaction';
  /** Says, as plain text in the island's live region, that it could not load. */
  onFail: (root: HTMLElement) => void;
}

export function lazyIsland({ root, prepare, hydrate, onFail }: LazyIsland): void {
  let loading: Promise<() => void> | undefined;
  let hydrated = false;
  // Whether the reader has reached for the island: then it hydrates, and a failed load is said.
  let wanted = hydrate === 'idle';
  let reached = false;

  const run = () => {
    loading ??= prepare();
    loading.then(
      (hydrateNow) => {
        if (wanted && !hydrated) {
          hydrated = true;
          hydrateNow();
        }
      },
      () => {
        loading = undefined;
        if (reached) onFail(root);
      },
    );
  };
  const reach = () => {
    wanted = true;
    reached = true;
    run();
  };
  // Focus, a press, or a change made without either (a script, an assistive tool): all mean the
  // reader is using the island. What they typed before hydration is read back by `hydrate`.
  for (const type of ['focusin', 'pointerdown', 'input', 'change']) root.addEventListener(type, reach);
  whenIdle(run);
}
