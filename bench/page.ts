/**
 * In-page benchmark (`npm run bench`, needs `npx wxt build`, `npx wxt build -b firefox --mv3` and the
 * browsers): loads each dev article (../shared/eval/dev/<name>/source.html, served from 127.0.0.1) in real
 * Chromium and Firefox with the built extension, and reads the content script's User Timing entries:
 * document_idle (`sourcelight:idle`) to highlights drawn (`sourcelight:ready`), the stage measures (serialize
 * the page once, the round trip to the extension document that extracts and analyzes it, anchor, draw), which
 * path was taken, and the longest main-thread task after document_idle (Chromium's `longtask` observer,
 * installed by the server at the top of each page; Firefox has none, so there the longest of the content
 * script's own synchronous pieces is reported — also in Chromium, since its observer misses work done in an
 * extension-API callback). The extension document's own times (parse the copy, Readability, analysis: its
 * `sourcelight:bg-*` measures, read from the background) and the analysis per 1,000 characters. Finally the
 * wake-up: Chromium's worker stopped (cold, offscreen document still open), worker stopped and offscreen
 * document closed (coldest), running (warm); Firefox's event page cannot be suspended from here.
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
  /** Readability in the page (the fallback, or a page too large to send); NaN when it ran off the page. */
  extract: number;
  analyze: number;
  roundtrip: number;
  anchor: number;
  draw: number;
  /** Longest long task after document_idle (Chromium), 0 when none; NaN when the browser has no observer. */
  longtask: number;
  /** Longest synchronous piece the content script measured itself (serialize, in-page extract, anchor, draw, in-page analysis slices). */
  ownSlice: number;
  /** Serializing the page once in the content script (`sourcelight:serialize`). */
  serialize: number;
  /** Analysis work done on the page's main thread (ms): the in-page call or slices; 0 when it ran elsewhere. */
  inPageAnalysis: number;
  /** Size of that serialization, kB (what the message to the extension document carries). */
  htmlKb: number;
  path: string;
  /** Which piece was the longest own slice (serialize, extract, anchor, draw, analysis). */
  ownWhat: string;
  /** After anchoring, before drawing (density, hit-test index), and the panel model built after drawing. */
  prepare: number;
  model: number;
  /** After the fact, for comparison: outerHTML alone, XMLSerializer, and the element/text-node walk alone (ms). */
  probe: { outerHtml: number; xml: number; walk: number };
  /** document_idle → the request sent (`sourcelight:roundtrip` start), and its reply → drawn (ms). */
  beforeSend: number;
  afterReply: number;
  /** This load's own extension-document measures (parse, extract, analyze, Chrome's hop), when they could be matched. */
  bg: { parse: number; extract: number; analyze: number; hop: number } | null;
  label: string;
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
  return page
    .evaluate(() => {
      const get = (n: string) =>
        performance.getEntriesByName(`sourcelight:${n}`).at(-1) as PerformanceMeasure | undefined;
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
      const elsewhere = path && path !== 'sourcelight:path:inpage';
      const inPage = chunks.length ? chunks : elsewhere ? [] : [dur('analyze')];
      // `sourcelight:extract` after the mark `sourcelight:extract:offpage` is the extension document's time
      const offMark = performance.getEntriesByName('sourcelight:extract:offpage').at(-1);
      const lastExtract = get('extract');
      const extractHere =
        offMark && lastExtract && offMark.startTime >= lastExtract.startTime - 0.01 ? NaN : dur('extract');
      const serialize = get('serialize');
      const trip = get('roundtrip');
      const pieces: Array<[string, number]> = [
        ['serialize', serialize?.duration ?? NaN],
        ['extract', extractHere],
        ['anchor', dur('anchor')],
        ['prepare', dur('prepare')],
        ['draw', dur('draw')],
        ['model', dur('model')],
        ...inPage.map((d) => ['analysis', d] as [string, number]),
      ];
      const [ownWhat, ownSlice] = pieces
        .filter(([, d]) => Number.isFinite(d))
        .reduce((a, b) => (b[1] > a[1] ? b : a), ['none', 0] as [string, number]);
      return {
        ready: ready.startTime + ready.duration - idle,
        extract: extractHere,
        analyze: dur('analyze'),
        roundtrip: dur('roundtrip'),
        anchor: dur('anchor'),
        draw: dur('draw'),
        longtask,
        ownSlice,
        serialize: serialize?.duration ?? NaN,
        // the size only, taken after the fact (the measure carries no detail: the page shares the timeline)
        htmlKb: serialize ? ((document.doctype ? 15 : 0) + document.documentElement.outerHTML.length) / 1024 : NaN,
        inPageAnalysis: inPage.reduce((a, b) => a + b, 0),
        path: path?.slice('sourcelight:path:'.length) ?? 'inpage',
        ownWhat,
        prepare: dur('prepare'),
        model: dur('model'),
        beforeSend: trip ? trip.startTime - idle : NaN,
        afterReply: trip ? ready.startTime + ready.duration - (trip.startTime + trip.duration) : NaN,
        bg: null,
        probe: (() => {
          const time = (f: () => unknown) => {
            const t = performance.now();
            f();
            return performance.now() - t;
          };
          return {
            outerHtml: time(() => document.documentElement.outerHTML.length),
            xml: time(() => new XMLSerializer().serializeToString(document).length),
            walk: time(() => {
              // the budget check's walk (utils/article/extract.ts overBudget): elements and text nodes
              const w = document.createTreeWalker(document.documentElement, 0x1 | 0x4);
              let n = 0;
              while (w.nextNode()) n++;
              return n;
            }),
          };
        })(),
        label: '',
      };
    })
    .then((s) => ({ ...(s as Sample), label })) as Promise<Sample>;
}

/** The extension document's own measures (parse, extract, analyze), each as [characters, ms]. */
interface BackgroundWork {
  parse: Array<[number, number]>;
  extract: Array<[number, number]>;
  analyze: Array<[number, number]>;
  /** Chrome: the worker's hop to its offscreen document and back (that document's work included). */
  hop: Array<[number, number]>;
  create: number[];
}

async function backgroundWork(driver: Driver): Promise<BackgroundWork> {
  // the background's own `performance` (in Firefox the function runs in a helper tab, given the background)
  return driver.evaluateInBackground((bg) => {
    const perf = (bg as unknown as { performance: Performance }).performance;
    const of = (n: string) =>
      perf
        .getEntriesByName(`sourcelight:bg-${n}`)
        .map((e) => [Number((e as PerformanceMeasure).detail ?? NaN), e.duration] as [number, number]);
    return {
      parse: of('parse'),
      extract: of('extract'),
      analyze: of('analyze'),
      hop: of('offscreen-roundtrip'),
      create: of('offscreen-create').map(([, ms]) => ms),
    };
  });
}

const NO_WORK: BackgroundWork = { parse: [], extract: [], analyze: [], hop: [], create: [] };

/** What was recorded after `before` (a fresh worker starts its lists again: then all of `after`). */
function since(before: BackgroundWork, after: BackgroundWork): BackgroundWork {
  const tail = <T>(a: T[], b: T[]) => (b.length >= a.length ? b.slice(a.length) : b);
  return {
    parse: tail(before.parse, after.parse),
    extract: tail(before.extract, after.extract),
    analyze: tail(before.analyze, after.analyze),
    hop: tail(before.hop, after.hop),
    create: tail(before.create, after.create),
  };
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
  /** Per article: round trip minus the extension document's work, and (Chrome) the worker ↔ offscreen hop's share. */
  const overhead: number[] = [];
  const hopOverhead: number[] = [];
  const paths = new Map<string, number>();
  let firstRoundtrip = NaN;
  let wake: string[] = [];
  try {
    for (const name of pages) {
      const samples: Sample[] = [];
      const bgBefore = await backgroundWork(driver).catch(() => NO_WORK);
      for (let i = 0; i < RUNS; i++) {
        const page = await open(driver, url(name));
        const s = await readSample(page, `${browser} ${name} #${i + 1}${all.length + i === 0 ? ' (first load)' : ''}`);
        if (!all.length) firstRoundtrip = s.roundtrip;
        samples.push(s);
        paths.set(s.path, (paths.get(s.path) ?? 0) + 1);
        await page.close();
      }
      all.push(...samples);
      const m = (k: keyof Omit<Sample, 'path' | 'ownWhat' | 'label' | 'prepare' | 'model' | 'probe' | 'bg'>) =>
        median(samples.map((s) => s[k]));
      const bg = since(bgBefore, await backgroundWork(driver).catch(() => NO_WORK));
      // one extension-document entry per load, in load order: each load gets its own (else none is guessed)
      if (bg.parse.length === samples.length && bg.extract.length === samples.length)
        samples.forEach((s, i) => {
          const at = (xs: Array<[number, number]>) => (xs.length === samples.length ? xs[i]![1] : NaN);
          s.bg = { parse: at(bg.parse), extract: at(bg.extract), analyze: at(bg.analyze), hop: at(bg.hop) };
        });
      const bgMs = (xs: Array<[number, number]>) => median(xs.map(([, ms]) => ms));
      // analysis ms: the extension document's own time when it ran there, else the in-page measure
      const analysisMs = bg.analyze.length ? bgMs(bg.analyze) : m('analyze');
      const work = bgMs(bg.parse) + bgMs(bg.extract) + (bg.analyze.length ? bgMs(bg.analyze) : 0);
      overhead.push(m('roundtrip') - work);
      if (bg.hop.length) hopOverhead.push(bgMs(bg.hop) - work);
      const n = chars.get(name) ?? 0;
      if (n > 0) perK.push({ name, ms: (analysisMs / n) * 1000 });
      rows.push(
        `| ${name} | ${(n / 1000).toFixed(1)} | ${fmt(m('htmlKb'))} | ${fmt(m('ready'))} | ${fmt(m('serialize'), 1)} | ` +
          `${fmt(m('roundtrip'))} | ${fmt(bgMs(bg.parse), 1)} | ${fmt(bgMs(bg.extract), 1)} | ${fmt(m('extract'))} | ` +
          `${fmt(m('anchor'))} | ${fmt(m('draw'))} | ${fmt(m('longtask'))} | ${fmt(m('ownSlice'))} | ` +
          `${fmt(analysisMs, 1)} | ${n ? fmt((analysisMs / n) * 1000, 2) : '–'} |`,
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
  const ser = all.map((s) => s.serialize);
  console.log(`\n## ${browser}: in-page timings on the dev articles (median of ${RUNS} loads, ms)\n`);
  console.log(
    'Columns: the page serialized once (`sourcelight:serialize`, its size in kB and ms: budget check + outerHTML);\n' +
      'idle → drawn (`sourcelight:ready` end − `sourcelight:idle`); round trip to the extension document that parses\n' +
      'the copy, extracts and analyzes it (`sourcelight:roundtrip`, wall clock; Chrome: page → service worker →\n' +
      "offscreen document and back; Firefox: the event page); that document's own parse and Readability times\n" +
      '(`sourcelight:bg-parse`, `sourcelight:bg-extract`); Readability in the page (only on the fallback or a page too\n' +
      'large to send: – when it ran off the page); anchor, draw; longest long task after document_idle (Chromium only;\n' +
      'its observer does not see work done in an extension-API callback: hence the next column); longest synchronous\n' +
      "piece of the content script's own (serialize, in-page extract, anchor, draw, in-page analysis slices);\n" +
      "analysis ms (the extension document's `sourcelight:bg-analyze` when it ran there, else the in-page\n" +
      '`sourcelight:analyze`) and that per 1,000 characters.\n',
  );
  console.log(
    '| article | k chars | html kB | idle → drawn | serialize | round trip | bg parse | bg extract | extract in page | anchor | draw | longest task | longest own slice | analysis ms | ms / 1k chars |',
  );
  console.log('|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|');
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
  console.log(
    `Serializing the page (in the page): median ${fmt(median(ser), 1)} ms, worst ${fmt(worstOf(ser), 1)} ms.`,
  );
  console.log(
    `Messaging overhead (round trip − the extension document's parse + extract + analyze), median over articles: ` +
      `${fmt(median(overhead))} ms, worst ${fmt(worstOf(overhead))} ms` +
      (hopOverhead.length
        ? `; of which the worker ↔ offscreen document hop: median ${fmt(median(hopOverhead))} ms, worst ${fmt(worstOf(hopOverhead))} ms.`
        : '.'),
  );
  const probe = (k: keyof Sample['probe']) => all.map((s) => s.probe[k]);
  console.log(
    `Serializing, probed after the fact (median / worst ms): outerHTML ${fmt(median(probe('outerHtml')), 1)} / ` +
      `${fmt(worstOf(probe('outerHtml')), 1)}, XMLSerializer ${fmt(median(probe('xml')), 1)} / ${fmt(worstOf(probe('xml')), 1)}, ` +
      `the budget check's node walk ${fmt(median(probe('walk')), 1)} / ${fmt(worstOf(probe('walk')), 1)}.`,
  );
  const inPageExtract = all.filter((s) => Number.isFinite(s.extract)).length;
  console.log(
    `Readability ran in the page on ${inPageExtract} of ${all.length} loads; analysis work on the page's main thread, ` +
      `median per load: ${fmt(median(all.map((s) => s.inPageAnalysis)), 1)} ms (goal: at most Readability's own time).`,
  );
  const perKMedian = median(perK.map((p) => p.ms));
  const worstK = perK.reduce((a, b) => (b.ms > a.ms ? b : a), perK[0] ?? { name: '–', ms: NaN });
  console.log(
    `Analysis ms per 1,000 chars: median ${fmt(perKMedian, 2)}, worst ${fmt(worstK.ms, 2)} (${worstK.name}), ` +
      `worst/median ${fmt(worstK.ms / perKMedian, 2)} (goal ≤ 3).`,
  );
  console.log(
    `Path per load: ${[...paths].map(([p, n]) => `${p} ${n}`).join(', ')}. ` +
      `First load's round trip (fresh background): ${fmt(firstRoundtrip)} ms.`,
  );
  const slow = all.filter((s) => s.ownSlice > 50 || s.longtask > 50);
  if (slow.length) {
    console.log('\nLoads with a piece over 50 ms (own slice, or a long task the observer saw):');
    for (const s of slow)
      console.log(
        `- ${s.label}: own slice ${fmt(s.ownSlice)} ms (${s.ownWhat}), long task ${fmt(s.longtask)} ms, ` +
          `serialize ${fmt(s.serialize, 1)}, anchor ${fmt(s.anchor)}, prepare ${fmt(s.prepare)}, draw ${fmt(s.draw)}, ` +
          `model ${fmt(s.model)}, idle → drawn ${fmt(s.ready)}`,
      );
  }
  // where the slowest loads spent their time (the worst idle → drawn is one of them)
  console.log('\nSlowest loads (idle → drawn = before send + round trip + after reply; ms):');
  for (const s of [...all].sort((a, b) => b.ready - a.ready).slice(0, 3))
    console.log(
      `- ${s.label}: idle → drawn ${fmt(s.ready)} = before send ${fmt(s.beforeSend)} (serialize ${fmt(s.serialize, 1)}) + ` +
        `round trip ${fmt(s.roundtrip)} (extension document: parse ${fmt(s.bg?.parse ?? NaN)}, extract ` +
        `${fmt(s.bg?.extract ?? NaN)}, analyze ${fmt(s.bg?.analyze ?? NaN)}` +
        (Number.isFinite(s.bg?.hop ?? NaN) ? `; worker ↔ document hop ${fmt(s.bg!.hop)}` : '') +
        `) + after reply ${fmt(s.afterReply)} (anchor ${fmt(s.anchor)}, prepare ${fmt(s.prepare)}, draw ${fmt(s.draw)}); path ${s.path}`,
    );
  for (const line of wake) console.log(line);
  if (refusedLoads) console.log(`\n(${refusedLoads} loads were refused by the browser and redone.)`);
  refusedLoads = 0;
}

/**
 * Wake-up cost: the round trip and idle → drawn with the background asleep vs awake, on the largest dev
 * article. Chromium, through CDP: the service worker stopped before each load (its offscreen document stays
 * open, warm), and the offscreen document closed as well (a new worker creates a new document, whose
 * lexicons and JIT start cold: `sourcelight:bg-offscreen-create` is its creation). Firefox's event page
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
  const coldest: Sample[] = [];
  const warm: Sample[] = [];
  const creations: number[] = [];
  for (let i = 0; i < WAKE_RUNS; i++) {
    if (browser === 'chromium') {
      for (const closeOffscreen of [false, true]) {
        if (closeOffscreen)
          await driver.evaluateInBackground((bg) =>
            (bg as unknown as { chrome: { offscreen: { closeDocument(): Promise<void> } } }).chrome.offscreen
              .closeDocument()
              .catch(() => undefined),
          );
        const blank = await driver.newPage();
        await stopServiceWorker(driver, blank);
        await blank.close();
        const page = await open(driver, url(name));
        (closeOffscreen ? coldest : cold).push(await readSample(page, `${browser} cold ${name}`));
        await page.close();
        if (closeOffscreen) creations.push(...(await backgroundWork(driver)).create);
      }
    }
    const page = await open(driver, url(name));
    warm.push(await readSample(page, `${browser} warm ${name}`));
    await page.close();
  }
  const line = (label: string, xs: Sample[]) =>
    xs.length
      ? `| ${label} | ${xs.length} | ${fmt(median(xs.map((s) => s.roundtrip)))} | ${fmt(worstOf(xs.map((s) => s.roundtrip)))} | ${fmt(median(xs.map((s) => s.ready)))} | ${fmt(worstOf(xs.map((s) => s.ready)))} | ${[...new Set(xs.map((s) => s.path))].join(', ')} |`
      : `| ${label} | 0 | – | – | – | – | not measurable here |`;
  const out = [
    `\n### ${browser}: background wake-up on ${name} (ms)\n`,
    '| background | loads | round trip median | round trip worst | idle → drawn median | idle → drawn worst | path |',
    '|---|---|---|---|---|---|---|',
    line(
      browser === 'chromium' ? 'cold (service worker stopped, offscreen document open)' : 'cold (event page suspended)',
      cold,
    ),
  ];
  if (browser === 'chromium') out.push(line('coldest (service worker stopped, offscreen document closed)', coldest));
  out.push(line('warm', warm));
  if (creations.length)
    out.push(
      `\nCreating the offscreen document (\`chrome.offscreen.createDocument\`, in the worker): median ${fmt(median(creations))} ms, worst ${fmt(worstOf(creations))} ms.`,
    );
  return out;
}

await main();
