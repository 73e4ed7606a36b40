/**
 * The analyzer's front door. `analyzeText` is pure (plain text in, Analysis out) and runs the same in Node
 * and in the browser; `analyzeDocument` first extracts the article from a clone of the document.
 */
import { extractArticle, type ExtractOptions } from '../article/extract';
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

/**
 * Extracts the article of `doc` (Readability on a clone) and analyzes it; null when the page holds no
 * article. `options.force` skips the "is this an article?" pre-check.
 */
export function analyzeDocument(doc: Document, options: ExtractOptions = { force: true }): Analysis | null {
  const article = extractArticle(doc, options);
  if (!article) return null;
  return analyzeText(article.text, {
    title: article.title,
    byline: article.byline,
    siteName: article.siteName,
    publishedTime: article.publishedTime,
  });
}
