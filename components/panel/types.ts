/**
 * Props shared by the panel components (pure types): what the content script renders into the shadow
 * root — the panel, the hover card, the selection button and the note editor.
 */
import type { Category } from '@/utils/highlight/categories';
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
  };
  saved: boolean;
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
  message: string | null;
}
