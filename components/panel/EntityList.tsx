/**
 * People, organizations or places with mention counts; long lists show the first few with "Show all".
 */
import { useState } from 'react';
import type { EntityView } from './model';

/** Props of `EntityList`. */
export interface EntityListProps {
  label: string;
  entities: EntityView[];
  color: string;
  onJump(key: string): void;
  /** The row hovered or focused (its key), or null when it no longer is: every mention shows meanwhile. */
  onHover?(key: string | null): void;
  /** How many to show before "Show all". */
  limit?: number;
}

/** One entity type's list; each entity jumps to its next mention in the page. */
export function EntityList({ label, entities, color, onJump, onHover, limit = 25 }: EntityListProps) {
  const [all, setAll] = useState(false);
  if (entities.length === 0) return null;
  const shown = all ? entities : entities.slice(0, limit);
  return (
    <section className="sl-entities" aria-label={label}>
      <h3 className="sl-h3">
        <span className="sl-swatch" style={{ background: color }} aria-hidden="true" />
        {label} <span className="sl-muted">({entities.length})</span>
      </h3>
      <ul className="sl-entity-list">
        {shown.map((e) => (
          <li key={e.key}>
            <button
              type="button"
              className="sl-entity"
              disabled={e.found === 0}
              aria-label={`${e.text}, ${e.count} ${e.count === 1 ? 'mention' : 'mentions'}`}
              title={e.found ? 'Show the next mention in the page' : 'Not found in this page'}
              onClick={() => onJump(e.key)}
              onMouseEnter={() => onHover?.(e.key)}
              onMouseLeave={() => onHover?.(null)}
              onFocus={() => onHover?.(e.key)}
              onBlur={() => onHover?.(null)}
            >
              <span className="sl-entity-name">{e.text}</span>
              <span className="sl-badge">{e.count}</span>
            </button>
          </li>
        ))}
      </ul>
      {entities.length > limit && (
        <button type="button" className="sl-link" onClick={() => setAll(!all)}>
          {all ? 'Show fewer' : `Show all ${entities.length}`}
        </button>
      )}
    </section>
  );
}
