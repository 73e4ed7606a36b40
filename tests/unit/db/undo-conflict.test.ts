// Persisted undo and guarded note saves at the query level (issue 17): a delete's snapshot lives in the
// database's trash for the undo window (so a reopened popup can undo it) and is purged after; a note save
// carries the version it started from and never overwrites a newer one.
import Dexie from 'dexie';
import { IDBKeyRange } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import {
  deleteAnnotations,
  deleteArticle,
  loadLibrary,
  pendingUndo,
  purgeTrash,
  restoreSnapshot,
  saveNote,
  UNDO_WINDOW_MS,
} from '../../../utils/db/library';
import { saveAnnotation } from '../../../utils/db/queries';
import { SCHEMA_VERSION, SCHEMA_VERSIONS, SourcelightDB } from '../../../utils/db/schema';
import { formatDate, UNKNOWN_DATE } from '../../../components/library/format';
import { annotation, article, freshDb } from './helpers';

async function seeded() {
  const { db } = freshDb(`uc-${Math.random()}`);
  const saved = await saveAnnotation(db, { article: article(), annotation: annotation({ comment: 'first' }) }, 1000);
  return { db, saved };
}

describe('persisted undo (trash)', () => {
  it.each<[string, number, boolean]>([
    ['right after the delete', 0, true],
    ['half way through the window', UNDO_WINDOW_MS / 2, true],
    ['at the last millisecond', UNDO_WINDOW_MS - 1, true],
    ['at the end of the window', UNDO_WINDOW_MS, false],
    ['long after', UNDO_WINDOW_MS * 100, false],
  ])('a reopened popup %s (%i ms later) is offered the undo: %s', async (_when, later, offered) => {
    const { db, saved } = await seeded();
    const snap = await deleteAnnotations(db, [saved.annotation.id], 'Annotation deleted.', 50_000);
    const p = await pendingUndo(db, 50_000 + later);
    if (offered) {
      expect(p?.snapshot).toEqual(snap);
      expect(p?.message).toBe('Annotation deleted.');
      expect(p?.remainingMs).toBe(UNDO_WINDOW_MS - later);
    } else {
      expect(p).toBeNull();
      // and the deleted data is gone from the trash too
      expect(await db.trash.count()).toBe(0);
    }
  });

  it('undo from the stored snapshot restores the article delete exactly and clears the trash', async () => {
    const { db, saved } = await seeded();
    const before = await loadLibrary(db);
    await deleteArticle(db, saved.article.id, 'Deleted.', 10);
    expect((await loadLibrary(db)).articles).toHaveLength(0);
    const p = await pendingUndo(db, 20);
    await restoreSnapshot(db, p!.snapshot);
    expect(await loadLibrary(db)).toEqual(before);
    expect(await pendingUndo(db, 30)).toBeNull();
  });

  it('offers the newest delete, and purges expired ones on the next delete', async () => {
    const { db, saved } = await seeded();
    const second = await saveAnnotation(db, { article: article(), annotation: annotation({ comment: 'b' }) }, 2000);
    await deleteAnnotations(db, [saved.annotation.id], 'one', 1_000);
    await deleteAnnotations(db, [second.annotation.id], 'two', 1_000 + UNDO_WINDOW_MS + 5);
    expect(await db.trash.count()).toBe(1);
    expect((await pendingUndo(db, 1_000 + UNDO_WINDOW_MS + 6))?.message).toBe('two');
    await purgeTrash(db, 1_000 + 3 * UNDO_WINDOW_MS);
    expect(await db.trash.count()).toBe(0);
  });

  it('migrates a v1 database with data to v2 (trash added, records intact), and undo works on it', async () => {
    const { indexedDB } = freshDb();
    const v1 = new Dexie('migrate', { indexedDB, IDBKeyRange });
    v1.version(1).stores(SCHEMA_VERSIONS[0]!.stores);
    const src = await seeded();
    const old = await loadLibrary(src.db);
    await v1.table('articles').bulkAdd(old.articles);
    await v1.table('annotations').bulkAdd(old.annotations);
    v1.close();
    const db = new SourcelightDB('migrate', { indexedDB, IDBKeyRange });
    await db.open();
    expect(db.verno).toBe(SCHEMA_VERSION);
    expect(await loadLibrary(db)).toEqual(old);
    await deleteAnnotations(db, [old.annotations[0]!.id], 'gone', 5);
    expect((await pendingUndo(db, 6))?.snapshot.annotations).toEqual([old.annotations[0]]);
    db.close();
  });
});

describe('saveNote: optimistic concurrency', () => {
  it.each<[string, (base: number) => number, 'saved' | 'conflict']>([
    ['from the current version', (base) => base, 'saved'],
    ['from an older version', (base) => base - 1, 'conflict'],
    ['from a version that never was', () => 123, 'conflict'],
  ])('a save %s: %s', async (_name, baseOf, status) => {
    const { db, saved } = await seeded();
    const r = await saveNote(db, saved.annotation.id, 'mine', baseOf(saved.annotation.updatedAt), 5000);
    expect(r.status).toBe(status);
    const stored = await db.annotations.get(saved.annotation.id);
    expect(stored!.comment).toBe(status === 'saved' ? 'mine' : 'first');
    if (r.status === 'conflict') expect(r.current).toEqual(stored);
  });

  it('two editors starting from one version: the second save is a conflict, never a silent overwrite', async () => {
    const { db, saved } = await seeded();
    const base = saved.annotation.updatedAt;
    const a = await saveNote(db, saved.annotation.id, 'popup A', base, 5000);
    const b = await saveNote(db, saved.annotation.id, 'popup B', base, 5000);
    expect(a.status).toBe('saved');
    expect(b.status).toBe('conflict');
    expect((await db.annotations.get(saved.annotation.id))!.comment).toBe('popup A');
    // B, having seen A's version, saves from it on purpose
    if (b.status !== 'conflict') return;
    expect((await saveNote(db, saved.annotation.id, 'popup B', b.current.updatedAt, 5000)).status).toBe('saved');
  });

  it('two saves in the same millisecond still get distinct versions', async () => {
    const { db, saved } = await seeded();
    const first = await saveNote(db, saved.annotation.id, 'x', saved.annotation.updatedAt, 1000);
    expect(first.status).toBe('saved');
    if (first.status !== 'saved') return;
    expect(first.annotation.updatedAt).toBeGreaterThan(saved.annotation.updatedAt);
    // an edit begun from the pre-save version is caught even though the clock did not move
    expect((await saveNote(db, saved.annotation.id, 'y', saved.annotation.updatedAt, 1000)).status).toBe('conflict');
  });

  it('reports a deleted annotation as missing', async () => {
    const { db } = await seeded();
    expect((await saveNote(db, 'nope', 'x', 1)).status).toBe('missing');
  });
});

describe('formatDate never throws', () => {
  it.each([1e300, -1e300, Number.NaN, Number.POSITIVE_INFINITY, 8.64e15 + 1])('%d shows the fallback', (t) => {
    expect(formatDate(t)).toBe(UNKNOWN_DATE);
  });
  it.each([0, Date.UTC(2026, 10, 27), 8.64e15])('%d formats as a date', (t) => {
    expect(formatDate(t)).toMatch(/\d{4}/);
  });
});

describe('undo from two popups', () => {
  it('the second undo of one delete changes nothing (an edit made after the first is kept)', async () => {
    const { db, saved } = await seeded();
    const snap = await deleteAnnotations(db, [saved.annotation.id], 'gone');
    expect(await restoreSnapshot(db, snap)).toBe(true);
    await db.annotations.update(saved.annotation.id, { comment: 'edited after the undo' });
    expect(await restoreSnapshot(db, snap)).toBe(false);
    expect((await db.annotations.get(saved.annotation.id))!.comment).toBe('edited after the undo');
  });
});
