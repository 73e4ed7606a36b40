/**
 * Text selectors (pure core): turning offsets in the article text into W3C TextQuote/TextPosition
 * selectors and back. Matching is whitespace-insensitive, because the live page, Readability's clone and
 * the saved text never agree on white space.
 */
import { foldWhitespace, INVISIBLE } from '../article/text';
import type { TextPositionSelector, TextQuoteSelector } from '../db/schema';

const INVISIBLE_CHAR = new RegExp(`^(?:${INVISIBLE.source})$`);

/** How many characters of context a quote selector keeps on each side. */
export const CONTEXT_CHARS = 32;

/** Text with every white-space run folded to one space, and a map from folded to original offsets. */
export interface FoldedText {
  text: string;
  /** map[i] is the original offset of folded character i; map[text.length] is the original length. */
  map: number[];
}

/**
 * Folds white space (and drops soft hyphens / zero-width characters), keeping an offset map. With
 * `dropSpaces`, white space is removed entirely: the robust key for matching, since a live DOM range may
 * join two paragraphs with no space at all where the article text has a paragraph break.
 */
export function foldWithMap(s: string, dropSpaces = false): FoldedText {
  const out: string[] = [];
  const map: number[] = [];
  let inSpace = false;
  for (let i = 0; i < s.length; i++) {
    const ch = s[i]!;
    if (INVISIBLE_CHAR.test(ch)) continue;
    if (/[\s\u00a0]/.test(ch)) {
      if (inSpace || dropSpaces) continue;
      inSpace = true;
      out.push(' ');
      map.push(i);
      continue;
    }
    inSpace = false;
    out.push(ch);
    map.push(i);
  }
  map.push(s.length);
  return { text: out.join(''), map };
}

/** Folds white space the same way as `foldWithMap`, without the map. */
export const fold = foldWhitespace;

/** The quote selector for `text.slice(start, end)`, with folded context on each side. */
export function quoteSelector(text: string, start: number, end: number, context = CONTEXT_CHARS): TextQuoteSelector {
  return {
    exact: fold(text.slice(start, end)).trim(),
    prefix: fold(text.slice(Math.max(0, start - context * 3), start)).slice(-context),
    suffix: fold(text.slice(end, end + context * 3)).slice(0, context),
  };
}

/** Length of the common suffix of a and b. */
function commonSuffix(a: string, b: string): number {
  let n = 0;
  while (n < a.length && n < b.length && a[a.length - 1 - n] === b[b.length - 1 - n]) n++;
  return n;
}

/** Length of the common prefix of a and b. */
function commonPrefix(a: string, b: string): number {
  let n = 0;
  while (n < a.length && n < b.length && a[n] === b[n]) n++;
  return n;
}

/**
 * Finds a quote selector in `text` by exact (whitespace-insensitive) match — pass a `FoldedText` made with
 * `foldWithMap(text, true)` to reuse it across many lookups — choosing among several
 * occurrences by how much prefix and suffix agree and, last, by closeness to `hint` (an expected start).
 * Returns original offsets into `text`, or null when the exact text does not occur.
 */
export function locateExact(
  text: string | FoldedText,
  selector: TextQuoteSelector,
  hint?: TextPositionSelector | null,
): TextPositionSelector | null {
  const folded = typeof text === 'string' ? foldWithMap(text, true) : text;
  const squeeze = (x: string) => fold(x).replace(/ /g, '');
  const exact = squeeze(selector.exact);
  if (!exact) return null;
  const prefix = squeeze(selector.prefix);
  const suffix = squeeze(selector.suffix);
  let best: { start: number; end: number; score: number } | null = null;
  for (let i = folded.text.indexOf(exact); i >= 0; i = folded.text.indexOf(exact, i + 1)) {
    const before = folded.text.slice(Math.max(0, i - prefix.length - 1), i);
    const after = folded.text.slice(i + exact.length, i + exact.length + suffix.length + 1);
    const start = folded.map[i]!;
    let score = commonSuffix(before, prefix) * 2 + commonPrefix(after, suffix) * 2;
    if (hint) score -= Math.min(50, Math.abs(start - hint.start) / 1000);
    if (!best || score > best.score) {
      const lastChar = folded.map[i + exact.length - 1]!;
      best = { start, end: lastChar + 1, score };
    }
  }
  return best ? { start: best.start, end: best.end } : null;
}
