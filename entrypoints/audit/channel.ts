/**
 * The audit page's line to its worker (glue, issue 16, speed). Opened by the page's first, tiny script
 * (./boot.ts) before React, Dexie and the view have loaded, so the worker reads while the rest of the page
 * is still being fetched; whoever subscribes later (the view, once loaded) is first handed what the
 * newest answer has said so far, then every message as it comes. No React, no Dexie, nothing heavy:
 * everything this module imports is in the page's first chunk.
 */
import type { AuditWorkerReply, AuditWorkerRequest } from '@/utils/audit/worker-protocol';

/** The User Timing mark of a whole answer received (read by bench/audit.ts); its detail is the read time. */
export const AUDIT_DATA_MARK = 'sourcelight:audit-data';

/** What the channel needs of a worker (a `Worker`; a fake in the unit tests). */
export interface WorkerLike {
  postMessage(message: AuditWorkerRequest): void;
  addEventListener(type: 'message', l: (e: MessageEvent<AuditWorkerReply>) => void): void;
  addEventListener(type: 'error', l: (e: ErrorEvent) => void): void;
}

/** A subscriber: called with each message of the worker, in order. */
export type ReplyListener = (reply: AuditWorkerReply) => void;

/** The page's side of the worker. */
export interface AuditChannel {
  /**
   * Calls `l` with every new message. With `takeOver`, first at once with the messages of the newest
   * answer received so far (its totals, its parts, or the error); the channel then stops keeping them (the
   * view keeps what it decoded: 9 MB of raw records are not held twice). Returns the unsubscribe function.
   */
  subscribe(l: ReplyListener, takeOver?: boolean): () => void;
  /**
   * Asks the worker for the records: those of the answer it holds, and of every later answer at once.
   * Until then it posts only each answer's totals. Once is enough; again does nothing.
   */
  sendRecords(): void;
  /** Asks the worker to read again (after an error). */
  restart(): void;
}

/** Starts `worker` reading and keeps its newest answer for late subscribers. */
export function openAuditChannel(worker: WorkerLike): AuditChannel {
  // the newest answer so far: it starts with its totals (or is one error)
  let answer: AuditWorkerReply[] = [];
  let keeping = true;
  const listeners = new Set<ReplyListener>();
  const receive = (reply: AuditWorkerReply) => {
    if (reply.type !== 'records') answer = [];
    if (keeping) answer.push(reply);
    // for the bench: when the whole answer was here, and how long the worker took to read it
    if (reply.type === 'records' && reply.last) performance.mark(AUDIT_DATA_MARK, { detail: { took: reply.took } });
    for (const l of listeners) l(reply);
  };
  worker.addEventListener('message', (e) => receive(e.data));
  worker.addEventListener('error', (e) => receive({ type: 'error', message: e.message || 'the audit worker failed' }));
  const start = () => worker.postMessage({ type: 'start' });
  start();
  let sent = false;
  return {
    subscribe: (l, takeOver = false) => {
      if (takeOver) {
        for (const reply of answer) l(reply);
        answer = [];
        keeping = false;
      }
      listeners.add(l);
      return () => void listeners.delete(l);
    },
    sendRecords: () => {
      if (sent) return;
      sent = true;
      worker.postMessage({ type: 'send' });
    },
    restart: () => {
      answer = [];
      start();
    },
  };
}
