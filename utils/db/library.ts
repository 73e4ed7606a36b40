/**
 * Library queries (pure core: the database is passed in): loading everything saved, an in-memory search
 * index built once per database change, the people index, note edits (guarded against concurrent edits in
 * two popups), and delete with an exact undo that survives the popup closing (a trash table).
 *
 * Why an in-memory index rather than Dexie queries per keystroke: search has to match substrings of titles,
 * quotes, notes and speakers, which no IndexedDB index can answer. The popup already holds every record
 * (it lists them), so the index is built once from the `useLiveQuery` result and each keystroke only scans
 * pre-folded strings in memory — no table is read while typing.
 */
import { correctAnnotations } from '../corrections/records';
import { foldCase, foldForSearch } from '../text/fold';
import { outletOf } from '../text/outlet';

import type {
  AnnotationRecord,
  ArticleRecord,
  CorrectionRecord,
  SourcelightDB,
  SourcingEntity,
  SourcingRecord,
} from './schema';

/** Everything saved: the raw records, as one consistent snapshot. */
export interface LibraryData {
  articles: ArticleRecord[];
  annotations: AnnotationRecord[];
  /** The reader's corrections (applied over saved quotes for display) and every saved sourcing. */
  corrections?: CorrectionRecord[];
  sourcing?: SourcingRecord[];
  /** Set by `loadFirstPage`: every article, but the annotations of the newest few only. */
  partial?: boolean;
}

/** Reads every article and annotation in one read transaction (a consistent snapshot). */
export async function loadLibrary(db: SourcelightDB): Promise<LibraryData> {
  return db.transaction('r', [db.articles, db.annotations, db.corrections, db.sourcing], async () => ({
    articles: await db.articles.toArray(),
    annotations: await db.annotations.toArray(),
    corrections: await db.corrections.toArray(),
    sourcing: await db.sourcing.toArray(),
  }));
}

/**
 * What the popup needs for its first paint: every article (small records), and the annotations of the
 * `count` most recently updated ones through the `[articleId+createdAt]` index — a few milliseconds even
 * with 10,000 annotations saved, where reading them all takes a few hundred on a slow machine. The popup
 * then loads everything (`loadLibrary`) for search, counts and scrolling.
 */
export async function loadFirstPage(db: SourcelightDB, count: number): Promise<LibraryData> {
  return db.transaction('r', [db.articles, db.annotations, db.corrections, db.sourcing], async () => {
    const newest = await db.articles.orderBy('updatedAt').reverse().limit(count).toArray();
    const rest = await db.articles.orderBy('updatedAt').reverse().offset(count).toArray();
    const annotations = (
      await Promise.all(
        newest.map((a) =>
          db.annotations.where('[articleId+createdAt]').between([a.id, -Infinity], [a.id, Infinity]).toArray(),
        ),
      )
    ).flat();
    const ids = newest.map((a) => a.id);
    const corrections = await db.corrections.where('articleId').anyOf(ids).toArray();
    const sourcing = await db.sourcing.where('articleId').anyOf(ids).toArray();
    return { articles: [...newest, ...rest], annotations, corrections, sourcing, partial: true };
  });
}

/** The kind filters of the library (a note is any annotation carrying the reader's own words). */
export type KindFilter = 'highlight' | 'note' | 'quote' | 'anonymous' | 'entity';

/** Every kind filter, in display order. */
export const KIND_FILTERS: readonly KindFilter[] = ['highlight', 'note', 'quote', 'anonymous', 'entity'];

/** Does the annotation pass this kind filter? */
export function matchesKind(a: AnnotationRecord, k: KindFilter): boolean {
  switch (k) {
    case 'highlight':
      return a.kind === 'highlight';
    case 'note':
      return a.kind === 'note' || a.comment.trim() !== '';
    case 'quote':
      return a.kind === 'quote';
    case 'anonymous':
      return a.kind === 'quote' && !!a.anonymous;
    case 'entity':
      return a.kind === 'entity';
  }
}

/** One article of the index with its annotations, newest first. */
export interface IndexedArticle {
  article: ArticleRecord;
  annotations: AnnotationRecord[];
  outlet: string;
  /** The article's saved sourcing (entity list and summary), when saved. */
  sourcing: SourcingRecord | null;
  /** Folded title, outlet and byline. */
  hay: string;
  /**
   * Folded text, note, speaker and cue of each annotation, parallel to `annotations`. Built on the first
   * search (or by `warmIndex` when the popup is idle), so the list can paint before any folding happens.
   */
  annotationHay: string[] | null;
}

/** The search index: articles newest first, with pre-folded search strings. */
export interface LibraryIndex {
  articles: IndexedArticle[];
  byId: Map<string, IndexedArticle>;
  /** Outlets with their article counts, most articles first. */
  sites: Array<{ site: string; count: number }>;
  annotationCount: number;
}

const newestFirst = (x: { updatedAt: number; id: string }, y: { updatedAt: number; id: string }) =>
  y.updatedAt - x.updatedAt || (x.id < y.id ? -1 : x.id > y.id ? 1 : 0);
const createdNewestFirst = (x: AnnotationRecord, y: AnnotationRecord) =>
  y.createdAt - x.createdAt || (x.id < y.id ? -1 : x.id > y.id ? 1 : 0);

/** Builds the search index (once per database change; linear in the number of records). */
export function buildIndex(data: LibraryData): LibraryIndex {
  const groups = new Map<string, AnnotationRecord[]>();
  const sourcing = new Map((data.sourcing ?? []).map((s) => [s.articleId, s]));
  for (const a of correctAnnotations(data.annotations, data.corrections ?? [])) {
    const list = groups.get(a.articleId);
    if (list) list.push(a);
    else groups.set(a.articleId, [a]);
  }
  const articles = [...data.articles].sort(newestFirst).map((article): IndexedArticle => {
    const annotations = (groups.get(article.id) ?? []).sort(createdNewestFirst);
    const outlet = outletOf(article);
    return {
      article,
      annotations,
      outlet,
      sourcing: sourcing.get(article.id) ?? null,
      hay: foldCase([article.title, outlet, article.byline ?? ''].join('\n')),
      annotationHay: null,
    };
  });
  const siteCounts = new Map<string, number>();
  for (const a of articles) siteCounts.set(a.outlet, (siteCounts.get(a.outlet) ?? 0) + 1);
  const sites = [...siteCounts]
    .map(([site, count]) => ({ site, count }))
    .sort((x, y) => y.count - x.count || x.site.localeCompare(y.site));
  return {
    articles,
    byId: new Map(articles.map((a) => [a.article.id, a])),
    sites,
    annotationCount: data.annotations.length,
  };
}

/** The annotations' search strings of one article, folded on first use. */
function annotationHay(ia: IndexedArticle): string[] {
  ia.annotationHay ??= ia.annotations.map((a) =>
    foldCase(a.quote.exact + '\n' + a.comment + '\n' + (a.speaker ?? '') + '\n' + (a.anonymityCue ?? '')),
  );
  return ia.annotationHay;
}

/** Folds every search string now (call when idle after the first paint, so the first keystroke is fast). */
export function warmIndex(index: LibraryIndex): void {
  for (const ia of index.articles) annotationHay(ia);
}

/** What the reader asked for: search text, kind filters (none = all kinds) and an outlet (null = all). */
export interface LibraryQuery {
  text: string;
  kinds: readonly KindFilter[];
  site: string | null;
}

/** An empty query: everything. */
export const ALL: LibraryQuery = { text: '', kinds: [], site: null };

/** One article of the results with the annotations that matched. */
export interface ResultGroup {
  article: ArticleRecord;
  outlet: string;
  annotations: AnnotationRecord[];
  /** How many annotations the article has in all. */
  total: number;
}

/** Is the query empty (shows everything)? */
export function isEmptyQuery(q: LibraryQuery): boolean {
  return q.text.trim() === '' && q.kinds.length === 0 && q.site === null;
}

/**
 * Searches the index. Every word of the query must occur in the annotation or in its article's title,
 * outlet or byline; an article whose title matches brings all its annotations (that pass the kind filter).
 * Articles without annotations show only when no kind filter is set.
 */
export function searchLibrary(index: LibraryIndex, q: LibraryQuery): ResultGroup[] {
  const words = foldForSearch(q.text).split(' ').filter(Boolean);
  const out: ResultGroup[] = [];
  for (const ia of index.articles) {
    if (q.site !== null && ia.outlet !== q.site) continue;
    // Words the article itself matches need not be in each annotation.
    const rest = words.filter((w) => !ia.hay.includes(w));
    const hays = rest.length ? annotationHay(ia) : null;
    const matched: AnnotationRecord[] = [];
    for (let i = 0; i < ia.annotations.length; i++) {
      const a = ia.annotations[i]!;
      if (q.kinds.length && !q.kinds.some((k) => matchesKind(a, k))) continue;
      if (hays) {
        const hay = hays[i]!;
        if (!rest.every((w) => hay.includes(w))) continue;
      }
      matched.push(a);
    }
    const keepEmpty = matched.length === 0 && q.kinds.length === 0 && rest.length === 0;
    if (matched.length || keepEmpty)
      out.push({ article: ia.article, outlet: ia.outlet, annotations: matched, total: ia.annotations.length });
  }
  return out;
}

/** Counts of an article's annotations by kind, for the list header and the export front matter. */
export interface KindCounts {
  highlights: number;
  notes: number;
  quotes: number;
  anonymous: number;
  entities: number;
}

/** Counts annotations by kind filter. */
export function countKinds(annotations: readonly AnnotationRecord[]): KindCounts {
  const c: KindCounts = { highlights: 0, notes: 0, quotes: 0, anonymous: 0, entities: 0 };
  for (const a of annotations) {
    if (a.kind === 'highlight') c.highlights++;
    else if (a.kind === 'note') c.notes++;
    else if (a.kind === 'quote') {
      c.quotes++;
      if (a.anonymous) c.anonymous++;
    } else if (a.kind === 'entity') c.entities++;
  }
  return c;
}

// ---------------------------------------------------------------------------------------------------------
// People

/** Someone's quotes and mentions in one article. */
export interface PersonInArticle {
  article: ArticleRecord;
  outlet: string;
  quotes: AnnotationRecord[];
  /** Saved entity annotations naming this person in the article. */
  mentions: number;
}

/** A speaker or person across every saved article (or all anonymous sources, together). */
export interface PersonEntry {
  /** Folded name, or "\u0000anonymous" for the anonymous-sources entry. */
  key: string;
  name: string;
  anonymous: boolean;
  quoteCount: number;
  articles: PersonInArticle[];
}

/** The key of the entry that gathers every anonymous source. */
export const ANONYMOUS_KEY = '\u0000anonymous';

/** Which index the people view shows: people (with every anonymous source) or organizations. */
export type PeopleKind = 'person' | 'organization';

/**
 * Every speaker of a saved quote, every saved person (or organization) entity, and every person (or
 * organization) of each article whose sourcing was saved, with their quotes per article (articles newest
 * first). Names match after folding case, accents and white space; anonymous quotes are gathered in one
 * "Anonymous sources" entry of the people view, since their descriptions ("a senior official") name nobody.
 * A speaker goes to the organizations view when the article's saved sourcing lists that name as an
 * organization; otherwise speakers are people, as before sourcing was saved.
 */
export function buildPeople(
  index: LibraryIndex,
  groups?: readonly ResultGroup[],
  kind: PeopleKind = 'person',
): PersonEntry[] {
  const people = new Map<string, PersonEntry>();
  const entry = (key: string, name: string, anonymous: boolean): PersonEntry => {
    let e = people.get(key);
    if (!e) people.set(key, (e = { key, name, anonymous, quoteCount: 0, articles: [] }));
    return e;
  };
  const inArticle = (e: PersonEntry, article: ArticleRecord, outlet: string): PersonInArticle => {
    let last = e.articles[e.articles.length - 1];
    if (!last || last.article.id !== article.id) e.articles.push((last = { article, outlet, quotes: [], mentions: 0 }));
    return last;
  };
  const named = (name: string, e: PersonEntry) => {
    // The fullest spelling wins as the display name.
    if (name.length > e.name.length) e.name = name;
  };
  const source = groups ?? index.articles;
  for (const g of source) {
    const entities: SourcingEntity[] = index.byId.get(g.article.id)?.sourcing?.entities ?? [];
    const typeOf = new Map(entities.map((e) => [foldForSearch(e.text), e.type]));
    // Oldest first within an article reads like the article.
    const list = [...g.annotations].reverse();
    for (const a of list) {
      if (a.kind === 'quote') {
        const name = a.speaker?.trim();
        if (a.anonymous) {
          if (kind !== 'person') continue;
          const e = entry(ANONYMOUS_KEY, 'Anonymous sources', true);
          inArticle(e, g.article, g.outlet).quotes.push(a);
          e.quoteCount++;
          continue;
        }
        if (!name) continue;
        const type = typeOf.get(foldForSearch(name)) ?? 'person';
        if (type !== kind) continue;
        const e = entry(foldForSearch(name), name, false);
        inArticle(e, g.article, g.outlet).quotes.push(a);
        e.quoteCount++;
      } else if (a.kind === 'entity' && a.category === kind) {
        const name = a.quote.exact.trim();
        if (!name) continue;
        const e = entry(foldForSearch(name), name, false);
        named(name, e);
        inArticle(e, g.article, g.outlet).mentions++;
      }
    }
    for (const s of entities) {
      if (s.type !== kind) continue;
      const name = s.text.trim();
      if (!name) continue;
      const e = entry(foldForSearch(name), name, false);
      named(name, e);
      inArticle(e, g.article, g.outlet).mentions += s.mentions;
    }
  }
  return [...people.values()].sort(
    (x, y) =>
      Number(x.anonymous) - Number(y.anonymous) ||
      y.quoteCount - x.quoteCount ||
      y.articles.length - x.articles.length ||
      x.name.localeCompare(y.name),
  );
}

// ---------------------------------------------------------------------------------------------------------
// Edits

/**
 * Records removed by a delete, exactly as they were, so undo can put them back. `id` names the delete's
 * trash record: the same snapshot is kept in the database until the undo window has passed.
 */
export interface UndoSnapshot {
  id: string;
  deletedAt: number;
  articles: ArticleRecord[];
  annotations: AnnotationRecord[];
  /** The deleted article's corrections and saved sourcing (absent in trash written before schema v3). */
  corrections?: CorrectionRecord[];
  sourcing?: SourcingRecord[];
}

/** How long a delete can be undone (ms), in this popup or in one opened again meanwhile. */
export const UNDO_WINDOW_MS = 10_000;

/** Replaces an annotation's note. Returns false when the annotation no longer exists. */
export async function updateNote(
  db: SourcelightDB,
  id: string,
  comment: string,
  now: number = Date.now(),
): Promise<boolean> {
  const changed = await db.annotations.update(id, { comment, updatedAt: now });
  return changed === 1;
}

/** What a guarded note save did. */
export type NoteSave =
  | { status: 'saved'; annotation: AnnotationRecord }
  | { status: 'missing' }
  /** Someone else (another popup, a restore) changed the annotation since the edit began; nothing written. */
  | { status: 'conflict'; current: AnnotationRecord };

/**
 * Saves a note edit only if the annotation is still the version the edit started from (`baseUpdatedAt`,
 * optimistic concurrency): two popups editing one note must not let the last save silently erase the
 * first. Check and write are one transaction. The new `updatedAt` is always later than the old one, even
 * within one millisecond, so a later edit started from this version is never mistaken for it.
 */
export async function saveNote(
  db: SourcelightDB,
  id: string,
  comment: string,
  baseUpdatedAt: number,
  now: number = Date.now(),
): Promise<NoteSave> {
  return db.transaction('rw', db.annotations, async (): Promise<NoteSave> => {
    const current = await db.annotations.get(id);
    if (!current) return { status: 'missing' };
    if (current.updatedAt !== baseUpdatedAt) return { status: 'conflict', current };
    const annotation = { ...current, comment, updatedAt: Math.max(now, current.updatedAt + 1) };
    await db.annotations.put(annotation);
    return { status: 'saved', annotation };
  });
}

const newTrashId = () => `trash-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 10)}`;

/** Deletes annotations (one transaction, with their trash record) and returns them for undo. */
export async function deleteAnnotations(
  db: SourcelightDB,
  ids: readonly string[],
  message = 'Annotation deleted.',
  now: number = Date.now(),
): Promise<UndoSnapshot> {
  return db.transaction('rw', db.annotations, db.trash, async () => {
    const rows = (await db.annotations.bulkGet([...ids])).filter((r): r is AnnotationRecord => !!r);
    await db.annotations.bulkDelete(rows.map((r) => r.id));
    const snap: UndoSnapshot = { id: newTrashId(), deletedAt: now, articles: [], annotations: rows };
    await db.trash.put({ ...snap, message });
    await purgeTrashIn(db, now);
    return snap;
  });
}

/** Deletes an article with all its annotations (one transaction, with its trash record) for undo. */
export async function deleteArticle(
  db: SourcelightDB,
  articleId: string,
  message = 'Article deleted.',
  now: number = Date.now(),
): Promise<UndoSnapshot> {
  return db.transaction('rw', [db.articles, db.annotations, db.trash, db.corrections, db.sourcing], async () => {
    const article = await db.articles.get(articleId);
    const annotations = await db.annotations.where('articleId').equals(articleId).toArray();
    // the article's corrections and saved sourcing go with it, and come back with undo
    const corrections = await db.corrections.where('articleId').equals(articleId).toArray();
    const sourcing = await db.sourcing.where('articleId').equals(articleId).toArray();
    await db.annotations.bulkDelete(annotations.map((a) => a.id));
    await db.corrections.bulkDelete(corrections.map((c) => c.id));
    await db.sourcing.bulkDelete(sourcing.map((c) => c.id));
    await db.articles.delete(articleId);
    const snap: UndoSnapshot = {
      id: newTrashId(),
      deletedAt: now,
      articles: article ? [article] : [],
      annotations,
      corrections,
      sourcing,
    };
    await db.trash.put({ ...snap, message });
    await purgeTrashIn(db, now);
    return snap;
  });
}

/** Removes trash whose undo window has passed (inside the caller's transaction). */
async function purgeTrashIn(db: SourcelightDB, now: number): Promise<void> {
  await db.trash
    .where('deletedAt')
    .belowOrEqual(now - UNDO_WINDOW_MS)
    .delete();
}

/** Removes every trash record whose undo window has passed: deleted data is not kept beyond it. */
export async function purgeTrash(db: SourcelightDB, now: number = Date.now()): Promise<void> {
  await db.transaction('rw', db.trash, () => purgeTrashIn(db, now));
}

/** An undo still on offer: the newest delete within the window, its message and the time left. */
export interface PendingUndo {
  snapshot: UndoSnapshot;
  message: string;
  remainingMs: number;
}

/**
 * The newest delete that can still be undone (purging the expired ones first), or null. The popup calls it
 * when it opens, so a delete made just before the popup closed is still undoable.
 */
export async function pendingUndo(db: SourcelightDB, now: number = Date.now()): Promise<PendingUndo | null> {
  return db.transaction('rw', db.trash, async () => {
    await purgeTrashIn(db, now);
    const last = await db.trash.orderBy('deletedAt').last();
    if (!last) return null;
    const remainingMs = last.deletedAt + UNDO_WINDOW_MS - now;
    if (remainingMs <= 0) return null;
    const { message, ...snapshot } = last;
    return { snapshot, message, remainingMs };
  });
}

/**
 * Undoes a delete: puts the records back exactly (same ids and timestamps), in one transaction. If the
 * article was saved again meanwhile (a new record under the same URL), the restored annotations join that
 * record instead, since the URL is unique. Returns false, changing nothing, when the delete's trash record
 * is gone: another popup already undid it (restoring twice would overwrite edits made since), or its
 * window ran out and it was purged.
 */
export async function restoreSnapshot(db: SourcelightDB, snap: UndoSnapshot): Promise<boolean> {
  return db.transaction('rw', [db.articles, db.annotations, db.trash, db.corrections, db.sourcing], async () => {
    if (!(await db.trash.get(snap.id))) return false;
    // Undone: the trash record goes, so a reopened popup does not offer the same undo again.
    await db.trash.delete(snap.id);
    const remap = new Map<string, string>();
    for (const article of snap.articles) {
      const clash = await db.articles.where('url').equals(article.url).first();
      if (clash && clash.id !== article.id) remap.set(article.id, clash.id);
      else await db.articles.put(article);
    }
    const home = <T extends { articleId: string }>(a: T): T =>
      remap.has(a.articleId) ? { ...a, articleId: remap.get(a.articleId)! } : a;
    await db.annotations.bulkPut(snap.annotations.map(home));
    await db.corrections.bulkPut((snap.corrections ?? []).map(home));
    // a sourcing saved again meanwhile (same article) is newer: keep it
    for (const s of (snap.sourcing ?? []).map(home))
      if (!(await db.sourcing.where('articleId').equals(s.articleId).first())) await db.sourcing.put(s);
    return true;
  });
}
