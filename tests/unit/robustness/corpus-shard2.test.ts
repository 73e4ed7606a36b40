// @vitest-environment jsdom
/** Robustness corpus, shard 2 of 2: see corpus.test.ts. A separate file so Vitest runs it on the other core. */
import { describe } from 'vitest';
import { pageTests } from './run-shard';
import { shard } from './shard';

describe('robustness: extraction + analysis + anchoring (shard 2)', () => {
  pageTests(shard(1));
});
