/**
 * Drawing highlights (DOM layer). With the CSS Custom Highlight API, one `Highlight` per category is
 * registered in `CSS.highlights` as `sourcelight-<category>`: the page's DOM is never touched, and a
 * category toggle is one registry delete/set. Where the API is missing, each range is wrapped in a
 * `<sourcelight-mark>` element instead, recording every text-node split so removal restores the DOM
 * exactly. Either way `draw` returns a handle that removes exactly what it added — nothing else.
 */

import { CATEGORIES, DEFAULT_COLORS, type Category } from './categories';

/** The registry name of a category's highlight ("sourcelight-person"). */
export function highlightName(category: Category): `sourcelight-${Category}` {
  return `sourcelight-${category}`;
}

/** The transient highlight used to flash an item the reader jumped to. */
export const FLASH_NAME = 'sourcelight-flash';

/** The fallback wrapper element's tag name. */
export const MARK_TAG = 'sourcelight-mark';

/** Stacking: entities above the quote that contains them, the reader's own notes above all. */
const PRIORITY: Record<Category, number> = {
  quote: 0,
  anonymous: 1,
  place: 2,
  organization: 3,
  person: 4,
  note: 5,
};

/** One range to draw in one category. */
export interface DrawItem {
  category: Category;
  range: Range;
}

/** Options for `draw`. */
export interface DrawOptions {
  /** Categories to show; unlisted ones are shown. */
  visible?: Partial<Record<Category, boolean>>;
  /** Force a drawing mode (tests, or a page that breaks one); default picks highlights when supported. */
  mode?: 'auto' | 'highlights' | 'marks';
  /** Colors for the fallback marks. */
  colors?: Partial<Record<Category, string>>;
  /** Categories drawn empty for now (see `Drawing.conceal`). */
  concealed?: readonly Category[];
}

/** A drawing in the page; every method is safe to call after `remove`. */
export interface Drawing {
  readonly mode: 'highlights' | 'marks';
  /** Adds more ranges (a note just saved). */
  add(items: readonly DrawItem[]): void;
  /** Shows or hides a category at once. */
  setVisible(category: Category, visible: boolean): void;
  /**
   * Keeps a category's name registered but empty (concealed) or fills it again. The page's scripts share
   * `CSS.highlights`: the reader's saved notes are concealed while the panel is closed (docs/trust.md).
   * In the marks fallback a concealed category is simply not colored.
   */
  conceal(category: Category, concealed: boolean): void;
  /**
   * Shows extra ranges until the next call (an empty list clears them): every mention of the entity whose
   * panel row is hovered. Highlights mode only; the marks fallback leaves the page as it is, since wrapping
   * and unwrapping marks on every hover would churn the page's DOM.
   */
  spotlight(items: readonly DrawItem[]): void;
  /** Briefly emphasizes a range (after "scroll to it"). */
  flash(range: Range, ms?: number): void;
  /** Removes exactly what this drawing added. */
  remove(): void;
}

/** The slice of the window the Highlight API lives on (typed loosely so tests can provide a mock). */
interface HighlightScope {
  CSS?: { highlights?: HighlightRegistry };
  Highlight?: new (...ranges: AbstractRange[]) => Highlight;
}

function scopeOf(doc: Document): HighlightScope {
  // Content scripts see the page's window through their own globals; prefer the globals (they are what a
  // test mocks), then the document's window.
  const g = globalThis as unknown as HighlightScope;
  if (g.CSS?.highlights && g.Highlight) return g;
  return (doc.defaultView ?? g) as unknown as HighlightScope;
}

/** Whether the CSS Custom Highlight API is usable for `doc`. */
export function supportsHighlights(doc: Document): boolean {
  const s = scopeOf(doc);
  return !!(s.CSS?.highlights && typeof s.Highlight === 'function');
}

/** Draws `items` in `doc`; returns the handle that removes them. */
export function draw(doc: Document, items: readonly DrawItem[], options: DrawOptions = {}): Drawing {
  const mode = options.mode ?? 'auto';
  const useHighlights = mode === 'highlights' || (mode === 'auto' && supportsHighlights(doc));
  return useHighlights ? drawHighlights(doc, items, options) : drawMarks(doc, items, options);
}

function drawHighlights(doc: Document, items: readonly DrawItem[], options: DrawOptions): Drawing {
  const scope = scopeOf(doc);
  const registry = scope.CSS!.highlights!;
  const HighlightCtor = scope.Highlight!;
  const visible = new Map<Category, boolean>(CATEGORIES.map((c) => [c, options.visible?.[c] !== false]));
  const own = new Map<Category, Highlight>();
  // the empty stand-in registered under a concealed category's name
  const standIn = new Map<Category, Highlight>();
  const concealed = new Set<Category>(options.concealed ?? []);
  for (const c of CATEGORIES) {
    const h = new HighlightCtor();
    h.priority = PRIORITY[c];
    own.set(c, h);
    const e = new HighlightCtor();
    e.priority = PRIORITY[c];
    standIn.set(c, e);
  }
  const shown = (c: Category): Highlight => (concealed.has(c) ? standIn.get(c)! : own.get(c)!);
  const ours = (c: Category, h: Highlight | undefined): boolean => h === own.get(c) || h === standIn.get(c);
  const add = (list: readonly DrawItem[]) => {
    for (const it of list) own.get(it.category)?.add(it.range);
  };
  add(items);
  // Register only after filling, so the page is restyled once.
  for (const c of CATEGORIES) if (visible.get(c)) registry.set(highlightName(c), shown(c));

  let flash: Highlight | null = null;
  let flashTimer: ReturnType<typeof setTimeout> | undefined;
  let removed = false;
  let spot: DrawItem[] = [];
  const clearFlash = () => {
    clearTimeout(flashTimer);
    if (flash && registry.get(FLASH_NAME) === flash) registry.delete(FLASH_NAME);
    flash = null;
  };

  return {
    mode: 'highlights',
    add(list) {
      if (!removed) add(list);
    },
    setVisible(category, show) {
      if (removed) return;
      visible.set(category, show);
      const name = highlightName(category);
      if (show) registry.set(name, shown(category));
      else if (ours(category, registry.get(name))) registry.delete(name);
    },
    conceal(category, hide) {
      if (removed) return;
      if (hide) concealed.add(category);
      else concealed.delete(category);
      if (visible.get(category)) registry.set(highlightName(category), shown(category));
    },
    spotlight(list) {
      if (removed) return;
      for (const it of spot) own.get(it.category)?.delete(it.range);
      // never take out a range the drawing itself holds
      spot = list.filter((it) => !own.get(it.category)?.has(it.range));
      add(spot);
    },
    flash(range, ms = 1200) {
      if (removed) return;
      clearFlash();
      flash = new HighlightCtor(range);
      flash.priority = 10;
      registry.set(FLASH_NAME, flash);
      flashTimer = setTimeout(clearFlash, ms);
    },
    remove() {
      if (removed) return;
      removed = true;
      clearFlash();
      for (const c of CATEGORIES) {
        const name = highlightName(c);
        const h = own.get(c)!;
        // Only our own entry: a newer drawing may already have taken the name.
        if (ours(c, registry.get(name))) registry.delete(name);
        h.clear();
      }
      own.clear();
      standIn.clear();
    },
  };
}

/** Whether a text node contains only white space (wrapping it could put text where a table forbids it). */
function blank(t: Text): boolean {
  return !/[^\s\u00a0]/.test(t.data);
}

/** The text nodes a range covers, with the covered [start, end) of each. */
function segments(doc: Document, range: Range): Array<{ node: Text; start: number; end: number }> {
  const out: Array<{ node: Text; start: number; end: number }> = [];
  const root = range.commonAncestorContainer;
  const push = (t: Text) => {
    const start = t === range.startContainer ? range.startOffset : 0;
    const end = t === range.endContainer ? range.endOffset : t.length;
    if (end > start && !blank(t)) out.push({ node: t, start, end });
  };
  if (root.nodeType === 3) {
    push(root as Text);
    return out;
  }
  const walker = doc.createTreeWalker(root, 0x4);
  for (let n = walker.nextNode(); n; n = walker.nextNode()) if (range.intersectsNode(n)) push(n as Text);
  return out;
}

/** A range's boundary points, to put it back after the DOM moved under it. */
type Bounds = [Node, number, Node, number];
const boundsOf = (r: Range): Bounds => [r.startContainer, r.startOffset, r.endContainer, r.endOffset];
function restore(r: Range, b: Bounds): void {
  try {
    r.setStart(b[0], b[1]);
    r.setEnd(b[2], b[3]);
  } catch {
    // a boundary node left the document
  }
}

/** Where a split-off piece of text came from. */
interface Piece {
  orig: Text;
  /** offset of the piece's first character in the original node */
  base: number;
}

function styleMark(mark: HTMLElement, color: string | null): void {
  // Inline !important beats page rules like `:not(:defined) { display: none }` or restyled inline elements.
  mark.style.setProperty('display', 'inline', 'important');
  mark.style.setProperty('visibility', 'inherit', 'important');
  mark.style.setProperty('background-color', color ?? 'transparent', 'important');
  mark.style.setProperty('color', 'inherit', 'important');
}

/**
 * The fallback. Every text node the items touch is split once at every item boundary, and each covered
 * piece is wrapped in one flat `<sourcelight-mark>` listing all categories covering it (no nesting, so
 * overlapping quotes and names never tangle); its color is the top visible one. Moving a text node into a
 * mark would collapse live ranges pointing into it, so the items' ranges are re-pointed after each change
 * — callers keep using them for hit-testing and scrolling. Removal unwraps every mark and merges the pieces
 * back into their original nodes: the DOM is exactly as before.
 */
function drawMarks(doc: Document, initial: readonly DrawItem[], options: DrawOptions): Drawing {
  const colors: Record<Category, string> = { ...DEFAULT_COLORS, ...options.colors };
  const visible = new Map<Category, boolean>(CATEGORIES.map((c) => [c, options.visible?.[c] !== false]));
  const concealed = new Set<Category>(options.concealed ?? []);
  const items: DrawItem[] = [];
  let marks: Array<{ mark: HTMLElement; piece: Text; categories: Category[] }> = [];
  /** original node → its pieces in order (the original itself first) */
  let split = new Map<Text, Text[]>();
  let pieces = new Map<Text, Piece>();
  let removed = false;

  const colorOf = (cats: Category[]): string | null => {
    let best: Category | null = null;
    for (const c of cats)
      if (visible.get(c) && !concealed.has(c) && (best === null || PRIORITY[c] > PRIORITY[best])) best = c;
    return best ? colors[best] : null;
  };

  const apply = () => {
    const segs = items.map((it) => ({ it, segs: segments(doc, it.range) }));
    // 1. split every touched node at every boundary, highest offset first (the original keeps the head)
    const cuts = new Map<Text, Set<number>>();
    for (const { segs: list } of segs)
      for (const sg of list) {
        let set = cuts.get(sg.node);
        if (!set) cuts.set(sg.node, (set = new Set()));
        if (sg.start > 0) set.add(sg.start);
        if (sg.end < sg.node.length) set.add(sg.end);
      }
    for (const [node, set] of cuts) {
      const offsets = [...set].sort((a, b) => b - a);
      const list: Text[] = [];
      for (const off of offsets) list.unshift(node.splitText(off));
      list.unshift(node);
      split.set(node, list);
      let base = 0;
      for (const t of list) {
        pieces.set(t, { orig: node, base });
        base += t.length;
      }
    }
    // 2. which categories cover each piece
    const cover = new Map<Text, Category[]>();
    for (const { it, segs: list } of segs)
      for (const sg of list) {
        let base = 0;
        for (const t of split.get(sg.node) ?? []) {
          const end = base + t.length;
          if (base >= sg.start && end <= sg.end) {
            const cats = cover.get(t) ?? [];
            if (!cats.includes(it.category)) cats.push(it.category);
            cover.set(t, cats);
          }
          base = end;
        }
      }
    // 3. wrap, keeping every item range pointed at the same characters
    const saved = items.map((it) => boundsOf(it.range));
    for (const [piece, cats] of cover) {
      const parent = piece.parentNode;
      if (!parent) continue;
      const mark = doc.createElement(MARK_TAG);
      mark.setAttribute('data-category', cats.join(' '));
      styleMark(mark, colorOf(cats));
      parent.insertBefore(mark, piece);
      mark.appendChild(piece);
      marks.push({ mark, piece, categories: cats });
    }
    items.forEach((it, i) => restore(it.range, saved[i]!));
  };

  const undo = () => {
    // the item ranges in original-node coordinates, to re-point them after the merge
    const toOrig = (n: Node, off: number): [Node, number] => {
      const p = n.nodeType === 3 ? pieces.get(n as Text) : undefined;
      return p ? [p.orig, p.base + off] : [n, off];
    };
    const saved = items.map((it) => {
      const b = boundsOf(it.range);
      return [...toOrig(b[0], b[1]), ...toOrig(b[2], b[3])] as Bounds;
    });
    for (const { mark, piece } of marks) {
      const parent = mark.parentNode;
      if (!parent) continue;
      parent.insertBefore(piece, mark);
      while (mark.firstChild) parent.insertBefore(mark.firstChild, mark);
      parent.removeChild(mark);
    }
    for (const [orig, list] of split) {
      for (const t of list.slice(1)) {
        // only merge a piece that still sits right after its predecessor (the page may have moved it)
        if (t.parentNode && t.previousSibling && pieces.get(t.previousSibling as Text)?.orig === orig) {
          orig.appendData(t.data);
          t.parentNode.removeChild(t);
        }
      }
    }
    marks = [];
    split = new Map();
    pieces = new Map();
    items.forEach((it, i) => restore(it.range, saved[i]!));
  };

  items.push(...initial);
  apply();

  let flashTimer: ReturnType<typeof setTimeout> | undefined;
  let flashed: HTMLElement[] = [];
  const clearFlash = () => {
    clearTimeout(flashTimer);
    for (const m of flashed) m.style.removeProperty('outline');
    flashed = [];
  };

  return {
    mode: 'marks',
    add(list) {
      if (removed || !list.length) return;
      // new boundaries may fall inside existing pieces: redo the whole (small) fallback drawing
      clearFlash();
      undo();
      items.push(...list);
      apply();
    },
    setVisible(category, show) {
      if (removed) return;
      visible.set(category, show);
      for (const m of marks) if (m.categories.includes(category)) styleMark(m.mark, colorOf(m.categories));
    },
    conceal(category, hide) {
      if (removed) return;
      if (hide) concealed.add(category);
      else concealed.delete(category);
      for (const m of marks) if (m.categories.includes(category)) styleMark(m.mark, colorOf(m.categories));
    },
    spotlight() {
      // marks mode: no spotlight (see the interface)
    },
    flash(range, ms = 1200) {
      if (removed) return;
      clearFlash();
      flashed = marks.filter((m) => m.mark.isConnected && range.intersectsNode(m.piece)).map((m) => m.mark);
      for (const m of flashed) m.style.setProperty('outline', '2px solid #d97706', 'important');
      flashTimer = setTimeout(clearFlash, ms);
    },
    remove() {
      if (removed) return;
      removed = true;
      clearFlash();
      undo();
      items.length = 0;
    },
  };
}
