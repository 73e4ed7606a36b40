// Schema upgrades: a database written by every earlier schema version, with data, opens under the current
// schema with every record intact. When a version is added, add its fixture row here.
import Dexie from 'dexie';
import { IDBKeyRange } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { auditRecordsFrom, decodeAuditArticle } from '../../../utils/audit/cache';
import {
  SCHEMA_VERSION,
  SCHEMA_VERSIONS,
  SourcelightDB,
  type AnnotationRecord,
  type ArticleRecord,
  type CorrectionRecord,
} from '../../../utils/db/schema';
import { freshDb } from './helpers';

/** Data as each old version wrote it. */
const FIXTURES: Record<number, { articles: object[]; annotations: object[] } & Partial<Record<string, object[]>>> = {
  1: {
    articles: [
      {
        id: 'a1',
        url: 'https://news.example/a',
        canonicalUrl: null,
        title: 'Old article',
        byline: null,
        siteName: 'Example',
        publishedTime: null,
        excerpt: null,
        textLength: 100,
        textHash: 'h1',
        createdAt: 1,
        updatedAt: 2,
      },
    ],
    annotations: [
      {
        id: 'n1',
        articleId: 'a1',
        kind: 'note',
        category: 'note',
        quote: { exact: 'x', prefix: '', suffix: '' },
        position: { start: 0, end: 1 },
        comment: 'kept',
        createdAt: 3,
        updatedAt: 3,
      },
    ],
  },
};

// v2 only adds the trash store (persisted undo): its records are v1's, plus a pending delete
FIXTURES[2] = {
  ...FIXTURES[1]!,
  trash: [{ id: 't1', deletedAt: 5, message: 'Annotation deleted.', articles: [], annotations: [] }],
};
// v3 adds corrections and saved sourcing: a saved quote with the new fields, and one of each new record
FIXTURES[3] = {
  articles: FIXTURES[1]!.articles,
  annotations: [
    ...FIXTURES[1]!.annotations,
    {
      id: 'q1',
      articleId: 'a1',
      kind: 'quote',
      category: 'anonymous',
      quote: { exact: 'y', prefix: '', suffix: '' },
      position: { start: 2, end: 3 },
      comment: '',
      speaker: 'an aide',
      quoteKind: 'direct',
      anonymous: true,
      anonymityCue: null,
      anonymityReason: "unnamed descriptor: 'an aide'",
      sourcing: true,
      createdAt: 4,
      updatedAt: 4,
    },
  ],
  corrections: [
    {
      id: 'c1',
      articleId: 'a1',
      action: 'speaker',
      quote: { exact: 'y', prefix: '', suffix: '' },
      position: { start: 2, end: 3 },
      machine: { speaker: 'an aide', anonymous: true, kind: 'direct' },
      speaker: 'Jane Roe',
      createdAt: 6,
      updatedAt: 6,
    },
  ],
  sourcing: [
    {
      id: 's1',
      articleId: 'a1',
      entities: [{ text: 'Jane Roe', type: 'person', mentions: 2 }],
      summary: { named: 0, anonymous: 1, anonymousShare: 1, speakers: [] },
      createdAt: 4,
      updatedAt: 4,
    },
  ],
};

// v4 adds the audit's write-time aggregate: v3's records, plus the audit record of a1 as v4 wrote it
FIXTURES[4] = { ...FIXTURES[3] };
FIXTURES[4].auditRecords = auditRecordsFrom({
  articles: FIXTURES[3].articles as ArticleRecord[],
  sourced: new Set(['a1']),
  quotes: (FIXTURES[3].annotations as AnnotationRecord[]).filter((a) => a.kind === 'quote'),
  corrections: FIXTURES[3].corrections as CorrectionRecord[],
});

describe('schema upgrades', () => {
  it('has a fixture for every shipped version', () => {
    for (const v of SCHEMA_VERSIONS) expect(FIXTURES[v.version], `fixture for v${v.version}`).toBeDefined();
  });

  it.each(SCHEMA_VERSIONS.map((v) => v.version))(
    'opens a v%i database with data and loses nothing',
    async (version) => {
      const { indexedDB } = freshDb();
      const old = new Dexie('upgrade-test', { indexedDB, IDBKeyRange });
      for (const v of SCHEMA_VERSIONS.filter((s) => s.version <= version)) old.version(v.version).stores(v.stores);
      const data = FIXTURES[version]!;
      for (const [store, rows] of Object.entries(data)) if (rows?.length) await old.table(store).bulkAdd(rows);
      old.close();

      const db = new SourcelightDB('upgrade-test', { indexedDB, IDBKeyRange });
      await db.open();
      expect(db.verno).toBe(SCHEMA_VERSION);
      expect(await db.articles.count()).toBe(data.articles.length);
      expect(await db.annotations.count()).toBe(data.annotations.length);
      const note = await db.annotations.get('n1');
      expect(note?.comment).toBe('kept');
      // every store exists after the upgrade, with what the old version held
      expect(await db.trash.count()).toBe(data.trash?.length ?? 0);
      expect(await db.corrections.count()).toBe(data.corrections?.length ?? 0);
      expect(await db.sourcing.count()).toBe(data.sourcing?.length ?? 0);
      // the new stores' indexes answer on upgraded data
      expect(await db.corrections.where('[articleId+createdAt]').between(['a1', 0], ['a1', Infinity]).count()).toBe(
        data.corrections?.length ?? 0,
      );
      await db.corrections.add({
        id: 'c-new',
        articleId: 'a1',
        action: 'not-a-quote',
        quote: { exact: 'x', prefix: '', suffix: '' },
        position: { start: 0, end: 1 },
        machine: { speaker: null, anonymous: false, kind: 'direct' },
        createdAt: 9,
        updatedAt: 9,
      });
      expect(await db.sourcing.where('articleId').equals('a1').count()).toBe(data.sourcing?.length ?? 0);
      // the audit's records, built by the v4 upgrade from the data already saved (and kept since)
      const [articles, sourcing, quotes, corrections] = await Promise.all([
        db.articles.toArray(),
        db.sourcing.toArray(),
        db.annotations.where('kind').equals('quote').toArray(),
        db.corrections.toArray(),
      ]);
      const expected = auditRecordsFrom({
        articles,
        sourced: new Set(sourcing.map((s) => s.articleId)),
        quotes,
        corrections,
      });
      expect(await db.auditRecords.toArray()).toEqual(expected);
      if (version >= 3) {
        // the saved quote of a1, with the reader's speaker correction applied
        expect(expected.map(decodeAuditArticle)[0]?.claims).toMatchObject([
          { id: 'q1', speaker: 'Jane Roe', corrected: true },
        ]);
      }
      db.close();
    },
  );
});
