/**
 * Data safety on fake-indexeddb: every multi-record change is all-or-nothing (a failure half-way leaves
 * nothing half-written), storage-full and closed-database failures give a message a person can act on, the
 * failed save can be retried, and nothing saved before is harmed. Failures are injected with Dexie hooks
 * (which run inside the write's own transaction, exactly where a real IndexedDB failure would surface) and by
 * making the fake IndexedDB's object store throw.
 */
import { IDBObjectStore } from 'fake-indexeddb';
import { afterEach, describe, expect, it } from 'vitest';
import { exportBackup, importBackup } from '../../../utils/db/backup';
import { deleteArticle, restoreSnapshot } from '../../../utils/db/library';
import { listLibrary, saveAnnotation, setAnchorStatus } from '../../../utils/db/queries';
import type { SourcelightDB } from '../../../utils/db/schema';
import { handleSaveAnnotation } from '../../../utils/db/service';
import { annotation, article, freshDb } from './helpers';

/** Everything in the database, sorted, for before/after comparisons. */
async function snapshot(db: SourcelightDB) {
  const byId = <T extends { id: string }>(xs: T[]) => xs.sort((a, b) => (a.id < b.id ? -1 : 1));
  return { articles: byId(await db.articles.toArray()), annotations: byId(await db.annotations.toArray()) };
}

const quota = () => new DOMException('The quota has been exceeded.', 'QuotaExceededError');

/** Saves one article with two annotations: the "months of notes" that must survive every failure below. */
async function seed(db: SourcelightDB) {
  const first = await saveAnnotation(db, { article: article(), annotation: annotation({ comment: 'first' }) }, 1000);
  await saveAnnotation(db, { article: article(), annotation: annotation({ comment: 'second' }) }, 2000);
  return first;
}

// Patches of the fake IndexedDB's prototypes are undone after each test, so no test leaks a failure.
const restores: Array<() => void> = [];
afterEach(() => {
  while (restores.length) restores.pop()!();
});

/** Makes every `put`/`add` on the fake IndexedDB throw `make()` until restored. */
function failWrites(make: () => Error): void {
  const proto = IDBObjectStore.prototype as unknown as Record<'put' | 'add', (...a: unknown[]) => unknown>;
  const { put, add } = proto;
  proto.put = () => {
    throw make();
  };
  proto.add = () => {
    throw make();
  };
  restores.push(() => {
    proto.put = put;
    proto.add = add;
  });
}

describe('all-or-nothing multi-record changes', () => {
  it('a failing annotation write creates no article (first save of a page)', async () => {
    const { db } = freshDb();
    db.annotations.hook('creating', () => {
      throw new Error('disk on fire');
    });
    await expect(saveAnnotation(db, { article: article(), annotation: annotation() })).rejects.toThrow(/disk on fire/);
    expect(await db.articles.count()).toBe(0);
    expect(await db.annotations.count()).toBe(0);
  });

  it('a failing annotation write leaves the existing article’s metadata as it was', async () => {
    const { db } = freshDb();
    await seed(db);
    const before = await snapshot(db);
    const stop = () => {
      throw new Error('disk on fire');
    };
    db.annotations.hook('creating', stop);
    const r = await handleSaveAnnotation(db, {
      article: article({ title: 'A NEW TITLE', textHash: 'changed' }),
      annotation: annotation({ comment: 'third' }),
    });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error).toMatch(/disk on fire/);
    expect(await snapshot(db)).toEqual(before);
    db.annotations.hook('creating').unsubscribe(stop);
  });

  it('marking orphans is all-or-nothing: a failure on the second record changes none', async () => {
    const { db } = freshDb();
    await seed(db);
    const ids = (await db.annotations.toArray()).map((a) => a.id);
    const before = await snapshot(db);
    let n = 0;
    db.annotations.hook('updating', () => {
      if (++n === 2) throw new Error('half-way');
      return undefined;
    });
    // bulkPut goes through the creating/updating hooks depending on existence: make both fail the 2nd time
    db.annotations.hook('creating', () => {
      if (++n === 2) throw new Error('half-way');
    });
    await expect(setAnchorStatus(db, [], ids)).rejects.toThrow();
    expect(await snapshot(db)).toEqual(before);
  });

  it('deleting an article with its annotations is all-or-nothing, and undo restores it exactly', async () => {
    const { db } = freshDb();
    const first = await seed(db);
    const before = await snapshot(db);
    const stop = () => {
      throw new Error('cannot delete');
    };
    db.articles.hook('deleting', stop);
    await expect(deleteArticle(db, first.article.id)).rejects.toThrow(/cannot delete/);
    expect(await snapshot(db)).toEqual(before); // the annotations were deleted first, then rolled back
    db.articles.hook('deleting').unsubscribe(stop);

    const undo = await deleteArticle(db, first.article.id);
    expect(await db.articles.count()).toBe(0);
    expect(await db.annotations.count()).toBe(0);
    await restoreSnapshot(db, undo);
    expect(await snapshot(db)).toEqual(before);
  });

  it('an import failing half-way adds nothing (articles are written before annotations)', async () => {
    const { db } = freshDb();
    await seed(db);
    const other = freshDb('other').db;
    await saveAnnotation(other, {
      article: article({ url: 'https://news.example/b', canonicalUrl: null }),
      annotation: annotation(),
    });
    const backup = await exportBackup(other);
    const before = await snapshot(db);
    const stop = () => {
      throw new Error('import broke');
    };
    db.annotations.hook('creating', stop);
    await expect(importBackup(db, backup)).rejects.toThrow(/import broke/);
    expect(await snapshot(db)).toEqual(before);
    db.annotations.hook('creating').unsubscribe(stop);
    await importBackup(db, backup);
    expect(await db.articles.count()).toBe(2);
  });
});

describe('storage full (QuotaExceededError)', () => {
  it('from a write hook: clear message, nothing harmed, the same save succeeds on retry', async () => {
    const { db } = freshDb();
    await seed(db);
    const before = await snapshot(db);
    const full = () => {
      throw quota();
    };
    db.annotations.hook('creating', full);
    const payload = { article: article({ title: 'Updated title' }), annotation: annotation({ comment: 'third' }) };
    const r = await handleSaveAnnotation(db, payload);
    expect(r).toEqual({ ok: false, error: expect.stringMatching(/storage is full/i) });
    expect(await snapshot(db)).toEqual(before);

    db.annotations.hook('creating').unsubscribe(full); // space was freed
    const retry = await handleSaveAnnotation(db, payload);
    expect(retry.ok).toBe(true);
    const lib = await listLibrary(db);
    expect(lib).toHaveLength(1);
    expect(lib[0]!.article.title).toBe('Updated title');
    expect(lib[0]!.annotations.map((a) => a.comment).sort()).toEqual(['first', 'second', 'third']);
  });

  it('from IndexedDB itself (every put/add throws): clear message, nothing harmed, retry works', async () => {
    const { db } = freshDb();
    await seed(db);
    const before = await snapshot(db);
    failWrites(quota);
    const payload = { article: article(), annotation: annotation({ comment: 'third' }) };
    const r = await handleSaveAnnotation(db, payload);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error).toBe('Storage is full: free some space (or delete old articles) and try again.');
    restores.pop()!();
    expect(await snapshot(db)).toEqual(before);
    expect((await handleSaveAnnotation(db, payload)).ok).toBe(true);
    expect(await db.annotations.count()).toBe(3);
  });

  it('a quota failure on a brand-new page leaves no orphan article behind', async () => {
    const { db } = freshDb();
    await seed(db);
    failWrites(quota);
    const other = article({ url: 'https://news.example/other', canonicalUrl: null });
    const r = await handleSaveAnnotation(db, { article: other, annotation: annotation() });
    expect(r.ok).toBe(false);
    restores.pop()!();
    expect(await db.articles.where('url').equals(other.url).count()).toBe(0);
  });
});

describe('closed or blocked database', () => {
  it('closed: a clear message, earlier data intact once reopened, and the failed save can be retried', async () => {
    const { db } = freshDb();
    await seed(db);
    const before = await snapshot(db);
    db.close({ disableAutoOpen: true });
    const payload = { article: article(), annotation: annotation({ comment: 'third' }) };
    const r = await handleSaveAnnotation(db, payload);
    expect(r).toEqual({ ok: false, error: expect.stringMatching(/closed or blocked/) });
    await db.open();
    expect(await snapshot(db)).toEqual(before);
    expect((await handleSaveAnnotation(db, payload)).ok).toBe(true);
    expect(await db.annotations.count()).toBe(3);
  });

  it('blocked: an old connection that will not close stalls opening; the save lands once it closes', async () => {
    const { db, indexedDB } = freshDb('blocking');
    // an old connection at an older schema (version 1 raw = Dexie 0.1) that ignores versionchange
    const old = await new Promise<IDBDatabase>((resolve, reject) => {
      const req = indexedDB.open('blocking', 1);
      req.onsuccess = () => resolve(req.result);
      req.onerror = () => reject(req.error);
    });
    old.onversionchange = () => undefined;
    let blockedEvents = 0;
    db.on('blocked', () => void blockedEvents++);
    const pending = handleSaveAnnotation(db, { article: article(), annotation: annotation() });
    const early = await Promise.race([pending, new Promise<'waiting'>((r) => setTimeout(() => r('waiting'), 300))]);
    expect(early).toBe('waiting'); // IndexedDB waits while blocked…
    expect(blockedEvents).toBeGreaterThan(0); // …and Dexie tells us, so the UI can say why
    old.close();
    const r = await pending;
    expect(r.ok).toBe(true); // nothing lost: the save completes as soon as the blocker goes
    expect(await db.annotations.count()).toBe(1);
  });

  it('a newer version opened elsewhere (versionchange): our connection recovers and nothing is lost', async () => {
    const { db, indexedDB } = freshDb('upgrade-elsewhere');
    await seed(db);
    const before = await snapshot(db);
    // another context opens the same database at a higher version; Dexie closes ours on versionchange
    await new Promise<void>((resolve, reject) => {
      const req = indexedDB.open('upgrade-elsewhere', 1000);
      req.onsuccess = () => {
        req.result.close();
        resolve();
      };
      req.onerror = () => reject(req.error);
    });
    const r = await handleSaveAnnotation(db, { article: article(), annotation: annotation({ comment: 'third' }) });
    if (!r.ok) expect(r.error).toMatch(/closed or blocked/);
    else
      expect((await snapshot(db)).articles).toEqual(
        before.articles.map((a) => ({ ...a, updatedAt: expect.any(Number) })),
      );
    expect(
      (await db.annotations.toArray()).filter((a) => a.comment === 'first' || a.comment === 'second'),
    ).toHaveLength(2);
  });
});
