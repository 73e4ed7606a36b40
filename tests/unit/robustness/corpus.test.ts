// @vitest-environment jsdom
/**
 * Robustness corpus, shard 1 of 2 (the other is corpus-shard2.test.ts): extraction + analysis + anchoring on
 * every page with no exception, in bounded time, with the structural invariants of the Analysis contract
 * (see tests/robustness/check.ts). Also checks the corpus itself: big enough, deterministic, covering the
 * categories the trust issue promises.
 */
import { describe, expect, it } from 'vitest';
import { generatedPages } from '../../robustness/generate';
import { loadCorpus } from '../../robustness/corpus';
import { pageTests } from './run-shard';
import { shard } from './shard';

describe('robustness corpus', () => {
  it('has at least 50 pages (suite and bench), covering every promised category', () => {
    const all = loadCorpus();
    expect(all.filter((p) => !p.heavy).length).toBeGreaterThanOrEqual(50);
    const names = all.map((p) => p.name).join(' ');
    for (const must of [
      'empty',
      '1mb-',
      '10k-paragraphs',
      'nested-divs-5000',
      'tag-soup',
      'non-article',
      'lang-french',
      'lang-german',
      'lang-chinese',
      'lang-japanese',
      'lang-russian',
      'lang-hindi',
      'lang-arabic',
      'lang-hebrew',
      'quotes-unbalanced',
      'quotes-nested',
      'no-punctuation',
      'all-caps',
      'only-numbers',
      'huge-word',
      'emoji',
      'control-chars',
      'capitalized-names',
    ])
      expect(names, must).toContain(must);
    expect(all.find((p) => p.name === '1mb-one-paragraph')!.html.length).toBeGreaterThan(1_000_000);
  });

  it('is generated deterministically', () => {
    const a = generatedPages();
    const b = generatedPages();
    expect(a.map((p) => p.name)).toEqual(b.map((p) => p.name));
    for (let i = 0; i < a.length; i++) expect(a[i]!.html === b[i]!.html, a[i]!.name).toBe(true);
  });

  it('the two shards hold every suite page exactly once', () => {
    const names = [...shard(0), ...shard(1)].map((p) => p.name).sort();
    expect(names).toEqual(
      loadCorpus()
        .filter((p) => !p.heavy)
        .map((p) => p.name)
        .sort(),
    );
  });
});

describe('robustness: extraction + analysis + anchoring (shard 1)', () => {
  pageTests(shard(0));
});
