/**
 * The audit's data from the database (issue 16, speed), for the audit page's worker: the articles whose
 * whole sourcing was saved, with their saved claims and the reader's corrections applied, mapped to the
 * audit's input. Reads through indexes: the sourcing store's unique `articleId` index (keys, no records),
 * the saved quotes through the annotations' `kind` index (not the highlights, notes and entities), and the
 * articles and corrections stores whole (one record per article or correction: small).
 *
 * No explicit transaction, on purpose: inside a Dexie `liveQuery`, each of these reads is cached by range,
 * and a change re-reads only the ranges it touched — a tag typed on the audit page re-reads the articles,
 * not 60,000 claims. The live query runs again after every change, so what it settles on is consistent.
 * Takes the database as an argument (no globals): the unit tests run it on fake-indexeddb.
 */
import type { AnnotationRecord, CorrectionRecord, SourcelightDB } from '../db/schema';
import { correctAnnotations } from '../corrections/records';
import type { AuditArticle } from './aggregate';
import { auditArticlesFrom } from './records';

/** The claims with the reader's corrections applied, and the speaker each was saved with. */
interface Corrected {
  claims: readonly AnnotationRecord[];
  corrections: readonly CorrectionRecord[];
  corrected: AnnotationRecord[];
  machineSpeakers: Map<string, string | null>;
}

/** Loads the audit's articles from a database; see {@link createAuditLoader}. */
export type AuditLoader = (db: SourcelightDB) => Promise<AuditArticle[]>;

/**
 * A loader of every article of the audit, in article id order (the order the page lists them). It keeps
 * the last corrected claims: when the live query's cache hands back the very same claim and correction
 * lists (only an article changed), the corrections are not applied again.
 */
export function createAuditLoader(): AuditLoader {
  let last: Corrected | null = null;
  const corrected = (claims: readonly AnnotationRecord[], corrections: readonly CorrectionRecord[]): Corrected => {
    if (last && last.claims === claims && last.corrections === corrections) return last;
    last = {
      claims,
      corrections,
      corrected: correctAnnotations(claims, corrections),
      machineSpeakers: new Map(claims.map((c) => [c.id, c.speaker ?? null])),
    };
    return last;
  };
  return async (db) => {
    const [ids, articles, claims, corrections] = await Promise.all([
      // which articles have a saved sourcing
      db.sourcing.orderBy('articleId').keys() as Promise<string[]>,
      // one read of the whole (small) articles store, in id order: faster than a get per sourcing
      db.articles.toArray(),
      db.annotations.where('kind').equals('quote').toArray(),
      db.corrections.toArray(),
    ]);
    const saved = new Set(ids);
    const c = corrected(claims, corrections);
    return auditArticlesFrom(articles, c.corrected, {
      isSourcing: (a) => saved.has(a.id),
      machineSpeakers: c.machineSpeakers,
    });
  };
}
