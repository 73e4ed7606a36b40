/**
 * Article extraction (DOM layer): runs Mozilla Readability on a clone of a document — never on the live
 * page — and returns the article's metadata, its content subtree and the plain text all offsets refer to.
 * The document may also be a copy of the page parsed elsewhere (an extension document, see serve.ts): the
 * page's own URL and base URL then come in the options.
 */
import { Readability, isProbablyReaderable } from '@mozilla/readability';
import type { ArticleMeta } from '../analysis/types';
import type { ArticleData, ArticleInput } from '../messaging/contract';
import { hashText } from './hash';
import { articleText } from './text';
import { normalizeUrl } from './url';

/**
 * What extraction found on an article page: `ArticleData` (the page URL normalized, tracking parameters and
 * fragment removed; `<link rel=canonical>` or `og:url` normalized, when the page declares one; the plain
 * article text, see `articleText`) and the content subtree.
 */
export interface ExtractedArticle extends ArticleData, ArticleMeta {
  /** The article body as a detached element of the clone. */
  content: Element;
}

/** Options for `extractArticle`. */
export interface ExtractOptions {
  /** Skip the `isProbablyReaderable` pre-check (the CLI analyzes whatever it is given). */
  force?: boolean;
  /** Readability's element budget (default `DEFAULT_MAX_ELEMS`, 0 for none); larger pages yield no article. */
  maxElemsToParse?: number;
  /** The page's URL when `doc` is a copy parsed elsewhere (its own URL is then the extension's). */
  url?: string;
  /** The page's base URL (`document.baseURI`), likewise; canonical URLs resolve against it. */
  baseUrl?: string;
}

/**
 * Readability's element budget by default: a news article has a few thousand elements; pages with tens of
 * thousands (link farms, endless feeds) make Readability take seconds to minutes, so they get no article.
 */
export const DEFAULT_MAX_ELEMS = 30_000;

/**
 * Text nodes allowed per element of the budget before cloning. Readability counts only elements, so a page
 * of a few elements holding a million text nodes passed its budget, and cloning it alone took seconds.
 */
export const TEXT_NODES_PER_ELEMENT = 4;

/**
 * Is the page over the element budget — too large to extract? Checked on the live document *before* it is
 * cloned (the clone was the slow part): the element count is one native call, and the walk over elements
 * and text nodes stops as soon as it passes `maxElems * TEXT_NODES_PER_ELEMENT`, so it costs at most a
 * budget's worth of steps whatever the page's size. `maxElems` 0 means no budget.
 */
export function overBudget(doc: Document, maxElems: number): boolean {
  if (maxElems <= 0) return false;
  if (doc.getElementsByTagName('*').length > maxElems) return true;
  const limit = maxElems * TEXT_NODES_PER_ELEMENT;
  // 0x1 | 0x4 = NodeFilter.SHOW_ELEMENT | SHOW_TEXT (numeric: NodeFilter is not a global in every host)
  const walker = doc.createTreeWalker(doc.documentElement, 0x1 | 0x4);
  let n = 0;
  while (walker.nextNode()) if (++n > limit) return true;
  return false;
}

/** Reads a `<meta>` value by name or property. */
function meta(doc: Document, ...keys: string[]): string | null {
  for (const k of keys) {
    const el = doc.querySelector(`meta[property="${k}"], meta[name="${k}"], meta[itemprop="${k}"]`);
    const v = el?.getAttribute('content')?.trim();
    if (v) return v;
  }
  return null;
}

/** The canonical URL the page declares, resolved against its own URL. */
export function canonicalUrl(doc: Document, baseUrl?: string): string | null {
  const href = doc.querySelector('link[rel~="canonical" i]')?.getAttribute('href') ?? meta(doc, 'og:url');
  if (!href) return null;
  try {
    const u = new URL(href, baseUrl || doc.baseURI || doc.URL || undefined);
    if (u.protocol !== 'http:' && u.protocol !== 'https:') return null;
    return normalizeUrl(u.toString());
  } catch {
    return null;
  }
}

/**
 * Extracts the article of `doc`, or returns null when the page is not an article, is over the element
 * budget (`overBudget`, checked before cloning), or Readability fails on it. The live document is cloned
 * first; nothing in `doc` is changed.
 */
export function extractArticle(doc: Document, options: ExtractOptions = {}): ExtractedArticle | null {
  try {
    if (!doc.documentElement || !doc.body) return null;
    const maxElems = options.maxElemsToParse ?? DEFAULT_MAX_ELEMS;
    // Too large: the same "no article" Readability's own budget gives, but before the clone and the
    // readerable check, both of which cost time in proportion to the whole page.
    if (overBudget(doc, maxElems)) return null;
    if (!options.force && !isProbablyReaderable(doc)) return null;
    const clone = doc.cloneNode(true) as Document;
    const reader = new Readability<Node>(clone, { serializer: (n) => n, maxElemsToParse: maxElems });
    const parsed = reader.parse();
    const content = parsed?.content;
    if (!parsed || !content || content.nodeType !== 1) return null;
    const text = articleText(content);
    if (!text.trim()) return null;
    const title = (parsed.title ?? '').trim() || (doc.title ?? '').trim();
    return {
      url: normalizeUrl(options.url ?? doc.URL),
      canonicalUrl: canonicalUrl(doc, options.baseUrl),
      title,
      byline: parsed.byline ? parsed.byline.replace(/\s+/g, ' ').trim() || null : null,
      siteName: parsed.siteName?.trim() || meta(doc, 'og:site_name') || null,
      publishedTime: parsed.publishedTime?.trim() || meta(doc, 'article:published_time', 'datePublished') || null,
      excerpt: parsed.excerpt?.trim() || null,
      lang: parsed.lang ?? null,
      dir: parsed.dir ?? null,
      content: content as Element,
      text,
    };
  } catch {
    // A hostile or odd page must never break the content script: no article is the answer.
    return null;
  }
}

/** The metadata the content script reports to the background for an extracted article. */
export function articleInput(article: ArticleData): ArticleInput {
  return {
    url: article.url.slice(0, 4096),
    canonicalUrl: article.canonicalUrl ? article.canonicalUrl.slice(0, 4096) : null,
    title: article.title.slice(0, 2000),
    byline: article.byline ? article.byline.slice(0, 2000) : null,
    siteName: article.siteName ? article.siteName.slice(0, 2000) : null,
    publishedTime: article.publishedTime ? article.publishedTime.slice(0, 200) : null,
    excerpt: article.excerpt ? article.excerpt.slice(0, 5000) : null,
    textLength: article.text.length,
    textHash: hashText(article.text),
  };
}

/** Metadata for a page with no extractable article, so a selection on it can still be saved. */
export function pageInput(doc: Document): ArticleInput {
  const url = normalizeUrl(doc.URL).slice(0, 4096);
  let host: string | null = null;
  try {
    host = new URL(doc.URL).hostname || null;
  } catch {
    host = null;
  }
  return {
    url,
    canonicalUrl: canonicalUrl(doc),
    title: (doc.title || url).slice(0, 2000),
    byline: null,
    siteName: host,
    publishedTime: null,
    excerpt: null,
    textLength: 0,
    textHash: '',
  };
}
