// Hostile-input tests measure CPU time and print it (the figures the issues report), but assert only
// a bound that no ordinary run comes near: catastrophic backtracking takes seconds to hours, while a
// linear pass over 1 MB takes milliseconds, even under coverage on a busy two-core machine. A tight
// bound would make the tests depend on the machine's load (no timed assertions, by the project's rules).
export const HANG_MS = 3_000;

/** CPU time (user and system, this process) that `f` takes, in ms. */
export function cpuMs(f: () => unknown): number {
  const t0 = process.cpuUsage();
  f();
  const d = process.cpuUsage(t0);
  return (d.user + d.system) / 1000;
}
