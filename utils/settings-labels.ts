/**
 * The names of the highlight densities (pure core, no browser APIs, so components can import it): the
 * words the options page and the panel show.
 */

/** How much is coloured in the page (see Settings.density). */
export type Density = 'sources' | 'everything' | 'off';

/** The densities in the order offered, with their names. */
export const DENSITY_LABELS: Record<Density, string> = {
  sources: 'Sources',
  everything: 'Everything',
  off: 'Off until I ask',
};
