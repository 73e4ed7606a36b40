/**
 * The sourcing audit over a folder of saved pages (`npm run --silent analyze -- DIR --audit`, or `--jsonl`
 * for one Analysis per line): every .html, .htm and .txt file under DIR is analyzed on worker threads (one
 * per core, lexicons warm in each), then counted with the same audit core as the extension's audit page
 * (utils/audit/). A file that cannot be read or holds no article is reported on stderr and skipped; the
 * exit code is non-zero only when no file could be analyzed. A progress bar goes to stderr on a terminal,
 * and nowhere when stderr is piped.
 */
import { availableParallelism } from 'node:os';
import { readdir, stat } from 'node:fs/promises';
import { basename, dirname, join, relative } from 'node:path';
import { Worker } from 'node:worker_threads';
import type { Analysis } from '../utils/analysis/types';
import { givenNameLists } from '../utils/analysis/lexicons/givenNames';
import { auditReport, type AuditArticle } from '../utils/audit/aggregate';
import { auditArticleFromAnalysis } from '../utils/audit/records';
import { CliError } from './target';

const INPUT = /\.(?:html?|txt)$/i;

/** Every input file under `dir`, sorted, so output order never depends on the file system. */
export async function listInputs(dir: string): Promise<string[]> {
  let entries;
  try {
    entries = await readdir(dir, { withFileTypes: true, recursive: true });
  } catch (err) {
    throw new CliError(`cannot read ${dir}: ${(err as Error).message}`);
  }
  return entries
    .filter((e) => e.isFile() && INPUT.test(e.name))
    .map((e) => join(e.parentPath, e.name))
    .sort();
}

/** One file's outcome. */
export type FileResult = { file: string; ok: true; analysis: Analysis } | { file: string; ok: false; error: string };

/**
 * Analyzes `files` on `threads` worker threads; results come back in `files` order. `onDone` is called
 * after each file (for the progress bar).
 */
export async function analyzeFiles(
  files: readonly string[],
  threads: number,
  onDone: (done: number) => void = () => undefined,
): Promise<FileResult[]> {
  const results: FileResult[] = new Array(files.length);
  let next = 0;
  let done = 0;
  const workerUrl = new URL('./audit-worker.mjs', import.meta.url);
  const run = (worker: Worker) =>
    new Promise<void>((resolve, reject) => {
      const feed = () => {
        if (next >= files.length) return void worker.terminate().then(() => resolve(), reject);
        const index = next++;
        worker.postMessage({ index, file: files[index] });
      };
      worker.on('message', (m: { index: number; ok: boolean; analysis?: Analysis; error?: string }) => {
        const file = files[m.index]!;
        results[m.index] = m.ok ? { file, ok: true, analysis: m.analysis! } : { file, ok: false, error: m.error! };
        onDone(++done);
        feed();
      });
      worker.on('error', reject);
      feed();
    });
  const n = Math.max(1, Math.min(threads, files.length));
  const workers = Array.from({ length: n }, () => new Worker(workerUrl));
  await Promise.all(workers.map(run));
  return results;
}

/** The per-outlet table and totals of the audit, as Markdown. */
export function formatAudit(articles: readonly AuditArticle[]): string {
  const r = auditReport(articles, { period: 'month' });
  const pct = (x: number) => `${Math.round(x * 100)}%`;
  const lines = [
    '| outlet | articles | claims | named | anonymous | anonymous share |',
    '|---|---|---|---|---|---|',
    ...r.byOutlet.map(
      (o) =>
        `| ${o.label.replace(/\|/g, '\\|')} | ${o.articles} | ${o.claims} | ${o.named} | ${o.anonymous} | ${pct(o.anonymousShare)} |`,
    ),
    `| **all** | ${r.articles} | ${r.claims} | ${r.named} | ${r.anonymous} | ${pct(r.anonymousShare)} |`,
  ];
  return lines.join('\n') + '\n';
}

/** A one-line progress bar for a terminal. */
function progress(done: number, total: number): string {
  const width = 30;
  const full = Math.round((done / Math.max(1, total)) * width);
  return `\r[${'#'.repeat(full)}${'.'.repeat(width - full)}] ${done}/${total}`;
}

/** Runs the folder audit; returns the exit code. */
export async function runFolder(dir: string, mode: 'audit' | 'jsonl'): Promise<number> {
  const files = await listInputs(dir);
  if (files.length === 0) {
    process.stderr.write(`sourcelight: no .html, .htm or .txt files in ${dir}\n`);
    return 1;
  }
  const tty = process.stderr.isTTY === true;
  const results = await analyzeFiles(files, availableParallelism(), (done) => {
    if (tty) process.stderr.write(progress(done, files.length));
  });
  if (tty) process.stderr.write('\n');
  const good = results.filter((r): r is Extract<FileResult, { ok: true }> => r.ok);
  for (const r of results)
    if (!r.ok) process.stderr.write(`sourcelight: skipped ${relative(dir, r.file) || r.file}: ${r.error}\n`);
  if (mode === 'jsonl') for (const r of good) process.stdout.write(JSON.stringify(r.analysis) + '\n');
  else {
    const given = givenNameLists().givenGender;
    const articles = await Promise.all(
      good.map(async (r) => {
        const rel = relative(dir, r.file);
        const mtime = (await stat(r.file)).mtimeMs;
        const folder = basename(dirname(r.file));
        return auditArticleFromAnalysis(
          r.analysis,
          {
            id: rel,
            url: 'file://' + encodeURI(r.file),
            fallbackOutlet: folder === '.' ? basename(dir) : folder,
            readAt: Math.round(mtime),
          },
          given,
        );
      }),
    );
    process.stdout.write(formatAudit(articles));
  }
  process.stderr.write(`sourcelight: ${good.length} of ${files.length} files analyzed\n`);
  return good.length > 0 ? 0 : 1;
}
