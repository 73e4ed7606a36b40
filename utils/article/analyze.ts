/**
 * Extraction plus analysis of a whole document (DOM layer): Readability on a clone of `doc`, then the pure
 * analyzer on the article text. Lives here, not in utils/analysis/, so the pure core never pulls in
 * Readability or a DOM; the CLI uses it for HTML files and URLs.
 */
import { analyzeText, type Analysis } from '../analysis/index';
import { extractArticle, type ExtractOptions } from './extract';

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
