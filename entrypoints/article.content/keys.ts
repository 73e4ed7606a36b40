/**
 * Typed item keys (glue helper): what a drawn range stands for, and the one place that reads the string keys
 * the panel model hands back (`e3`, `e3.1`, `q2`, `n:<id>`, see components/panel/model.ts). Everything else
 * carries the typed `Item` and never decodes a key by slicing it.
 */
import { entityKey, mentionKey, noteKey, quoteKey } from '@/components/panel/model';
import type { EntityType } from '@/utils/analysis/types';

/** What a drawn range stands for. `key` is its panel-model key. */
export type Item =
  | { kind: 'mention'; key: string; entity: number; type: EntityType; start: number; end: number }
  | { kind: 'quote'; key: string; quote: number; start: number; end: number }
  | { kind: 'note'; key: string; id: string };

/** A panel-model key, decoded. */
export type ParsedKey =
  | { kind: 'entity'; entity: number }
  | { kind: 'mention'; entity: number; mention: number }
  | { kind: 'quote'; quote: number }
  | { kind: 'note'; id: string };

/** How each key shape is read; checked in order, first match wins. */
const KEY_SHAPES: ReadonlyArray<{ pattern: RegExp; read: (m: RegExpExecArray) => ParsedKey }> = [
  { pattern: /^e(\d+)$/, read: (m) => ({ kind: 'entity', entity: Number(m[1]) }) },
  { pattern: /^e(\d+)\.(\d+)$/, read: (m) => ({ kind: 'mention', entity: Number(m[1]), mention: Number(m[2]) }) },
  { pattern: /^q(\d+)$/, read: (m) => ({ kind: 'quote', quote: Number(m[1]) }) },
  { pattern: /^n:([\s\S]*)$/, read: (m) => ({ kind: 'note', id: m[1] ?? '' }) },
];

/** Decodes a panel-model key; null for a string of no known shape. */
export function parseKey(key: string): ParsedKey | null {
  for (const shape of KEY_SHAPES) {
    const m = shape.pattern.exec(key);
    if (m) return shape.read(m);
  }
  return null;
}

/** The entity index of an entity's panel key (`e3` → 3), or null for any other key. */
export function entityOf(key: string | null): number | null {
  const parsed = key === null ? null : parseKey(key);
  return parsed?.kind === 'entity' ? parsed.entity : null;
}

/** The item of a saved note. */
export function noteItem(id: string): Item {
  return { kind: 'note', key: noteKey(id), id };
}

/** Re-exported so the content script takes every key from one module. */
export { entityKey, mentionKey, noteKey, quoteKey };
