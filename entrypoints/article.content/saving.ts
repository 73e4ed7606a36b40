/**
 * Saving (glue): the annotation a selection or a card's item becomes, the request that carries it, and the
 * round trips to the background that store annotations and corrections. The session decides what to draw
 * and say afterwards.
 */
import type { Analysis } from '@/utils/analysis/types';
import { givenNameLists } from '@/utils/analysis/lexicons/givenNames';
import { claimProfileFields } from '@/utils/audit/profile';
import type { DescribedSelection } from '@/utils/anchoring/selection';
import { quoteSelector } from '@/utils/anchoring/selectors';
import { articleInput, pageInput } from '@/utils/article/extract';
import type { AnnotationRecord, CorrectionRecord } from '@/utils/db/schema';
import type { CorrectionInput } from '@/utils/messaging/contract';
import { sendMessage, type AnnotationInput, type ArticleData, type SaveAnnotationRequest } from '@/utils/messaging';
import type { Item } from './keys';

/** Longest speaker or anonymity cue stored with a saved quote. */
const MAX_FIELD = 2000;

/** The reader's highlight of a selection: a note when it has a comment. */
export function selectionAnnotation(described: DescribedSelection, comment: string): AnnotationInput {
  return {
    kind: comment.trim() ? 'note' : 'highlight',
    category: 'note',
    quote: described.quote,
    position: described.position,
    comment: comment.trim(),
  };
}

/** A quote or entity mention saved from its card, with what the analysis said about it. */
export function itemAnnotation(
  item: Exclude<Item, { kind: 'note' }>,
  text: string,
  analysis: Analysis | null,
  comment: string,
): AnnotationInput {
  const quote = quoteSelector(text, item.start, item.end);
  const base = { quote, position: { start: item.start, end: item.end }, comment: comment.trim() };
  if (item.kind !== 'quote') return { ...base, kind: 'entity', category: item.type };
  const q = analysis?.quotes[item.quote];
  return {
    ...base,
    kind: 'quote',
    category: q?.anonymous ? 'anonymous' : 'quote',
    speaker: q?.speaker?.slice(0, MAX_FIELD) ?? null,
    quoteKind: q?.kind ?? null,
    anonymous: q?.anonymous ?? false,
    anonymityCue: q?.anonymityCue?.slice(0, MAX_FIELD) ?? null,
    ...(analysis ? claimProfileFields(analysis, q, givenNameLists().givenGender) : {}),
  };
}

/** The save request for an annotation: of the article when there is one, else of the bare page. */
export function saveRequest(article: ArticleData | null, annotation: AnnotationInput): SaveAnnotationRequest {
  return { article: article ? articleInput(article) : pageInput(document), annotation };
}

/** Stores an annotation through the background: its record, or the message to show the reader. */
export async function sendSave(
  request: SaveAnnotationRequest,
): Promise<{ ok: true; record: AnnotationRecord } | { ok: false; error: string }> {
  try {
    const r = await sendMessage('saveAnnotation', request);
    return r.ok ? { ok: true, record: r.value.annotation } : { ok: false, error: r.error };
  } catch (err) {
    return { ok: false, error: `Could not save: ${(err as Error).message}` };
  }
}

/**
 * Stores correction records one by one, stopping at the first failure: the records stored, and the
 * failure's message (null when every one was stored).
 */
export async function sendCorrections(
  article: ArticleData,
  inputs: readonly CorrectionInput[],
): Promise<{ saved: CorrectionRecord[]; error: string | null }> {
  const saved: CorrectionRecord[] = [];
  for (const correction of inputs) {
    try {
      const r = await sendMessage('saveCorrection', { article: articleInput(article), correction });
      if (!r.ok) return { saved, error: r.error };
      saved.push(r.value.correction);
    } catch (err) {
      return { saved, error: `Could not save the correction: ${(err as Error).message}` };
    }
  }
  return { saved, error: null };
}

/** Deletes one correction record: null when done, else the message to show the reader. */
export async function sendUndo(id: string): Promise<string | null> {
  try {
    const r = await sendMessage('deleteCorrection', { id });
    return r.ok ? null : r.error;
  } catch (err) {
    return `Could not undo: ${(err as Error).message}`;
  }
}
