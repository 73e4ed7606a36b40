/**
 * Backup and restore of the whole database as JSON (pure core: the database is passed in).
 *
 * A backup is `{ format: "sourcelight-backup", version, schemaVersion, exportedAt, articles, annotations,
 * corrections, sourcing }` (the last two since schema v3; a backup without them is still read).
 * Import validates the whole file with zod before touching the database, so a bad or foreign file is
 * rejected with a message a person can act on and changes nothing; the write is one transaction. Ids are
 * stable uuids, so importing the same backup twice merges (newer `updatedAt` wins) instead of doubling.
 *
 * A backup is a hostile file until validated (docs/trust.md, "Backups"): timestamps must be whole
 * milliseconds inside the JavaScript `Date` range (1e300 once made every date in the popup throw), URLs must
 * be http(s) (a `javascript:` URL would become a link in a Markdown export), and keys the schema does not
 * know are dropped rather than stored. One bad record rejects the whole file, naming that record: nothing
 * is imported half-way, so nothing is silently lost, and the reader can fix or report the file.
 */
import { z } from 'zod';
import {
  AnnotationInputSchema,
  ArticleInputSchema,
  CorrectionInputSchema,
  SaveSourcingSchema,
  TextQuoteSchema,
  type Result,
} from '../messaging/contract';
import { escapeBidi, isHttpUrl } from '../export/sanitize';
import { MAX_TAG_LENGTH, MAX_TAGS } from './tags';
import {
  SCHEMA_VERSION,
  type AnnotationRecord,
  type ArticleRecord,
  type CorrectionRecord,
  type SourcelightDB,
  type SourcingRecord,
} from './schema';

/** The `format` marker of a Sourcelight backup. */
export const BACKUP_FORMAT = 'sourcelight-backup';
/** The backup layout version this code writes and reads. */
export const BACKUP_VERSION = 1;

/** A whole-database backup. */
export interface Backup {
  format: typeof BACKUP_FORMAT;
  version: number;
  schemaVersion: number;
  exportedAt: string;
  articles: ArticleRecord[];
  annotations: AnnotationRecord[];
  /** The reader's corrections (absent in backups made before schema v3). */
  corrections?: CorrectionRecord[];
  /** Saved sourcing, one per article (absent in backups made before schema v3). */
  sourcing?: SourcingRecord[];
}

const id = z.string().min(1).max(200);

/** The largest |time| a JavaScript `Date` can hold (ECMA-262: 8.64e15 ms either side of 1970). */
export const MAX_DATE_MS = 8.64e15;

/** A timestamp: whole milliseconds that `new Date()` can hold, so formatting it can never throw. */
const time = z
  .number()
  // range first: zod reports checks in order, and 1e300 should read "beyond the last date", not "not whole"
  .min(0, 'must not be before 1970')
  .max(MAX_DATE_MS, 'is beyond the last date JavaScript can represent')
  .int('must be a whole number of milliseconds');

const httpUrl = ArticleInputSchema.shape.url.refine(isHttpUrl, 'must be an http(s) URL');

// Records reuse the message contract's field rules, so a backup can hold nothing a save could not; but as
// plain (stripping) objects: a key this version does not know is dropped, never stored, never rejected.
const ArticleRecordSchema = z.object({
  ...ArticleInputSchema.shape,
  url: httpUrl,
  canonicalUrl: httpUrl.nullable(),
  tags: z.array(z.string().min(1).max(MAX_TAG_LENGTH)).max(MAX_TAGS).optional(),
  id,
  createdAt: time,
  updatedAt: time,
});
const AnnotationRecordSchema = z.object({
  ...AnnotationInputSchema.shape,
  quote: z.object(TextQuoteSchema.shape),
  position: z
    .object({ start: z.number().int().nonnegative(), end: z.number().int().nonnegative() })
    .refine((p) => p.end >= p.start, 'end must not precede start')
    .nullable(),
  id,
  articleId: id,
  orphaned: z.boolean().optional(),
  createdAt: time,
  updatedAt: time,
});

const position = z
  .object({ start: z.number().int().nonnegative(), end: z.number().int().nonnegative() })
  .refine((p) => p.end >= p.start, 'end must not precede start');
const CorrectionRecordSchema = z.object({
  ...CorrectionInputSchema.shape,
  quote: z.object(TextQuoteSchema.shape),
  position: position.nullable(),
  machine: z.object(CorrectionInputSchema.shape.machine.unwrap().shape).nullable(),
  id,
  articleId: id,
  createdAt: time,
  updatedAt: time,
});
const sourcingShape = SaveSourcingSchema.shape;
const SourcingRecordSchema = z.object({
  entities: z.array(z.object(sourcingShape.entities.element.shape)).max(20_000),
  summary: z.object({
    ...sourcingShape.summary.shape,
    speakers: z.array(z.object(sourcingShape.summary.shape.speakers.element.shape)).max(20_000),
  }),
  id,
  articleId: id,
  createdAt: time,
  updatedAt: time,
});

const BackupSchema = z.object({
  format: z.literal(BACKUP_FORMAT),
  version: z.literal(BACKUP_VERSION),
  schemaVersion: z.number().int().positive(),
  exportedAt: z.string().max(100),
  articles: z.array(ArticleRecordSchema).max(1_000_000),
  annotations: z.array(AnnotationRecordSchema).max(10_000_000),
  corrections: z.array(CorrectionRecordSchema).max(10_000_000).optional(),
  sourcing: z.array(SourcingRecordSchema).max(1_000_000).optional(),
});

/** Reads the whole database into a backup (one read transaction: a consistent snapshot). */
export async function exportBackup(db: SourcelightDB, now: number = Date.now()): Promise<Backup> {
  return db.transaction('r', [db.articles, db.annotations, db.corrections, db.sourcing], async () => ({
    format: BACKUP_FORMAT,
    version: BACKUP_VERSION,
    schemaVersion: SCHEMA_VERSION,
    exportedAt: new Date(now).toISOString(),
    articles: await db.articles.orderBy('createdAt').toArray(),
    annotations: await db.annotations.orderBy('createdAt').toArray(),
    corrections: await db.corrections.orderBy('createdAt').toArray(),
    sourcing: await db.sourcing.orderBy('updatedAt').toArray(),
  }));
}

/**
 * The backup as the text of a `.json` file. Bidi controls are written as `\uXXXX` escapes: the file reads
 * the same in any editor, and a restore gets the exact text back (a backup must lose nothing).
 */
export function serializeBackup(backup: Backup): string {
  return escapeBidi(JSON.stringify(backup, null, 1)) + '\n';
}

/** The file name of a backup made at `now`. */
export function backupFileName(now: number = Date.now()): string {
  return `sourcelight-backup-${new Date(now).toISOString().slice(0, 10)}.json`;
}

/**
 * Formats the first zod issue as "where: what", naming the record by its position and id (a person can
 * find `"id": "…"` in the file) — e.g. `article 3 (id a1b2): updatedAt is beyond the last date …`.
 */
function describeIssue(error: z.ZodError, raw: unknown): string {
  const first = error.issues[0];
  if (!first) return 'unknown problem';
  const [list, index, ...rest] = first.path;
  const NAMES: Record<string, string> = {
    articles: 'article',
    annotations: 'annotation',
    corrections: 'correction',
    sourcing: 'saved sourcing',
  };
  if (typeof list === 'string' && list in NAMES && typeof index === 'number') {
    const record: unknown = (raw as Record<string, unknown[]>)[list]?.[index];
    const rid = typeof record === 'object' && record !== null ? (record as { id?: unknown }).id : undefined;
    const what = `${NAMES[list]} ${index + 1}${typeof rid === 'string' ? ` (id ${rid.slice(0, 80)})` : ''}`;
    return rest.length ? `${what}: ${rest.join('.')} ${first.message}` : `${what}: ${first.message}`;
  }
  const where = first.path.length ? first.path.map(String).join('.') : 'file';
  return `${where}: ${first.message}`;
}

/**
 * zod's output with the input's key order (zod orders keys as its schema does): a backup that round-trips
 * stays byte-stable. Keys zod dropped stay dropped.
 */
function inInputOrder<T>(parsed: T, raw: unknown): T {
  if (Array.isArray(parsed) && Array.isArray(raw)) return parsed.map((v, i) => inInputOrder(v, raw[i])) as T;
  if (typeof parsed !== 'object' || parsed === null || typeof raw !== 'object' || raw === null) return parsed;
  const out: Record<string, unknown> = {};
  const p = parsed as Record<string, unknown>;
  for (const k of Object.keys(raw)) if (k in p) out[k] = inInputOrder(p[k], (raw as Record<string, unknown>)[k]);
  for (const k of Object.keys(p)) if (!(k in out)) out[k] = p[k];
  return out as T;
}

/**
 * Parses and validates a backup file's text. Errors say what is wrong in words a reader can act on:
 * not JSON, not a Sourcelight backup, from a newer version, or damaged (with the first bad field).
 */
export function parseBackup(text: string): Result<Backup> {
  let raw: unknown;
  try {
    raw = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch {
    return { ok: false, error: 'This file is not a Sourcelight backup: it is not valid JSON.' };
  }
  if (typeof raw !== 'object' || raw === null || (raw as { format?: unknown }).format !== BACKUP_FORMAT)
    return { ok: false, error: 'This file is not a Sourcelight backup (it has no "format": "sourcelight-backup").' };
  const version = (raw as { version?: unknown }).version;
  if (typeof version === 'number' && version > BACKUP_VERSION)
    return {
      ok: false,
      error: `This backup was made by a newer version of Sourcelight (backup format ${version}); update the extension first.`,
    };
  const parsed = BackupSchema.safeParse(raw);
  if (!parsed.success)
    return {
      ok: false,
      error: `This backup is damaged and nothing was imported: ${describeIssue(parsed.error, raw)}.`,
    };
  const b = inInputOrder(parsed.data, raw) as Backup;
  // Cross-record rules a schema cannot express: unique ids and URLs, annotations pointing at articles.
  const articleIds = new Set<string>();
  const urls = new Set<string>();
  for (const a of b.articles) {
    if (articleIds.has(a.id)) return { ok: false, error: `This backup is damaged: article ${a.id} appears twice.` };
    if (urls.has(a.url)) return { ok: false, error: `This backup is damaged: two articles have the URL ${a.url}.` };
    articleIds.add(a.id);
    urls.add(a.url);
  }
  const annotationIds = new Set<string>();
  for (const a of b.annotations) {
    if (annotationIds.has(a.id))
      return { ok: false, error: `This backup is damaged: annotation ${a.id} appears twice.` };
    if (!articleIds.has(a.articleId))
      return { ok: false, error: `This backup is damaged: annotation ${a.id} belongs to no article in the file.` };
    annotationIds.add(a.id);
  }
  const correctionIds = new Set<string>();
  for (const c of b.corrections ?? []) {
    if (correctionIds.has(c.id))
      return { ok: false, error: `This backup is damaged: correction ${c.id} appears twice.` };
    if (!articleIds.has(c.articleId))
      return { ok: false, error: `This backup is damaged: correction ${c.id} belongs to no article in the file.` };
    correctionIds.add(c.id);
  }
  const sourced = new Set<string>();
  for (const s of b.sourcing ?? []) {
    if (!articleIds.has(s.articleId))
      return { ok: false, error: `This backup is damaged: saved sourcing ${s.id} belongs to no article in the file.` };
    if (sourced.has(s.articleId))
      return { ok: false, error: `This backup is damaged: article ${s.articleId} has two saved sourcings.` };
    sourced.add(s.articleId);
  }
  return { ok: true, value: b };
}

/** What an import did. */
export interface ImportSummary {
  articlesAdded: number;
  articlesUpdated: number;
  annotationsAdded: number;
  annotationsUpdated: number;
  /** Corrections and saved sourcings added or replaced by newer ones. */
  correctionsAdded?: number;
  sourcingAdded?: number;
  /** Records already present and as new as the backup's. */
  unchanged: number;
}

/**
 * Merges a validated backup into the database in one transaction. A record whose id exists is replaced
 * only when the backup's copy is newer (`updatedAt`); an article saved here under another id but the same
 * URL keeps its local id and receives the backup's annotations. Nothing is deleted.
 */
export async function importBackup(db: SourcelightDB, backup: Backup): Promise<ImportSummary> {
  const s: ImportSummary = {
    articlesAdded: 0,
    articlesUpdated: 0,
    annotationsAdded: 0,
    annotationsUpdated: 0,
    correctionsAdded: 0,
    sourcingAdded: 0,
    unchanged: 0,
  };
  await db.transaction('rw', [db.articles, db.annotations, db.corrections, db.sourcing], async () => {
    const remap = new Map<string, string>();
    const existing = await db.articles.bulkGet(backup.articles.map((a) => a.id));
    const putArticles: ArticleRecord[] = [];
    for (let i = 0; i < backup.articles.length; i++) {
      const incoming = backup.articles[i]!;
      let local = existing[i];
      if (!local) {
        local = await db.articles.where('url').equals(incoming.url).first();
        if (local) remap.set(incoming.id, local.id);
      }
      if (!local) {
        putArticles.push(incoming);
        s.articlesAdded++;
      } else if (incoming.updatedAt > local.updatedAt) {
        putArticles.push({
          ...incoming,
          id: local.id,
          url: local.url,
          createdAt: Math.min(local.createdAt, incoming.createdAt),
        });
        s.articlesUpdated++;
      } else s.unchanged++;
    }
    await db.articles.bulkPut(putArticles);

    const annotations = backup.annotations.map((a) =>
      remap.has(a.articleId) ? { ...a, articleId: remap.get(a.articleId)! } : a,
    );
    const have = await db.annotations.bulkGet(annotations.map((a) => a.id));
    const putAnnotations: AnnotationRecord[] = [];
    annotations.forEach((a, i) => {
      const local = have[i];
      if (!local) {
        putAnnotations.push(a);
        s.annotationsAdded++;
      } else if (a.updatedAt > local.updatedAt) {
        putAnnotations.push(a);
        s.annotationsUpdated++;
      } else s.unchanged++;
    });
    await db.annotations.bulkPut(putAnnotations);

    const home = <T extends { articleId: string }>(r: T): T =>
      remap.has(r.articleId) ? { ...r, articleId: remap.get(r.articleId)! } : r;
    const corrections = (backup.corrections ?? []).map(home);
    const haveCorrections = await db.corrections.bulkGet(corrections.map((c) => c.id));
    const putCorrections = corrections.filter((c, i) => {
      const local = haveCorrections[i];
      if (local && c.updatedAt <= local.updatedAt) {
        s.unchanged++;
        return false;
      }
      s.correctionsAdded!++;
      return true;
    });
    await db.corrections.bulkPut(putCorrections);
    // one saved sourcing per article: the newer one wins, under the local record's id; written in one
    // bulk put (one write for the audit's records to follow, not one per article)
    const incomingSourcing = (backup.sourcing ?? []).map(home);
    const localSourcing = await db.sourcing
      .where('articleId')
      .anyOf(incomingSourcing.map((x) => x.articleId))
      .toArray();
    const pending = new Map(localSourcing.map((x) => [x.articleId, x] as const));
    const putSourcing = new Map<string, SourcingRecord>();
    for (const incoming of incomingSourcing) {
      const local = pending.get(incoming.articleId);
      if (local && incoming.updatedAt <= local.updatedAt) {
        s.unchanged++;
        continue;
      }
      const next = local ? { ...incoming, id: local.id } : incoming;
      pending.set(incoming.articleId, next);
      putSourcing.set(incoming.articleId, next);
      s.sourcingAdded!++;
    }
    await db.sourcing.bulkPut([...putSourcing.values()]);
  });
  return s;
}

/** Validates a backup file's text and imports it; a rejected file changes nothing. */
export async function importBackupText(db: SourcelightDB, text: string): Promise<Result<ImportSummary>> {
  const parsed = parseBackup(text);
  if (!parsed.ok) return parsed;
  try {
    return { ok: true, value: await importBackup(db, parsed.value) };
  } catch (err) {
    return { ok: false, error: `The backup could not be imported; nothing was changed (${(err as Error).message}).` };
  }
}

/** A one-line description of an import, for the popup. */
export function describeImport(s: ImportSummary): string {
  const parts = [
    s.articlesAdded && `${s.articlesAdded} article${s.articlesAdded === 1 ? '' : 's'} added`,
    s.annotationsAdded && `${s.annotationsAdded} annotation${s.annotationsAdded === 1 ? '' : 's'} added`,
    s.correctionsAdded && `${s.correctionsAdded} correction${s.correctionsAdded === 1 ? '' : 's'}`,
    s.sourcingAdded && `${s.sourcingAdded} saved sourcing${s.sourcingAdded === 1 ? '' : 's'}`,
    s.articlesUpdated + s.annotationsUpdated && `${s.articlesUpdated + s.annotationsUpdated} updated`,
  ].filter(Boolean);
  return parts.length ? `Imported: ${parts.join(', ')}.` : 'Nothing new: everything in this backup is already here.';
}
