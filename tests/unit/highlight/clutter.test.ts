// Clutter rules (table-driven): mentions in headings, captions, credits and credit lines are never
// coloured; body text is. And the name-roll rule for contributor lists.
// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { CLUTTER_RULES, clutterRule, isNameRoll } from '../../../utils/highlight/clutter';

describe('clutter rules', () => {
  it.each([
    ['<h2 id="t">Maria Lopes answers critics</h2>', 'heading'],
    ['<figure><figcaption id="t">Maria Lopes in Lisbon. Photo: AP</figcaption></figure>', 'caption'],
    ['<div class="article-caption"><span id="t">Maria Lopes</span></div>', 'caption'],
    ['<ul class="Contributors"><li id="t">Ana Silva</li></ul>', 'credits'],
    ['<p class="byline">By <a id="t">Ines Ferreira</a></p>', 'credits'],
    ['<p><span id="t">Reporting by Ana Silva</span> and Rui Costa; editing by Jo Lee</p>', 'credit line'],
    ['<p>Contributors: <b id="t">Ana Silva</b>, Rui Costa</p>', 'credit line'],
    ['<p>Maria Lopes said <b id="t">Lisbon</b> would wait.</p>', null],
    ['<p>The reporting was done by <b id="t">Ana</b> in May.</p>', null],
  ])('%s → %s', (html, rule) => {
    document.body.innerHTML = html;
    expect(clutterRule(document.getElementById('t'))).toBe(rule);
  });

  it('every rule has an example and a selector or a text test', () => {
    for (const r of CLUTTER_RULES) expect(!!r.example && (!!r.selector || !!r.text)).toBe(true);
  });

  it.each([
    [6, 60, 100, true],
    [4, 90, 100, false],
    [6, 40, 100, false],
  ])('isNameRoll(%i mentions, %i of %i chars) = %s', (n, m, b, out) => {
    expect(isNameRoll(n, m, b)).toBe(out);
  });
});

describe('drawnKeys (the density)', () => {
  const setup = () => {
    document.body.innerHTML =
      '<h2 id="h">Maria Lopes</h2><p id="a">Maria Lopes said. Later Maria Lopes left.</p>' +
      '<p id="roll">Ana Silva, Rui Costa, Jo Lee, Bo Kim, Al Day</p>';
    const range = (id: string, text: string, nth = 0) => {
      const node = document.getElementById(id)!.firstChild as Text;
      let at = -1;
      for (let i = 0; i <= nth; i++) at = node.data.indexOf(text, at + 1);
      const r = document.createRange();
      r.setStart(node, at);
      r.setEnd(node, at + text.length);
      return r;
    };
    const roll = ['Ana Silva', 'Rui Costa', 'Jo Lee', 'Bo Kim', 'Al Day'].map((n, i) => ({
      key: `e${i + 1}.0`,
      entity: i + 1,
      range: range('roll', n),
    }));
    return [
      { key: 'q0', entity: null, range: range('a', 'said') },
      { key: 'e0.0', entity: 0, range: range('h', 'Maria Lopes') },
      { key: 'e0.1', entity: 0, range: range('a', 'Maria Lopes') },
      { key: 'e0.2', entity: 0, range: range('a', 'Maria Lopes', 1) },
      ...roll,
    ];
  };
  it('"sources": quotes, and each entity at its first mention in the body (not the heading, not the roll)', async () => {
    const { drawnKeys } = await import('../../../utils/highlight/clutter');
    expect([...drawnKeys(setup(), 'sources')].sort()).toEqual(['e0.1', 'q0']);
  });
  it('"everything": every body mention, still not headings or name rolls', async () => {
    const { drawnKeys } = await import('../../../utils/highlight/clutter');
    expect([...drawnKeys(setup(), 'everything')].sort()).toEqual(['e0.1', 'e0.2', 'q0']);
  });
});
