/**
 * Benchmark of the text analyzer against Readability (run: `npx tsx bench/analysis.ts`).
 *
 * On the dev articles (../shared/eval/dev): the median time of Readability alone (`extractArticle` on a jsdom
 * document) and of Readability + `analyzeText`, and their ratio (target ≤ 1.30); analysis time on one article
 * repeated 1×, 10× and 50× (growth should be linear); the one-time lexicon build; and, when a build exists,
 * the size of the content-script files. Prints Markdown tables. Timing only — no assertions.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { JSDOM, VirtualConsole } from 'jsdom';
import { analyzeText } from '../utils/analysis/index';
import { findEntities } from '../utils/analysis/entities';
import { extractArticle } from '../utils/article/extract';

const ROOT = resolve(import.meta.dirname ?? '.', '..');
const DEV = resolve(ROOT, '..', 'shared', 'eval', 'dev');
const RUNS = Number(process.env.BENCH_RUNS ?? 15);

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}

function time(fn: () => unknown, runs = RUNS): number {
  fn(); // warm-up: JIT, lazy lexicons
  const xs: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    fn();
    xs.push(performance.now() - t0);
  }
  return median(xs);
}

const fmt = (ms: number) => ms.toFixed(2);

function main(): void {
  // the lexicons are built once per page, on first use: measure that separately
  const t0 = performance.now();
  findEntities('Warm-up in Paris.');
  const lexiconBuild = performance.now() - t0;

  const rows: string[] = [];
  let totalRead = 0;
  let totalBoth = 0;
  let sample = '';
  if (!existsSync(DEV)) console.error(`no dev set at ${DEV}`);
  const dirs = existsSync(DEV) ? readdirSync(DEV).filter((d) => statSync(join(DEV, d)).isDirectory()) : [];
  for (const d of dirs.sort()) {
    const html = join(DEV, d, 'source.html');
    if (!existsSync(html)) continue; // plain-text sources have no Readability step to compare with
    const dom = new JSDOM(readFileSync(html, 'utf8'), {
      url: 'https://localhost/',
      contentType: 'text/html',
      virtualConsole: new VirtualConsole(),
    });
    const doc = dom.window.document;
    const text = extractArticle(doc, { force: true })?.text ?? '';
    if (text.length > sample.length) sample = text;
    // paired runs: each iteration times Readability, then the analysis of what it extracted
    extractArticle(doc, { force: true });
    analyzeText(text);
    const reads: number[] = [];
    const analyses: number[] = [];
    const boths: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      const t1 = performance.now();
      const a = extractArticle(doc, { force: true });
      const t2 = performance.now();
      if (a) analyzeText(a.text);
      const t3 = performance.now();
      reads.push(t2 - t1);
      analyses.push(t3 - t2);
      boths.push(t3 - t1);
    }
    const read = median(reads);
    const analysis = median(analyses);
    const both = median(boths);
    totalRead += read;
    totalBoth += both;
    rows.push(
      `| ${d} | ${(text.length / 1024).toFixed(1)} | ${fmt(read)} | ${fmt(analysis)} | ${fmt(both)} | ${(both / read).toFixed(2)} |`,
    );
    dom.window.close();
  }

  console.log('## Readability vs Readability + analysis (median of %d runs, ms)\n', RUNS);
  console.log('| article | text kB | Readability | analyzeText | both | ratio |');
  console.log('|---|---|---|---|---|---|');
  for (const r of rows) console.log(r);
  if (rows.length)
    console.log(
      `| **total** | | ${fmt(totalRead)} | | ${fmt(totalBoth)} | **${(totalBoth / totalRead).toFixed(2)}** |`,
    );
  console.log(`\nTarget ratio ≤ 1.30. One-time lexicon build (first analysis on a page): ${fmt(lexiconBuild)} ms.\n`);

  if (sample) {
    console.log('## Linear growth: analyzeText on the longest article repeated (median ms)\n');
    console.log('| copies | text kB | analyzeText | findEntities | ms per 10 kB |');
    console.log('|---|---|---|---|---|');
    for (const n of [1, 10, 50]) {
      const text = Array.from({ length: n }, () => sample).join('\n\n');
      const runs = n >= 50 ? 5 : RUNS;
      const all = time(() => analyzeText(text), runs);
      const ents = time(() => findEntities(text), runs);
      console.log(
        `| ${n}× | ${(text.length / 1024).toFixed(0)} | ${fmt(all)} | ${fmt(ents)} | ${((all / text.length) * 10240).toFixed(2)} |`,
      );
    }
  }

  const lexDir = join(ROOT, 'utils', 'analysis', 'lexicons', 'data');
  if (existsSync(lexDir)) {
    let total = 0;
    console.log('\n## Generated lexicon data (source bytes, before minification)\n');
    console.log('| file | kB |');
    console.log('|---|---|');
    for (const f of readdirSync(lexDir).sort()) {
      const size = statSync(join(lexDir, f)).size;
      total += size;
      console.log(`| ${f} | ${(size / 1024).toFixed(1)} |`);
    }
    console.log(`| **total** | **${(total / 1024).toFixed(1)}** |`);
  }

  const cs = join(ROOT, '.output', 'chrome-mv3', 'content-scripts');
  if (existsSync(cs)) {
    let total = 0;
    console.log('\n## Content-script bundle (.output/chrome-mv3/content-scripts)\n');
    console.log('| file | kB |');
    console.log('|---|---|');
    for (const f of readdirSync(cs).sort()) {
      const size = statSync(join(cs, f)).size;
      total += size;
      console.log(`| ${f} | ${(size / 1024).toFixed(1)} |`);
    }
    console.log(`| **total** | **${(total / 1024).toFixed(1)}** |`);
    console.log('\nBudget: < 600 kB minified in total.');
  }
}

main();
