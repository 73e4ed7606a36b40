/**
 * CLI: `npm run --silent analyze -- FILE_OR_URL [--format json|table]`
 * Prints the Analysis JSON (../shared/eval/README.md) of an .html or .txt file or an http(s) URL.
 * Errors go to stderr as one line, with a non-zero exit code.
 */
import { readFile } from 'node:fs/promises';
import { JSDOM, VirtualConsole } from 'jsdom';
import { analyzeDocument, analyzeText, type Analysis } from '../utils/analysis/index';
import { normalizePlainText, plainTextTitle } from '../utils/article/plain';
import { formatTable } from './table';

const USAGE = 'usage: npm run --silent analyze -- FILE_OR_URL [--format json|table]';

class CliError extends Error {}

async function load(target: string): Promise<{ body: string; kind: 'html' | 'text'; url: string }> {
  if (/^https?:\/\//i.test(target)) {
    let res: Response;
    try {
      res = await fetch(target, { redirect: 'follow', signal: AbortSignal.timeout(30000) });
    } catch (err) {
      throw new CliError(`could not fetch ${target}: ${(err as Error).message}`);
    }
    if (!res.ok) throw new CliError(`could not fetch ${target}: HTTP ${res.status}`);
    const type = res.headers.get('content-type') ?? '';
    const body = await res.text();
    return { body, kind: /text\/plain/.test(type) ? 'text' : 'html', url: res.url || target };
  }
  let body: string;
  try {
    body = await readFile(target, 'utf8');
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    throw new CliError(`cannot read ${target}: ${code === 'ENOENT' ? 'no such file' : (err as Error).message}`);
  }
  const kind = /\.txt$/i.test(target) || !/<[a-z!][\s\S]*>/i.test(body.slice(0, 5000)) ? 'text' : 'html';
  return { body, kind, url: 'file://' + encodeURI(target) };
}

/** Analyzes one input; throws CliError with a one-line message when there is nothing to analyze. */
export async function analyzeTarget(target: string): Promise<Analysis> {
  const { body, kind, url } = await load(target);
  if (kind === 'text') {
    const text = normalizePlainText(body);
    if (!text) throw new CliError(`no article text in ${target}`);
    return analyzeText(text, { title: plainTextTitle(text) });
  }
  const dom = new JSDOM(body, {
    url: url.startsWith('http') ? url : 'https://localhost/',
    contentType: 'text/html',
    // the page's own CSS and script errors are not ours to report
    virtualConsole: new VirtualConsole(),
  });
  try {
    const analysis = analyzeDocument(dom.window.document, { force: true });
    if (!analysis) throw new CliError(`no article found in ${target}`);
    return analysis;
  } finally {
    dom.window.close();
  }
}

async function main(argv: string[]): Promise<number> {
  const args = argv.filter((a) => !a.startsWith('--'));
  const fmtIdx = argv.indexOf('--format');
  const format = fmtIdx >= 0 ? argv[fmtIdx + 1] : (argv.find((a) => a.startsWith('--format='))?.slice(9) ?? 'json');
  const target = args.filter((a) => a !== format)[0];
  if (!target || argv.includes('--help')) {
    process.stderr.write(USAGE + '\n');
    return target ? 0 : 2;
  }
  if (format !== 'json' && format !== 'table') {
    process.stderr.write(`unknown format "${format}" (json or table)\n`);
    return 2;
  }
  try {
    const analysis = await analyzeTarget(target);
    process.stdout.write(format === 'table' ? formatTable(analysis) : JSON.stringify(analysis, null, 2) + '\n');
    return 0;
  } catch (err) {
    const msg = err instanceof CliError ? err.message : `analysis failed: ${(err as Error).message}`;
    process.stderr.write(`sourcelight: ${msg}\n`);
    return 1;
  }
}

main(process.argv.slice(2)).then((code) => {
  process.exitCode = code;
});
