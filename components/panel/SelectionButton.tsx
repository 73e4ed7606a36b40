/**
 * The small floating button shown next to a text selection: save it, save it with a note, or mark it as
 * a claim the analyzer missed (with its speaker).
 */
import type { OverlayCallbacks } from './types';

/** Props of `SelectionButton`. */
export type SelectionButtonProps = { x: number; y: number } & Pick<
  OverlayCallbacks,
  'onSaveSelection' | 'onNoteSelection' | 'onClaimSelection'
>;

/** Two buttons beside the selection; mousedown is prevented so the page selection survives the click. */
export function SelectionButton({ x, y, onSaveSelection, onNoteSelection, onClaimSelection }: SelectionButtonProps) {
  const left = Math.max(8, Math.min(x, (globalThis.innerWidth ?? 1024) - 280));
  return (
    <div
      className="sl-selbar"
      role="toolbar"
      aria-label="Save the selection"
      style={{ left, top: Math.max(8, y) }}
      onMouseDown={(e) => e.preventDefault()}
    >
      <button type="button" className="sl-selbtn" onClick={onSaveSelection} title="Save the selection (Alt+Shift+S)">
        Save
      </button>
      <button type="button" className="sl-selbtn" onClick={onNoteSelection}>
        Add note…
      </button>
      <button type="button" className="sl-selbtn" onClick={onClaimSelection} title="A claim the analyzer missed">
        Mark as claim…
      </button>
    </div>
  );
}
