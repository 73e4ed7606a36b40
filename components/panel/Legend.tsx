/**
 * Category toggles with the legend's colors: each one shows or hides its highlights at once.
 */
import type { Category } from '@/utils/highlight/categories';

const LABELS: Record<Category, string> = {
  person: 'People',
  organization: 'Organizations',
  place: 'Places',
  quote: 'Named quotes',
  anonymous: 'Anonymous sources',
  note: 'My notes',
};

/** Reading order of the legend (the drawing order in `CATEGORIES` is about stacking, not reading). */
const ORDER: Category[] = ['person', 'organization', 'place', 'quote', 'anonymous', 'note'];

/** Props of `Legend`. */
export interface LegendProps {
  visible: Record<Category, boolean>;
  colors: Record<Category, string>;
  onToggle(category: Category, visible: boolean): void;
}

/** The legend: one toggle button per category, pressed when shown. */
export function Legend({ visible, colors, onToggle }: LegendProps) {
  return (
    <div className="sl-legend" role="group" aria-label="Highlight categories">
      {ORDER.map((c) => (
        <button
          key={c}
          type="button"
          className="sl-chip"
          aria-pressed={visible[c]}
          title={`${visible[c] ? 'Hide' : 'Show'} ${LABELS[c].toLowerCase()}`}
          onClick={() => onToggle(c, !visible[c])}
        >
          <span className="sl-swatch" style={{ background: colors[c] }} aria-hidden="true" />
          {LABELS[c]}
        </button>
      ))}
    </div>
  );
}

export { LABELS as CATEGORY_LABELS };
