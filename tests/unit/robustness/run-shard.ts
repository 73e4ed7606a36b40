/**
 * The per-page robustness test body shared by both shard files: the whole pipeline must run without an
 * exception, inside the time bound, with every invariant of check.ts holding.
 */
import { expect, it } from 'vitest';
import { runPage } from '../../robustness/check';
import type { CorpusPage } from '../../robustness/corpus';
import { PAGE_TIMEOUT_MS } from './shard';

export function pageTests(pages: CorpusPage[]): void {
  for (const page of pages) {
    it(
      `${page.name} — ${page.note}`,
      () => {
        const r = runPage(page);
        expect(r.name).toBe(page.name);
        // every selector made from the text re-anchored (runPage throws otherwise); some were made
        if (r.textLength > 0) expect(r.anchored).toBeGreaterThan(0);
      },
      PAGE_TIMEOUT_MS,
    );
  }
}
