/**
 * Corrections and saved sourcing in the database (pure core: the database is passed in). A correction is
 * its own record next to the article (never a change to an analysis or a saved quote), so undo is a
 * delete. Saving an article's sourcing writes every claim as a quote annotation in one transaction, merging
 * with what was saved before: a claim already saved at the same passage is updated in place (its id and
 * the reader's note are kept), a claim saved by an earlier "save sourcing" that is gone now is removed
 * unless the reader wrote a note on it, and the entity list and summary replace the earlier ones.
 */
import type { CorrectionSaved, SaveCorrectionRequest, SaveSourcingRequest, SourcingSaved } from '../messaging/contract';
import { correctAnnotations, correctsAnnotation } from '../corrections/records';
import { annotationRecord, annotationsOf, newId, upsertArticle } from './queries';
import type { AnnotationRecord, CorrectionRecord, MachineClaim, SourcelightDB, SourcingRecord } from './schema';

/** Stores a correction (creating the article record on first save). */
export async function saveCorrection(
  db: SourcelightDB,
  input: SaveCorrectionRequest,
  now: number = Date.now(),
): Promise<CorrectionSaved> {
  return db.transaction('rw', db.articles, db.corrections, async () => {
    const article = await upsertArticle(db, input.article, now);
    const c = input.correction;
    const correction: CorrectionRecord = {
      id: newId(),
      articleId: article.id,
      action: c.action,
      quote: c.quote,
      position: c.position,
      machine: c.machine,
      ...(c.speaker !== undefined ? { speaker: c.speaker } : {}),
      ...(c.anonymous !== undefined ? { anonymous: c.anonymous } : {}),
      ...(c.kind !== undefined ? { kind: c.kind } : {}),
      createdAt: now,
      updatedAt: now,
    };
    await db.corrections.add(correction);
    return { article, correction };
  });
}

/** Undoes a correction (deletes its record). True when it existed. */
export async function deleteCorrection(db: SourcelightDB, id: string): Promise<boolean> {
  return db.transaction('rw', db.corrections, async () => {
    const had = await db.corrections.get(id);
    if (had) await db.corrections.delete(id);
    return !!had;
  });
}

/** An article's corrections, oldest first. */
export function correctionsOf(db: SourcelightDB, articleId: string): Promise<CorrectionRecord[]> {
  return db.corrections.where('[articleId+createdAt]').between([articleId, -Infinity], [articleId, Infinity]).toArray();
}

const samePassage = (a: AnnotationRecord, start: number, end: number, exact: string) =>
  a.kind === 'quote' &&
  a.quote.exact === exact &&
  (!a.position || (a.position.start === start && a.position.end === end));

/** Saves a whole article's sourcing in one transaction (see the module comment for the merge rules). */
export async function saveSourcing(
  db: SourcelightDB,
  input: SaveSourcingRequest,
  now: number = Date.now(),
): Promise<SourcingSaved> {
  return db.transaction('rw', db.articles, db.annotations, db.sourcing, async () => {
    const article = await upsertArticle(db, input.article, now);
    const existing = await annotationsOf(db, article.id);
    const kept = new Set<string>();
    const put: AnnotationRecord[] = [];
    let added = 0;
    let updated = 0;
    for (const claim of input.claims) {
      const pos = claim.position;
      const match = existing.find(
        (a) => !kept.has(a.id) && samePassage(a, pos?.start ?? -1, pos?.end ?? -1, claim.quote.exact),
      );
      if (match) {
        kept.add(match.id);
        const next = annotationRecord(
          { ...claim, comment: match.comment, sourcing: match.sourcing ?? true },
          article.id,
          match.id,
          now,
        );
        put.push({ ...next, createdAt: match.createdAt });
        updated++;
      } else {
        put.push(annotationRecord({ ...claim, sourcing: true }, article.id, newId(), now));
        added++;
      }
    }
    // claims an earlier "save sourcing" stored that the article no longer has (or the reader removed)
    const stale = existing.filter((a) => a.sourcing && !kept.has(a.id) && !a.comment.trim()).map((a) => a.id);
    await db.annotations.bulkDelete(stale);
    await db.annotations.bulkPut(put);
    const before = await db.sourcing.where('articleId').equals(article.id).first();
    const sourcing: SourcingRecord = {
      id: before?.id ?? newId(),
      articleId: article.id,
      entities: input.entities,
      summary: input.summary,
      createdAt: before?.createdAt ?? now,
      updatedAt: now,
    };
    await db.sourcing.put(sourcing);
    return { article, sourcing, added, updated, removed: stale.length };
  });
}

/** What the reader set when correcting a saved claim from the popup. */
export interface LibraryCorrection {
  speaker: string | null;
  anonymous: boolean;
  notAQuote?: boolean;
}

/**
 * Corrects a saved claim from the popup: one correction record per changed field (or one "not a quote"),
 * against what the reader sees now (earlier corrections applied), keeping what the machine said. In one
 * transaction; returns the new records (none when nothing changed or the claim is gone).
 */
export async function correctSavedClaim(
  db: SourcelightDB,
  annotationId: string,
  change: LibraryCorrection,
  now: number = Date.now(),
): Promise<CorrectionRecord[]> {
  return db.transaction('rw', db.annotations, db.corrections, async () => {
    const saved = await db.annotations.get(annotationId);
    if (!saved || saved.kind !== 'quote') return [];
    const earlier = (await correctionsOf(db, saved.articleId)).filter((c) => correctsAnnotation(c, saved));
    const shown = correctAnnotations([saved], earlier)[0]!;
    const machine: MachineClaim | null = earlier.length
      ? (earlier[0]!.machine ?? null)
      : { speaker: saved.speaker ?? null, anonymous: !!saved.anonymous, kind: saved.quoteKind ?? 'indirect' };
    const base = { articleId: saved.articleId, quote: saved.quote, position: saved.position, machine };
    const speaker = change.speaker?.trim().slice(0, 2000) || null;
    const inputs: Array<Pick<CorrectionRecord, 'action' | 'speaker' | 'anonymous'>> = change.notAQuote
      ? [{ action: 'not-a-quote' }]
      : [
          ...(speaker !== (shown.speaker ?? null) ? [{ action: 'speaker' as const, speaker }] : []),
          ...(change.anonymous !== !!shown.anonymous
            ? [{ action: 'anonymous' as const, anonymous: change.anonymous }]
            : []),
        ];
    const records: CorrectionRecord[] = inputs.map((i, n) => ({
      ...base,
      ...i,
      id: newId(),
      // distinct times keep the order the fields were applied in
      createdAt: now + n,
      updatedAt: now + n,
    }));
    await db.corrections.bulkAdd(records);
    return records;
  });
}
