/**
 * The Analysis JSON contract (see ../shared/eval/README.md): what the analyzer promises to every consumer —
 * the CLI, the content script, the panel, the Markdown export. Pure types, no code.
 */

/** The scored entity types. */
export type EntityType = 'person' | 'organization' | 'place';

/** One occurrence of an entity, as character offsets into `Analysis.text` (end exclusive). */
export interface Mention {
  start: number;
  end: number;
  text: string;
  /**
   * Ids of the rules that found this mention and typed it, in the order they fired
   * ("entity.chunk.capitalized-run", "entity.type.honorific"). See utils/analysis/README.md.
   */
  rules?: string[];
}

/** A distinct person, organization or place, under its fullest name, with every mention. */
export interface Entity {
  text: string;
  type: EntityType;
  mentions: Mention[];
  /** Other surface forms merged into this entity ("Diop", "USAID"). */
  aliases?: string[];
}

export type QuoteKind = 'direct' | 'indirect';

/** One attributed statement: a direct quote or reported speech. */
export interface Quote {
  /** The quoted words (direct, without the outer marks) or the reported clause (indirect). */
  text: string;
  kind: QuoteKind;
  /** Canonical entity name when named, else the descriptive phrase as written, else null. */
  speaker: string | null;
  anonymous: boolean;
  /** Offsets of `text` in `Analysis.text`. */
  start: number;
  end: number;
  /** The attribution cue: verb or phrase ("said", "according to"). */
  cue: string | null;
  /** The anonymity cue when one was seen ("on condition of anonymity"). */
  anonymityCue?: string | null;
  /**
   * Why the claim counts as anonymous, for a reader: the cue phrase ("cue: 'on condition of anonymity'")
   * or the rule ("unnamed descriptor: 'a senior aide'", "plural group: 'analysts'", "no source named").
   * Null when the claim is not anonymous. See utils/analysis/reason.ts.
   */
  anonymityReason?: string | null;
  /** Offsets of the speaker's mention that licensed the attribution, when there is one in the text. */
  speakerMention?: Mention | null;
  /**
   * Ids of the rules that produced this claim, in the order they fired, namespaced by stage:
   * `quote.find.*` found it, `quote.speaker.*` chose its speaker, `quote.anonymous.*` set its anonymous
   * flag ("quote.find.verb-cue", "quote.speaker.apposition", "quote.anonymous.cue"). Additive to the
   * ../shared/eval/README.md contract; `analyze FILE --explain` prints them.
   */
  rules?: string[];
}

/** Per-speaker counts for the sourcing summary. */
export interface SpeakerSummary {
  speaker: string;
  anonymous: boolean;
  direct: number;
  indirect: number;
}

/** Who the article lets speak: named vs anonymous. */
export interface SourcingSummary {
  speakers: SpeakerSummary[];
  named: number;
  anonymous: number;
  /** anonymous / (named + anonymous), 0 when there are no claims. */
  anonymousShare: number;
}

/** The analysis of one article. All offsets refer to `text`. */
export interface Analysis {
  title: string;
  byline: string | null;
  siteName: string | null;
  publishedTime: string | null;
  text: string;
  entities: Entity[];
  quotes: Quote[];
  speakers: SourcingSummary;
}

/** Metadata known about the article before text analysis. */
export interface ArticleMeta {
  title: string;
  byline: string | null;
  siteName: string | null;
  publishedTime: string | null;
}
