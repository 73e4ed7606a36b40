/**
 * A reader's corrections as evaluation data (pure core): each corrected article of a backup as a page in
 * the gold format of ../shared/eval/README.md — `{ page, title, entities, quotes }`. The claims are the
 * saved sourcing's, with every correction applied ("not a quote" removed, missed claims added); when the
 * article's sourcing was never saved, only the corrected claims are known and the page says
 * `"complete": false`, so nobody scores against it as if it were the whole article.
 */
import type { Backup } from '../db/backup';
import type { AnnotationRecord, CorrectionRecord } from '../db/schema';
import { correctAnnotations, correctsAnnotation } from './records';

/** One gold page. */
export interface GoldPage {
  page: string;
  title: string;
  url: string;
  /** False when only the corrected claims are known (the article's sourcing was not saved). */
  complete: boolean;
  entities: Array<{ text: string; type: string }>;
  quotes: Array<{ text: string; kind: 'direct' | 'indirect'; speaker: string | null; anonymous: boolean }>;
}

/** A file-system-safe page name from an article URL ("news.example/world/story" → "news-example-world-story"). */
export function pageName(url: string): string {
  let s = url;
  try {
    const u = new URL(url);
    s = u.hostname.replace(/^www\./, '') + u.pathname;
  } catch {
    // not a URL: use it as it is
  }
  return (
    s
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-|-$/g, '')
      .slice(0, 80) || 'article'
  );
}

const byPosition = (a: { start: number }, b: { start: number }) => a.start - b.start;

/** Every article of the backup that has corrections, as a gold page (articles in backup order). */
export function goldFromBackup(
  backup: Pick<Backup, 'articles' | 'annotations' | 'corrections' | 'sourcing'>,
): GoldPage[] {
  const corrections = backup.corrections ?? [];
  const out: GoldPage[] = [];
  for (const article of backup.articles) {
    const mine = corrections.filter((c) => c.articleId === article.id);
    if (!mine.length) continue;
    const sourcing = (backup.sourcing ?? []).find((s) => s.articleId === article.id) ?? null;
    const quotes = backup.annotations.filter((a) => a.articleId === article.id && a.kind === 'quote');
    const complete = sourcing !== null;
    // without a saved sourcing, only the claims a correction touched are known
    const known = complete ? quotes : quotes.filter((q) => mine.some((c) => correctsAnnotation(c, q)));
    const removed = (q: AnnotationRecord) => mine.some((c) => c.action === 'not-a-quote' && correctsAnnotation(c, q));
    const claims = correctAnnotations(known, mine)
      .filter((q) => !removed(q))
      .map((q) => ({
        start: q.position?.start ?? Infinity,
        text: q.quote.exact,
        kind: q.quoteKind ?? 'indirect',
        speaker: q.speaker ?? null,
        anonymous: !!q.anonymous,
      }));
    // claims the reader added that no saved quote stands for yet
    for (const c of mine.filter((x: CorrectionRecord) => x.action === 'add-claim'))
      if (!claims.some((q) => q.text === c.quote.exact))
        claims.push({
          start: c.position?.start ?? Infinity,
          text: c.quote.exact,
          kind: c.kind ?? 'indirect',
          speaker: c.speaker ?? null,
          anonymous: !!c.anonymous,
        });
    out.push({
      page: pageName(article.url),
      title: article.title,
      url: article.url,
      complete,
      entities: (sourcing?.entities ?? []).map((e) => ({ text: e.text, type: e.type })),
      quotes: claims.sort(byPosition).map(({ start: _s, ...q }) => q),
    });
  }
  return out;
}
