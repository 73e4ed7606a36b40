/**
 * The reader's tags on saved articles (pure core; the database is passed in): parsing what the reader
 * typed into a clean list, and storing it on the article. Tags feed the audit's tag filter and the
 * export. A tag is one word or hyphenated phrase, as Obsidian's tags are: "#Housing, city council" becomes
 * `Housing`, `city-council`.
 */
import type { SourcelightDB } from './schema';

/** At most this many tags on one article, each at most this long (the backup enforces the same). */
export const MAX_TAGS = 50;
export const MAX_TAG_LENGTH = 50;

/**
 * Tags from what the reader typed, comma- or newline-separated: a leading `#` dropped, inner white space
 * turned into hyphens, characters other than letters, digits, `-`, `_` and `/` removed, duplicates
 * (ignoring case) dropped, the first spelling kept.
 */
export function parseTags(input: string): string[] {
  const out: string[] = [];
  const seen = new Set<string>();
  for (const raw of input.split(/[,\n]/)) {
    const tag = raw
      .trim()
      .replace(/^#+/, '')
      .split(/\s+/)
      .filter(Boolean)
      .join('-')
      .replace(/[^\p{L}\p{N}_/-]/gu, '')
      .slice(0, MAX_TAG_LENGTH);
    if (!tag || seen.has(tag.toLowerCase())) continue;
    seen.add(tag.toLowerCase());
    out.push(tag);
    if (out.length === MAX_TAGS) break;
  }
  return out;
}

/** Stores `tags` on the article; false when the article no longer exists (deleted meanwhile). */
export async function setArticleTags(db: SourcelightDB, articleId: string, tags: readonly string[]): Promise<boolean> {
  const clean = parseTags(tags.join(','));
  return db.transaction('rw', db.articles, async () => {
    const a = await db.articles.get(articleId);
    if (!a) return false;
    await db.articles.put({ ...a, tags: clean, updatedAt: Math.max(Date.now(), a.updatedAt + 1) });
    return true;
  });
}
