/**
 * The audit page's first-paint mark (issue 16, speed): sets the User Timing mark `sourcelight:audit-painted`
 * at the first frame produced after the totals (`[data-testid=audit-totals]`) are in the DOM. `npm run bench`
 * (bench/audit.ts) reads it: its `startTime` is milliseconds from navigation start to the totals painted.
 */

/** The mark's name, read by bench/audit.ts. */
export const AUDIT_PAINTED_MARK = 'sourcelight:audit-painted';

/** Watches the document and sets the mark once, after the frame that first shows the totals. */
export function markWhenTotalsPainted(doc: Document = document): void {
  const mark = () => {
    // rAF runs before the frame is produced; the task queued from it runs after: the totals are on screen
    requestAnimationFrame(() => setTimeout(() => performance.mark(AUDIT_PAINTED_MARK)));
  };
  if (doc.querySelector('[data-testid=audit-totals]')) return mark();
  const observer = new MutationObserver(() => {
    if (!doc.querySelector('[data-testid=audit-totals]')) return;
    observer.disconnect();
    mark();
  });
  observer.observe(doc, { childList: true, subtree: true });
}
