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
