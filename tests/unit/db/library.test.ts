// Library queries on fake-indexeddb: loading, search and filters, the people index, note edits, and
// delete + undo restoring records exactly.
import { describe, expect, it } from 'vitest';
import {
  ALL,
  ANONYMOUS_KEY,
  buildIndex,
  buildPeople,
  deleteAnnotations,
  deleteArticle,
  loadFirstPage,
  loadLibrary,
  restoreSnapshot,
  searchLibrary,
  updateNote,
  type LibraryQuery,
} from '../../../utils/db/library';
import { saveAnnotation } from '../../../utils/db/queries';
import { annotation, article, freshDb } from './helpers';

async function seeded() {
  const { db } = freshDb();
  const a1 = article({
    url: 'https://news.example/a',
    canonicalUrl: null,
    title: 'Budget talks stall',
    siteName: 'Example News',
  });
  const a2 = article({ url: 'https://other.example/b', canonicalUrl: null, title: 'Flood warning', siteName: null });
  await saveAnnotation(
    db,
    {
      article: a1,
      annotation: annotation({
        quote: { exact: 'The budget is dead', prefix: '', suffix: '' },
        comment: 'big if true',
      }),
    },
    1000,
  );
  await saveAnnotation(
    db,
    {
      article: a1,
      annotation: annotation({
        kind: 'quote',
        category: 'quote',
        quote: { exact: 'We will not sign it', prefix: '', suffix: '' },
        speaker: 'Amadou Diop',
        quoteKind: 'direct',
      }),
    },
    2000,
  );
  await saveAnnotation(
    db,
    {
      article: a2,
      annotation: annotation({
        kind: 'quote',
        category: 'anonymous',
        quote: { exact: 'the levee may fail', prefix: '', suffix: '' },
        speaker: 'an official',
        quoteKind: 'indirect',
        anonymous: true,
        anonymityCue: 'who was not authorized to speak',
      }),
    },
    3000,
  );
  await saveAnnotation(
    db,
    {
      article: a2,
      annotation: annotation({
        kind: 'entity',
        category: 'person',
        quote: { exact: 'Amadou Diop', prefix: '', suffix: '' },
      }),
    },
    4000,
  );
  return db;
}

const q = (over: Partial<LibraryQuery>): LibraryQuery => ({ ...ALL, ...over });

describe('library index and search', () => {
  it('groups by article, newest first, annotations newest first', async () => {
    const db = await seeded();
    const index = buildIndex(await loadLibrary(db));
    const groups = searchLibrary(index, ALL);
    expect(groups.map((g) => g.article.title)).toEqual(['Flood warning', 'Budget talks stall']);
    expect(groups[1]!.annotations.map((a) => a.quote.exact)).toEqual(['We will not sign it', 'The budget is dead']);
    expect(groups[0]!.outlet).toBe('other.example');
    expect(index.sites.map((s) => s.site).sort()).toEqual(['Example News', 'other.example']);
  });

  it.each([
    ['annotation text', 'levee', ['the levee may fail']],
    ['a note', 'BIG IF', ['The budget is dead']],
    ['a speaker', 'diop', ['We will not sign it', 'Amadou Diop']],
    ['diacritics folded', 'dïöp', ['We will not sign it', 'Amadou Diop']],
    ['title brings every annotation', 'budget talks', ['We will not sign it', 'The budget is dead']],
    ['title word + annotation word', 'flood levee', ['the levee may fail']],
    ['nothing', 'zebra', []],
  ])('searches %s', async (_name, text, expected) => {
    const index = buildIndex(await loadLibrary(await seeded()));
    const got = searchLibrary(index, q({ text })).flatMap((g) => g.annotations.map((a) => a.quote.exact));
    expect(got.sort()).toEqual([...expected].sort());
  });

  it.each([
    [['highlight'], ['The budget is dead']],
    [['note'], ['The budget is dead']],
    [['quote'], ['We will not sign it', 'the levee may fail']],
    [['anonymous'], ['the levee may fail']],
    [['entity'], ['Amadou Diop']],
    [
      ['anonymous', 'entity'],
      ['the levee may fail', 'Amadou Diop'],
    ],
  ] as const)('filters by kind %j', async (kinds, expected) => {
    const index = buildIndex(await loadLibrary(await seeded()));
    const got = searchLibrary(index, q({ kinds })).flatMap((g) => g.annotations.map((a) => a.quote.exact));
    expect(got.sort()).toEqual([...expected].sort());
  });

  it('filters by site', async () => {
    const index = buildIndex(await loadLibrary(await seeded()));
    expect(searchLibrary(index, q({ site: 'other.example' })).map((g) => g.article.title)).toEqual(['Flood warning']);
  });

  it('indexes people: speakers and person entities merged, anonymous sources together', async () => {
    const index = buildIndex(await loadLibrary(await seeded()));
    const people = buildPeople(index);
    const diop = people.find((p) => p.name === 'Amadou Diop')!;
    expect(diop.quoteCount).toBe(1);
    expect(diop.articles.map((a) => [a.article.title, a.quotes.length, a.mentions])).toEqual([
      ['Flood warning', 0, 1],
      ['Budget talks stall', 1, 0],
    ]);
    const anon = people.find((p) => p.key === ANONYMOUS_KEY)!;
    expect(anon.articles[0]!.quotes[0]!.anonymityCue).toBe('who was not authorized to speak');
    expect(people[people.length - 1]!.key).toBe(ANONYMOUS_KEY);
  });
});

describe('edits', () => {
  it('edits a note in place', async () => {
    const db = await seeded();
    const [a] = await db.annotations.where('kind').equals('highlight').toArray();
    expect(await updateNote(db, a!.id, 'changed my mind', 9999)).toBe(true);
    expect(await db.annotations.get(a!.id)).toMatchObject({ comment: 'changed my mind', updatedAt: 9999 });
    expect(await updateNote(db, 'missing', 'x')).toBe(false);
  });

  it('deletes an annotation and undo restores it exactly', async () => {
    const db = await seeded();
    const before = await loadLibrary(db);
    const target = before.annotations[0]!;
    const snap = await deleteAnnotations(db, [target.id]);
    expect(await db.annotations.get(target.id)).toBeUndefined();
    await restoreSnapshot(db, snap);
    expect(await db.annotations.get(target.id)).toEqual(target);
  });

  it('deletes an article with its annotations in one go and undo restores everything exactly', async () => {
    const db = await seeded();
    const before = await loadLibrary(db);
    const victim = before.articles.find((a) => a.title === 'Budget talks stall')!;
    const snap = await deleteArticle(db, victim.id);
    expect(snap.annotations).toHaveLength(2);
    expect(await db.articles.get(victim.id)).toBeUndefined();
    expect(await db.annotations.where('articleId').equals(victim.id).count()).toBe(0);
    await restoreSnapshot(db, snap);
    const after = await loadLibrary(db);
    const byId = <T extends { id: string }>(l: T[]) => [...l].sort((x, y) => x.id.localeCompare(y.id));
    expect(byId(after.articles)).toEqual(byId(before.articles));
    expect(byId(after.annotations)).toEqual(byId(before.annotations));
  });

  it('undo after the article was saved again joins the new record instead of clashing on the URL', async () => {
    const db = await seeded();
    const victim = (await db.articles.toArray()).find((a) => a.title === 'Budget talks stall')!;
    const snap = await deleteArticle(db, victim.id);
    const again = await saveAnnotation(
      db,
      { article: article({ url: victim.url, canonicalUrl: null }), annotation: annotation() },
      5000,
    );
    await restoreSnapshot(db, snap);
    expect(await db.articles.where('url').equals(victim.url).count()).toBe(1);
    expect(await db.annotations.where('articleId').equals(again.article.id).count()).toBe(3);
  });
});

describe('first page', () => {
  it('loads every article but only the newest articles’ annotations, marked partial', async () => {
    const { db } = freshDb();
    for (let i = 0; i < 5; i++)
      await saveAnnotation(
        db,
        {
          article: article({ url: `https://x.example/${i}`, canonicalUrl: null, title: `A${i}` }),
          annotation: annotation(),
        },
        1000 * (i + 1),
      );
    const page = await loadFirstPage(db, 2);
    expect(page.partial).toBe(true);
    expect(page.articles.map((a) => a.title)).toEqual(['A4', 'A3', 'A2', 'A1', 'A0']);
    const titles = new Map(page.articles.map((a) => [a.id, a.title]));
    expect(page.annotations.map((a) => titles.get(a.articleId)).sort()).toEqual(['A3', 'A4']);
    expect((await loadLibrary(db)).partial).toBeUndefined();
  });
});
