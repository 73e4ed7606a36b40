/**
 * Database queries and writes (pure core: the database is passed in). Every multi-record change runs in
 * one Dexie transaction, so a failure half-way leaves nothing half-written.
 */
import type { AnnotationInput, ArticleInput, PageRef, PageState, Saved } from '../messaging/contract';
import type { AnnotationRecord, ArticleRecord, SourcelightDB } from './schema';
import { sameSite } from './site';

/** A random id (RFC 4122 v4 where `crypto.randomUUID` exists). */
export function newId(): string {
  const c = globalThis.crypto;
  if (c?.randomUUID) return c.randomUUID();
  return 'id-' + Date.now().toString(36) + '-' + Math.random().toString(36).slice(2, 12);
}

/**
 * The page's canonical URL when it is on the page's own site, else null: a page may only point at its
 * own site's articles (a canonical naming another site is how one site would read another's notes).
 */
export function ownCanonical(page: PageRef): string | null {
  return page.canonicalUrl !== null && sameSite(page.canonicalUrl, page.url) ? page.canonicalUrl : null;
}

/**
 * Finds the saved article for a page by its URL, else by its canonical URL — only ever among articles
 * saved on the page's own site, so no page receives, orphans or overwrites another site's records.
 */
export async function findArticle(db: SourcelightDB, page: PageRef): Promise<ArticleRecord | undefined> {
  const mine = (a: ArticleRecord): boolean => sameSite(a.url, page.url);
  const byUrl = (await db.articles.where('url').equals(page.url).toArray()).find(mine);
  if (byUrl) return byUrl;
  const canonical = ownCanonical(page);
  if (canonical) {
    const byCanonUrl = (await db.articles.where('url').equals(canonical).toArray()).find(mine);
    if (byCanonUrl) return byCanonUrl;
    return (await db.articles.where('canonicalUrl').equals(canonical).toArray()).find(mine);
  }
  return undefined;
}

/** An article's annotations, oldest first. */
export function annotationsOf(db: SourcelightDB, articleId: string): Promise<AnnotationRecord[]> {
  return db.annotations.where('[articleId+createdAt]').between([articleId, -Infinity], [articleId, Infinity]).toArray();
}

/** The page's saved article and annotations (none when the page was never saved). */
export async function getPageState(db: SourcelightDB, page: PageRef): Promise<PageState> {
  return db.transaction('r', db.articles, db.annotations, db.corrections, async () => {
    const article = await findArticle(db, page);
    if (!article) return { article: null, annotations: [], corrections: [] };
    return {
      article,
      annotations: await annotationsOf(db, article.id),
      corrections: await db.corrections
        .where('[articleId+createdAt]')
        .between([article.id, -Infinity], [article.id, Infinity])
        .toArray(),
    };
  });
}

/**
 * The page's article record, created on first save or refreshed after (call inside a transaction on
 * `articles`, so concurrent saves from many tabs never create duplicates).
 */
export async function upsertArticle(db: SourcelightDB, input: ArticleInput, now: number): Promise<ArticleRecord> {
  const existing = await findArticle(db, input);
  // a canonical on another site is never stored, so it can never match a later lookup either
  const canonicalUrl = ownCanonical(input);
  const article: ArticleRecord = existing
    ? { ...existing, ...input, canonicalUrl, url: existing.url, id: existing.id, updatedAt: now }
    : { ...input, canonicalUrl, id: newId(), createdAt: now, updatedAt: now };
  await db.articles.put(article);
  return article;
}

/**
 * Saves an annotation, creating the article on first save and refreshing its metadata after — in one
 * transaction, so concurrent saves from many tabs never create duplicate articles.
 */
export async function saveAnnotation(
  db: SourcelightDB,
  input: { article: ArticleInput; annotation: AnnotationInput },
  now: number = Date.now(),
): Promise<Saved> {
  return db.transaction('rw', db.articles, db.annotations, async () => {
    const article = await upsertArticle(db, input.article, now);
    const annotation = annotationRecord(input.annotation, article.id, newId(), now);
    await db.annotations.add(annotation);
    return { article, annotation };
  });
}

/** An annotation record from its validated input (optional fields only when given). */
export function annotationRecord(a: AnnotationInput, articleId: string, id: string, now: number): AnnotationRecord {
  return {
    id,
    articleId,
    kind: a.kind,
    category: a.category,
    quote: a.quote,
    position: a.position,
    comment: a.comment,
    ...(a.speaker !== undefined ? { speaker: a.speaker } : {}),
    ...(a.quoteKind !== undefined ? { quoteKind: a.quoteKind } : {}),
    ...(a.anonymous !== undefined ? { anonymous: a.anonymous } : {}),
    ...(a.anonymityCue !== undefined ? { anonymityCue: a.anonymityCue } : {}),
    ...(a.anonymityReason !== undefined ? { anonymityReason: a.anonymityReason } : {}),
    ...(a.sourcing !== undefined ? { sourcing: a.sourcing } : {}),
    ...(a.speakerType !== undefined ? { speakerType: a.speakerType } : {}),
    ...(a.speakerKind !== undefined ? { speakerKind: a.speakerKind } : {}),
    ...(a.gender !== undefined ? { gender: a.gender } : {}),
    ...(a.genderGuess !== undefined ? { genderGuess: a.genderGuess } : {}),
    createdAt: now,
    updatedAt: now,
  };
}

/** Records which annotations anchored on the last visit and which did not. */
export async function setAnchorStatus(db: SourcelightDB, found: string[], orphaned: string[]): Promise<void> {
  await db.transaction('rw', db.annotations, async () => {
    for (const [ids, value] of [
      [found, false],
      [orphaned, true],
    ] as const) {
      const rows = await db.annotations.bulkGet(ids);
      const changed = rows.filter((r): r is AnnotationRecord => !!r && !!r.orphaned !== value);
      if (changed.length) await db.annotations.bulkPut(changed.map((r) => ({ ...r, orphaned: value })));
    }
  });
}

/** An article with its annotations, for the library view. */
export interface ArticleWithAnnotations {
  article: ArticleRecord;
  annotations: AnnotationRecord[];
}

/** Every saved article with its annotations, most recently updated first. */
export async function listLibrary(db: SourcelightDB): Promise<ArticleWithAnnotations[]> {
  return db.transaction('r', db.articles, db.annotations, async () => {
    const articles = await db.articles.orderBy('updatedAt').reverse().toArray();
    const all = await db.annotations.toArray();
    const by = new Map<string, AnnotationRecord[]>();
    for (const a of all) {
      const list = by.get(a.articleId);
      if (list) list.push(a);
      else by.set(a.articleId, [a]);
    }
    return articles.map((article) => ({
      article,
      annotations: (by.get(article.id) ?? []).sort((x, y) => y.createdAt - x.createdAt),
    }));
  });
}
