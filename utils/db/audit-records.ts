/**
 * Keeps the `auditRecords` store (utils/audit/cache.ts) exact, in the same transaction as every write that
 * changes it (pure core: a Dexie DBCore middleware, no globals). Why a middleware and not a call in each
 * write path or a revision stamp: it sees every mutation of the four stores the audit is computed from —
 * saved sourcing, claims, corrections, articles and their tags, deletes, undo, backup restore, and any
 * write path added later — at the one level every Dexie API goes through (put, add, update, modify, bulk
 * writes, deletes by key or range, clear). A read-write transaction on any of those stores is widened to
 * them all plus `auditRecords`; after each mutation, the records of the articles it touched (before and
 * after: a record that moved to another article counts for both) are computed again from what the
 * transaction now holds, and written there. A failed transaction rolls the records back with the data, so
 * they can never be stale; a revision stamp could only detect staleness when reading.
 */
import Dexie, {
  type DBCore,
  type DBCoreMutateRequest,
  type DBCoreMutateResponse,
  type DBCoreTable,
  type DBCoreTransaction,
  type Middleware,
} from 'dexie';
import { auditRecordsFrom } from '../audit/cache';
import type { AnnotationRecord, ArticleRecord, CorrectionRecord, SourcingRecord } from './schema';

/** The store the records live in. */
export const AUDIT_STORE = 'auditRecords';

/** The stores the records are computed from. */
export const AUDIT_SOURCES: readonly string[] = ['articles', 'annotations', 'corrections', 'sourcing'];

/** Above this many touched articles, one read of each store is cheaper than an index query per article. */
const WHOLE_READ_ABOVE = 50;

// DBCore range types (a const enum in Dexie's typings, so not importable at run time)
const EQUAL = 1;
const ANY = 3;

/** The stores a DBCore transaction spans (the IndexedDB transaction underneath). */
function spans(trans: DBCoreTransaction, store: string): boolean {
  const names = (trans as unknown as Partial<IDBTransaction>).objectStoreNames;
  return !!names && names.contains(store);
}

/** The article a record of a source store belongs to. */
function articleOf(table: string, record: unknown): string | undefined {
  if (!record || typeof record !== 'object') return undefined;
  const r = record as { id?: unknown; articleId?: unknown };
  const id = table === 'articles' ? r.id : r.articleId;
  return typeof id === 'string' ? id : undefined;
}

/** Every source read in Dexie's own promises: their `then` keeps the transaction's zone (a native await would not). */
const all = <T>(list: (T | PromiseLike<T>)[]): PromiseLike<T[]> => Dexie.Promise.all(list);

/** The primary keys a mutation touches (a range is resolved to the keys in it now). */
function keysOf(table: DBCoreTable, req: DBCoreMutateRequest): PromiseLike<unknown[]> {
  if (req.type === 'deleteRange')
    return table
      .query({ trans: req.trans, values: false, query: { index: table.schema.primaryKey, range: req.range } })
      .then((res) => res.result);
  if (req.type === 'delete') return Dexie.Promise.resolve(req.keys);
  const extract = table.schema.primaryKey.extractKey;
  const updated = req.type === 'put' ? req.updates?.keys : undefined;
  return Dexie.Promise.resolve(req.keys ?? updated ?? (extract ? req.values.map((v) => extract(v)) : []));
}

/** The articles whose records of `table` have these keys now. */
function articlesAt(table: DBCoreTable, trans: DBCoreTransaction, keys: unknown[]): PromiseLike<string[]> {
  if (table.name === 'articles') return Dexie.Promise.resolve(keys.filter((k): k is string => typeof k === 'string'));
  if (!keys.length) return Dexie.Promise.resolve([]);
  return table
    .getMany({ trans, keys })
    .then((rows) => rows.map((r) => articleOf(table.name, r)).filter((id): id is string => id !== undefined));
}

/** Every record of an index's value, or of the whole store with `value` undefined. */
function readBy<T>(table: DBCoreTable, trans: DBCoreTransaction, keyPath: string, value?: string): PromiseLike<T[]> {
  const index = table.schema.getIndexByKeyPath(keyPath) ?? table.schema.primaryKey;
  const range =
    value === undefined
      ? { type: ANY, lower: undefined, upper: undefined }
      : { type: EQUAL, lower: value, upper: value };
  return table.query({ trans, values: true, query: { index, range } }).then((res) => res.result as T[]);
}

/** Throws the first failure of a mutation of the records (the transaction then aborts, data and records). */
function check(res: DBCoreMutateResponse): void {
  const first = Object.values(res.failures)[0];
  if (res.numFailures) throw first ?? new Error('audit records: a write failed');
}

/** Computes the records of `ids` from what `trans` holds now and writes them (or removes them). */
export function refreshAuditRecords(
  core: DBCore,
  trans: DBCoreTransaction,
  ids: ReadonlySet<string>,
): PromiseLike<void> {
  if (!ids.size) return Dexie.Promise.resolve();
  const t = (name: string) => core.table(name);
  const list = [...ids].sort();
  const per = <T>(name: string) =>
    all(list.map((id) => readBy<T>(t(name), trans, 'articleId', id))).then((r) => r.flat());
  const whole = list.length > WHOLE_READ_ABOVE;
  const byId = (x: { id: string }, y: { id: string }) => (x.id < y.id ? -1 : x.id > y.id ? 1 : 0);
  return all<unknown[]>([
    t('articles').getMany({ trans, keys: list }),
    whole ? readBy<SourcingRecord>(t('sourcing'), trans, 'articleId') : per<SourcingRecord>('sourcing'),
    whole ? readBy<AnnotationRecord>(t('annotations'), trans, 'kind', 'quote') : per<AnnotationRecord>('annotations'),
    whole ? readBy<CorrectionRecord>(t('corrections'), trans, 'id') : per<CorrectionRecord>('corrections'),
  ]).then(([articles, sourcing, annotations, corrections]) => {
    const records = auditRecordsFrom({
      articles: (articles as (ArticleRecord | undefined)[]).filter((a): a is ArticleRecord => !!a),
      sourced: new Set((sourcing as SourcingRecord[]).map((s) => s.articleId).filter((id) => ids.has(id))),
      quotes: (annotations as AnnotationRecord[]).filter((a) => a.kind === 'quote' && ids.has(a.articleId)).sort(byId),
      corrections: (corrections as CorrectionRecord[]).filter((c) => ids.has(c.articleId)).sort(byId),
    });
    const kept = new Set(records.map((r) => r.articleId));
    const gone = list.filter((id) => !kept.has(id));
    const store = t(AUDIT_STORE);
    return all([
      gone.length ? store.mutate({ trans, type: 'delete', keys: gone }).then(check) : undefined,
      records.length
        ? store.mutate({ trans, type: 'put', values: records, keys: records.map((r) => r.articleId) }).then(check)
        : undefined,
    ]).then(() => undefined);
  });
}

/** The middleware; install it with `db.use(auditRecordsMiddleware)` (the schema's constructor does). */
export const auditRecordsMiddleware: Middleware<DBCore> = {
  stack: 'dbcore',
  name: 'AuditRecords',
  create(down) {
    const core: DBCore = {
      ...down,
      transaction(stores, mode, options) {
        const widen = mode === 'readwrite' && stores.some((s) => AUDIT_SOURCES.includes(s));
        return down.transaction(
          widen ? [...new Set([...stores, ...AUDIT_SOURCES, AUDIT_STORE])] : stores,
          mode,
          options,
        );
      },
      table(name) {
        const table = down.table(name);
        if (!AUDIT_SOURCES.includes(name)) return table;
        return {
          ...table,
          mutate(req) {
            // a transaction without the store: an upgrade to a version before it existed
            if (!spans(req.trans, AUDIT_STORE)) return table.mutate(req);
            const { trans } = req;
            // where the records were: an added record was nowhere (had its key existed, the add fails)
            const before = (keys: unknown[]) =>
              req.type === 'add' ? Dexie.Promise.resolve([]) : articlesAt(table, trans, keys);
            // where they are now: the written values themselves, unless they are partial (an upsert's updates)
            const after = (keys: unknown[]) =>
              req.type === 'delete' || req.type === 'deleteRange'
                ? Dexie.Promise.resolve([])
                : req.type === 'put' && req.updates
                  ? articlesAt(table, trans, keys)
                  : Dexie.Promise.resolve(
                      req.values.map((v) => articleOf(name, v)).filter((id): id is string => id !== undefined),
                    );
            return keysOf(table, req).then((keys) =>
              before(keys).then((was) =>
                table.mutate(req).then((res) =>
                  after(keys)
                    .then((now) => refreshAuditRecords(down, trans, new Set([...was, ...now])))
                    .then(() => res),
                ),
              ),
            ) as Promise<DBCoreMutateResponse>;
          },
        };
      },
    };
    return core;
  },
};
