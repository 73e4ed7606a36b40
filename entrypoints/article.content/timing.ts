/**
 * User Timing for the content script (glue): the marks and measures `npm run bench` reads. Best effort: a
 * page that replaced `performance` must not break the session.
 */

/** Runs `work` and records a User Timing measure under `name`. */
export function measured<T>(name: string, work: () => T): T {
  const start = performance.now();
  try {
    return work();
  } finally {
    measure(name, start);
  }
}

/** Records a measure from `start` to now. */
export function measure(name: string, start: number): void {
  try {
    performance.measure(name, { start, end: performance.now() });
  } catch {
    // User Timing is best effort
  }
}

/** Records a mark. */
export function mark(name: string): void {
  try {
    performance.mark(name);
  } catch {
    // User Timing is best effort
  }
}
