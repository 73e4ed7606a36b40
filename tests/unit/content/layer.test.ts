// @vitest-environment jsdom
/**
 * The content script's drawn layer and item keys: ranges, items, hit index and drawing kept in step
 * (jsdom has no Highlight API, so a minimal mock stands in, as in tests/unit/highlight/draw.test.ts), and
 * the one decoder of panel-model keys.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { highlightName } from '../../../utils/highlight/draw';
import {
  entityOf,
  mentionKey,
  noteItem,
  noteKey,
  parseKey,
  quoteKey,
  type Item,
} from '../../../entrypoints/article.content/keys';
import { DrawnLayer, pick, type Quiet } from '../../../entrypoints/article.content/layer';

class MockHighlight extends Set<AbstractRange> {
  priority = 0;
  constructor(...ranges: AbstractRange[]) {
    super(ranges);
  }
}

const g = globalThis as unknown as { Highlight?: unknown; CSS?: { highlights?: Map<string, Set<AbstractRange>> } };
let registry: Map<string, Set<AbstractRange>>;
let savedCss: unknown;

beforeEach(() => {
  registry = new Map();
  savedCss = g.CSS;
  g.Highlight = MockHighlight;
  g.CSS = { ...(g.CSS ?? {}), highlights: registry };
  document.body.innerHTML = '<p>Maria Lopes said "the port will reopen" in Lisbon.</p>'; // test fixture
});
afterEach(() => {
  delete g.Highlight;
  g.CSS = savedCss as typeof g.CSS;
});

function rangeOf(text: string): Range {
  const t = document.querySelector('p')!.firstChild as Text;
  const at = t.data.indexOf(text);
  const r = document.createRange();
  r.setStart(t, at);
  r.setEnd(t, at + text.length);
  return r;
}

const size = (name: string): number => registry.get(name)?.size ?? 0;

/** A layer whose quiet wrapper counts the DOM changes it was asked to keep quiet. */
function makeLayer(): { layer: DrawnLayer; quiet: ReturnType<typeof vi.fn> } {
  const quiet = vi.fn(<T>(work: () => T): T => work());
  return { layer: new DrawnLayer(document, quiet as unknown as Quiet), quiet };
}

const maria: Item = { kind: 'mention', key: mentionKey(0, 0), entity: 0, type: 'person', start: 0, end: 11 };
const lisbon: Item = { kind: 'mention', key: mentionKey(1, 0), entity: 1, type: 'place', start: 41, end: 47 };
const quote: Item = { kind: 'quote', key: quoteKey(0), quote: 0, start: 17, end: 39 };
const categoryOf = (i: Item) => (i.kind === 'note' ? 'note' : i.kind === 'mention' ? i.type : 'quote');

describe('item keys', () => {
  it('decodes every key shape the panel model makes, and nothing else', () => {
    expect(parseKey('e3')).toEqual({ kind: 'entity', entity: 3 });
    expect(parseKey(mentionKey(3, 1))).toEqual({ kind: 'mention', entity: 3, mention: 1 });
    expect(parseKey(quoteKey(2))).toEqual({ kind: 'quote', quote: 2 });
    expect(parseKey(noteKey('a:b'))).toEqual({ kind: 'note', id: 'a:b' });
    expect(parseKey('x1')).toBeNull();
    expect(entityOf('e12')).toBe(12);
    expect(entityOf(mentionKey(1, 2))).toBeNull();
    expect(entityOf(null)).toBeNull();
    expect(noteItem('r1')).toEqual({ kind: 'note', key: 'n:r1', id: 'r1' });
  });
});

describe('DrawnLayer', () => {
  it('remembers every anchored item but colours and hit-tests only the shown ones', () => {
    const { layer, quiet } = makeLayer();
    const anchored = [
      { id: maria.key, range: rangeOf('Maria Lopes'), start: 0 },
      { id: lisbon.key, range: rangeOf('Lisbon'), start: 41 },
    ];
    const orphan = noteItem('gone');
    const items = layer.index(anchored, [maria, lisbon, orphan], new Set([maria.key]), categoryOf);
    expect(items.map((i) => i.category)).toEqual(['person']);
    layer.redraw(items, {});
    expect(quiet).toHaveBeenCalled();
    expect(layer.mode).toBe('highlights');
    expect(size(highlightName('person'))).toBe(1);
    expect(size(highlightName('place'))).toBe(0);
    // both anchored (jumps reach Lisbon), the orphan is known but has no range
    expect(layer.anchoredKeys()).toEqual(new Set([maria.key, lisbon.key]));
    expect(layer.item(orphan.key)).toEqual(orphan);
    expect(layer.has(orphan.key)).toBe(false);
    // the caret over Lisbon finds nothing (not shown), over Maria finds her
    const t = document.querySelector('p')!.firstChild as Text;
    expect(layer.atCaret({ node: t, offset: 43 })).toBeNull();
    expect(layer.atCaret({ node: t, offset: 3 })).toEqual(maria);
  });

  it('spotlights only ranges not coloured already, and clears the spotlight on null', () => {
    const { layer } = makeLayer();
    const other: Item = { ...maria, key: mentionKey(0, 1), start: 41, end: 47 };
    const items = layer.index(
      [
        { id: maria.key, range: rangeOf('Maria Lopes'), start: 0 },
        { id: other.key, range: rangeOf('Lisbon'), start: 41 },
      ],
      [maria, other],
      new Set([maria.key]),
      categoryOf,
    );
    layer.redraw(items, {});
    layer.spotlight('person', [maria.key, other.key, mentionKey(0, 9)]);
    const spot = [...registry.entries()].filter(([, h]) => [...h].some((r) => r.toString() === 'Lisbon'));
    expect(spot).toHaveLength(1);
    layer.spotlight(null, []);
    expect([...registry.values()].some((h) => [...h].some((r) => r.toString() === 'Lisbon'))).toBe(false);
  });

  it('adds notes in one step: range, item, hit and drawing (drawing from nothing when needed)', () => {
    const { layer } = makeLayer();
    layer.addNotes([], {});
    expect(layer.mode).toBeNull();
    const r = rangeOf('the port will reopen');
    layer.addNotes([{ id: 'n1', range: r, order: Number.MAX_SAFE_INTEGER }], {});
    expect(layer.mode).toBe('highlights');
    expect(layer.range(noteKey('n1'))).toBe(r);
    expect(layer.item(noteKey('n1'))).toEqual(noteItem('n1'));
    expect(size(highlightName('note'))).toBe(1);
    // a second note joins the same drawing
    layer.addNotes([{ id: 'n2', range: rangeOf('Lisbon'), order: 41 }], {});
    expect(size(highlightName('note'))).toBe(2);
    // notes are drawn but never picked for a card
    const t = document.querySelector('p')!.firstChild as Text;
    expect(layer.atCaret({ node: t, offset: 20 })).toBeNull();
  });

  it('picks the mention inside a quote over the quote, and never a note', () => {
    const r = rangeOf('port');
    const hit = (data: Item) => ({ layer: data.kind, order: 0, range: r, data });
    expect(pick([hit(quote), hit(maria)])).toEqual(maria);
    expect(pick([hit(noteItem('x')), hit(quote)])).toEqual(quote);
    expect(pick([hit(noteItem('x'))])).toBeNull();
  });

  it('a redraw replaces the old drawing; clear removes everything and forgets every item', () => {
    const { layer } = makeLayer();
    const anchored = [{ id: quote.key, range: rangeOf('the port will reopen'), start: 17 }];
    layer.redraw(layer.index(anchored, [quote], new Set([quote.key]), categoryOf), {});
    layer.redraw(layer.index(anchored, [quote], new Set([quote.key]), categoryOf), {});
    expect(size(highlightName('quote'))).toBe(1);
    expect(layer.broken()).toBe(false);
    // a range into nodes that left the page (live ranges follow removals, so build one out of the page)
    const gone = document.createElement('p');
    gone.textContent = 'the port will reopen';
    const stale = document.createRange();
    stale.selectNodeContents(gone.firstChild!);
    layer.index([{ id: quote.key, range: stale, start: 17 }], [quote], new Set(), categoryOf);
    expect(layer.broken()).toBe(true);
    layer.clear();
    expect(layer.mode).toBeNull();
    expect(size(highlightName('quote'))).toBe(0);
    expect(layer.item(quote.key)).toBeUndefined();
    expect(layer.anchoredKeys().size).toBe(0);
  });
});
