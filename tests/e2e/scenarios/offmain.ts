/**
 * Extraction and analysis off the page's main thread (issue 14), on Chromium and Firefox. Which way the
 * work went is read from the content script's User Timing (no reader data): `sourcelight:path:offpage` when
 * the article came back extracted and analyzed from the extension document (Chrome's offscreen document,
 * Firefox's event page), `sourcelight:fallback:timeout|error` and `sourcelight:path:fallback` when the page
 * did it itself, and the mark `sourcelight:extract:offpage` beside each `sourcelight:extract` measure
 * made off the page (a measure without it: Readability ran in the page). The background's own `sourcelight:bg-extract` / `sourcelight:bg-analyze` measures show it really
 * did the work. Timings are the bench's business.
 *
 * 1. `extractionAndAnalysisOffThePage`: a normal page is serialized, extracted and analyzed off the page;
 *    the page runs neither Readability nor the analyzer, and draws.
 * 2. `fallbackWhenTheBackgroundIsSilent`: the background (test hook) never answers; after its deadline the
 *    page extracts and analyzes in slices itself and draws the same highlights.
 * 3. `serviceWorkerKilledMidAnalysis` (Chromium): the worker is stopped while it holds the request; the page
 *    falls back at once (no waiting for the deadline), and the next page wakes a fresh worker, whose
 *    offscreen document (still open) does the work again.
 */
import type { Page } from 'playwright-core';
import { e2e, waitUntil, type Driver, type E2EPage } from '../driver.ts';
import { waitForDrawn } from '../helpers.ts';

const STORY = '/reading/story.html';

/** The analysis path marks the page recorded, in order (`remote`, `fallback`, `fallback:timeout`, …). */
function pathMarks(page: E2EPage): Promise<string[]> {
  return page.evaluate(() =>
    performance
      .getEntriesByType('mark')
      .map((m) => m.name)
      .filter((n) => n.startsWith('sourcelight:path:') || n.startsWith('sourcelight:fallback:'))
      .map((n) => n.slice('sourcelight:'.length)),
  );
}

/** The person highlights drawn, as text, sorted. */
function people(page: E2EPage): Promise<string[]> {
  return page.evaluate(() => {
    const h = (CSS as unknown as { highlights: Map<string, Set<Range>> }).highlights.get('sourcelight-person');
    return h ? [...h].map((r) => r.toString()).sort() : [];
  });
}

/** How many analyses and extractions the background has recorded (its own User Timing). */
function backgroundWork(driver: Driver): Promise<{ analyses: number; extractions: number }> {
  // the background's own `performance` (in Firefox the function runs in a helper tab, given the background)
  return driver.evaluateInBackground((bg) => {
    const perf = (bg as unknown as { performance: Performance }).performance;
    return {
      analyses: perf.getEntriesByName('sourcelight:bg-analyze').length,
      extractions: perf.getEntriesByName('sourcelight:bg-extract').length,
    };
  });
}

/** How many extractions ran off the page and in it, and how many analysis slices ran in the page. */
function pageWork(page: E2EPage): Promise<{ offpage: number; inPage: number; serialized: number; chunks: number }> {
  return page.evaluate(() => {
    const count = (n: string) => performance.getEntriesByName(`sourcelight:${n}`).length;
    return {
      offpage: count('extract:offpage'),
      inPage: count('extract') - count('extract:offpage'),
      serialized: count('serialize'),
      chunks: count('analyze:chunk'),
    };
  });
}

function setStalled(driver: Driver, stalled: boolean): Promise<void> {
  return driver.evaluateInBackground((bg, on) => {
    if (!bg.__sourcelightTest) throw new Error('no test hook: build with WXT_SOURCELIGHT_TEST=1');
    bg.__sourcelightTest.analysis.stalled = on;
  }, stalled);
}

export const extractionAndAnalysisOffThePage = e2e(async ({ driver, server, expect }) => {
  const before = await backgroundWork(driver);
  const page = await driver.newPage(server.url(STORY));
  await waitForDrawn(page);
  expect(await pathMarks(page), 'analysis path').toBe(['path:offpage']);
  expect(await pageWork(page), 'work in the page').toBe({ offpage: 1, inPage: 0, serialized: 1, chunks: 0 });
  expect(
    await page.evaluate(() => performance.getEntriesByName('sourcelight:roundtrip').length),
    'round-trip measures',
  ).toBe(1);
  const after = await backgroundWork(driver);
  expect(after.extractions, 'extractions recorded by the background').toBe(before.extractions + 1);
  expect(after.analyses, 'analyses recorded by the background').toBe(before.analyses + 1);
  expect(await people(page), 'people drawn').toContain('Maria Lopes');
  expect(page.errors(), 'page errors').toBe([]);
});

export const fallbackWhenTheBackgroundIsSilent = e2e(async ({ driver, server, expect, log }) => {
  // the reference: what the background draws
  const normal = await driver.newPage(server.url(STORY));
  await waitForDrawn(normal);
  const expected = await people(normal);
  await normal.close();

  await setStalled(driver, true);
  const before = await backgroundWork(driver);
  const page = await driver.newPage(server.url(STORY));
  // the deadline is 2 s plus 1 ms per 1,000 characters of HTML
  await waitForDrawn(page, 20_000);
  expect(await pathMarks(page), 'analysis path').toBe(['fallback:timeout', 'path:fallback']);
  const work = await pageWork(page);
  expect([work.offpage, work.inPage], 'Readability ran in the page (off the page, in it)').toBe([0, 1]);
  expect(await people(page), 'people drawn by the fallback').toBe(expected);
  const slices = await page.evaluate(() =>
    performance.getEntriesByName('sourcelight:analyze:chunk').map((e) => Math.round(e.duration)),
  );
  // durations are logged, not asserted (the bench's business): warm-up slices first, then the text's
  log(`fallback slices (ms): ${JSON.stringify(slices)}`);
  expect(slices.length > 2, 'the fallback analyzed in slices (warm-up, then text)').toBe(true);
  expect(await backgroundWork(driver), 'work by the stalled background').toBe(before);
  expect(page.errors(), 'page errors').toBe([]);
  await setStalled(driver, false);
});

export const serviceWorkerKilledMidAnalysis = e2e(
  async ({ driver, server, expect, skip }) => {
    if (driver.name !== 'chromium') skip('Firefox’s event page cannot be stopped on demand over WebDriver BiDi');
    await setStalled(driver, true);
    const page = await driver.newPage(server.url(STORY));
    // the request is in the worker's hands: the stalled background has received it and holds it
    await waitUntil(() => driver.evaluateInBackground((bg) => (bg.__sourcelightTest?.analysis.held ?? 0) > 0), {
      message: 'the background to hold the analysis request',
    });
    const pw = (page as unknown as { page: Page }).page;
    const cdp = await pw.context().newCDPSession(pw);
    await cdp.send('ServiceWorker.enable');
    await cdp.send('ServiceWorker.stopAllWorkers');
    await cdp.detach();
    await waitForDrawn(page);
    expect(await pathMarks(page), 'path after the worker died').toBe(['fallback:error', 'path:fallback']);
    expect(await people(page), 'people drawn by the fallback').toContain('Maria Lopes');
    expect((await pageWork(page)).inPage, 'Readability ran in the page').toBe(1);

    // a fresh worker (its test hook not stalled) wakes for the next page and analyzes it
    const next = await driver.newPage(server.url(STORY));
    await waitForDrawn(next);
    expect(await pathMarks(next), 'path with a woken worker').toBe(['path:offpage']);
    expect((await pageWork(next)).offpage, 'extracted off the page again').toBe(1);
    expect(page.errors(), 'page errors').toBe([]);
  },
  { browsers: ['chromium'] },
);
