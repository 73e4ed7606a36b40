/**
 * Quote finder: direct quotes and reported speech with their speakers and anonymity.
 * (Placeholder — the quote engine replaces this.)
 */
import type { Entity, Quote } from './types';

/** Finds every attributed statement in `text`, resolving speakers against `entities`. */
export function findQuotes(text: string, entities: Entity[]): Quote[] {
  void text;
  void entities;
  return [];
}
