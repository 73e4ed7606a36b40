/**
 * One saved annotation in the library: its kind, the quote's speaker and anonymity (with the cue that
 * made it anonymous), the saved text, the reader's note (editable in place) and its actions. Rendered as
 * React text only — page text never becomes HTML.
 */
import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import type { AnnotationRecord } from '@/utils/db/schema';
import type { NoteSave } from '@/utils/db/library';
import { kindLabel, markWords } from './format';

export interface AnnotationItemProps {
  annotation: AnnotationRecord;
  /** Search text, for marking matches. */
  query: string;
  /** The roving-focus key of this row and whether it holds the list's tab stop. */
  navKey: string;
  active: boolean;
  editing: boolean;
  onFocusRow(key: string): void;
  onOpen(): void;
  onEdit(editing: boolean): void;
  /**
   * Saves the note; `baseUpdatedAt` is the version the edit began from. Resolves with what happened, or
   * null when the host already reported a failure; on a conflict the editor stays open with the text.
   */
  onSaveNote(comment: string, baseUpdatedAt: number): Promise<NoteSave | null>;
  onDelete(): void;
  /** Correct a saved claim (speaker, anonymous, not a quote); absent: no correcting here. */
  onCorrect?(change: { speaker: string | null; anonymous: boolean; notAQuote?: boolean }): Promise<unknown>;
  /** Undo one of its corrections. */
  onUndoCorrection?(id: string): void;
}

/** A saved highlight, note, quote or entity with its note and actions. */
export function AnnotationItem(p: AnnotationItemProps) {
  const a = p.annotation;
  const rowRef = useRef<HTMLLIElement>(null);
  const [correcting, setCorrecting] = useState(false);
  const wasEditing = useRef(p.editing);
  // Closing the editor removes the focused textarea: give focus back to the row, not to the page.
  useEffect(() => {
    if (wasEditing.current && !p.editing) {
      const active = document.activeElement;
      if (!active || active === document.body || !active.isConnected) rowRef.current?.focus();
    }
    wasEditing.current = p.editing;
  }, [p.editing]);
  return (
    <li
      ref={rowRef}
      className={`ann ann-${a.kind}`}
      data-nav={p.navKey}
      tabIndex={p.active ? 0 : -1}
      onFocus={(e) => e.target === e.currentTarget && p.onFocusRow(p.navKey)}
      aria-label={`${kindLabel(a)}: ${a.quote.exact.slice(0, 120)}`}
    >
      <div className="ann-meta">
        <span className={`badge kind kind-${a.kind}`}>{kindLabel(a)}</span>
        {a.kind === 'quote' && a.speaker && <span className="speaker">{markWords(a.speaker, p.query)}</span>}
        {a.anonymous && (
          <span className="badge anon" title={a.anonymityCue ? `Cue: ${a.anonymityCue}` : 'anonymous source'}>
            anonymous
          </span>
        )}
        {a.anonymous && (a.anonymityReason ?? a.anonymityCue) && (
          <span className="cue">{a.anonymityReason ?? `“${a.anonymityCue}”`}</span>
        )}
        {a.corrections?.length ? (
          <span className="badge corrected" data-testid="corrected" title={a.corrections.join('\n')}>
            corrected
          </span>
        ) : null}
        {a.orphaned && (
          <span className="badge warn" title="The passage was not found when the page was last opened">
            not found in this page
          </span>
        )}
      </div>
      <blockquote className={`text${a.quoteKind === 'direct' ? ' direct' : ''}`} data-testid="annotation">
        {markWords(a.quote.exact, p.query)}
      </blockquote>
      {a.corrections?.length ? (
        <ul className="corrections" aria-label="Your corrections">
          {a.corrections.map((c, i) => (
            <li key={a.correctionIds?.[i] ?? i}>
              {c}
              {p.onUndoCorrection && a.correctionIds?.[i] && (
                <button
                  type="button"
                  className="link"
                  aria-label={`Undo: ${c}`}
                  onClick={() => p.onUndoCorrection!(a.correctionIds![i]!)}
                >
                  Undo
                </button>
              )}
            </li>
          ))}
        </ul>
      ) : null}
      {correcting && p.onCorrect && (
        <ClaimCorrector
          annotation={a}
          onSave={(change) => void p.onCorrect!(change).then(() => setCorrecting(false))}
          onCancel={() => setCorrecting(false)}
        />
      )}
      {p.editing ? (
        <NoteEditor annotation={a} onSave={p.onSaveNote} onCancel={() => p.onEdit(false)} />
      ) : (
        a.comment && (
          <p className="note" data-testid="note">
            {markWords(a.comment, p.query)}
          </p>
        )
      )}
      {!p.editing && (
        <div className="row-actions">
          <button type="button" onClick={p.onOpen} title="Open the article at this passage">
            Open
          </button>
          <button type="button" onClick={() => p.onEdit(true)}>
            {a.comment ? 'Edit note' : 'Add note'}
          </button>
          {a.kind === 'quote' && p.onCorrect && !a.notAQuote && (
            <button type="button" aria-expanded={correcting} onClick={() => setCorrecting((c) => !c)}>
              Correct…
            </button>
          )}
          <button type="button" className="danger" onClick={p.onDelete}>
            Delete
          </button>
        </div>
      )}
    </li>
  );
}

interface NoteEditorProps {
  annotation: AnnotationRecord;
  onSave(comment: string, baseUpdatedAt: number): Promise<NoteSave | null>;
  onCancel(): void;
}

/**
 * In-place note editor: Ctrl/⌘+Enter saves, Escape cancels. The version the edit started from is
 * remembered (not the live record, which another popup may change meanwhile), so a concurrent edit is
 * detected instead of overwritten. On a conflict the reader's text stays in the box, the other version is
 * shown beside it, and saving again replaces that version on purpose.
 */
function NoteEditor({ annotation, onSave, onCancel }: NoteEditorProps) {
  const [value, setValue] = useState(annotation.comment);
  const [base, setBase] = useState(annotation.updatedAt);
  const [conflict, setConflict] = useState<AnnotationRecord | null>(null);
  const ref = useRef<HTMLTextAreaElement>(null);
  const save = () =>
    void onSave(value, base).then((r) => {
      if (r?.status !== 'conflict') return;
      // Saving again now is a deliberate choice to replace the version the reader has been shown.
      setConflict(r.current);
      setBase(r.current.updatedAt);
    });
  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    el.focus();
    el.setSelectionRange(el.value.length, el.value.length);
  }, []);
  const onKeyDown = (e: KeyboardEvent) => {
    // keys typed here are text, not list navigation
    e.stopPropagation();
    if (e.key === 'Escape') {
      e.preventDefault();
      onCancel();
    } else if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
      e.preventDefault();
      save();
    }
  };
  return (
    <div className="note-editor">
      {conflict && (
        <div className="conflict" role="alert" data-testid="note-conflict">
          <p>
            This note was changed in another window while you were editing. Your text is kept below; Save note replaces
            the other version, Cancel keeps it.
          </p>
          <p className="hint">The other version: {conflict.comment ? `“${conflict.comment}”` : '(empty)'}</p>
        </div>
      )}
      <textarea
        ref={ref}
        value={value}
        rows={3}
        aria-label="Note"
        placeholder="Your note…"
        onChange={(e) => setValue(e.target.value)}
        onKeyDown={onKeyDown}
      />
      <div className="row-actions">
        <button type="button" className="primary" onClick={save}>
          Save note
        </button>
        <button type="button" onClick={onCancel}>
          Cancel
        </button>
        <span className="hint">Ctrl+Enter saves · Esc cancels</span>
      </div>
    </div>
  );
}

interface ClaimCorrectorProps {
  annotation: AnnotationRecord;
  onSave(change: { speaker: string | null; anonymous: boolean; notAQuote?: boolean }): void;
  onCancel(): void;
}

/** Correcting a saved claim in place: its speaker, its anonymous flag, or "not a quote". Escape cancels. */
function ClaimCorrector({ annotation, onSave, onCancel }: ClaimCorrectorProps) {
  const [speaker, setSpeaker] = useState(annotation.speaker ?? '');
  const [anonymous, setAnonymous] = useState(!!annotation.anonymous);
  const ref = useRef<HTMLInputElement>(null);
  useEffect(() => ref.current?.focus(), []);
  return (
    <form
      className="claim-corrector"
      aria-label="Correct this claim"
      onKeyDown={(e) => {
        // keys typed here are text, not list navigation
        e.stopPropagation();
        if (e.key === 'Escape') {
          e.preventDefault();
          onCancel();
        }
      }}
      onSubmit={(e) => {
        e.preventDefault();
        onSave({ speaker: speaker.trim() || null, anonymous });
      }}
    >
      <label>
        Speaker
        <input ref={ref} value={speaker} maxLength={2000} onChange={(e) => setSpeaker(e.target.value)} />
      </label>
      <label>
        <input type="checkbox" checked={anonymous} onChange={(e) => setAnonymous(e.target.checked)} />
        Anonymous source
      </label>
      <div className="row-actions">
        <button type="submit" className="primary">
          Save correction
        </button>
        <button type="button" onClick={() => onSave({ speaker: speaker.trim() || null, anonymous, notAQuote: true })}>
          Not a quote
        </button>
        <button type="button" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}
