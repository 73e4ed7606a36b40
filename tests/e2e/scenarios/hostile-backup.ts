/**
 * Hostile backups and persisted undo (issue 17), on Chromium and Firefox against the built popup. A backup
 * with `updatedAt: 1e300` or a `javascript:` URL is refused whole, naming the bad record, and the popup
 * keeps rendering and exporting; a backup with unknown keys and bidi controls imports (keys dropped), and
 * its Markdown export holds no `javascript:` link and no raw bidi control. Undo of a delete survives the
 * popup closing: a reopened popup still offers it.
 */
import { e2e, type E2EPage, type Json } from '../driver.ts';
import { openPopup, restoreFile } from '../helpers.ts';
import { demoBackup } from './library.ts';

type Backup = { articles: Array<Record<string, Json>>; annotations: Array<Record<string, Json>> } & Record<
  string,
  Json
>;
const demo = () => demoBackup() as unknown as Backup;

const articleCount = (popup: E2EPage) =>
  popup.evaluate(() => document.querySelectorAll('[data-testid=article]').length);

/** Refused whole, naming the record; the popup still renders and exports Markdown without a javascript: link. */
export const hostileBackupIsRefusedAndExportStillWorks = e2e(async ({ driver, expect, skip }) => {
  const popup = await openPopup(driver);
  const seeded = await restoreFile(popup, JSON.stringify(demo()));
  expect(seeded, 'seeding').toContain('3 articles added');
  await popup.waitFor(() => document.querySelectorAll('[data-testid=article]').length === 3);

  const farFuture = demo();
  farFuture.articles[1]!.updatedAt = 1e300;
  const script = demo();
  script.articles[2]!.url = 'javascript:alert(document.domain)';
  const dataUrl = demo();
  dataUrl.articles[0]!.canonicalUrl = 'data:text/html,<script>alert(1)</script>';
  for (const [name, file, says] of [
    ['updatedAt 1e300', farFuture, /article 2 \(id [^)]+\): updatedAt is beyond the last date/],
    ['a javascript: URL', script, /article 3 \(id [^)]+\): url must be an http\(s\) URL/],
    ['a data: canonical URL', dataUrl, /article 1 \(id [^)]+\): canonicalUrl must be an http\(s\) URL/],
  ] as const) {
    const message = await restoreFile(popup, JSON.stringify(file));
    expect(says.test(message), `refusal of ${name}: "${message}"`).toBe(true);
    expect(message, `refusal of ${name}`).toContain('nothing was imported');
  }
  expect(await articleCount(popup), 'articles after the refused files').toBe(3);

  // unknown keys and bidi controls in an otherwise valid file: imported, keys dropped, controls kept out of exports
  const odd = demo();
  odd.articles = [
    {
      ...odd.articles[0]!,
      id: 'e2e-bidi-article',
      url: 'https://bidi.example/story',
      title: 'Budget \u202Egnp.exe\u202C approved',
      sneaky: '<img src=x onerror=alert(1)>',
    },
  ];
  odd.annotations = [
    {
      ...odd.annotations[0]!,
      id: 'e2e-bidi-note',
      articleId: 'e2e-bidi-article',
      comment: 'check \u2066this\u2069\n=',
      ['__proto__']: { polluted: true },
      extra: { nested: 1 },
    },
  ];
  odd.unknownTopLevel = true;
  const imported = await restoreFile(popup, JSON.stringify(odd));
  expect(imported, 'the odd but valid file').toContain('1 article added');
  // the list is virtualized (only the rows in view are in the DOM): count by the list's own summary
  await popup.waitFor(() => document.querySelector('.summary')?.textContent?.startsWith('4 articles') ?? false);

  // a fresh popup renders it all (no "Invalid time value", no blank page)
  await popup.close();
  const again = await openPopup(driver);
  await again.waitFor(() => document.querySelector('.summary')?.textContent?.startsWith('4 articles') ?? false, null, {
    message: 'the reopened popup lists 4 articles',
  });
  expect(await again.evaluate(() => !!document.querySelector('[data-testid=list-error]')), 'list error').toBe(false);

  if (!driver.capabilities.downloads) skip('this browser driver cannot observe downloads');
  await again.click('button[aria-controls="export-panel"]');
  await again.evaluate(() => {
    const radios = [...document.querySelectorAll<HTMLInputElement>('#export-panel input[name=format]')];
    radios[1]!.click(); // one combined Markdown file
  });
  const md = await driver.expectDownload(() => again.click('#export-panel button.primary'), {
    name: /^sourcelight-\d{4}-\d{2}-\d{2}\.md$/,
  });
  expect(md.content.includes('# Budget gnp.exe approved'), 'the bidi title, controls stripped').toBe(true);
  expect(/\]\(\s*(?:javascript|data|vbscript):/i.test(md.content), 'a script link in the export').toBe(false);
  expect(/[\u202a-\u202e\u2066-\u2069]/.test(md.content), 'raw bidi controls in the export').toBe(false);
  expect(/^=+\s*$/m.test(md.content), 'a Setext underline in the export').toBe(false);
  expect(again.errors(), 'popup errors').toBe([]);
});

/** Undo of a delete survives the popup closing: reopened within the window, the popup still offers it. */
export const undoSurvivesPopupClose = e2e(async ({ driver, expect }) => {
  const popup = await openPopup(driver);
  expect(await restoreFile(popup, JSON.stringify(demo())), 'seeding').toContain('11 annotations added');
  await popup.waitFor(() => document.querySelectorAll('[data-testid=annotation]').length === 11);
  const all = await popup.texts('[data-testid=annotation]');
  const victim = all[0]!;
  await popup.evaluate((text) => {
    const row = [...document.querySelectorAll('.ann')].find(
      (r) => r.querySelector('[data-testid=annotation]')?.textContent === text,
    )!;
    [...row.querySelectorAll('button')].find((b) => b.textContent === 'Delete')!.click();
  }, victim);
  await popup.waitFor(() => document.querySelectorAll('[data-testid=annotation]').length === 10);
  await popup.close();

  const reopened = await openPopup(driver);
  await reopened.waitFor(
    () => !!document.querySelector('[data-testid=toast]')?.textContent?.includes('Annotation deleted.'),
    null,
    { message: 'the reopened popup offers Undo' },
  );
  await reopened.click('[data-testid=toast] button.primary');
  await reopened.waitFor(() => document.querySelectorAll('[data-testid=annotation]').length === 11, null, {
    message: 'the annotation restored',
  });
  expect(await reopened.texts('[data-testid=annotation]'), 'after undo in the reopened popup').toBe(all);
  expect(reopened.errors(), 'popup errors').toBe([]);
});
