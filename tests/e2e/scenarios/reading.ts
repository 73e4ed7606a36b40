/**
 * Reading scenarios (issue 5): the analysis made visible in the live page. Highlights registered in
 * `CSS.highlights` under the six names, the panel in its shadow root listing speakers, saving a selection
 * with a note, re-anchoring on a return visit (tracking parameters) and after an edit (orphans reported),
 * late-loaded paragraphs without duplicate highlights, full teardown, and hostile pages that must not throw.
 * Timings come from the content script's own User Timing measures.
 */
import { join } from 'node:path';
import { e2e, sleep, waitUntil, type E2EPage, type Json } from '../driver.ts';
import {
  CLOSED_ROOT,
  probe,
  sendToTab,
  spyOnMessages,
  waitForDrawn,
  waitForUiGone,
  waitForUiText,
} from '../helpers.ts';

const NAMES = [
  'sourcelight-person',
  'sourcelight-organization',
  'sourcelight-place',
  'sourcelight-quote',
  'sourcelight-anonymous',
  'sourcelight-note',
];

/** Range texts per registered sourcelight highlight. */
function highlightTexts(page: E2EPage): Promise<Record<string, string[]>> {
  return page.evaluate(() => {
    const out: Record<string, string[]> = {};
    const reg = (CSS as unknown as { highlights?: Map<string, Set<AbstractRange>> }).highlights;
    if (!reg) return out;
    for (const [name, h] of reg) {
      if (!name.startsWith('sourcelight-')) continue;
      out[name] = [...h].map((r) => (r instanceof Range ? r.toString() : ''));
    }
    return out;
  });
}

/** The User Timing measures the content script recorded, in ms (rounded). */
function measures(page: E2EPage): Promise<Record<string, number>> {
  return page.evaluate(() => {
    const out: Record<string, number> = {};
    for (const e of performance.getEntriesByType('measure')) {
      if (!e.name.startsWith('sourcelight:')) continue;
      // the first run's value (later runs are re-analyses after mutations)
      if (!(e.name in out)) out[e.name] = Math.round(e.duration * 10) / 10;
    }
    const idle = performance.getEntriesByName('sourcelight:idle')[0];
    const draw = performance.getEntriesByName('sourcelight:draw')[0];
    if (idle && draw) out['idle→drawn'] = Math.round((draw.startTime + draw.duration - idle.startTime) * 10) / 10;
    return out;
  });
}

/** 1. After load, the six highlights are registered and hold the article's names and quotes — not the nav's. */
export const highlightsRegisteredAfterLoad = e2e(async ({ server, driver, expect, log }) => {
  for (const path of ['/demo/seed.html', '/reading/story.html']) {
    const page = await driver.newPage(server.url(path));
    await waitForDrawn(page);
    const hl = await highlightTexts(page);
    for (const name of NAMES) expect(Object.keys(hl), `${path}: registered highlights`).toContain(name);
    expect((hl['sourcelight-person'] ?? []).length, `${path}: person ranges`).toBeGreaterThan(0);
    expect((hl['sourcelight-quote'] ?? []).length, `${path}: quote ranges`).toBeGreaterThan(0);
    if (path === '/reading/story.html') {
      expect(hl['sourcelight-person'], 'people').toContain('Maria Lopes');
      expect((hl['sourcelight-anonymous'] ?? []).length, 'anonymous claims').toBeGreaterThan(0);
      // nothing anchored in the navigation bar or the comments
      const outside = await page.evaluate(() => {
        const reg = (CSS as unknown as { highlights: Map<string, Set<Range>> }).highlights;
        const chrome = [document.getElementById('nav')!, document.getElementById('comments')!];
        let n = 0;
        for (const [name, h] of reg)
          if (name.startsWith('sourcelight-'))
            for (const r of h) if (chrome.some((c) => c.contains(r.startContainer))) n++;
        return n;
      });
      expect(outside, 'ranges in nav/comments').toBe(0);
    }
    const m = await measures(page);
    log(`${path}: ${JSON.stringify(m)}`);
    expect(page.errors(), `${path}: page errors`).toBe([]);
    await page.close();
  }
});

/** 2. The panel opens on `togglePanel`, lists speakers, jumps to a quote, and category toggles act at once. */
export const panelListsSpeakers = e2e(async ({ server, driver, expect, artifactsDir, skip }) => {
  const page = await driver.newPage(server.url('/reading/story.html'));
  await waitForDrawn(page);
  await sendToTab(driver, page, 'togglePanel');
  await page.waitFor(() => !!document.querySelector('sourcelight-ui'));
  // the page itself cannot see into the panel
  expect(await page.evaluate(() => document.querySelector('sourcelight-ui')!.shadowRoot === null), 'closed root').toBe(
    true,
  );
  const ui = await probe(driver, page);
  if (!ui) return skip(CLOSED_ROOT);
  const speakers = await waitForUiText(ui, '.sl-speakers', 'Lopes');
  const text = (await ui.texts('.sl-panel'))[0] ?? '';
  expect(text, 'panel').toContain('Port authority weighs new dredging contract');
  expect(speakers, 'speakers').toContain('Maria Lopes');
  expect(text, 'panel').toContain('anonymous');
  // jump to a quote: it is flashed
  expect(await ui.click('.sl-quote', '“We cannot'), 'quote button').toBe(true);
  await page.waitFor(() =>
    (CSS as unknown as { highlights: Map<string, unknown> }).highlights.has('sourcelight-flash'),
  );
  // toggles remove / re-add the category's highlight
  expect(await ui.click('.sl-chip', 'People'), 'People toggle').toBe(true);
  await page.waitFor(
    () => !(CSS as unknown as { highlights: Map<string, unknown> }).highlights.has('sourcelight-person'),
  );
  expect(await ui.click('.sl-chip', 'People'), 'People toggle').toBe(true);
  await page.waitFor(() =>
    (CSS as unknown as { highlights: Map<string, unknown> }).highlights.has('sourcelight-person'),
  );
  await page.screenshot(join(artifactsDir, 'panel.png'));
  // the same message closes it again
  await sendToTab(driver, page, 'togglePanel');
  await waitForUiGone(ui, '.sl-panel');
  expect(page.errors(), 'page errors').toBe([]);
});

/** 3 + 5. Select → floating button → note → drawn as sourcelight-note; back under ?utm_source=x it re-anchors. */
export const savedNoteDrawsAndReturns = e2e(async ({ server, driver, expect }) => {
  const PASSAGE = 'more cargo last year than in any year since the port was expanded';
  const NOTE = 'check the 2025 figures';
  const page = await driver.newPage(server.url('/reading/story.html'));
  await waitForDrawn(page);
  await page.selectText('#p4', PASSAGE);
  const ui = await probe(driver, page);
  if (ui) {
    // the floating button, the note editor, Save — all real input
    await waitForUiText(ui, '.sl-selbar', 'Add note');
    expect(await ui.click('.sl-selbtn', 'Add note'), 'Add note button').toBe(true);
    expect(await ui.type('.sl-editor textarea', NOTE), 'typing the note').toBe(true);
    expect(await ui.click('.sl-editor button', 'Save'), 'Save button').toBe(true);
  } else {
    // Firefox: the same save through the context-menu / shortcut path (no note)
    expect((await driver.saveSelection(page)).ok, 'save').toBe(true);
  }
  // saved notes are drawn only while the panel is open (issue 17, item 3)
  await sendToTab(driver, page, 'togglePanel');
  const drawn = await page.waitFor(() => {
    const h = (CSS as unknown as { highlights: Map<string, Set<Range>> }).highlights.get('sourcelight-note');
    return h && h.size > 0 ? [...h].map((r) => r.toString()) : null;
  });
  expect(drawn, 'note drawn').toBe([PASSAGE]);
  await page.close();

  const again = await driver.newPage(server.url('/reading/story.html?utm_source=x&fbclid=y'));
  await waitForDrawn(again);
  // saved notes are drawn only while the panel is open (issue 17, item 3)
  await sendToTab(driver, again, 'togglePanel');
  const back = await again.waitFor(
    () => {
      const h = (CSS as unknown as { highlights: Map<string, Set<Range>> }).highlights.get('sourcelight-note');
      return h && h.size > 0 ? [...h].map((r) => r.toString()) : null;
    },
    null,
    { message: 'the saved note to re-anchor on the return visit' },
  );
  expect(back, 're-anchored note').toBe([PASSAGE]);
  const ui2 = await probe(driver, again);
  // the comment is drawn as generated content (not findable by the page's window.find), so look it up by its attribute
  if (ui2) await waitForUiText(ui2, `.sl-note-comment[data-comment=${JSON.stringify(NOTE)}]`, '');
  expect(again.errors(), 'page errors').toBe([]);
});

/** 5. After an edit: a lightly reworded note re-anchors (fuzzy), a rewritten one is reported as an orphan. */
export const editedPageReportsOrphan = e2e(async ({ server, driver, expect }) => {
  const messages = await spyOnMessages(driver);
  const page = await driver.newPage(server.url('/reading/story.html'));
  await waitForDrawn(page);
  await page.selectText('#p2', 'We cannot let the channel silt up again while ships wait outside the harbour');
  expect((await driver.saveSelection(page)).ok, 'save p2').toBe(true);
  await page.selectText('#p3', 'the ministry had already chosen a Dutch firm for the work');
  expect((await driver.saveSelection(page)).ok, 'save p3').toBe(true);
  // the content script pulls the saved notes back and draws them
  // saved notes are drawn only while the panel is open (issue 17, item 3)
  await sendToTab(driver, page, 'togglePanel');
  await page.waitFor(
    () =>
      ((CSS as unknown as { highlights: Map<string, Set<Range>> }).highlights.get('sourcelight-note')?.size ?? 0) === 2,
  );
  await page.close();

  const edited = await driver.newPage(server.url('/reading/story.html#edited'));
  await waitForDrawn(edited);
  const reported = await waitUntil(
    async () => {
      const all = await messages();
      const last = all.filter((m) => m.type === 'setAnchorStatus').pop();
      const d = last?.data as { found?: string[]; orphaned?: string[] } | undefined;
      return d && (d.found?.length ?? 0) + (d.orphaned?.length ?? 0) === 2 && (d.orphaned?.length ?? 0) > 0 ? d : null;
    },
    { message: 'setAnchorStatus with an orphan' },
  );
  expect(!!reported, 'setAnchorStatus with an orphan').toBe(true);
  expect(reported!.orphaned!.length, 'orphans').toBe(1);
  expect(reported!.found!.length, 'found').toBe(1);
  // saved notes are drawn only while the panel is open (issue 17, item 3)
  await sendToTab(driver, edited, 'togglePanel');
  const notes = await edited.waitFor(() => {
    const h = (CSS as unknown as { highlights: Map<string, Set<Range>> }).highlights.get('sourcelight-note');
    return h && h.size > 0 ? [...h].map((r) => r.toString()) : null;
  });
  expect(notes!.length, 'one note drawn').toBe(1);
  expect(notes![0] ?? '', 'fuzzy re-anchored note').toContain('silt up once again');
  const ui = await probe(driver, edited);
  if (ui) await waitForUiText(ui, '.sl-notes', 'Not found in this page');
  expect(edited.errors(), 'page errors').toBe([]);
});

/** 6. Paragraphs loaded late are analyzed; nothing is drawn twice. */
export const lateParagraphsWithoutDuplicates = e2e(async ({ server, driver, expect }) => {
  const page = await driver.newPage(server.url('/reading/late.html'));
  await waitForDrawn(page);
  const late = await page.waitFor(
    () => {
      const h = (CSS as unknown as { highlights: Map<string, Set<Range>> }).highlights.get('sourcelight-person');
      const texts = h ? [...h].map((r) => r.toString()) : [];
      return texts.includes('Rui Almeida') ? texts : null;
    },
    null,
    { timeoutMs: 10_000, message: 'a person highlight in the late paragraphs' },
  );
  expect(late!.filter((t) => t === 'Ana Costa').length, 'Ana Costa drawn once').toBe(1);
  const dupes = await page.evaluate(() => {
    const reg = (CSS as unknown as { highlights: Map<string, Set<Range>> }).highlights;
    let d = 0;
    for (const [name, h] of reg) {
      if (!name.startsWith('sourcelight-')) continue;
      const seen = new Set<string>();
      for (const r of h) {
        const path: number[] = [];
        for (let n: Node | null = r.startContainer; n && n.parentNode; n = n.parentNode)
          path.push([...n.parentNode.childNodes].indexOf(n as ChildNode));
        const key = `${path.join('.')}:${r.startOffset}:${r.toString()}`;
        if (seen.has(key)) d++;
        seen.add(key);
      }
    }
    return d;
  });
  expect(dupes, 'duplicate ranges').toBe(0);
  expect(page.errors(), 'page errors').toBe([]);
});

/** Waits until nothing of Sourcelight is left in the page. */
async function waitForCleanPage(page: E2EPage): Promise<void> {
  await page.waitFor(
    () =>
      ![...(CSS as unknown as { highlights: Map<string, unknown> }).highlights.keys()].some((k) =>
        k.startsWith('sourcelight-'),
      ) &&
      !document.querySelector('sourcelight-ui, sourcelight-mark') &&
      document.adoptedStyleSheets.length === 0,
    null,
    { message: 'every highlight and injected node to be removed' },
  );
}

/**
 * 8. Reloading the extension orphans the content script. Chromium keeps the orphan running: it notices
 * (runtime.id is gone) and removes everything it added. Firefox destroys the orphan's realm and injects
 * the new version into open tabs: then the page must hold exactly one drawing, no duplicates.
 */
export const teardownOnExtensionReload = e2e(async ({ server, driver, expect }) => {
  const page = await driver.newPage(server.url('/reading/story.html'));
  await waitForDrawn(page);
  await sendToTab(driver, page, 'togglePanel');
  await page.waitFor(() => !!document.querySelector('sourcelight-ui'));
  const sizes = () =>
    page.evaluate(() => {
      const out: Record<string, number> = {};
      for (const [k, h] of (CSS as unknown as { highlights: Map<string, Set<unknown>> }).highlights)
        if (k.startsWith('sourcelight-') && k !== 'sourcelight-flash') out[k] = h.size;
      return out;
    });
  const before = await sizes();
  await driver.evaluateInBackground((bg) => {
    const api = (bg.chrome ?? bg.browser) as unknown as { runtime: { reload(): void } };
    // kept: not a wait; lets this evaluation return before the reload tears down the background
    setTimeout(() => api.runtime.reload(), 50);
  });
  if (driver.name === 'chromium') {
    await waitForCleanPage(page);
    return;
  }
  await page.waitFor(() => performance.getEntriesByName('sourcelight:draw').length >= 2, null, {
    message: 'the re-injected content script to draw',
  });
  // kept: proves a negative (no second drawing from a duplicate script), so it can only be a time window
  await sleep(500);
  expect(await sizes(), 'one drawing after the reload').toBe(before);
  expect(await page.evaluate(() => document.querySelectorAll('sourcelight-ui').length <= 1), 'one UI host').toBe(true);
});

/** 4. Hovering a highlighted name shows its card; "Save" stores it as an entity annotation. */
export const cardOnHoverSaves = e2e(async ({ server, driver, expect, skip }) => {
  const page = await driver.newPage(server.url('/reading/story.html'));
  await waitForDrawn(page);
  const ui = await probe(driver, page);
  if (!ui) return skip(CLOSED_ROOT);
  // CSS highlights are not elements: the content script hit-tests the pointer position
  const at = await page.evaluate(() => {
    const h = (CSS as unknown as { highlights: Map<string, Set<Range>> }).highlights.get('sourcelight-person');
    const r = h ? [...h].find((x) => x.toString() === 'Maria Lopes') : undefined;
    if (!r) return null;
    r.startContainer.parentElement?.scrollIntoView({ block: 'center' });
    const box = r.getClientRects()[0]!;
    return { x: box.left + 5, y: box.top + box.height / 2 };
  });
  expect(!!at, 'a Maria Lopes range to hover').toBe(true);
  await ui.mouseMove(at!.x, at!.y);
  const card = await waitForUiText(ui, '.sl-card', 'Maria Lopes');
  expect(card, 'card').toContain('Person');
  expect(await ui.click('.sl-card button', 'Save'), 'Save on the card').toBe(true);
  await waitForUiText(ui, '.sl-card', 'Saved');
  expect(page.errors(), 'page errors').toBe([]);
});

/** 7. Settings: categories, "only on click" and the per-site switch apply to open pages without a reload. */
export const settingsApplyLive = e2e(async ({ server, driver, expect }) => {
  const page = await driver.newPage(server.url('/reading/story.html'));
  await waitForDrawn(page);
  const options = await driver.openExtensionPage('options.html');
  await options.waitForSelector('input[type=checkbox]');
  // hide people, analyze only on click
  await options.evaluate(() => {
    document.querySelector<HTMLInputElement>('input[aria-label="Show people"]')!.click();
    document.querySelectorAll<HTMLInputElement>('input[name=mode]')[1]!.click();
  });
  // The new tab below reads the settings when it starts: wait until "analyze on click" is stored, not only
  // until the open page has reacted to the first of the two writes (a loaded machine lands them apart).
  await options.waitFor(
    async () => {
      type Area = { get(key: string): Promise<Record<string, { mode?: string } | undefined>> };
      const g = globalThis as unknown as {
        browser?: { storage: { sync: Area } };
        chrome?: { storage: { sync: Area } };
      };
      const sync = (g.browser ?? g.chrome)!.storage.sync;
      return (await sync.get('sourcelight-settings'))['sourcelight-settings']?.mode === 'click';
    },
    null,
    { message: 'the "analyze on click" setting stored' },
  );
  await page.waitFor(
    () => !(CSS as unknown as { highlights: Map<string, unknown> }).highlights.has('sourcelight-person'),
    null,
    {
      message: 'people hidden after the settings change',
    },
  );
  // a custom color reaches the page as an adopted stylesheet (no node added)
  await options.evaluate(() => {
    const input = document.querySelector<HTMLInputElement>('input[aria-label="Color of places"]')!;
    Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')!.set!.call(input, '#123456');
    input.dispatchEvent(new Event('input', { bubbles: true }));
  });
  await page.waitFor(
    () =>
      document.adoptedStyleSheets.some((sheet) =>
        [...sheet.cssRules].some((r) => r.cssText.includes('sourcelight-place') && r.cssText.includes('18, 52, 86')),
      ),
    null,
    { message: 'the custom color applied in the page' },
  );
  await options.close();

  const onClick = await driver.newPage(server.url('/reading/late.html'));
  await waitForDrawn(onClick);
  const quotes = () =>
    onClick.evaluate(
      () =>
        (CSS as unknown as { highlights: Map<string, Set<unknown>> }).highlights.get('sourcelight-quote')?.size ?? 0,
    );
  expect(await quotes(), 'no analysis before the panel opens').toBe(0);
  await sendToTab(driver, onClick, 'togglePanel');
  await onClick.waitFor(
    () =>
      ((CSS as unknown as { highlights: Map<string, Set<unknown>> }).highlights.get('sourcelight-quote')?.size ?? 0) >
      0,
    null,
    { message: 'analysis after opening the panel' },
  );
  // the per-site switch: from the panel where the test can reach it, else from the options page
  const ui = await probe(driver, onClick);
  if (ui) {
    expect(await ui.click('.sl-link', 'Turn off on this site'), 'off switch').toBe(true);
    await waitForUiText(ui, '.sl-panel', 'off for this site');
  } else {
    const opts = await driver.openExtensionPage('options.html');
    await opts.waitForSelector('.add-site input');
    await opts.evaluate(() => {
      const input = document.querySelector<HTMLInputElement>('.add-site input')!;
      Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')!.set!.call(input, '127.0.0.1');
      input.dispatchEvent(new Event('input', { bubbles: true }));
    });
    // no wait before the click: React commits a discrete event's (input) update before dispatch returns
    await opts.evaluate(() => document.querySelector<HTMLButtonElement>('.add-site button')!.click());
    await opts.waitFor(
      () => [...document.querySelectorAll('li')].some((li) => li.textContent?.includes('127.0.0.1')),
      null,
      {
        message: 'the site in the options list',
      },
    );
    await opts.close();
  }
  await onClick.waitFor(
    () =>
      ![...(CSS as unknown as { highlights: Map<string, unknown> }).highlights.keys()].some((k) =>
        k.startsWith('sourcelight-'),
      ),
    null,
    { message: 'highlights removed when the site is switched off' },
  );
  expect(onClick.errors(), 'page errors').toBe([]);
});

/** 2. The toolbar popup's "Show panel on this page" sends `openPanel`; the background opens it in the tab. */
export const openPanelFromPopupMessage = e2e(async ({ server, driver, expect }) => {
  const page = await driver.newPage(server.url('/reading/story.html'));
  await waitForDrawn(page);
  const ext = await driver.openExtensionPage('options.html');
  const pageUrl = await page.url();
  // make the article the active tab again, as it is while the toolbar popup is open over it
  await driver.evaluateInBackground(async (bg, url) => {
    const api = (bg.chrome ?? bg.browser) as unknown as {
      tabs: {
        query(q: object): Promise<Array<{ id?: number; url?: string }>>;
        update(id: number, p: object): Promise<unknown>;
      };
    };
    const tab = (await api.tabs.query({})).find((t) => t.url === url);
    if (tab?.id !== undefined) await api.tabs.update(tab.id, { active: true });
  }, pageUrl);
  const reply = await ext.evaluate(async () => {
    const api = ((globalThis as unknown as { chrome?: unknown; browser?: unknown }).browser ??
      (globalThis as unknown as { chrome?: unknown }).chrome) as {
      runtime: { sendMessage(m: object): Promise<unknown> };
    };
    const r = await api.runtime.sendMessage({ id: 7, type: 'openPanel', data: null, timestamp: Date.now() });
    return JSON.parse(JSON.stringify(r ?? null)) as Json;
  });
  expect(JSON.stringify(reply), 'openPanel reply').toContain('"ok":true');
  await page.waitFor(() => !!document.querySelector('sourcelight-ui'));
  const ui = await probe(driver, page);
  if (ui) await waitForUiText(ui, '.sl-panel', 'Port authority');
});

/** Hostile and odd pages: no errors, the page keeps working, the panel still shows. */
export const hostilePagesDoNotThrow = e2e(
  async ({ server, driver, expect, log }) => {
    // every mention drawn, as before the calm default (issue 15): many.html is a stress test of thousands
    const options = await driver.openExtensionPage('options.html');
    await options.click('input[name=density][value=everything]');
    await options.waitFor(
      async () => {
        type Area = { get(key: string): Promise<Record<string, { density?: string } | undefined>> };
        const g = globalThis as unknown as {
          browser?: { storage: { sync: Area } };
          chrome?: { storage: { sync: Area } };
        };
        const sync = (g.browser ?? g.chrome)!.storage.sync;
        return (await sync.get('sourcelight-settings'))['sourcelight-settings']?.density === 'everything';
      },
      null,
      { message: 'the "Everything" density stored' },
    );
    await options.close();
    for (const path of ['/reading/plain.html', '/reading/many.html', '/reading/hostile.html', '/reading/rtl.html']) {
      const page = await driver.newPage(server.url(path));
      await waitForDrawn(page, 30_000);
      const hl = await highlightTexts(page);
      log(
        `${path}: ${JSON.stringify(Object.fromEntries(Object.entries(hl).map(([k, v]) => [k, v.length])))} ${JSON.stringify(await measures(page))}`,
      );
      if (path.endsWith('plain.html')) expect((hl['sourcelight-person'] ?? []).length, 'no people').toBe(0);
      if (path.endsWith('many.html'))
        expect((hl['sourcelight-person'] ?? []).length, 'thousands of people').toBeGreaterThan(1000);
      await sendToTab(driver, page, 'togglePanel');
      await page.waitFor(() => !!document.querySelector('sourcelight-ui'));
      const ui = await probe(driver, page);
      if (ui) {
        await waitForUiText(ui, '.sl-panel', 'Sourcelight');
        // page CSS hiding custom elements must not hide the panel
        expect((await ui.box('.sl-panel'))?.width ?? 0, `${path}: panel visible`).toBeGreaterThan(100);
      }
      if (path.endsWith('hostile.html')) {
        const intact = await page.evaluate(() => ({
          editable: document.getElementById('editable')!.isContentEditable,
          shadow: document.getElementById('shadow-host')!.shadowRoot!.textContent!.includes('Joana Silva'),
          marks: document.querySelectorAll('sourcelight-mark').length,
        }));
        expect(intact, 'hostile page intact').toBe({ editable: true, shadow: true, marks: 0 });
      }
      expect(page.errors(), `${path}: page errors`).toBe([]);
      await page.close();
    }
  },
  { timeoutMs: 120_000 },
);

/**
 * Performance on a 50,000-word page: the measures, and the long tasks (> 50 ms, and any over 100 ms) that
 * started after the content script did. Logged for the report; fails on a task over the bound that is not
 * extraction (Readability is one synchronous call the content script cannot split).
 */
export const bigPageLongTasks = e2e(
  async ({ server, driver, expect, log, skip }) => {
    const page = await driver.newPage(server.url('/reading/big.html'));
    await waitForDrawn(page, 60_000);
    // the page idle: every long task has ended and its PerformanceObserver entry has been delivered
    await page.evaluate(() => new Promise<void>((ok) => requestIdleCallback(() => ok(), { timeout: 10_000 })));
    const data = await page.evaluate(() => {
      const w = window as unknown as { __longtasks: Array<{ start: number; duration: number }> | null };
      const idle = performance.getEntriesByName('sourcelight:idle')[0]?.startTime ?? 0;
      const extract = performance.getEntriesByName('sourcelight:extract')[0];
      const words = (document.getElementById('big')!.textContent ?? '').split(/\s+/).length;
      return {
        words,
        supported: w.__longtasks !== null,
        tasks: (w.__longtasks ?? [])
          .filter((t) => t.start >= idle - 1)
          .map((t) => ({
            start: Math.round(t.start - idle),
            duration: Math.round(t.duration),
            extract:
              !!extract &&
              t.start <= extract.startTime + 1 &&
              t.start + t.duration >= extract.startTime + extract.duration - 1,
          })),
      };
    });
    const chunks = await page.evaluate(() =>
      performance.getEntriesByName('sourcelight:analyze:chunk').map((e) => Math.round(e.duration)),
    );
    log(`words ${data.words}; measures ${JSON.stringify(await measures(page))}`);
    log(`analysis chunks (ms): ${JSON.stringify(chunks)}`);
    log(`long tasks after idle: ${JSON.stringify(data.tasks)}`);
    if (!data.supported) skip('this browser does not report long tasks (PerformanceObserver "longtask")');
    expect(data.words, 'words').toBeGreaterThan(45_000);
    // The goal is no task over 100 ms; on a loaded shared machine (CPU contention stretches any task) that
    // bound is only enforced with SOURCELIGHT_PERF_STRICT=1, and a generous one otherwise.
    const bound = process.env.SOURCELIGHT_PERF_STRICT === '1' ? 100 : 250;
    const offenders = data.tasks.filter((t) => t.duration > bound && !t.extract);
    expect(offenders, `long tasks over ${bound} ms besides extraction`).toBe([]);
  },
  { timeoutMs: 120_000 },
);

/** 6. SPA navigation: each new view is re-analyzed, old highlights go, nothing doubles; memory stays flat. */
export const spaNavigationRedraws = e2e(
  async ({ server, driver, expect, log }) => {
    const page = await driver.newPage(server.url('/reading/spa.html'));
    await waitForDrawn(page);
    const people = () =>
      page.evaluate(() => {
        const h = (CSS as unknown as { highlights: Map<string, Set<Range>> }).highlights.get('sourcelight-person');
        return h ? [...h].map((r) => r.toString()).sort() : [];
      });
    const heap = () =>
      page.evaluate(() => {
        const m = (performance as unknown as { memory?: { usedJSHeapSize: number } }).memory;
        return m ? Math.round(m.usedJSHeapSize / 1024) : null;
      });
    expect(await people(), 'first view').toContain('Joana Silva');
    const expected = ['Carlos Mendes', 'Rui Almeida', 'Joana Silva'];
    const heaps: Array<number | null> = [];
    for (let i = 1; i <= 10; i++) {
      const who = expected[(i - 1) % 3]!;
      await page.evaluate((k) => (window as unknown as { go(i: number): void }).go(k), i % 3);
      const got = await page.waitFor(
        (name) => {
          const h = (CSS as unknown as { highlights: Map<string, Set<Range>> }).highlights.get('sourcelight-person');
          const texts = h ? [...h].map((r) => r.toString()) : [];
          return texts.includes(name) ? texts : null;
        },
        who,
        { message: `${who} highlighted after navigation ${i}` },
      );
      const others = expected.filter((x) => x !== who);
      const texts = got ?? [];
      expect(
        texts.filter((t) => others.includes(t)),
        `stale highlights after navigation ${i}`,
      ).toBe([]);
      expect(texts.filter((t) => t === who).length, `${who} drawn once`).toBe(1);
      heaps.push(await heap());
    }
    log(`heap (KiB) after each navigation: ${JSON.stringify(heaps)}`);
    expect(await page.evaluate(() => document.querySelectorAll('sourcelight-ui').length <= 1), 'one UI host').toBe(
      true,
    );
    expect(page.errors(), 'page errors').toBe([]);
  },
  { timeoutMs: 90_000 },
);

/** 6. A page that never stops changing outside the article (a ticker) costs a few re-checks, not one per change. */
export const tickerPageStaysCheap = e2e(async ({ server, driver, expect, log }) => {
  const page = await driver.newPage(server.url('/reading/ticker.html'));
  await waitForDrawn(page);
  // not a sleep: wait for 80 more ticks of the page's own 10 Hz ticker, so a loaded CPU (slower timers)
  // still sees 80 changes outside the article rather than however many fit into 8 s of wall time
  const tick = () => Number(document.getElementById('tick')?.textContent ?? 0);
  const from = await page.evaluate(tick);
  await page.waitFor((n) => Number(document.getElementById('tick')?.textContent ?? 0) >= n, from + 80, {
    timeoutMs: 60_000,
    message: '80 ticker changes',
  });
  const counts = await page.evaluate(() => ({
    extract: performance.getEntriesByName('sourcelight:extract').length,
    draw: performance.getEntriesByName('sourcelight:draw').length,
  }));
  log(`after 80 changes of a 10 Hz ticker (~8 s): ${JSON.stringify(counts)}`);
  expect(counts.extract <= 5, `re-extractions in 80 ticker changes (${counts.extract})`).toBe(true);
  expect(counts.draw, 'drawings (the article text never changed)').toBe(1);
  expect(page.errors(), 'page errors').toBe([]);
});

/** 5. The same article under another URL that declares the original as canonical gets its notes back. */
export const canonicalUrlFindsNotes = e2e(async ({ server, driver, expect }) => {
  const PASSAGE = 'Pedro Santos, a union leader representing the dock workers';
  const page = await driver.newPage(server.url('/reading/story.html'));
  await waitForDrawn(page);
  await page.selectText('#p5', PASSAGE);
  expect((await driver.saveSelection(page)).ok, 'save').toBe(true);
  await page.close();
  const copy = await driver.newPage(server.url('/reading/story-syndicated.html?ref_src=twsrc'));
  await waitForDrawn(copy);
  // saved notes are drawn only while the panel is open (issue 17, item 3)
  await sendToTab(driver, copy, 'togglePanel');
  const notes = await copy.waitFor(
    () => {
      const h = (CSS as unknown as { highlights: Map<string, Set<Range>> }).highlights.get('sourcelight-note');
      return h && h.size > 0 ? [...h].map((r) => r.toString()) : null;
    },
    null,
    { message: 'the note saved under the canonical URL' },
  );
  expect(notes, 'note on the syndicated copy').toBe([PASSAGE]);
  expect(copy.errors(), 'page errors').toBe([]);
});
