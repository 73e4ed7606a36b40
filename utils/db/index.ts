/**
 * The extension's database handle: one `SourcelightDB` per extension context (background, popup),
 * opened lazily. Content scripts must not call this (their IndexedDB belongs to the page).
 */
import { SourcelightDB } from './schema';

let instance: SourcelightDB | null = null;

/** The shared database of this extension context. */
export function getDatabase(): SourcelightDB {
  instance ??= new SourcelightDB();
  return instance;
}

export * from './schema';
