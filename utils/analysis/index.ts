/**
 * The analyzer's front door. `analyzeText` is pure (plain text in, Analysis out) and runs the same in Node
 * and in the browser. Extraction from a document lives in the DOM layer (utils/article/analyze.ts), so this
 * module pulls in no DOM and no Readability.
 */
import { findEntities } from './entities';
import { findQuotes } from './quotes';
import { anonymityReason } from './reason';
import { summarizeSources } from './summary';
import type { Analysis, ArticleMeta } from './types';

export type * from './types';

const NO_META: ArticleMeta = { title: '', byline: null, siteName: null, publishedTime: null };

/** Analyzes plain article text: entities, quotes and the sourcing summary. */
export function analyzeText(text: string, meta: Partial<ArticleMeta> = {}): Analysis {
  const entities = findEntities(text);
  // the reason is derived from the final quote fields, so it always names the evidence for the flag
  const quotes = findQuotes(text, entities).map((q) => ({ ...q, anonymityReason: anonymityReason(q) }));
  return {
    ...NO_META,
    ...meta,
    text,
    entities,
    quotes,
    speakers: summarizeSources(quotes),
  };
}
