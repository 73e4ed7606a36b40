/**
 * Saved records for the export tests (Markdown golden cases and hostile records): one article and one
 * annotation with every field set, and `over` to change what a case is about.
 */
import type { AnnotationRecord, ArticleRecord } from '../../../utils/db/schema';

/** An article record; `over` replaces fields. */
export const art = (over: Partial<ArticleRecord> = {}): ArticleRecord => ({
  id: 'art-1',
  url: 'https://news.example/story',
  canonicalUrl: null,
  title: 'A story',
  byline: null,
  siteName: 'Example',
  publishedTime: null,
  excerpt: null,
  textLength: 100,
  textHash: 'h',
  createdAt: Date.UTC(2026, 10, 1),
  updatedAt: Date.UTC(2026, 10, 1),
  ...over,
});
/** An annotation of that article; `over` replaces fields. */
export const ann = (over: Partial<AnnotationRecord> = {}): AnnotationRecord => ({
  id: 'n-1',
  articleId: 'art-1',
  kind: 'highlight',
  category: 'note',
  quote: { exact: 'text', prefix: '', suffix: '' },
  position: null,
  comment: '',
  createdAt: 1,
  updatedAt: 1,
  ...over,
});
