/**
 * In-page analysis (glue around the pure analyzer), the fallback when the background does not answer (see
 * remote.ts): the text is analyzed in paragraph-aligned chunks, yielding to the event loop between them,
 * so the page's main thread never runs one long task. By default articles up to 40,000 characters are one
 * call and longer ones are chunked, yielding whenever ~30 ms of work have accumulated; the fallback asks
 * for small chunks and a yield after every one (`FALLBACK_SLICING`). Chunk results are shifted back to
 * whole-text offsets and their entities merged by name and type (aliases across chunks are not linked).
 */
import { analyzeText } from '@/utils/analysis';
import { findEntities } from '@/utils/analysis/entities';
import { summarizeSources } from '@/utils/analysis/summary';
import type { Analysis, ArticleMeta, Entity, Mention, Quote } from '@/utils/analysis/types';

/** Text up to this length is analyzed in one call (keeps alias merging across the whole article). */
export const SINGLE_CALL_CHARS = 40_000;
/** Chunk size for longer text. */
export const CHUNK_CHARS = 8_000;
/** Work this long (ms) between yields: short enough for no long task, long enough not to crawl. */
const SLICE_MS = 30;

/** How `analyzeChunked` slices its work. */
export interface Slicing {
  /** Text up to this length is one call. */
  singleCallChars: number;
  /** Chunk size for longer text. */
  chunkChars: number;
  /** Yield once this much work (ms) has accumulated; 0 yields after every chunk. */
  sliceMs: number;
}

const DEFAULT_SLICING: Slicing = { singleCallChars: SINGLE_CALL_CHARS, chunkChars: CHUNK_CHARS, sliceMs: SLICE_MS };

/**
 * The fallback's slicing: every text chunked in ~2,500 characters (10-25 ms warm in Chromium) with a
 * yield after each, so no slice comes near 50 ms.
 */
export const FALLBACK_SLICING: Slicing = { singleCallChars: 0, chunkChars: 2_500, sliceMs: 0 };

/**
 * Yields to the event loop with a plain timer. Not `scheduler.yield()`: in a Firefox content script that is
 * the page's function seen through Xray wrappers, and a page-realm promise is one more thing a hostile page
 * could tamper with.
 */
export function yieldToMain(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}

/** Splits `text` into chunks of about `size` characters at paragraph breaks (or hard, for one huge paragraph). */
export function chunkText(text: string, size = CHUNK_CHARS): Array<{ start: number; text: string }> {
  const out: Array<{ start: number; text: string }> = [];
  let start = 0;
  while (start < text.length) {
    let end = Math.min(text.length, start + size);
    if (end < text.length) {
      const br = text.lastIndexOf('\n', end);
      if (br > start + size / 4) end = br + 1;
    }
    out.push({ start, text: text.slice(start, end) });
    start = end;
  }
  return out;
}

/**
 * Builds the lexicons and warms the analyzer in two slices of their own (the place lexicon, then one short
 * analysis), so a cold fallback's first text chunk does not carry them in the same task.
 */
export async function warmInSlices(signal: AbortSignal): Promise<void> {
  const steps = [
    () => findEntities('Warm-up in Paris.'),
    () => analyzeText('“We will see,” said Maria Lopez, a spokeswoman for the United Nations in Paris.'),
  ];
  for (const step of steps) {
    if (signal.aborted) throw new DOMException('analysis cancelled', 'AbortError');
    const t0 = performance.now();
    step();
    try {
      performance.measure('sourcelight:analyze:chunk', { start: t0, end: performance.now() });
    } catch {
      // best effort
    }
    await yieldToMain();
  }
}

const shift = (m: Mention, by: number): Mention => ({ ...m, start: m.start + by, end: m.end + by });

/**
 * Analyzes `text`, chunked when long, checking `signal` between chunks (a newer run or the page going
 * away cancels it with an AbortError).
 */
export async function analyzeChunked(
  text: string,
  meta: Partial<ArticleMeta>,
  signal: AbortSignal,
  slicing: Slicing = DEFAULT_SLICING,
): Promise<Analysis> {
  if (text.length <= slicing.singleCallChars) return analyzeText(text, meta);
  const entities = new Map<string, Entity>();
  const quotes: Quote[] = [];
  let sliceStart = performance.now();
  for (const chunk of chunkText(text, slicing.chunkChars)) {
    if (signal.aborted) throw new DOMException('analysis cancelled', 'AbortError');
    const t0 = performance.now();
    const part = analyzeText(chunk.text, meta);
    try {
      // one entry per chunk, so a long task can be attributed (the total is `sourcelight:analyze`)
      performance.measure('sourcelight:analyze:chunk', { start: t0, end: performance.now() });
    } catch {
      // best effort
    }
    for (const e of part.entities) {
      const key = `${e.type}:${e.text}`;
      const mentions = e.mentions.map((m) => shift(m, chunk.start));
      const had = entities.get(key);
      if (had) {
        had.mentions.push(...mentions);
        const aliases = new Set([...(had.aliases ?? []), ...(e.aliases ?? [])]);
        if (aliases.size) had.aliases = [...aliases];
      } else entities.set(key, { ...e, mentions });
    }
    for (const q of part.quotes) {
      quotes.push({
        ...q,
        start: q.start + chunk.start,
        end: q.end + chunk.start,
        ...(q.speakerMention ? { speakerMention: shift(q.speakerMention, chunk.start) } : {}),
      });
    }
    if (performance.now() - sliceStart >= slicing.sliceMs) {
      await yieldToMain();
      sliceStart = performance.now();
    }
  }
  return {
    title: meta.title ?? '',
    byline: meta.byline ?? null,
    siteName: meta.siteName ?? null,
    publishedTime: meta.publishedTime ?? null,
    text,
    entities: [...entities.values()],
    quotes,
    speakers: summarizeSources(quotes),
  };
}
