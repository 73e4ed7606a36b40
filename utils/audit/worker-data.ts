/**
 * The audit's data from the database (issue 16, speed), for the audit page's worker: the audit's articles
 * decoded from the write-time aggregate (the `auditRecords` store, utils/audit/cache.ts), one small record
 * per article whose whole sourcing was saved, with its claims as the reader's corrections made them. The
 * claims themselves (60,000 of them at 2,000 articles) are not read: the records are kept exact in the same
 * transaction as every write that changes them (utils/db/audit-records.ts).
 *
 * Inside a Dexie `liveQuery`, the read of the store is cached, and the query runs again after any change to
 * it. Takes the database as an argument (no globals): the unit tests run it on fake-indexeddb.
 */
import type { SourcelightDB } from '../db/schema';
import type { AuditArticle } from './aggregate';
import { decodeAuditArticle, type AuditRecord } from './cache';

/**
 * The audit's stored records, in article id order: what the worker posts to the page (compact, so cheap to
 * clone; the page decodes them).
 */
export function loadAuditRecords(db: SourcelightDB): Promise<AuditRecord[]> {
  return db.auditRecords.toArray();
}

/** Loads the audit's articles from a database; see {@link createAuditLoader}. */
export type AuditLoader = (db: SourcelightDB) => Promise<AuditArticle[]>;

/**
 * A loader of every article of the audit, in article id order (the order the page lists them). It keeps
 * the articles it decoded by record: a record the live query's cache hands back unchanged is not decoded
 * again.
 */
export function createAuditLoader(): AuditLoader {
  let decoded = new WeakMap<AuditRecord, AuditArticle>();
  return async (db) => {
    const records = await loadAuditRecords(db);
    const next = new WeakMap<AuditRecord, AuditArticle>();
    const articles = records.map((r) => {
      const a = decoded.get(r) ?? decodeAuditArticle(r);
      next.set(r, a);
      return a;
    });
    decoded = next;
    return articles;
  };
}
