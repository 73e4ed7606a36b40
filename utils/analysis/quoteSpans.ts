/**
 * Quotation-mark spans of the quote engine's document model: curly, straight, doubled-apostrophe, guillemet
 * and single (British) quotation marks found paragraph by paragraph, an unclosed one running to its
 * paragraph's end; sentences merged where a quotation spans a sentence break; range look-ups over them.
 */
import type { Span } from './sentences';
import { countBelow, partitionPoint } from './bisect';

/** A quotation-mark span; `open`/`close` are the mark offsets, `start`/`end` the trimmed inner text. */
export interface QSpan {
  open: number;
  close: number;
  start: number;
  end: number;
  closed: boolean;
  words: number;
}

const OPEN_DOUBLE = new Set(['\u201c', '\u201e', '\u00ab']);

const CLOSE_DOUBLE = new Set(['\u201d', '\u00bb']);

/** Any quotation mark, double or single, straight or curly. */
export const QUOTE_CHARS = /["'\u201c\u201d\u201e\u00ab\u00bb\u2018\u2019]/;

/** Finds quotation spans paragraph by paragraph; an unclosed quotation runs to its paragraph's end. */
export function findQuoteSpans(text: string, paragraphs: Span[]): QSpan[] {
  const out: QSpan[] = [];
  for (const p of paragraphs) {
    const local: QSpan[] = [];
    let openAt = -1;
    let openLen = 0;
    // Jump from mark to mark with a regex scan rather than visiting every character.
    DOUBLE_MARKS.lastIndex = p.start;
    for (let mm = DOUBLE_MARKS.exec(text); mm && mm.index < p.end; mm = DOUBLE_MARKS.exec(text)) {
      const i = mm.index;
      const c = text[i]!;
      let kind: 'open' | 'close' | 'amb' | null = null;
      let len = 1;
      if (OPEN_DOUBLE.has(c)) kind = 'open';
      else if (CLOSE_DOUBLE.has(c)) kind = 'close';
      else if (c === '"') kind = 'amb';
      else if (c === "'" && text[i + 1] === "'") {
        kind = 'amb';
        len = 2;
      }
      if (!kind) continue;
      if (kind === 'amb') {
        const prev = i > p.start ? text[i - 1]! : ' ';
        const next = i + len < p.end ? text[i + len]! : ' ';
        const looksOpen = /[\s([\u2014\u2013:-]/.test(prev) && !/\s/.test(next);
        const looksClose = !/\s/.test(prev) && /[\s.,;:!?)\]\u2014\u2013-]/.test(next);
        if (openAt < 0) kind = looksClose && !looksOpen ? null : 'open';
        else kind = looksOpen && !looksClose ? 'open' : 'close';
      }
      if (kind === 'open') {
        openAt = i;
        openLen = len;
      } else if (kind === 'close' && openAt >= 0) {
        const s = makeSpan(text, openAt, openLen, i, true);
        if (s) local.push(s);
        openAt = -1;
      }
    }
    if (openAt >= 0) {
      const s = makeSpan(text, openAt, openLen, p.end, false);
      if (s) local.push(s);
    }
    // Single quotation marks at top level (British style), never apostrophes.
    const singles = findSingleSpans(text, p, local);
    out.push(...[...local, ...singles].sort((a, b) => a.open - b.open));
  }
  return out;
}

const DOUBLE_MARKS = /''|["\u201c\u201d\u201e\u00ab\u00bb]/g;

const SINGLE_MARKS = /['\u2018\u2019]/g;

function findSingleSpans(text: string, p: Span, doubles: QSpan[]): QSpan[] {
  const out: QSpan[] = [];
  const insideDouble = (i: number): boolean => doubles.some((d) => i > d.open && i < d.close);
  let openAt = -1;
  SINGLE_MARKS.lastIndex = p.start;
  for (let mm = SINGLE_MARKS.exec(text); mm && mm.index < p.end; mm = SINGLE_MARKS.exec(text)) {
    const i = mm.index;
    const c = text[i]!;
    if (c === "'" && (text[i + 1] === "'" || text[i - 1] === "'")) continue; // doubled apostrophes: a double mark
    if (insideDouble(i)) continue;
    const prev = i > p.start ? text[i - 1]! : ' ';
    const next = i + 1 < p.end ? text[i + 1]! : ' ';
    const letterBefore = /[\p{L}\p{N}]/u.test(prev);
    const letterAfter = /[\p{L}\p{N}]/u.test(next);
    if (letterBefore && letterAfter) continue; // apostrophe: don't, O'Hare, Mali's
    if (openAt < 0) {
      if (c !== '\u2019' && /[\s([\u2014:]/.test(prev) && letterAfter && !/^\d\ds\b/.test(text.slice(i + 1, i + 5))) {
        openAt = i;
      }
    } else if (!/\s/.test(prev) && !letterAfter && c !== '\u2018') {
      // "daughters' generation": a plural possessive, not a closing mark.
      if (prev === 's' && /^\s+\p{Ll}/u.test(text.slice(i + 1, i + 4)) && !/[.,!?]/.test(prev)) continue;
      const s = makeSpan(text, openAt, 1, i, true);
      if (s) out.push(s);
      openAt = -1;
    }
  }
  return out;
}

function makeSpan(text: string, open: number, openLen: number, close: number, closed: boolean): QSpan | null {
  let start = open + openLen;
  let end = close;
  while (start < end && /\s/.test(text[start]!)) start++;
  while (end > start && /[\s,]/.test(text[end - 1]!)) end--;
  if (end <= start) return null;
  return { open, close, start, end, closed, words: wordCount(text, start, end) };
}

/** A test of whether `pos` lies strictly inside one of the quotation spans (binary search). */
export function makeInQuote(spans: QSpan[]): (pos: number) => boolean {
  const opens = spans.map((s) => s.open);
  return (pos: number): boolean => {
    const s = spans[countBelow(opens, pos, true) - 1];
    return !!s && pos > s.open && pos < s.close;
  };
}

/** The quotation spans overlapping `[start, end)`, in order. */
export function spansIn(spans: QSpan[], start: number, end: number): QSpan[] {
  const lo = partitionPoint(spans, (s) => s.close < start);
  const out: QSpan[] = [];
  for (let i = lo; i < spans.length && spans[i]!.open < end; i++) if (spans[i]!.close >= start) out.push(spans[i]!);
  return out;
}

/** Joins sentences split inside a quotation ("… 100. If you look …," Mr Obama said). */
export function mergeAcrossQuotes(sentences: Span[], spans: QSpan[]): Span[] {
  const out: Span[] = [];
  let si = 0;
  for (const s of sentences) {
    const prev = out[out.length - 1];
    while (si < spans.length && spans[si]!.close < s.start) si++;
    let merge = false;
    if (prev) {
      for (let k = si; k < spans.length && spans[k]!.open < s.start; k++) {
        const q = spans[k]!;
        if (q.open < prev.end && q.close >= s.start) merge = true;
      }
      // Back up one span in case the index advanced past a span that still covers this boundary.
      if (!merge && si > 0) {
        const q = spans[si - 1]!;
        if (q.open < prev.end && q.close >= s.start) merge = true;
      }
    }
    if (merge && prev) prev.end = s.end;
    else out.push({ ...s });
  }
  return out;
}

/** The number of words (letter and digit runs) in `text.slice(start, end)`. */
export function wordCount(text: string, start: number, end: number): number {
  const m = text.slice(start, end).match(/[\p{L}\p{N}]+/gu);
  return m ? m.length : 0;
}

/** `text.slice(start, end)` without its quotations: the words the writer says in their own voice. */
export function stripQuotes(text: string, start: number, end: number, spans: QSpan[]): string {
  let out = '';
  let pos = start;
  for (const q of spansIn(spans, start, end)) {
    if (q.open > pos) out += text.slice(pos, q.open);
    pos = Math.max(pos, q.close + 1);
  }
  if (pos < end) out += text.slice(pos, end);
  return out;
}
