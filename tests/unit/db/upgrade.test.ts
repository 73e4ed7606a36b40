// Schema upgrades: a database written by every earlier schema version, with data, opens under the current
// schema with every record intact. When a version is added, add its fixture row here.
import Dexie from 'dexie';
import { IDBKeyRange } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { SCHEMA_VERSION, SCHEMA_VERSIONS, SourcelightDB } from '../../../utils/db/schema';
import { freshDb } from './helpers';

/** Data as each old version wrote it. */
const FIXTURES: Record<number, { articles: object[]; annotations: object[] }> = {
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

// v2 only adds the trash store (persisted undo): its records are v1's
FIXTURES[2] = FIXTURES[1]!;

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
      await old.table('articles').bulkAdd(data.articles);
      await old.table('annotations').bulkAdd(data.annotations);
      old.close();

      const db = new SourcelightDB('upgrade-test', { indexedDB, IDBKeyRange });
      await db.open();
      expect(db.verno).toBe(SCHEMA_VERSION);
      expect(await db.articles.count()).toBe(data.articles.length);
      expect(await db.annotations.count()).toBe(data.annotations.length);
      const note = await db.annotations.get('n1');
      expect(note?.comment).toBe('kept');
      // the trash store exists after the upgrade and works
      expect(await db.trash.count()).toBe(0);
      db.close();
    },
  );
});
