// @vitest-environment jsdom
/**
 * Hit-testing by caret position: the item whose range contains the caret, per layer, by binary search.
 */
import { describe, expect, it } from 'vitest';
import { HitIndex } from '../../../utils/highlight/hit';

describe('HitIndex', () => {
  it('finds the items containing a caret position, across layers', () => {
    document.body.innerHTML = '<p>Maria Lopes said the port would reopen in Lisbon soon.</p>'; // fixture
    const t = document.querySelector('p')!.firstChild as Text;
    const r = (s: number, e: number) => {
      const x = document.createRange();
      x.setStart(t, s);
      x.setEnd(t, e);
      return x;
    };
    const text = t.data;
    const idx = new HitIndex<string>([
      { layer: 'person', order: 0, range: r(0, 11), data: 'Maria Lopes' },
      {
        layer: 'place',
        order: text.indexOf('Lisbon'),
        range: r(text.indexOf('Lisbon'), text.indexOf('Lisbon') + 6),
        data: 'Lisbon',
      },
      { layer: 'quote', order: 17, range: r(17, 39), data: 'quote' },
    ]);
    expect(idx.atCaret({ node: t, offset: 3 }).map((h) => h.data)).toEqual(['Maria Lopes']);
    expect(idx.atCaret({ node: t, offset: 20 }).map((h) => h.data)).toEqual(['quote']);
    expect(idx.atCaret({ node: t, offset: text.indexOf('Lisbon') + 2 }).map((h) => h.data)).toEqual(['Lisbon']);
    expect(idx.atCaret({ node: t, offset: 14 })).toEqual([]);
    idx.clear();
    expect(idx.atCaret({ node: t, offset: 3 })).toEqual([]);
  });
});
