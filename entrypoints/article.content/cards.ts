/**
 * What the overlay shows about a drawn item (glue, DOM only): the card next to a highlight, placed at the
 * range's first line box, whether the reader already saved the item, and the correction form and note
 * editor opened under a range. Pure of the session's state: everything it reads comes in as arguments.
 */
import type { CardView, CorrectionView, EditorView } from '@/components/panel/types';
import type { Analysis } from '@/utils/analysis/types';
import type { AnnotationRecord } from '@/utils/db/schema';
import type { Item } from './keys';

/** Whether the reader saved this item already (a note is saved by definition). */
export function isSaved(item: Item, saved: readonly AnnotationRecord[]): boolean {
  if (item.kind === 'note') return true;
  return saved.some(
    (s) =>
      (s.kind === 'quote' || s.kind === 'entity') && s.position?.start === item.start && s.position?.end === item.end,
  );
}

/** The card of an analysis item at its range, or null (a note, or the analysis no longer has it). */
export function cardView(
  key: string,
  item: Item,
  range: Range,
  analysis: Analysis | null,
  saved: readonly AnnotationRecord[],
  /** The reader's corrections of a quote, as the card lists them. */
  corrections: (q: Analysis['quotes'][number]) => string[],
): CardView | null {
  if (item.kind === 'note') return null;
  const rect = range.getClientRects()[0] ?? range.getBoundingClientRect();
  const base = { key, x: rect.left, y: rect.top, lineHeight: rect.height, saved: isSaved(item, saved) };
  if (item.kind === 'mention') {
    const e = analysis?.entities[item.entity];
    return e ? { ...base, type: e.type, text: e.text } : null;
  }
  const q = analysis?.quotes[item.quote];
  if (!q) return null;
  return {
    ...base,
    type: 'quote',
    text: q.text,
    quote: {
      speaker: q.speaker,
      kind: q.kind,
      anonymous: q.anonymous,
      cue: q.cue,
      anonymityCue: q.anonymityCue ?? null,
      anonymityReason: q.anonymityReason ?? null,
      corrections: corrections(q),
    },
  };
}

/** Where a form opens: under the range's box. */
const FORM_GAP = 8;

/** The correction form for a claim the analysis has (or the reader added), under its range. */
export function editForm(q: Analysis['quotes'][number], rect: DOMRect, choices: string[]): CorrectionView {
  return {
    mode: 'edit',
    x: rect.left,
    y: rect.bottom + FORM_GAP,
    text: q.text,
    speaker: q.speaker,
    anonymous: q.anonymous,
    kind: q.kind,
    choices,
  };
}

/** The correction form turning a selection into a claim: direct when the selection opens with a quote mark. */
export function claimForm(exact: string, selected: string, rect: DOMRect, choices: string[]): CorrectionView {
  return {
    mode: 'add',
    x: rect.left,
    y: rect.bottom + FORM_GAP,
    text: exact,
    speaker: null,
    anonymous: false,
    kind: /^\s*["“«‘']/.test(selected) ? 'direct' : 'indirect',
    choices,
  };
}

/** The note editor under a range, showing its text on one line. */
export function editorView(range: Range): EditorView {
  const rect = range.getBoundingClientRect();
  return { x: rect.left, y: rect.bottom + FORM_GAP, text: range.toString().replace(/\s+/g, ' ').trim() };
}
