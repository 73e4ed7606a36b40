/**
 * Fact-checking scenarios (issue 15), on Chromium and Firefox against the built extension: the whole
 * article's sourcing saved in one action and listed across articles in the popup's People and
 * Organizations views; a correction of a claim's speaker and anonymous flag that survives a reload (drawn
 * corrected from the first drawing on), shows in the popup, the Markdown export and the backup, and can be
 * undone. Chromium drives the real panel, card and correction form (CDP reaches the closed shadow root);
 * Firefox sends the same contract messages the panel sends, from an extension page.
 */
import { join } from 'node:path';
import { e2e, type E2EPage, type Json } from '../driver.ts';
import {
  CLOSED_ROOT,
  correctAnonymousClaim,
  databaseRecords,
  highlightsWith,
  openPopup,
  probe,
  saveSourcingVia,
  sendFromPage,
  sendToTab,
  toast,
  waitForDrawn,
  waitClaimDrawnAs,
  waitForUiText,
} from '../helpers.ts';

const STORY = '/reading/story.html';
/** The fixture's anonymous claim (p3): "An official at the Ministry of Infrastructure, who spoke on condition…". */
const CLAIM = 'the ministry had already chosen a Dutch firm for the work';

/** The saved records of the story (one article), read from the extension's database in an extension page. */
async function savedRecords(popup: E2EPage): Promise<{ article: Json; annotations: Json[]; corrections: Json[] }> {
  const r = await databaseRecords(popup);
  return { article: r.articles[0] ?? null, annotations: r.annotations, corrections: r.corrections };
}

/** Waits until the story's anonymous claim is drawn as `category` only. */
const waitDrawnAs = (page: E2EPage, category: 'sourcelight-quote' | 'sourcelight-anonymous') =>
  waitClaimDrawnAs(page, CLAIM, category);

/** Saves the story's sourcing: the panel's button in Chromium, the context-menu path in Firefox. */
async function saveSourcing(
  driver: Parameters<Parameters<typeof e2e>[0]>[0]['driver'],
  page: E2EPage,
  expect: Parameters<Parameters<typeof e2e>[0]>[0]['expect'],
): Promise<void> {
  const ui = await probe(driver, page);
  if (ui) {
    await sendToTab(driver, page, 'togglePanel');
    await waitForUiText(ui, '.sl-sourcing', 'Save all sourcing');
    expect(await ui.click('.sl-sourcing button', 'Save all sourcing'), 'Save all sourcing').toBe(true);
    const said = await waitForUiText(ui, '.sl-toast', 'Sourcing saved');
    expect(said, 'panel message').toContain('7 claims (1 anonymous)');
    await waitForUiText(ui, '.sl-sourcing', 'Save sourcing again');
  } else {
    const r = await saveSourcingVia(driver, page);
    expect(r.ok, `save sourcing: ${JSON.stringify(r)}`).toBe(true);
  }
}

/** 1. One action saves every claim (speaker, kind, flag, reason), the entities and the summary. */
export const saveSourcingInOneAction = e2e(async ({ server, driver, expect }) => {
  const page = await driver.newPage(server.url(STORY));
  await waitForDrawn(page);
  await saveSourcing(driver, page, expect);
  const popup = await openPopup(driver);
  const saved = await popup.waitFor(
    () => document.querySelectorAll('[data-testid=annotation]').length >= 7 || null,
    null,
    { message: 'the saved claims in the library' },
  );
  expect(saved, 'claims listed').toBe(true);
  const records = await savedRecords(popup);
  const claims = records.annotations as Array<Record<string, Json>>;
  expect(claims.length, 'one annotation per claim').toBe(7);
  const anon = claims.find((c) => String((c.quote as Record<string, Json>).exact).includes(CLAIM))!;
  expect(
    [anon.kind, anon.speaker, anon.anonymous, anon.quoteKind, anon.anonymityReason, anon.sourcing],
    'the anonymous claim as saved',
  ).toBe([
    'quote',
    'An official at the Ministry of Infrastructure',
    true,
    'indirect',
    "cue: 'on condition of anonymity'",
    true,
  ]);
  // its reason is on the card in the library
  const cues = await popup.texts('.ann .cue');
  expect(cues, 'reason shown').toContain("cue: 'on condition of anonymity'");

  // People and Organizations span the article whose sourcing was saved
  await popup.click('#tab-people');
  const people = await popup.waitFor(
    () => {
      const t = [...document.querySelectorAll('[data-testid=person] .person-name')].map((e) => e.textContent ?? '');
      return t.includes('Maria Lopes') ? t : null;
    },
    null,
    { message: 'Maria Lopes in People' },
  );
  expect(people, 'people').toContain('Anonymous sources');
  expect(people!.includes('Lisbon Port Authority'), 'no organization among people').toBe(false);
  await popup.click('#tab-organizations');
  const orgs = await popup.waitFor(
    () => {
      const t = [...document.querySelectorAll('[data-testid=person] .person-name')].map((e) => e.textContent ?? '');
      return t.includes('Lisbon Port Authority') ? t : null;
    },
    null,
    { message: 'organizations listed' },
  );
  expect(orgs, 'organizations').toContain('European Commission');
  expect(page.errors(), 'page errors').toBe([]);
  expect(popup.errors(), 'popup errors').toBe([]);
});

/**
 * 2. A correction (speaker and anonymous flag) survives a reload, shows as "corrected" in the popup, the
 * Markdown export and the backup, and undoing it brings the machine's reading back.
 */
export const correctionSurvivesReloadAndExport = e2e(
  async ({ server, driver, expect, artifactsDir }) => {
    const page = await driver.newPage(server.url(STORY));
    await waitForDrawn(page);
    await waitDrawnAs(page, 'sourcelight-anonymous');
    await saveSourcing(driver, page, expect);
    const ui = await probe(driver, page);
    let popup: E2EPage | null = null;
    if (ui) {
      // the card of the claim, "Correct…", a typed speaker, the anonymous box unticked, Save — real input
      await sendToTab(driver, page, 'togglePanel');
      const at = await page.evaluate((claim) => {
        const h = (CSS as unknown as { highlights: Map<string, Set<Range>> }).highlights.get('sourcelight-anonymous');
        const r = h ? [...h].find((x) => x.toString().includes(claim)) : undefined;
        if (!r) return null;
        r.startContainer.parentElement?.scrollIntoView({ block: 'center' });
        const box = r.getClientRects()[0]!;
        return { x: box.left + 8, y: box.top + box.height / 2 };
      }, CLAIM);
      expect(!!at, 'the claim to hover').toBe(true);
      await ui.mouseMove(at!.x, at!.y);
      const card = await waitForUiText(ui, '.sl-card', 'on condition of anonymity');
      expect(card, 'the card gives the reason').toContain("cue: 'on condition of anonymity'");
      expect(await ui.click('.sl-card button', 'Correct'), 'Correct…').toBe(true);
      await waitForUiText(ui, '.sl-correct', 'Speaker');
      expect(await ui.fill('.sl-correct input.sl-input', 'Rui Costa'), 'typing the speaker').toBe(true);
      expect(await ui.click('.sl-correct input[type=checkbox]', ''), 'untick anonymous').toBe(true);
      expect(await ui.click('.sl-correct button', 'Save correction'), 'Save correction').toBe(true);
      await waitForUiText(ui, '.sl-toast', 'Correction saved');
      // the card now says "corrected" and what the machine said (docs/correction-card.png)
      const at2 = await page.evaluate((claim) => {
        const h = (CSS as unknown as { highlights: Map<string, Set<Range>> }).highlights.get('sourcelight-quote');
        const r = h ? [...h].find((x) => x.toString().includes(claim)) : undefined;
        const box = r?.getClientRects()[0];
        return box ? { x: box.left + 8, y: box.top + box.height / 2 } : null;
      }, CLAIM);
      expect(!!at2, 'the corrected claim is drawn as a named quote').toBe(true);
      await ui.mouseMove(at2!.x, at2!.y);
      const corrected = await waitForUiText(ui, '.sl-card', 'corrected');
      expect(corrected, 'the card lists the correction').toContain('Speaker: Rui Costa (was An official');
      await page.screenshot(join(artifactsDir, 'correction-card.png'));
    } else {
      // Firefox: the records the form makes, through the same contract message, from an extension page
      popup = await openPopup(driver);
      const { article, annotations } = await savedRecords(popup);
      const claim = (annotations as Array<Record<string, Json>>).find((c) =>
        String((c.quote as Record<string, Json>).exact).includes(CLAIM),
      )!;
      const replies = await correctAnonymousClaim(popup, article as Record<string, Json>, claim, 'Rui Costa');
      for (const r of replies) expect((r as { ok: boolean }).ok, `saveCorrection ${JSON.stringify(r)}`).toBe(true);
    }

    // reload: the corrections are applied before drawing — the claim is drawn as a named quote
    await page.close();
    const again = await driver.newPage(server.url(STORY));
    await waitForDrawn(again);
    await waitDrawnAs(again, 'sourcelight-quote');
    expect((await highlightsWith(again, CLAIM)).includes('sourcelight-anonymous'), 'not drawn anonymous').toBe(false);

    // the popup: the saved claim reads corrected, with the reader's speaker
    // a fresh popup tab, in front (a background tab's timers are throttled, which slows its downloads)
    await popup?.close();
    popup = await openPopup(driver);
    await popup.waitForSelector('[data-testid=corrected]');
    const item = await popup.waitFor(
      () =>
        [...document.querySelectorAll('.ann')].map((e) => e.textContent ?? '').find((t) => t.includes('corrected')) ??
        null,
      null,
      { message: 'the corrected claim in the library' },
    );
    expect(item, 'corrected item').toContain('Rui Costa');
    expect(item, 'what the machine said').toContain('was An official at the Ministry of Infrastructure');

    // the Markdown export and the backup carry the corrections
    await popup.click('button[aria-controls="export-panel"]');
    await popup.evaluate(() =>
      [...document.querySelectorAll<HTMLInputElement>('#export-panel input[name=format]')][1]!.click(),
    );
    const md = await driver.expectDownload(() => popup.click('#export-panel button.primary'), { name: /\.md$/ });
    expect(md.content.includes('### Rui Costa'), 'the claim under the reader’s speaker').toBe(true);
    expect(
      md.content.includes('**corrected:** Speaker: Rui Costa (was An official at the Ministry of Infrastructure)'),
      'corrected in the export',
    ).toBe(true);
    expect(md.content.includes('Named source (was anonymous)'), 'the flag correction in the export').toBe(true);
    const last = await toast(popup);
    const backup = await driver.expectDownload(
      async () => {
        await popup.click('button[aria-controls="backup-panel"]');
        await popup.click('#backup-panel button.primary');
      },
      { name: /^sourcelight-backup-.*\.json$/ },
    );
    await popup.waitFor((prev) => (document.querySelector('[data-testid=toast]')?.textContent ?? prev) !== prev, last);
    const parsed = JSON.parse(backup.content) as { corrections: Array<{ action: string; id: string }> };
    expect(parsed.corrections.map((c) => c.action).sort(), 'corrections in the backup').toBe(['anonymous', 'speaker']);

    // undo the flag correction: the claim is anonymous again on the next visit
    const flag = parsed.corrections.find((c) => c.action === 'anonymous')!;
    const ui2 = await probe(driver, again);
    if (ui2) {
      await sendToTab(driver, again, 'togglePanel');
      await waitForUiText(ui2, '.sl-corrections', 'Named source');
      expect(await ui2.click('.sl-correction button', 'Undo: Named source'), 'Undo').toBe(true);
      await waitForUiText(ui2, '.sl-toast', 'Correction undone');
      await waitDrawnAs(again, 'sourcelight-anonymous');
    } else {
      const r = (await sendFromPage(popup, 'deleteCorrection', { id: flag.id })) as { ok: boolean };
      expect(r.ok, 'deleteCorrection').toBe(true);
    }
    await again.close();
    const third = await driver.newPage(server.url(STORY));
    await waitForDrawn(third);
    await waitDrawnAs(third, 'sourcelight-anonymous');
    expect(third.errors(), 'page errors').toBe([]);
    expect(popup.errors(), 'popup errors').toBe([]);
  },
  { timeoutMs: 90_000 },
);

/** Range texts of one sourcelight highlight. */
function rangesOf(page: E2EPage, name: string): Promise<string[]> {
  return page.evaluate((n) => {
    const h = (CSS as unknown as { highlights: Map<string, Set<Range>> }).highlights.get(n);
    return h ? [...h].map((r) => r.toString()) : [];
  }, name);
}

/** 3. The highlight density: "Sources" colours each name once, "Everything" every mention, "Off" nothing until asked. */
export const densitySwitchChangesDrawing = e2e(async ({ server, driver, expect, artifactsDir }) => {
  const page = await driver.newPage(server.url(STORY));
  await waitForDrawn(page);
  await page.screenshot(join(artifactsDir, 'calm-page.png'));
  // the default, "Sources": claims drawn; Maria Lopes once (her first mention in the body, not the nav or h1)
  const people = await rangesOf(page, 'sourcelight-person');
  expect(people.filter((t) => t === 'Maria Lopes').length, 'Maria Lopes drawn once').toBe(1);
  expect(people.includes('Lopes'), 'later mentions not drawn').toBe(false);
  expect((await rangesOf(page, 'sourcelight-quote')).length, 'named quotes drawn').toBeGreaterThan(0);
  expect((await rangesOf(page, 'sourcelight-anonymous')).length, 'anonymous claim drawn').toBe(1);

  const options = await driver.openExtensionPage('options.html');
  await options.click('input[name=density][value=everything]');
  const all = await page.waitFor(
    () => {
      const h = (CSS as unknown as { highlights: Map<string, Set<Range>> }).highlights.get('sourcelight-person');
      const t = h ? [...h].map((r) => r.toString()) : [];
      return t.includes('Lopes') ? t : null;
    },
    null,
    { message: 'every mention drawn under "Everything"' },
  );
  expect(all!.length, 'more people ranges under "Everything"').toBeGreaterThan(people.length);

  await options.click('input[name=density][value=off]');
  await page.waitFor(
    () => {
      const reg = (CSS as unknown as { highlights: Map<string, Set<Range>> }).highlights;
      return ['person', 'quote', 'anonymous'].every((c) => (reg.get(`sourcelight-${c}`)?.size ?? 0) === 0);
    },
    null,
    { message: 'nothing drawn under "Off until I ask"' },
  );
  // opening the panel is asking: the calm default comes back
  await sendToTab(driver, page, 'togglePanel');
  await page.waitFor(
    () => (CSS as unknown as { highlights: Map<string, Set<Range>> }).highlights.get('sourcelight-quote')?.size ?? 0,
    null,
    { message: 'claims drawn once the panel is open' },
  );
  expect(page.errors(), 'page errors').toBe([]);
});

/** 4. A claim the analyzer missed: a selection becomes a claim with a speaker, drawn as one on the next visit. */
export const selectionBecomesClaim = e2e(async ({ server, driver, expect, skip, artifactsDir }) => {
  const SENTENCE = 'The three countries are known to be mineral-rich';
  const page = await driver.newPage(server.url('/demo/seed.html'));
  await waitForDrawn(page);
  const ui = await probe(driver, page);
  if (!ui) return skip(CLOSED_ROOT);
  expect(
    (await rangesOf(page, 'sourcelight-quote')).some((t) => t.includes(SENTENCE)),
    'not a claim at first',
  ).toBe(false);
  await page.evaluate((s) => {
    const p = [...document.querySelectorAll('p')].find((x) => x.textContent?.includes(s))!;
    p.id = 'e2e-claim';
    p.scrollIntoView({ block: 'center' });
  }, SENTENCE);
  await page.selectText('#e2e-claim', SENTENCE);
  await waitForUiText(ui, '.sl-selbar', 'Mark as claim');
  expect(await ui.click('.sl-selbtn', 'Mark as claim'), 'Mark as claim…').toBe(true);
  await waitForUiText(ui, '.sl-correct', 'Speaker');
  expect(await ui.fill('.sl-correct input.sl-input', 'the US State Department'), 'speaker').toBe(true);
  expect(await ui.click('.sl-correct button', 'Save claim'), 'Save claim').toBe(true);
  await waitForUiText(ui, '.sl-toast', 'Claim added');
  await page.waitFor(
    (s) =>
      [...((CSS as unknown as { highlights: Map<string, Set<Range>> }).highlights.get('sourcelight-quote') ?? [])].some(
        (r) => r.toString().includes(s),
      ),
    SENTENCE,
    { message: 'the new claim drawn' },
  );
  await sendToTab(driver, page, 'togglePanel');
  await waitForUiText(ui, '.sl-corrections', 'Claim added, speaker the US State Department');
  await page.screenshot(join(artifactsDir, 'claim-added.png'));
  await page.close();
  const again = await driver.newPage(server.url('/demo/seed.html'));
  await waitForDrawn(again);
  await again.waitFor(
    (s) =>
      [...((CSS as unknown as { highlights: Map<string, Set<Range>> }).highlights.get('sourcelight-quote') ?? [])].some(
        (r) => r.toString().includes(s),
      ),
    SENTENCE,
    { message: 'the added claim drawn again on the return visit' },
  );
  expect(again.errors(), 'page errors').toBe([]);
});
