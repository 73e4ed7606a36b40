/**
 * The messages between the audit page and its worker (issue 16, speed), pure types: the page asks the
 * worker to start (or start again after an error); the worker answers with the audit's articles every time
 * the saved data changes, or with the error that stopped it. Structured-clone safe: plain data only.
 */
import type { AuditArticle } from './aggregate';

/** Page → worker: (re)subscribe to the saved data; each answer is an `AuditWorkerReply`. */
export interface AuditWorkerStart {
  type: 'start';
}

/**
 * Worker → page: the audit's articles, read and corrected in the worker, in parts of a few hundred
 * articles (the page's thread decodes each part in its own short task, never all 60,000 claims in one);
 * the part with `last` completes the answer. Parts of two answers never interleave.
 */
export interface AuditWorkerArticles {
  type: 'articles';
  articles: AuditArticle[];
  last: boolean;
  /** Milliseconds the worker spent reading and mapping (on the last part). */
  took: number;
}

/** Worker → page: reading failed; the page shows it and may send `start` again. */
export interface AuditWorkerError {
  type: 'error';
  message: string;
}

/** What the worker posts. */
export type AuditWorkerReply = AuditWorkerArticles | AuditWorkerError;
