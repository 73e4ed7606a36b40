/**
 * Speakers with their quotes: each quote is a button that jumps to it in the page.
 */
import type { SpeakerView } from './model';

/** Props of `SpeakerList`. */
export interface SpeakerListProps {
  speakers: SpeakerView[];
  onJump(key: string): void;
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

/** The speakers, most quoted first. */
export function SpeakerList({ speakers, onJump }: SpeakerListProps) {
  if (speakers.length === 0) return <p className="sl-empty">No speakers found.</p>;
  return (
    <ul className="sl-speakers" aria-label="Speakers">
      {speakers.map((s) => (
        <li key={s.key} className="sl-speaker">
          <div className="sl-speaker-head">
            <span className={s.anonymous ? 'sl-speaker-name sl-anon' : 'sl-speaker-name'}>{s.name}</span>
            {s.anonymous && <span className="sl-tag sl-tag-anon">anonymous</span>}
            <span
              className="sl-count"
              aria-label={`${plural(s.direct, 'direct quote')}, ${plural(s.indirect, 'indirect')}`}
            >
              {s.direct} direct · {s.indirect} indirect
            </span>
          </div>
          <ul className="sl-quotes">
            {s.quotes.map((q) => (
              <li key={q.key}>
                <button
                  type="button"
                  className="sl-quote"
                  disabled={!q.found}
                  title={q.found ? 'Show in the page' : 'Not found in this page'}
                  onClick={() => onJump(q.key)}
                >
                  <span className={q.kind === 'direct' ? 'sl-q-direct' : 'sl-q-indirect'}>
                    {q.kind === 'direct' ? `“${q.text}”` : q.text}
                  </span>
                  {q.anonymous && q.anonymityCue && <span className="sl-cue">{q.anonymityCue}</span>}
                </button>
              </li>
            ))}
          </ul>
        </li>
      ))}
    </ul>
  );
}
