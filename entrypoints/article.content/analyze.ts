/**
 * Analysis off the hot path (glue around the pure analyzer): articles up to 40,000 characters are analyzed
 * in one call; longer ones in paragraph-aligned chunks, yielding to the event loop whenever ~30 ms of work
 * have accumulated, so a 50,000-word page never blocks the main thread in one long task. Chunk results are shifted back to whole-text offsets and their
 * entities merged by name and type.
 */
import { analyzeText } from '@/utils/analysis';
import { summarizeSources } from '@/utils/analysis/summary';
import type { Analysis, ArticleMeta, Entity, Mention, Quote } from '@/utils/analysis/types';

/** Text up to this length is analyzed in one call (keeps alias merging across the whole article). */
export const SINGLE_CALL_CHARS = 40_000;
/** Chunk size for longer text. */
export const CHUNK_CHARS = 8_000;
/** Work this long (ms) between yields: short enough for no long task, long enough not to crawl. */
const SLICE_MS = 30;

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

const shift = (m: Mention, by: number): Mention => ({ ...m, start: m.start + by, end: m.end + by });

/**
 * Analyzes `text`, chunked when long, checking `signal` between chunks (a newer run or the page going
 * away cancels it with an AbortError).
 */
export async function analyzeChunked(text: string, meta: Partial<ArticleMeta>, signal: AbortSignal): Promise<Analysis> {
  if (text.length <= SINGLE_CALL_CHARS) return analyzeText(text, meta);
  const entities = new Map<string, Entity>();
  const quotes: Quote[] = [];
  let sliceStart = performance.now();
  for (const chunk of chunkText(text)) {
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
    if (performance.now() - sliceStart > SLICE_MS) {
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
