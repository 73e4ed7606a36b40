/**
 * The audit's write-time aggregate (issue 16, speed), pure core: one compact record per audit article —
 * the article's audit fields and its claims as the audit counts them (corrections applied), in columns
 * (the claim ids and passages packed into one string each, the speakers as a small name table, the rest of
 * each claim as one number of bit fields). The database keeps these records in its `auditRecords` store, in
 * the same transaction as every write that changes them (utils/db/audit-records.ts), so the audit page reads
 * 2,000 small records instead of 60,000 claims; decoding one gives back exactly the `AuditArticle` that
 * utils/audit/records.ts maps from the full data.
 */
import type { AnnotationRecord, ArticleRecord, CorrectionRecord } from '../db/schema';
import { correctAnnotations } from '../corrections/records';
import type { EntityType } from '../analysis/types';
import type { AuditArticle, AuditClaim } from './aggregate';
import type { AuditWorkerTotals } from './worker-protocol';
import { SPEAKER_KINDS, type SpeakerKind } from './kinds';
import type { Gender } from './profile';
import { auditArticlesFrom } from './records';

/**
 * The record format. A change to it (or to what records.ts maps) needs a new schema version whose upgrade
 * rebuilds the store (utils/db/schema.ts), so a record of an older format is never read.
 */
export const AUDIT_RECORD_FORMAT = 1;

/** Strings packed into one: `text` holds them end to end, `ends[i]` is where string i ends. */
export interface PackedStrings {
  text: string;
  ends: number[];
}

/** One audit article as stored: see the module comment. Keyed by `articleId`. */
export interface AuditRecord {
  articleId: string;
  format: number;
  url: string;
  title: string;
  outlet: string;
  publishedAt: number | null;
  readAt: number;
  tags: string[];
  /** The claims' ids and passages, in claim order. */
  ids: PackedStrings;
  passages: PackedStrings;
  /** The article's distinct speaker names; `speaker[i]` indexes it, -1 for a claim without a speaker. */
  speakers: string[];
  speaker: number[];
  /** Per claim, the bit fields of {@link FIELDS}. */
  flags: number[];
}

/** A bit field of `flags`: which claim property, and the values it can take (stored as their index). */
interface Field<K extends keyof AuditClaim> {
  key: K;
  values: readonly AuditClaim[K][];
}

const field = <K extends keyof AuditClaim>(key: K, values: readonly AuditClaim[K][]): Field<K> => ({ key, values });

/** The claim properties packed into `flags`, lowest bits first; each takes the bits its values need. */
const FIELDS = [
  field('speakerType', [null, 'person', 'organization', 'place'] satisfies (EntityType | null)[]),
  field('anonymous', [false, true]),
  field('kind', ['direct', 'indirect']),
  field('speakerKind', SPEAKER_KINDS as readonly SpeakerKind[]),
  field('gender', ['unknown', 'female', 'male'] satisfies Gender[]),
  field('genderGuess', [null, 'female', 'male'] satisfies (Exclude<Gender, 'unknown'> | null)[]),
  field('corrected', [false, true]),
] as const;

const bitsFor = (n: number) => Math.max(1, Math.ceil(Math.log2(n)));
const LAYOUT = FIELDS.reduce<{ shift: number; bits: number }[]>((acc, f) => {
  const prev = acc[acc.length - 1];
  acc.push({ shift: prev ? prev.shift + prev.bits : 0, bits: bitsFor(f.values.length) });
  return acc;
}, []);

function pack(list: readonly string[]): PackedStrings {
  const ends: number[] = [];
  let end = 0;
  for (const s of list) ends.push((end += s.length));
  return { text: list.join(''), ends };
}

function unpack(p: PackedStrings): string[] {
  const out: string[] = new Array<string>(p.ends.length);
  let start = 0;
  for (let i = 0; i < p.ends.length; i++) {
    out[i] = p.text.slice(start, p.ends[i]);
    start = p.ends[i]!;
  }
  return out;
}

/** The stored record of one audit article. */
export function encodeAuditArticle(a: AuditArticle): AuditRecord {
  const speakers: string[] = [];
  const index = new Map<string, number>();
  const speaker = a.claims.map((c) => {
    if (c.speaker === null) return -1;
    let i = index.get(c.speaker);
    if (i === undefined) {
      i = speakers.push(c.speaker) - 1;
      index.set(c.speaker, i);
    }
    return i;
  });
  const flags = a.claims.map((c) =>
    FIELDS.reduce((bits, f, i) => {
      const v = (f.values as readonly unknown[]).indexOf(c[f.key]);
      if (v < 0) throw new Error(`audit record: ${f.key} has no code for ${String(c[f.key])}`);
      return bits | (v << LAYOUT[i]!.shift);
    }, 0),
  );
  return {
    articleId: a.id,
    format: AUDIT_RECORD_FORMAT,
    url: a.url,
    title: a.title,
    outlet: a.outlet,
    publishedAt: a.publishedAt,
    readAt: a.readAt,
    tags: [...a.tags],
    ids: pack(a.claims.map((c) => c.id)),
    passages: pack(a.claims.map((c) => c.passage)),
    speakers,
    speaker,
    flags,
  };
}

/** The audit article a stored record holds (the inverse of {@link encodeAuditArticle}). */
export function decodeAuditArticle(r: AuditRecord): AuditArticle {
  const ids = unpack(r.ids);
  const passages = unpack(r.passages);
  const claims = ids.map((id, i): AuditClaim => {
    const bits = r.flags[i]!;
    const value = (f: number) => FIELDS[f]!.values[(bits >>> LAYOUT[f]!.shift) & ((1 << LAYOUT[f]!.bits) - 1)];
    const s = r.speaker[i]!;
    return {
      id,
      articleId: r.articleId,
      passage: passages[i]!,
      speaker: s < 0 ? null : r.speakers[s]!,
      speakerType: value(0) as AuditClaim['speakerType'],
      anonymous: value(1) as boolean,
      kind: value(2) as AuditClaim['kind'],
      speakerKind: value(3) as SpeakerKind,
      gender: value(4) as Gender,
      genderGuess: value(5) as AuditClaim['genderGuess'],
      corrected: value(6) as boolean,
    };
  });
  return {
    id: r.articleId,
    url: r.url,
    title: r.title,
    outlet: r.outlet,
    publishedAt: r.publishedAt,
    readAt: r.readAt,
    tags: r.tags,
    claims,
  };
}

/** The bits of `flags` that field `key` (a yes/no field: `[false, true]`) sets when it holds `true`. */
const bitOf = (key: 'anonymous' | 'corrected'): number => {
  const i = FIELDS.findIndex((f) => f.key === key);
  return (FIELDS[i]!.values as readonly unknown[]).indexOf(true) << LAYOUT[i]!.shift;
};
const ANONYMOUS_BIT = bitOf('anonymous');
const CORRECTED_BIT = bitOf('corrected');

/**
 * The totals of the whole audit, read straight from the stored records' flags (nothing decoded): what the
 * audit page's worker posts first, so the page paints its numbers before it has the claims. Equal to
 * `auditTotals` over the decoded articles (the unit tests check it).
 */
export function recordTotals(records: readonly AuditRecord[]): Omit<AuditWorkerTotals, 'type'> {
  let claims = 0;
  let anonymous = 0;
  let corrected = 0;
  for (const r of records) {
    claims += r.flags.length;
    for (const bits of r.flags) {
      if (bits & ANONYMOUS_BIT) anonymous++;
      if (bits & CORRECTED_BIT) corrected++;
    }
  }
  return { articles: records.length, claims, anonymous, corrected };
}

/** What the records of some articles are computed from: their saved records, as the database has them. */
export interface AuditSources {
  articles: readonly ArticleRecord[];
  /** The ids of the articles with a saved sourcing. */
  sourced: ReadonlySet<string>;
  /** Their saved quotes (`kind: 'quote'`), in id order. */
  quotes: readonly AnnotationRecord[];
  /** Their corrections, in id order. */
  corrections: readonly CorrectionRecord[];
}

/**
 * The audit records of the given articles, in article order: an article that is not in the audit (no
 * saved sourcing, or no claim left) has none. Computed with the very functions the full audit uses
 * (corrections/records.ts, audit/records.ts), which never look past one article's own records.
 */
export function auditRecordsFrom(s: AuditSources): AuditRecord[] {
  const corrected = correctAnnotations(s.quotes, s.corrections);
  return auditArticlesFrom(s.articles, corrected, {
    isSourcing: (a) => s.sourced.has(a.id),
    machineSpeakers: new Map(s.quotes.map((c) => [c.id, c.speaker ?? null])),
  }).map(encodeAuditArticle);
}
