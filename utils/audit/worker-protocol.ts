/**
 * The messages between the audit page and its worker (issue 16, speed), pure types: the page asks the
 * worker to start (or start again after an error); the worker answers with the audit's stored records
 * (utils/audit/cache.ts) every time the saved data changes, or with the error that stopped it.
 * Structured-clone safe: plain data only — compact records, not 60,000 claim objects, so the page's thread
 * decodes a message in a few milliseconds and builds the claims itself (decodeAuditArticle).
 */
import type { AuditRecord } from './cache';

/** Page → worker: (re)subscribe to the saved data; each answer is an `AuditWorkerReply`. */
export interface AuditWorkerStart {
  type: 'start';
}

/**
 * Worker → page: the audit's records, in parts of a few hundred articles (the page decodes each part in
 * its own short task); the part with `last` completes the answer. Parts of two answers never interleave.
 */
export interface AuditWorkerRecords {
  type: 'records';
  records: AuditRecord[];
  last: boolean;
  /** Milliseconds the worker spent reading (on the last part). */
  took: number;
}

/** Worker → page: reading failed; the page shows it and may send `start` again. */
export interface AuditWorkerError {
  type: 'error';
  message: string;
}

/** What the worker posts. */
export type AuditWorkerReply = AuditWorkerRecords | AuditWorkerError;
