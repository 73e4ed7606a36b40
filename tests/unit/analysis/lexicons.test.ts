/** Table-driven tests for the lexicons: key normalization, gazetteers, cue lists and boilerplate patterns. */
import { describe, expect, test } from 'vitest';
import {
  ABBREVIATION_KINDS,
  ABBREVIATIONS,
  abbreviationsFor,
  KIND_USES,
} from '../../../utils/analysis/lexicons/abbreviations';
import {
  boilerplateRanges,
  CREDIT_LINES,
  creditSpans,
  inlineCredits,
} from '../../../utils/analysis/lexicons/boilerplate';
import { splitParagraphs } from '../../../utils/analysis/sentences';
import { decodeFrontCoded, lexicon, lexKey } from '../../../utils/analysis/lexicons/gazetteer';
import { US_STATES } from '../../../utils/analysis/lexicons/usStates';

const lx = lexicon();

describe('lexKey', () => {
  test.each([
    ['U.S.', 'us'],
    ['US', 'us'],
    ['Ngātiwai', 'ngatiwai'],
    ['Vladi\u00ADmir', 'vladimir'],
    ['O’Hare', "o'hare"],
    ['  New   York ', 'new york'],
  ])('%s → %s', (input, key) => expect(lexKey(input)).toBe(key));
});

describe('gazetteers', () => {
  test('fifty states plus DC and territories', () => {
    expect(US_STATES.length).toBeGreaterThanOrEqual(51);
  });

  test.each([
    ['Mali', 'country'],
    ['Burkina Faso', 'country'],
    ['United States', 'country'],
    ['USA', 'country'],
    ['Britain', 'country'],
    ['Alabama', 'region'],
    ['Sahel', 'region'],
    ['Kashmir', 'region'],
    ['Bamako', 'city'],
    ['Nairobi', 'city'],
    ['Huntsville', 'city'],
  ])('%s is a %s', (name, kind) => expect(lx.places.get(lexKey(name))).toBe(kind));

  test.each([
    ['US', 'United States'],
    ['UK', 'United Kingdom'],
    ['Great Britain', 'United Kingdom'],
  ])('%s is an alias of %s', (alias, canon) => expect(lx.countryCanon.get(lexKey(alias))).toBe(canon));

  test.each(['Reuters', 'AFP', 'BBC', 'Interfax', 'Xinhua', 'United Nations', 'African Union', 'Facebook'])(
    '%s is a known organization',
    (name) => expect(lx.orgs.has(lexKey(name))).toBe(true),
  );

  test.each(['malian', 'malians', 'american', 'americans', 'kenyan', 'chinese', 'zimbabwean'])(
    '%s is a demonym (not an entity)',
    (d) => expect(lx.demonyms.has(d)).toBe(true),
  );

  test.each(['Nick', 'Mark', 'Grace', 'Donald', 'Imran'])('%s is a given name', (n) =>
    expect(lx.givenNames.has(n)).toBe(true),
  );

  test.each(['Mobile', 'Reading', 'Independence'])('%s (an ordinary word) is not a city', (n) =>
    expect(lx.places.get(lexKey(n))).toBeUndefined(),
  );
});

describe('cue lists', () => {
  test.each(['Mr', 'Mrs', 'Ms', 'Dr', 'President', 'Minister', 'Gen', 'Lt', 'Sen', 'Rep', 'Gov', 'CEO'])(
    'title %s',
    (w) => expect(lx.titleCore.has(w)).toBe(true),
  );
  test.each(['Foreign', 'Prime', 'Deputy', 'Attorney', 'Lieutenant'])('title modifier %s', (w) =>
    expect(lx.titleMod.has(w)).toBe(true),
  );
  test.each([
    'Ministry',
    'Agency',
    'Department',
    'Bureau',
    'Command',
    'Party',
    'Inc',
    'Corp',
    'Ltd',
    'University',
    'Police',
  ])('organization head %s', (w) => expect(lx.orgHeads.has(w)).toBe(true));
  test.each(['Avenue', 'Street', 'County', 'Airport', 'Stadium', 'Bridge', 'Heights', 'Valley'])('place head %s', (w) =>
    expect(lx.placeHeads.has(w)).toBe(true),
  );
  test.each(['The', 'However', 'But', 'In', 'On', 'According'])('sentence starter %s', (w) =>
    expect(lx.stopStarters.has(w)).toBe(true),
  );
  test.each(['January', 'Monday', 'Oct', 'Sept'])('calendar word %s', (w) => expect(lx.calendar.has(w)).toBe(true));
  test.each(['muslims', 'democrats', 'cold war', 'arab spring'])('non-entity %s', (w) =>
    expect(lx.nonEntities.has(w)).toBe(true),
  );
});

describe('boilerplate', () => {
  const cut = (text: string) => boilerplateRanges(text).map(([s, e]) => text.slice(s, e));
  test.each([
    ['Scott Heins/Gothamist', 'Scott Heins/Gothamist'],
    ['Photo by James Martin/CNET', 'Photo by James Martin/CNET'],
    ['(Mike Cason/mcason@al.com)', '(Mike Cason/mcason@al.com)'],
    ['File photo of the president. (Reuters)', '(Reuters)'],
    ['The basement at 80 New York. (Scott Heins/Gothamist)', '(Scott Heins/Gothamist)'],
    ['A still from the movie. (Boing Boing)', '(Boing Boing)'],
    ['By Jane Doe and John Roe', 'By Jane Doe and John Roe'],
    ["-- CNN's Bill Kirkos contributed to this report.", "-- CNN's Bill Kirkos contributed to this report."],
    [
      'Follow us on WhatsApp | LinkedIn for the latest headlines',
      'Follow us on WhatsApp | LinkedIn for the latest headlines',
    ],
    ['Read more: Why it matters', 'Read more: Why it matters'],
    ['Related: Chicago airport workers plan strike', 'Related: Chicago airport workers plan strike'],
    [
      '(Reporting by Tetsushi Kajimoto; Editing by Sam Holmes)',
      '(Reporting by Tetsushi Kajimoto; Editing by Sam Holmes)',
    ],
    ['CAIRO (AP) — The minister said', '(AP)'],
  ])('%s', (text, expected) => expect(cut(text)).toEqual([expected]));

  test.each([
    'Mr Obama said the US would help Kenya.',
    '"Google\'s monopoly is over," said Tim Sweeney, in a post on social media.',
    'By 1963, as the New York Times explains:',
    'The Cooper Station post office is now a mail room.',
  ])('keeps article prose: %s', (text) => expect(cut(text)).toEqual([]));
});

describe('credit lines: one set for both engines', () => {
  const entityCut = (text: string) => boilerplateRanges(text).map(([s, e]) => text.slice(s, e));
  const quoteCut = (text: string) => creditSpans(text, splitParagraphs(text)).map((c) => text.slice(c.start, c.end));

  test('rule ids are unique', () => {
    const ids = CREDIT_LINES.map((r) => r.id);
    expect(new Set(ids).size).toBe(ids.length);
  });

  test.each(CREDIT_LINES.map((r) => [r.id, r.example]))('%s: "%s" is a credit line in both views', (_id, line) => {
    expect(entityCut(line)).toEqual([line]);
    expect(quoteCut(line)).toEqual([line]);
  });

  test.each([
    'By Tuesday, officials said the water had receded.',
    'Contributors to the fund said they were pleased.',
    'She is a nurse who has worked at the clinic for a decade.',
    'Well, that was unexpected pic.example.com/Ab12Cd',
  ])('prose is no credit line in either view: %s', (line) => {
    expect(quoteCut(line)).toEqual([]);
    expect(entityCut(line).join('')).not.toBe(line);
  });

  test.each([
    ['The mayor at the opening. Dana Reyes/Daily Ledger hide caption', ['Dana Reyes/Daily Ledger']],
    ['The mayor at the opening. (Photo: Dana Reyes/AP)', ['(Photo: Dana Reyes/AP)']],
    ['The mayor at the opening.CreditDana Reyes', ['CreditDana Reyes']],
    ['The New York/New Jersey port authority said so.', []],
  ])('inline credit: %s', (line, expected) => {
    expect(inlineCredits(line).map(([a, b]) => line.slice(a, b).trim())).toEqual(expected);
  });

  test('a web address names nobody', () => {
    expect(entityCut('Read it at pic.example.com/Ab12Cd today')).toEqual(['pic.example.com/Ab12Cd']);
  });
});

describe('front-coded lists', () => {
  test.each([
    ['0Aaren|3ika|2ron', ['Aaren', 'Aarika', 'Aaron']],
    ['0San Diego|4Jose|0Zurich', ['San Diego', 'San Jose', 'Zurich']],
    ['', []],
  ])('%s', (coded, words) => expect(decodeFrontCoded(coded)).toEqual(words));
});

describe('abbreviations: one table, every use derived from the kind', () => {
  test.each([
    ['Mr', 'title', ['title', 'sentence', 'phrase']],
    ['Det', 'title', ['title', 'sentence', 'phrase']],
    ['Inc', 'suffix', ['token', 'sentence', 'phrase']],
    ['Jr', 'suffix', ['token', 'sentence', 'phrase']],
    ['Sept', 'short', ['token', 'sentence']],
    ['Ave', 'short', ['token', 'sentence']],
    ['Fla', 'short', ['token', 'sentence']], // from usStates.ts
    ['approx', 'loose', ['sentence']],
    ['a.m', 'loose', ['sentence']],
  ])('%s is a %s: %j', (word, kind, uses) => {
    expect(ABBREVIATION_KINDS.get(word)).toBe(kind);
    expect([...ABBREVIATIONS.get(word)!].sort()).toEqual([...uses].sort());
  });

  test("each reader's subset is exactly the words whose kind has that use", () => {
    for (const use of ['title', 'token', 'sentence', 'phrase'] as const) {
      const expected = [...ABBREVIATION_KINDS].filter(([, k]) => KIND_USES[k].includes(use)).map(([w]) => w);
      expect([...abbreviationsFor(use)].sort()).toEqual(expected.sort());
    }
  });

  test('every abbreviation keeps its period for the sentence splitter; titles and suffixes in a phrase', () => {
    for (const [word, kind] of ABBREVIATION_KINDS) {
      expect(ABBREVIATIONS.get(word)!.has('sentence')).toBe(true);
      expect(ABBREVIATIONS.get(word)!.has('phrase')).toBe(kind === 'title' || kind === 'suffix');
    }
  });
});
