/**
 * The audit page's totals, cheaply (issue 16, speed): every filter keeps or drops whole articles, so the
 * totals of a filter are sums of per-article parts. Each article's parts are counted once and remembered
 * for that article object (a WeakMap: the worker's next answer brings new objects, and the old ones go),
 * so the page can paint its totals over 60,000 claims without walking them on every render. The numbers
 * equal `auditReport`'s (utils/audit/aggregate.ts); the unit tests check that.
 */
import type { AuditArticle, AuditReport } from '@/utils/audit/aggregate';

/** The totals line of the audit page: the head of `auditReport`'s answer, with the same meaning. */
export type AuditTotals = Pick<
  AuditReport,
  'articles' | 'claims' | 'named' | 'anonymous' | 'anonymousShare' | 'corrected' | 'correctedClaimIds'
>;

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
    articles: articles.length,
    claims,
    named: claims - anonymous,
    anonymous,
    anonymousShare: claims ? anonymous / claims : 0,
    corrected: correctedClaimIds.length,
    correctedClaimIds,
  };
}
