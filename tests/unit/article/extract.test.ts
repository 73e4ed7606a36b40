// @vitest-environment jsdom
// Golden page fixtures for extraction: one folder per page under tests/fixtures/pages with source.html and
// expected.json. Extraction never changes the live document, and pages that are not articles yield nothing.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { articleInput, extractArticle } from '../../../utils/article/extract';

const ROOT = join(__dirname, '../../fixtures/pages');
const pages = readdirSync(ROOT);

interface Expected {
  article: boolean;
  title?: string;
  siteName?: string;
  publishedTime?: string;
  canonicalUrl?: string;
  textStartsWith?: string;
  textIncludes?: string[];
}

function load(name: string): Document {
  const html = readFileSync(join(ROOT, name, 'source.html'), 'utf8');
  return new DOMParser().parseFromString(html, 'text/html');
}

describe('extractArticle golden pages', () => {
  it.each(pages)('%s', (name) => {
    const expected = JSON.parse(readFileSync(join(ROOT, name, 'expected.json'), 'utf8')) as Expected;
    const doc = load(name);
    const before = doc.documentElement.outerHTML;
    const article = extractArticle(doc);
    expect(doc.documentElement.outerHTML, 'live document untouched').toBe(before);
    if (!expected.article) {
      expect(article).toBeNull();
      return;
    }
    expect(article).not.toBeNull();
    const a = article!;
    if (expected.title) expect(a.title).toBe(expected.title);
    if (expected.siteName) expect(a.siteName).toBe(expected.siteName);
    if (expected.publishedTime) expect(a.publishedTime).toBe(expected.publishedTime);
    if (expected.canonicalUrl) expect(a.canonicalUrl).toBe(expected.canonicalUrl);
    if (expected.textStartsWith) expect(a.text.startsWith(expected.textStartsWith)).toBe(true);
    for (const s of expected.textIncludes ?? []) expect(a.text).toContain(s);
    const input = articleInput(a);
    expect(input.textLength).toBe(a.text.length);
    expect(input.textHash).toMatch(/^[0-9a-f]{14}$/);
  });
});

describe('extractArticle on bad input', () => {
  it('returns null for an empty document', () => {
    const doc = document.implementation.createHTMLDocument('');
    expect(extractArticle(doc)).toBeNull();
    expect(extractArticle(doc, { force: true })).toBeNull();
  });

  it('survives a page whose DOM throws inside Readability', () => {
    const doc = load('demo-article');
    const hostile = new Proxy(doc, {
      get(target, prop) {
        if (prop === 'cloneNode')
          return () => {
            throw new Error('boom');
          };
        const v = Reflect.get(target, prop, target);
        return typeof v === 'function' ? v.bind(target) : v;
      },
    });
    expect(extractArticle(hostile as Document)).toBeNull();
  });

  it('gives up on pages over the element budget instead of hanging', () => {
    const doc = load('demo-article');
    expect(extractArticle(doc, { maxElemsToParse: 5 })).toBeNull();
  });
});
