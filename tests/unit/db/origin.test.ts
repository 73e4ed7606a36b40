// Notes never cross sites (issue 17, item 2): a page is matched to a saved article by URL or canonical
// URL only within its own site, so another site's page never receives, orphans or overwrites its records.
import { describe, expect, it } from 'vitest';
import { findArticle, getPageState, saveAnnotation } from '../../../utils/db/queries';
import { sameSite, siteOf } from '../../../utils/db/site';
import { annotation, article, freshDb } from './helpers';

describe('siteOf / sameSite', () => {
  it.each([
    ['https://www.news.example/a', 'news.example'],
    ['https://m.news.example/a', 'news.example'],
    ['https://amp.www.news.example/a', 'news.example'],
    ['https://NEWS.example./a', 'news.example'],
    ['http://127.0.0.1:8080/story.html', '127.0.0.1'],
    ['http://localhost:8080/story.html', 'localhost'],
    ['http://[::1]/x', '[::1]'],
    ['https://www.m/x', 'www.m'],
    ['javascript:alert(1)', null],
    ['not a url', null],
  ])('%s → %s', (url, site) => {
    expect(siteOf(url)).toBe(site);
  });

  it('loopback names, subdomains and look-alikes are different sites', () => {
    expect(sameSite('http://127.0.0.1/a', 'http://localhost/a')).toBe(false);
    expect(sameSite('https://news.example/a', 'https://edition.news.example/a')).toBe(false);
    expect(sameSite('https://news.example/a', 'https://news.example.evil/a')).toBe(false);
    expect(sameSite('https://www.news.example/a', 'http://m.news.example:81/b')).toBe(true);
  });
});

describe('cross-site canonical URLs', () => {
  const victim = article({ url: 'http://127.0.0.1:4000/story.html', canonicalUrl: null, title: 'Real title' });
  const attacker = article({
    url: 'http://localhost:4000/hostile.html',
    canonicalUrl: 'http://127.0.0.1:4000/story.html',
    title: 'Hostile title',
    siteName: 'Hostile',
  });

  it('a page whose canonical names another site receives nothing', async () => {
    const { db } = freshDb();
    await saveAnnotation(db, { article: victim, annotation: annotation({ comment: 'private' }) });
    expect(await findArticle(db, attacker)).toBeUndefined();
    expect(await getPageState(db, attacker)).toEqual({ article: null, annotations: [], corrections: [] });
  });

  it('a save there creates its own article and leaves the victim title and site name alone', async () => {
    const { db } = freshDb();
    const first = await saveAnnotation(db, { article: victim, annotation: annotation({ comment: 'private' }) });
    const second = await saveAnnotation(db, { article: attacker, annotation: annotation() });
    expect(second.article.id).not.toBe(first.article.id);
    // the foreign canonical is not stored, so it cannot match later either
    expect(second.article.canonicalUrl).toBeNull();
    const kept = await db.articles.get(first.article.id);
    expect(kept?.title).toBe('Real title');
    expect(kept?.siteName).toBe('Example News');
    expect((await getPageState(db, victim)).annotations.map((a) => a.comment)).toEqual(['private']);
  });

  it('an article stored with a foreign canonical (older data) is not handed to that canonical site', async () => {
    const { db } = freshDb();
    await db.articles.put({
      ...article({ url: 'http://localhost:4000/x.html', canonicalUrl: 'http://127.0.0.1:4000/story.html' }),
      id: 'old',
      createdAt: 1,
      updatedAt: 1,
    });
    const page = article({ url: 'http://127.0.0.1:4000/y.html', canonicalUrl: 'http://127.0.0.1:4000/story.html' });
    expect(await findArticle(db, page)).toBeUndefined();
  });

  it('same-site canonical matches still work (www / m / amp)', async () => {
    const { db } = freshDb();
    const saved = await saveAnnotation(db, {
      article: article({ url: 'https://www.news.example/story', canonicalUrl: 'https://www.news.example/story' }),
      annotation: annotation({ comment: 'mine' }),
    });
    const amp = article({ url: 'https://amp.news.example/story.amp', canonicalUrl: 'https://www.news.example/story' });
    expect((await findArticle(db, amp))?.id).toBe(saved.article.id);
  });
});
