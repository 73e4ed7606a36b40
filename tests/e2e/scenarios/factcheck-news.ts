/**
 * The fact-checker's loop on a real news page (issue 15 acceptance), on Chromium and Firefox: The
 * Atlantic's article from the hand-annotated dev set, served offline (tests/e2e/server.ts, `offlinePage`).
 * Its sourcing is saved in one action; one anonymous claim — whichever the analyzer flags first, so the
 * test does not pin the analyzer's output — gets a reader's speaker and loses its anonymous flag; after a
 * reload both corrections are applied before drawing; the Markdown export and the backup carry them;
 * undoing the flag correction makes the claim anonymous again; and switching the highlight density
 * changes what is drawn. The corrections go through the contract messages the panel's form sends (the
 * form itself is driven on the synthetic story in factcheck.ts).
 */
import { e2e, type Json } from '../driver.ts';
import {
  correctAnonymousClaim,
  databaseRecords,
  highlightsWith,
  openPopup,
  saveSourcingVia,
  sendFromPage,
  toast,
  waitClaimDrawnAs,
  waitForDrawn,
} from '../helpers.ts';

const NEWS = '/news/theatlantic-1/source.html';
const READER_SPEAKER = 'Rui Costa';

export const realNewsSourcingCorrectedExportedUndone = e2e(
  async ({ server, driver, expect, log }) => {
    const page = await driver.newPage(server.url(NEWS));
    await waitForDrawn(page);
    const saved = await saveSourcingVia(driver, page);
    expect(saved.ok, `save sourcing: ${JSON.stringify(saved)}`).toBe(true);

    let popup = await openPopup(driver);
    const db = await databaseRecords(popup);
    const claims = db.annotations as Array<Record<string, Json>>;
    expect(claims.length > 3, `claims saved in one action: ${claims.length}`).toBe(true);
    expect(
      claims.every((c) => c.kind === 'quote' && c.sourcing === true && typeof c.anonymous === 'boolean'),
      'every claim saved with its flag',
    ).toBe(true);
    const anon = claims.find((c) => c.anonymous === true && String((c.quote as { exact: string }).exact).length > 30);
    expect(!!anon, 'an anonymous claim to correct').toBe(true);
    expect(typeof anon!.anonymityReason === 'string' && anon!.anonymityReason !== '', 'its reason').toBe(true);
    const exact = (anon!.quote as { exact: string }).exact;
    const needle = exact.slice(0, 24);
    log(`correcting: ${anon!.speaker} — ${exact.slice(0, 60)}…`);
    await waitClaimDrawnAs(page, needle, 'sourcelight-anonymous');

    // the reader's corrections: a speaker, and the flag off — the records the card's form makes
    const replies = await correctAnonymousClaim(popup, db.articles[0] as Record<string, Json>, anon!, READER_SPEAKER);
    for (const r of replies) expect((r as { ok: boolean }).ok, `saveCorrection ${JSON.stringify(r)}`).toBe(true);

    // reload: applied before drawing — the claim is a named quote now
    await page.close();
    const again = await driver.newPage(server.url(NEWS));
    await waitForDrawn(again);
    await waitClaimDrawnAs(again, needle, 'sourcelight-quote');
    expect((await highlightsWith(again, needle)).includes('sourcelight-anonymous'), 'not drawn anonymous').toBe(false);

    // the Markdown export and the backup carry the corrections
    await popup.close();
    popup = await openPopup(driver);
    await popup.waitForSelector('[data-testid=corrected]');
    if (driver.capabilities.downloads) {
      await popup.click('button[aria-controls="export-panel"]');
      await popup.evaluate(() =>
        [...document.querySelectorAll<HTMLInputElement>('#export-panel input[name=format]')][1]!.click(),
      );
      const md = await driver.expectDownload(() => popup.click('#export-panel button.primary'), { name: /\.md$/ });
      expect(md.content.includes(`### ${READER_SPEAKER}`), 'the claim under the reader’s speaker').toBe(true);
      expect(md.content.includes(`**corrected:** Speaker: ${READER_SPEAKER} (was `), 'corrected in the export').toBe(
        true,
      );
      const last = await toast(popup);
      const backup = await driver.expectDownload(
        async () => {
          await popup.click('button[aria-controls="backup-panel"]');
          await popup.click('#backup-panel button.primary');
        },
        { name: /^sourcelight-backup-.*\.json$/ },
      );
      await popup.waitFor(
        (prev) => (document.querySelector('[data-testid=toast]')?.textContent ?? prev) !== prev,
        last,
      );
      const parsed = JSON.parse(backup.content) as { corrections: Array<{ action: string }> };
      expect(parsed.corrections.map((c) => c.action).sort(), 'corrections in the backup').toBe([
        'anonymous',
        'speaker',
      ]);
    }

    // undo the flag correction: anonymous again on the next visit
    const flag = ((await databaseRecords(popup)).corrections as Array<Record<string, Json>>).find(
      (c) => c.action === 'anonymous',
    )!;
    const undone = (await sendFromPage(popup, 'deleteCorrection', { id: flag.id! })) as { ok: boolean };
    expect(undone.ok, 'deleteCorrection').toBe(true);
    await again.close();
    const third = await driver.newPage(server.url(NEWS));
    await waitForDrawn(third);
    await waitClaimDrawnAs(third, needle, 'sourcelight-anonymous');

    // the density: "Sources" (default) colours each name once; "Everything" every mention
    const people = () =>
      third.evaluate(
        () =>
          (CSS as unknown as { highlights: Map<string, Set<Range>> }).highlights.get('sourcelight-person')?.size ?? 0,
      );
    const calm = await people();
    const options = await driver.openExtensionPage('options.html');
    await options.click('input[name=density][value=everything]');
    const all = await third.waitFor(
      (n) => {
        const size =
          (CSS as unknown as { highlights: Map<string, Set<Range>> }).highlights.get('sourcelight-person')?.size ?? 0;
        return size > n ? size : null;
      },
      calm,
      { message: 'more names drawn under Everything' },
    );
    log(`person ranges: Sources ${calm}, Everything ${all}`);
    expect(third.errors(), 'page errors').toBe([]);
  },
  { timeoutMs: 120_000 },
);
