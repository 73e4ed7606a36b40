/**
 * The reader's saved notes and highlights for this article, with those not found in the page listed as
 * such (never hidden).
 */
import type { NoteView } from './model';

/** Props of `NotesList`. */
export interface NotesListProps {
  notes: NoteView[];
  onJump(key: string): void;
}

/** Saved notes: found ones jump to the page; orphans say "Not found in this page". */
export function NotesList({ notes, onJump }: NotesListProps) {
  if (notes.length === 0)
    return <p className="sl-empty">Nothing saved yet. Select text in the article to save it with a note.</p>;
  return (
    <ul className="sl-notes" aria-label="Saved notes">
      {notes.map((n) => (
        <li key={n.key} className={n.orphaned ? 'sl-note-item sl-orphan' : 'sl-note-item'}>
          <button
            type="button"
            className="sl-note-btn"
            disabled={n.orphaned}
            onClick={() => onJump(n.key)}
            aria-label={n.orphaned ? `${n.text} (not found in this page)` : undefined}
          >
            <span className="sl-note-text">“{n.text}”</span>
            {/* generated content, not a text node: the page's window.find cannot find the comment (trust.md) */}
            {n.comment && <span className="sl-note-comment" data-comment={n.comment} />}
            {n.orphaned && <span className="sl-tag sl-tag-orphan">Not found in this page</span>}
          </button>
        </li>
      ))}
    </ul>
  );
}
