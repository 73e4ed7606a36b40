/**
 * The card over a highlighted quote or entity: what it is (for a quote: speaker, direct or indirect,
 * anonymous and why, and what the reader corrected) with "Save", "Add note" and, for a quote, "Correct…".
 */
import { CATEGORY_LABELS } from './Legend';
import type { CardView, OverlayCallbacks } from './types';

/** Props of `HoverCard`. */
export type HoverCardProps = { card: CardView } & Pick<
  OverlayCallbacks,
  'onSaveItem' | 'onNoteItem' | 'onCardHover' | 'onCardDismiss' | 'onCorrectItem'
>;

const TYPE_LABEL: Record<CardView['type'], string> = {
  person: 'Person',
  organization: 'Organization',
  place: 'Place',
  quote: 'Quote',
};

/** Width the card is laid out with (kept in sync with panel.css). */
export const CARD_WIDTH = 300;

/** The hover/focus card, positioned under (or above) the highlight. */
export function HoverCard({ card, onSaveItem, onNoteItem, onCardHover, onCardDismiss, onCorrectItem }: HoverCardProps) {
  const q = card.quote;
  const below = card.y + card.lineHeight + 180 < (globalThis.innerHeight ?? 800);
  const left = Math.max(8, Math.min(card.x, (globalThis.innerWidth ?? 1024) - CARD_WIDTH - 8));
  const style = below
    ? { left, top: card.y + card.lineHeight + 6 }
    : { left, bottom: (globalThis.innerHeight ?? 800) - card.y + 6 };
  const label = q ? (q.anonymous ? CATEGORY_LABELS.anonymous : TYPE_LABEL.quote) : TYPE_LABEL[card.type];
  return (
    <div
      className="sl-card"
      role="dialog"
      aria-label={`${label}: ${card.text.slice(0, 80)}`}
      style={style}
      onMouseEnter={() => onCardHover(true)}
      onMouseLeave={() => onCardHover(false)}
      onKeyDown={(e) => {
        if (e.key === 'Escape') onCardDismiss();
      }}
    >
      <div className={`sl-card-type sl-type-${q?.anonymous ? 'anonymous' : card.type}`}>
        {label}
        {q && q.corrections.length > 0 && <span className="sl-tag sl-tag-corrected">corrected</span>}
      </div>
      {q ? (
        <>
          <p className="sl-card-text">{q.kind === 'direct' ? `“${card.text}”` : card.text}</p>
          <dl className="sl-card-facts">
            <dt>Speaker</dt>
            <dd>{q.speaker ?? (q.anonymous ? 'Unnamed source' : 'Unattributed')}</dd>
            <dt>Kind</dt>
            <dd>{q.kind === 'direct' ? 'Direct quote' : 'Indirect (reported speech)'}</dd>
            {q.cue && (
              <>
                <dt>Cue</dt>
                <dd>{q.cue}</dd>
              </>
            )}
            {q.anonymous && (
              <>
                <dt>Anonymous</dt>
                <dd className="sl-reason">{q.anonymityReason ?? q.anonymityCue ?? 'yes'}</dd>
              </>
            )}
            {q.corrections.length > 0 && (
              <>
                <dt>Corrected</dt>
                <dd>
                  <ul className="sl-corrections-inline">
                    {q.corrections.map((c, i) => (
                      <li key={i}>{c}</li>
                    ))}
                  </ul>
                </dd>
              </>
            )}
          </dl>
        </>
      ) : (
        <p className="sl-card-text sl-card-entity">{card.text}</p>
      )}
      <div className="sl-card-actions">
        <button type="button" className="sl-primary" disabled={card.saved} onClick={() => onSaveItem(card.key)}>
          {card.saved ? 'Saved' : 'Save'}
        </button>
        <button type="button" className="sl-secondary" onClick={() => onNoteItem(card.key)}>
          Add note
        </button>
        {q && (
          <button type="button" className="sl-secondary" onClick={() => onCorrectItem(card.key)}>
            Correct…
          </button>
        )}
      </div>
    </div>
  );
}
