/**
 * Unit tests of the quote engine on small inputs with hand-made (or no) entities: quotation styles,
 * apostrophes, scare quotes, segmentation of split and run-on quotes, mixed quotes, offsets, speed.
 */
import { describe, expect, test } from 'vitest';
import { findQuotes } from '../../../utils/analysis/quotes';
import type { Entity, Quote } from '../../../utils/analysis/types';

const person = (text: string, name: string, ...forms: string[]): Entity => ({
  text: name,
  type: 'person',
  mentions: [name, ...forms].flatMap((f) => {
    const out = [];
    for (let i = text.indexOf(f); i >= 0; i = text.indexOf(f, i + 1))
      out.push({ start: i, end: i + f.length, text: f });
    return out;
  }),
});

const brief = (qs: Quote[]): Array<[Quote['kind'], string | null, string]> =>
  qs.map((q) => [q.kind, q.speaker, q.text]);

describe('quotation styles', () => {
  test.each([
    ['curly double', '\u201cWe will rebuild the bridge,\u201d Ana Costa said.'],
    ['straight double', '"We will rebuild the bridge," Ana Costa said.'],
    ['curly single', '\u2018We will rebuild the bridge,\u2019 Ana Costa said.'],
    ['straight single', "'We will rebuild the bridge,' Ana Costa said."],
    ['guillemets', '\u00abWe will rebuild the bridge\u00bb, Ana Costa said.'],
    ['doubled apostrophes', "''We will rebuild the bridge,'' Ana Costa said."],
  ])('%s', (_name, text) => {
    const qs = findQuotes(text, [person(text, 'Ana Costa')]);
    expect(brief(qs)).toEqual([['direct', 'Ana Costa', 'We will rebuild the bridge']]);
  });

  test('colon before the quotation and speaker after the verb', () => {
    const text = 'Ana Costa said: "The bridge will be rebuilt by June." "It is safe," said Paulo Reis, an engineer.';
    const qs = findQuotes(text, [person(text, 'Ana Costa'), person(text, 'Paulo Reis')]);
    expect(brief(qs)).toEqual([
      ['direct', 'Ana Costa', 'The bridge will be rebuilt by June.'],
      ['direct', 'Paulo Reis', 'It is safe'],
    ]);
  });
});

describe('apostrophes and scare quotes', () => {
  test("apostrophes are not quotation marks (don't, O'Hare, Mali's, the 1990s)", () => {
    const text = "Mali's minister said they don't plan to reopen O'Hare's route, a plan from the '90s.";
    const qs = findQuotes(text, [person(text, 'Abdoulaye Diop')]);
    expect(qs).toHaveLength(1);
    expect(qs[0]!.kind).toBe('indirect');
    expect(qs[0]!.text).toBe("they don't plan to reopen O'Hare's route, a plan from the '90s");
  });

  test.each([
    'The so-called "Iron Quarter" was quiet on Sunday.',
    'Dubbed "Gucci Grace" by critics, she rose quickly.',
    'Their "Day of Disruption" is planned for Tuesday.',
    'The novel "The Long Winter" sold well.',
  ])('no quote in: %s', (text) => {
    expect(findQuotes(text, [])).toEqual([]);
  });
});

describe('segmentation', () => {
  test('a quotation split by its attribution gives two entries', () => {
    const text = '"We are ready," Ana Costa said. "The work starts on Monday."';
    expect(brief(findQuotes(text, [person(text, 'Ana Costa')]))).toEqual([
      ['direct', 'Ana Costa', 'We are ready'],
      ['direct', 'Ana Costa', 'The work starts on Monday.'],
    ]);
  });

  test('a quotation running over two paragraphs gives one entry per paragraph, with one speaker', () => {
    const text =
      '\u201cThe first part of the statement is here.\n\n\u201cAnd the second part follows,\u201d Ana Costa said.';
    const qs = findQuotes(text, [person(text, 'Ana Costa')]);
    expect(brief(qs)).toEqual([
      ['direct', 'Ana Costa', 'The first part of the statement is here.'],
      ['direct', 'Ana Costa', 'And the second part follows'],
    ]);
  });

  test('mixed quotes: a quoted clause is direct, an embedded phrase keeps the paraphrase', () => {
    const text =
      'The attack is "also aimed at the families of the soldiers," Ana Costa said. Costa said it was "distressing" not to have acted.';
    const qs = findQuotes(text, [person(text, 'Ana Costa', 'Costa')]);
    expect(brief(qs)).toEqual([
      ['direct', 'Ana Costa', 'also aimed at the families of the soldiers'],
      ['indirect', 'Ana Costa', 'it was "distressing" not to have acted'],
    ]);
  });

  test('nested reports are annotated at both levels', () => {
    const text = 'South Africa said Mr Mugabe had told President Jacob Zuma that he was confined to his home.';
    const ents: Entity[] = [
      { text: 'South Africa', type: 'place', mentions: [{ start: 0, end: 12, text: 'South Africa' }] },
      person(text, 'Robert Mugabe', 'Mugabe'),
      person(text, 'Jacob Zuma'),
    ];
    expect(brief(findQuotes(text, ents))).toEqual([
      ['indirect', 'South Africa', 'Mr Mugabe had told President Jacob Zuma that he was confined to his home'],
      ['indirect', 'Robert Mugabe', 'he was confined to his home'],
    ]);
  });
});

describe('invariants', () => {
  test('offsets always slice to the text, quotes come in text order', () => {
    const text =
      'Officials said the road was closed. "It will reopen soon," said Ana Costa.\n\nAccording to the police, two people were hurt. Costa added that repairs would cost millions.';
    const qs = findQuotes(text, [person(text, 'Ana Costa', 'Costa')]);
    expect(qs.length).toBe(4);
    for (const q of qs) expect(text.slice(q.start, q.end)).toBe(q.text);
    for (let i = 1; i < qs.length; i++) expect(qs[i]!.start).toBeGreaterThanOrEqual(qs[i - 1]!.start);
  });

  test('empty and quote-free texts yield nothing', () => {
    expect(findQuotes('', [])).toEqual([]);
    expect(findQuotes('The river rose overnight. Roads were closed.', [])).toEqual([]);
  });

  // Speed is measured by `npm run bench` (its fuzz families report ms per 1k characters), never by a timed
  // unit test; here only the output must scale: n repetitions of a paragraph give n times its quotes.
  test('output grows linearly with text length', () => {
    const unit =
      'Ana Costa said the bridge would reopen in May. "We are ready," she added. According to officials, the cost doubled.\n\n';
    const per = findQuotes(unit, []).length;
    expect(per).toBeGreaterThan(0);
    expect(findQuotes(unit.repeat(200), []).length).toBe(200 * per);
    expect(findQuotes(unit.repeat(2000), []).length).toBe(2000 * per);
  });
});
