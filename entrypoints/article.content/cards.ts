/**
 * What the overlay shows about a drawn item (glue, DOM only): the card next to a highlight, placed at the
 * range's first line box, and whether the reader already saved the item. Pure of the session's state:
 * everything it reads comes in as arguments.
 */
import type { CardView } from '@/components/panel/types';
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
