/**
 * Text selectors (pure core): turning offsets in the article text into W3C TextQuote/TextPosition
 * selectors and back. Matching is whitespace-insensitive, because the live page, Readability's clone and
 * the saved text never agree on white space.
 */
import { foldWhitespace } from '../article/text';
import type { TextPositionSelector, TextQuoteSelector } from '../db/schema';

/** How many characters of context a quote selector keeps on each side. */
export const CONTEXT_CHARS = 32;

/**
 * Whether the squeezed matching key drops this UTF-16 code: white space (what `\s` matches, NBSP included)
 * and invisible characters (soft hyphen, zero-width characters, word joiner, BOM). A char-code test, not a
 * regex, because the live-page index runs it once per character of the whole page.
 */
export function isDropped(c: number): boolean {
  if (c <= 32) return c === 32 || (c >= 9 && c <= 13);
  if (c < 160) return false;
  return (
    c === 160 ||
    c === 0xad ||
    c === 0x1680 ||
    (c >= 0x2000 && c <= 0x200d) ||
    c === 0x2028 ||
    c === 0x2029 ||
    c === 0x202f ||
    c === 0x205f ||
    c === 0x2060 ||
    c === 0x3000 ||
    c === 0xfeff
  );
}

/**
 * The squeezed matching key: `s` without white space and invisible characters. The robust key for matching,
 * because the live page, Readability's clone and a DOM range never agree on white space (a range may join
 * two paragraphs with no space at all where the article text has a paragraph break).
 */
export function squeeze(s: string): string {
  let out = '';
  for (let i = 0; i < s.length; i++) if (!isDropped(s.charCodeAt(i))) out += s[i]!;
  return out;
}

/** Squeezed text and the map back to original offsets. */
export interface SqueezedText {
  text: string;
  /** map[i] is the original offset of squeezed character i; map[text.length] is the original length. */
  map: number[];
}

/** `squeeze` with an offset map, to turn a match in the key back into offsets of `s`. */
export function squeezeWithMap(s: string): SqueezedText {
  const out: string[] = [];
  const map: number[] = [];
  for (let i = 0; i < s.length; i++) {
    if (isDropped(s.charCodeAt(i))) continue;
    out.push(s[i]!);
    map.push(i);
  }
  map.push(s.length);
  return { text: out.join(''), map };
}

/** The most exact occurrences scored for one quote (a name repeated thousands of times). */
export const MAX_OCCURRENCES = 2000;

/** Folds white space to single spaces and drops invisible characters (for displayed selector text). */
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
export function commonSuffix(a: string, b: string): number {
  let n = 0;
  while (n < a.length && n < b.length && a[a.length - 1 - n] === b[b.length - 1 - n]) n++;
  return n;
}

/** Length of the common prefix of a and b. */
export function commonPrefix(a: string, b: string): number {
  let n = 0;
  while (n < a.length && n < b.length && a[n] === b[n]) n++;
  return n;
}

/**
 * Finds a quote selector in `text` by exact (whitespace-insensitive) match — pass a `SqueezedText` made with
 * `squeezeWithMap(text)` to reuse it across many lookups — choosing among several
 * occurrences by how much prefix and suffix agree and, last, by closeness to `hint` (an expected start).
 * Returns original offsets into `text`, or null when the exact text does not occur.
 */
export function locateExact(
  text: string | SqueezedText,
  selector: TextQuoteSelector,
  hint?: TextPositionSelector | null,
): TextPositionSelector | null {
  const folded = typeof text === 'string' ? squeezeWithMap(text) : text;
  const exact = squeeze(selector.exact);
  if (!exact) return null;
  const prefix = squeeze(selector.prefix);
  const suffix = squeeze(selector.suffix);
  let best: { start: number; end: number; score: number } | null = null;
  let seen = 0;
  for (let i = folded.text.indexOf(exact); i >= 0 && seen < MAX_OCCURRENCES; i = folded.text.indexOf(exact, i + 1)) {
    seen++;
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
