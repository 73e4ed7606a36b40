/**
 * Hostile-page scenarios of issue 17, on Chromium and Firefox.
 *
 * `pageCannotTearDownTheSession` (item 6): WXT stops an "older" content script when a newer one announces
 * itself with a `<extension id>:article:wxt:content-script-started` CustomEvent on `document`. The page
 * plays the newer script — on `document`, on `window`, with and without the extension id, and as
 * `window.postMessage` — and the session must keep working: highlights stay registered, the panel stays
 * mounted and the content script still answers the background. The page also records every window
 * message from before the extension ran: WXT's broadcast, which named the extension id, must be gone.
 * (Reload/update teardown is covered by reading.ts `teardownOnExtensionReload`.)
 */
import { e2e, type Driver, type E2EPage, type Json } from '../driver.ts';
import { waitForContentScript } from '../helpers.ts';

/** Waits until the first drawing is done (the `sourcelight:draw` measure exists). */
async function waitForDrawn(page: E2EPage): Promise<void> {
  await waitForContentScript(page, 15_000);
  await page.waitFor(() => performance.getEntriesByName('sourcelight:draw').length > 0, null, {
    timeoutMs: 15_000,
    message: 'the sourcelight:draw measure',
  });
}

/** Sends a message of the contract to the content script of `page` (as the background does). */
async function sendToTab(driver: Driver, page: E2EPage, type: string): Promise<Json> {
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

/** Sizes of the page's `sourcelight-*` highlights, as the page's main world sees them. */
function highlightSizes(page: E2EPage): Promise<Record<string, number>> {
  return page.evaluate(() => {
    const out: Record<string, number> = {};
    for (const [k, h] of (CSS as unknown as { highlights: Map<string, Set<unknown>> }).highlights)
      if (k.startsWith('sourcelight-') && k !== 'sourcelight-flash') out[k] = h.size;
    return out;
  });
}

/** The page plays WXT's "newer content script started" signal in every form; the session lives on. */
export const pageCannotTearDownTheSession = e2e(async ({ server, driver, expect }) => {
  const page = await driver.newPage(server.url('/reading/watched.html'));
  await waitForDrawn(page);
  await sendToTab(driver, page, 'togglePanel');
  await page.waitFor(() => !!document.querySelector('sourcelight-ui'), null, { message: 'the panel host' });
  const before = await highlightSizes(page);
  expect(
    Object.values(before).some((n) => n > 0),
    'analysis drawn before the attack',
  ).toBe(true);
  const extId = driver.extensionOrigin.replace(/^[a-z-]+:\/\//, '');

  // nothing the extension posted told the page who we are
  const seen = await page.evaluate(() => (window as unknown as { __seenMessages: string[] }).__seenMessages);
  expect(
    seen.filter((m) => m.includes('content-script-started') || m.includes(extId)),
    'window messages naming the extension or its started signal',
  ).toBe([]);

  await page.evaluate((id) => {
    const names = [
      `${id}:article:wxt:content-script-started`,
      `undefined:article:wxt:content-script-started`,
      'wxt:content-script-started',
    ];
    for (const name of names) {
      for (const messageId of ['hostile', '']) {
        const detail = { contentScriptName: 'article', messageId };
        document.dispatchEvent(new CustomEvent(name, { detail, bubbles: true }));
        window.dispatchEvent(new CustomEvent(name, { detail }));
        document.documentElement.dispatchEvent(new CustomEvent(name, { detail, bubbles: true, composed: true }));
        window.postMessage({ type: name, contentScriptName: 'article', messageId }, '*');
      }
    }
    window.postMessage('hostile-done', '*');
  }, extId);
  // window messages arrive in order: once the page has its own marker, every posted variant was delivered
  await page.waitFor(
    () => (window as unknown as { __seenMessages: string[] }).__seenMessages.includes('"hostile-done"'),
    null,
    { message: 'the posted variants to be delivered' },
  );

  // still alive: it answers the background, keeps its drawing and its panel
  for (const step of ['panel closes', 'panel opens'])
    expect(
      JSON.stringify(await sendToTab(driver, page, 'togglePanel')).includes('"ok":true'),
      `content script answers (${step})`,
    ).toBe(true);
  expect(await highlightSizes(page), 'highlights after the attack').toBe(before);
  expect(await page.evaluate(() => document.querySelectorAll('sourcelight-ui').length), 'panel host').toBe(1);
  expect(page.errors(), 'page errors').toBe([]);
});
