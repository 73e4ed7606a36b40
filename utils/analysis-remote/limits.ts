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

/**
 * Longest serialized page (`documentElement.outerHTML`, characters) the content script sends to be
 * extracted off the page's main thread. The largest dev page is ~480k; pages over Readability's element
 * budget never get this far. Well below Chrome's 64 MiB message limit even after JSON encoding; a larger
 * page is extracted in the page (and its text still analyzed in the background).
 */
export const MAX_PAGE_HTML = 8_000_000;
