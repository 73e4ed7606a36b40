/**
 * From saved records to the audit's input (issue 16), pure core: each saved article with its saved claims
 * (quote annotations), with the speaker profile stored at save time (utils/audit/profile.ts) and the
 * reader's corrections already applied by the caller. Structural types only, so the audit core does not
 * depend on the database module: any record with these fields will do.
 */
import type { Analysis, EntityType } from '../analysis/types';
import type { AuditArticle, AuditClaim } from './aggregate';
import { SPEAKER_KINDS, type SpeakerKind } from './kinds';
import { profileSpeakers, type Gender } from './profile';

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
  /** What the reader corrected about this claim (set by the corrections layer); non-empty = corrected. */
  corrections?: readonly string[];
  /** The reader said this passage is not a quote: the audit leaves it out. */
  notAQuote?: boolean;
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
    corrected: (r.corrections?.length ?? 0) > 0,
  };
}

/**
 * A claim whose speaker the reader changed still carries the profile saved for the machine's speaker,
 * which is wrong for the new one. It takes the profile another claim of the article has for the new
 * speaker (one the reader did not change), else kind and gender unknown: what the article says of a
 * typed-in name is not known.
 */
function reprofile(claims: AuditClaim[], machineSpeakers: ReadonlyMap<string, string | null>): AuditClaim[] {
  const changed = (c: AuditClaim) =>
    machineSpeakers.has(c.id) && (machineSpeakers.get(c.id)?.trim() || null) !== c.speaker;
  return claims.map((c) => {
    if (!changed(c)) return c;
    const same = claims.find((o) => o.id !== c.id && o.speaker === c.speaker && !changed(o));
    return same
      ? {
          ...c,
          speakerType: same.speakerType,
          speakerKind: same.speakerKind,
          gender: same.gender,
          genderGuess: same.genderGuess,
        }
      : { ...c, speakerType: null, speakerKind: 'unknown', gender: 'unknown', genderGuess: null };
  });
}

/** Options of {@link auditArticlesFrom}. */
export interface AuditFromOptions {
  /** Narrows to the articles whose whole sourcing was saved. */
  isSourcing?: (a: AuditArticleRecord) => boolean;
  /** The speaker each claim was saved with, before the reader's corrections (claim id → speaker). */
  machineSpeakers?: ReadonlyMap<string, string | null>;
}

/**
 * The audit's articles: every article with at least one saved claim (`kind: 'quote'`), with its claims.
 * Pass the claims with the reader's corrections applied (utils/corrections/records.ts): passages marked
 * "not a quote" are left out, corrected ones count as corrected.
 */
export function auditArticlesFrom(
  articles: readonly AuditArticleRecord[],
  annotations: readonly AuditClaimRecord[],
  options: AuditFromOptions = {},
): AuditArticle[] {
  const claims = new Map<string, AuditClaim[]>();
  for (const r of annotations) {
    if (r.kind !== 'quote' || r.notAQuote) continue;
    const list = claims.get(r.articleId) ?? [];
    list.push(toClaim(r));
    claims.set(r.articleId, list);
  }
  const isSourcing = options.isSourcing ?? (() => true);
  const machine = options.machineSpeakers ?? new Map<string, string | null>();
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
      claims: reprofile(claims.get(a.id)!, machine),
    }));
}

/** What the CLI knows about an analysed file besides its analysis. */
export interface AnalysedFile {
  id: string;
  url: string;
  /** The outlet when the page does not name its site (the CLI uses the file's folder). */
  fallbackOutlet: string;
  /** When the file was saved (its modification time), for the reading date. */
  readAt: number;
}

/**
 * One analysed page as the audit's article (the CLI's `--audit`): every claim with its speaker's
 * profile read from the text (utils/audit/profile.ts). No corrections: the files are the machine's view.
 */
export function auditArticleFromAnalysis(
  analysis: Analysis,
  file: AnalysedFile,
  givenGender?: ReadonlyMap<string, 'f' | 'm'>,
): AuditArticle {
  const profiles = new Map(profileSpeakers(analysis, givenGender).map((p) => [p.speaker, p] as const));
  return {
    id: file.id,
    url: file.url,
    title: analysis.title || file.id,
    outlet: analysis.siteName?.trim() || file.fallbackOutlet,
    publishedAt: parseDate(analysis.publishedTime),
    readAt: file.readAt,
    tags: [],
    claims: analysis.quotes.map((q, i) => {
      const p = q.speaker ? profiles.get(q.speaker) : undefined;
      return {
        id: `${file.id}#${i}`,
        articleId: file.id,
        passage: q.text,
        speaker: q.speaker,
        speakerType: p?.type ?? null,
        anonymous: q.anonymous,
        kind: q.kind,
        speakerKind: p?.kind ?? 'unknown',
        gender: p?.gender ?? 'unknown',
        genderGuess: p?.genderGuess ?? null,
        corrected: false,
      };
    }),
  };
}
