/**
 * Props shared by the panel components (pure types): what the content script renders into the shadow
 * root — the panel, the hover card, the selection button and the note editor.
 */
import type { Category } from '@/utils/highlight/categories';
import type { Density } from '@/utils/settings-labels';
import type { EntityType, QuoteKind } from '@/utils/analysis/types';
import type { PanelModel } from './model';

/** What the page is doing, as the panel tells it. */
export type PanelStatus = 'working' | 'ready' | 'no-article' | 'off' | 'click-to-analyze';

/** A card over a highlighted quote or entity. */
export interface CardView {
  key: string;
  /** Viewport position of the highlight's box (the card goes below it, or above near the bottom). */
  x: number;
  y: number;
  /** Height of the highlight's line, to place the card above instead when needed. */
  lineHeight: number;
  type: EntityType | 'quote';
  text: string;
  quote?: {
    speaker: string | null;
    kind: QuoteKind;
    anonymous: boolean;
    cue: string | null;
    anonymityCue: string | null;
    /** Why the claim is flagged anonymous (the cue phrase or the rule), null when it is not. */
    anonymityReason: string | null;
    /** What the reader corrected about this claim ("Speaker: Jo (was an aide)"); empty when nothing. */
    corrections: string[];
  };
  saved: boolean;
}

/** The correction form: fix a claim the analyzer found, or turn a selection into a claim. */
export interface CorrectionView {
  /** 'edit': a claim the analyzer found (or one the reader added); 'add': a selection becoming a claim. */
  mode: 'edit' | 'add';
  x: number;
  y: number;
  /** The claim's text (shown, truncated). */
  text: string;
  speaker: string | null;
  anonymous: boolean;
  kind: QuoteKind;
  /** The article's people and organizations, to pick the speaker from. */
  choices: string[];
}

/** What the reader set in the correction form. */
export interface CorrectionChange {
  speaker: string | null;
  anonymous: boolean;
  kind: QuoteKind;
  /** "Not a quote": the passage is not a claim at all. */
  notAQuote?: boolean;
}

/** The note editor, for a selection or a card's item. */
export interface EditorView {
  x: number;
  y: number;
  /** The text being annotated (shown, truncated). */
  text: string;
}

/** Callbacks out of the UI. */
export interface OverlayCallbacks {
  onClose(): void;
  onToggleCategory(category: Category, visible: boolean): void;
  /** Scroll to the item with this key (entity, quote, note) and flash it. */
  onJump(key: string): void;
  onAnalyze(): void;
  onSiteEnabled(enabled: boolean): void;
  /** Save the card's item as is. */
  onSaveItem(key: string): void;
  /** Open the note editor for the card's item. */
  onNoteItem(key: string): void;
  onCardHover(inside: boolean): void;
  onCardDismiss(): void;
  /** Save the current selection, with no note. */
  onSaveSelection(): void;
  /** Open the note editor for the current selection. */
  onNoteSelection(): void;
  onEditorSave(comment: string): void;
  onEditorCancel(): void;
  onDismissMessage(): void;
  /** Open the correction form for the card's claim. */
  onCorrectItem(key: string): void;
  /** Open the correction form to turn the current selection into a claim. */
  onClaimSelection(): void;
  onCorrectionSave(change: CorrectionChange): void;
  onCorrectionCancel(): void;
  /** Undo one correction (by its record id). */
  onUndoCorrection(id: string): void;
  /** Save every claim, the entities and the summary of this article in one action. */
  onSaveSourcing(): void;
  /** Open the sourcing audit across saved articles (an extension page, in a new tab). */
  onOpenAudit(): void;
  /** An entity row is hovered (its key) or no longer (null): every mention is shown meanwhile. */
  onEntityHover(key: string | null): void;
  /** The reader picked a highlight density. */
  onDensity(density: Density): void;
}

/** Everything the overlay shows. */
export interface OverlayState {
  panelOpen: boolean;
  status: PanelStatus;
  model: PanelModel | null;
  visible: Record<Category, boolean>;
  colors: Record<Category, string>;
  card: CardView | null;
  /** The floating "save selection" button position, or null. */
  selection: { x: number; y: number } | null;
  editor: EditorView | null;
  correction: CorrectionView | null;
  message: string | null;
  /** How much is coloured (the setting). */
  density: Density;
}
