/**
 * Hit-testing highlights (DOM layer). CSS highlights are not elements — no `mouseover`, no `:hover` — so a
 * point is turned into a caret position (`caretPositionFromPoint`, or WebKit's `caretRangeFromPoint`) and
 * looked up among the drawn ranges: per layer, sorted by their start, by binary search, then confirmed
 * against the range's client rectangles so a caret snapped to the nearest word does not count as a hit.
 */

/** A drawn item that can be hit. */
export interface HitItem<T> {
  /** Items of one layer do not overlap each other (entities of one kind, quotes, notes). */
  layer: string;
  /** Document order of the range start (the anchor's squeezed live offset). */
  order: number;
  range: Range;
  data: T;
}

/** A caret position: a node and an offset in it. */
export interface Caret {
  node: Node;
  offset: number;
}

/** The caret position under a viewport point, or null (outside text, or no API). */
export function caretAt(doc: Document, x: number, y: number): Caret | null {
  try {
    const d = doc as Document & { caretRangeFromPoint?: (x: number, y: number) => Range | null };
    if (typeof d.caretPositionFromPoint === 'function') {
      const p = d.caretPositionFromPoint(x, y);
      return p ? { node: p.offsetNode, offset: p.offset } : null;
    }
    if (typeof d.caretRangeFromPoint === 'function') {
      const r = d.caretRangeFromPoint(x, y);
      return r ? { node: r.startContainer, offset: r.startOffset } : null;
    }
  } catch {
    // a point over an iframe or a closed shadow root
  }
  return null;
}

/** Whether (x, y) lies inside one of the range's line boxes (with a pixel of slack). */
function underPoint(range: Range, x: number, y: number): boolean {
  const rects = range.getClientRects();
  for (let i = 0; i < rects.length; i++) {
    const r = rects[i]!;
    if (x >= r.left - 1 && x <= r.right + 1 && y >= r.top - 1 && y <= r.bottom + 1) return true;
  }
  return false;
}

/** Looks up drawn items by caret position or by viewport point. */
export class HitIndex<T> {
  private readonly layers = new Map<string, HitItem<T>[]>();

  constructor(items: Iterable<HitItem<T>> = []) {
    this.add(items);
  }

  /** Adds items (keeps each layer sorted). */
  add(items: Iterable<HitItem<T>>): void {
    const touched = new Set<string>();
    for (const it of items) {
      let list = this.layers.get(it.layer);
      if (!list) this.layers.set(it.layer, (list = []));
      list.push(it);
      touched.add(it.layer);
    }
    for (const l of touched) this.layers.get(l)!.sort((a, b) => a.order - b.order);
  }

  /** Every item whose range contains the caret position, innermost layers last. */
  atCaret(caret: Caret): HitItem<T>[] {
    const hits: HitItem<T>[] = [];
    for (const list of this.layers.values()) {
      // last item whose start is not after the caret
      let lo = 0;
      let hi = list.length - 1;
      let found = -1;
      while (lo <= hi) {
        const mid = (lo + hi) >> 1;
        let cmp: number;
        try {
          cmp = list[mid]!.range.comparePoint(caret.node, caret.offset);
        } catch {
          return hits;
        }
        if (cmp >= 0) {
          found = mid;
          lo = mid + 1;
        } else hi = mid - 1;
      }
      // a couple of neighbours too, in case a layer does overlap a little
      for (let i = found; i >= 0 && i >= found - 2; i--) {
        const it = list[i]!;
        try {
          if (it.range.comparePoint(caret.node, caret.offset) === 0) hits.push(it);
        } catch {
          // a range whose nodes left the document
        }
      }
    }
    return hits;
  }

  /** Items under the viewport point (x, y), confirmed against their line boxes. */
  atPoint(doc: Document, x: number, y: number): HitItem<T>[] {
    const caret = caretAt(doc, x, y);
    if (!caret) return [];
    return this.atCaret(caret).filter((it) => underPoint(it.range, x, y));
  }

  /** Forgets every item. */
  clear(): void {
    this.layers.clear();
  }
}
