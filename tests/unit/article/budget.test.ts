// @vitest-environment jsdom
// The element budget applies before the live document is cloned (issue 17): a page of a million text
// nodes once cost a 2.8 s task in `cloneNode` before Readability's own budget said "too large". These
// tests assert the outcome (no article) and that no clone happened — never wall time.
import { describe, expect, it, vi } from 'vitest';
import { extractArticle, overBudget, TEXT_NODES_PER_ELEMENT } from '../../../utils/article/extract';

const PARAGRAPH =
  'The council voted on Tuesday to approve the new flood defences, the mayor said in a statement to reporters.';

/** An article-shaped page whose body holds `extraElements` spans and `extraText` loose text nodes. */
function page(extraElements: number, extraText: number): Document {
  const doc = document.implementation.createHTMLDocument('Budget story');
  const article = doc.createElement('article');
  for (let i = 0; i < 8; i++) {
    const p = doc.createElement('p');
    p.textContent = PARAGRAPH;
    article.append(p);
  }
  doc.body.append(article);
  const filler = doc.createElement('div');
  for (let i = 0; i < extraElements; i++) filler.append(doc.createElement('span'));
  // separate text nodes (appendChild never merges them, unlike parsing)
  for (let i = 0; i < extraText; i++) filler.append(doc.createTextNode('x'));
  doc.body.append(filler);
  return doc;
}

describe('extractArticle element budget before cloning', () => {
  it.each<[string, number, number]>([
    ['too many elements', 300, 0],
    ['too many text nodes in few elements', 0, 100 * TEXT_NODES_PER_ELEMENT + 1],
  ])('%s: too large, and the document is never cloned', (_name, elements, texts) => {
    const doc = page(elements, texts);
    const clone = vi.spyOn(doc, 'cloneNode');
    expect(overBudget(doc, 100)).toBe(true);
    expect(extractArticle(doc, { force: true, maxElemsToParse: 100 })).toBeNull();
    expect(clone).not.toHaveBeenCalled();
  });

  it('a large generated page (200k text nodes) under the default budget is too large, without a clone', () => {
    const doc = page(0, 200_000);
    const clone = vi.spyOn(doc, 'cloneNode');
    expect(extractArticle(doc, { force: true })).toBeNull();
    expect(clone).not.toHaveBeenCalled();
  });

  it('the walk stops at the budget: it visits at most budget × TEXT_NODES_PER_ELEMENT + 1 nodes', () => {
    const doc = page(0, 50_000);
    const real = doc.createTreeWalker.bind(doc);
    let steps = 0;
    vi.spyOn(doc, 'createTreeWalker').mockImplementation((root, what) => {
      const w = real(root, what);
      const next = w.nextNode.bind(w);
      w.nextNode = () => (steps++, next());
      return w;
    });
    expect(overBudget(doc, 100)).toBe(true);
    expect(steps).toBe(100 * TEXT_NODES_PER_ELEMENT + 1);
  });

  it('a page within the budget is still extracted (cloned once)', () => {
    const doc = page(5, 5);
    const clone = vi.spyOn(doc, 'cloneNode');
    expect(overBudget(doc, 1000)).toBe(false);
    expect(extractArticle(doc, { force: true, maxElemsToParse: 1000 })?.text).toContain('flood defences');
    expect(clone).toHaveBeenCalledTimes(1);
  });

  it('budget 0 means no budget', () => {
    expect(overBudget(page(300, 300), 0)).toBe(false);
  });
});
