/**
 * The audit page's worker (glue, issue 16, speed): reads the audit's records (the write-time aggregate,
 * one small record per article) from the extension's database off the page's thread — IndexedDB is the extension origin's in a worker too — and posts them to
 * the page, again on every change to the saved data (Dexie's liveQuery: a save in the popup, the panel or
 * the background reaches it through Dexie's cross-context notification). Each answer starts with the
 * totals, counted from the records' flags, so the page can paint them before its view has even loaded;
 * the records follow once the page says it has painted them (`send`): decoding them on the page's thread
 * must not hold up that first frame. The page only renders.
 */
import { liveQuery, type Subscription } from 'dexie';
import { recordTotals, type AuditRecord } from '@/utils/audit/cache';
import { loadAuditRecords } from '@/utils/audit/worker-data';
import type { AuditWorkerReply, AuditWorkerRequest } from '@/utils/audit/worker-protocol';
import { DB_NAME, SourcelightDB } from '@/utils/db/schema';

const post = (reply: AuditWorkerReply) => globalThis.postMessage(reply);

/** Articles per message: a part the page decodes in a few milliseconds. */
const PART = 200;

/** Posts one answer's records in parts (an empty audit is one empty, last part). */
function postRecords(records: AuditRecord[], took: number): void {
  for (let i = 0; i === 0 || i < records.length; i += PART)
    post({ type: 'records', records: records.slice(i, i + PART), last: i + PART >= records.length, took });
}

// 'immutable': the live query's cached results are frozen and shared, not deep-copied on every run (the
// worker only reads and posts them)
const db = new SourcelightDB(DB_NAME, { cache: 'immutable' });

let subscription: Subscription | null = null;
// the records wait for the page's `send` (it paints the totals first, undisturbed); after it, every answer
// goes whole at once
let sending = false;
let held: { records: AuditRecord[]; took: number } | null = null;

/** Posts one answer: its totals at once, then its records (or holds them until the page asks). */
function answer(records: AuditRecord[], took: number): void {
  post({ type: 'totals', ...recordTotals(records) });
  if (sending) postRecords(records, took);
  else held = { records, took };
}

globalThis.addEventListener('message', (event: MessageEvent<AuditWorkerRequest>) => {
  if (event.data?.type === 'send') {
    sending = true;
    if (held) postRecords(held.records, held.took);
    held = null;
    return;
  }
  if (event.data?.type !== 'start') return;
  subscription?.unsubscribe();
  held = null;
  let started = performance.now();
  subscription = liveQuery(() => {
    started = performance.now();
    return loadAuditRecords(db);
  }).subscribe({
    next: (records) => answer(records, performance.now() - started),
    error: (err: unknown) => post({ type: 'error', message: err instanceof Error ? err.message : String(err) }),
  });
});
