/**
 * The outlet an article belongs to, as readers name it: the page's site name, else its host. Shared by
 * the library, the Markdown export and the audit. Pure: takes the two fields, not a database record.
 */

/** The outlet of an article: its site name, else its host name without "www.", else the URL as given. */
export function outletOf(article: { siteName: string | null; url: string }): string {
  if (article.siteName?.trim()) return article.siteName.trim();
  try {
    return new URL(article.url).hostname.replace(/^www\./, '');
  } catch {
    return article.url;
  }
}
