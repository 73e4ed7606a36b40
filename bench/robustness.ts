/**
 * Robustness bench: runs the robustness pipeline (parse → extract → analyze → anchor, with every invariant
 * checked) on each corpus page and prints a Markdown table of the slowest pages, so a regression that makes
 * one odd page slow shows up by name. `npx tsx bench/robustness.ts [--top N] [--json]`.
 * Exit code 1 when any page throws, so it can gate CI like the test does.
 */
import { runPage, type PageReport } from '../tests/robustness/check';
import { loadCorpus } from '../tests/robustness/corpus';

const args = process.argv.slice(2);
const topArg = args.indexOf('--top');
const top = topArg >= 0 ? Number(args[topArg + 1]) || 10 : 10;
const asJson = args.includes('--json');

const fmt = (ms: number) => (ms >= 100 ? ms.toFixed(0) : ms.toFixed(1));
const kb = (n: number) => (n >= 1024 ? `${(n / 1024).toFixed(0)} kB` : `${n} B`);

const pages = loadCorpus();
const reports: PageReport[] = [];
const failures: Array<{ name: string; error: string }> = [];
const started = performance.now();
for (const page of pages) {
  try {
    reports.push(runPage(page));
  } catch (err) {
    failures.push({ name: page.name, error: (err as Error).message.slice(0, 300) });
  }
}
const wall = performance.now() - started;
reports.sort((a, b) => b.ms.total - a.ms.total);

if (asJson) {
  console.log(JSON.stringify({ pages: pages.length, wallMs: wall, reports, failures }, null, 2));
} else {
  const lines = [
    `## Robustness corpus: ${pages.length} pages, ${fmt(wall / 1000)} s total, ${failures.length} failure(s)`,
    '',
    `Slowest ${Math.min(top, reports.length)} pages (ms; parse is jsdom, not the extension):`,
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
  if (failures.length) {
    lines.push('', '### Failures', '', ...failures.map((f) => `- **${f.name}**: ${f.error.replace(/\n/g, ' ')}`));
  }
  console.log(lines.join('\n'));
}
process.exitCode = failures.length ? 1 : 0;
