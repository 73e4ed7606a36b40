/**
 * Splits the robustness corpus into two shards of similar cost, one per test file, so Vitest can run them
 * on both cores. Cost is estimated from page size and element count (Readability in jsdom pays per element), with
 * deep-nesting pages counted as large (jsdom is super-linear on depth). Heavy pages are bench-only (see generate.ts).
 */
import { loadCorpus, type CorpusPage } from '../../robustness/corpus';

const cost = (p: CorpusPage) =>
  p.html.length + 150 * (p.html.match(/<[a-z]/gi)?.length ?? 0) + (p.name.startsWith('nested-') ? 300_000 : 0);

/** The suite's pages for shard `k` of 2: greedy balancing, most expensive first, stable order. */
export function shard(k: 0 | 1): CorpusPage[] {
  const pages = loadCorpus().filter((p) => !p.heavy);
  const sorted = [...pages].sort((a, b) => cost(b) - cost(a) || (a.name < b.name ? -1 : 1));
  const load = [0, 0];
  const out: CorpusPage[][] = [[], []];
  for (const p of sorted) {
    const i = load[0]! <= load[1]! ? 0 : 1;
    out[i]!.push(p);
    load[i]! += cost(p);
  }
  return out[k]!;
}

/** Per-page time bound: generous (a loaded 2-core CI box), but a hang fails instead of stalling the run. */
export const PAGE_TIMEOUT_MS = 60_000;
