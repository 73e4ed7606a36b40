/**
 * In-page benchmark (`npm run bench`, needs `npx wxt build` and /usr/bin/chromium): loads each dev article
 * (../shared/eval/dev/<name>/source.html, served from 127.0.0.1) in real Chromium with the built extension,
 * and reads the content script's User Timing entries: time from document_idle (the `sourcelight:idle`
 * mark) to highlights drawn (`sourcelight:ready`), and the four stage measures. Target: drawn ≤ 300 ms.
 */
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { CHROMIUM_PATH, launchChromium } from '../tests/e2e/chromium.ts';

const ROOT = resolve(import.meta.dirname, '..');
const EXT = join(ROOT, '.output', 'chrome-mv3');
const DEV = resolve(ROOT, '..', 'shared', 'eval', 'dev');
const RUNS = Number(process.env.BENCH_PAGE_RUNS ?? 5);

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? s[Math.floor((s.length - 1) / 2)]! : NaN;
};

async function main(): Promise<void> {
  if (!existsSync(CHROMIUM_PATH) || !existsSync(join(EXT, 'manifest.json')) || !existsSync(DEV)) {
    console.log(
      'In-page benchmark skipped: needs /usr/bin/chromium, a built .output/chrome-mv3 and ../shared/eval/dev.',
    );
    return;
  }
  const pages = readdirSync(DEV).filter((d) => existsSync(join(DEV, d, 'source.html')));
  const server = createServer((req, res) => {
    const name = decodeURIComponent((req.url ?? '/').split('/')[1] ?? '');
    const file = join(DEV, name, 'source.html');
    if (!pages.includes(name) || !existsSync(file)) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(readFileSync(file));
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const port = (server.address() as { port: number }).port;
  const workDir = mkdtempSync(join(tmpdir(), 'sourcelight-bench-'));
  const driver = await launchChromium({ extensionDir: EXT, workDir });
  const names = ['ready', 'extract', 'analyze', 'anchor', 'draw'] as const;
  const rows: string[] = [];
  const allReady: number[] = [];
  try {
    for (const name of pages) {
      const samples: Record<(typeof names)[number], number[]> = {
        ready: [],
        extract: [],
        analyze: [],
        anchor: [],
        draw: [],
      };
      for (let i = 0; i < RUNS; i++) {
        const page = await driver.newPage(`http://127.0.0.1:${port}/${name}/`);
        const m = await page.waitFor(
          () => {
            const get = (n: string) => performance.getEntriesByName(`sourcelight:${n}`).at(-1);
            const ready = get('ready');
            const idle = get('idle');
            if (!ready || !idle) return null;
            return {
              ready: ready.startTime + ready.duration - idle.startTime,
              extract: get('extract')?.duration ?? -1,
              analyze: get('analyze')?.duration ?? -1,
              anchor: get('anchor')?.duration ?? -1,
              draw: get('draw')?.duration ?? -1,
            };
          },
          null,
          { timeoutMs: 20_000, message: `${name}: sourcelight:ready` },
        );
        for (const n of names) samples[n].push(m![n]);
        await page.close();
      }
      allReady.push(...samples.ready);
      rows.push(`| ${name} | ${names.map((n) => median(samples[n]).toFixed(0)).join(' | ')} |`);
    }
  } finally {
    await driver.close();
    server.close();
    rmSync(workDir, { recursive: true, force: true });
  }
  console.log(`## In-page timings on the dev articles, Chromium (median of ${RUNS} loads, ms)\n`);
  console.log('| article | idle → drawn | extract | analyze | anchor | draw |\n|---|---|---|---|---|---|');
  for (const r of rows) console.log(r);
  const worst = Math.max(...allReady);
  console.log(
    `\nidle → drawn: median ${median(allReady).toFixed(0)} ms, worst ${worst.toFixed(0)} ms (target ≤ 300 ms).`,
  );
}

await main();
