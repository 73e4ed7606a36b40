/**
 * The expected numbers of the audit-on-real-news scenario (tests/e2e/scenarios/audit-news.ts), counted
 * here from the fixtures' analyses (tests/e2e/audit-news-fixtures.ts) with the test's own counting — not
 * with the audit's (utils/audit/aggregate.ts), so a counting bug there cannot hide behind the same bug in
 * the expectation. The rules are the audit page's as its method sentences state them: a claim counts once
 * under its article's outlet (site name, else the host without `www.`); named = not anonymous; speaker
 * kinds per claim, every kind listed; gender per distinct named person per article, unknown its own row.
 *
 * The result is in the page's own words (cells as the tables print them), so a comparison is one equality.
 */
import { SPEAKER_KIND_LABELS, SPEAKER_KINDS, type SpeakerKind } from '../../utils/audit/kinds';
import type { FixtureArticle } from './audit-news-fixtures.ts';

/** One claim as the audit should count it: the analysis's, after the reader's corrections. */
interface Counted {
  speaker: string | null;
  speakerType: string | null;
  anonymous: boolean;
  kind: string;
  gender: string;
  corrected: boolean;
}

/** The reader's correction of one claim: a new speaker, and the anonymous flag off. */
export interface NamedCorrection {
  claimId: string;
  speaker: string;
}

/** What the filters keep. Dates are epoch ms, inclusive; a missing publication date fails a published range. */
export interface ExpectedFilter {
  outlets?: readonly string[];
  published?: { from: number; to: number };
  read?: { from: number; to: number };
}

/** The audit page as the scenario reads it: the totals and four tables, cells as printed. */
export interface AuditNumbers {
  totals: { articles: number; claims: number; named: number; anonymous: number; share: string; corrected: number };
  /** Outlet → [articles, claims, named, anonymous, anonymous share], sorted by outlet. */
  outlets: Record<string, string[]>;
  /** Kind label → [claims, named, anonymous], every kind. */
  kinds: Record<string, string[]>;
  /** Gender label → [people, claims, guessed]. */
  gender: Record<string, string[]>;
}

/** The outlet of an article, as the audit page's method sentence defines it. */
export function outletOf(a: Pick<FixtureArticle, 'siteName' | 'url'>): string {
  const site = a.siteName?.trim();
  return site ? site : new URL(a.url).hostname.replace(/^www\./, '');
}

const percent = (part: number, whole: number) => `${whole ? Math.round((part / whole) * 100) : 0}%`;
const KNOWN = new Set<string>(SPEAKER_KINDS);

/**
 * The claims of one article after a correction. A claim whose speaker the reader changed takes the
 * profile (type, kind, gender) of another claim of the same article by the new speaker, else unknowns.
 */
function countedClaims(a: FixtureArticle, correction: NamedCorrection | null): Counted[] {
  const base: Counted[] = a.claims.map((c) => ({
    speaker: c.speaker?.trim() || null,
    speakerType: c.speakerType,
    anonymous: c.anonymous,
    kind: c.speakerKind && KNOWN.has(c.speakerKind) ? c.speakerKind : 'unknown',
    gender: c.gender === 'female' || c.gender === 'male' ? c.gender : 'unknown',
    corrected: false,
  }));
  const at = correction ? a.claims.findIndex((c) => c.id === correction.claimId) : -1;
  if (at < 0 || !correction) return base;
  const same = base.find((c, i) => i !== at && c.speaker === correction.speaker);
  base[at] = {
    speaker: correction.speaker,
    speakerType: same?.speakerType ?? null,
    anonymous: false,
    kind: same?.kind ?? 'unknown',
    gender: same?.gender ?? 'unknown',
    corrected: true,
  };
  return base;
}

const inRange = (t: number | null, r: { from: number; to: number } | undefined) =>
  !r || (t !== null && t >= r.from && t <= r.to);

/** Epoch ms of the page's publication date, or null (as any date parser reads an ISO 8601 string). */
export function publishedAt(a: FixtureArticle): number | null {
  const t = a.publishedTime ? Date.parse(a.publishedTime) : NaN;
  return Number.isFinite(t) ? t : null;
}

/** The articles a filter keeps (only articles with at least one claim are in the audit at all). */
export function kept(articles: readonly FixtureArticle[], f: ExpectedFilter): FixtureArticle[] {
  return articles.filter(
    (a) =>
      a.claims.length > 0 &&
      (!f.outlets?.length || f.outlets.includes(outletOf(a))) &&
      inRange(publishedAt(a), f.published) &&
      inRange(a.readAt, f.read),
  );
}

/** The numbers the audit page should show for `articles` under `filter`, after `correction`. */
export function expectedNumbers(
  articles: readonly FixtureArticle[],
  filter: ExpectedFilter = {},
  correction: NamedCorrection | null = null,
): AuditNumbers {
  const shown = kept(articles, filter).map((a) => ({ outlet: outletOf(a), claims: countedClaims(a, correction) }));
  const all = shown.flatMap((a) => a.claims);
  const anonymous = all.filter((c) => c.anonymous).length;

  const outlets: Record<string, number[]> = {};
  for (const a of shown) {
    const row = (outlets[a.outlet] ??= [0, 0, 0, 0]);
    row[0]! += 1;
    row[1]! += a.claims.length;
    row[3]! += a.claims.filter((c) => c.anonymous).length;
    row[2] = row[1]! - row[3]!;
  }

  const kinds: Record<string, string[]> = {};
  for (const k of SPEAKER_KINDS) {
    const of = all.filter((c) => c.kind === k);
    const anon = of.filter((c) => c.anonymous).length;
    kinds[SPEAKER_KIND_LABELS[k as SpeakerKind]] = [of.length, of.length - anon, anon].map(String);
  }

  const gender: Record<string, [number, number]> = { female: [0, 0], male: [0, 0], unknown: [0, 0] };
  for (const a of shown) {
    const people = new Set<string>();
    for (const c of a.claims) {
      if (!c.speaker || c.anonymous || c.speakerType !== 'person') continue;
      gender[c.gender]![1]++;
      if (!people.has(c.speaker)) gender[c.gender]![0]++;
      people.add(c.speaker);
    }
  }
  const LABEL: Record<string, string> = { female: 'Women', male: 'Men', unknown: 'Unknown' };

  return {
    totals: {
      articles: shown.length,
      claims: all.length,
      named: all.length - anonymous,
      anonymous,
      share: percent(anonymous, all.length),
      corrected: all.filter((c) => c.corrected).length,
    },
    outlets: Object.fromEntries(
      Object.keys(outlets)
        .sort()
        .map((o) => {
          const [n, claims, named, anon] = outlets[o]!;
          return [o, [n, claims, named, anon].map(String).concat(percent(anon!, claims!))];
        }),
    ),
    kinds,
    gender: Object.fromEntries(
      Object.entries(gender).map(([g, [people, claims]]) => [LABEL[g]!, [String(people), String(claims), '0']]),
    ),
  };
}
