// @vitest-environment jsdom
/**
 * Drawing: one Highlight per category in CSS.highlights (jsdom has no Highlight API, so a minimal mock of
 * `Highlight` and `CSS.highlights` stands in; the real API is exercised in E2E), and the fallback marks —
 * each with a tested exact inverse.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CATEGORIES } from '../../../utils/highlight/categories';
import { draw, FLASH_NAME, highlightName, MARK_TAG, supportsHighlights } from '../../../utils/highlight/draw';
import { highlightCss } from '../../../utils/highlight/styles';

class MockHighlight extends Set<AbstractRange> {
  priority = 0;
  constructor(...ranges: AbstractRange[]) {
    super(ranges);
  }
}

const g = globalThis as unknown as { Highlight?: unknown; CSS?: { highlights?: Map<string, unknown> } };
let registry: Map<string, unknown>;
let savedCss: unknown;

function installMock() {
  registry = new Map();
  savedCss = g.CSS;
  g.Highlight = MockHighlight;
  g.CSS = { ...(g.CSS ?? {}), highlights: registry };
}

function uninstallMock() {
  delete g.Highlight;
  g.CSS = savedCss as typeof g.CSS;
}

function page(html: string): HTMLElement {
  document.body.innerHTML = html; // test fixture, not page-derived
  return document.body;
}

/** A range over the first occurrence of `text` inside one text node of `root`. */
function rangeOf(root: Node, text: string): Range {
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    const at = (n as Text).data.indexOf(text);
    if (at >= 0) {
      const r = document.createRange();
      r.setStart(n, at);
      r.setEnd(n, at + text.length);
      return r;
    }
  }
  throw new Error(`not found: ${text}`);
}

describe('draw with the Highlight API', () => {
  beforeEach(installMock);
  afterEach(uninstallMock);

  it('registers one highlight per category under the six names, and removes exactly those', () => {
    const root = page('<p>Maria Lopes met officials in Lisbon.</p>');
    registry.set('page-own', new MockHighlight());
    expect(supportsHighlights(document)).toBe(true);
    const d = draw(document, [
      { category: 'person', range: rangeOf(root, 'Maria Lopes') },
      { category: 'place', range: rangeOf(root, 'Lisbon') },
    ]);
    expect(d.mode).toBe('highlights');
    expect([...registry.keys()].sort()).toEqual(['page-own', ...CATEGORIES.map(highlightName)].sort());
    expect((registry.get('sourcelight-person') as MockHighlight).size).toBe(1);
    expect((registry.get('sourcelight-person') as MockHighlight).priority).toBeGreaterThan(
      (registry.get('sourcelight-quote') as MockHighlight).priority,
    );
    d.flash(rangeOf(root, 'Lisbon'));
    expect(registry.has(FLASH_NAME)).toBe(true);
    d.remove();
    expect([...registry.keys()]).toEqual(['page-own']);
    expect(root.innerHTML).toBe('<p>Maria Lopes met officials in Lisbon.</p>');
    d.remove(); // idempotent
    expect([...registry.keys()]).toEqual(['page-own']);
  });

  it('toggles a category by removing and re-adding its registry entry', () => {
    const root = page('<p>Maria Lopes in Lisbon.</p>');
    const d = draw(document, [{ category: 'person', range: rangeOf(root, 'Maria') }], { visible: { place: false } });
    expect(registry.has('sourcelight-place')).toBe(false);
    d.setVisible('person', false);
    expect(registry.has('sourcelight-person')).toBe(false);
    d.setVisible('person', true);
    expect((registry.get('sourcelight-person') as MockHighlight).size).toBe(1);
    d.add([{ category: 'note', range: rangeOf(root, 'Lisbon') }]);
    expect((registry.get('sourcelight-note') as MockHighlight).size).toBe(1);
    d.remove();
    expect(registry.size).toBe(0);
  });

  it('does not delete a newer drawing’s entries when an old one is removed', () => {
    const root = page('<p>Maria Lopes in Lisbon.</p>');
    const old = draw(document, [{ category: 'person', range: rangeOf(root, 'Maria') }]);
    const next = draw(document, [{ category: 'person', range: rangeOf(root, 'Lopes') }]);
    old.remove();
    expect(registry.get('sourcelight-person')).toBeDefined();
    next.remove();
    expect(registry.size).toBe(0);
  });
});

describe('fallback marks (no Highlight API)', () => {
  it('is chosen when the API is missing, and keeps the item ranges on their text', () => {
    const root = page('<p>Maria <b>Lopes</b> said "we will build it" in Lisbon.</p>');
    expect(supportsHighlights(document)).toBe(false);
    const person = rangeOf(root, 'Maria');
    const place = rangeOf(root, 'Lisbon');
    const d = draw(document, [
      { category: 'person', range: person },
      { category: 'place', range: place },
    ]);
    expect(d.mode).toBe('marks');
    expect(person.toString()).toBe('Maria');
    expect(place.toString()).toBe('Lisbon');
    d.remove();
    expect(person.toString()).toBe('Maria');
    expect(root.innerHTML).toBe('<p>Maria <b>Lopes</b> said "we will build it" in Lisbon.</p>');
  });

  it('removal is the exact inverse, nested marks included', () => {
    const html = '<p>Maria <b>Lopes</b> said "we will build it" in Lisbon.</p><p>Porto</p>';
    const root = page(html);
    const p = root.querySelector('p')!;
    let textNodes = 0;
    const w = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    while (w.nextNode()) textNodes++;
    const quote = document.createRange();
    quote.setStart(p.firstChild!, 0);
    quote.setEnd(p.lastChild!, 20);
    const d = draw(
      document,
      [
        { category: 'person', range: rangeOf(root, 'Maria') },
        { category: 'quote', range: quote },
        { category: 'place', range: rangeOf(root, 'Lisbon') },
        { category: 'place', range: rangeOf(root, 'Porto') },
      ],
      { mode: 'marks' },
    );
    // overlapping quote and name: flat marks, the name's piece listing both categories
    const maria = root.querySelector(`${MARK_TAG}[data-category~=person]`)!;
    expect(maria.textContent).toBe('Maria');
    expect(maria.getAttribute('data-category')).toBe('person quote');
    expect(root.querySelector(`${MARK_TAG} ${MARK_TAG}`)).toBeNull();
    expect(root.textContent).toBe('Maria Lopes said "we will build it" in Lisbon.Porto');
    expect(root.innerHTML).not.toBe(html);
    d.setVisible('place', false);
    const place = root.querySelector<HTMLElement>(`${MARK_TAG}[data-category~=place]`)!;
    expect(place.style.getPropertyValue('background-color')).toBe('transparent');
    d.add([{ category: 'note', range: rangeOf(root, 'will') }]);
    d.flash(rangeOf(root, 'Porto'));
    d.remove();
    expect(root.innerHTML).toBe(html);
    let after = 0;
    const w2 = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    while (w2.nextNode()) after++;
    expect(after).toBe(textNodes);
  });

  it('protects marks from page CSS that hides custom elements (inline !important)', () => {
    const root = page('<p>Lisbon</p>');
    const d = draw(document, [{ category: 'place', range: rangeOf(root, 'Lisbon') }], { mode: 'marks' });
    const m = root.querySelector<HTMLElement>(MARK_TAG)!;
    expect(m.style.getPropertyValue('display')).toBe('inline');
    expect(m.style.getPropertyPriority('display')).toBe('important');
    d.remove();
    expect(root.innerHTML).toBe('<p>Lisbon</p>');
  });

  it('skips white-space-only text nodes (no text where a table forbids it)', () => {
    const root = page('<table><tbody><tr><td>Porto</td> <td>Faro</td></tr></tbody></table>');
    const before = root.innerHTML;
    const r = document.createRange();
    r.selectNodeContents(root.querySelector('tr')!);
    const d = draw(document, [{ category: 'place', range: r }], { mode: 'marks' });
    expect(root.querySelectorAll(MARK_TAG).length).toBe(2);
    d.remove();
    expect(root.innerHTML).toBe(before);
  });
});

describe('highlightCss', () => {
  it('writes one rule per category and refuses colors that are not #rrggbb', () => {
    const css = highlightCss({ person: '#123456', place: 'red; } body { display: none' });
    expect(css).toContain('::highlight(sourcelight-person) { background-color: #123456;');
    expect(css).not.toContain('display: none');
    for (const c of CATEGORIES) expect(css).toContain(`::highlight(${highlightName(c)})`);
  });
});

describe('spotlight (every mention while its panel row is hovered)', () => {
  beforeEach(installMock);
  afterEach(uninstallMock);

  it('adds the extra ranges, and the next call (or an empty one) takes exactly them out again', () => {
    const root = page('<p>Maria Lopes met Lopes and Lopes.</p>');
    const first = rangeOf(root, 'Maria Lopes');
    const text = root.querySelector('p')!.firstChild as Text;
    const later = (from: number) => {
      const r = document.createRange();
      const at = text.data.indexOf('Lopes', from);
      r.setStart(text, at);
      r.setEnd(text, at + 5);
      return r;
    };
    const second = later(12);
    const third = later(23);
    const d = draw(document, [{ category: 'person', range: first }], { mode: 'highlights' });
    const person = () => registry.get(highlightName('person')) as MockHighlight;
    expect([...person()]).toEqual([first]);
    d.spotlight([
      { category: 'person', range: second },
      { category: 'person', range: third },
    ]);
    expect(person().size).toBe(3);
    // a range the drawing holds itself is never taken out by a spotlight
    d.spotlight([{ category: 'person', range: first }]);
    d.spotlight([]);
    expect([...person()]).toEqual([first]);
    d.remove();
    expect(registry.has(highlightName('person'))).toBe(false);
  });

  it('the marks fallback leaves the page alone', () => {
    const root = page('<p>Maria Lopes met Lopes.</p>');
    const before = root.innerHTML;
    const d = draw(document, [], { mode: 'marks' });
    d.spotlight([{ category: 'person', range: rangeOf(root, 'Lopes') }]);
    expect(root.innerHTML).toBe(before);
    d.remove();
  });
});
