/**
 * The audit page's first paint (glue, issue 16, speed): audit.html holds a static skeleton (`#audit-first`:
 * the heading and "Counting the claims…"), painted with the page itself. For a large library, the
 * worker's first message — the totals — is written into it here with plain DOM (text nodes only), before
 * React, Dexie and the view have loaded; the view, once it renders, removes the skeleton in the same
 * commit (`removeFirstPaint`), so the two are never on screen together. The totals line has the view's
 * words and structure (components/audit/AuditView.tsx; the unit tests compare the two), its button
 * disabled until the view takes over.
 */
import { formatPercent, LONG_LIST_ARTICLES, totalsOfCounts } from '@/components/audit/totals';
import type { AuditWorkerTotals } from '@/utils/audit/worker-protocol';

/** The id of the static skeleton in audit.html. */
export const FIRST_PAINT_ID = 'audit-first';

/** Whether the static skeleton is still on the page (the view has not taken over). */
export function firstPaintShown(doc: Document = document): boolean {
  return doc.getElementById(FIRST_PAINT_ID) !== null;
}

/** Removes the static skeleton: the view has rendered its own page. */
export function removeFirstPaint(doc: Document = document): void {
  doc.getElementById(FIRST_PAINT_ID)?.remove();
}

/** An element with children (strings become text nodes). */
function el(doc: Document, tag: string, ...children: (string | Node)[]): HTMLElement {
  const e = doc.createElement(tag);
  e.append(...children);
  return e;
}

/** The totals line, as the view renders it: "N articles · N claims · N named · N anonymous (P%) · N corrected by you". */
export function totalsSection(doc: Document, counts: Omit<AuditWorkerTotals, 'type'>): HTMLElement {
  const t = totalsOfCounts(counts);
  const n = (x: number) => el(doc, 'strong', String(x));
  const button = el(doc, 'button', n(t.corrected), ' corrected by you') as HTMLButtonElement;
  button.type = 'button';
  button.className = 'link';
  // the list of corrected claims needs the view: the button works once the view has taken over
  button.disabled = true;
  const line = el(
    doc,
    'p',
    n(t.articles),
    ` ${t.articles === 1 ? 'article' : 'articles'} · `,
    n(t.claims),
    ` ${t.claims === 1 ? 'claim' : 'claims'} · `,
    n(t.named),
    ' named · ',
    n(t.anonymous),
    ` anonymous (${formatPercent(t.anonymousShare)}) · `,
    button,
  );
  const section = el(doc, 'section', line);
  section.className = 'totals';
  section.setAttribute('aria-label', 'Totals');
  section.dataset.testid = 'audit-totals';
  return section;
}

/**
 * Writes the worker's totals into the static skeleton, when it is still shown and the library is large
 * (a small one renders whole at once in the view, the totals with everything else). A later answer
 * replaces them. Returns whether it wrote them.
 */
export function paintFirstTotals(counts: Omit<AuditWorkerTotals, 'type'>, doc: Document = document): boolean {
  const first = doc.getElementById(FIRST_PAINT_ID);
  if (!first || counts.articles <= LONG_LIST_ARTICLES) return false;
  const section = totalsSection(doc, counts);
  const old = first.querySelector('[data-testid=audit-totals]');
  if (old) old.replaceWith(section);
  else first.querySelector('h1')!.after(section);
  const status = first.querySelector('[role=status]');
  if (status) status.textContent = `Counting the claims of ${counts.articles} articles…`;
  return true;
}

/** Shows, in the skeleton, that the page could not load (its view's scripts failed). */
export function paintFirstError(message: string, doc: Document = document): void {
  const first = doc.getElementById(FIRST_PAINT_ID);
  if (!first) return;
  first.removeAttribute('aria-busy');
  first.setAttribute('role', 'alert');
  const status = first.querySelector('[role=status]');
  if (status) status.textContent = `The audit could not be shown (${message}). Your data is untouched.`;
}
