/**
 * Library scenarios (issue 6), run on Chromium and Firefox against the built popup: restore a backup
 * (good file merges, bad file is refused and changes nothing), search as you type, edit a note in place,
 * delete + undo (an annotation and a whole article), Markdown / JSON export with the downloaded file's
 * content checked, and opening an article (switch to its tab, else a new tab at the passage). Data is
 * seeded through the popup's own "Restore from backup" flow, the same path a reader uses; the file is
 * handed to the file input with a DataTransfer (no native dialog).
 */
import { join } from 'node:path';
import { e2e, sleep, waitUntil, type BackgroundGlobal, type E2EPage, type Json } from '../driver.ts';
import { openPopup, restoreFile, toast } from '../helpers.ts';
import { normalizeUrl } from '../../../utils/article/url.ts';

const DAY = 86_400_000;
const T0 = Date.UTC(2026, 10, 20, 9);

/** A small, realistic library as a Sourcelight backup file (also used for docs/popup.png). */
export function demoBackup(): Json {
  const articles = [
    {
      id: '0b7c6a52-1d7e-4f0e-9a51-7a1c2b3d4e01',
      url: 'https://harbour-gazette.example/news/sea-wall-vote',
      canonicalUrl: null,
      title: 'Harbour town votes to rebuild its flooded sea wall',
      byline: 'Mara Lindqvist',
      siteName: 'Harbour Gazette',
      publishedTime: '2026-11-18T07:00:00Z',
      excerpt: null,
      textLength: 5400,
      textHash: 'e2e-1',
      createdAt: T0 + 3 * DAY,
      updatedAt: T0 + 3 * DAY + 600_000,
    },
    {
      id: '0b7c6a52-1d7e-4f0e-9a51-7a1c2b3d4e02',
      url: 'https://dailyledger.example/world/dam-talks-stall',
      canonicalUrl: null,
      title: 'Talks stall over the river dam as funding questions mount',
      byline: 'Jane Doe',
      siteName: 'The Daily Ledger',
      publishedTime: '2026-11-16T10:00:00Z',
      excerpt: null,
      textLength: 7300,
      textHash: 'e2e-2',
      createdAt: T0 + DAY,
      updatedAt: T0 + DAY + 900_000,
    },
    {
      id: '0b7c6a52-1d7e-4f0e-9a51-7a1c2b3d4e03',
      url: 'https://metro.example/city/transit-budget',
      canonicalUrl: null,
      title: 'City council approves a leaner transit budget',
      byline: null,
      siteName: null,
      publishedTime: null,
      excerpt: null,
      textLength: 3100,
      textHash: 'e2e-3',
      createdAt: T0,
      updatedAt: T0 + 300_000,
    },
  ];
  let n = 0;
  const ann = (articleIndex: number, over: Record<string, Json>) => {
    n++;
    const at = articles[articleIndex]!.createdAt + n * 60_000;
    return {
      id: `5f0d9c1e-2b3a-4c5d-8e9f-${String(n).padStart(12, '0')}`,
      articleId: articles[articleIndex]!.id,
      kind: 'highlight',
      category: 'note',
      quote: { exact: 'text', prefix: '', suffix: '' },
      position: null,
      comment: '',
      createdAt: at,
      updatedAt: at,
      ...over,
    };
  };
  const q = (exact: string) => ({ exact, prefix: '', suffix: '' });
  const annotations = [
    ann(2, { quote: q('Fares stay frozen for another year, the council said.'), comment: 'Check last year’s promise' }),
    ann(2, {
      kind: 'quote',
      category: 'quote',
      quote: q('We cut the fat, not the routes'),
      speaker: 'Olu Adeyemi',
      quoteKind: 'direct',
    }),
    ann(1, {
      kind: 'quote',
      category: 'quote',
      quote: q('We will not sign an agreement that drowns our farms.'),
      speaker: 'Amadou Diop',
      quoteKind: 'direct',
    }),
    ann(1, {
      kind: 'quote',
      category: 'anonymous',
      quote: q('the funding has already been withdrawn'),
      speaker: 'a senior official',
      quoteKind: 'indirect',
      anonymous: true,
      anonymityCue: 'who spoke on condition of anonymity',
    }),
    ann(1, { kind: 'entity', category: 'person', quote: q('Amadou Diop') }),
    ann(1, { kind: 'entity', category: 'organization', quote: q('World Bank') }),
    ann(1, {
      quote: q('The dam would flood twelve villages along the river.'),
      comment: 'Source for this number?',
      orphaned: true,
    }),
    ann(0, {
      kind: 'quote',
      category: 'quote',
      quote: q('We cannot ask people to reopen their businesses behind a wall that failed once already'),
      speaker: 'Ellen Brask',
      quoteKind: 'direct',
    }),
    ann(0, {
      kind: 'quote',
      category: 'anonymous',
      quote: q('the contractor cut corners on the first wall'),
      speaker: 'a fisherman',
      quoteKind: 'indirect',
      anonymous: true,
      anonymityCue: 'who asked not to be named',
    }),
    ann(0, {
      kind: 'note',
      quote: q('The vote passed 7 to 2 after a four-hour session.'),
      comment: 'Who were the two?',
    }),
    ann(0, { quote: q('Insurance premiums on the harbour front have doubled since the storm.') }),
  ];
  return {
    format: 'sourcelight-backup',
    version: 1,
    schemaVersion: 1,
    exportedAt: new Date(T0 + 4 * DAY).toISOString(),
    articles,
    annotations,
  } as unknown as Json;
}

/** Waits until the toast no longer says `previous` (a new message replaced it). */
async function nextToast(popup: E2EPage, previous: string): Promise<string> {
  return popup.waitFor(
    (prev) => {
      const t = document.querySelector('[data-testid=toast]')?.textContent ?? '';
      return t && t !== prev ? t : '';
    },
    previous,
    { message: 'a new toast message' },
  );
}

const annotationTexts = (popup: E2EPage) => popup.texts('[data-testid=annotation]');

/** Opens the popup and seeds it with the demo library through "Restore from backup". */
async function seededPopup(driver: Parameters<Parameters<typeof e2e>[0]>[0]['driver']): Promise<E2EPage> {
  const popup = await openPopup(driver);
  const message = await restoreFile(popup, JSON.stringify(demoBackup()));
  if (!/3 articles added, 11 annotations added/.test(message)) throw new Error(`seeding: ${message}`);
  await popup.waitFor(() => document.querySelectorAll('[data-testid=article]').length === 3);
  return popup;
}

/** Restoring: a good backup merges (twice changes nothing); a bad or foreign file is refused, nothing changes. */
export const restoreGoodAndBadBackups = e2e(async ({ driver, expect }) => {
  const popup = await seededPopup(driver);
  const before = await annotationTexts(popup);
  expect(before.length, 'annotations after restore').toBe(11);

  const again = await restoreFile(popup, JSON.stringify(demoBackup()));
  expect(again, 'second restore of the same file').toContain('Nothing new');

  for (const [bad, message] of [
    ['{ not json', 'not valid JSON'],
    [JSON.stringify({ bookmarks: [{ url: 'https://x.example' }] }), 'not a Sourcelight backup'],
    [JSON.stringify({ ...(demoBackup() as object), annotations: [{ id: 'x', kind: 'evil' }] }), 'damaged'],
  ] as const) {
    const got = await restoreFile(popup, bad);
    expect(got.includes(message), `refusal message "${got}" mentions "${message}"`).toBe(true);
  }
  // kept: proves a negative (a refused restore writes nothing the live list would show)
  await sleep(300);
  expect(await annotationTexts(popup), 'annotations after refused files').toBe(before);
  expect(popup.errors(), 'popup errors').toBe([]);
});

/** Search as you type across titles, text, notes and speakers; kind filter; clear. */
export const searchAndFilter = e2e(async ({ driver, expect }) => {
  const popup = await seededPopup(driver);
  await popup.type('input[type=search]', 'diop');
  await popup.waitFor(() => document.querySelectorAll('[data-testid=annotation]').length === 2);
  expect(await annotationTexts(popup), 'results for "diop"').toBe([
    'Amadou Diop',
    'We will not sign an agreement that drowns our farms.',
  ]);
  // a note's words find their annotation
  await popup.evaluate(() => {
    const input = document.querySelector<HTMLInputElement>('input[type=search]')!;
    input.select();
  });
  await popup.type('input[type=search]', 'who were');
  await popup.waitFor(() => document.querySelectorAll('[data-testid=annotation]').length === 1);
  expect(await annotationTexts(popup), 'results for a note').toBe([
    'The vote passed 7 to 2 after a four-hour session.',
  ]);
  await popup.press('Escape');
  await popup.click('button[aria-pressed]:nth-of-type(4)'); // "Anonymous claims"
  await popup.waitFor(() => document.querySelectorAll('[data-testid=annotation]').length === 2);
  expect((await annotationTexts(popup)).sort(), 'anonymous claims').toBe([
    'the contractor cut corners on the first wall',
    'the funding has already been withdrawn',
  ]);
  expect(popup.errors(), 'popup errors').toBe([]);
});

/** Edit a note in place; delete an annotation and undo; delete an article and undo. */
export const editDeleteUndo = e2e(async ({ driver, expect }) => {
  const popup = await seededPopup(driver);
  const all = await annotationTexts(popup);

  // edit the note of the first annotation that has one
  await popup.evaluate(() => {
    const row = [...document.querySelectorAll('.ann')].find((r) => r.querySelector('[data-testid=note]'))!;
    [...row.querySelectorAll('button')].find((b) => b.textContent === 'Edit note')!.click();
  });
  await popup.waitForSelector('textarea[aria-label=Note]');
  await popup.evaluate(() => document.querySelector<HTMLTextAreaElement>('textarea[aria-label=Note]')!.select());
  await popup.type('textarea[aria-label=Note]', 'Edited in place');
  await popup.press('Control+Enter');
  await popup.waitFor(() =>
    [...document.querySelectorAll('[data-testid=note]')].some((n) => n.textContent === 'Edited in place'),
  );

  // delete one annotation, then undo
  const victim = all[0]!;
  await popup.evaluate((text) => {
    const row = [...document.querySelectorAll('.ann')].find(
      (r) => r.querySelector('[data-testid=annotation]')?.textContent === text,
    )!;
    [...row.querySelectorAll('button')].find((b) => b.textContent === 'Delete')!.click();
  }, victim);
  await popup.waitFor(() => document.querySelectorAll('[data-testid=annotation]').length === 10);
  expect(await annotationTexts(popup), 'after delete').toBe(all.filter((t) => t !== victim));
  await popup.click('[data-testid=toast] button.primary');
  await popup.waitFor(() => document.querySelectorAll('[data-testid=annotation]').length === 11);
  expect(await annotationTexts(popup), 'after undo').toBe(all);

  // delete a whole article, then undo
  const message = await (async () => {
    await popup.evaluate(() => {
      const article = document.querySelector('[data-testid=article]')!;
      [...article.querySelectorAll('button')].find((b) => b.textContent === 'Delete article')!.click();
    });
    return popup.waitFor(() => {
      const t = document.querySelector('[data-testid=toast]')?.textContent ?? '';
      return t.startsWith('Deleted') ? t : '';
    });
  })();
  expect(message.includes('4 items'), `toast "${message}"`).toBe(true);
  await popup.waitFor(() => document.querySelectorAll('[data-testid=article]').length === 2);
  await popup.click('[data-testid=toast] button.primary');
  await popup.waitFor(() => document.querySelectorAll('[data-testid=article]').length === 3);
  expect(await annotationTexts(popup), 'after article undo').toBe(all);
  expect(popup.errors(), 'popup errors').toBe([]);
});

/** Markdown export (combined file, and one article) and the JSON backup, checked on disk. */
export const exportMarkdownAndBackup = e2e(async ({ driver, expect, skip, artifactsDir }) => {
  const popup = await seededPopup(driver);
  await popup.screenshot(join(artifactsDir, 'library.png'));
  if (!driver.capabilities.downloads) skip('this browser driver cannot observe downloads');

  await popup.click('button[aria-controls="export-panel"]');
  await popup.evaluate(() => {
    const radios = [...document.querySelectorAll<HTMLInputElement>('#export-panel input[name=format]')];
    radios[1]!.click(); // one combined Markdown file
  });
  const md = await driver.expectDownload(() => popup.click('#export-panel button.primary'), {
    name: /^sourcelight-\d{4}-\d{2}-\d{2}\.md$/,
  });
  expect(md.filename.endsWith('.md'), `file name ${md.filename}`).toBe(true);
  expect(md.content.startsWith('---\ntitle: "Sourcelight export"\n'), 'front matter').toBe(true);
  for (const expected of [
    '# Harbour town votes to rebuild its flooded sea wall',
    '### Amadou Diop',
    '- **direct:** “We will not sign an agreement that drowns our farms.”',
    '### Anonymous sources',
    "why anonymous: cue: 'who spoke on condition of anonymity'",
    '## Highlights & notes',
    '**Note:** Who were the two?',
    '- **People:** Amadou Diop',
    '#:~:text=',
  ])
    expect(md.content.includes(expected), `export contains ${JSON.stringify(expected)}`).toBe(true);

  const last = await toast(popup);
  const backup = await driver.expectDownload(
    async () => {
      await popup.click('button[aria-controls="backup-panel"]');
      await popup.click('#backup-panel button.primary');
    },
    { name: /^sourcelight-backup-\d{4}-\d{2}-\d{2}\.json$/ },
  );
  await nextToast(popup, last);
  const parsed = JSON.parse(backup.content) as { format: string; articles: unknown[]; annotations: unknown[] };
  expect([parsed.format, parsed.articles.length, parsed.annotations.length], 'backup content').toBe([
    'sourcelight-backup',
    3,
    11,
  ]);
  expect(popup.errors(), 'popup errors').toBe([]);
});

/**
 * Opening: with the article open in a tab, "Open" on an annotation switches to that tab (no new tab) and
 * points it at the passage with a text fragment; with no tab open, a new tab is created at the passage.
 */
export const openSwitchesToTheArticleTab = e2e(async ({ driver, server, expect }) => {
  const url = normalizeUrl(server.url('/article.html'));
  const backup = demoBackup() as { articles: Array<Record<string, Json>>; annotations: Array<Record<string, Json>> };
  backup.articles[0]!.url = url;
  const target = backup.annotations.find((a) => a.articleId === backup.articles[0]!.id && a.kind === 'highlight')!;
  target.quote = { exact: 'A fisherman who asked not to be named', prefix: '', suffix: '' };

  const article = await driver.newPage(server.url('/article.html'));
  const popup = await openPopup(driver);
  await restoreFile(popup, JSON.stringify(backup));
  await popup.waitFor(() => document.querySelectorAll('[data-testid=annotation]').length === 11);
  const articleTabs = () =>
    driver.evaluateInBackground(async (bg, u) => {
      const api = (bg.chrome ?? bg.browser)!;
      const tabs = (await api.tabs.query({})) as Array<{ url?: string; active?: boolean }>;
      return tabs.filter((t) => (t.url ?? '').startsWith(u)).map((t) => ({ url: t.url ?? '', active: !!t.active }));
    }, url);
  expect((await articleTabs()).length, 'article tabs before').toBe(1);

  const openAnnotation = () =>
    popup.evaluate(() => {
      const row = [...document.querySelectorAll('.ann')].find(
        (r) => r.querySelector('[data-testid=annotation]')?.textContent === 'A fisherman who asked not to be named',
      )!;
      [...row.querySelectorAll('button')].find((b) => b.textContent === 'Open')!.click();
    });
  await openAnnotation();
  const switched = await popup.waitFor(
    async (u) => {
      // runs in the popup: its own global, typed like the background's (no WXT auto-imported `browser`)
      const g = globalThis as unknown as BackgroundGlobal;
      const api = g.chrome ?? g.browser;
      const tabs = (await api!.tabs.query({})) as Array<{ url?: string; active?: boolean }>;
      const hit = tabs.filter((t) => (t.url ?? '').startsWith(u));
      return hit.length === 1 && hit[0]!.active ? (hit[0]!.url ?? '') : '';
    },
    url,
    { message: 'the article tab to become active' },
  );
  expect(switched.startsWith(url), `active article tab ${switched}`).toBe(true);
  expect((await articleTabs()).length, 'article tabs after Open (no new tab)').toBe(1);

  // no tab open: a new one is created at the passage
  await article.close();
  await waitUntil(async () => (await articleTabs()).length === 0, { message: 'the article tab to close' });
  await openAnnotation();
  const created = await popup.waitFor(
    async (u) => {
      // runs in the popup: its own global, typed like the background's (no WXT auto-imported `browser`)
      const g = globalThis as unknown as BackgroundGlobal;
      const api = g.chrome ?? g.browser;
      const tabs = (await api!.tabs.query({})) as Array<{ url?: string; pendingUrl?: string }>;
      return tabs.map((t) => t.pendingUrl || t.url || '').find((t) => t.startsWith(u)) ?? '';
    },
    url,
    { message: 'a new tab at the article' },
  );
  expect(
    created.includes('#:~:text=A%20fisherman%20who%20asked%20not%20to%20be%20named'),
    `new tab URL ${created}`,
  ).toBe(true);
  expect(popup.errors(), 'popup errors').toBe([]);
});
