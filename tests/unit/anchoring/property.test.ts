// @vitest-environment jsdom
/**
 * Property-based anchoring round trip (fast-check): save a selector for a random selection of a random text,
 * edit the text at random, re-anchor. The promise under test is "the same text or an orphan — never wrong
 * text": for the pure `locateExact`, and for the live-page `Anchorer` (utils/anchoring/anchor.ts) on a jsdom
 * document built from the edited text, including its fuzzy path, whose result may differ from the saved
 * quote by at most the edit budget the anchorer allows itself.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { anchor } from '../../../utils/anchoring/anchor';
import {
  fold,
  locateExact,
  quoteSelector,
  squeeze as liveSqueeze,
  squeezeWithMap,
} from '../../../utils/anchoring/selectors';
import { articleText } from '../../../utils/article/text';

/** The selector-matching key: white space and invisible characters removed. */
const squeeze = (s: string) => fold(s).replace(/ /g, '');

/** Few distinct tokens, so texts repeat themselves and every selection has look-alikes to be confused with. */
const TOKENS = ['the', 'minister', 'said', 'plan', 'works', 'Diop', 'a', 'ab', 'é', '“', '”', '.', ',', '😀'];
const SEPARATORS = [' ', ' ', ' ', '  ', '\n', '\n\n', '\u00a0', '\u00ad', '\u200b', '\t'];

/** Random article-like text: tokens joined by random white space (and invisible characters). */
const textArb = fc
  .array(fc.tuple(fc.constantFrom(...TOKENS), fc.constantFrom(...SEPARATORS)), { minLength: 1, maxLength: 80 })
  .map((parts) => parts.map(([t, s]) => t + s).join(''));

/** Raw code-unit text over a tiny alphabet (lone surrogates and invisibles included): the hostile variant. */
const rawTextArb = fc.string({
  unit: fc.constantFrom('a', 'b', 'A', ' ', '\n', '\u00ad', '\u200d', '\ud83d', '\ude00', '“', '.'),
  minLength: 1,
  maxLength: 120,
});

/** An edit: at a position (as a fraction of the allowed span), delete some characters, insert some text. */
interface Edit {
  at: number;
  del: number;
  ins: string;
}
const editArb: fc.Arbitrary<Edit> = fc.record({
  at: fc.double({ min: 0, max: 1, noNaN: true }),
  del: fc.nat({ max: 6 }),
  ins: fc.oneof(
    fc.constant(''),
    textArb.map((s) => s.slice(0, 12)),
    fc.constantFrom(' ', '\n\n', 'x', 'Diop'),
  ),
});

/** A selection as fractions of the text, turned into offsets with start < end. */
const selArb = fc.tuple(fc.double({ min: 0, max: 1, noNaN: true }), fc.double({ min: 0, max: 1, noNaN: true }));
function offsets(text: string, [a, b]: [number, number]): { start: number; end: number } {
  let start = Math.floor(Math.min(a, b) * text.length);
  let end = Math.ceil(Math.max(a, b) * text.length);
  if (end <= start) end = Math.min(text.length, start + 1);
  if (end <= start) start = Math.max(0, end - 1);
  return { start, end };
}

/**
 * Applies edits that never touch [start, end): each lands wholly before or wholly after the selection.
 * Returns the new text and where the selection moved.
 */
function editOutside(text: string, start: number, end: number, edits: Edit[]) {
  let t = text;
  let s = start;
  let e = end;
  for (const [k, ed] of edits.entries()) {
    if (k % 2 === 0) {
      // before: the edit's deleted span stays within [0, s)
      const at = Math.floor(ed.at * s);
      const del = Math.min(ed.del, s - at);
      t = t.slice(0, at) + ed.ins + t.slice(at + del);
      s += ed.ins.length - del;
      e += ed.ins.length - del;
    } else {
      const at = e + Math.floor(ed.at * (t.length - e));
      const del = Math.min(ed.del, t.length - at);
      t = t.slice(0, at) + ed.ins + t.slice(at + del);
    }
  }
  return { text: t, start: s, end: e };
}

/** Applies edits anywhere (inside the selection too). */
function editAnywhere(text: string, edits: Edit[]): string {
  let t = text;
  for (const ed of edits) {
    const at = Math.floor(ed.at * t.length);
    t = t.slice(0, at) + ed.ins + t.slice(at + Math.min(ed.del, t.length - at));
  }
  return t;
}

/** Levenshtein distance (small strings only). */
function editDistance(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    for (let j = 1; j <= b.length; j++)
      cur[j] = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    prev = cur;
  }
  return prev[b.length]!;
}

/** How many times `needle` occurs in `hay` (overlapping). */
function occurrences(hay: string, needle: string): number {
  let n = 0;
  for (let i = hay.indexOf(needle); i >= 0; i = hay.indexOf(needle, i + 1)) n++;
  return n;
}

const RUNS = { numRuns: 300 };

describe('locateExact round trip (pure)', () => {
  it('re-anchors an unedited text to the same text, and to the same place when it is unique', () => {
    fc.assert(
      fc.property(fc.oneof(textArb, rawTextArb), selArb, (text, frac) => {
        const { start, end } = offsets(text, frac);
        const sel = quoteSelector(text, start, end);
        const got = locateExact(text, sel, { start, end });
        if (!squeeze(sel.exact)) return got === null;
        expect(got).not.toBeNull();
        expect(squeeze(text.slice(got!.start, got!.end))).toBe(squeeze(sel.exact));
        if (occurrences(squeezeWithMap(text).text, squeeze(sel.exact)) === 1) {
          expect(got!.start).toBeGreaterThanOrEqual(start);
          expect(got!.end).toBeLessThanOrEqual(end);
        }
        return true;
      }),
      RUNS,
    );
  });

  it('edits outside the selection: same text (same place when unique), never an orphan', () => {
    fc.assert(
      fc.property(fc.oneof(textArb, rawTextArb), selArb, fc.array(editArb, { maxLength: 6 }), (text, frac, edits) => {
        const { start, end } = offsets(text, frac);
        const sel = quoteSelector(text, start, end);
        const want = squeeze(sel.exact);
        const moved = editOutside(text, start, end, edits);
        const got = locateExact(moved.text, sel, { start: moved.start, end: moved.end });
        if (!want) return got === null;
        // the selected text is still there, so it must be found, and found as itself
        expect(got).not.toBeNull();
        expect(squeeze(moved.text.slice(got!.start, got!.end))).toBe(want);
        if (occurrences(squeezeWithMap(moved.text).text, want) === 1) {
          expect(got!.start).toBeGreaterThanOrEqual(moved.start);
          expect(got!.end).toBeLessThanOrEqual(moved.end);
        }
        return true;
      }),
      RUNS,
    );
  });

  it('edits anywhere (inside the selection too): the same text or an orphan, never other text', () => {
    fc.assert(
      fc.property(
        fc.oneof(textArb, rawTextArb),
        selArb,
        fc.array(editArb, { minLength: 1, maxLength: 6 }),
        (text, frac, edits) => {
          const { start, end } = offsets(text, frac);
          const sel = quoteSelector(text, start, end);
          const edited = editAnywhere(text, edits);
          const got = locateExact(edited, sel);
          if (got === null) return true; // orphan: allowed
          expect(got.start).toBeGreaterThanOrEqual(0);
          expect(got.end).toBeLessThanOrEqual(edited.length);
          expect(squeeze(edited.slice(got.start, got.end))).toBe(squeeze(sel.exact));
          return true;
        },
      ),
      RUNS,
    );
  });

  it('white space and invisible characters inserted anywhere never lose the selection', () => {
    fc.assert(
      fc.property(
        textArb,
        selArb,
        fc.array(
          fc.record({
            at: fc.double({ min: 0, max: 1, noNaN: true }),
            ins: fc.constantFrom(' ', '\n\n', '\u200b', '\u00ad', '\t', '\u00a0'),
          }),
          {
            minLength: 1,
            maxLength: 10,
          },
        ),
        (text, frac, inserts) => {
          const { start, end } = offsets(text, frac);
          const sel = quoteSelector(text, start, end);
          const edited = editAnywhere(
            text,
            inserts.map((i) => ({ ...i, del: 0 })),
          );
          const got = locateExact(edited, sel);
          if (!squeeze(sel.exact)) return got === null;
          expect(got).not.toBeNull();
          expect(squeeze(edited.slice(got!.start, got!.end))).toBe(squeeze(sel.exact));
          return true;
        },
      ),
      RUNS,
    );
  });
});

/** Builds the live page for `text` in the test document: one <p> per paragraph, text set as text. */
function pageFor(text: string): { root: HTMLElement; article: string } {
  const root = document.createElement('article');
  for (const para of text.split(/\n\s*\n/)) {
    const p = document.createElement('p');
    p.textContent = para;
    root.appendChild(p);
  }
  document.body.replaceChildren(root);
  return { root, article: articleText(root) };
}

/** The anchored text of a target, squeezed the way the anchorer squeezes the page. */
const liveText = (r: Range) => liveSqueeze(r.toString());

describe('Anchorer round trip on a live (jsdom) page', () => {
  it('edits outside the selection: anchors to the original text, never elsewhere', () => {
    fc.assert(
      fc.property(textArb, selArb, fc.array(editArb, { maxLength: 6 }), (text, frac, edits) => {
        const { start, end } = offsets(text, frac);
        const sel = quoteSelector(text, start, end);
        const want = liveSqueeze(sel.exact);
        const moved = editOutside(text, start, end, edits);
        const page = pageFor(moved.text);
        const res = anchor(page.root, page.article, [{ id: 'x', quote: sel, position: { start, end } }]);
        expect(res.anchored.length + res.orphans.length).toBe(1);
        if (!want) return res.anchored.length === 0;
        const hit = res.anchored[0];
        if (!hit) return true; // orphan is allowed by the contract (see the counting test below)
        expect(liveText(hit.range)).toBe(want);
        return true;
      }),
      RUNS,
    );
  });

  it('edits touching the selection: exact hits are the saved text, fuzzy hits stay within the edit budget', () => {
    let fuzzy = 0;
    fc.assert(
      fc.property(textArb, selArb, fc.array(editArb, { minLength: 1, maxLength: 4 }), (text, frac, edits) => {
        const { start, end } = offsets(text, frac);
        const sel = quoteSelector(text, start, end);
        const want = liveSqueeze(sel.exact);
        // aim every edit inside the selection
        const inside = edits.map((ed) => ({ ...ed, at: (start + ed.at * (end - start)) / Math.max(1, text.length) }));
        const page = pageFor(editAnywhere(text, inside));
        const res = anchor(page.root, page.article, [{ id: 'x', quote: sel, position: { start, end } }]);
        const hit = res.anchored[0];
        if (!hit) return true; // orphan
        const got = liveText(hit.range);
        expect(hit.end - hit.start).toBe(got.length);
        if (hit.method === 'fuzzy') {
          fuzzy++;
          // the anchorer's own budget: at most min(32, len/4) errors on the squeezed quote
          expect(editDistance(got, want)).toBeLessThanOrEqual(Math.min(32, Math.floor(want.length / 4)));
        } else {
          expect(got).toBe(want);
        }
        return true;
      }),
      { numRuns: 400 },
    );
    // the fuzzy path must actually have been exercised for the property to mean anything
    expect(fuzzy).toBeGreaterThan(0);
  });

  it('anchors (not orphans) a selection whose text is untouched in the page', () => {
    let orphans = 0;
    let total = 0;
    fc.assert(
      fc.property(textArb, selArb, fc.array(editArb, { maxLength: 4 }), (text, frac, edits) => {
        const { start, end } = offsets(text, frac);
        const sel = quoteSelector(text, start, end);
        if (!liveSqueeze(sel.exact)) return true;
        const moved = editOutside(text, start, end, edits);
        const page = pageFor(moved.text);
        total++;
        if (anchor(page.root, page.article, [{ id: 'x', quote: sel, position: null }]).orphans.length) orphans++;
        return true;
      }),
      RUNS,
    );
    expect(orphans).toBe(0);
    expect(total).toBeGreaterThan(100);
  });
});
