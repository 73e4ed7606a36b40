/**
 * Speakers with their quotes: each quote is a button that jumps to it in the page.
 */
import { useState } from 'react';
import type { SpeakerView } from './model';

/** Props of `SpeakerList`. */
export interface SpeakerListProps {
  speakers: SpeakerView[];
  onJump(key: string): void;
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

/** Quotes shown per speaker before "Show all". */
const QUOTES_SHOWN = 6;

/** The speakers, most quoted first. */
export function SpeakerList({ speakers, onJump }: SpeakerListProps) {
  const [expanded, setExpanded] = useState<ReadonlySet<string>>(new Set());
  if (speakers.length === 0) return <p className="sl-empty">No speakers found.</p>;
  const toggle = (key: string) => {
    const next = new Set(expanded);
    if (next.has(key)) next.delete(key);
    else next.add(key);
    setExpanded(next);
  };
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
            {(expanded.has(s.key) ? s.quotes : s.quotes.slice(0, QUOTES_SHOWN)).map((q) => (
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
                  {q.anonymous && (q.anonymityReason ?? q.anonymityCue) && (
                    <span className="sl-cue">{q.anonymityReason ?? q.anonymityCue}</span>
                  )}
                  {q.corrected && <span className="sl-tag sl-tag-corrected">corrected</span>}
                </button>
              </li>
            ))}
          </ul>
          {s.quotes.length > QUOTES_SHOWN && (
            <button type="button" className="sl-link" aria-expanded={expanded.has(s.key)} onClick={() => toggle(s.key)}>
              {expanded.has(s.key) ? 'Show fewer' : `Show all ${s.quotes.length} quotes`}
            </button>
          )}
        </li>
      ))}
    </ul>
  );
}
