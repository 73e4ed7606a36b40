/**
 * The correction form: the reader fixes what the analyzer said about a claim — the speaker (picked from
 * the article's people and organizations, or typed), the anonymous flag, direct or indirect — or says the
 * passage is not a quote at all; in 'add' mode it turns a selection into a claim. Escape cancels. Props in,
 * callbacks out; the content script stores the correction as its own record.
 */
import { useEffect, useId, useRef, useState } from 'react';
import type { CorrectionView, OverlayCallbacks } from './types';

/** Props of `CorrectionForm`. */
export type CorrectionFormProps = { correction: CorrectionView } & Pick<
  OverlayCallbacks,
  'onCorrectionSave' | 'onCorrectionCancel'
>;

/** The longest speaker name the form accepts (the message contract's limit). */
export const MAX_SPEAKER = 2000;

/** A small dialog over the page. */
export function CorrectionForm({ correction, onCorrectionSave, onCorrectionCancel }: CorrectionFormProps) {
  const [speaker, setSpeaker] = useState(correction.speaker ?? '');
  const [anonymous, setAnonymous] = useState(correction.anonymous);
  const [kind, setKind] = useState(correction.kind);
  const ref = useRef<HTMLInputElement>(null);
  const id = useId();
  useEffect(() => ref.current?.focus(), []);
  const left = Math.max(8, Math.min(correction.x, (globalThis.innerWidth ?? 1024) - 348));
  const top = Math.max(8, Math.min(correction.y, (globalThis.innerHeight ?? 800) - 330));
  const excerpt = correction.text.length > 160 ? `${correction.text.slice(0, 157)}…` : correction.text;
  const adding = correction.mode === 'add';
  const trimmed = speaker.trim();
  const save = () => onCorrectionSave({ speaker: trimmed || null, anonymous, kind });
  return (
    <form
      className="sl-editor sl-correct"
      role="dialog"
      aria-label={adding ? 'Mark as a claim' : 'Correct this claim'}
      style={{ left, top }}
      onSubmit={(e) => {
        e.preventDefault();
        save();
      }}
      onKeyDown={(e) => {
        if (e.key === 'Escape') {
          e.stopPropagation();
          onCorrectionCancel();
        }
      }}
    >
      <blockquote className="sl-editor-quote">{excerpt}</blockquote>
      {correction.choices.length > 0 && (
        <label className="sl-editor-label">
          Pick the speaker from this article
          <select
            value={correction.choices.includes(speaker) ? speaker : ''}
            onChange={(e) => {
              if (!e.target.value) return;
              setSpeaker(e.target.value);
              // a person or organization the article names is a named source
              setAnonymous(false);
            }}
          >
            <option value="">—</option>
            {correction.choices.map((c) => (
              <option key={c} value={c}>
                {c}
              </option>
            ))}
          </select>
        </label>
      )}
      <label className="sl-editor-label" htmlFor={`${id}-speaker`}>
        Speaker (or type a description, e.g. “a senior aide”)
      </label>
      <input
        id={`${id}-speaker`}
        ref={ref}
        className="sl-input"
        value={speaker}
        maxLength={MAX_SPEAKER}
        onChange={(e) => setSpeaker(e.target.value)}
      />
      <label className="sl-check">
        <input type="checkbox" checked={anonymous} onChange={(e) => setAnonymous(e.target.checked)} />
        Anonymous source (not named)
      </label>
      {adding && (
        <fieldset className="sl-kind">
          <legend>Kind</legend>
          <label className="sl-check">
            <input type="radio" name={`${id}-kind`} checked={kind === 'direct'} onChange={() => setKind('direct')} />
            Direct quote
          </label>
          <label className="sl-check">
            <input
              type="radio"
              name={`${id}-kind`}
              checked={kind === 'indirect'}
              onChange={() => setKind('indirect')}
            />
            Reported speech
          </label>
        </fieldset>
      )}
      {adding && !trimmed && !anonymous && (
        <p className="sl-hint" role="note">
          Name the speaker, or tick “Anonymous source”.
        </p>
      )}
      <div className="sl-card-actions">
        <button type="submit" className="sl-primary" disabled={adding && !trimmed && !anonymous}>
          {adding ? 'Save claim' : 'Save correction'}
        </button>
        {!adding && (
          <button
            type="button"
            className="sl-secondary"
            onClick={() => onCorrectionSave({ speaker: trimmed || null, anonymous, kind, notAQuote: true })}
          >
            Not a quote
          </button>
        )}
        <button type="button" className="sl-secondary" onClick={onCorrectionCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}
