/**
 * The reader's corrections of this article, each with Undo — the one place a "not a quote" (gone from the
 * speakers list) or a correction whose passage is no longer in the article can still be undone.
 */
import type { CorrectionItemView } from './model';

/** Props of `CorrectionList`. */
export interface CorrectionListProps {
  corrections: CorrectionItemView[];
  onUndo(id: string): void;
}

/** The corrections, oldest first. */
export function CorrectionList({ corrections, onUndo }: CorrectionListProps) {
  return (
    <ul className="sl-corrections">
      {corrections.map((c) => (
        <li key={c.id} className="sl-correction">
          <span className="sl-correction-what">{c.description}</span>
          <span className="sl-correction-passage">
            {c.passage.length > 120 ? `${c.passage.slice(0, 117)}…` : c.passage}
          </span>
          {c.orphaned && <span className="sl-orphan">not found in this page</span>}
          <button type="button" className="sl-link" aria-label={`Undo: ${c.description}`} onClick={() => onUndo(c.id)}>
            Undo
          </button>
        </li>
      ))}
    </ul>
  );
}
