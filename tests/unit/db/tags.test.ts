// Article tags in the database: stored parsed, kept when the article is saved again, carried by a backup
// (and validated there), and a tag on a deleted article is refused, not resurrected.
import 'fake-indexeddb/auto';
import { describe, expect, test } from 'vitest';
import { exportBackup, importBackupText, serializeBackup } from '../../../utils/db/backup';
import { saveAnnotation } from '../../../utils/db/queries';
import { setArticleTags } from '../../../utils/db/tags';
import { annotation, article, freshDb } from './helpers';

describe('article tags', () => {
  test('stored parsed, and kept when the article is saved again', async () => {
    const { db } = freshDb();
    const saved = await saveAnnotation(db, { article: article(), annotation: annotation() });
    expect(await setArticleTags(db, saved.article.id, ['#Housing', 'city council', 'housing'])).toBe(true);
    await saveAnnotation(db, { article: article({ title: 'A new title' }), annotation: annotation() });
    expect(await db.articles.get(saved.article.id)).toMatchObject({
      title: 'A new title',
      tags: ['Housing', 'city-council'],
    });
  });

  test('a deleted article is not brought back by tagging it', async () => {
    const { db } = freshDb();
    const saved = await saveAnnotation(db, { article: article(), annotation: annotation() });
    await db.articles.delete(saved.article.id);
    expect(await setArticleTags(db, saved.article.id, ['x'])).toBe(false);
    expect(await db.articles.count()).toBe(0);
  });

  test('a backup carries tags; bad tags reject the file', async () => {
    const { db } = freshDb('a');
    const saved = await saveAnnotation(db, { article: article(), annotation: annotation() });
    await setArticleTags(db, saved.article.id, ['election']);
    const text = serializeBackup(await exportBackup(db));
    const { db: other } = freshDb('b');
    expect((await importBackupText(other, text)).ok).toBe(true);
    expect((await other.articles.toArray())[0]?.tags).toEqual(['election']);

    const bad = JSON.parse(text) as { articles: { tags: unknown }[] };
    bad.articles[0]!.tags = ['x'.repeat(500)];
    const r = await importBackupText(freshDb('c').db, JSON.stringify(bad));
    expect(r.ok).toBe(false);
  });
});
