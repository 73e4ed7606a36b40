/**
 * Paragraph and sentence segmentation with character offsets into the original text.
 *
 * Shared by the quote engine and (optionally) the entity engine, so the API is deliberately tiny:
 * `splitParagraphs` and `splitSentences`, both returning `{start, end}` ranges (end exclusive) that
 * never include surrounding whitespace. Everything is a single linear scan; no regex backtracking over
 * the whole text.
 */
import { abbreviationsFor } from './lexicons/abbreviations';

/** A half-open character range `[start, end)` into the analysed text. */
export interface Span {
  start: number;
  end: number;
}

/**
 * Splits `text` into paragraphs. Any run of line breaks separates paragraphs: the extractor emits "\n\n",
 * but some pages (and plain-text inputs) put one paragraph per line, and a sentence never legitimately
 * crosses a line break in our extracted text.
 */
export function splitParagraphs(text: string): Span[] {
  const out: Span[] = [];
  const re = /[^\n]+/g;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    let start = m.index;
    let end = start + m[0].length;
    while (start < end && /\s/.test(text[start]!)) start++;
    while (end > start && /\s/.test(text[end - 1]!)) end--;
    if (end > start) out.push({ start, end });
  }
  return out;
}

/** Abbreviations whose trailing period does not end a sentence (lower-cased, without the period). */
const ABBREVIATIONS = abbreviationsFor('sentence', true);

/** Characters that may close a sentence after its final punctuation (quotes, brackets). */
const CLOSERS = new Set(['"', "'", '\u201d', '\u2019', ')', ']', '\u00bb']);

/**
 * Splits `text` into sentences, paragraph by paragraph (a sentence never spans a paragraph break).
 * A sentence ends at `.`, `!`, `?` or `…` (plus any closing quotes or brackets) followed by whitespace and
 * a plausible sentence opener, except after a known abbreviation or a single initial ("John F. Kennedy").
 */
export function splitSentences(text: string): Span[] {
  const out: Span[] = [];
  for (const p of splitParagraphs(text)) {
    let start = p.start;
    for (let i = p.start; i < p.end; i++) {
      const c = text[i]!;
      if (c !== '.' && c !== '!' && c !== '?' && c !== '\u2026') continue;
      let j = i + 1;
      while (j < p.end && (text[j] === '.' || text[j] === '!' || text[j] === '?')) j++;
      while (j < p.end && CLOSERS.has(text[j]!)) j++;
      if (j >= p.end) break;
      // Every terminator of a run ("...", "?!") ends at the same j, so a run that does not end the sentence
      // is skipped whole: rescanning it from each of its periods was quadratic in its length.
      if (!/\s/.test(text[j]!)) {
        i = j - 1;
        continue;
      }
      let k = j;
      while (k < p.end && /\s/.test(text[k]!)) k++;
      if (k >= p.end) break;
      const next = text[k]!;
      // A new sentence starts with a capital, a digit or an opening quote/bracket, never lower case.
      if (!/[\p{Lu}\p{N}"'\u201c\u2018([\u00ab]/u.test(next)) {
        i = j - 1;
        continue;
      }
      if (c === '.' && j === i + 1 && isAbbreviation(text, i, start)) continue;
      out.push(trim(text, start, j));
      start = k;
      i = k - 1;
    }
    if (start < p.end) out.push(trim(text, start, p.end));
  }
  return out.filter((s) => s.end > s.start);
}

/** True when the period at `dot` ends an abbreviation or an initial rather than a sentence. */
function isAbbreviation(text: string, dot: number, floor: number): boolean {
  let b = dot;
  while (b > floor && /[\p{L}.]/u.test(text[b - 1]!)) b--;
  const word = text.slice(b, dot).toLowerCase();
  if (!word) return false;
  // Single capital initial ("F." in "John F. Kennedy", "A." ) — but not the pronoun "I".
  if (word.length === 1 && /\p{Lu}/u.test(text[b]!) && text[b] !== 'I') return true;
  return ABBREVIATIONS.has(word) || /^(\p{L}\.)+\p{L}$/u.test(word);
}

function trim(text: string, start: number, end: number): Span {
  while (start < end && /\s/.test(text[start]!)) start++;
  while (end > start && /\s/.test(text[end - 1]!)) end--;
  return { start, end };
}
