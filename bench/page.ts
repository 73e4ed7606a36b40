/**
 * In-page benchmark (`npm run bench`, needs `npx wxt build`, `npx wxt build -b firefox --mv3` and the
 * browsers): loads each dev article (../shared/eval/dev/<name>/source.html, served from 127.0.0.1) in real
 * Chromium and Firefox with the built extension, and reads the content script's User Timing entries:
 * document_idle (`sourcelight:idle`) to highlights drawn (`sourcelight:ready`), the stage measures
 * (extract, analyze, the round trip to the background when the analysis runs there, anchor, draw), which
 * analysis path was taken, and the longest main-thread task after document_idle (Chromium's `longtask`
 * observer, installed by the server at the top of each page; Firefox has none, so there the longest of the
 * content script's own synchronous pieces is reported). It also measures what serializing the page once
 * (`outerHTML`) costs, the number an off-thread extraction would have to beat, and the background's own
 * analysis time per 1,000 characters (its `sourcelight:bg-analyze` measures). Finally the service-worker
 * wake-up: Chromium's worker stopped (cold) vs running (warm), Firefox's first page after start vs later.
 * Timing only — no assertions. `BENCH_PAGE_RUNS` (default 5) loads per article and browser;
 * `BENCH_BROWSERS=chromium` or `firefox` runs one browser only, `BENCH_PAGES=a,b` some articles only.
 */
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { JSDOM, VirtualConsole } from 'jsdom';
import type { Page } from 'playwright-core';
import { extractArticle } from '../utils/article/extract.ts';
import { CHROMIUM_PATH, launchChromium } from '../tests/e2e/chromium.ts';
import type { BrowserName, Driver, E2EPage } from '../tests/e2e/driver.ts';
import { FIREFOX_PATH, launchFirefox } from '../tests/e2e/firefox.ts';

const ROOT = resolve(import.meta.dirname, '..');
/** The builds under test: `.output/` unless `BENCH_OUTPUT` names another folder (e.g. a copy of an older build). */
const OUTPUT = resolve(process.env.BENCH_OUTPUT ?? join(ROOT, '.output'));
const BUILDS: Record<BrowserName, string> = {
  chromium: join(OUTPUT, 'chrome-mv3'),
  firefox: join(OUTPUT, 'firefox-mv3'),
};
const BINARIES: Record<BrowserName, string> = { chromium: CHROMIUM_PATH, firefox: FIREFOX_PATH };
const DEV = resolve(ROOT, '..', 'shared', 'eval', 'dev');
const RUNS = Number(process.env.BENCH_PAGE_RUNS ?? 5);
/** Loads per wake-up state (cold / warm) in the service-worker section. */
const WAKE_RUNS = Number(process.env.BENCH_WAKE_RUNS ?? 5);
const BROWSERS = (process.env.BENCH_BROWSERS ?? 'chromium,firefox').split(',') as BrowserName[];

/** Installed before any page script: records long tasks from the start (as tests/e2e/pages/reading/big.html). */
const LONGTASK_PROBE = `<script nonce="sourcelight-bench">
window.__longtasks = PerformanceObserver.supportedEntryTypes && PerformanceObserver.supportedEntryTypes.includes('longtask') ? [] : null;
if (window.__longtasks) try { new PerformanceObserver(function (l) { for (const e of l.getEntries()) window.__longtasks.push([e.startTime, e.duration]); }).observe({ type: 'longtask', buffered: true }); } catch (e) { window.__longtasks = null; }
</script>`;

const median = (xs: number[]) => {
  const s = xs.filter((x) => Number.isFinite(x)).sort((a, b) => a - b);
  return s.length ? s[Math.floor((s.length - 1) / 2)]! : NaN;
};
/** The largest finite value (NaN crosses the browser boundary as null). */
const worstOf = (xs: number[]) => Math.max(...xs.filter((x) => Number.isFinite(x)));
const fmt = (x: number, digits = 0) => (Number.isFinite(x) ? x.toFixed(digits) : '–');

/** One page load's numbers, read from the page (ms; NaN when the measure is absent). */
interface Sample {
  ready: number;
  extract: number;
  analyze: number;
  roundtrip: number;
  anchor: number;
  draw: number;
  /** Longest long task after document_idle (Chromium), 0 when none; NaN when the browser has no observer. */
  longtask: number;
  /** Longest synchronous piece the content script measured itself (extract, draw, in-page analysis slices). */
  ownSlice: number;
  serialize: number;
  /** Analysis work done on the page's main thread (ms): the in-page call or slices; 0 when it ran in the background. */
  inPageAnalysis: number;
  /** Size of that serialization, kB (what a message to an extension document would carry). */
  htmlKb: number;
  path: string;
}

/** Navigation errors the browser reported (Firefox, now and then: "Address rejected"); the load is redone. */
let refusedLoads = 0;

/** Opens `url` in a new tab; a load the browser refuses is redone (counted and reported, never hidden). */
async function open(driver: Driver, url: string): Promise<E2EPage> {
  for (let attempt = 0; ; attempt++) {
    const page = await driver.newPage();
    try {
      await page.goto(url);
      return page;
    } catch (err) {
      await page.close().catch(() => undefined);
      refusedLoads++;
      if (attempt >= 2) throw err;
    }
  }
}

/** Waits for `sourcelight:ready`, lets the page go idle (so every long-task entry is delivered), reads the numbers. */
async function readSample(page: E2EPage, label: string): Promise<Sample> {
  await page.waitFor(() => performance.getEntriesByName('sourcelight:ready').length > 0, null, {
    timeoutMs: 30_000,
    message: `${label}: sourcelight:ready`,
  });
  await page.evaluate(() => new Promise<void>((ok) => requestIdleCallback(() => ok(), { timeout: 2_000 })));
  return page.evaluate(() => {
    const get = (n: string) => performance.getEntriesByName(`sourcelight:${n}`).at(-1);
    const dur = (n: string) => get(n)?.duration ?? NaN;
    const idle = get('idle')!.startTime;
    const ready = get('ready')!;
    const w = window as unknown as { __longtasks: Array<[number, number]> | null };
    const longtask = w.__longtasks
      ? Math.max(0, ...w.__longtasks.filter(([s]) => s >= idle - 1).map(([, d]) => d))
      : NaN;
    const path = performance
      .getEntriesByType('mark')
      .map((m) => m.name)
      .filter((n) => n.startsWith('sourcelight:path:'))
      .at(-1);
    const chunks = performance.getEntriesByName('sourcelight:analyze:chunk').map((e) => e.duration);
    // the in-page analysis is one synchronous call unless it was sliced (chunks) or ran elsewhere (path mark)
    const inPage = chunks.length ? chunks : path && path !== 'sourcelight:path:inpage' ? [] : [dur('analyze')];
    const ownSlice = Math.max(dur('extract'), dur('draw'), ...inPage);
    const t0 = performance.now();
    const html = document.documentElement.outerHTML;
    const serialize = performance.now() - t0;
    return {
      ready: ready.startTime + ready.duration - idle,
      extract: dur('extract'),
      analyze: dur('analyze'),
      roundtrip: dur('roundtrip'),
      anchor: dur('anchor'),
      draw: dur('draw'),
      longtask,
      ownSlice,
      serialize: html.length ? serialize : NaN,
      htmlKb: html.length / 1024,
      inPageAnalysis: inPage.reduce((a, b) => a + b, 0),
      path: path?.slice('sourcelight:path:'.length) ?? 'inpage',
    };
  }) as Promise<Sample>;
}

/** The background's own analysis measures since `since` entries: [chars, ms] per analysis. */
async function backgroundAnalyses(driver: Driver): Promise<Array<[number, number]>> {
  // the background's own `performance` (in Firefox the function runs in a helper tab, given the background)
  return driver.evaluateInBackground((bg) =>
    (bg as unknown as { performance: Performance }).performance
      .getEntriesByName('sourcelight:bg-analyze')
      .map((e) => [Number((e as PerformanceMeasure).detail ?? NaN), e.duration] as [number, number]),
  );
}

/** Stops Chromium's extension service worker (what Chromium does to an idle worker after 30 s). */
async function stopServiceWorker(driver: Driver, page: E2EPage): Promise<void> {
  const pw = (page as unknown as { page: Page }).page;
  const cdp = await pw.context().newCDPSession(pw);
  await cdp.send('ServiceWorker.enable');
  await cdp.send('ServiceWorker.stopAllWorkers');
  await cdp.detach();
  void driver;
}

async function main(): Promise<void> {
  if (!existsSync(DEV)) {
    console.log('In-page benchmark skipped: needs ../shared/eval/dev.');
    return;
  }
  const only = process.env.BENCH_PAGES?.split(',');
  const pages = readdirSync(DEV)
    .filter((d) => existsSync(join(DEV, d, 'source.html')) && (!only || only.includes(d)))
    .sort();
  // text length of each article as Readability extracts it (jsdom; the same library the page runs)
  const chars = new Map<string, number>();
  for (const name of pages) {
    const dom = new JSDOM(readFileSync(join(DEV, name, 'source.html'), 'utf8'), {
      url: 'https://localhost/',
      virtualConsole: new VirtualConsole(),
    });
    chars.set(name, extractArticle(dom.window.document)?.text.length ?? 0);
    dom.window.close();
  }
  const server = createServer((req, res) => {
    const name = decodeURIComponent((req.url ?? '/').split('/')[1] ?? '');
    const file = join(DEV, name, 'source.html');
    if (!pages.includes(name) || !existsSync(file)) {
      res.writeHead(404).end();
      return;
    }
    const html = readFileSync(file, 'utf8');
    const at = html.search(/<head[^>]*>/i);
    const probed = at < 0 ? LONGTASK_PROBE + html : html.replace(/<head[^>]*>/i, (h) => h + LONGTASK_PROBE);
    // The saved pages' own scripts are blocked (only the probe runs): offline they would try to reach their
    // sites or navigate away (Firefox then refuses the load), and their tasks are not ours to measure.
    // Content scripts are not subject to the page's CSP.
    res
      .writeHead(200, {
        'content-type': 'text/html; charset=utf-8',
        'content-security-policy': "script-src 'nonce-sourcelight-bench'",
      })
      .end(probed);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const port = (server.address() as { port: number }).port;
  const url = (name: string) => `http://127.0.0.1:${port}/${name}/`;
  try {
    for (const browser of BROWSERS) {
      if (!existsSync(BINARIES[browser]) || !existsSync(join(BUILDS[browser], 'manifest.json'))) {
        console.log(`\n${browser}: skipped (needs ${BINARIES[browser]} and a build in ${BUILDS[browser]}).`);
        continue;
      }
      await benchBrowser(browser, pages, chars, url);
    }
  } finally {
    server.close();
  }
}

async function benchBrowser(
  browser: BrowserName,
  pages: string[],
  chars: Map<string, number>,
  url: (name: string) => string,
): Promise<void> {
  const workDir = mkdtempSync(join(tmpdir(), 'sourcelight-bench-'));
  const launch = browser === 'chromium' ? launchChromium : launchFirefox;
  const driver = await launch({ extensionDir: BUILDS[browser], workDir });
  const rows: string[] = [];
  const all: Sample[] = [];
  const perK: Array<{ name: string; ms: number }> = [];
  const paths = new Map<string, number>();
  let firstRoundtrip = NaN;
  let wake: string[] = [];
  try {
    for (const name of pages) {
      const samples: Sample[] = [];
      const bgBefore = (await backgroundAnalyses(driver).catch(() => [])).length;
      for (let i = 0; i < RUNS; i++) {
        const page = await open(driver, url(name));
        const s = await readSample(page, `${browser} ${name}`);
        if (!all.length) firstRoundtrip = s.roundtrip;
        samples.push(s);
        paths.set(s.path, (paths.get(s.path) ?? 0) + 1);
        await page.close();
      }
      all.push(...samples);
      const m = (k: keyof Omit<Sample, 'path'>) => median(samples.map((s) => s[k]));
      // analysis ms: the background's own time when it ran there, else the in-page measure
      const bg = (await backgroundAnalyses(driver).catch(() => [])).slice(bgBefore);
      const analysisMs = bg.length ? median(bg.map(([, ms]) => ms)) : m('analyze');
      const n = chars.get(name) ?? 0;
      if (n > 0) perK.push({ name, ms: (analysisMs / n) * 1000 });
      rows.push(
        `| ${name} | ${(n / 1000).toFixed(1)} | ${fmt(m('ready'))} | ${fmt(m('extract'))} | ${fmt(m('analyze'))} | ` +
          `${fmt(m('roundtrip'))} | ${fmt(m('anchor'))} | ${fmt(m('draw'))} | ${fmt(m('longtask'))} | ` +
          `${fmt(m('ownSlice'))} | ${fmt(m('serialize'), 1)} | ${fmt(m('htmlKb'))} | ${fmt(analysisMs, 1)} | ${n ? fmt((analysisMs / n) * 1000, 2) : '–'} |`,
      );
    }
    wake = await wakeUp(driver, browser, pages, url);
  } finally {
    await driver.close();
    rmSync(workDir, { recursive: true, force: true });
  }
  const ready = all.map((s) => s.ready);
  const longest = all.map((s) => s.longtask);
  const own = all.map((s) => s.ownSlice);
  console.log(`\n## ${browser}: in-page timings on the dev articles (median of ${RUNS} loads, ms)\n`);
  console.log(
    'Columns: idle → drawn (`sourcelight:ready` end − `sourcelight:idle`); the stage measures; round trip to the\n' +
      'background (`sourcelight:roundtrip`, wall clock); longest long task after document_idle (Chromium only;\n' +
      'its observer does not see work done in an extension-API callback, such as the extraction, which runs\n' +
      'right after the settings arrive from storage: hence the next column);\n' +
      "longest synchronous piece of the content script's own (extract, draw, in-page analysis); serializing the\n" +
      "page once (outerHTML) and its size; analysis ms (the background's `sourcelight:bg-analyze` when it ran there, else the\n" +
      'in-page `sourcelight:analyze`) and that per 1,000 characters.\n',
  );
  console.log(
    '| article | k chars | idle → drawn | extract | analyze | round trip | anchor | draw | longest task | longest own slice | serialize | html kB | analysis ms | ms / 1k chars |',
  );
  console.log('|---|---|---|---|---|---|---|---|---|---|---|---|---|---|');
  for (const r of rows) console.log(r);
  console.log(
    `\nidle → drawn over all ${all.length} loads: median ${fmt(median(ready))} ms, worst ${fmt(worstOf(ready))} ms (goal: median ≤ 100, worst ≤ 250).`,
  );
  if (longest.some((x) => Number.isFinite(x)))
    console.log(
      `Longest main-thread task after document_idle: median ${fmt(median(longest))} ms, worst ${fmt(worstOf(longest))} ms (goal ≤ 50).`,
    );
  console.log(
    `Longest own synchronous slice: median ${fmt(median(own))} ms, worst ${fmt(worstOf(own))} ms (goal ≤ 50).`,
  );
  const ratio = median(all.map((s) => s.inPageAnalysis / s.extract));
  console.log(
    `Analysis work on the page's main thread ÷ Readability's (extract), median per load: ${fmt(ratio, 2)} (goal ≤ 1).`,
  );
  const perKMedian = median(perK.map((p) => p.ms));
  const worstK = perK.reduce((a, b) => (b.ms > a.ms ? b : a), perK[0] ?? { name: '–', ms: NaN });
  console.log(
    `Analysis ms per 1,000 chars: median ${fmt(perKMedian, 2)}, worst ${fmt(worstK.ms, 2)} (${worstK.name}), ` +
      `worst/median ${fmt(worstK.ms / perKMedian, 2)} (goal ≤ 3).`,
  );
  console.log(
    `Analysis path per load: ${[...paths].map(([p, n]) => `${p} ${n}`).join(', ')}. ` +
      `First load's round trip (fresh background): ${fmt(firstRoundtrip)} ms.`,
  );
  for (const line of wake) console.log(line);
  if (refusedLoads) console.log(`\n(${refusedLoads} loads were refused by the browser and redone.)`);
  refusedLoads = 0;
}

/**
 * Wake-up cost: the round trip and idle → drawn with the background asleep vs awake, on the largest dev
 * article. Chromium: the service worker is stopped through CDP before each cold load. Firefox's event page
 * cannot be suspended on demand from here, so only the warm numbers are taken there (the first load of the
 * run above, with a freshly started background, is printed as "first load").
 */
async function wakeUp(
  driver: Driver,
  browser: BrowserName,
  pages: string[],
  url: (name: string) => string,
): Promise<string[]> {
  const name = pages.includes('nytimes-2') ? 'nytimes-2' : pages[0]!;
  const cold: Sample[] = [];
  const warm: Sample[] = [];
  for (let i = 0; i < WAKE_RUNS; i++) {
    if (browser === 'chromium') {
      const blank = await driver.newPage();
      await stopServiceWorker(driver, blank);
      await blank.close();
      const page = await open(driver, url(name));
      cold.push(await readSample(page, `${browser} cold ${name}`));
      await page.close();
    }
    const page = await open(driver, url(name));
    warm.push(await readSample(page, `${browser} warm ${name}`));
    await page.close();
  }
  const line = (label: string, xs: Sample[]) =>
    xs.length
      ? `| ${label} | ${xs.length} | ${fmt(median(xs.map((s) => s.roundtrip)))} | ${fmt(worstOf(xs.map((s) => s.roundtrip)))} | ${fmt(median(xs.map((s) => s.ready)))} | ${[...new Set(xs.map((s) => s.path))].join(', ')} |`
      : `| ${label} | 0 | – | – | – | not measurable here |`;
  return [
    `\n### ${browser}: background wake-up on ${name} (ms)\n`,
    '| background | loads | round trip median | round trip worst | idle → drawn median | path |',
    '|---|---|---|---|---|---|',
    line(browser === 'chromium' ? 'cold (service worker stopped)' : 'cold (event page suspended)', cold),
    line('warm', warm),
  ];
}

await main();
