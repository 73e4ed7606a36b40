/**
 * The audit page's worker (glue, issue 16, speed): reads the audit's records (the write-time aggregate,
 * one small record per article) from the extension's database off the page's thread — IndexedDB is the extension origin's in a worker too — and posts them to
 * the page, again on every change to the saved data (Dexie's liveQuery: a save in the popup, the panel or
 * the background reaches it through Dexie's cross-context notification). The page only renders.
 */
import { liveQuery, type Subscription } from 'dexie';
import type { AuditRecord } from '@/utils/audit/cache';
import { loadAuditRecords } from '@/utils/audit/worker-data';
import type { AuditWorkerReply, AuditWorkerStart } from '@/utils/audit/worker-protocol';
import { DB_NAME, SourcelightDB } from '@/utils/db/schema';

const post = (reply: AuditWorkerReply) => globalThis.postMessage(reply);

/** Articles per message: a part the page decodes in a few milliseconds. */
const PART = 200;

/** Posts one answer in parts (an empty audit is one empty, last part). */
function postRecords(records: AuditRecord[], took: number): void {
  for (let i = 0; i === 0 || i < records.length; i += PART)
    post({ type: 'records', records: records.slice(i, i + PART), last: i + PART >= records.length, took });
}

// 'immutable': the live query's cached results are frozen and shared, not deep-copied on every run (the
// worker only reads and posts them)
const db = new SourcelightDB(DB_NAME, { cache: 'immutable' });

let subscription: Subscription | null = null;

globalThis.addEventListener('message', (event: MessageEvent<AuditWorkerStart>) => {
  if (event.data?.type !== 'start') return;
  subscription?.unsubscribe();
  let started = performance.now();
  subscription = liveQuery(() => {
    started = performance.now();
    return loadAuditRecords(db);
  }).subscribe({
    next: (records) => postRecords(records, performance.now() - started),
    error: (err: unknown) => post({ type: 'error', message: err instanceof Error ? err.message : String(err) }),
  });
});
