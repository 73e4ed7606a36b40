/**
 * Loading one CLI input (an .html or .txt file, or an http(s) URL) and analyzing it the way the extension
 * would: plain text goes straight to `analyzeText`, HTML through Readability on a jsdom document.
 * Shared by `npm run analyze` and the analyzer snapshot (scripts/snapshot.ts), so both see the same output.
 */
import { readFile } from 'node:fs/promises';
import { JSDOM, VirtualConsole } from 'jsdom';
import { analyzeText, type Analysis } from '../utils/analysis/index';
import { analyzeDocument } from '../utils/article/analyze';
import { normalizePlainText, plainTextTitle } from '../utils/article/plain';

/** An input problem the CLI reports as one line on stderr (not a crash). */
export class CliError extends Error {}

/** What an input is: its body, whether it is HTML or plain text, and the URL it pretends to live at. */
export interface LoadedInput {
  body: string;
  kind: 'html' | 'text';
  url: string;
}

async function load(target: string): Promise<LoadedInput> {
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

/** Analyzes an already-loaded input; throws CliError when there is nothing to analyze. */
export function analyzeLoaded({ body, kind, url }: LoadedInput, name: string): Analysis {
  if (kind === 'text') {
    const text = normalizePlainText(body);
    if (!text) throw new CliError(`no article text in ${name}`);
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
    if (!analysis) throw new CliError(`no article found in ${name}`);
    return analysis;
  } finally {
    dom.window.close();
  }
}

/** Analyzes one input; throws CliError with a one-line message when there is nothing to analyze. */
export async function analyzeTarget(target: string): Promise<Analysis> {
  return analyzeLoaded(await load(target), target);
}
