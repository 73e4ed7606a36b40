/**
 * Extraction off the page's main thread (glue, issue 14): Readability takes 10-60 ms on a large news page,
 * too long for one task on the reader's thread. So the page is serialized once (`outerHTML`, 1-5 ms) and
 * sent to the background (`extractPage`), where a document with a DOM — Chrome's offscreen document,
 * Firefox's event page — parses the copy, extracts the article with the same `extractArticle` and analyzes
 * it (utils/article/serve.ts). The page gets the article text and its Analysis back and only anchors and
 * draws. Anchoring needs no node of the copy: it aligns the article text onto the live page's own text
 * (utils/anchoring/anchor.ts), exactly as it did with the in-page clone.
 *
 * The page never waits forever: when the background does not answer within a deadline or fails, the caller
 * extracts and analyzes in the page (session.ts). A newer run aborts `signal`: the request is dropped at
 * once, and its late reply (checked by request id) is ignored.
 *
 * User Timing (fixed names, no detail: the page shares the timeline): `sourcelight:serialize`,
 * `sourcelight:roundtrip` (send to reply), and `sourcelight:extract` / `sourcelight:analyze` with the
 * extension document's own durations, so "how long did Readability / the analyzer take" keeps its meaning
 * wherever they ran; the marks `sourcelight:extract:offpage` and `sourcelight:path:offpage` say where.
 */
import type { Analysis } from '@/utils/analysis/types';
import { MAX_PAGE_HTML } from '@/utils/analysis-remote/limits';
import { DEFAULT_MAX_ELEMS, overBudget } from '@/utils/article/extract';
import { sendMessage, type ArticleData, type ExtractReply, type ExtractRequest, type Result } from '@/utils/messaging';

/** What `extractOffPage` got: the article (null: none on this page) and its Analysis when one was made. */
export type OffPageOutcome =
  | { ok: true; article: ArticleData | null; analysis: Analysis | null }
  | { ok: false; why: 'timeout' | 'error' | 'too-large' };

/** Sends one request; replaced in unit tests. */
export type SendExtract = (request: ExtractRequest) => Promise<Result<ExtractReply>>;

const defaultSend: SendExtract = (request) => sendMessage('extractPage', request);

/** How long the page waits for the extension document (ms): its wake-up, then ~1 ms per 1,000 characters. */
export function extractDeadline(htmlChars: number): number {
  // a cold Chromium worker plus a new offscreen document answer in ~300-500 ms on this machine
  return 2_000 + htmlChars / 1_000;
}

/** A request id nobody can guess or collide with (crypto.randomUUID needs a secure context; http pages are not). */
function newRequestId(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(12));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

function measure(name: string, start: number, end: number): void {
  try {
    performance.measure(name, { start, end });
  } catch {
    // User Timing is best effort
  }
}

function mark(name: string): void {
  try {
    performance.mark(name);
  } catch {
    // User Timing is best effort
  }
}

/**
 * The page as one string, or null when it is over Readability's element budget (no article: the answer
 * `extractArticle` would give, found before the cost of serializing). Measured as `sourcelight:serialize`.
 */
export function serializePage(doc: Document): string | null {
  const t0 = performance.now();
  if (!doc.documentElement || !doc.body || overBudget(doc, DEFAULT_MAX_ELEMS)) return null;
  // without a doctype the copy would be parsed in quirks mode
  const html = (doc.doctype ? '<!DOCTYPE html>' : '') + doc.documentElement.outerHTML;
  measure('sourcelight:serialize', t0, performance.now());
  return html;
}

const aborted = () => new DOMException('extraction cancelled', 'AbortError');

/**
 * Extracts (and, when `analyze`, analyzes) `doc` in the background. Resolves `{ ok: false }` when it must
 * be done in the page instead; rejects with an AbortError when `signal` aborts.
 */
export async function extractOffPage(
  doc: Document,
  options: { force: boolean; analyze: boolean; unlessTextHash: string | null },
  signal: AbortSignal,
  { send = defaultSend, deadline }: { send?: SendExtract; deadline?: number } = {},
): Promise<OffPageOutcome> {
  if (signal.aborted) throw aborted();
  const html = serializePage(doc);
  if (html === null) return { ok: true, article: null, analysis: null };
  if (html.length > MAX_PAGE_HTML) return { ok: false, why: 'too-large' };
  const requestId = newRequestId();
  const request: ExtractRequest = {
    requestId,
    html,
    url: doc.URL.slice(0, 4096),
    baseUrl: (doc.baseURI || doc.URL).slice(0, 4096),
    ...options,
  };
  const started = performance.now();
  return new Promise<OffPageOutcome>((resolve, reject) => {
    let settled = false;
    const settle = (run: () => void) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      signal.removeEventListener('abort', onAbort);
      run();
    };
    const onAbort = () => settle(() => reject(aborted()));
    signal.addEventListener('abort', onAbort, { once: true });
    const timer = setTimeout(
      () => settle(() => resolve({ ok: false, why: 'timeout' })),
      deadline ?? extractDeadline(html.length),
    );
    send(request).then(
      (reply) => {
        // a late reply (the page moved on, or fell back) is dropped
        if (settled) return;
        if (!reply.ok || reply.value.requestId !== requestId) {
          settle(() => resolve({ ok: false, why: 'error' }));
          return;
        }
        const end = performance.now();
        const { article, analysis, extractMs, analyzeMs } = reply.value;
        measure('sourcelight:roundtrip', started, end);
        mark('sourcelight:extract:offpage');
        measure('sourcelight:extract', started, started + extractMs);
        let full: Analysis | null = null;
        if (article && analysis) {
          mark('sourcelight:path:offpage');
          measure('sourcelight:analyze', started + extractMs, started + extractMs + analyzeMs);
          full = { ...analysis, text: article.text };
        }
        settle(() => resolve({ ok: true, article, analysis: full }));
      },
      // the background is gone (killed mid-work, extension reloaded) or refused
      () => settle(() => resolve({ ok: false, why: 'error' })),
    );
  });
}
