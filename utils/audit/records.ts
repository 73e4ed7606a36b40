/**
 * From saved records to the audit's input (issue 16), pure core: each saved article with its saved claims
 * (quote annotations), with the speaker profile stored at save time (utils/audit/profile.ts) and the
 * reader's corrections already applied by the caller. Structural types only, so the audit core does not
 * depend on the database module: any record with these fields will do.
 */
import type { EntityType } from '../analysis/types';
import type { AuditArticle, AuditClaim } from './aggregate';
import { SPEAKER_KINDS, type SpeakerKind } from './kinds';
import type { Gender } from './profile';

/** The fields of a saved article the audit reads. */
export interface AuditArticleRecord {
  id: string;
  url: string;
  title: string;
  siteName: string | null;
  publishedTime: string | null;
  createdAt: number;
  tags?: readonly string[];
}

/** The fields of a saved claim the audit reads; the profile fields are optional (older saves lack them). */
export interface AuditClaimRecord {
  id: string;
  articleId: string;
  kind: string;
  quote: { exact: string };
  speaker?: string | null;
  quoteKind?: 'direct' | 'indirect' | null;
  anonymous?: boolean;
  speakerType?: EntityType | null;
  speakerKind?: SpeakerKind | null;
  gender?: Gender | null;
  genderGuess?: Exclude<Gender, 'unknown'> | null;
  /** True when a reader's correction changed the speaker, the anonymous flag or the kind. */
  corrected?: boolean;
}

/** The outlet an article belongs to: its site name, else its host without `www.`. */
export function outletName(a: Pick<AuditArticleRecord, 'siteName' | 'url'>): string {
  if (a.siteName?.trim()) return a.siteName.trim();
  try {
    return new URL(a.url).hostname.replace(/^www\./, '');
  } catch {
    return a.url;
  }
}

/** Epoch ms of an ISO date string, or null when missing or not a date within the `Date` range. */
export function parseDate(s: string | null | undefined): number | null {
  if (!s) return null;
  const t = Date.parse(s);
  return Number.isFinite(t) ? t : null;
}

const KNOWN_KINDS = new Set<string>(SPEAKER_KINDS);

/** One saved claim as the audit counts it; a record without a profile counts as kind and gender unknown. */
function toClaim(r: AuditClaimRecord): AuditClaim {
  const speakerKind = r.speakerKind && KNOWN_KINDS.has(r.speakerKind) ? r.speakerKind : 'unknown';
  return {
    id: r.id,
    articleId: r.articleId,
    passage: r.quote.exact,
    speaker: r.speaker?.trim() ? r.speaker.trim() : null,
    speakerType: r.speakerType ?? null,
    anonymous: r.anonymous === true,
    kind: r.quoteKind === 'indirect' ? 'indirect' : 'direct',
    speakerKind,
    gender: r.gender === 'female' || r.gender === 'male' ? r.gender : 'unknown',
    genderGuess: r.genderGuess === 'female' || r.genderGuess === 'male' ? r.genderGuess : null,
    corrected: r.corrected === true,
  };
}

/**
 * The audit's articles: every article with at least one saved claim (`kind: 'quote'`), with its claims.
 * `isSourcing`, when given, narrows to the articles whose whole sourcing was saved.
 */
export function auditArticlesFrom(
  articles: readonly AuditArticleRecord[],
  annotations: readonly AuditClaimRecord[],
  isSourcing: (a: AuditArticleRecord) => boolean = () => true,
): AuditArticle[] {
  const claims = new Map<string, AuditClaim[]>();
  for (const r of annotations) {
    if (r.kind !== 'quote') continue;
    const list = claims.get(r.articleId) ?? [];
    list.push(toClaim(r));
    claims.set(r.articleId, list);
  }
  return articles
    .filter((a) => claims.has(a.id) && isSourcing(a))
    .map((a) => ({
      id: a.id,
      url: a.url,
      title: a.title,
      outlet: outletName(a),
      publishedAt: parseDate(a.publishedTime),
      readAt: a.createdAt,
      tags: a.tags ?? [],
      claims: claims.get(a.id)!,
    }));
}
