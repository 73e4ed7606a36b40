/**
 * Notes never cross sites (issue 17, item 2), on Chromium and Firefox. Two loopback hostnames are two
 * sites: a note is saved on `http://127.0.0.1:<port>/reading/story.html`; then
 * `http://localhost:<port>/reading/foreign-canonical.html` — the same article text, declaring the
 * 127.0.0.1 page as its `<link rel=canonical>` and `og:url` — is opened. It must not be given the note
 * (nothing drawn under `sourcelight-note`), must not mark it orphaned, and saving on it must create its
 * own article instead of renaming the 127.0.0.1 one. Records are read straight from the background's
 * IndexedDB, so the test sees what was stored, not what a page was told.
 */
import { e2e, type Driver, type E2EPage } from '../driver.ts';
import { sendToTab, spyOnMessages, waitForContentScript } from '../helpers.ts';

const PASSAGE = 'more cargo last year than in any year since the port was expanded';

/** Stored articles and annotations (the fields this scenario checks). */
type Stored = {
  articles: Array<{ id: string; url: string; title: string; siteName: string | null }>;
  annotations: Array<{ id: string; articleId: string; orphaned: boolean }>;
};

/** Everything in the background's database, read with plain IndexedDB. */
function stored(driver: Driver): Promise<Stored> {
  return driver.evaluateInBackground(async (bg) => {
    const idb = (bg as unknown as { indexedDB: IDBFactory }).indexedDB;
    const db = await new Promise<IDBDatabase>((ok, fail) => {
      const req = idb.open('sourcelight');
      req.onsuccess = () => ok(req.result);
      req.onerror = () => fail(req.error);
    });
    const all = (store: string) =>
      new Promise<Array<Record<string, unknown>>>((ok, fail) => {
        const req = db.transaction(store, 'readonly').objectStore(store).getAll();
        req.onsuccess = () => ok(req.result as Array<Record<string, unknown>>);
        req.onerror = () => fail(req.error);
      });
    const [articles, annotations] = [await all('articles'), await all('annotations')];
    db.close();
    return {
      articles: articles.map((a) => ({
        id: String(a.id),
        url: String(a.url),
        title: String(a.title),
        siteName: typeof a.siteName === 'string' ? a.siteName : null,
      })),
      annotations: annotations.map((a) => ({
        id: String(a.id),
        articleId: String(a.articleId),
        orphaned: a.orphaned === true,
      })),
    };
  });
}

/** The `sourcelight-note` ranges' texts as the page's main world sees them. */
function noteTexts(page: E2EPage): Promise<string[]> {
  return page.evaluate(() => {
    const h = (CSS as unknown as { highlights: Map<string, Set<Range>> }).highlights.get('sourcelight-note');
    return h ? [...h].map((r) => r.toString()) : [];
  });
}

/** Waits until the content script has anchored (its `sourcelight:anchor` measure) and drawn. */
async function waitForAnchored(page: E2EPage): Promise<void> {
  await waitForContentScript(page, 15_000);
  await page.waitFor(
    () =>
      performance.getEntriesByName('sourcelight:anchor').length > 0 &&
      performance.getEntriesByName('sourcelight:draw').length > 0,
    null,
    { timeoutMs: 15_000, message: 'the sourcelight:anchor and sourcelight:draw measures' },
  );
}

/** A localhost page declaring a 127.0.0.1 canonical gets no note, orphans nothing, renames nothing. */
export const foreignCanonicalGetsNothing = e2e(async ({ server, driver, expect }) => {
  const home = await driver.newPage(server.url('/reading/story.html'));
  await waitForAnchored(home);
  expect(await home.selectText('#p4', PASSAGE), 'selected on 127.0.0.1').toBe(PASSAGE);
  expect((await driver.saveSelection(home)).ok, 'save on 127.0.0.1').toBe(true);
  // saved notes are drawn only while the panel is open (issue 17, item 3)
  await sendToTab(driver, home, 'togglePanel');
  const drawnHome = await home.waitFor(
    () => {
      const h = (CSS as unknown as { highlights: Map<string, Set<Range>> }).highlights.get('sourcelight-note');
      return h && h.size > 0 ? [...h].map((r) => r.toString()) : null;
    },
    null,
    { message: 'the note drawn on 127.0.0.1' },
  );
  expect(drawnHome, 'note on its own site').toBe([PASSAGE]);
  await home.close();
  const before = await stored(driver);
  expect(before.articles.length, 'one article saved').toBe(1);
  const victim = before.articles[0]!;
  expect(victim.siteName, 'saved site name').toBe('The Harbour Ledger');

  const messages = await spyOnMessages(driver);
  const foreignUrl = server.url('/reading/foreign-canonical.html').replace('//127.0.0.1:', '//localhost:');
  const foreign = await driver.newPage(foreignUrl);
  await waitForAnchored(foreign);
  // not blind: the page really declares the other site's URL, and the content script really asked with it
  expect(
    await foreign.evaluate(() => document.querySelector<HTMLLinkElement>('link[rel=canonical]')?.href ?? null),
    'declared canonical',
  ).toBe(victim.url);
  const seen = (await messages()).filter((m) => m.type === 'articleSeen');
  expect(
    seen.some((m) => {
      const d = m.data as { url?: unknown; canonicalUrl?: unknown } | null;
      return typeof d?.url === 'string' && d.url.startsWith('http://localhost:') && d.canonicalUrl === victim.url;
    }),
    'articleSeen from localhost carrying the 127.0.0.1 canonical',
  ).toBe(true);
  await sendToTab(driver, foreign, 'togglePanel');
  await foreign.waitFor(() => !!document.querySelector('sourcelight-ui'), null, { message: 'the panel host' });
  expect(await noteTexts(foreign), 'notes drawn on localhost, panel open').toBe([]);

  // the overwrite attempt: saving on the hostile page must make its own article
  expect(await foreign.selectText('#p4', PASSAGE), 'selected on localhost').toBe(PASSAGE);
  expect((await driver.saveSelection(foreign)).ok, 'save on localhost').toBe(true);
  const after = await stored(driver);
  const kept = after.articles.find((a) => a.id === victim.id);
  expect(kept, '127.0.0.1 article after the visit').toBe(victim);
  expect(after.articles.length, 'a second, separate article').toBe(2);
  const victimNotes = after.annotations.filter((a) => a.articleId === victim.id);
  expect(
    victimNotes.map((a) => a.orphaned),
    '127.0.0.1 note not orphaned',
  ).toBe([false]);
  expect(
    (await messages()).some((m) => m.type === 'setAnchorStatus' && JSON.stringify(m.data).includes(victimNotes[0]!.id)),
    'no anchor status about the 127.0.0.1 note from localhost',
  ).toBe(false);
  expect(foreign.errors(), 'page errors').toBe([]);
});
