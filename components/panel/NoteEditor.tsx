/**
 * The note editor: the text being saved and an optional note. Ctrl/⌘+Enter saves, Escape cancels.
 */
import { useEffect, useRef, useState } from 'react';
import type { EditorView, OverlayCallbacks } from './types';

/** Props of `NoteEditor`. */
export type NoteEditorProps = { editor: EditorView } & Pick<OverlayCallbacks, 'onEditorSave' | 'onEditorCancel'>;

/** A small dialog with the quoted text and a note field. */
export function NoteEditor({ editor, onEditorSave, onEditorCancel }: NoteEditorProps) {
  const [comment, setComment] = useState('');
  const ref = useRef<HTMLTextAreaElement>(null);
  useEffect(() => ref.current?.focus(), []);
  const left = Math.max(8, Math.min(editor.x, (globalThis.innerWidth ?? 1024) - 328));
  const top = Math.max(8, Math.min(editor.y, (globalThis.innerHeight ?? 800) - 240));
  const excerpt = editor.text.length > 160 ? `${editor.text.slice(0, 157)}…` : editor.text;
  return (
    <div
      className="sl-editor"
      role="dialog"
      aria-label="Save with a note"
      style={{ left, top }}
      onKeyDown={(e) => {
        if (e.key === 'Escape') onEditorCancel();
        if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) onEditorSave(comment);
      }}
    >
      <blockquote className="sl-editor-quote">{excerpt}</blockquote>
      <label className="sl-editor-label">
        Note (optional)
        <textarea ref={ref} value={comment} rows={3} maxLength={5000} onChange={(e) => setComment(e.target.value)} />
      </label>
      <div className="sl-card-actions">
        <button type="button" className="sl-primary" onClick={() => onEditorSave(comment)}>
          Save
        </button>
        <button type="button" className="sl-secondary" onClick={onEditorCancel}>
          Cancel
        </button>
      </div>
    </div>
  );
}
