/** Unit tests for the tokenizer: offsets, possessives, abbreviations, initials, sentence starts, lines. */
import { describe, expect, test } from 'vitest';
import { tokenize, wordsOf } from '../../../utils/analysis/tokens';

const words = (s: string) => tokenize(s).map((t) => t.text);

describe('tokenize', () => {
  test('offsets are exact for every token', () => {
    const s =
      'BEIJING: The U.S.\'s envoy, Mr. Obama’s aide Nelson A. Rockefeller, met "Zanu-PF" — in Orlando, Fla.\nNew line';
    for (const t of tokenize(s)) expect(s.slice(t.start, t.end)).toBe(t.text);
  });

  test.each([
    ["Mugabe's", ['Mugabe', "'s"]],
    ['Beijing’s', ['Beijing', '’s']],
    ["U.S.'s", ['U.S.', "'s"]],
    ["O'Hare", ["O'Hare"]],
    ['Zanu-PF', ['Zanu-PF']],
    ['al-Assad', ['al-Assad']],
    ['Lőrinc Mészáros', ['Lőrinc', 'Mészáros']],
    ['G40', ['G40']],
    ['Mr. Smith', ['Mr.', 'Smith']],
    ['Lt. Gen. Brennan', ['Lt.', 'Gen.', 'Brennan']],
    ['Nelson A. Rockefeller', ['Nelson', 'A.', 'Rockefeller']],
    ['AirScrub Inc. and', ['AirScrub', 'Inc.', 'and']],
    ['Orlando, Fla., area', ['Orlando', ',', 'Fla.', ',', 'area']],
    ['$6,490 in cash', ['$', '6', ',', '490', 'in', 'cash']],
  ])('%s', (input, expected) => {
    expect(words(input)).toEqual(expected);
  });

  test('possessive tokens are flagged', () => {
    const t = tokenize("Mali's economy");
    expect(t[1]!.possessive).toBe(true);
    expect(t[0]!.possessive).toBe(false);
  });

  test('sentence starts: after terminal punctuation, quotes and line breaks; not after titles or initials', () => {
    const t = tokenize('He left. "The plan failed," said Mr. Smith.\nNew York is big. Nelson A. Rockefeller came.');
    const starts = t.filter((x) => x.sentStart).map((x) => x.text);
    expect(starts).toEqual(['He', 'The', 'New', 'Nelson']);
  });

  test('dotted acronyms do not end a sentence before a name', () => {
    const t = tokenize('the U.S. Embassy said');
    expect(t.find((x) => x.text === 'Embassy')!.sentStart).toBe(false);
  });

  test('caps flags', () => {
    const [usaid, mixed, lower] = tokenize('USAID WhatsApp said');
    expect(usaid!.upper).toBe(true);
    expect(mixed!.cap && !mixed!.upper).toBe(true);
    expect(lower!.cap).toBe(false);
  });

  test('line numbers count line breaks', () => {
    const t = tokenize('One\n\nTwo\nThree');
    expect(t.map((x) => x.line)).toEqual([0, 2, 3]);
  });

  test('linear on long input', () => {
    const s = 'Foreign Minister Abdoulaye Diop met Nick Checker in Bamako. '.repeat(2000);
    expect(tokenize(s).length).toBe(10 * 2000);
  });
});

describe('wordsOf: the quote engine reads the one tokenizer (boundaries where the two scans used to differ)', () => {
  const view = (s: string) => wordsOf(tokenize(s)).map((w) => [w.w, s.slice(w.s, w.e)]);
  test.each([
    // a possessive is folded back into its word, so "the ministry's spokesman" stays one noun phrase
    [
      "Tarvia's envoy",
      [
        ["Tarvia's", "Tarvia's"],
        ['envoy', 'envoy'],
      ],
    ],
    // a dotted acronym keeps its period inside the offsets, before a capital too ("the U.S. State Department")
    [
      'the U.S. State Department',
      [
        ['the', 'the'],
        ['U.S', 'U.S.'],
        ['State', 'State'],
        ['Department', 'Department'],
      ],
    ],
    [
      'Mr. Okafor said',
      [
        ['Mr', 'Mr.'],
        ['Okafor', 'Okafor'],
        ['said', 'said'],
      ],
    ],
    // a soft hyphen (and a combining mark) is inside a word, never a boundary
    [
      'Vladi\u00ADmir said',
      [
        ['Vladi\u00ADmir', 'Vladi\u00ADmir'],
        ['said', 'said'],
      ],
    ],
    // punctuation is no word; a missing space after a full stop is still a boundary
    [
      'left.The rest',
      [
        ['left', 'left'],
        ['The', 'The'],
        ['rest', 'rest'],
      ],
    ],
  ])('%s', (input, expected) => expect(view(input)).toEqual(expected));
});
