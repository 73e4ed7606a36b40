/**
 * The audit worker's loader (utils/audit/worker-data.ts) on fake-indexeddb: it gives exactly what the
 * audit page computed on its own thread before the worker (every article, claim, correction and saved
 * sourcing read whole, then mapped), and inside a Dexie live query it answers again after a change.
 */
// Dexie's live queries look for the global IndexedDB, even on a database given its own
import 'fake-indexeddb/auto';
import { liveQuery } from 'dexie';
import { describe, expect, test } from 'vitest';
import { freshDb } from '../db/helpers';
import { auditArticlesFrom } from '../../../utils/audit/records';
import type { AuditArticle } from '../../../utils/audit/aggregate';
import { createAuditLoader } from '../../../utils/audit/worker-data';
import { correctAnnotations } from '../../../utils/corrections/records';
import type { AnnotationRecord, ArticleRecord, CorrectionRecord, SourcelightDB } from '../../../utils/db/schema';
import { setArticleTags } from '../../../utils/db/tags';

const T0 = Date.UTC(2026, 10, 20);

const article = (n: number, over: Partial<ArticleRecord> = {}): ArticleRecord => ({
  id: `a${n}`,
  url: `https://outlet${n % 2}.example/${n}`,
  canonicalUrl: null,
  title: `Story ${n}`,
  byline: null,
  siteName: null,
  publishedTime: n === 3 ? null : new Date(T0 - n * 864e5).toISOString(),
  excerpt: null,
  textLength: 1000,
  textHash: `h${n}`,
  createdAt: T0 + n,
  updatedAt: T0 + n,
  ...over,
});

const quote = (id: string, articleId: string, over: Partial<AnnotationRecord> = {}): AnnotationRecord => ({
  id,
  articleId,
  kind: 'quote',
  category: 'quote',
  quote: { exact: `passage ${id}`, prefix: '', suffix: '' },
  position: null,
  comment: '',
  speaker: 'Lena Park',
  quoteKind: 'direct',
  anonymous: false,
  speakerType: 'person',
  speakerKind: 'expert',
  gender: 'female',
  createdAt: T0,
  updatedAt: T0,
  ...over,
});

/** Four articles: three with a saved sourcing (one of them without claims), one with a quote but no sourcing. */
async function seed(db: SourcelightDB) {
  const articles = [article(1), article(2), article(3), article(4)];
  const annotations: AnnotationRecord[] = [
    quote('q1', 'a1'),
    quote('q2', 'a1', { speaker: 'an aide', anonymous: true, speakerType: null, speakerKind: 'official' }),
    quote('q3', 'a2', { speaker: 'Omar Haddad', gender: 'unknown', genderGuess: 'male' }),
    quote('q4', 'a2', { speaker: 'Acme', speakerType: 'organization', speakerKind: 'organization' }),
    quote('q5', 'a4'), // no sourcing saved for a4: not in the audit
    { ...quote('h1', 'a1'), kind: 'highlight', category: 'note' }, // not a claim
  ];
  const corrections: CorrectionRecord[] = [
    {
      id: 'k1',
      articleId: 'a2',
      action: 'speaker',
      quote: { exact: 'passage q3', prefix: '', suffix: '' },
      position: null,
      machine: { speaker: 'Omar Haddad', anonymous: false, kind: 'direct' },
      speaker: 'Acme',
      createdAt: T0 + 5,
      updatedAt: T0 + 5,
    },
    {
      id: 'k2',
      articleId: 'a1',
      action: 'not-a-quote',
      quote: { exact: 'passage q1', prefix: '', suffix: '' },
      position: null,
      machine: { speaker: 'Lena Park', anonymous: false, kind: 'direct' },
      createdAt: T0 + 6,
      updatedAt: T0 + 6,
    },
  ];
  const sourcing = ['a1', 'a2', 'a3'].map((articleId, i) => ({
    id: `s${i}`,
    articleId,
    entities: [],
    summary: { named: 0, anonymous: 0, anonymousShare: 0, speakers: [] },
    createdAt: T0,
    updatedAt: T0,
  }));
  await db.articles.bulkAdd(articles);
  await db.annotations.bulkAdd(annotations);
  await db.corrections.bulkAdd(corrections);
  await db.sourcing.bulkAdd(sourcing);
}

/** What the page computed on its own thread before the worker, from every record read whole. */
async function mainThreadAudit(db: SourcelightDB): Promise<AuditArticle[]> {
  const [articles, claims, corrections, sourcing] = await Promise.all([
    db.articles.toArray(),
    db.annotations.where('kind').equals('quote').toArray(),
    db.corrections.toArray(),
    db.sourcing.toArray(),
  ]);
  const saved = new Set(sourcing.map((s) => s.articleId));
  return auditArticlesFrom(articles, correctAnnotations(claims, corrections), {
    isSourcing: (a) => saved.has(a.id),
    machineSpeakers: new Map(claims.map((c) => [c.id, c.speaker ?? null])),
  });
}

describe('audit worker loader', () => {
  test('gives what the page computed from the whole database, corrections applied', async () => {
    const { db } = freshDb();
    await seed(db);
    const got = await createAuditLoader()(db);
    expect(got).toEqual(await mainThreadAudit(db));
    expect(got.map((a) => a.id)).toEqual(['a1', 'a2']);
    // the reader's corrections: q1 is not a quote; q3 is Acme's, profiled like Acme's own claim
    expect(got[0]!.claims.map((c) => c.id)).toEqual(['q2']);
    expect(got[1]!.claims.find((c) => c.id === 'q3')).toMatchObject({
      speaker: 'Acme',
      speakerType: 'organization',
      corrected: true,
    });
  });

  test('an empty database is an empty audit', async () => {
    const { db } = freshDb();
    expect(await createAuditLoader()(db)).toEqual([]);
  });

  test('in a live query, answers again after a tag change, with the tag', async () => {
    const { db } = freshDb();
    await seed(db);
    const load = createAuditLoader();
    const answers: AuditArticle[][] = [];
    let wake: () => void = () => undefined;
    const sub = liveQuery(() => load(db)).subscribe({
      next: (a) => {
        answers.push(a);
        wake();
      },
    });
    const next = (n: number) =>
      new Promise<void>((done) => {
        wake = () => answers.length >= n && done();
        wake();
      });
    await next(1);
    expect(answers[0]!.find((a) => a.id === 'a2')!.tags).toEqual([]);
    await setArticleTags(db, 'a2', ['budget']);
    await next(2);
    sub.unsubscribe();
    expect(answers[1]!.find((a) => a.id === 'a2')!.tags).toEqual(['budget']);
    expect(answers[1]).toEqual(await mainThreadAudit(db));
  });
});
