/**
 * Small display helpers for the library (pure, no browser APIs): kind labels, dates, counts, and
 * search-term marking that builds React elements (never HTML strings, so page text stays inert).
 */
import type { ReactNode } from 'react';
import type { AnnotationRecord } from '@/utils/db/schema';
import type { KindFilter } from '@/utils/db/library';

/** How a kind filter is named on its chip. */
export const KIND_FILTER_LABEL: Record<KindFilter, string> = {
  highlight: 'Highlights',
  note: 'Notes',
  quote: 'Quotes',
  anonymous: 'Anonymous',
  entity: 'Entities',
};

/** What an annotation is, in the reader's words. */
export function kindLabel(a: AnnotationRecord): string {
  switch (a.kind) {
    case 'highlight':
      return 'my highlight';
    case 'note':
      return 'note';
    case 'quote':
      return a.quoteKind ? `${a.quoteKind} quote` : 'quote';
    case 'entity':
      return a.category && a.category !== 'entity' ? a.category : 'entity';
  }
}

const dateFormat = new Intl.DateTimeFormat(undefined, { year: 'numeric', month: 'short', day: 'numeric' });

/** What `formatDate` shows for a time no `Date` can hold (a damaged record must not break the list). */
export const UNKNOWN_DATE = 'unknown date';

/**
 * A short local date ("27 Nov 2026"). Never throws: `Intl` throws "Invalid time value" for NaN or a time
 * outside the `Date` range (a backup once held `updatedAt: 1e300`), so those show `UNKNOWN_DATE`.
 */
export function formatDate(ms: number): string {
  const d = new Date(ms);
  if (!Number.isFinite(d.getTime())) return UNKNOWN_DATE;
  try {
    return dateFormat.format(d);
  } catch {
    return UNKNOWN_DATE;
  }
}

/** "1 quote", "3 quotes". */
export function plural(n: number, one: string, many = one + 's'): string {
  return `${n} ${n === 1 ? one : many}`;
}

/** Escapes a string for use inside a RegExp. */
function reEscape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * The text with each search word wrapped in `<mark>`, as React nodes. Matching ignores case; words that
 * only match after accent folding are simply not marked (the row still matched).
 */
export function markWords(text: string, query: string): ReactNode {
  const words = query
    .trim()
    .split(/\s+/)
    .filter((w) => w.length > 1)
    .map(reEscape);
  if (!words.length) return text;
  const re = new RegExp(`(${words.join('|')})`, 'gi');
  const parts = text.split(re);
  if (parts.length === 1) return text;
  return parts.map((p, i) => (i % 2 ? <mark key={i}>{p}</mark> : p));
}
