/**
 * The Sourcelight database schema (pure core): record types, the versioned Dexie store definitions and the
 * Dexie subclass. The database lives in the extension origin (background + popup); content scripts never
 * open it — their IndexedDB would belong to the page's origin.
 */
import Dexie, { type EntityTable } from 'dexie';
import type { SpeakerKind } from '../audit/kinds';
import { auditRecordsFrom, type AuditRecord } from '../audit/cache';
import { auditRecordsMiddleware } from './audit-records';

/** W3C Web Annotation TextQuoteSelector over the article text (whitespace-normalized). */
export interface TextQuoteSelector {
  exact: string;
  prefix: string;
  suffix: string;
}

/** W3C Web Annotation TextPositionSelector: character offsets into the article text (end exclusive). */
export interface TextPositionSelector {
  start: number;
  end: number;
}

/** A saved article: the page's metadata as extraction saw it. */
export interface ArticleRecord {
  id: string;
  /** Normalized page URL (tracking parameters and fragment removed). Unique. */
  url: string;
  canonicalUrl: string | null;
  title: string;
  byline: string | null;
  siteName: string | null;
  publishedTime: string | null;
  excerpt: string | null;
  /** The reader's own tags for this article (the audit filters by them); kept when the article is saved again. */
  tags?: string[];
  textLength: number;
  /** Hash of the article text, to notice edits between visits. */
  textHash: string;
  createdAt: number;
  updatedAt: number;
}

/** What an annotation is. */
export type AnnotationKind = 'highlight' | 'note' | 'quote' | 'entity';

/** A saved highlight, note, quote or entity of one article. */
export interface AnnotationRecord {
  id: string;
  articleId: string;
  kind: AnnotationKind;
  /** Entity type or highlight colour category ("person", "quote", "anonymous", "note", …). */
  category: string | null;
  quote: TextQuoteSelector;
  /** Offsets into the article text when known. */
  position: TextPositionSelector | null;
  comment: string;
  /** For saved quotes: the speaker, kind and anonymity as the analyzer saw them. */
  speaker?: string | null;
  quoteKind?: 'direct' | 'indirect' | null;
  anonymous?: boolean;
  anonymityCue?: string | null;
  /** For saved quotes: the speaker's profile for the sourcing audit (utils/audit/profile.ts). */
  speakerType?: 'person' | 'organization' | 'place' | null;
  speakerKind?: SpeakerKind | null;
  gender?: 'female' | 'male' | 'unknown' | null;
  genderGuess?: 'female' | 'male' | null;
  /** For saved quotes: why the claim counts as anonymous ("cue: …", "unnamed descriptor: …"). */
  anonymityReason?: string | null;
  /** Saved by "Save the article's sourcing" (one of many claims saved in one action), not one by one. */
  sourcing?: boolean;
  /**
   * View only, never stored: what the reader corrected about this passage ("Speaker: Jo (was an aide)"),
   * set by utils/corrections/records.ts for the popup and the export.
   */
  corrections?: string[];
  /** View only: the ids of those corrections (parallel to `corrections`), for undo. */
  correctionIds?: string[];
  /** View only: the reader said this passage is not a quote. */
  notAQuote?: boolean;
  /** Set when the annotation could not be anchored on the last visit ("not found in this page"). */
  orphaned?: boolean;
  createdAt: number;
  updatedAt: number;
}

/**
 * A delete the reader can still undo: the records exactly as they were, kept in the database (not in the
 * popup's memory) so closing and reopening the popup within the undo window still offers Undo. Purged once
 * the window has passed (see `purgeTrash`): deleted data does not linger.
 */
export interface TrashRecord {
  id: string;
  /** When the delete happened (ms); the undo window runs from here. */
  deletedAt: number;
  /** What the popup said when deleting ("Annotation deleted."), shown again on reopen. */
  message: string;
  articles: ArticleRecord[];
  annotations: AnnotationRecord[];
  /** Since v3: a deleted article's corrections and saved sourcing. */
  corrections?: CorrectionRecord[];
  sourcing?: SourcingRecord[];
}

/** An entity of a saved sourcing: the name, its type and how often the article mentions it. */
export interface SourcingEntity {
  text: string;
  type: 'person' | 'organization' | 'place';
  mentions: number;
}

/** One speaker's counts in a saved sourcing summary. */
export interface SourcingSpeaker {
  speaker: string;
  anonymous: boolean;
  direct: number;
  indirect: number;
}

/**
 * An article's saved sourcing (one per article; saving again replaces it): the entity list and the
 * sourcing summary as they were when saved, corrections included. The claims themselves are quote
 * annotations (`sourcing: true`), so they anchor, search and export like any saved quote.
 */
export interface SourcingRecord {
  id: string;
  articleId: string;
  entities: SourcingEntity[];
  summary: { named: number; anonymous: number; anonymousShare: number; speakers: SourcingSpeaker[] };
  createdAt: number;
  updatedAt: number;
}

/** What a reader's correction does. */
export type CorrectionAction = 'speaker' | 'anonymous' | 'not-a-quote' | 'add-claim';

/** What the analyzer said about a claim, kept with a correction so it can be shown and undone. */
export interface MachineClaim {
  speaker: string | null;
  anonymous: boolean;
  kind: 'direct' | 'indirect';
}

/**
 * A reader's correction of the analyzer, its own record: the passage it applies to (anchored like a saved
 * quote), what the machine said (`machine`, null for a claim the machine missed) and what the reader says.
 * The analyzer's output is never changed in storage; corrections are applied over it on every visit, and
 * deleting the record undoes the correction.
 */
export interface CorrectionRecord {
  id: string;
  articleId: string;
  action: CorrectionAction;
  quote: TextQuoteSelector;
  position: TextPositionSelector | null;
  machine: MachineClaim | null;
  /** The reader's speaker ('speaker', 'add-claim'). */
  speaker?: string | null;
  /** The reader's anonymous flag ('anonymous', 'add-claim'). */
  anonymous?: boolean;
  /** The reader's kind ('add-claim'). */
  kind?: 'direct' | 'indirect';
  createdAt: number;
  updatedAt: number;
}

/** The database name; one per browser profile. */
export const DB_NAME = 'sourcelight';

/**
 * Every schema version ever shipped, oldest first. Never edit a shipped entry: append a new version (with an
 * upgrade function when data must move) and add a fixture to the upgrade tests.
 */
export const SCHEMA_VERSIONS: ReadonlyArray<{
  version: number;
  stores: Record<string, string>;
  upgrade?: (tx: import('dexie').Transaction) => Promise<void> | void;
}> = [
  {
    version: 1,
    stores: {
      articles: 'id, &url, canonicalUrl, textHash, siteName, createdAt, updatedAt',
      annotations: 'id, articleId, kind, createdAt, updatedAt, [articleId+createdAt]',
    },
  },
  {
    // v2: the trash of recent deletes, so undo survives the popup closing. A new store: no data moves.
    version: 2,
    stores: {
      articles: 'id, &url, canonicalUrl, textHash, siteName, createdAt, updatedAt',
      annotations: 'id, articleId, kind, createdAt, updatedAt, [articleId+createdAt]',
      trash: 'id, deletedAt',
    },
  },
  {
    // v3: the reader's corrections and the saved sourcing of whole articles. New stores: no data moves.
    version: 3,
    stores: {
      articles: 'id, &url, canonicalUrl, textHash, siteName, createdAt, updatedAt',
      annotations: 'id, articleId, kind, createdAt, updatedAt, [articleId+createdAt]',
      trash: 'id, deletedAt',
      corrections: 'id, articleId, createdAt, [articleId+createdAt]',
      sourcing: 'id, &articleId, updatedAt',
    },
  },
  {
    // v4: the audit's write-time aggregate, one record per audit article (utils/audit/cache.ts), kept by
    // utils/db/audit-records.ts. The upgrade builds it from the data already saved.
    version: 4,
    stores: {
      articles: 'id, &url, canonicalUrl, textHash, siteName, createdAt, updatedAt',
      annotations: 'id, articleId, kind, createdAt, updatedAt, [articleId+createdAt]',
      trash: 'id, deletedAt',
      corrections: 'id, articleId, createdAt, [articleId+createdAt]',
      sourcing: 'id, &articleId, updatedAt',
      auditRecords: 'articleId',
    },
    upgrade: async (tx) => {
      const [articles, sourcing, quotes, corrections] = await Promise.all([
        tx.table<ArticleRecord, string>('articles').toArray(),
        tx.table<SourcingRecord, string>('sourcing').toArray(),
        tx.table<AnnotationRecord, string>('annotations').where('kind').equals('quote').toArray(),
        tx.table<CorrectionRecord, string>('corrections').toArray(),
      ]);
      const records = auditRecordsFrom({
        articles,
        sourced: new Set(sourcing.map((s) => s.articleId)),
        quotes,
        corrections,
      });
      await tx.table<AuditRecord, string>('auditRecords').bulkPut(records);
    },
  },
];

/** The newest schema version. */
export const SCHEMA_VERSION = SCHEMA_VERSIONS[SCHEMA_VERSIONS.length - 1]!.version;

/** The typed Dexie database. Pass `indexedDB`/`IDBKeyRange` in options to run on fake-indexeddb in tests. */
export class SourcelightDB extends Dexie {
  articles!: EntityTable<ArticleRecord, 'id'>;
  annotations!: EntityTable<AnnotationRecord, 'id'>;
  trash!: EntityTable<TrashRecord, 'id'>;
  corrections!: EntityTable<CorrectionRecord, 'id'>;
  sourcing!: EntityTable<SourcingRecord, 'id'>;
  /** The audit's write-time aggregate: never written directly, kept by the middleware installed below. */
  auditRecords!: EntityTable<AuditRecord, 'articleId'>;

  constructor(name: string = DB_NAME, options?: ConstructorParameters<typeof Dexie>[1]) {
    super(name, options);
    for (const v of SCHEMA_VERSIONS) {
      const def = this.version(v.version).stores(v.stores);
      if (v.upgrade) def.upgrade(v.upgrade);
    }
    // every write to the audit's sources updates its records in the same transaction
    this.use(auditRecordsMiddleware);
  }
}
