/**
 * The messages between the audit page and its worker (issue 16, speed), pure types: the page asks the
 * worker to start (or start again after an error); the worker answers, every time the saved data changes,
 * with the audit's totals first (a few numbers: the page paints them before its view has loaded) and then,
 * once the page asks for them, the audit's stored records (utils/audit/cache.ts), or with the error that
 * stopped it.
 * Structured-clone safe: plain data only — compact records, not 60,000 claim objects, so the page's thread
 * decodes a message in a few milliseconds and builds the claims itself (decodeAuditArticle).
 */
import type { AuditRecord } from './cache';

/** Page → worker: (re)subscribe to the saved data; each answer is an `AuditWorkerReply`. */
export interface AuditWorkerStart {
  type: 'start';
}

/**
 * Page → worker: send the records — of the answer held now and of every later one, at once. Until the
 * page sends it, the worker posts each answer's totals only (the page paints them first, undisturbed).
 */
export interface AuditWorkerSend {
  type: 'send';
}

/** What the page posts. */
export type AuditWorkerRequest = AuditWorkerStart | AuditWorkerSend;

/**
 * Worker → page, first message of every answer: the totals of the whole audit (no filter), counted from
 * the records before they are posted. The numbers mean what `auditTotals` (components/audit/totals.ts)
 * and `auditReport` say.
 */
export interface AuditWorkerTotals {
  type: 'totals';
  articles: number;
  claims: number;
  anonymous: number;
  corrected: number;
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
export type AuditWorkerReply = AuditWorkerTotals | AuditWorkerRecords | AuditWorkerError;
