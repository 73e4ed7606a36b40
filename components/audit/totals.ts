/**
 * The audit page's totals, cheaply (issue 16, speed): every filter keeps or drops whole articles, so the
 * totals of a filter are sums of per-article parts. Each article's parts are counted once and remembered
 * for that article object (a WeakMap: the worker's next answer brings new objects, and the old ones go),
 * so the page can paint its totals over 60,000 claims without walking them on every render. The numbers
 * equal `auditReport`'s (utils/audit/aggregate.ts); the unit tests check that. No React and no runtime
 * import: the page's first script (entrypoints/audit/boot.ts) uses it too, before the view has loaded.
 */
import type { AuditArticle, AuditReport } from '@/utils/audit/aggregate';

/** The totals line of the audit page: the head of `auditReport`'s answer, with the same meaning. */
export type AuditTotals = Pick<
  AuditReport,
  'articles' | 'claims' | 'named' | 'anonymous' | 'anonymousShare' | 'corrected' | 'correctedClaimIds'
>;

/**
 * With more saved articles than this, the audit page paints in steps (components/audit/AuditView.tsx):
 * the totals first — of the whole library, before the view has even loaded (entrypoints/audit/boot.ts) —
 * then the sections, then the list of articles. At or below it, everything renders at once.
 */
export const LONG_LIST_ARTICLES = 200;

/** A share as the page shows it: "29%". */
export const formatPercent = (x: number): string => `${Math.round(x * 100)}%`;

/** The totals line's numbers (without the corrected claims' ids) from the four counts. */
export function totalsOfCounts(c: {
  articles: number;
  claims: number;
  anonymous: number;
  corrected: number;
}): Omit<AuditTotals, 'correctedClaimIds'> {
  return {
    articles: c.articles,
    claims: c.claims,
    named: c.claims - c.anonymous,
    anonymous: c.anonymous,
    anonymousShare: c.claims ? c.anonymous / c.claims : 0,
    corrected: c.corrected,
  };
}

/** One article's share of the totals. */
interface ArticleParts {
  claims: number;
  anonymous: number;
  correctedIds: readonly string[];
}

const parts = new WeakMap<AuditArticle, ArticleParts>();

function partsOf(a: AuditArticle): ArticleParts {
  let p = parts.get(a);
  if (p) return p;
  let anonymous = 0;
  const correctedIds: string[] = [];
  for (const c of a.claims) {
    if (c.anonymous) anonymous++;
    if (c.corrected) correctedIds.push(c.id);
  }
  p = { claims: a.claims.length, anonymous, correctedIds };
  parts.set(a, p);
  return p;
}

/** The totals of `articles` (already filtered), from each article's remembered parts. */
export function auditTotals(articles: readonly AuditArticle[]): AuditTotals {
  let claims = 0;
  let anonymous = 0;
  const correctedClaimIds: string[] = [];
  for (const a of articles) {
    const p = partsOf(a);
    claims += p.claims;
    anonymous += p.anonymous;
    for (const id of p.correctedIds) correctedClaimIds.push(id);
  }
  return {
    ...totalsOfCounts({ articles: articles.length, claims, anonymous, corrected: correctedClaimIds.length }),
    correctedClaimIds,
  };
}
