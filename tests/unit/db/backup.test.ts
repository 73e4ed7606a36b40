// Backup and restore on fake-indexeddb: a round trip loses nothing, a bad or foreign file is rejected with
// a clear message and changes nothing, importing twice merges instead of doubling.
import { describe, expect, it } from 'vitest';
import {
  exportBackup,
  importBackup,
  importBackupText,
  parseBackup,
  serializeBackup,
  describeImport,
} from '../../../utils/db/backup';
import { loadLibrary } from '../../../utils/db/library';
import { saveAnnotation, setAnchorStatus } from '../../../utils/db/queries';
import { annotation, article, freshDb } from './helpers';

async function seeded(name = 'src') {
  const { db } = freshDb(name);
  const s1 = await saveAnnotation(
    db,
    { article: article({ canonicalUrl: null }), annotation: annotation({ comment: 'line 1\nline 2 ✓ 𝄞' }) },
    1000,
  );
  await saveAnnotation(
    db,
    {
      article: article({
        url: 'https://b.example/x',
        canonicalUrl: 'https://b.example/canon',
        byline: null,
        publishedTime: null,
      }),
      annotation: annotation({
        kind: 'quote',
        category: 'anonymous',
        position: null,
        speaker: 'a senior official',
        quoteKind: 'indirect',
        anonymous: true,
        anonymityCue: 'on condition of anonymity',
      }),
    },
    2000,
  );
  await setAnchorStatus(db, [], [s1.annotation.id]);
  return db;
}

const sorted = <T extends { id: string }>(l: T[]) => [...l].sort((x, y) => x.id.localeCompare(y.id));

describe('backup', () => {
  it('round trip through JSON text loses nothing', async () => {
    const src = await seeded();
    const text = serializeBackup(await exportBackup(src, 5000));
    const { db: dst } = freshDb('dst');
    const r = await importBackupText(dst, text);
    expect(r.ok).toBe(true);
    const [a, b] = [await loadLibrary(src), await loadLibrary(dst)];
    expect(sorted(b.articles)).toEqual(sorted(a.articles));
    expect(sorted(b.annotations)).toEqual(sorted(a.annotations));
    expect(b.annotations.some((x) => x.orphaned)).toBe(true);
    // and the backup of the copy is the same file
    expect(serializeBackup(await exportBackup(dst, 5000))).toBe(text);
  });

  it('importing the same backup twice merges and does not double', async () => {
    const src = await seeded();
    const backup = await exportBackup(src);
    const { db } = freshDb('dst');
    const first = await importBackup(db, backup);
    expect(first).toMatchObject({ articlesAdded: 2, annotationsAdded: 2 });
    const second = await importBackup(db, backup);
    expect(second).toEqual({
      articlesAdded: 0,
      articlesUpdated: 0,
      annotationsAdded: 0,
      annotationsUpdated: 0,
      correctionsAdded: 0,
      sourcingAdded: 0,
      unchanged: 4,
    });
    expect(describeImport(second)).toMatch(/Nothing new/);
    expect(await db.articles.count()).toBe(2);
    expect(await db.annotations.count()).toBe(2);
  });

  it('into a database that already has the article under another id, annotations join the local article', async () => {
    const src = await seeded();
    const backup = await exportBackup(src);
    const { db } = freshDb('dst');
    const local = await saveAnnotation(
      db,
      { article: article({ canonicalUrl: null }), annotation: annotation({ comment: 'mine' }) },
      10,
    );
    await importBackup(db, backup);
    expect(await db.articles.where('url').equals(local.article.url).count()).toBe(1);
    expect(await db.annotations.where('articleId').equals(local.article.id).count()).toBe(2);
  });

  it('newer records in the backup replace older local ones, older ones do not', async () => {
    const src = await seeded();
    const backup = await exportBackup(src);
    const { db } = freshDb('dst');
    await importBackup(db, backup);
    const target = backup.annotations[0]!;
    await db.annotations.update(target.id, { comment: 'edited later', updatedAt: 99_999 });
    await importBackup(db, backup);
    expect((await db.annotations.get(target.id))!.comment).toBe('edited later');
    await importBackup(db, {
      ...backup,
      annotations: backup.annotations.map((a) => ({ ...a, comment: 'newest', updatedAt: 200_000 })),
    });
    expect((await db.annotations.get(target.id))!.comment).toBe('newest');
  });

  const good = async () =>
    JSON.parse(serializeBackup(await exportBackup(await seeded()))) as Record<string, unknown> & {
      articles: Record<string, unknown>[];
      annotations: Record<string, unknown>[];
    };

  it.each<[string, (b: Awaited<ReturnType<typeof good>>) => string, RegExp]>([
    ['not JSON', () => '{"format": "sourcelight-backup", ', /not valid JSON/],
    ['foreign JSON', () => JSON.stringify({ bookmarks: [] }), /not a Sourcelight backup/],
    ['a JSON array', () => '[1,2,3]', /not a Sourcelight backup/],
    ['a newer version', (b) => JSON.stringify({ ...b, version: 7 }), /newer version/],
    [
      'a missing field',
      (b) => JSON.stringify({ ...b, annotations: [{ ...b.annotations[0], quote: undefined }] }),
      /damaged.*annotation 1 \(id [^)]+\): quote/,
    ],
    [
      'an unknown kind',
      (b) => JSON.stringify({ ...b, annotations: [{ ...b.annotations[0], kind: 'evil' }] }),
      /damaged.*kind/,
    ],
    ['a dangling annotation', (b) => JSON.stringify({ ...b, articles: [b.articles[1]] }), /belongs to no article/],
    [
      'duplicate ids',
      (b) => JSON.stringify({ ...b, annotations: [b.annotations[0], b.annotations[0]] }),
      /appears twice/,
    ],
  ])('rejects %s with a clear message and changes nothing', async (_name, make, message) => {
    const text = make(await good());
    const { db } = freshDb('dst');
    await saveAnnotation(db, { article: article({ url: 'https://keep.example/' }), annotation: annotation() }, 1);
    const before = await loadLibrary(db);
    const r = await importBackupText(db, text);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error).toMatch(message);
    expect(await loadLibrary(db)).toEqual(before);
    expect(parseBackup(text).ok).toBe(false);
  });

  it('a failure in the middle of an import rolls everything back', async () => {
    const backup = await exportBackup(await seeded());
    const { db } = freshDb('dst');
    await saveAnnotation(db, { article: article({ url: 'https://keep.example/' }), annotation: annotation() }, 1);
    // the annotations' write fails after the articles were written: the articles must not stay
    db.annotations.bulkPut = (() => Promise.reject(new Error('disk full'))) as never;
    const before = await loadLibrary(db);
    const r = await importBackupText(db, serializeBackup(backup));
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error).toMatch(/nothing was changed/);
    expect(await loadLibrary(db)).toEqual(before);
  });
});
