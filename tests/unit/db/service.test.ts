// The background's handlers on fake-indexeddb: valid saves land in one transaction, invalid payloads are
// rejected with a clear message and write nothing, concurrent saves never duplicate an article.
import { describe, expect, it } from 'vitest';
import { handleArticleSeen, handleSaveAnnotation, handleSetAnchorStatus } from '../../../utils/db/service';
import { listLibrary } from '../../../utils/db/queries';
import { annotation, article, freshDb } from './helpers';

describe('background handlers', () => {
  it('saves an annotation with its article and finds it again by URL and canonical URL', async () => {
    const { db } = freshDb();
    const saved = await handleSaveAnnotation(db, { article: article(), annotation: annotation({ comment: 'hi' }) });
    expect(saved.ok).toBe(true);
    const seen = await handleArticleSeen(db, article({ url: 'https://news.example/world/story?x=1' }));
    expect(seen.ok && seen.value.annotations.map((a) => a.comment)).toEqual(['hi']);
    const lib = await listLibrary(db);
    expect(lib).toHaveLength(1);
    expect(lib[0]!.annotations).toHaveLength(1);
  });

  it('a visit alone creates nothing', async () => {
    const { db } = freshDb();
    const seen = await handleArticleSeen(db, article());
    expect(seen).toEqual({ ok: true, value: { article: null, annotations: [], corrections: [] } });
    expect(await db.articles.count()).toBe(0);
  });

  it.each([
    ['null', null],
    ['a string', 'hello'],
    ['missing annotation', { article: article() }],
    ['empty quote', { article: article(), annotation: annotation({ quote: { exact: '', prefix: '', suffix: '' } }) }],
    ['unknown kind', { article: article(), annotation: { ...annotation(), kind: 'evil' } }],
    ['extra field', { article: article(), annotation: { ...annotation(), sneaky: 1 } }],
    ['negative offsets', { article: article(), annotation: annotation({ position: { start: -1, end: 3 } }) }],
  ])('rejects %s with a message and writes nothing', async (_name, payload) => {
    const { db } = freshDb();
    const r = await handleSaveAnnotation(db, payload);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error).toMatch(/^invalid message/);
    expect(await db.articles.count()).toBe(0);
    expect(await db.annotations.count()).toBe(0);
  });

  it('20 concurrent saves of the same article create one article and 20 annotations', async () => {
    const { db } = freshDb();
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        handleSaveAnnotation(db, { article: article(), annotation: annotation({ comment: `n${i}` }) }),
      ),
    );
    expect(results.every((r) => r.ok)).toBe(true);
    expect(await db.articles.count()).toBe(1);
    expect(await db.annotations.count()).toBe(20);
  });

  it('marks orphans and clears the mark when found again', async () => {
    const { db } = freshDb();
    const saved = await handleSaveAnnotation(db, { article: article(), annotation: annotation() });
    if (!saved.ok) throw new Error(saved.error);
    const id = saved.value.annotation.id;
    expect((await handleSetAnchorStatus(db, { found: [], orphaned: [id] })).ok).toBe(true);
    expect((await db.annotations.get(id))?.orphaned).toBe(true);
    await handleSetAnchorStatus(db, { found: [id], orphaned: [] });
    expect((await db.annotations.get(id))?.orphaned).toBe(false);
  });

  it('reports a closed database as a readable error', async () => {
    const { db } = freshDb();
    db.close({ disableAutoOpen: true });
    const r = await handleSaveAnnotation(db, { article: article(), annotation: annotation() });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error).toMatch(/closed|blocked/i);
  });
});
