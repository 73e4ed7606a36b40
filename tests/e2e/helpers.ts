/**
 * Helpers for scenarios, built only on the driver interface so they work in both browsers: waiting for
 * the content script and its first drawing, spying on the messages the background receives, sending a
 * tab a message of the contract, opening the popup, restoring a backup through it and reading its toast.
 */
import type { Driver, E2EPage, Json } from './driver.ts';

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
