/**
 * Foundation scenarios (issues 2 and 8), run on Chromium and Firefox: the built content script runs on an
 * article page; a selection saved the way the context menu / keyboard command saves it shows up in the
 * popup; it survives a browser restart where the browser allows; non-article pages stay quiet; the
 * background rejects a malformed message. See tests/e2e/driver.ts for how to add scenario files.
 */
import { join } from 'node:path';
import { e2e, sleep, waitUntil } from '../driver.ts';
import { openPopup, spyOnMessages, waitForContentScript, type SeenMessage } from '../helpers.ts';

const ARTICLE_TITLE = 'Harbour town votes to rebuild its flooded sea wall';
/** Crosses a curly quote and an inline boundary-free stretch of the second paragraph. */
const PASSAGE = '“We cannot ask people to reopen their businesses behind a wall that failed once already,”';

/**
 * (a) The content script really runs in the browser, extracts the article and reports it. Fails if the
 * content script is refused at load (the Vite 8 charset trap: a raw U+FFFF makes Chromium drop the script
 * silently), because neither the User Timing measure nor the `articleSeen` message would appear.
 */
export const contentScriptRunsOnArticle = e2e(async ({ driver, server, expect }) => {
  const messages = await spyOnMessages(driver);
  for (const path of ['/article.html', '/demo/seed.html']) {
    const url = server.url(path);
    const page = await driver.newPage(url);
    await waitForContentScript(page);
    const seen = await waitForMessage(messages, 'articleSeen', url);
    expect(seen.title ?? '', `${path}: reported title`).toBeTruthy();
    if (path === '/article.html') expect(seen.title ?? '', 'reported title').toContain(ARTICLE_TITLE);
    expect(page.errors(), `${path}: page errors`).toBe([]);
    // extraction works on a clone: the live page keeps its own structure
    expect(await page.evaluate(() => document.querySelectorAll('article p').length > 0), 'article intact').toBe(true);
    await page.close();
  }
});

/** (b) Select text on a served article, save it as the context menu does, and see it in the popup. */
export const savedSelectionAppearsInPopup = e2e(async ({ driver, server, expect, artifactsDir }) => {
  const page = await driver.newPage(server.url('/article.html'));
  await waitForContentScript(page);
  const selected = await page.selectText('article', PASSAGE);
  expect(selected, 'selected text').toBe(PASSAGE);

  const reply = await driver.saveSelection(page);
  expect(reply.ok, `save reply ${JSON.stringify(reply)}`).toBe(true);

  const popup = await openPopup(driver);
  await popup.waitForSelector('[data-testid=annotation]');
  expect(await popup.texts('[data-testid=annotation]'), 'saved notes').toContain(PASSAGE);
  const titles = await popup.texts('[data-testid=article] h2');
  expect(titles.join('\n'), 'article titles').toContain(ARTICLE_TITLE);
  await popup.screenshot(join(artifactsDir, 'popup.png'));
  expect(popup.errors(), 'popup errors').toBe([]);
});

/**
 * (c) The saved note survives closing and restarting the browser on the same profile. Firefox installs the
 * extension as a temporary add-on, which is uninstalled (storage included) when Firefox closes, so there
 * this step is skipped after checking the save itself.
 */
export const savedNoteSurvivesRestart = e2e(
  async ({ driver, server, expect, skip }) => {
    const page = await driver.newPage(server.url('/article.html'));
    await waitForContentScript(page);
    await page.selectText('article', 'A fisherman who asked not to be named');
    const reply = await driver.saveSelection(page);
    expect(reply.ok, `save reply ${JSON.stringify(reply)}`).toBe(true);

    if (!driver.capabilities.restartKeepsData) {
      skip('Firefox temporary add-ons lose their storage when the browser closes; restart not testable here');
    }
    await driver.restart();
    const popup = await openPopup(driver);
    await popup.waitForSelector('[data-testid=annotation]');
    expect(await popup.texts('[data-testid=annotation]'), 'notes after restart').toBe([
      'A fisherman who asked not to be named',
    ]);
  },
  { timeoutMs: 90_000 },
);

/** (d) Pages that are not articles get no article, and neither the page nor the console shows errors. */
export const nonArticlePagesStayQuiet = e2e(async ({ driver, server, expect }) => {
  const messages = await spyOnMessages(driver);
  for (const path of ['/search.html', '/app.html', '/empty.html']) {
    const page = await driver.newPage(server.url(path));
    // the script ran (so "no article" is a decision, not a script that never loaded)
    await waitForContentScript(page);
    expect(page.errors(), `${path}: page errors`).toBe([]);
    await page.close();
  }
  // plain text and about:blank: nothing to extract from, nothing must break
  const plain = [];
  for (const url of [server.url('/notes.txt'), 'about:blank']) {
    const page = await driver.newPage(url);
    await page.waitFor(() => document.readyState === 'complete', null, { message: `${url} loaded` });
    plain.push({ url, page });
  }
  // kept: proves a negative (no late articleSeen, no late page error), so it can only be a time window
  await sleep(500);
  for (const { url, page } of plain) {
    expect(page.errors(), `${url}: page errors`).toBe([]);
    await page.close();
  }
  const seen = (await messages()).filter((m) => m.type === 'articleSeen');
  expect(
    seen.map((m) => m.url),
    'articleSeen from non-article pages',
  ).toBe([]);
});

/** Bad input: a malformed message to the background is rejected with a clear error and writes nothing. */
export const malformedMessageIsRejected = e2e(async ({ driver, expect }) => {
  const popup = await openPopup(driver);
  // Sent from an extension page in the wire format of @webext-core/messaging, with an invalid payload.
  const reply = await popup.evaluate(async () => {
    const api = (globalThis as unknown as { chrome: { runtime: { sendMessage(m: unknown): Promise<unknown> } } })
      .chrome;
    const res = (await api.runtime.sendMessage({
      id: 1,
      type: 'saveAnnotation',
      data: { article: { url: 'https://example.org/' }, annotation: { kind: 'nonsense' } },
      timestamp: Date.now(),
    })) as { res?: { ok: boolean; error?: string } };
    return res.res ?? null;
  });
  expect(reply?.ok, `reply ${JSON.stringify(reply)}`).toBe(false);
  expect(reply?.error ?? '', 'error message').toContain('invalid message');
  // kept: proves a negative (the refused save writes nothing that the live list would show)
  await sleep(200);
  expect(await popup.texts('[data-testid=article]'), 'articles after a malformed save').toBe([]);
});

/** Waits for the background to have received `type` from `url`. */
function waitForMessage(messages: () => Promise<SeenMessage[]>, type: string, url: string) {
  return waitUntil(async () => (await messages()).find((m) => m.type === type && m.url === url), {
    message: `the background to receive ${type} from ${url}`,
  });
}

/**
 * The keyboard command is registered with its shortcut in each browser. Headless browsers do not route
 * synthetic key presses to extension shortcuts (checked: Alt+Shift+S in the page saves nothing in either),
 * so pressing it is left to the test hook above; this at least proves the browser accepted the binding.
 */
export const saveShortcutIsRegistered = e2e(async ({ driver, expect }) => {
  const commands = await driver.evaluateInBackground(async (bg) => {
    const api = (bg.chrome ?? bg.browser) as unknown as {
      commands: { getAll(): Promise<Array<{ name?: string; shortcut?: string }>> };
    };
    return (await api.commands.getAll()).map((c) => ({ name: c.name ?? '', shortcut: c.shortcut ?? '' }));
  });
  expect(
    commands.find((c) => c.name === 'save-selection'),
    'save-selection command',
  ).toBe({ name: 'save-selection', shortcut: 'Alt+Shift+S' });
});
