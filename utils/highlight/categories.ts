/**
 * The highlight categories and their default colours (pure core): plain data shared by the drawing code,
 * the settings, the panel's legend and the styles, none of which should have to import the DOM drawing
 * module to learn a category's name.
 */

/** The highlight categories, in drawing order (later ones win where they overlap). */
export const CATEGORIES = ['quote', 'anonymous', 'place', 'organization', 'person', 'note'] as const;
export type Category = (typeof CATEGORIES)[number];

/** Default colors (also used by the fallback marks, which cannot read `::highlight` rules). */
export const DEFAULT_COLORS: Record<Category, string> = {
  person: '#ffd6a5',
  organization: '#bde0fe',
  place: '#caffbf',
  quote: '#e9d8fd',
  anonymous: '#ffadad',
  note: '#fff3a3',
};
