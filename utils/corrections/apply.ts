/**
 * Applying a reader's corrections over the analyzer's output (pure core). The analysis is never changed:
 * `applyCorrections` returns a new Analysis whose quotes carry what the reader said, each corrected quote
 * marked with the corrections behind it and what the machine said, and the sourcing summary recounted.
 * Corrections that no longer find their passage (the article was edited) are returned as orphans, never
 * dropped. The content script calls this before anchoring and drawing; the popup and export read the marks.
 */
import { anonymityReason } from '../analysis/reason';
import { summarizeSources } from '../analysis/summary';
import type { Analysis, Quote } from '../analysis/types';
import { quoteSelector } from '../anchoring/selectors';
import type { CorrectionAction, CorrectionRecord, MachineClaim } from '../db/schema';

/** A quote with the reader's corrections applied. */
export interface CorrectedQuote extends Quote {
  /** Present when the reader corrected this claim: which corrections, and what the machine said. */
  corrected?: { ids: string[]; actions: CorrectionAction[]; machine: MachineClaim | null };
}

/** An analysis with the reader's corrections applied. */
export interface CorrectedAnalysis extends Analysis {
  quotes: CorrectedQuote[];
}

/** The outcome of applying corrections. */
export interface Corrected {
  analysis: CorrectedAnalysis;
  /** Corrections removed from the list ("not a quote"), in effect. */
  removed: CorrectionRecord[];
  /** Corrections whose passage is no longer in the text. */
  orphans: CorrectionRecord[];
}

/** The reason shown for a claim the reader flagged anonymous. */
export const READER_ANONYMOUS_REASON = 'marked anonymous by the reader';

/** What the analyzer said about `q`, to keep with a correction. */
export function machineClaim(q: Pick<Quote, 'speaker' | 'anonymous' | 'kind'>): MachineClaim {
  return { speaker: q.speaker, anonymous: q.anonymous, kind: q.kind };
}

/** A passage's text as selectors store it (white space folded), so it compares with `quote.exact`. */
const exactAt = (text: string, start: number, end: number): string => quoteSelector(text, start, end, 0).exact;

/**
 * The index of the quote a correction is about: same offsets and text first; else the same text
 * nearest to where it was (the article moved a little); else -1.
 */
export function findTarget(
  text: string,
  quotes: readonly Quote[],
  c: Pick<CorrectionRecord, 'quote' | 'position'>,
): number {
  const exact = c.quote.exact;
  const p = c.position;
  if (p) {
    const i = quotes.findIndex(
      (q) => q.start === p.start && q.end === p.end && exactAt(text, q.start, q.end) === exact,
    );
    if (i >= 0) return i;
  }
  let best = -1;
  let dist = Infinity;
  quotes.forEach((q, i) => {
    if (exactAt(text, q.start, q.end) !== exact) return;
    const d = p ? Math.abs(q.start - p.start) : 0;
    if (d < dist) {
      best = i;
      dist = d;
    }
  });
  return best;
}

/** Where a passage is in `text`: its saved offsets when they still hold, else the nearest occurrence. */
export function locate(
  text: string,
  c: Pick<CorrectionRecord, 'quote' | 'position'>,
): { start: number; end: number } | null {
  const exact = c.quote.exact;
  const p = c.position;
  if (p && p.end <= text.length && exactAt(text, p.start, p.end) === exact) return { start: p.start, end: p.end };
  let best: number | null = null;
  for (let i = text.indexOf(exact); i >= 0; i = text.indexOf(exact, i + 1)) {
    if (best === null || (p && Math.abs(i - p.start) < Math.abs(best - p.start))) best = i;
    if (!p) break;
  }
  return best === null ? null : { start: best, end: best + exact.length };
}

const byTime = (a: CorrectionRecord, b: CorrectionRecord) =>
  a.createdAt - b.createdAt || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/** Applies corrections (oldest first, so a later correction of the same field wins) over `analysis`. */
export function applyCorrections(analysis: Analysis, corrections: readonly CorrectionRecord[]): Corrected {
  const quotes: (CorrectedQuote | null)[] = analysis.quotes.map((q) => ({ ...q }));
  const removed: CorrectionRecord[] = [];
  const orphans: CorrectionRecord[] = [];
  const mark = (q: CorrectedQuote, c: CorrectionRecord, machine: MachineClaim | null) => {
    q.corrected ??= { ids: [], actions: [], machine };
    q.corrected.ids.push(c.id);
    if (!q.corrected.actions.includes(c.action)) q.corrected.actions.push(c.action);
  };
  for (const c of [...corrections].sort(byTime)) {
    if (c.action === 'add-claim') {
      const at = locate(analysis.text, c);
      if (!at) {
        orphans.push(c);
        continue;
      }
      const anonymous = !!c.anonymous;
      const q: CorrectedQuote = {
        text: analysis.text.slice(at.start, at.end),
        kind: c.kind ?? 'indirect',
        speaker: c.speaker?.trim() || null,
        anonymous,
        start: at.start,
        end: at.end,
        cue: null,
        anonymityCue: null,
        anonymityReason: anonymous ? READER_ANONYMOUS_REASON : null,
      };
      mark(q, c, null);
      quotes.push(q);
      continue;
    }
    const live = quotes.filter((q): q is CorrectedQuote => q !== null);
    const i = findTarget(analysis.text, live, c);
    if (i < 0) {
      orphans.push(c);
      continue;
    }
    const q = live[i]!;
    const machine = q.corrected?.machine ?? c.machine ?? machineClaim(q);
    if (c.action === 'not-a-quote') {
      quotes[quotes.indexOf(q)] = null;
      removed.push(c);
      continue;
    }
    if (c.action === 'speaker') {
      q.speaker = c.speaker?.trim() || null;
      // an unnamed descriptor the reader retyped: the reason names the reader's words
      if (q.anonymous && !q.anonymityCue) q.anonymityReason = anonymityReason(q);
    }
    if (c.action === 'anonymous') {
      q.anonymous = !!c.anonymous;
      q.anonymityReason = q.anonymous ? (machine.anonymous ? q.anonymityReason : READER_ANONYMOUS_REASON) : null;
      if (!q.anonymous) q.anonymityCue = null;
    }
    mark(q, c, machine);
  }
  const out = quotes.filter((q): q is CorrectedQuote => q !== null).sort((a, b) => a.start - b.start);
  return { analysis: { ...analysis, quotes: out, speakers: summarizeSources(out) }, removed, orphans };
}

/** A one-line description of a correction, for the panel, the popup and the export. */
export function describeCorrection(c: CorrectionRecord): string {
  const was = c.machine;
  switch (c.action) {
    case 'speaker':
      return `Speaker: ${c.speaker?.trim() || 'unknown'} (was ${was?.speaker ?? 'unknown'})`;
    case 'anonymous':
      return `${c.anonymous ? 'Anonymous' : 'Named source'} (was ${was?.anonymous ? 'anonymous' : 'named'})`;
    case 'not-a-quote':
      return 'Not a quote';
    case 'add-claim':
      return `Claim added, speaker ${c.speaker?.trim() || 'unknown'}${c.anonymous ? ' (anonymous)' : ''}`;
  }
}
