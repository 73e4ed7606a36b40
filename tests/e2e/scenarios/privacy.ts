/**
 * Privacy and page-isolation scenarios (issue 7), on Chromium and Firefox.
 *
 * 1. `noRequestsOfItsOwn`: read several articles served from 127.0.0.1, save notes, open the popup and the
 *    options page, while recording every request; nothing may go anywhere but the fixture server (the
 *    pages' own loads) and the extension's own packaged files. Two independent recorders, so neither can
 *    pass by being blind: (a) the Resource Timing buffers of the background, the popup, the options page
 *    and every article page — every fetch/XHR/beacon/script/style/image load of that context, in both
 *    browsers; (b) in Chromium, Playwright's context-wide `request` event (pages, and the extension's
 *    service worker with PW_EXPERIMENTAL_SERVICE_WORKER_NETWORK_EVENTS), which also sees requests that
 *    leave no timing entry (failed connections, WebSockets).
 * 2. `hostilePageCannotReachTheDatabase`: a page's own script tries to save, read and delete annotations
 *    through `chrome.runtime.sendMessage`, `window.postMessage` and DOM events, with well-formed messages
 *    of the extension's own protocol; the database must be byte-for-byte unchanged.
 * 3. `hostilePageCannotUseThePanel`: the same page tries to read the reader's panel (its notes) and click
 *    its save buttons through the panel's shadow root.
 */
import type { BrowserContext, Request } from 'playwright-core';
import { e2e, sleep, waitUntil, type Driver, type E2EPage, type Json } from '../driver.ts';
import { openPopup, waitForContentScript } from '../helpers.ts';

// Service-worker network events are opt-in in Playwright; they must be on before the browser starts, and
// scenario files are imported before any browser is launched. They add events and change nothing else.
process.env.PW_EXPERIMENTAL_SERVICE_WORKER_NETWORK_EVENTS ??= '1';

/** Articles read in the privacy scenario: English, the demo page, a story and a right-to-left page. */
const ARTICLES = ['/article.html', '/demo/seed.html', '/reading/story.html', '/reading/rtl.html'];

/** One observed request. */
interface Seen {
  url: string;
  /** Which context made it: a page URL, "background", "service worker", "popup"… */
  from: string;
}

/** Playwright's browser context behind the Chromium driver (a private field there: we only listen). */
function playwrightContext(driver: Driver): BrowserContext | null {
  if (driver.name !== 'chromium') return null;
  const ctx = (driver as unknown as { context?: BrowserContext }).context;
  return ctx && typeof ctx.on === 'function' ? ctx : null;
}

/** Starts recording every request of the Chromium context; returns the live log. */
function recordPlaywright(driver: Driver): Seen[] | null {
  const ctx = playwrightContext(driver);
  if (!ctx) return null;
  const log: Seen[] = [];
  const from = (r: Request): string => {
    try {
      if (r.serviceWorker()) return 'service worker';
      return r.frame().url() || 'page';
    } catch {
      return 'unknown context';
    }
  };
  ctx.on('request', (r) => log.push({ url: r.url(), from: from(r) }));
  ctx.on('websocket' as never, ((ws: { url(): string }) => log.push({ url: ws.url(), from: 'websocket' })) as never);
  return log;
}

/** Every resource the context behind `evaluate` loaded so far (Resource Timing), plus navigation URL. */
const resourceEntries = () =>
  (performance.getEntriesByType('resource') as PerformanceResourceTiming[]).map((e) => e.name);

async function pageResources(page: E2EPage, label: string): Promise<Seen[]> {
  const urls = await page.evaluate(resourceEntries);
  return urls.map((url) => ({ url, from: label }));
}

async function backgroundResources(driver: Driver): Promise<Seen[]> {
  const urls = await driver.evaluateInBackground(() =>
    (performance.getEntriesByType('resource') as PerformanceResourceTiming[]).map((e) => e.name),
  );
  return urls.map((url) => ({ url, from: 'background' }));
}

/** Whether a request stays on this machine and within what the test served or the extension shipped. */
function allowed(url: string, serverOrigin: string, extensionOrigin: string): boolean {
  if (/^(data|blob|about):/.test(url)) return true;
  if (url.startsWith(serverOrigin + '/') || url === serverOrigin) return true;
  return url.startsWith(extensionOrigin + '/');
}

export const noRequestsOfItsOwn = e2e(
  async ({ driver, server, expect, log }) => {
    const serverOrigin = new URL(server.url('/')).origin;
    const network = recordPlaywright(driver);
    const seen: Seen[] = [];
    const pages: E2EPage[] = [];

    for (const path of ARTICLES) {
      const page = await driver.newPage(server.url(path));
      pages.push(page);
      await waitForContentScript(page);
      // kept: proves a negative (no request of its own after extraction), so it can only be a time window
      await sleep(800);
      const selected = await page.selectText('p');
      if (selected.trim()) {
        const reply = await driver.saveSelection(page);
        expect(reply.ok, `${path}: save reply ${JSON.stringify(reply)}`).toBe(true);
      }
    }
    const popup = await openPopup(driver);
    await popup.waitForSelector('[data-testid=annotation]');
    const options = await driver.openExtensionPage('options.html');
    // kept: proves a negative; anything deferred (timers, idle callbacks, beacons on hide) gets its chance
    await sleep(1500);

    for (const [i, page] of pages.entries()) seen.push(...(await pageResources(page, ARTICLES[i]!)));
    seen.push(...(await pageResources(popup, 'popup')));
    seen.push(...(await pageResources(options, 'options')));
    seen.push(...(await backgroundResources(driver)));
    for (const page of [...pages, popup, options]) await page.close();
    // kept: proves a negative (no unload-time beacons)
    await sleep(300);

    const all = [...seen, ...(network ?? [])];
    const foreign = all.filter((s) => !allowed(s.url, serverOrigin, driver.extensionOrigin));
    log(
      `recorded ${seen.length} resource-timing entries` +
        (network
          ? ` and ${network.length} network requests (${network.filter((n) => n.from === 'service worker').length} from the service worker)`
          : ''),
    );
    expect(foreign, 'requests to anywhere but the fixture server and the extension itself').toBe([]);
    // the recorders are not blind: the network log saw the fixture pages being loaded
    if (network) {
      for (const path of ARTICLES)
        expect(
          network.some((n) => n.url === server.url(path)),
          `network log saw ${path}`,
        ).toBe(true);
    }
  },
  { timeoutMs: 120_000 },
);

/** The raw contents of the extension's IndexedDB, read in the background, as a canonical JSON string. */
/** The database dump once the legitimate save's writes are over: the same dump on two polls in a row. */
async function settledDump(driver: Driver): Promise<string> {
  let last = await databaseDump(driver);
  return waitUntil(
    async () => {
      const now = await databaseDump(driver);
      const same = now === last;
      last = now;
      return same ? now : null;
    },
    { message: 'the database to settle', intervalMs: 250 },
  );
}

async function databaseDump(driver: Driver): Promise<string> {
  return driver.evaluateInBackground(async () => {
    const idb = (globalThis as unknown as { indexedDB: IDBFactory }).indexedDB;
    const db = await new Promise<IDBDatabase>((ok, fail) => {
      const req = idb.open('sourcelight');
      req.onsuccess = () => ok(req.result);
      req.onerror = () => fail(req.error);
    });
    const out: Record<string, unknown[]> = {};
    for (const store of Array.from(db.objectStoreNames).sort()) {
      out[store] = await new Promise<unknown[]>((ok, fail) => {
        const req = db.transaction(store, 'readonly').objectStore(store).getAll();
        req.onsuccess = () => ok(req.result as unknown[]);
        req.onerror = () => fail(req.error);
      });
    }
    db.close();
    return JSON.stringify(out);
  });
}

/** Opens the article, saves one note the legitimate way, and returns the page (so the DB is not empty). */
async function articleWithANote(
  driver: Driver,
  url: string,
  expect: (v: unknown, w?: string) => { toBe(x: unknown): void },
) {
  const page = await driver.newPage(url);
  await waitForContentScript(page);
  await page.selectText('p');
  const reply = await driver.saveSelection(page);
  expect(reply.ok, `legitimate save ${JSON.stringify(reply)}`).toBe(true);
  return page;
}

export const hostilePageCannotReachTheDatabase = e2e(
  async ({ driver, server, expect, log }) => {
    const url = server.url('/article.html');
    const page = await articleWithANote(driver, url, expect);
    const before = await settledDump(driver);
    expect(before.length > 40, 'the database holds the legitimate note').toBe(true);
    const extensionId = driver.extensionOrigin.replace(/^[a-z-]+:\/\//, '');

    // Everything below runs in the page's own JavaScript world, as the page's scripts would.
    const attempts = await page.evaluate(
      async ({ extensionId, url }) => {
        const report: Record<string, Json> = {};
        const article = {
          url,
          canonicalUrl: null,
          title: 'Injected by the page',
          byline: null,
          siteName: null,
          publishedTime: null,
          excerpt: null,
          textLength: 5,
          textHash: 'x',
        };
        const annotation = {
          kind: 'note',
          category: 'note',
          quote: { exact: 'injected', prefix: '', suffix: '' },
          position: null,
          comment: 'written by a hostile page',
        };
        // the extension's own protocol (@webext-core/messaging): { id, type, data, timestamp }
        const messages = [
          { id: 1, type: 'saveAnnotation', data: { article, annotation }, timestamp: Date.now() },
          { id: 2, type: 'articleSeen', data: article, timestamp: Date.now() },
          { id: 3, type: 'setAnchorStatus', data: { found: [], orphaned: ['*'] }, timestamp: Date.now() },
          { id: 4, type: 'deleteArticle', data: { url }, timestamp: Date.now() },
          { id: 5, type: 'captureSelection', data: null, timestamp: Date.now() },
        ];
        const w = window as unknown as {
          chrome?: { runtime?: { sendMessage?: (...a: unknown[]) => unknown; id?: string } };
          browser?: { runtime?: { sendMessage?: (...a: unknown[]) => unknown } };
        };
        report.chromeRuntime = typeof w.chrome?.runtime?.sendMessage;
        report.browserRuntime = typeof w.browser?.runtime?.sendMessage;
        const replies: Json[] = [];
        for (const api of [w.chrome?.runtime, w.browser?.runtime]) {
          if (!api?.sendMessage) continue;
          for (const m of messages) {
            try {
              const r = await Promise.race([
                Promise.resolve(api.sendMessage(extensionId, m)),
                // kept: a page's sendMessage may never answer; bound each attempt
                new Promise((ok) => setTimeout(() => ok('timeout'), 500)),
              ]);
              replies.push(JSON.parse(JSON.stringify(r ?? null)) as Json);
            } catch (e) {
              replies.push(`threw: ${String((e as Error)?.message ?? e).slice(0, 120)}`);
            }
          }
        }
        report.replies = replies;
        // window messages and DOM events a careless content script might listen to
        for (const m of messages) {
          window.postMessage(m, '*');
          window.postMessage({ source: 'sourcelight', ...m }, '*');
          window.postMessage(JSON.stringify(m), '*');
        }
        for (const name of ['sourcelight', 'sourcelight:save', 'sourcelight:delete', 'saveAnnotation', 'message']) {
          for (const target of [window, document, document.body]) {
            target.dispatchEvent(new CustomEvent(name, { detail: messages[0], bubbles: true }));
          }
        }
        // the keyboard shortcuts, as untrusted events
        for (const key of ['S', 'L'])
          document.body.dispatchEvent(
            new KeyboardEvent('keydown', { key, altKey: true, shiftKey: true, bubbles: true }),
          );
        // kept: proves a negative (no listener acts on these), so it can only be a time window
        await new Promise((ok) => setTimeout(ok, 1000));
        return report;
      },
      { extensionId, url },
    );
    log(
      `page world: chrome.runtime.sendMessage is ${String(attempts.chromeRuntime)}; replies ${JSON.stringify(attempts.replies)}`,
    );
    // without externally_connectable a page gets no messaging API (or one that cannot reach us)
    for (const r of (attempts.replies as Json[]) ?? [])
      expect(typeof r === 'string' || r === null, `a page got a reply from the extension: ${JSON.stringify(r)}`).toBe(
        true,
      );
    // kept: proves a negative (nothing written late), so it can only be a time window
    await sleep(500);
    expect(await databaseDump(driver), 'database after the hostile page').toBe(before);
    expect(
      page.errors().filter((e) => /sourcelight/i.test(e)),
      'extension errors in the page',
    ).toBe([]);
  },
  { timeoutMs: 90_000 },
);

export const hostilePageCannotUseThePanel = e2e(
  async ({ driver, server, expect, log }) => {
    const page = await articleWithANote(driver, server.url('/reading/story.html'), expect);
    const before = await settledDump(driver);
    const probe = await page.evaluate(async () => {
      const host = document.querySelector('sourcelight-ui');
      const root = host?.shadowRoot ?? null;
      const text = root?.textContent ?? '';
      let clicked = 0;
      // click everything clickable in the panel: save buttons, "save with note", delete…
      for (const el of Array.from(root?.querySelectorAll('button, [role=button], a') ?? [])) {
        (el as HTMLElement).click();
        clicked++;
        // kept: lets each click's handler run before the next (a click can open or replace the buttons)
        await new Promise((ok) => setTimeout(ok, 50));
      }
      // kept: proves a negative (no click saved or deleted anything), so it can only be a time window
      await new Promise((ok) => setTimeout(ok, 1000));
      return { hostFound: !!host, shadowReadable: !!root, textLength: text.length, clicked };
    });
    log(`panel probe from the page: ${JSON.stringify(probe)}`);
    expect(await databaseDump(driver), 'database after the page clicked the panel').toBe(before);
    // the panel shows the reader's saved notes about this page: the page must not be able to read them
    expect(probe.shadowReadable, 'the page can read the panel through an open shadow root').toBe(false);
  },
  { timeoutMs: 90_000 },
);
