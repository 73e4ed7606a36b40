/**
 * The drawn layer (glue, DOM only — no browser.*): the ranges the session anchored in the live page, the item
 * each one stands for, the hit-test index over the coloured ones, and the drawing itself. The session
 * decides what to anchor and when; this module keeps those four in step, so a range is never drawn without
 * being findable, and clearing clears all of them.
 */
import type { Category } from '@/utils/highlight/categories';
import { draw, type DrawItem, type DrawOptions, type Drawing } from '@/utils/highlight/draw';
import { HitIndex, type Caret, type HitItem } from '@/utils/highlight/hit';
import { noteItem, type Item } from './keys';

/** One anchored target: its key, its live range and its document order. */
export interface Placed {
  id: string;
  range: Range;
  start: number;
}

/** A saved note to add to the layer: its record id, its range and its document order. */
export interface PlacedNote {
  id: string;
  range: Range;
  order: number;
}

/** Runs a DOM change of our own (the watcher's `quiet`, so the mutation observer does not wake). */
export type Quiet = <T>(work: () => T) => T;

/** The innermost analysis item among hits: an entity inside a quote wins over the quote; notes never hit. */
export function pick(hits: readonly HitItem<Item>[]): Item | null {
  const usable = hits.filter((h) => h.data.kind !== 'note');
  return (usable.find((h) => h.data.kind === 'mention') ?? usable[0])?.data ?? null;
}

/** Ranges, items, hit index and drawing of one page, kept in step. */
export class DrawnLayer {
  private drawing: Drawing | null = null;
  private readonly hit = new HitIndex<Item>();
  private readonly ranges = new Map<string, Range>();
  private readonly items = new Map<string, Item>();
  /** Keys of the analysis items coloured now (the density's choice). */
  private shown = new Set<string>();

  constructor(
    private readonly doc: Document,
    private readonly quiet: Quiet,
  ) {}

  /** The drawing's mode, or null when nothing is drawn. */
  get mode(): Drawing['mode'] | null {
    return this.drawing?.mode ?? null;
  }

  /** The live range of an item, when it anchored. */
  range(key: string): Range | undefined {
    return this.ranges.get(key);
  }

  /** The item behind a key (anchored or orphaned). */
  item(key: string): Item | undefined {
    return this.items.get(key);
  }

  /** Whether an item anchored. */
  has(key: string): boolean {
    return this.ranges.has(key);
  }

  /** The keys of every anchored item. */
  anchoredKeys(): Set<string> {
    return new Set(this.ranges.keys());
  }

  /** Whether the page re-rendered the nodes our ranges point into (checks the first 200). */
  broken(): boolean {
    return [...this.ranges.values()].slice(0, 200).some((r) => !r.startContainer.isConnected);
  }

  /**
   * Replaces the index with a fresh anchoring: every anchored item is remembered (jumps and cards reach it),
   * only notes and the `shown` analysis items are coloured and hit-tested. Items that did not anchor are
   * remembered too. Returns what to draw (see `redraw`).
   */
  index(
    anchored: readonly Placed[],
    items: readonly Item[],
    shown: Set<string>,
    categoryOf: (item: Item) => Category,
  ): DrawItem[] {
    const byKey = new Map(items.map((i) => [i.key, i]));
    const drawItems: DrawItem[] = [];
    const hits: HitItem<Item>[] = [];
    this.ranges.clear();
    this.items.clear();
    this.hit.clear();
    for (const a of anchored) {
      const item = byKey.get(a.id);
      if (!item) continue;
      const category = categoryOf(item);
      this.ranges.set(a.id, a.range);
      this.items.set(a.id, item);
      if (item.kind !== 'note' && !shown.has(a.id)) continue;
      drawItems.push({ category, range: a.range });
      hits.push({ layer: category, order: a.start, range: a.range, data: item });
    }
    this.shown = shown;
    for (const i of items) if (!this.items.has(i.key)) this.items.set(i.key, i);
    this.hit.add(hits);
    return drawItems;
  }

  /** Draws `items` as the new drawing, then removes the old one (highlights never flicker). */
  redraw(items: readonly DrawItem[], options: DrawOptions): void {
    const old = this.drawing;
    this.drawing = this.quiet(() => draw(this.doc, items, options));
    if (old && old !== this.drawing) this.quiet(() => old.remove());
  }

  /** Adds saved notes (anchored after the drawing, or just saved): remembered, hit-testable and drawn. */
  addNotes(notes: readonly PlacedNote[], options: DrawOptions): void {
    const drawItems: DrawItem[] = [];
    for (const n of notes) {
      const item = noteItem(n.id);
      this.ranges.set(item.key, n.range);
      this.items.set(item.key, item);
      this.hit.add([{ layer: 'note', order: n.order, range: n.range, data: item }]);
      drawItems.push({ category: 'note', range: n.range });
    }
    if (!drawItems.length) return;
    const d = this.drawing;
    if (d) this.quiet(() => d.add(drawItems));
    else this.drawing = this.quiet(() => draw(this.doc, drawItems, options));
  }

  /** Remembers an item that did not anchor (an orphaned note), unless already known. */
  remember(item: Item): void {
    if (!this.items.has(item.key)) this.items.set(item.key, item);
  }

  /** The innermost analysis item under a viewport point. */
  atPoint(x: number, y: number): Item | null {
    return pick(this.hit.atPoint(this.doc, x, y));
  }

  /** The innermost analysis item at a caret position. */
  atCaret(caret: Caret): Item | null {
    return pick(this.hit.atCaret(caret));
  }

  /** Shows or hides a category. */
  setVisible(category: Category, visible: boolean): void {
    this.drawing?.setVisible(category, visible);
  }

  /** Conceals a category (keeps its name registered, empty) or fills it again. */
  conceal(category: Category, concealed: boolean): void {
    this.drawing?.conceal(category, concealed);
  }

  /** Draws the given keys' ranges in `category` as a spotlight, skipping those coloured already. */
  spotlight(category: Category | null, keys: readonly string[]): void {
    const items: DrawItem[] = [];
    if (category)
      for (const key of keys) {
        const range = this.ranges.get(key);
        if (range && !this.shown.has(key)) items.push({ category, range });
      }
    this.drawing?.spotlight(items);
  }

  /** Briefly emphasizes a range. */
  flash(range: Range): void {
    this.drawing?.flash(range);
  }

  /** Removes the drawing and forgets every range, item and hit. */
  clear(): void {
    const d = this.drawing;
    this.drawing = null;
    if (d) this.quiet(() => d.remove());
    this.ranges.clear();
    this.items.clear();
    this.hit.clear();
  }
}
