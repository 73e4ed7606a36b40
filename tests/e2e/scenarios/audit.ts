/**
 * Audit page scenarios (issue 16), on Chromium and Firefox against the built extension: saved claims from
 * three articles on two outlets are restored through the popup's own backup flow, then audit.html shows
 * the totals, the per-outlet table, gender with unknown as its own row (and the given-name guess only when
 * switched on, labelled), a click on a real Chart.js bar lists the claims behind it, each linking back
 * to its passage, and a table downloads as CSV with the same numbers. The popup's "Audit" button opens it.
 */
import { e2e, waitUntil, type E2EPage, type Json } from '../driver.ts';
import { openPopup, restoreFile, saveSourcingVia, waitForDrawn } from '../helpers.ts';

const T0 = Date.UTC(2026, 10, 20, 9);
const DAY = 86_400_000;

/** Three articles with saved claims and their speaker profiles, as a backup file. */
export function auditBackup(): Json {
  const article = (n: number, site: string, published: string | null, title: string) => ({
    id: `a0000000-0000-4000-8000-00000000000${n}`,
    url: `https://${site}/story-${n}`,
    canonicalUrl: null,
    title,
    byline: null,
    siteName: null,
    publishedTime: published,
    excerpt: null,
    textLength: 4000,
    textHash: `audit-${n}`,
    createdAt: T0 + n * DAY,
    updatedAt: T0 + n * DAY,
  });
  const articles = [
    article(1, 'harbour-gazette.example', '2026-11-18T07:00:00Z', 'Sea wall vote'),
    article(2, 'harbour-gazette.example', '2026-12-02T07:00:00Z', 'Dam talks stall'),
    article(3, 'metro.example', null, 'Transit budget approved'),
  ];
  let n = 0;
  const claim = (a: number, exact: string, over: Record<string, Json>) => {
    n++;
    return {
      id: `c0000000-0000-4000-8000-${String(n).padStart(12, '0')}`,
      articleId: articles[a - 1]!.id,
      kind: 'quote',
      category: over.anonymous ? 'anonymous' : 'quote',
      quote: { exact, prefix: '', suffix: '' },
      position: null,
      comment: '',
      quoteKind: 'direct',
      anonymous: false,
      createdAt: T0 + a * DAY + n,
      updatedAt: T0 + a * DAY + n,
      ...over,
    };
  };
  const lena = { speaker: 'Lena Park', speakerType: 'person', speakerKind: 'expert', gender: 'female' };
  const omar = {
    speaker: 'Omar Haddad',
    speakerType: 'person',
    speakerKind: 'business',
    gender: 'unknown',
    genderGuess: 'male',
  };
  const annotations = [
    claim(1, 'The wall will hold for fifty years.', lena),
    claim(1, 'Costs are rising.', omar),
    claim(1, 'The vote was rushed.', {
      speaker: 'a senior council official',
      speakerKind: 'official',
      anonymous: true,
    }),
    claim(2, 'We will not sign.', { speaker: 'Acme Corp', speakerType: 'organization', speakerKind: 'organization' }),
    claim(2, 'Talks have stalled.', { speaker: 'two people briefed on the talks', anonymous: true }),
    claim(2, 'The river is low.', omar),
    claim(3, 'Fares stay the same.', lena),
  ];
  // the audit counts articles whose whole sourcing was saved: a sourcing record each
  const sourcing = articles.map((a, i) => ({
    id: `50000000-0000-4000-8000-00000000000${i + 1}`,
    articleId: a.id,
    entities: [],
    summary: { named: 0, anonymous: 0, anonymousShare: 0, speakers: [] },
    createdAt: a.createdAt,
    updatedAt: a.createdAt,
  }));
  // the reader corrected one claim: "Costs are rising." is Lena Park's, not Omar Haddad's
  const corrections = [
    {
      id: 'e0000000-0000-4000-8000-000000000001',
      articleId: articles[0]!.id,
      action: 'speaker',
      quote: { exact: 'Costs are rising.', prefix: '', suffix: '' },
      position: null,
      machine: { speaker: 'Omar Haddad', anonymous: false, kind: 'direct' },
      speaker: 'Lena Park',
      createdAt: T0 + 5 * DAY,
      updatedAt: T0 + 5 * DAY,
    },
  ];
  return {
    format: 'sourcelight-backup',
    version: 1,
    schemaVersion: 3,
    exportedAt: new Date(T0).toISOString(),
    articles,
    annotations,
    corrections,
    sourcing,
  };
}

async function openAudit(page: E2EPage): Promise<void> {
  await page.waitForSelector('[data-testid=audit-totals]', { timeoutMs: 10_000 });
}

/** Clicks bar `index` of series `series` of a chart, at the centre the chart reports. */
async function clickBar(page: E2EPage, chart: string, series: number, index: number): Promise<void> {
  await page.waitFor(
    (sel) => !!document.querySelector<HTMLCanvasElement>(sel)?.dataset.bars,
    `[data-testid=chart-${chart}]`,
    {
      message: `the ${chart} chart drawn`,
    },
  );
  const ok = await page.evaluate(
    ({ sel, series, index }) => {
      const canvas = document.querySelector<HTMLCanvasElement>(sel)!;
      const bar = (JSON.parse(canvas.dataset.bars!) as number[][]).find((b) => b[0] === series && b[1] === index);
      if (!bar) return false;
      const r = canvas.getBoundingClientRect();
      const at = { bubbles: true, clientX: r.left + bar[2]!, clientY: r.top + bar[3]! };
      // Chart.js reacts to the click that follows the pointer reaching the bar
      canvas.dispatchEvent(new MouseEvent('mousemove', at));
      canvas.dispatchEvent(new MouseEvent('click', at));
      return true;
    },
    { sel: `[data-testid=chart-${chart}]`, series, index },
  );
  if (!ok) throw new Error(`no bar ${series}/${index} in the ${chart} chart`);
}

export const auditCountsClickAndCsv = e2e(async ({ driver, expect, log }) => {
  const popup = await openPopup(driver);
  const restored = await restoreFile(popup, JSON.stringify(auditBackup()));
  expect(restored, 'restore message').toContain('3 articles added');

  // the popup's Audit button opens the page in a tab
  await popup.click('button[title^="Open the sourcing audit"]');
  await waitUntil(
    () =>
      driver.evaluateInBackground(async (bg) => {
        const tabs = await (bg.chrome ?? bg.browser)!.tabs.query({});
        return tabs.some((t) => t.url?.endsWith('/audit.html'));
      }),
    { message: 'a tab with the audit page' },
  );
  const page = await driver.openExtensionPage('audit.html');
  await openAudit(page);
  const totals = await page.texts('[data-testid=audit-totals]');
  expect(totals[0], 'totals').toContain('3 articles');
  expect(totals[0], 'totals').toContain('7 claims');
  expect(totals[0], 'totals').toContain('2 anonymous (29%)');
  expect(totals[0], 'totals').toContain('1 corrected by you');

  const outlets = await page.texts('[data-testid=table-outlets] tbody tr');
  // cells: outlet, articles, claims, named, anonymous, share, then the row's "Claims" button
  expect(outlets, 'outlet rows').toBe(['harbour-gazette.example264233%Claims', 'metro.example1110' + '0%Claims']);
  log(`outlets: ${outlets.join(' | ')}`);

  // gender: unknown is its own row; the guess only when switched on, and labelled
  const gender = () => page.texts('[data-testid=table-gender] tbody tr th');
  expect(await gender(), 'gender rows').toBe(['Women', 'Men', 'Unknown']);
  expect((await page.texts('[data-testid=table-gender] tbody tr'))[2], 'unknown row').toContain('Unknown11');
  await page.click('[data-testid=gender-guess]');
  await page.waitFor(() => document.body.textContent!.includes('guessed from given names'), null, {
    message: 'the guess label',
  });
  expect((await gender())[1], 'men row with guess').toBe('Men (1 guessed from given names)');

  // a click on a real bar lists the claims behind it
  await clickBar(page, 'outlets', 1, 0); // anonymous claims of the first outlet
  await page.waitForSelector('[data-testid=audit-selection]');
  const listed = await page.texts('[data-testid=audit-selection] li q');
  expect(listed, 'claims behind the bar').toBe(['The vote was rushed.', 'Talks have stalled.']);
  const heading = await page.texts('[data-testid=audit-selection] h2');
  expect(heading[0], 'selection title').toContain('Claims per outlet: harbour-gazette.example — Anonymous');

  // each listed claim links back to its passage: its article opens at a text fragment
  await page.click('[data-testid=audit-selection] li button');
  const opened = await waitUntil(
    () =>
      driver.evaluateInBackground(async (bg) => {
        const tabs = await (bg.chrome ?? bg.browser)!.tabs.query({});
        return tabs.find((t) => t.url?.startsWith('https://harbour-gazette.example/story-1'))?.url ?? null;
      }),
    { message: 'the article tab at the passage' },
  );
  expect(opened, 'opened URL').toContain('#:~:text=The%20vote%20was%20rushed.');

  if (!driver.capabilities.downloads) return;
  const csv = await driver.expectDownload(
    () => page.click('[data-testid=section-outlets] .section-actions button:nth-child(2)'),
    {
      name: /^sourcelight-outlets\.csv$/,
    },
  );
  expect(csv.content, 'CSV').toBe(
    'Outlet,Articles,Claims,Named,Anonymous,Anonymous share\r\nharbour-gazette.example,2,6,4,2,33%\r\nmetro.example,1,1,1,0,0%\r\n',
  );
  const png = await driver.expectDownload(
    () => page.click('[data-testid=section-gender] .section-actions button:nth-child(3)'),
    {
      name: /^sourcelight-gender\.png$/,
    },
  );
  expect(png.content.slice(1, 4), 'PNG signature').toBe('PNG');
});

export const auditTagFilter = e2e(async ({ driver, expect }) => {
  const popup = await openPopup(driver);
  await restoreFile(popup, JSON.stringify(auditBackup()));
  const page = await driver.openExtensionPage('audit.html');
  await openAudit(page);
  // tag the first article in place; the tag is stored and the tag filter appears
  await page.type('[data-testid=table-articles] tbody tr:first-child input', '#Sea walls, harbour');
  await page.press('Enter');
  await page.waitFor(() => !!document.querySelector('.filters select'), null, { message: 'the tag filter' });
  const stored = await driver.evaluateInBackground(async () => {
    const open = indexedDB.open('sourcelight');
    const db = await new Promise<IDBDatabase>((ok, fail) => {
      open.onsuccess = () => ok(open.result);
      open.onerror = () => fail(open.error);
    });
    const req = db.transaction('articles').objectStore('articles').get('a0000000-0000-4000-8000-000000000001');
    const rec = await new Promise<{ tags?: string[] }>(
      (ok) => (req.onsuccess = () => ok(req.result as { tags?: string[] })),
    );
    db.close();
    return rec.tags ?? null;
  });
  expect(stored, 'stored tags').toBe(['Sea-walls', 'harbour']);
  await page.evaluate(() => {
    const select = document.querySelector<HTMLSelectElement>('.filters select')!;
    select.value = 'harbour';
    select.dispatchEvent(new Event('change', { bubbles: true }));
  });
  await page.waitFor(
    () => document.querySelector('[data-testid=audit-totals]')!.textContent!.includes('1 article ·'),
    null,
    {
      message: 'totals for the tag',
    },
  );
  expect((await page.texts('[data-testid=audit-totals]'))[0], 'totals').toContain('3 claims');
});

/**
 * The whole loop on a real page: the article's sourcing is saved in one action, and the audit counts it,
 * with the speaker kinds read from the article at save time (the chief executive is business, the
 * anonymous ministry official is an official).
 */
export const auditCountsSavedSourcing = e2e(async ({ server, driver, expect }) => {
  const page = await driver.newPage(server.url('/reading/story.html'));
  await waitForDrawn(page);
  const saved = await saveSourcingVia(driver, page);
  expect(saved.ok, `save sourcing: ${JSON.stringify(saved)}`).toBe(true);
  const audit = await driver.openExtensionPage('audit.html');
  await openAudit(audit);
  const totals = (await audit.texts('[data-testid=audit-totals]'))[0]!;
  expect(totals, 'totals').toContain('1 article ·');
  expect(totals, 'totals').toContain('1 anonymous');
  const kinds = await audit.evaluate(() =>
    Object.fromEntries(
      [...document.querySelectorAll('[data-testid=table-kinds] tbody tr')].map((tr) => [
        tr.querySelector('th')!.textContent!,
        Number(tr.querySelectorAll('td')[0]!.textContent),
      ]),
    ),
  );
  expect(kinds['Business']! > 0, `business claims in ${JSON.stringify(kinds)}`).toBe(true);
  expect(kinds['Official or government'], `kinds ${JSON.stringify(kinds)}`).toBe(1);
  const people = await audit.texts('[data-testid=table-people] tbody th');
  expect(people, 'most-quoted people').toContain('Maria Lopes');
  expect(page.errors(), 'page errors').toBe([]);
  expect(audit.errors(), 'audit page errors').toBe([]);
});
