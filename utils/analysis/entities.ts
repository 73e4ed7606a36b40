/**
 * Named-entity finder: people, organizations and places in article text, with every mention.
 * (Placeholder — the entity engine replaces this.)
 */
import type { Entity } from './types';

/** Finds every person, organization and place in `text`. */
export function findEntities(text: string): Entity[] {
  void text;
  return [];
}
