/**
 * The panel's view model (pure): turns an Analysis, the saved notes and the anchoring outcome into what the
 * panel lists — speakers with their quotes, entities with mention counts, notes with their orphan state —
 * under stable keys the content script uses to scroll to and flash an item.
 */
import type { Analysis, EntityType, QuoteKind } from '@/utils/analysis/types';
import type { AnnotationKind } from '@/utils/db/schema';

/** The article header. */
export interface HeaderView {
  title: string;
  siteName: string | null;
  byline: string | null;
  publishedTime: string | null;
}

/** A person, organization or place. */
export interface EntityView {
  key: string;
  text: string;
  type: EntityType;
  /** Mentions in the analysis. */
  count: number;
  /** Mentions drawn in the page. */
  found: number;
}

/** A quote or claim. */
export interface QuoteView {
  key: string;
  text: string;
  kind: QuoteKind;
  speaker: string | null;
  anonymous: boolean;
  cue: string | null;
  anonymityCue: string | null;
  /** Why it is flagged anonymous (cue phrase or rule), null when it is not. */
  anonymityReason: string | null;
  /** Whether the reader corrected it. */
  corrected: boolean;
  /** Whether it is drawn in the page (a jump target). */
  found: boolean;
}

/** A speaker with the quotes attributed to them. */
export interface SpeakerView {
  key: string;
  name: string;
  anonymous: boolean;
  direct: number;
  indirect: number;
  quotes: QuoteView[];
}

/** A saved note or highlight. */
export interface NoteView {
  key: string;
  text: string;
  comment: string;
  kind: AnnotationKind;
  /** "Not found in this page". */
  orphaned: boolean;
}

/** The sourcing summary. */
export interface SummaryView {
  named: number;
  anonymous: number;
  /** anonymous / (named + anonymous), 0..1 */
  share: number;
}

/** A reader's correction, as the panel lists it (with its undo). */
export interface CorrectionItemView {
  id: string;
  /** "Speaker: Jo (was an aide)". */
  description: string;
  /** The passage it is about. */
  passage: string;
  /** Its passage is no longer in the article. */
  orphaned: boolean;
}

/** Everything the panel lists. */
export interface PanelModel {
  header: HeaderView;
  summary: SummaryView;
  speakers: SpeakerView[];
  entities: Record<EntityType, EntityView[]>;
  notes: NoteView[];
  corrections: CorrectionItemView[];
  /** When the article's sourcing was last saved (ms), null when never. */
  sourcingSavedAt: number | null;
}

/** What the panel shows besides the analysis: the reader's corrections and the saved sourcing. */
export interface PanelExtras {
  corrections?: CorrectionItemView[];
  sourcingSavedAt?: number | null;
}

/** A saved annotation as the panel needs it. */
export interface NoteInput {
  id: string;
  text: string;
  comment: string;
  kind: AnnotationKind;
}

/** The key of entity `i`. */
export const entityKey = (i: number): string => `e${i}`;
/** The key of mention `j` of entity `i`. */
export const mentionKey = (i: number, j: number): string => `e${i}.${j}`;
/** The key of quote `i`. */
export const quoteKey = (i: number): string => `q${i}`;
/** The key of a saved annotation. */
export const noteKey = (id: string): string => `n:${id}`;

/**
 * Builds the panel model. `anchored` holds the keys (mentions, quotes, notes) that were drawn in the page;
 * whatever is missing from it is listed but marked as not found.
 */
export function buildPanelModel(
  header: HeaderView,
  analysis: Analysis | null,
  notes: readonly NoteInput[],
  anchored: ReadonlySet<string>,
  extras: PanelExtras = {},
): PanelModel {
  const entities: Record<EntityType, EntityView[]> = { person: [], organization: [], place: [] };
  const speakers: SpeakerView[] = [];
  let summary: SummaryView = { named: 0, anonymous: 0, share: 0 };
  if (analysis) {
    analysis.entities.forEach((e, i) => {
      const list = entities[e.type];
      if (!list) return;
      let found = 0;
      for (let j = 0; j < e.mentions.length; j++) if (anchored.has(mentionKey(i, j))) found++;
      list.push({ key: entityKey(i), text: e.text, type: e.type, count: e.mentions.length, found });
    });
    for (const list of Object.values(entities)) list.sort((a, b) => b.count - a.count || a.text.localeCompare(b.text));
    const bySpeaker = new Map<string, SpeakerView>();
    analysis.quotes.forEach((q, i) => {
      const name = q.speaker ?? (q.anonymous ? 'Unnamed source' : 'Unattributed');
      const id = `${q.anonymous ? 'a' : 'n'}:${name.toLowerCase()}`;
      let s = bySpeaker.get(id);
      if (!s) {
        s = { key: `s:${id}`, name, anonymous: q.anonymous, direct: 0, indirect: 0, quotes: [] };
        bySpeaker.set(id, s);
        speakers.push(s);
      }
      s[q.kind]++;
      s.quotes.push({
        key: quoteKey(i),
        text: q.text,
        kind: q.kind,
        speaker: q.speaker,
        anonymous: q.anonymous,
        cue: q.cue,
        anonymityCue: q.anonymityCue ?? null,
        anonymityReason: q.anonymityReason ?? null,
        corrected: 'corrected' in q && !!q.corrected,
        found: anchored.has(quoteKey(i)),
      });
    });
    speakers.sort((a, b) => b.quotes.length - a.quotes.length || a.name.localeCompare(b.name));
    const named = analysis.speakers.named;
    const anonymous = analysis.speakers.anonymous;
    summary = { named, anonymous, share: named + anonymous ? anonymous / (named + anonymous) : 0 };
  }
  return {
    header,
    summary,
    speakers,
    entities,
    notes: notes.map((n) => ({
      key: noteKey(n.id),
      text: n.text,
      comment: n.comment,
      kind: n.kind,
      orphaned: !anchored.has(noteKey(n.id)),
    })),
    corrections: extras.corrections ?? [],
    sourcingSavedAt: extras.sourcingSavedAt ?? null,
  };
}

/** "12 March 2026" from an ISO date, or the input when it is not one. */
export function formatDate(value: string | null): string | null {
  if (!value) return null;
  const d = new Date(value);
  if (Number.isNaN(d.getTime())) return value;
  return d.toLocaleDateString(undefined, { year: 'numeric', month: 'long', day: 'numeric' });
}
