/**
 * The one message contract between content script, background and popup (pure core): every message's
 * payload schema (zod), its reply type, and the success-or-error reply union. The background validates
 * every payload against these schemas before it touches the database.
 */
import { z } from 'zod';
import { SPEAKER_KINDS, type SpeakerKind } from '../audit/kinds';
import type { AnnotationRecord, ArticleRecord, CorrectionRecord, SourcingRecord } from '../db/schema';
import type { Analysis } from '../analysis/types';
import { MAX_ANALYZE_TEXT, MAX_PAGE_HTML } from '../analysis-remote/limits';

const MAX_TEXT = 50_000;
const url = z.string().min(1).max(4096);
const shortText = z.string().max(2000);

/** Article metadata as the content script extracted it. */
export const ArticleInputSchema = z.strictObject({
  url,
  canonicalUrl: url.nullable(),
  title: z.string().max(2000),
  byline: shortText.nullable(),
  siteName: shortText.nullable(),
  publishedTime: z.string().max(200).nullable(),
  excerpt: z.string().max(5000).nullable(),
  textLength: z.number().int().nonnegative(),
  textHash: z.string().max(64),
});
export type ArticleInput = z.infer<typeof ArticleInputSchema>;

export const TextQuoteSchema = z.strictObject({
  exact: z.string().min(1).max(MAX_TEXT),
  prefix: z.string().max(200),
  suffix: z.string().max(200),
});
export const TextPositionSchema = z
  .strictObject({ start: z.number().int().nonnegative(), end: z.number().int().nonnegative() })
  .refine((p) => p.end >= p.start, 'end must not precede start');

/** An annotation to save, before it gets an id. */
export const AnnotationInputSchema = z.strictObject({
  kind: z.enum(['highlight', 'note', 'quote', 'entity']),
  category: z.string().max(40).nullable(),
  quote: TextQuoteSchema,
  position: TextPositionSchema.nullable(),
  comment: z.string().max(MAX_TEXT),
  speaker: shortText.nullable().optional(),
  quoteKind: z.enum(['direct', 'indirect']).nullable().optional(),
  anonymous: z.boolean().optional(),
  anonymityCue: shortText.nullable().optional(),
  // the speaker's profile for the sourcing audit (utils/audit/profile.ts), computed when it is saved
  speakerType: z.enum(['person', 'organization', 'place']).nullable().optional(),
  speakerKind: z
    .enum(SPEAKER_KINDS as [SpeakerKind, ...SpeakerKind[]])
    .nullable()
    .optional(),
  gender: z.enum(['female', 'male', 'unknown']).nullable().optional(),
  genderGuess: z.enum(['female', 'male']).nullable().optional(),
  anonymityReason: shortText.nullable().optional(),
  sourcing: z.boolean().optional(),
});
export type AnnotationInput = z.infer<typeof AnnotationInputSchema>;

export const SaveAnnotationSchema = z.strictObject({ article: ArticleInputSchema, annotation: AnnotationInputSchema });
export type SaveAnnotationRequest = z.infer<typeof SaveAnnotationSchema>;

export const PageRefSchema = z.strictObject({ url, canonicalUrl: url.nullable() });
export type PageRef = z.infer<typeof PageRefSchema>;

export const AnchorStatusSchema = z.strictObject({
  found: z.array(z.string().max(100)).max(100_000),
  orphaned: z.array(z.string().max(100)).max(100_000),
});
export type AnchorStatus = z.infer<typeof AnchorStatusSchema>;

const quoteKind = z.enum(['direct', 'indirect']);

/** A reader's correction, before it gets an id (see CorrectionRecord in utils/db/schema.ts). */
export const CorrectionInputSchema = z.strictObject({
  action: z.enum(['speaker', 'anonymous', 'not-a-quote', 'add-claim']),
  quote: TextQuoteSchema,
  position: TextPositionSchema.nullable(),
  machine: z.strictObject({ speaker: shortText.nullable(), anonymous: z.boolean(), kind: quoteKind }).nullable(),
  speaker: shortText.nullable().optional(),
  anonymous: z.boolean().optional(),
  kind: quoteKind.optional(),
});
export type CorrectionInput = z.infer<typeof CorrectionInputSchema>;

export const SaveCorrectionSchema = z.strictObject({ article: ArticleInputSchema, correction: CorrectionInputSchema });
export type SaveCorrectionRequest = z.infer<typeof SaveCorrectionSchema>;

/** `deleteCorrection`: undo one correction. */
export const DeleteCorrectionSchema = z.strictObject({ id: z.string().min(1).max(100) });

const count = z.number().int().nonnegative().max(10_000_000);
/** The sourcing of a whole article: every claim (as quote annotations), the entities and the summary. */
export const SaveSourcingSchema = z.strictObject({
  article: ArticleInputSchema,
  claims: z.array(AnnotationInputSchema).max(20_000),
  entities: z
    .array(
      z.strictObject({ text: shortText.min(1), type: z.enum(['person', 'organization', 'place']), mentions: count }),
    )
    .max(20_000),
  summary: z.strictObject({
    named: count,
    anonymous: count,
    anonymousShare: z.number().min(0).max(1),
    speakers: z
      .array(z.strictObject({ speaker: shortText, anonymous: z.boolean(), direct: count, indirect: count }))
      .max(20_000),
  }),
});
export type SaveSourcingRequest = z.infer<typeof SaveSourcingSchema>;

/** `openPanel` (popup → background): show the Sourcelight panel in the active tab (no payload). */
export const OpenPanelSchema = z.null();

/** `openAudit` (panel → background): open the sourcing audit page in a new tab (no payload). */
export const OpenAuditSchema = z.null();
/**
 * `analyzeArticle` (content script → background): the extracted article text to analyze off the page's
 * main thread. `requestId` is the content script's own token, echoed in the reply: a newer request from
 * the same frame supersedes an older one still queued, and the page drops replies it no longer waits for.
 */
export const AnalyzeRequestSchema = z.strictObject({
  requestId: z.string().min(1).max(64),
  text: z.string().min(1).max(MAX_ANALYZE_TEXT),
  meta: z.strictObject({
    title: z.string().max(2000),
    byline: shortText.nullable(),
    siteName: shortText.nullable(),
    publishedTime: z.string().max(200).nullable(),
  }),
});
export type AnalyzeRequest = z.infer<typeof AnalyzeRequestSchema>;

/** The analysis without its `text` (the page has it; sending it back would double the reply). */
export type RemoteAnalysis = Omit<Analysis, 'text'>;

/** The background's answer to `analyzeArticle`: the analysis and the background's own time for it. */
export interface AnalyzeReply {
  requestId: string;
  analysis: RemoteAnalysis;
  /** Milliseconds the analysis took in the background (for the bench; no reader data). */
  ms: number;
}

/**
 * `extractPage` (content script → background): the page serialized once (`documentElement.outerHTML`), to be
 * parsed in an extension document with a DOM (Chrome's offscreen document, Firefox's event page), run through
 * Readability there and analyzed, so neither runs on the page's main thread. `url` and `baseUrl` are the
 * live page's (a parsed copy has the extension's). `analyze` false: extraction only (analysis on demand).
 * `unlessTextHash`: the hash of the text the page already analyzed; when the extracted text hashes the
 * same, no analysis is made (the page keeps its own).
 */
export const ExtractRequestSchema = z.strictObject({
  requestId: z.string().min(1).max(64),
  html: z.string().min(1).max(MAX_PAGE_HTML),
  url,
  baseUrl: url,
  force: z.boolean(),
  analyze: z.boolean(),
  unlessTextHash: z.string().max(64).nullable(),
});
export type ExtractRequest = z.infer<typeof ExtractRequestSchema>;

/** `offscreenExtract` (Chrome: background → offscreen document): an `extractPage` request and its sender frame. */
export const OffscreenExtractSchema = z.strictObject({ frame: z.string().min(1).max(64), request: z.unknown() });

/** An extracted article as it crosses the message boundary: what Readability found, without DOM nodes. */
export interface ArticleData {
  url: string;
  canonicalUrl: string | null;
  title: string;
  byline: string | null;
  siteName: string | null;
  publishedTime: string | null;
  excerpt: string | null;
  lang: string | null;
  dir: string | null;
  /** The plain article text every analysis offset refers to. */
  text: string;
}

/** The answer to `extractPage`: the article (null: the page holds none) and its analysis when one was made. */
export interface ExtractReply {
  requestId: string;
  article: ArticleData | null;
  /** Null when not asked for, no article, or the text is the one the page already analyzed. */
  analysis: RemoteAnalysis | null;
  /** Milliseconds spent in the extension document (for the bench; no reader data). */
  parseMs: number;
  extractMs: number;
  analyzeMs: number;
}

/** `warmAnalyzer` (content script → background): wake the background and build the analyzer's lexicons. */
export const WarmAnalyzerSchema = z.null();

/** A reply: the value, or a message a person can read. */
export type Result<T> = { ok: true; value: T } | { ok: false; error: string };

/** What the background knows about a page. */
export interface PageState {
  article: ArticleRecord | null;
  annotations: AnnotationRecord[];
  /** The reader's corrections of this article, oldest first (applied before drawing). */
  corrections: CorrectionRecord[];
}

/** Saved sourcing: the article, the sourcing record and how many claims were added or updated. */
export interface SourcingSaved {
  article: ArticleRecord;
  sourcing: SourcingRecord;
  added: number;
  updated: number;
  removed: number;
}

/** A saved correction, with its article. */
export interface CorrectionSaved {
  article: ArticleRecord;
  correction: CorrectionRecord;
}

/** Saved: the article (created or updated) and the new annotation. */
export interface Saved {
  article: ArticleRecord;
  annotation: AnnotationRecord;
}

/**
 * Every message, its payload and its reply. Content script → background: `articleSeen` (metadata of the
 * article in the tab; replies with what was saved for it), `saveAnnotation`, `setAnchorStatus`.
 * Background → content script: `captureSelection` (the context menu or keyboard command asks the page for
 * its current selection, as a save request), `togglePanel` and `showPanel` (open it, analyzing first when
 * the page was not analyzed yet). Popup → background: `openPanel` (the popup's "Show panel on this page":
 * the background finds the active tab and sends it `showPanel`). Panel → background: `openAudit` (a content
 * script cannot open an extension page itself).
 * the background finds the active tab and sends it `showPanel`). Fact-checking (issue 15): `saveSourcing`,
 * `saveCorrection`, `deleteCorrection` (content script → background), `captureSourcing` (background →
 * content script, for the context menu and the popup) and `saveTabSourcing` (popup → background).
 * the background finds the active tab and sends it `showPanel`). Content script → background, analysis
 * off the page's main thread: `warmAnalyzer` (sent before extraction, so a sleeping service worker starts
 * while Readability runs) and `analyzeArticle` (the text in, the Analysis out; see utils/analysis-remote/);
 * `extractPage` (the serialized page in, the article and its Analysis out; utils/article/serve.ts), which the
 * Chrome background hands to its offscreen document as `offscreenExtract` (`offscreenWarm` wakes it).
 */
export interface ProtocolMap {
  articleSeen(data: ArticleInput): Result<PageState>;
  saveAnnotation(data: SaveAnnotationRequest): Result<Saved>;
  setAnchorStatus(data: AnchorStatus): Result<null>;
  captureSelection(data: null): Result<SaveAnnotationRequest>;
  togglePanel(data: null): Result<null>;
  showPanel(data: null): Result<null>;
  openPanel(data: null): Result<null>;
  openAudit(data: null): Result<null>;
  /** Content script → background: store a correction / undo one. */
  saveCorrection(data: SaveCorrectionRequest): Result<CorrectionSaved>;
  deleteCorrection(data: { id: string }): Result<null>;
  /** Content script → background: store the whole article's sourcing in one action. */
  saveSourcing(data: SaveSourcingRequest): Result<SourcingSaved>;
  /** Background → content script: the page's sourcing, as a save request (context menu, popup). */
  captureSourcing(data: null): Result<SaveSourcingRequest>;
  /** Popup → background: save the sourcing of the active tab. */
  saveTabSourcing(data: null): Result<SourcingSaved>;
  warmAnalyzer(data: null): Result<null>;
  analyzeArticle(data: AnalyzeRequest): Result<AnalyzeReply>;
  /** Content script → background: extract (and analyze) a serialized copy of the page off its main thread. */
  extractPage(data: ExtractRequest): Result<ExtractReply>;
  /** Chrome, background → offscreen document: the `extractPage` work, done where there is a DOM. */
  offscreenExtract(data: { frame: string; request: ExtractRequest }): Result<ExtractReply>;
  /** Chrome, background → offscreen document: build the lexicons and warm the analyzer. */
  offscreenWarm(data: null): Result<null>;
}

/** Formats a zod error as one readable line. */
export function describeInvalid(error: z.ZodError): string {
  const first = error.issues[0];
  if (!first) return 'invalid message';
  const where = first.path.length ? first.path.join('.') : 'message';
  return `invalid message: ${where}: ${first.message}`;
}

/** Validates `data` against `schema`, returning a typed value or a readable error. */
export function validate<T>(schema: z.ZodType<T>, data: unknown): Result<T> {
  const r = schema.safeParse(data);
  return r.success ? { ok: true, value: r.data } : { ok: false, error: describeInvalid(r.error) };
}
