/**
 * Binary search over sorted arrays, shared by the analyzer's offset look-ups (paragraph of a position,
 * quotation spans and tokens in a range, names before a position), so none of them repeats the loop.
 */

/**
 * The index of the first item for which `before` is false, in an array where `before` holds for a prefix
 * and fails for the rest (0 when it fails everywhere, `items.length` when it holds everywhere).
 */
export function partitionPoint<T>(items: readonly T[], before: (item: T) => boolean): number {
  let lo = 0;
  let hi = items.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (before(items[mid]!)) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * The number of items of an ascending number array below `x` (`orEqual`: at most `x`). The same search as
 * `partitionPoint` without a callback, for the hottest look-ups (a position's paragraph, whether a token
 * lies inside a quotation, names before a position).
 */
export function countBelow(sorted: readonly number[], x: number, orEqual = false): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    const v = sorted[mid]!;
    if (v < x || (orEqual && v === x)) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
