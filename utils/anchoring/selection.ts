/**
 * Selection → selectors (DOM layer): describes what the reader selected in the live page as a quote
 * selector over the article text, with its position when the selection lies in the article.
 */
import type { TextPositionSelector, TextQuoteSelector } from '../db/schema';
import { CONTEXT_CHARS, fold, locateExact, quoteSelector } from './selectors';

/** A described selection. */
export interface DescribedSelection {
  quote: TextQuoteSelector;
  /** Offsets into the article text; null when the selection is outside the article. */
  position: TextPositionSelector | null;
}

/** The folded text of the document from its start up to (or from) a boundary point. */
function textAround(doc: Document, range: Range, side: 'before' | 'after'): string {
  const r = doc.createRange();
  const root = doc.body ?? doc.documentElement;
  if (!root) return '';
  if (side === 'before') {
    r.setStart(root, 0);
    r.setEnd(range.startContainer, range.startOffset);
  } else {
    r.setStart(range.endContainer, range.endOffset);
    r.setEnd(root, root.childNodes.length);
  }
  const s = fold(r.toString());
  return side === 'before' ? s.slice(-CONTEXT_CHARS * 2) : s.slice(0, CONTEXT_CHARS * 2);
}

/**
 * Describes `range` (a selection in the live page `doc`) against `articleText`. Returns null for an empty
 * or white-space-only selection.
 */
export function describeRange(doc: Document, range: Range, articleText: string): DescribedSelection | null {
  const exact = fold(range.toString()).trim();
  if (!exact) return null;
  const live: TextQuoteSelector = {
    exact,
    prefix: textAround(doc, range, 'before').slice(-CONTEXT_CHARS),
    suffix: textAround(doc, range, 'after').slice(0, CONTEXT_CHARS),
  };
  const position = locateExact(articleText, live);
  if (!position) return { quote: live, position: null };
  // re-derive the context from the article text, so the selector describes the article, not the page chrome
  return { quote: quoteSelector(articleText, position.start, position.end), position };
}
