/**
 * The pipeline's steps (glue): extract (off the page when the background answers in time, else here),
 * analyze in the page when the background could not, ask what was saved, turn an analysis into anchoring
 * targets, and anchor them in slices. Each step is a plain function; the session (session.ts) runs them in
 * order and decides what a newer run supersedes.
 */
import type { Analysis } from '@/utils/analysis/types';
import { Anchorer, type AnchorResult, type AnchorTarget } from '@/utils/anchoring/anchor';
import { articleInput, extractArticle } from '@/utils/article/extract';
import { hashText } from '@/utils/article/hash';
import type { Category } from '@/utils/highlight/categories';
import { MARK_TAG } from '@/utils/highlight/draw';
import { sendMessage, type ArticleData, type PageState } from '@/utils/messaging';
import { analyzeChunked, FALLBACK_SLICING, warmInSlices, yieldToMain } from './analyze';
import { mentionKey, quoteKey, type Item } from './keys';
import { extractOffPage } from './offpage';
import { wakeAnalyzer } from './remote';
import { mark, measure, measured } from './timing';
import { UI_TAG } from './ui';

/** Targets anchored per task (a few milliseconds each in Chromium). */
const ANCHOR_SLICE = 2500;

/** Whether a node is one we inserted: the overlay's host or a fallback mark. */
export const isOurs = (n: Node): boolean =>
  n.nodeType === 1 &&
  ((n as Element).tagName === UI_TAG.toUpperCase() || (n as Element).tagName === MARK_TAG.toUpperCase());

/** An extraction: the article, its Analysis when the background made one, and why the page fell back. */
export interface Extraction {
  article: ArticleData | null;
  analysis: Analysis | null;
  /** Set when the background did not answer in time or failed: the page extracted and analyzes itself. */
  fallback: 'timeout' | 'error' | null;
}

/** The fallback's analysis: warm-up and text in small slices, a yield between each (analyze.ts). */
export async function analyzeInPage(text: string, meta: ArticleData, signal: AbortSignal): Promise<Analysis> {
  await warmInSlices(signal);
  const analysis = await analyzeChunked(text, meta, signal, FALLBACK_SLICING);
  mark('sourcelight:path:fallback');
  return analysis;
}

/**
 * Extracts the article — off the page's main thread when the background answers in time (offpage.ts),
 * analyzing it there too when `analyze`, else in the page — and says whether the page had to fall back.
 * `unlessSame`: the text already analyzed, whose analysis need not be made again.
 */
export async function extractAnywhere(
  opts: { analyze: boolean; force: boolean; unlessSame: string | null },
  signal: AbortSignal,
): Promise<Extraction> {
  // a sleeping background (and Chrome's offscreen document) starts while the page is serialized
  wakeAnalyzer();
  const got = await extractOffPage(
    document,
    { force: opts.force, analyze: opts.analyze, unlessTextHash: opts.unlessSame ? hashText(opts.unlessSame) : null },
    signal,
  );
  if (got.ok) return { article: got.article, analysis: got.analysis, fallback: null };
  // too large to send: extracted here, its text still analyzed in the background (remote.ts)
  if (got.why !== 'too-large') mark(`sourcelight:fallback:${got.why}`);
  await yieldToMain();
  if (signal.aborted) throw new DOMException('extraction cancelled', 'AbortError');
  const article = measured('sourcelight:extract', () => extractArticle(document, opts.force ? { force: true } : {}));
  return { article, analysis: null, fallback: got.why === 'too-large' ? null : got.why };
}

/** Asks the background what was saved for this article (by URL or canonical URL). */
export async function fetchSaved(article: ArticleData): Promise<PageState | null> {
  try {
    const r = await sendMessage('articleSeen', articleInput(article));
    return r.ok ? r.value : null;
  } catch {
    return null;
  }
}

/** Anchoring targets of an analysis: every quote and every entity mention, with the item each stands for. */
export function analysisTargets(a: Analysis | null): { targets: AnchorTarget[]; items: Item[] } {
  const targets: AnchorTarget[] = [];
  const items: Item[] = [];
  if (!a) return { targets, items };
  a.quotes.forEach((q, i) => {
    const key = quoteKey(i);
    targets.push({ id: key, position: { start: q.start, end: q.end } });
    items.push({ kind: 'quote', key, quote: i, start: q.start, end: q.end });
  });
  a.entities.forEach((e, i) => {
    e.mentions.forEach((m, j) => {
      const key = mentionKey(i, j);
      targets.push({ id: key, position: { start: m.start, end: m.end } });
      items.push({ kind: 'mention', key, entity: i, type: e.type, start: m.start, end: m.end });
    });
  });
  return { targets, items };
}

/** The category an item is drawn in (a quote's depends on the analysis: anonymous or not). */
export function categoryOf(item: Item, analysis: Analysis | null): Category {
  if (item.kind === 'note') return 'note';
  if (item.kind === 'mention') return item.type;
  return analysis?.quotes[item.quote]?.anonymous ? 'anonymous' : 'quote';
}

/**
 * Anchors targets in one index of the live page, in slices with a yield between them, so thousands of
 * mentions never make one long task. The measure spans the whole (wall clock, yields included). Null when
 * `isStale` says a newer run took over.
 */
export async function anchorInSlices(
  root: HTMLElement,
  text: string,
  targets: readonly AnchorTarget[],
  isStale: () => boolean,
): Promise<AnchorResult | null> {
  const started = performance.now();
  const anchorer = new Anchorer(root, text, { exclude: isOurs });
  const result: AnchorResult = { anchored: [], orphans: [] };
  for (let i = 0; i < targets.length; i += ANCHOR_SLICE) {
    if (i > 0) {
      await yieldToMain();
      if (isStale()) return null;
    }
    const part = anchorer.anchor(targets.slice(i, i + ANCHOR_SLICE));
    result.anchored.push(...part.anchored);
    result.orphans.push(...part.orphans);
  }
  measure('sourcelight:anchor', started);
  return result;
}
