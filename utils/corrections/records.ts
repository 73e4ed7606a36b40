/**
 * Corrections over saved quotes (pure core), for the popup and the export: a saved quote whose passage a
 * correction is about shows the reader's speaker and flag, and lists what was corrected ("Speaker: Jo
 * (was an aide)"). The saved records are not changed: this returns corrected copies for display.
 */
import type { AnnotationRecord, CorrectionRecord } from '../db/schema';
import { describeCorrection, READER_ANONYMOUS_REASON } from './apply';

/** Is the correction about this saved annotation's passage? */
export function correctsAnnotation(c: CorrectionRecord, a: AnnotationRecord): boolean {
  if (c.articleId !== a.articleId || c.quote.exact !== a.quote.exact) return false;
  return !c.position || !a.position || (c.position.start === a.position.start && c.position.end === a.position.end);
}

/** The annotations with their corrections applied (oldest correction first; unmatched ones unchanged). */
export function correctAnnotations(
  annotations: readonly AnnotationRecord[],
  corrections: readonly CorrectionRecord[],
): AnnotationRecord[] {
  if (!corrections.length) return [...annotations];
  const byArticle = new Map<string, CorrectionRecord[]>();
  for (const c of corrections) {
    const list = byArticle.get(c.articleId);
    if (list) list.push(c);
    else byArticle.set(c.articleId, [c]);
  }
  return annotations.map((a) => {
    if (a.kind !== 'quote') return a;
    const mine = (byArticle.get(a.articleId) ?? [])
      .filter((c) => correctsAnnotation(c, a))
      .sort((x, y) => x.createdAt - y.createdAt);
    if (!mine.length) return a;
    const out: AnnotationRecord = {
      ...a,
      corrections: mine.map(describeCorrection),
      correctionIds: mine.map((c) => c.id),
    };
    for (const c of mine) {
      if (c.action === 'speaker' || c.action === 'add-claim') out.speaker = c.speaker ?? null;
      if (c.action === 'not-a-quote') out.notAQuote = true;
      if (c.action === 'anonymous' || c.action === 'add-claim') {
        out.anonymous = !!c.anonymous;
        out.category = out.anonymous ? 'anonymous' : 'quote';
        out.anonymityReason = out.anonymous ? (a.anonymous ? a.anonymityReason : READER_ANONYMOUS_REASON) : null;
      }
    }
    return out;
  });
}
