/**
 * Analysis off the page's main thread (glue): the content script sends the extracted text to the
 * background (`analyzeArticle`, utils/analysis-remote/serve.ts), where the analyzer's lexicons and JIT stay
 * warm across pages, and gets the Analysis back. The page never waits forever: when the background does not
 * answer within a deadline (asleep and slow to wake, killed mid-analysis, stalled) or answers with an error,
 * the text is analyzed in the page in small slices (analyze.ts, `FALLBACK_SLICING`). A reply that arrives
 * while the fallback runs still wins and stops it. A newer run aborts `signal`: the older request is then
 * dropped at once, and its late reply (checked by request id) is ignored.
 *
 * Which path was taken is recorded as a User Timing mark, `sourcelight:path:remote|fallback|inpage` (no
 * reader data: only the path), and the round trip as the measure `sourcelight:roundtrip`; the bench and the
 * E2E tests read them.
 */
import type { Analysis, ArticleMeta } from '@/utils/analysis/types';
import { MAX_ANALYZE_TEXT } from '@/utils/analysis-remote/limits';
import { sendMessage, type AnalyzeReply, type AnalyzeRequest, type Result } from '@/utils/messaging';
import { analyzeChunked, FALLBACK_SLICING, warmInSlices } from './analyze';

/** Which way an analysis was made. */
export type AnalysisPath = 'remote' | 'fallback' | 'inpage';

/** How long the page waits for the background before it starts analyzing itself (ms). */
export function remoteDeadline(chars: number): number {
  // a cold Chromium service worker answers a 30k-character article in ~150-300 ms on this machine; the
  // background analyzes ~1,000 characters per 0.5 ms warm, so long text gets proportionally more time
  return 2_000 + chars / 100;
}

/** Sends one request; replaced in unit tests. */
export type Send = (request: AnalyzeRequest) => Promise<Result<AnalyzeReply>>;

const defaultSend: Send = (request) => sendMessage('analyzeArticle', request);

/** A request id nobody can guess or collide with (crypto.randomUUID needs a secure context; http pages are not). */
function newRequestId(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(12));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

function mark(name: string): void {
  try {
    performance.mark(name);
  } catch {
    // User Timing is best effort
  }
}

const shortMeta = (meta: Partial<ArticleMeta>): AnalyzeRequest['meta'] => ({
  // the contract bounds metadata; the page's own (untruncated) values are put back on the reply
  title: (meta.title ?? '').slice(0, 2000),
  byline: meta.byline?.slice(0, 2000) ?? null,
  siteName: meta.siteName?.slice(0, 2000) ?? null,
  publishedTime: meta.publishedTime?.slice(0, 200) ?? null,
});

const aborted = () => new DOMException('analysis cancelled', 'AbortError');

/**
 * Analyzes `text` in the background, or in the page when the background does not answer in time. Rejects
 * with an AbortError when `signal` aborts (a newer run, the page going away).
 */
export async function analyzeOffThread(
  text: string,
  meta: Partial<ArticleMeta>,
  signal: AbortSignal,
  { send = defaultSend, deadline = remoteDeadline(text.length) }: { send?: Send; deadline?: number } = {},
): Promise<{ analysis: Analysis; path: AnalysisPath }> {
  if (signal.aborted) throw aborted();
  if (text.length > MAX_ANALYZE_TEXT) {
    mark('sourcelight:path:inpage');
    await warmInSlices(signal);
    return { analysis: await analyzeChunked(text, meta, signal, FALLBACK_SLICING), path: 'inpage' };
  }
  const requestId = newRequestId();
  const started = performance.now();
  // the fallback's own controller: a background reply that arrives while it runs stops it
  const fallbackStop = new AbortController();
  const fallbackSignal = AbortSignal.any([signal, fallbackStop.signal]);

  return new Promise((resolve, reject) => {
    let settled = false;
    let fallingBack = false;
    const finish = (analysis: Analysis, path: AnalysisPath) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      signal.removeEventListener('abort', onAbort);
      mark(`sourcelight:path:${path}`);
      resolve({ analysis, path });
    };
    const fail = (err: unknown) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      signal.removeEventListener('abort', onAbort);
      reject(err);
    };
    const onAbort = () => {
      fallbackStop.abort();
      fail(aborted());
    };
    signal.addEventListener('abort', onAbort, { once: true });
    const fallBack = (why: 'timeout' | 'error') => {
      if (settled || fallingBack) return;
      fallingBack = true;
      mark(`sourcelight:fallback:${why}`);
      warmInSlices(fallbackSignal)
        .then(() => analyzeChunked(text, meta, fallbackSignal, FALLBACK_SLICING))
        .then(
          (a) => finish(a, 'fallback'),
          (err: unknown) => {
            // stopped because the background answered after all: that reply has already settled us
            if (!fallbackStop.signal.aborted) fail(err);
          },
        );
    };
    const timer = setTimeout(() => fallBack('timeout'), deadline);
    send({ requestId, text, meta: shortMeta(meta) }).then(
      (reply) => {
        if (settled) return; // a late reply: the page has moved on
        if (!reply.ok || reply.value.requestId !== requestId) {
          fallBack('error');
          return;
        }
        try {
          performance.measure('sourcelight:roundtrip', { start: started, end: performance.now() });
        } catch {
          // best effort
        }
        fallbackStop.abort();
        // the page's own metadata and text: what analyzeText(text, meta) would have returned here
        const own: ArticleMeta = {
          title: meta.title ?? '',
          byline: meta.byline ?? null,
          siteName: meta.siteName ?? null,
          publishedTime: meta.publishedTime ?? null,
        };
        finish({ ...reply.value.analysis, ...own, text }, 'remote');
      },
      // the background is gone (killed mid-analysis, extension reloaded) or refused: analyze here
      () => fallBack('error'),
    );
  });
}

/** Wakes the background and has it build its lexicons (fire and forget: the analysis does not wait for it). */
export function wakeAnalyzer(): void {
  sendMessage('warmAnalyzer', null).catch(() => undefined);
}
