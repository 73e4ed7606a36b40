/**
 * The sourcing summary: how many attributed claims come from named and from anonymous sources.
 */
import type { SummaryView } from './model';

/** Props of `Summary`. */
export interface SummaryProps {
  summary: SummaryView;
}

/** Named vs anonymous counts, a proportion bar, and the anonymous share in words. */
export function Summary({ summary }: SummaryProps) {
  const total = summary.named + summary.anonymous;
  const pct = Math.round(summary.share * 100);
  return (
    <section className="sl-summary" aria-label="Sourcing summary">
      <div className="sl-counts">
        <div>
          <span className="sl-big">{summary.named}</span>
          <span className="sl-small">named</span>
        </div>
        <div>
          <span className="sl-big sl-anon">{summary.anonymous}</span>
          <span className="sl-small">anonymous</span>
        </div>
        <div>
          <span className="sl-big">{total ? `${pct}%` : '–'}</span>
          <span className="sl-small">anonymous share</span>
        </div>
      </div>
      <div
        className="sl-bar"
        role="img"
        aria-label={
          total ? `${pct}% of ${total} attributed claims come from anonymous sources` : 'No attributed claims'
        }
      >
        <span className="sl-bar-named" style={{ width: total ? `${100 - pct}%` : '0%' }} />
        <span className="sl-bar-anon" style={{ width: total ? `${pct}%` : '0%' }} />
      </div>
      <p className="sl-note">
        {total
          ? `${total} attributed ${total === 1 ? 'claim' : 'claims'}; ${pct}% from anonymous sources.`
          : 'No attributed quotes or claims were found.'}
      </p>
    </section>
  );
}
