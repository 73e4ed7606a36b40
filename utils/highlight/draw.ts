/**
 * Drawing highlights (DOM layer). With the CSS Custom Highlight API, one `Highlight` per category is
 * registered in `CSS.highlights` as `sourcelight-<category>`: the page's DOM is never touched, and a
 * category toggle is one registry delete/set. Where the API is missing, each range is wrapped in a
 * `<sourcelight-mark>` element instead, recording every text-node split so removal restores the DOM
 * exactly. Either way `draw` returns a handle that removes exactly what it added — nothing else.
 */

/** The highlight categories, in drawing order (later ones win where they overlap). */
export const CATEGORIES = ['quote', 'anonymous', 'place', 'organization', 'person', 'note'] as const;
export type Category = (typeof CATEGORIES)[number];

/** The registry name of a category's highlight ("sourcelight-person"). */
export function highlightName(category: Category): `sourcelight-${Category}` {
  return `sourcelight-${category}`;
}

/** The transient highlight used to flash an item the reader jumped to. */
export const FLASH_NAME = 'sourcelight-flash';

/** The fallback wrapper element's tag name. */
export const MARK_TAG = 'sourcelight-mark';

/** Default colors (also used by the fallback marks, which cannot read `::highlight` rules). */
export const DEFAULT_COLORS: Record<Category, string> = {
  person: '#ffd6a5',
  organization: '#bde0fe',
  place: '#caffbf',
  quote: '#e9d8fd',
  anonymous: '#ffadad',
  note: '#fff3a3',
};

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
}

/** A drawing in the page; every method is safe to call after `remove`. */
export interface Drawing {
  readonly mode: 'highlights' | 'marks';
  /** Adds more ranges (a note just saved). */
  add(items: readonly DrawItem[]): void;
  /** Shows or hides a category at once. */
  setVisible(category: Category, visible: boolean): void;
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
  for (const c of CATEGORIES) {
    const h = new HighlightCtor();
    h.priority = PRIORITY[c];
    own.set(c, h);
  }
  const add = (list: readonly DrawItem[]) => {
    for (const it of list) own.get(it.category)?.add(it.range);
  };
  add(items);
  // Register only after filling, so the page is restyled once.
  for (const c of CATEGORIES) if (visible.get(c)) registry.set(highlightName(c), own.get(c)!);

  let flash: Highlight | null = null;
  let flashTimer: ReturnType<typeof setTimeout> | undefined;
  let removed = false;
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
      const h = own.get(category)!;
      if (show) registry.set(name, h);
      else if (registry.get(name) === h) registry.delete(name);
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
        if (registry.get(name) === h) registry.delete(name);
        h.clear();
      }
      own.clear();
    },
  };
}

/** One wrap done by the fallback: the mark, the text it wraps, and the split-off neighbours. */
interface Wrap {
  mark: HTMLElement;
  text: Text;
  head: Text | null;
  tail: Text | null;
  category: Category;
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

function styleMark(mark: HTMLElement, color: string, shown: boolean): void {
  // Inline !important beats page rules like `:not(:defined) { display: none }` or restyled inline elements.
  mark.style.setProperty('display', 'inline', 'important');
  mark.style.setProperty('visibility', 'inherit', 'important');
  mark.style.setProperty('background-color', shown ? color : 'transparent', 'important');
  mark.style.setProperty('color', 'inherit', 'important');
}

function drawMarks(doc: Document, items: readonly DrawItem[], options: DrawOptions): Drawing {
  const colors: Record<Category, string> = { ...DEFAULT_COLORS, ...options.colors };
  const visible = new Map<Category, boolean>(CATEGORIES.map((c) => [c, options.visible?.[c] !== false]));
  const wraps: Wrap[] = [];
  let removed = false;

  const wrap = (item: DrawItem) => {
    // Segments first, then split: splitting updates live ranges, and the list is fixed before any change.
    for (const seg of segments(doc, item.range)) {
      const t = seg.node;
      const parent = t.parentNode;
      if (!parent) continue;
      const tail = seg.end < t.length ? t.splitText(seg.end) : null;
      const mid = seg.start > 0 ? t.splitText(seg.start) : t;
      const head = mid === t ? null : t;
      const mark = doc.createElement(MARK_TAG);
      mark.setAttribute('data-category', item.category);
      styleMark(mark, colors[item.category], visible.get(item.category)!);
      mid.parentNode!.insertBefore(mark, mid);
      mark.appendChild(mid);
      wraps.push({ mark, text: mid, head, tail, category: item.category });
    }
  };
  // Long ranges (quotes) first, so entity marks nest inside quote marks rather than splitting them.
  const ordered = [...items].sort((a, b) => b.range.toString().length - a.range.toString().length);
  for (const it of ordered) wrap(it);

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
      if (removed) return;
      for (const it of list) wrap(it);
    },
    setVisible(category, show) {
      if (removed) return;
      visible.set(category, show);
      for (const w of wraps) if (w.category === category) styleMark(w.mark, colors[category], show);
    },
    flash(range, ms = 1200) {
      if (removed) return;
      clearFlash();
      flashed = wraps.filter((w) => w.mark.isConnected && range.intersectsNode(w.text)).map((w) => w.mark);
      for (const m of flashed) m.style.setProperty('outline', '2px solid #d97706', 'important');
      flashTimer = setTimeout(clearFlash, ms);
    },
    remove() {
      if (removed) return;
      removed = true;
      clearFlash();
      // Undo in reverse order: each step sees the DOM exactly as the matching wrap left it.
      for (let i = wraps.length - 1; i >= 0; i--) {
        const { mark, text, head, tail } = wraps[i]!;
        const parent = mark.parentNode;
        if (parent) {
          while (mark.firstChild) parent.insertBefore(mark.firstChild, mark);
          parent.removeChild(mark);
        }
        if (tail && tail.parentNode && tail.parentNode === text.parentNode && text.nextSibling === tail) {
          text.appendData(tail.data);
          tail.parentNode.removeChild(tail);
        }
        if (head && head.parentNode && head.parentNode === text.parentNode && head.nextSibling === text) {
          head.appendData(text.data);
          text.parentNode!.removeChild(text);
        }
      }
      wraps.length = 0;
    },
  };
}
