/**
 * Watching the page for late content (glue, DOM only — no browser.*): a MutationObserver on the body whose
 * relevant records (the page's own text changes, not ours, not styles) are debounced into one callback per
 * burst, with a maximum wait so a steady stream still gets through, and a backoff that grows while the
 * bursts leave the article text alone (tickers, ads), so such pages cost little. `quiet` runs a DOM change
 * of our own without waking the observer.
 */

/** Debounce for page mutations, and the longest a burst of them can postpone a re-run. */
export const MUTATION_DEBOUNCE = 700;
export const MUTATION_MAX_WAIT = 3000;
/** The most the backoff multiplies both by. */
const MAX_BACKOFF = 16;

const OBSERVED: MutationObserverInit = { childList: true, subtree: true, characterData: true };

/** What the watcher needs from its session. */
export interface WatcherHooks {
  /** Our overlay's host element, whose subtree is never the page's. */
  host: () => Element | null;
  /** Whether a node is one we inserted (overlay host, fallback marks). */
  isOurs: (n: Node) => boolean;
  /** Called once per burst of relevant changes. */
  onBurst: () => void;
  /** setTimeout that dies with the session; returns its cancel. */
  later: (fn: () => void, ms: number) => () => void;
  /** The session's life: once aborted the observer stays off. */
  signal: AbortSignal;
  /** The clock (tests pass a fake one). */
  now?: () => number;
}

/** The page's mutation watcher. */
export class PageWatcher {
  private observer: MutationObserver | null = null;
  private timer: (() => void) | null = null;
  private firstPending = 0;
  private backoff = 1;
  private readonly now: () => number;

  constructor(
    private readonly doc: Document,
    private readonly hooks: WatcherHooks,
  ) {
    this.now = hooks.now ?? (() => performance.now());
  }

  /** Whether the observer runs. */
  get started(): boolean {
    return this.observer !== null;
  }

  /** The current backoff factor (1 after a text change, doubling while bursts change nothing). */
  get factor(): number {
    return this.backoff;
  }

  /** Whether a mutation record is the page's (not ours) and may change the article text. */
  relevant(r: MutationRecord): boolean {
    const host = this.hooks.host();
    if (host && (r.target === host || host.contains(r.target))) return false;
    // CSS-in-JS libraries keep appending to <style> elements: never article text
    const el = r.target.nodeType === 1 ? (r.target as Element) : r.target.parentElement;
    if (el?.closest('script, style, noscript, template')) return false;
    if (r.type === 'characterData') return true;
    const nodes = [...r.addedNodes, ...r.removedNodes];
    return nodes.some(
      (n) => !this.hooks.isOurs(n) && (n.nodeType === 3 ? !!n.nodeValue?.trim() : !!n.textContent?.trim()),
    );
  }

  /** Starts observing the body (no-op without one). */
  start(): void {
    const body = this.doc.body;
    if (!body) return;
    this.observer = new MutationObserver((records) => {
      if (records.some((r) => this.relevant(r))) this.schedule();
    });
    this.observer.observe(body, OBSERVED);
    this.hooks.signal.addEventListener('abort', () => this.observer?.disconnect(), { once: true });
  }

  /** Stops observing for good. */
  stop(): void {
    this.observer?.disconnect();
    this.observer = null;
  }

  /** After a burst was handled: whether the article text stayed the same (grows the backoff) or changed. */
  settle(sameText: boolean): void {
    this.backoff = sameText ? Math.min(MAX_BACKOFF, this.backoff * 2) : 1;
  }

  /** Runs a DOM change of our own without waking the observer. */
  quiet<T>(work: () => T): T {
    const o = this.observer;
    if (!o) return work();
    const pending = o.takeRecords();
    o.disconnect();
    try {
      return work();
    } finally {
      if (!this.hooks.signal.aborted && this.doc.body) {
        o.observe(this.doc.body, OBSERVED);
        // records that arrived before our change still count
        if (pending.some((r) => this.relevant(r))) this.schedule();
      }
    }
  }

  /** Debounces one burst: each change postpones the callback, up to the maximum wait since the first. */
  private schedule(): void {
    const now = this.now();
    if (!this.timer) this.firstPending = now;
    this.timer?.();
    const wait = Math.max(
      0,
      Math.min(MUTATION_DEBOUNCE * this.backoff, this.firstPending + MUTATION_MAX_WAIT * this.backoff - now),
    );
    this.timer = this.hooks.later(() => {
      this.timer = null;
      this.hooks.onBurst();
    }, wait);
  }
}
