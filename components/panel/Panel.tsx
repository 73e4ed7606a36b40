/**
 * The Sourcelight side panel: article header, sourcing summary, category toggles, speakers with quotes,
 * people / organizations / places and the reader's notes. Props in, callbacks out; no browser APIs.
 */
import { useEffect, useRef } from 'react';
import { DENSITY_LABELS, type Density } from '@/utils/settings-labels';
import { CorrectionList } from './CorrectionList';
import { EntityList } from './EntityList';
import { Legend } from './Legend';
import { formatDate } from './model';
import { NotesList } from './NotesList';
import { SpeakerList } from './SpeakerList';
import { Summary } from './Summary';
import type { OverlayCallbacks, OverlayState } from './types';

/** Props of `Panel`. */
export type PanelProps = Pick<OverlayState, 'status' | 'model' | 'visible' | 'colors' | 'density'> &
  Pick<
    OverlayCallbacks,
    | 'onClose'
    | 'onToggleCategory'
    | 'onJump'
    | 'onAnalyze'
    | 'onSiteEnabled'
    | 'onUndoCorrection'
    | 'onSaveSourcing'
    | 'onOpenAudit'
    | 'onEntityHover'
    | 'onDensity'
  >;

/** The side panel (a complementary landmark; Escape closes it). */
export function Panel(props: PanelProps) {
  const { status, model, visible, colors, onClose, onToggleCategory, onJump, onAnalyze, onSiteEnabled } = props;
  const { onUndoCorrection, onSaveSourcing, onOpenAudit, onEntityHover, onDensity, density } = props;
  const ref = useRef<HTMLElement>(null);
  useEffect(() => {
    // focus the panel when it opens, so keyboard users land in it
    ref.current?.focus();
  }, []);
  const h = model?.header;
  // bylines often carry the date already ("By Desk · 5 February 2026"): do not print it twice
  const date = /\b(19|20)\d\d\b/.test(h?.byline ?? '') ? null : formatDate(h?.publishedTime ?? null);
  return (
    <aside
      ref={ref}
      className="sl-panel"
      role="complementary"
      aria-label="Sourcelight: sources in this article"
      tabIndex={-1}
      onKeyDown={(e) => {
        if (e.key === 'Escape') {
          e.stopPropagation();
          onClose();
        }
      }}
    >
      <header className="sl-top">
        <span className="sl-brand">Sourcelight</span>
        <button type="button" className="sl-icon" aria-label="Close the Sourcelight panel" onClick={onClose}>
          ×
        </button>
      </header>
      <div className="sl-body">
        {h && (
          <section className="sl-article" aria-label="Article">
            <h2 className="sl-title">{h.title || 'Untitled article'}</h2>
            <p className="sl-meta">{[h.siteName, h.byline, date].filter(Boolean).join(' · ')}</p>
          </section>
        )}
        {status === 'off' && (
          <div className="sl-callout">
            <p>Sourcelight is off for this site.</p>
            <button type="button" className="sl-primary" onClick={() => onSiteEnabled(true)}>
              Turn on for this site
            </button>
          </div>
        )}
        {status === 'click-to-analyze' && (
          <div className="sl-callout">
            <p>This page has not been analyzed yet.</p>
            <button type="button" className="sl-primary" onClick={onAnalyze}>
              Analyze this page
            </button>
          </div>
        )}
        {status === 'no-article' && (
          <div className="sl-callout">
            <p>No article was found on this page.</p>
            <button type="button" className="sl-primary" onClick={onAnalyze}>
              Analyze anyway
            </button>
          </div>
        )}
        {status === 'working' && (
          <p className="sl-empty" role="status">
            Analyzing…
          </p>
        )}
        {model && (status === 'ready' || status === 'working') && (
          <>
            <Summary summary={model.summary} />
            {status === 'ready' && (
              <div className="sl-sourcing">
                <button type="button" className="sl-primary" onClick={onSaveSourcing}>
                  {model.sourcingSavedAt === null ? 'Save all sourcing' : 'Save sourcing again'}
                </button>
                <span className="sl-note">
                  {model.sourcingSavedAt === null
                    ? 'Every claim with its speaker, the people and organizations, and this summary.'
                    : 'Saved. Saving again updates it (your notes are kept).'}
                </span>
                <button type="button" className="sl-link" onClick={onOpenAudit}>
                  Open the sourcing audit
                </button>
              </div>
            )}
            <label className="sl-density">
              Highlight
              <select value={density} onChange={(e) => onDensity(e.target.value as Density)}>
                {(Object.keys(DENSITY_LABELS) as Density[]).map((d) => (
                  <option key={d} value={d}>
                    {DENSITY_LABELS[d]}
                  </option>
                ))}
              </select>
            </label>
            <Legend visible={visible} colors={colors} onToggle={onToggleCategory} />
            <section aria-label="Speakers">
              <h3 className="sl-h3">Speakers</h3>
              <SpeakerList speakers={model.speakers} onJump={onJump} />
            </section>
            <EntityList
              label="People"
              entities={model.entities.person}
              color={colors.person}
              onJump={onJump}
              onHover={onEntityHover}
            />
            <EntityList
              label="Organizations"
              entities={model.entities.organization}
              color={colors.organization}
              onJump={onJump}
              onHover={onEntityHover}
            />
            <EntityList
              label="Places"
              entities={model.entities.place}
              color={colors.place}
              onJump={onJump}
              onHover={onEntityHover}
            />
            {model.entities.person.length + model.entities.organization.length + model.entities.place.length === 0 && (
              <p className="sl-empty">No people, organizations or places found.</p>
            )}
          </>
        )}
        {model && model.corrections.length > 0 && (
          <section aria-label="My corrections">
            <h3 className="sl-h3">My corrections</h3>
            <CorrectionList corrections={model.corrections} onUndo={onUndoCorrection} />
          </section>
        )}
        {model && (
          <section aria-label="My notes">
            <h3 className="sl-h3">My notes</h3>
            <NotesList notes={model.notes} onJump={onJump} />
          </section>
        )}
      </div>
      <footer className="sl-foot">
        {status !== 'off' && (
          <button type="button" className="sl-link" onClick={() => onSiteEnabled(false)}>
            Turn off on this site
          </button>
        )}
      </footer>
    </aside>
  );
}
