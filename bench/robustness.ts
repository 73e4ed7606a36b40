/**
 * Robustness bench: runs the robustness pipeline (parse → extract → analyze → anchor, with every invariant
 * checked) on each corpus page and prints a Markdown table of the slowest pages, so a regression that makes
 * one odd page slow shows up by name.
 *
 *   npx tsx bench/robustness.ts [--top N] [--json] [--heavy [--timeout S]]
 *
 * `--heavy` adds the bench-only pages (5,000 nested elements, 50,000 links, 1 MB in paragraphs…). Some of
 * them take minutes in jsdom, so each runs in its own process (`--one NAME`) killed after `--timeout`
 * seconds (default 120) and reported as a timeout rather than hanging the bench.
 * Exit code 1 when any page throws or times out, so it can gate CI like the test does.
 */
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { runPage, type PageReport } from '../tests/robustness/check';
import { loadCorpus } from '../tests/robustness/corpus';

const args = process.argv.slice(2);
const opt = (name: string) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
};
const top = Number(opt('--top')) || 10;
const asJson = args.includes('--json');
const heavy = args.includes('--heavy');
const timeoutS = Number(opt('--timeout')) || 120;

const fmt = (ms: number) => (ms >= 100 ? ms.toFixed(0) : ms.toFixed(1));
const kb = (n: number) => (n >= 1024 ? `${(n / 1024).toFixed(0)} kB` : `${n} B`);

type Outcome = { report: PageReport } | { error: string };

/** Runs one page in this process. */
function runHere(name: string): Outcome {
  const page = loadCorpus().find((p) => p.name === name);
  if (!page) return { error: `no corpus page named ${name}` };
  try {
    return { report: runPage(page) };
  } catch (err) {
    return { error: (err as Error).message.slice(0, 300) };
  }
}

/** Runs one page in a child process with a time limit. */
function runIsolated(name: string): Outcome {
  const self = fileURLToPath(import.meta.url);
  const r = spawnSync(process.execPath, ['--import', 'tsx', self, '--one', name], {
    encoding: 'utf8',
    timeout: timeoutS * 1000,
    maxBuffer: 16 * 1024 * 1024,
  });
  if (r.error || r.signal) return { error: `timeout: still running after ${timeoutS} s (killed)` };
  try {
    return JSON.parse(r.stdout.trim().split('\n').pop() ?? '') as Outcome;
  } catch {
    return { error: `child failed: ${(r.stderr || r.stdout).slice(0, 300)}` };
  }
}

function main(): void {
  const one = opt('--one');
  if (one) {
    console.log(JSON.stringify(runHere(one)));
    return;
  }
  const pages = loadCorpus().filter((p) => heavy || !p.heavy);
  const reports: PageReport[] = [];
  const failures: Array<{ name: string; error: string }> = [];
  const started = performance.now();
  for (const page of pages) {
    const out = page.heavy ? runIsolated(page.name) : runHere(page.name);
    if ('report' in out) reports.push(out.report);
    else failures.push({ name: page.name, error: out.error });
  }
  const wall = performance.now() - started;
  reports.sort((a, b) => b.ms.total - a.ms.total);

  if (asJson) {
    console.log(JSON.stringify({ pages: pages.length, wallMs: wall, reports, failures }, null, 2));
  } else {
    const lines = [
      `## Robustness corpus: ${pages.length} pages${heavy ? ' (with heavy pages)' : ''}, ${fmt(wall / 1000)} s total, ${failures.length} failure(s)`,
      '',
      `Slowest ${Math.min(top, reports.length)} pages (ms; parse is jsdom's, not the extension's):`,
      '',
      '| page | size | article | text chars | parse | extract | analyze | anchor | total |',
      '| --- | ---: | :---: | ---: | ---: | ---: | ---: | ---: | ---: |',
      ...reports
        .slice(0, top)
        .map(
          (r) =>
            `| ${r.name} | ${kb(r.bytes)} | ${r.article ? 'yes' : 'no'} | ${r.textLength} | ${fmt(r.ms.parse)} | ${fmt(r.ms.extract)} | ${fmt(r.ms.analyze)} | ${fmt(r.ms.anchor)} | **${fmt(r.ms.total)}** |`,
        ),
    ];
    if (failures.length)
      lines.push('', '### Failures', '', ...failures.map((f) => `- **${f.name}**: ${f.error.replace(/\n/g, ' ')}`));
    console.log(lines.join('\n'));
  }
  process.exitCode = failures.length ? 1 : 0;
}

main();
