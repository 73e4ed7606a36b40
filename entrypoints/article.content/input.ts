/**
 * Watching the reader's input (glue, DOM only — no browser.*): the pointer, at most once a frame and never
 * over our overlay; whether the last input was the mouse or the keyboard (caret browsing shows cards too);
 * scrolling; and the selection, debounced so a drag selects once. Every listener dies with the session.
 */

/** How long the selection must rest before it counts. */
export const SELECTION_DEBOUNCE = 200;

/** What the input watcher tells its session. */
export interface InputHooks {
  /** The pointer moved to (x, y) outside the overlay (once a frame at most). */
  onPointer: (x: number, y: number) => void;
  /** The kind of the latest input. */
  onInput: (kind: 'mouse' | 'key') => void;
  /** The page scrolled. */
  onScroll: () => void;
  /** The selection came to rest. */
  onSelection: () => void;
  /** Our overlay's host element: pointer moves over it are the panel's, not the page's. */
  overlayHost: () => Element | null;
  /** setTimeout that dies with the session; returns its cancel. */
  later: (fn: () => void, ms: number) => () => void;
  /** The session's life. */
  signal: AbortSignal;
}

/** Adds the input listeners to `doc` and its window; they are removed when `hooks.signal` aborts. */
export function watchInput(doc: Document, win: Window, hooks: InputHooks): void {
  const { signal } = hooks;
  const opts = { signal, passive: true } as const;
  let frame = 0;
  let lastX = 0;
  let lastY = 0;
  doc.addEventListener(
    'mousemove',
    (e) => {
      hooks.onInput('mouse');
      lastX = e.clientX;
      lastY = e.clientY;
      const host = hooks.overlayHost();
      if (host && e.composedPath().includes(host)) return;
      if (frame) return;
      frame = win.requestAnimationFrame(() => {
        frame = 0;
        if (!signal.aborted) hooks.onPointer(lastX, lastY);
      });
    },
    opts,
  );
  signal.addEventListener('abort', () => win.cancelAnimationFrame(frame), { once: true });
  doc.addEventListener('keydown', () => hooks.onInput('key'), opts);
  win.addEventListener('scroll', () => hooks.onScroll(), opts);
  let selTimer: (() => void) | null = null;
  doc.addEventListener(
    'selectionchange',
    () => {
      selTimer?.();
      selTimer = hooks.later(() => hooks.onSelection(), SELECTION_DEBOUNCE);
    },
    opts,
  );
}
