/**
 * The audit page's paint marks (issue 16, speed), read by `npm run bench` (bench/audit.ts); each mark's
 * `startTime` is milliseconds from navigation start to the first frame produced after an element is in
 * the DOM:
 * - `sourcelight:audit-shell-painted`: the page's heading — the skeleton shown while the worker reads;
 * - `sourcelight:audit-painted`: the totals (`[data-testid=audit-totals]`), counted from the saved data.
 */

/** The totals painted: the page's first paint with numbers. */
export const AUDIT_PAINTED_MARK = 'sourcelight:audit-painted';
/** The skeleton (heading and status) painted. */
export const AUDIT_SHELL_MARK = 'sourcelight:audit-shell-painted';

/** Calls `f` after the next frame: what is in the DOM now is on screen then. */
export function afterNextPaint(f: () => void): void {
  // rAF runs before the frame is produced; the task queued from it runs after it
  requestAnimationFrame(() => setTimeout(f));
}

/** Watches the document and sets `mark` once, after the frame that first shows `selector`. */
export function markWhenPainted(selector: string, mark: string, doc: Document = document): void {
  const set = () => afterNextPaint(() => performance.mark(mark));
  if (doc.querySelector(selector)) return set();
  const observer = new MutationObserver(() => {
    if (!doc.querySelector(selector)) return;
    observer.disconnect();
    set();
  });
  observer.observe(doc, { childList: true, subtree: true });
}

/** Sets both marks of the audit page. */
export function markAuditPaints(doc: Document = document): void {
  markWhenPainted('main.audit h1', AUDIT_SHELL_MARK, doc);
  markWhenPainted('[data-testid=audit-totals]', AUDIT_PAINTED_MARK, doc);
}
