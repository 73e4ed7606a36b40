/**
 * Helpers for scenarios, built only on the driver interface so they work in both browsers: waiting for
 * the content script and its first drawing, spying on the messages the background receives, sending a
 * tab a message of the contract, opening the popup, restoring a backup through it and reading its toast,
 * and (Chromium) reaching into the panel's closed shadow root.
 */
import type { Page } from 'playwright-core';
import { waitUntil, type Driver, type E2EPage, type Json, type SaveReply } from './driver.ts';

/**
 * Waits until the content script has run in `page`: it records a User Timing measure
 * `sourcelight:extract` on every http(s) page, and the page's main world shares the Performance timeline
 * with the content script's world in both browsers. If the built content script is refused (the Vite 8
 * charset trap) this never appears, so the test fails.
 */
export async function waitForContentScript(page: E2EPage, timeoutMs = 10_000): Promise<void> {
  await page.waitFor(() => performance.getEntriesByName('sourcelight:extract').length > 0, null, {
    timeoutMs,
    message: 'the content script to record its sourcelight:extract measure (did the content script load?)',
  });
}

/** A message the background received, as the spy recorded it. */
export interface SeenMessage {
  type: string;
  url: string | null;
  title: string | null;
  data: Json;
}

/**
 * Records every extension message the background receives from now on (type and payload), without
 * answering it, so the real handlers still reply. Returns a function that reads the record.
 * Install it before opening the page whose messages you want to see.
 */
export async function spyOnMessages(driver: Driver): Promise<() => Promise<SeenMessage[]>> {
  await driver.evaluateInBackground((bg) => {
    const store = bg as unknown as { __e2eMessages?: unknown[] };
    if (store.__e2eMessages) return;
    store.__e2eMessages = [];
    const api = (bg.chrome ?? bg.browser) as unknown as {
      runtime: { onMessage: { addListener(fn: (msg: unknown) => undefined): void } };
    };
    api.runtime.onMessage.addListener((msg) => {
      // a copy made now, in case the sender's object is reused; returning undefined leaves the reply to
      // the real listener
      store.__e2eMessages!.push(JSON.parse(JSON.stringify(msg)));
      return undefined;
    });
  });
  return () =>
    driver.evaluateInBackground((bg) => {
      const all = ((bg as unknown as { __e2eMessages?: unknown[] }).__e2eMessages ?? []) as Array<{
        type?: unknown;
        data?: { url?: unknown; title?: unknown };
      }>;
      return all.map((m) => ({
        type: typeof m.type === 'string' ? m.type : '',
        url: typeof m.data?.url === 'string' ? m.data.url : null,
        title: typeof m.data?.title === 'string' ? m.data.title : null,
        data: JSON.parse(JSON.stringify(m.data ?? null)) as Json,
      }));
    });
}

/** Opens popup.html in a tab and waits until the library has rendered (not "Loading…"). */
export async function openPopup(driver: Driver): Promise<E2EPage> {
  const popup = await driver.openExtensionPage('popup.html');
  await popup.waitForSelector('main[aria-label="Saved articles"]', { timeoutMs: 10_000 });
  return popup;
}

/** Waits until the first drawing is done (the `sourcelight:draw` measure exists). */
export async function waitForDrawn(page: E2EPage, timeoutMs = 15_000): Promise<void> {
  await waitForContentScript(page, timeoutMs);
  await page.waitFor(() => performance.getEntriesByName('sourcelight:draw').length > 0, null, {
    timeoutMs,
    message: 'the sourcelight:draw measure',
  });
}

/** Sends a message of the contract to the content script of `page` (as the background does). */
export async function sendToTab(driver: Driver, page: E2EPage, type: string): Promise<Json> {
  const url = await page.url();
  return driver.evaluateInBackground(
    async (bg, arg) => {
      const api = (bg.chrome ?? bg.browser) as unknown as {
        tabs: {
          query(q: object): Promise<Array<{ id?: number; url?: string }>>;
          sendMessage(id: number, msg: object): Promise<unknown>;
        };
      };
      const tab = (await api.tabs.query({})).find((t) => t.url === arg.url);
      if (tab?.id === undefined) return { error: 'no tab' };
      // the @webext-core/messaging wire format
      const reply = await api.tabs.sendMessage(tab.id, { id: 1, type: arg.type, data: null, timestamp: Date.now() });
      return JSON.parse(JSON.stringify(reply ?? null)) as Json;
    },
    { url, type },
  );
}

/**
 * "Save this article's sourcing" for `page` through the background's test hook: the very function the
 * context menu calls (headless browsers cannot open native context menus).
 */
export async function saveSourcingVia(driver: Driver, page: E2EPage): Promise<SaveReply> {
  const url = await page.url();
  return driver.evaluateInBackground(async (bg, pageUrl) => {
    const api = bg.chrome ?? bg.browser;
    const hook = bg.__sourcelightTest;
    if (!api || !hook) return { ok: false, error: 'test hook __sourcelightTest missing from the background' };
    const tabs = (await api.tabs.query({})).filter((tab) => tab.url === pageUrl);
    if (tabs.length !== 1) return { ok: false, error: `expected one tab at ${pageUrl}, found ${tabs.length}` };
    return JSON.parse(JSON.stringify(await hook.saveSourcingOf(tabs[0]!.id))) as SaveReply;
  }, url);
}

/**
 * Sends a message of the contract from an extension page (the popup), as the content script would: the
 * background takes messages from the extension's own pages. Returns the contract's Result.
 */
export async function sendFromPage(page: E2EPage, type: string, data: Json): Promise<Json> {
  return page.evaluate(
    async (arg) => {
      const g = globalThis as unknown as {
        browser?: { runtime: { sendMessage(m: object): Promise<unknown> } };
        chrome?: { runtime: { sendMessage(m: object): Promise<unknown> } };
      };
      const api = g.browser ?? g.chrome;
      // the @webext-core/messaging wire format; its reply wraps the value as { res } (or { err })
      const reply = (await api!.runtime.sendMessage({
        id: 1,
        type: arg.type,
        data: arg.data,
        timestamp: Date.now(),
      })) as { res?: unknown; err?: unknown } | undefined;
      return JSON.parse(JSON.stringify(reply?.res ?? { ok: false, error: String(reply?.err ?? 'no reply') }));
    },
    { type, data },
  );
}

/** Waits for the toast and returns its text. */
export async function toast(popup: E2EPage): Promise<string> {
  return popup.waitFor(() => document.querySelector('[data-testid=toast]')?.textContent ?? '', null, {
    message: 'a toast message',
  });
}

/**
 * Opens the backup panel and restores `text` as if the reader had picked a file; returns the toast it
 * causes (any earlier toast is dismissed first, so an old message is never mistaken for the answer).
 */
export async function restoreFile(popup: E2EPage, text: string): Promise<string> {
  await popup.evaluate(() =>
    document.querySelector<HTMLButtonElement>('[data-testid=toast] button[aria-label=Dismiss]')?.click(),
  );
  await popup.waitFor(() => !document.querySelector('[data-testid=toast]'), null, { message: 'no toast' });
  if (!(await popup.evaluate(() => !!document.querySelector('[data-testid=restore-file]'))))
    await popup.click('button[aria-controls="backup-panel"]');
  await popup.evaluate((content) => {
    const input = document.querySelector<HTMLInputElement>('[data-testid=restore-file]')!;
    const dt = new DataTransfer();
    dt.items.add(new File([content], 'backup.json', { type: 'application/json' }));
    input.files = dt.files;
    input.dispatchEvent(new Event('change', { bubbles: true }));
  }, text);
  return toast(popup);
}

/**
 * Reaches into the panel's CLOSED shadow root the way only the browser's own tooling can (the page cannot:
 * `host.shadowRoot` is null for it). Chromium: CDP pierces closed roots, and clicks are real (trusted)
 * input events, since the panel ignores synthetic ones. Firefox (WebDriver BiDi through puppeteer) has no
 * such access here: `probe` returns null and the steps that need it are skipped, saying so.
 */
export interface PanelProbe {
  /** textContent of every match inside the panel's shadow root. */
  texts(selector: string): Promise<string[]>;
  /** A trusted click on the first match whose text (or aria-label) starts with `label`. */
  click(selector: string, label: string): Promise<boolean>;
  /** Clicks the first match, then inserts `text` as typed input. */
  type(selector: string, text: string): Promise<boolean>;
  /** Replaces the value of the first matching input with `text`, as typed input (its text selected first). */
  fill(selector: string, text: string): Promise<boolean>;
  /** Size of the first match, or null. */
  box(selector: string): Promise<{ width: number; height: number } | null>;
  /** A trusted mouse move to viewport coordinates. */
  mouseMove(x: number, y: number): Promise<void>;
}

interface CdpNode {
  nodeId: number;
  nodeName: string;
  children?: CdpNode[];
  shadowRoots?: CdpNode[];
}

export async function probe(driver: Driver, page: E2EPage): Promise<PanelProbe | null> {
  if (driver.name !== 'chromium') return null;
  const pw = (page as unknown as { page?: Page }).page;
  if (!pw) return null;
  const s = await pw.context().newCDPSession(pw);
  await s.send('DOM.enable');
  const shadowRoot = async (): Promise<number | null> => {
    const { root } = (await s.send('DOM.getDocument', { depth: -1, pierce: true })) as { root: CdpNode };
    const find = (n: CdpNode): number | null => {
      if (n.nodeName === 'SOURCELIGHT-UI' && n.shadowRoots?.[0]) return n.shadowRoots[0].nodeId;
      for (const c of n.children ?? []) {
        const r = find(c);
        if (r) return r;
      }
      return null;
    };
    return find(root);
  };
  const matches = async (selector: string): Promise<number[]> => {
    const id = await shadowRoot();
    if (!id) return [];
    return ((await s.send('DOM.querySelectorAll', { nodeId: id, selector })) as { nodeIds: number[] }).nodeIds;
  };
  const call = async <T>(nodeId: number, fn: string): Promise<T> => {
    const { object } = (await s.send('DOM.resolveNode', { nodeId })) as { object: { objectId: string } };
    const r = (await s.send('Runtime.callFunctionOn', {
      objectId: object.objectId,
      functionDeclaration: fn,
      returnByValue: true,
    })) as { result: { value: T } };
    return r.result.value;
  };
  const clickNode = async (nodeId: number) => {
    await s.send('DOM.scrollIntoViewIfNeeded', { nodeId });
    const { quads } = (await s.send('DOM.getContentQuads', { nodeId })) as { quads: number[][] };
    const q = quads[0]!;
    const x = (q[0]! + q[2]! + q[4]! + q[6]!) / 4;
    const y = (q[1]! + q[3]! + q[5]! + q[7]!) / 4;
    await s.send('Input.dispatchMouseEvent', { type: 'mouseMoved', x, y });
    await s.send('Input.dispatchMouseEvent', { type: 'mousePressed', x, y, button: 'left', clickCount: 1 });
    await s.send('Input.dispatchMouseEvent', { type: 'mouseReleased', x, y, button: 'left', clickCount: 1 });
  };
  return {
    async texts(selector) {
      const out: string[] = [];
      for (const id of await matches(selector))
        out.push(await call<string>(id, 'function () { return this.textContent || ""; }'));
      return out;
    },
    async click(selector, label) {
      for (const id of await matches(selector)) {
        const text = await call<string>(
          id,
          'function () { return ((this.textContent || "").trim() + "\u0000" + (this.getAttribute("aria-label") || "")); }',
        );
        const [own, aria] = text.split('\u0000');
        if (own!.startsWith(label) || aria!.startsWith(label)) {
          await clickNode(id);
          return true;
        }
      }
      return false;
    },
    async type(selector, text) {
      const [id] = await matches(selector);
      if (!id) return false;
      await clickNode(id);
      await s.send('Input.insertText', { text });
      return true;
    },
    async fill(selector, text) {
      const [id] = await matches(selector);
      if (!id) return false;
      await clickNode(id);
      await call<null>(id, 'function () { this.select(); return null; }');
      await s.send('Input.insertText', { text });
      return true;
    },
    async box(selector) {
      const [id] = await matches(selector);
      if (!id) return null;
      return call<{ width: number; height: number }>(
        id,
        'function () { const r = this.getBoundingClientRect(); return { width: r.width, height: r.height }; }',
      );
    },
    async mouseMove(x, y) {
      await s.send('Input.dispatchMouseEvent', { type: 'mouseMoved', x, y });
    },
  };
}

/** Polls `probe.texts(selector)` until one contains `needle`. */
export async function waitForUiText(
  ui: PanelProbe,
  selector: string,
  needle: string,
  timeoutMs = 10_000,
): Promise<string> {
  // wrapped: an empty string is a valid match but not truthy
  const hit = await waitUntil(
    async () => {
      const found = (await ui.texts(selector)).find((t) => t.includes(needle));
      return found === undefined ? null : { found };
    },
    { timeoutMs, message: `${JSON.stringify(needle)} in ${selector}` },
  );
  return hit.found;
}

/** Polls until `selector` matches nothing in the panel. */
export async function waitForUiGone(ui: PanelProbe, selector: string, timeoutMs = 10_000): Promise<void> {
  await waitUntil(async () => (await ui.texts(selector)).length === 0, { timeoutMs, message: `${selector} to go` });
}

export const CLOSED_ROOT =
  'the panel lives in a closed shadow root; only Chromium (CDP) can reach into it from a test — the Firefox run checks everything else';

/** Which sourcelight highlights hold a range whose text includes `needle` (sorted registry names). */
export function highlightsWith(page: E2EPage, needle: string): Promise<string[]> {
  return page.evaluate((n) => {
    const reg = (CSS as unknown as { highlights: Map<string, Set<Range>> }).highlights;
    const out: string[] = [];
    for (const [name, h] of reg) if ([...h].some((r) => r.toString().includes(n))) out.push(name);
    return out.sort();
  }, needle);
}

/** Waits until a claim containing `needle` is drawn as `category` only (a named quote, or anonymous). */
export async function waitClaimDrawnAs(
  page: E2EPage,
  needle: string,
  category: 'sourcelight-quote' | 'sourcelight-anonymous',
): Promise<void> {
  await page.waitFor(
    (arg) => {
      const reg = (CSS as unknown as { highlights: Map<string, Set<Range>> }).highlights;
      const inIt = (name: string) => [...(reg.get(name) ?? [])].some((r) => r.toString().includes(arg.needle));
      const other = arg.category === 'sourcelight-quote' ? 'sourcelight-anonymous' : 'sourcelight-quote';
      return inIt(arg.category) && !inIt(other);
    },
    { needle, category },
    { message: `the claim drawn as ${category}` },
  );
}

/** Every article, annotation and correction in the extension's database, read from an extension page. */
export async function databaseRecords(
  page: E2EPage,
): Promise<{ articles: Json[]; annotations: Json[]; corrections: Json[] }> {
  return page.evaluate(
    () =>
      new Promise((resolve, reject) => {
        const open = indexedDB.open('sourcelight');
        open.onerror = () => reject(new Error('cannot open the database'));
        open.onsuccess = () => {
          const db = open.result;
          const tx = db.transaction(['articles', 'annotations', 'corrections'], 'readonly');
          const all = (store: string) =>
            new Promise<unknown[]>((ok) => {
              const r = tx.objectStore(store).getAll();
              r.onsuccess = () => ok(r.result as unknown[]);
            });
          void Promise.all([all('articles'), all('annotations'), all('corrections')]).then(([a, n, c]) => {
            db.close();
            resolve(JSON.parse(JSON.stringify({ articles: a, annotations: n, corrections: c })));
          });
        };
      }),
  );
}

/** The article fields of the message contract's ArticleInput, read off a stored article record. */
const ARTICLE_INPUT_FIELDS = [
  'url',
  'canonicalUrl',
  'title',
  'byline',
  'siteName',
  'publishedTime',
  'excerpt',
  'textLength',
  'textHash',
];

/**
 * Names the speaker of a saved anonymous claim and turns its anonymous flag off, as the card's correction
 * form does: two `saveCorrection` messages sent from an extension page. Returns the two replies.
 */
export async function correctAnonymousClaim(
  page: E2EPage,
  article: Record<string, Json>,
  claim: Record<string, Json>,
  speaker: string,
): Promise<Json[]> {
  const articleInput = Object.fromEntries(ARTICLE_INPUT_FIELDS.map((k) => [k, article[k]!]));
  const base = {
    quote: claim.quote!,
    position: claim.position!,
    machine: { speaker: claim.speaker!, anonymous: true, kind: claim.quoteKind! },
  };
  const replies: Json[] = [];
  for (const correction of [
    { ...base, action: 'speaker', speaker },
    { ...base, action: 'anonymous', anonymous: false },
  ])
    replies.push(await sendFromPage(page, 'saveCorrection', { article: articleInput, correction }));
  return replies;
}
