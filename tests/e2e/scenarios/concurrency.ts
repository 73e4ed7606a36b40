/**
 * Data safety under load (issue 7): twenty tabs of the same article save their selections at the same
 * moment. Every save lands, and the article is stored once — the save is one transaction that looks the
 * article up and creates it only when it is missing.
 */
import { e2e } from '../driver.ts';
import { openPopup, waitForContentScript } from '../helpers.ts';

const TABS = 20;
const PASSAGE = 'The vote passed by nine to two after a debate that lasted almost four hours.';

export const twentyTabsSaveAtOnce = e2e(
  async ({ driver, server, expect }) => {
    const pages = [];
    for (let i = 0; i < TABS; i++) {
      // the same article under twenty URLs that all normalize to it (tracking parameters differ)
      const page = await driver.newPage(server.url(`/article.html?utm_source=tab${i}`));
      await waitForContentScript(page);
      expect(await page.selectText('article', PASSAGE), `tab ${i}: selected`).toBe(PASSAGE);
      pages.push(page);
    }
    const replies = await Promise.all(pages.map((p) => driver.saveSelection(p)));
    expect(
      replies.filter((r) => !r.ok).map((r) => JSON.stringify(r)),
      'failed saves',
    ).toBe([]);

    const popup = await openPopup(driver);
    const counts = await popup.evaluate(
      () =>
        new Promise<{ articles: number; annotations: number }>((resolve, reject) => {
          const open = indexedDB.open('sourcelight');
          open.onerror = () => reject(open.error);
          open.onsuccess = () => {
            const tx = open.result.transaction(['articles', 'annotations'], 'readonly');
            const a = tx.objectStore('articles').count();
            const n = tx.objectStore('annotations').count();
            tx.oncomplete = () => {
              resolve({ articles: a.result, annotations: n.result });
              open.result.close();
            };
          };
        }),
    );
    expect(counts, 'one article, every annotation').toBe({ articles: 1, annotations: TABS });
  },
  { timeoutMs: 180_000 },
);
