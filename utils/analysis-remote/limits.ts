/**
 * Bounds of analysis off the page's main thread, shared by the message contract (which validates) and
 * the content script (which must not pull zod into its bundle to know them).
 */

/**
 * Longest article text the background analyzes (characters). Far above any news article (the largest dev
 * article is ~30k) and the 50,000-word E2E page (~330k), far below Chrome's 64 MiB message limit; longer
 * text is analyzed in the page, in slices.
 */
export const MAX_ANALYZE_TEXT = 1_000_000;
