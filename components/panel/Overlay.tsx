/**
 * Everything Sourcelight shows over a page, rendered in one shadow root: the side panel, the hover card,
 * the selection button, the note editor and a status message. Props in, callbacks out.
 */
import { CorrectionForm } from './CorrectionForm';
import { HoverCard } from './HoverCard';
import { NoteEditor } from './NoteEditor';
import { Panel } from './Panel';
import { SelectionButton } from './SelectionButton';
import type { OverlayCallbacks, OverlayState } from './types';

/** Props of `Overlay`. */
export type OverlayProps = OverlayState & OverlayCallbacks;

/** The overlay root. */
export function Overlay(p: OverlayProps) {
  return (
    <div className="sl-root">
      {p.panelOpen && (
        <Panel
          status={p.status}
          model={p.model}
          visible={p.visible}
          colors={p.colors}
          onClose={p.onClose}
          onToggleCategory={p.onToggleCategory}
          onJump={p.onJump}
          onAnalyze={p.onAnalyze}
          onSiteEnabled={p.onSiteEnabled}
          onUndoCorrection={p.onUndoCorrection}
          onSaveSourcing={p.onSaveSourcing}
          onOpenAudit={p.onOpenAudit}
          onEntityHover={p.onEntityHover}
          onDensity={p.onDensity}
          density={p.density}
        />
      )}
      {p.card && !p.editor && !p.correction && (
        <HoverCard
          card={p.card}
          onSaveItem={p.onSaveItem}
          onNoteItem={p.onNoteItem}
          onCardHover={p.onCardHover}
          onCardDismiss={p.onCardDismiss}
          onCorrectItem={p.onCorrectItem}
        />
      )}
      {p.selection && !p.editor && !p.correction && (
        <SelectionButton
          x={p.selection.x}
          y={p.selection.y}
          onSaveSelection={p.onSaveSelection}
          onNoteSelection={p.onNoteSelection}
          onClaimSelection={p.onClaimSelection}
        />
      )}
      {p.editor && <NoteEditor editor={p.editor} onEditorSave={p.onEditorSave} onEditorCancel={p.onEditorCancel} />}
      {p.correction && (
        <CorrectionForm
          // a new form for each claim, so its fields start from that claim
          key={`${p.correction.mode}:${p.correction.x}:${p.correction.y}:${p.correction.text.slice(0, 40)}`}
          correction={p.correction}
          onCorrectionSave={p.onCorrectionSave}
          onCorrectionCancel={p.onCorrectionCancel}
        />
      )}
      {p.message && (
        <div className="sl-toast" role="status">
          <span>{p.message}</span>
          <button type="button" className="sl-icon" aria-label="Dismiss" onClick={p.onDismissMessage}>
            ×
          </button>
        </div>
      )}
    </div>
  );
}
