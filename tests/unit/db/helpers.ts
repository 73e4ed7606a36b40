// Test helpers: a fresh fake IndexedDB per test, so databases never leak between tests.
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { SourcelightDB } from '../../../utils/db/schema';
import type { ArticleInput, AnnotationInput } from '../../../utils/messaging/contract';

export function freshDb(name = 'sourcelight-test'): { db: SourcelightDB; indexedDB: IDBFactory } {
  const indexedDB = new IDBFactory();
  return { db: new SourcelightDB(name, { indexedDB, IDBKeyRange }), indexedDB };
}

export const article = (over: Partial<ArticleInput> = {}): ArticleInput => ({
  url: 'https://news.example/world/story',
  canonicalUrl: 'https://news.example/world/story',
  title: 'A story',
  byline: 'Jane Doe',
  siteName: 'Example News',
  publishedTime: '2026-11-01T10:00:00Z',
  excerpt: 'An excerpt',
  textLength: 1200,
  textHash: 'abc123',
  ...over,
});

export const annotation = (over: Partial<AnnotationInput> = {}): AnnotationInput => ({
  kind: 'highlight',
  category: 'note',
  quote: { exact: 'the quoted passage', prefix: 'before ', suffix: ' after' },
  position: { start: 10, end: 28 },
  comment: '',
  ...over,
});
