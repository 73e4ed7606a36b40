/**
 * The sourcing audit across articles (issue 16), pure core: given the articles whose sourcing the reader
 * saved (with the reader's corrections already applied to each claim), counts what the audit page shows —
 * claims, named and anonymous claims and the anonymous share per outlet and per week or month, distinct
 * speakers per article, the most-quoted people and organizations, speaker kinds, the gender of named
 * people, and how many claims the reader corrected. Every count keeps the ids of the claims behind it, so
 * a click on a bar can list them. No dates are read from the clock: everything comes from the records.
 */
import type { EntityType, QuoteKind } from '../analysis/types';
import type { SpeakerKind } from './kinds';
import { SPEAKER_KIND_LABELS, SPEAKER_KINDS } from './kinds';
import type { Gender } from './profile';

/** One saved claim as the audit counts it: what the reader's corrections made of it. */
export interface AuditClaim {
  id: string;
  articleId: string;
  /** The passage, for the list behind a bar. */
  passage: string;
  speaker: string | null;
  speakerType: EntityType | null;
  anonymous: boolean;
  kind: QuoteKind;
  speakerKind: SpeakerKind;
  /** Gender from evidence in the article (pronoun, honorific); 'unknown' without it. */
  gender: Gender;
  /** The given-name guess, shown only when the reader switches it on, and labelled as a guess. */
  genderGuess: Exclude<Gender, 'unknown'> | null;
  /** True when the reader corrected the speaker, the anonymous flag or the kind of this claim. */
  corrected: boolean;
}

/** One article whose sourcing was saved. Dates are epoch milliseconds. */
export interface AuditArticle {
  id: string;
  url: string;
  title: string;
  outlet: string;
  publishedAt: number | null;
  readAt: number;
  tags: readonly string[];
  claims: readonly AuditClaim[];
}

/** An inclusive range of epoch milliseconds; either end may be open. */
export interface DateRange {
  from?: number | null;
  to?: number | null;
}

/** The audit page's filters; an empty filter keeps everything. */
export interface AuditFilter {
  outlets?: readonly string[];
  published?: DateRange;
  read?: DateRange;
  tags?: readonly string[];
}

/** Counts of one group of claims (an outlet, a period, a kind …) with the claims behind them. */
export interface ClaimCounts {
  key: string;
  label: string;
  articles: number;
  claims: number;
  named: number;
  anonymous: number;
  /** anonymous / claims, 0 when there are none. */
  anonymousShare: number;
  claimIds: string[];
}

/** One most-quoted person or organization. */
export interface TopSpeaker {
  speaker: string;
  type: EntityType;
  claims: number;
  claimIds: string[];
  articles: { id: string; title: string; url: string }[];
}

/** Gender counts of distinct named people (per article), evidence and guess kept apart. */
export interface GenderCount {
  gender: Gender;
  label: string;
  /** Distinct named people per article with this gender. */
  people: number;
  claims: number;
  claimIds: string[];
  /** Of `people`, how many got their gender from the given-name guess (0 unless the guess is on). */
  guessed: number;
}

/** Everything the audit page shows for one filter. */
export interface AuditReport {
  articles: number;
  claims: number;
  named: number;
  anonymous: number;
  anonymousShare: number;
  corrected: number;
  correctedClaimIds: string[];
  byOutlet: ClaimCounts[];
  byPeriod: ClaimCounts[];
  speakersPerArticle: { id: string; title: string; url: string; outlet: string; speakers: number; claims: number }[];
  topPeople: TopSpeaker[];
  topOrganizations: TopSpeaker[];
  kinds: ClaimCounts[];
  gender: GenderCount[];
}

/** Options of the report. */
export interface AuditOptions {
  period: 'week' | 'month';
  /** Use the given-name guess where the article gives no evidence (off by default). */
  genderGuess?: boolean;
  /** How many most-quoted people and organizations to list. */
  top?: number;
}

const inRange = (t: number | null, r: DateRange | undefined): boolean => {
  if (!r || (r.from == null && r.to == null)) return true;
  if (t === null) return false;
  return (r.from == null || t >= r.from) && (r.to == null || t <= r.to);
};

/** The articles that pass every filter; an article without a publication date fails a publication range. */
export function filterArticles(articles: readonly AuditArticle[], f: AuditFilter): AuditArticle[] {
  return articles.filter(
    (a) =>
      (!f.outlets?.length || f.outlets.includes(a.outlet)) &&
      (!f.tags?.length || f.tags.some((t) => a.tags.includes(t))) &&
      inRange(a.publishedAt, f.published) &&
      inRange(a.readAt, f.read),
  );
}

/** ISO 8601 week of a UTC date, as "2026-W49" (weeks start on Monday; week 1 holds the first Thursday). */
export function isoWeek(t: number): string {
  const d = new Date(t);
  const day = d.getUTCDay() || 7; // Monday 1 … Sunday 7
  // the Thursday of this week decides the year the week belongs to
  const thursday = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate() + 4 - day));
  const yearStart = Date.UTC(thursday.getUTCFullYear(), 0, 1);
  const week = Math.ceil(((thursday.getTime() - yearStart) / 864e5 + 1) / 7);
  return `${thursday.getUTCFullYear()}-W${String(week).padStart(2, '0')}`;
}

/** The period key of a date: ISO week or "YYYY-MM" (UTC). */
export function periodOf(t: number, period: AuditOptions['period']): string {
  if (period === 'week') return isoWeek(t);
  const d = new Date(t);
  return `${d.getUTCFullYear()}-${String(d.getUTCMonth() + 1).padStart(2, '0')}`;
}

/** Groups claims under keys and counts them; groups keep the order of `order` when given, else by size. */
function countBy(
  articles: readonly AuditArticle[],
  keyOf: (a: AuditArticle, c: AuditClaim) => string | null,
  labelOf: (key: string) => string = (k) => k,
  order?: readonly string[],
): ClaimCounts[] {
  const groups = new Map<string, { arts: Set<string>; claims: AuditClaim[] }>();
  for (const k of order ?? []) groups.set(k, { arts: new Set(), claims: [] });
  for (const a of articles)
    for (const c of a.claims) {
      const k = keyOf(a, c);
      if (k === null) continue;
      const g = groups.get(k) ?? { arts: new Set<string>(), claims: [] };
      g.arts.add(a.id);
      g.claims.push(c);
      groups.set(k, g);
    }
  const rows = [...groups].map(([key, g]) => {
    const anonymous = g.claims.filter((c) => c.anonymous).length;
    return {
      key,
      label: labelOf(key),
      articles: g.arts.size,
      claims: g.claims.length,
      named: g.claims.length - anonymous,
      anonymous,
      anonymousShare: g.claims.length ? anonymous / g.claims.length : 0,
      claimIds: g.claims.map((c) => c.id),
    };
  });
  return order ? rows : rows.sort((x, y) => y.claims - x.claims || x.key.localeCompare(y.key));
}

/** The most-quoted named speakers of one entity type, with the articles they are quoted in. */
function topSpeakers(articles: readonly AuditArticle[], type: EntityType, n: number): TopSpeaker[] {
  const by = new Map<string, TopSpeaker>();
  for (const a of articles)
    for (const c of a.claims) {
      if (!c.speaker || c.anonymous || c.speakerType !== type) continue;
      const t = by.get(c.speaker) ?? { speaker: c.speaker, type, claims: 0, claimIds: [], articles: [] };
      t.claims++;
      t.claimIds.push(c.id);
      if (!t.articles.some((x) => x.id === a.id)) t.articles.push({ id: a.id, title: a.title, url: a.url });
      by.set(c.speaker, t);
    }
  return [...by.values()]
    .sort((x, y) => y.claims - x.claims || y.articles.length - x.articles.length || x.speaker.localeCompare(y.speaker))
    .slice(0, n);
}

const GENDER_LABELS: Readonly<Record<Gender, string>> = { female: 'Women', male: 'Men', unknown: 'Unknown' };

/** Gender of distinct named people per article: evidence first, the guess only when switched on. */
function genderCounts(articles: readonly AuditArticle[], guess: boolean): GenderCount[] {
  const rows = new Map<Gender, GenderCount>(
    (['female', 'male', 'unknown'] as const).map((g) => [
      g,
      { gender: g, label: GENDER_LABELS[g], people: 0, claims: 0, claimIds: [], guessed: 0 },
    ]),
  );
  for (const a of articles) {
    const seen = new Set<string>();
    for (const c of a.claims) {
      if (!c.speaker || c.anonymous || c.speakerType !== 'person') continue;
      const guessed = c.gender === 'unknown' && guess && c.genderGuess !== null;
      const g = guessed ? c.genderGuess! : c.gender;
      const row = rows.get(g)!;
      row.claims++;
      row.claimIds.push(c.id);
      if (seen.has(c.speaker)) continue;
      seen.add(c.speaker);
      row.people++;
      if (guessed) row.guessed++;
    }
  }
  return [...rows.values()];
}

/** The audit of `articles` (already filtered). */
export function auditReport(articles: readonly AuditArticle[], options: AuditOptions): AuditReport {
  const claims = articles.flatMap((a) => a.claims);
  const anonymous = claims.filter((c) => c.anonymous).length;
  const corrected = claims.filter((c) => c.corrected);
  const periodKey = (a: AuditArticle): string => periodOf(a.publishedAt ?? a.readAt, options.period);
  const top = options.top ?? 10;
  return {
    articles: articles.length,
    claims: claims.length,
    named: claims.length - anonymous,
    anonymous,
    anonymousShare: claims.length ? anonymous / claims.length : 0,
    corrected: corrected.length,
    correctedClaimIds: corrected.map((c) => c.id),
    byOutlet: countBy(articles, (a) => a.outlet),
    byPeriod: countBy(articles, (a) => periodKey(a)).sort((x, y) => x.key.localeCompare(y.key)),
    speakersPerArticle: articles.map((a) => ({
      id: a.id,
      title: a.title,
      url: a.url,
      outlet: a.outlet,
      speakers: new Set(a.claims.map((c) => c.speaker).filter((s): s is string => !!s)).size,
      claims: a.claims.length,
    })),
    topPeople: topSpeakers(articles, 'person', top),
    topOrganizations: topSpeakers(articles, 'organization', top),
    kinds: countBy(
      articles,
      (_a, c) => c.speakerKind,
      (k) => SPEAKER_KIND_LABELS[k as SpeakerKind],
      SPEAKER_KINDS,
    ),
    gender: genderCounts(articles, options.genderGuess ?? false),
  };
}
