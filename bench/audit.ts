/**
 * Audit page benchmark (issue 16, speed): 2,000 saved articles with 60,000 saved claims (plus highlights,
 * the reader's corrections and tags), generated deterministically, restored into the built extension in
 * headless Chromium through the popup's own backup flow; then audit.html is loaded again and again and the
 * page's own User Timing mark `sourcelight:audit-painted` (entrypoints/audit/painted.ts: the first frame
 * after the totals are in the DOM) gives the first paint, measured from navigation start. Also timed: every
 * chart drawn, the longest task on the page's thread while loading, a filter click until the totals change,
 * and a change to the data (a tag typed on the page) until the page shows it. A Node row times the pure
 * aggregation (utils/audit/aggregate.ts) over the same data. Prints a Markdown table.
 *
 *   npx tsx bench/audit.ts [--articles 2000] [--claims 30] [--runs 5] [--ext .output/chrome-mv3]
 *                          [--vs OTHER-BUILD]   (load a second build in the same browser, in turn with --ext)
 *                          [--save-backup big.json]   (also write the data as a backup, to restore by hand)
 */
import { createHash } from 'node:crypto';
import { existsSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { FIRST, LAST, WORDS, seeded } from './seed-data';
import type { BrowserContext, Page } from 'playwright-core';
import { CHROMIUM, launchWithExtension } from './chromium-ext';
import { auditReport, filterArticles } from '../utils/audit/aggregate';
import { auditArticlesFrom } from '../utils/audit/records';
import { SPEAKER_KINDS } from '../utils/audit/kinds';
import { correctAnnotations } from '../utils/corrections/records';
import type { AnnotationRecord, ArticleRecord, CorrectionRecord, SourcingRecord } from '../utils/db/schema';

const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? Number(process.argv[i + 1]) : fallback;
};
const ARTICLES = arg('articles', 2000);
const CLAIMS_PER_ARTICLE = arg('claims', 30);
const RUNS = arg('runs', 5);
const EXT = (() => {
  const i = process.argv.indexOf('--ext');
  return resolve(i >= 0 ? process.argv[i + 1]! : '.output/chrome-mv3');
})();
const VS = (() => {
  const i = process.argv.indexOf('--vs');
  return i >= 0 ? resolve(process.argv[i + 1]!) : null;
})();
const TARGET_MS = 300;

const { rand, pick } = seeded(16);

const ORGS = ['the ministry', 'Acme Corp', 'the city council', 'the union', 'Harbour Bank', 'the agency'];
const ANONYMOUS = ['a senior official', 'two people briefed on the talks', 'a person familiar with the plan'];
const OUTLETS = Array.from({ length: 12 }, (_, i) => `outlet${i}.example`);
const TAGS = ['climate', 'budget', 'election', 'courts', 'health'];

const sentence = (min: number, max: number) => {
  const n = min + Math.floor(rand() * (max - min));
  return (
    Array.from({ length: n }, () => pick(WORDS))
      .join(' ')
      .replace(/^./, (c) => c.toUpperCase()) + '.'
  );
};
const idOf = (prefix: string, n: number) => `${prefix}-${String(n).padStart(6, '0')}`;

/** The library: articles, their claims (and some highlights), saved sourcings, corrections. */
function generate() {
  const t0 = Date.UTC(2026, 0, 1);
  const articles: ArticleRecord[] = [];
  const annotations: AnnotationRecord[] = [];
  const sourcing: SourcingRecord[] = [];
  const corrections: CorrectionRecord[] = [];
  for (let i = 0; i < ARTICLES; i++) {
    const created = t0 + i * 4 * 3_600_000;
    const outlet = OUTLETS[i % OUTLETS.length]!;
    const article: ArticleRecord = {
      id: idOf('article', i),
      url: `https://${outlet}/story/${i}`,
      canonicalUrl: null,
      title: sentence(5, 12).slice(0, -1),
      byline: null,
      siteName: null,
      publishedTime: rand() < 0.9 ? new Date(created - 86_400_000).toISOString() : null,
      excerpt: null,
      ...(rand() < 0.2 ? { tags: [pick(TAGS)] } : {}),
      textLength: 5000,
      textHash: `h${i}`,
      createdAt: created,
      updatedAt: created,
    };
    articles.push(article);
    const people = Array.from({ length: 6 }, () => `${pick(FIRST)} ${pick(LAST)}`);
    for (let j = 0; j < CLAIMS_PER_ARTICLE; j++) {
      const n = i * CLAIMS_PER_ARTICLE + j;
      const anonymous = rand() < 0.25;
      const org = !anonymous && rand() < 0.2;
      const speaker = anonymous ? pick(ANONYMOUS) : org ? pick(ORGS) : pick(people);
      const evidence = rand();
      const exact = sentence(8, 24);
      annotations.push({
        id: idOf('claim', n),
        articleId: article.id,
        kind: 'quote',
        category: anonymous ? 'anonymous' : 'quote',
        quote: { exact, prefix: '', suffix: '' },
        position: { start: j * 200, end: j * 200 + exact.length },
        comment: '',
        speaker,
        quoteKind: rand() < 0.6 ? 'direct' : 'indirect',
        anonymous,
        anonymityCue: anonymous ? 'on condition of anonymity' : null,
        speakerType: anonymous ? null : org ? 'organization' : 'person',
        speakerKind: org ? 'organization' : pick(SPEAKER_KINDS),
        gender: anonymous || org ? 'unknown' : evidence < 0.25 ? 'female' : evidence < 0.45 ? 'male' : 'unknown',
        genderGuess: anonymous || org || rand() < 0.3 ? null : pick(['female', 'male'] as const),
        sourcing: true,
        createdAt: created + j,
        updatedAt: created + j,
      });
      // the reader corrected one claim in a hundred: the speaker
      if (n % 100 === 7)
        corrections.push({
          id: idOf('correction', n),
          articleId: article.id,
          action: 'speaker',
          quote: { exact, prefix: '', suffix: '' },
          position: { start: j * 200, end: j * 200 + exact.length },
          machine: { speaker, anonymous, kind: 'direct' },
          speaker: pick(people),
          createdAt: created + 86_400_000,
          updatedAt: created + 86_400_000,
        });
    }
    // a few highlights, which the audit must not count
    for (let j = 0; j < 3; j++)
      annotations.push({
        id: idOf('highlight', i * 3 + j),
        articleId: article.id,
        kind: 'highlight',
        category: 'note',
        quote: { exact: sentence(6, 12), prefix: '', suffix: '' },
        position: null,
        comment: '',
        createdAt: created + 100 + j,
        updatedAt: created + 100 + j,
      });
    sourcing.push({
      id: idOf('sourcing', i),
      articleId: article.id,
      entities: [],
      summary: { named: 0, anonymous: 0, anonymousShare: 0, speakers: [] },
      createdAt: created,
      updatedAt: created,
    });
  }
  return { articles, annotations, sourcing, corrections };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const ms = (x: number) => `${x.toFixed(1)} ms`;

interface Row {
  measure: string;
  times: number[];
  limit: number | null;
}
const rows: Row[] = [];

/** The pure aggregation in Node over the same records: records → audit articles → report. */
function nodeRows(data: ReturnType<typeof generate>) {
  const times = { build: [] as number[], report: [] as number[] };
  for (let i = 0; i < RUNS + 1; i++) {
    let s = performance.now();
    const claims = data.annotations.filter((a) => a.kind === 'quote');
    const saved = new Set(data.sourcing.map((x) => x.articleId));
    const articles = auditArticlesFrom(data.articles, correctAnnotations(claims, data.corrections), {
      isSourcing: (a) => saved.has(a.id),
      machineSpeakers: new Map(claims.map((c) => [c.id, c.speaker ?? null])),
    });
    const build = performance.now() - s;
    s = performance.now();
    auditReport(filterArticles(articles, {}), { period: 'month' });
    const report = performance.now() - s;
    if (i === 0) continue; // warm-up
    times.build.push(build);
    times.report.push(report);
  }
  rows.push({ measure: 'Node: saved records → audit articles (corrections applied)', times: times.build, limit: null });
  rows.push({ measure: 'Node: filter + report over every article (pure core)', times: times.report, limit: null });
}

/** The id Chromium gives an unpacked extension: the SHA-256 of its absolute path, in the letters a–p. */
function unpackedId(dir: string): string {
  const hex = createHash('sha256').update(realpathSync(dir)).digest('hex').slice(0, 32);
  return [...hex].map((c) => String.fromCharCode(97 + parseInt(c, 16))).join('');
}

/** Restores the bench's library into the extension at `base` through its popup's backup flow. */
async function restore(ctx: BrowserContext, base: string, backupText: string): Promise<void> {
  const popup = await ctx.newPage();
  await popup.goto(`${base}/popup.html`);
  await popup.waitForSelector('main[aria-label="Saved articles"]');
  await popup.click('button[aria-controls="backup-panel"]');
  const restoreStart = performance.now();
  await popup.setInputFiles(
    '[data-testid=restore-file]',
    {
      name: 'bench.json',
      mimeType: 'application/json',
      buffer: Buffer.from(backupText),
    },
    { timeout: 120_000 },
  );
  await popup.waitForSelector('[data-testid=toast]:has-text("Imported")', { timeout: 300_000 });
  console.log(`restored into ${base} in ${((performance.now() - restoreStart) / 1000).toFixed(1)} s`);
  await popup.close();
}

/** A tab for loading audit.html again and again: long tasks observed from the start of each load. */
async function auditTab(ctx: BrowserContext): Promise<Page> {
  const page = await ctx.newPage();
  // tsx keeps function names with an `__name` helper that does not exist in the page.
  await page.addInitScript({ content: 'globalThis.__name = (f) => f;' });
  // the page thread's long tasks (≥ 50 ms) from the start of the load
  await page.addInitScript(() => {
    const w = window as unknown as { __longest?: number };
    w.__longest = 0;
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) w.__longest = Math.max(w.__longest ?? 0, e.duration);
    }).observe({ type: 'longtask', buffered: true });
  });
  return page;
}

/** The first-paint measures of one load of audit.html (ms from navigation start, or durations). */
interface Load {
  painted: number;
  shell: number | null;
  data: { at: number; took: number } | null;
  drawn: number;
  longest: number;
  totals: string;
}

/** Loads audit.html once and measures it. */
async function loadAudit(page: Page, base: string): Promise<Load> {
  await page.goto(`${base}/audit.html`);
  const t = await page.waitForFunction(
    () => performance.getEntriesByName('sourcelight:audit-painted')[0]?.startTime,
    null,
    { timeout: 120_000, polling: 'raf' },
  );
  // every chart on the page drawn (Chart.js writes its bars' centres after each render)
  const drawn = await page.evaluate(
    () =>
      new Promise<number>((done) => {
        const check = () => {
          const canvases = [...document.querySelectorAll('canvas')];
          if (canvases.length && canvases.every((c) => c.dataset.bars)) done(performance.now());
          else requestAnimationFrame(check);
        };
        check();
      }),
  );
  await page.evaluate(() => new Promise((r) => setTimeout(r, 200)));
  const longest = await page.evaluate(() => (window as unknown as { __longest?: number }).__longest ?? 0);
  const shell = await page.evaluate(
    () => performance.getEntriesByName('sourcelight:audit-shell-painted')[0]?.startTime ?? null,
  );
  const data = await page.evaluate(() => {
    const m = performance.getEntriesByName('sourcelight:audit-data')[0] as PerformanceMark | undefined;
    return m ? { at: m.startTime, took: (m.detail as { took: number }).took } : null;
  });
  const totals = ((await page.textContent('[data-testid=audit-totals]')) ?? '').replace(/\s+/g, ' ').trim();
  return { painted: (await t.jsonValue()) as number, shell, data, drawn, longest, totals };
}

/** The table rows of a series of loads; `label` names the build when two are compared. */
function loadRows(loads: Load[], label = ''): void {
  const of = (f: (l: Load) => number | null | undefined) =>
    loads.map(f).filter((x): x is number => typeof x === 'number');
  const add = (measure: string, times: number[], limit: number | null = null) =>
    times.length && rows.push({ measure: `Chromium audit.html${label}: ${measure}`, times, limit });
  add(
    'navigation → totals painted (`sourcelight:audit-painted`)',
    of((l) => l.painted),
    TARGET_MS,
  );
  add(
    'navigation → page skeleton painted (`sourcelight:audit-shell-painted`)',
    of((l) => l.shell),
  );
  add(
    '… the worker reading',
    of((l) => l.data?.took),
  );
  add(
    'navigation → the worker answer received',
    of((l) => l.data?.at),
  );
  add(
    'navigation → every chart drawn',
    of((l) => l.drawn),
  );
  add(
    'longest task on the page thread while loading',
    of((l) => l.longest),
  );
}

/**
 * The real audit page in headless Chromium. With `--vs DIR`, a second build (say, main's) is loaded in the
 * same browser with its own copy of the data, and the two pages are loaded in turn (A B, then B A, …), so
 * both see the same machine load: on a shared machine only such pairs compare.
 */
async function inBrowser(backupText: string): Promise<boolean> {
  if (!existsSync(CHROMIUM) || !existsSync(join(EXT, 'manifest.json'))) return false;
  if (VS && !existsSync(join(VS, 'manifest.json'))) throw new Error(`--vs: no built extension at ${VS}`);
  const { ctx, profile } = await launchWithExtension(VS ? `${EXT},${VS}` : EXT, { width: 1280, height: 900 });
  try {
    if (!ctx.serviceWorkers().length) await ctx.waitForEvent('serviceworker', { timeout: 15_000 });
    const base = `chrome-extension://${unpackedId(EXT)}`;
    const vsBase = VS ? `chrome-extension://${unpackedId(VS)}` : null;
    await restore(ctx, base, backupText);
    if (vsBase) await restore(ctx, vsBase, backupText);
    const page = await auditTab(ctx);
    const vsPage = vsBase ? await auditTab(ctx) : null;
    const loads: Load[] = [];
    const vsLoads: Load[] = [];
    let totals = '';
    for (let i = 0; i <= RUNS; i++) {
      // the first load of each warms caches
      const one = async () => {
        const l = await loadAudit(page, base);
        if (i > 0) loads.push(l);
        totals = l.totals;
      };
      const other = async () => {
        const l = await loadAudit(vsPage!, vsBase!);
        if (i > 0) vsLoads.push(l);
      };
      if (!vsPage) await one();
      else if (i % 2) await other().then(one);
      else await one().then(other);
    }
    console.log(`totals: ${totals}`);
    loadRows(loads, vsBase ? ` (${relative('.', EXT)})` : '');
    if (vsBase) loadRows(vsLoads, ` (--vs ${relative('.', VS!)})`);

    // the floor of any design that reads the claims when the page opens: one native getAll of the saved
    // quotes through the kind index (no Dexie, no mapping, nothing rendered)
    const raw: number[] = [];
    for (let i = 0; i < RUNS; i++)
      raw.push(
        await page.evaluate(async () => {
          const t0 = performance.now();
          const db = await new Promise<IDBDatabase>((ok, fail) => {
            const r = indexedDB.open('sourcelight');
            r.onsuccess = () => ok(r.result);
            r.onerror = () => fail(r.error);
          });
          await new Promise((ok) => {
            const r = db.transaction('annotations').objectStore('annotations').index('kind').getAll('quote');
            r.onsuccess = () => ok(r.result);
          });
          db.close();
          return performance.now() - t0;
        }),
      );
    rows.push({
      measure: 'Chromium: one native IndexedDB getAll of the 60,000 saved claims (the floor of reading them)',
      times: raw,
      limit: null,
    });

    // a filter: one outlet ticked, until the totals show its numbers (then unticked again)
    const filter: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      filter.push(
        await page.evaluate(async (n: number) => {
          const box = document.querySelectorAll<HTMLInputElement>('.filters fieldset input[type=checkbox]')[n]!;
          const totals = document.querySelector('[data-testid=audit-totals]')!;
          const before = totals.textContent;
          const t0 = performance.now();
          box.click();
          await new Promise<void>((done) => {
            const check = () => (totals.textContent !== before ? done() : requestAnimationFrame(check));
            requestAnimationFrame(check);
          });
          const took = performance.now() - t0;
          const after = totals.textContent;
          box.click();
          await new Promise<void>((done) => {
            const check = () => (totals.textContent !== after ? done() : requestAnimationFrame(check));
            requestAnimationFrame(check);
          });
          return took;
        }, i % 3),
      );
    }
    rows.push({ measure: 'Chromium audit.html: outlet filter clicked → totals updated', times: filter, limit: null });

    // a change to the data: a new tag typed on the page and stored, until the tag filter offers it
    const change: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      change.push(
        await page.evaluate(async (tag: string) => {
          const input = document.querySelector<HTMLInputElement>('[data-testid=table-articles] input[type=text]')!;
          const setValue = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')!.set!;
          input.focus();
          setValue.call(input, tag);
          input.dispatchEvent(new Event('input', { bubbles: true }));
          const t0 = performance.now();
          input.blur();
          await new Promise<void>((done) => {
            const check = () =>
              [...document.querySelectorAll('.filters select option')].some((o) => o.textContent === tag)
                ? done()
                : requestAnimationFrame(check);
            requestAnimationFrame(check);
          });
          return performance.now() - t0;
        }, `bench-tag-${i}`),
      );
    }
    rows.push({
      measure: 'Chromium audit.html: a tag stored → page re-aggregated and shows it',
      times: change,
      limit: null,
    });
    return true;
  } finally {
    await ctx.close();
    rmSync(profile, { recursive: true, force: true });
  }
}

async function main() {
  const data = generate();
  const quotes = data.annotations.filter((a) => a.kind === 'quote').length;
  nodeRows(data);
  const backup = {
    format: 'sourcelight-backup',
    version: 1,
    schemaVersion: 3,
    exportedAt: new Date(Date.UTC(2026, 11, 4)).toISOString(),
    ...data,
  };
  const text = JSON.stringify(backup);
  const save = process.argv.indexOf('--save-backup');
  if (save >= 0) writeFileSync(process.argv[save + 1]!, text);
  const ran = await inBrowser(text);
  if (!ran) console.log(`(Chromium rows skipped: need ${CHROMIUM} and a built extension at ${EXT})`);

  console.log(
    `\n### Audit benchmark — ${ARTICLES} articles, ${quotes} claims, ${data.corrections.length} corrections (median of ${RUNS} loads)\n`,
  );
  console.log('| Measure | Target | Median | Worst | Result |');
  console.log('| --- | --- | ---: | ---: | --- |');
  for (const r of rows) {
    const med = median(r.times);
    const worst = Math.max(...r.times);
    const verdict = r.limit === null ? '' : med <= r.limit ? (worst <= r.limit ? 'pass' : 'pass (median)') : 'FAIL';
    console.log(
      `| ${r.measure} | ${r.limit === null ? '—' : `≤ ${r.limit} ms`} | ${ms(med)} | ${ms(worst)} | ${verdict} |`,
    );
  }
  const [l1] = loadavg();
  console.log(
    `\nNode ${process.version}, ${cpus().length} CPUs, load average ${l1!.toFixed(1)} while measuring (a loaded machine` +
      ' inflates every figure). First paint is navigation start → the first frame after the totals are in the DOM.',
  );
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
