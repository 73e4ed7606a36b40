/**
 * The sourcing audit's pure core (issue 16): the speaker-kind table, speaker profiles with gender only from
 * evidence in the article, the counts across articles, and CSV for the data tables.
 */
import { describe, expect, test } from 'vitest';
import { claim } from './fixtures';
import { analyzeText } from '../../../utils/analysis/index';
import type { Analysis, Entity, EntityType, Quote } from '../../../utils/analysis/types';
import { lexicon } from '../../../utils/analysis/lexicons/gazetteer';
import { auditReport, filterArticles, isoWeek, periodOf, type AuditArticle } from '../../../utils/audit/aggregate';
import { csvCell, toCsv } from '../../../utils/audit/csv';
import { kindOfPhrase, SPEAKER_KIND_RULES } from '../../../utils/audit/kinds';
import { profileSpeakers } from '../../../utils/audit/profile';
import { MAX_TAG_LENGTH, MAX_TAGS, parseTags } from '../../../utils/db/tags';

describe('speaker kinds', () => {
  test.each([
    ['a senior administration official', 'official'],
    ['a senior aide to the governor', 'official'],
    ['Republican senator', 'politician'],
    ['a Georgia Republican', 'politician'],
    ['an economist at the university', 'expert'],
    ['the company’s chief executive', 'business'],
    ['chief of staff', 'official'],
    ['Housing advocate', 'advocacy'],
    ['a retiree who lives nearby', 'ordinary'],
    ['a union leader representing the dock workers', 'advocacy'],
    ['a housing advocate', 'advocacy'],
    ['The lawsuit', 'document'],
    ['a person familiar with the matter', null],
    ['two people briefed on the talks', null],
  ])('%s → %s', (phrase, kind) => {
    expect(kindOfPhrase(phrase)?.kind ?? null).toBe(kind);
  });

  test.each(SPEAKER_KIND_RULES.map((r) => [r.kind, r] as const))('the %s row has words and an example', (_k, rule) => {
    expect(rule.words.length).toBeGreaterThan(0);
    expect(rule.words.every((w) => w === w.toLowerCase() && w.trim() === w && w !== '')).toBe(true);
    expect(rule.example).not.toBe('');
  });
});

/**
 * A hand-built Analysis, so these tests pin the audit's reading of speakers, not the analyzer's
 * entity typing: each entity's mentions are every occurrence of its forms, each claim is given by its
 * text, speaker and whether the attribution names the speaker.
 */
function analysisOf(
  text: string,
  entities: [name: string, type: EntityType, forms: string[]][],
  quotes: [passage: string, speaker: string | null, named: boolean][],
): Analysis {
  const at = (s: string, from = 0) => {
    const i = text.indexOf(s, from);
    if (i < 0) throw new Error(`not in text: ${s}`);
    return i;
  };
  const ents: Entity[] = entities.map(([name, type, forms]) => ({
    text: name,
    type,
    mentions: forms.flatMap((f) => {
      const out = [];
      for (let i = text.indexOf(f); i >= 0; i = text.indexOf(f, i + f.length))
        out.push({ start: i, end: i + f.length, text: f });
      return out;
    }),
  }));
  const qs: Quote[] = quotes.map(([passage, speaker, named]) => {
    const start = at(passage);
    const mention = named ? ents.find((e) => e.text === speaker)?.mentions[0] : null;
    return {
      text: passage,
      kind: 'direct',
      speaker,
      anonymous: speaker !== null && !ents.some((e) => e.text === speaker),
      start,
      end: start + passage.length,
      cue: 'said',
      speakerMention: mention ?? null,
    };
  });
  return {
    title: 'T',
    byline: null,
    siteName: null,
    publishedTime: null,
    text,
    entities: ents,
    quotes: qs,
    speakers: { speakers: [], named: 0, anonymous: 0, anonymousShare: 0 },
  };
}

describe('speaker profiles', () => {
  const text = [
    '"We will cut rates," said Lena Park, an economist at the state university.',
    '"Prices will fall," she said.',
    'Housing advocate Rita Gomez said rents were too high. "Nobody can pay," Ms. Gomez said.',
    '"Sales rose," said Omar Haddad, the company’s chief executive.',
    '"It was loud," said Chris Allen. The mayor told Chris Allen nothing.',
    '"We disagree," Acme Corp said in a statement.',
    'A senior administration official, speaking on condition of anonymity, said the talks had stalled.',
  ].join('\n\n');
  const analysis = analysisOf(
    text,
    [
      ['Lena Park', 'person', ['Lena Park']],
      ['Rita Gomez', 'person', ['Rita Gomez', 'Gomez']],
      ['Omar Haddad', 'person', ['Omar Haddad']],
      ['Chris Allen', 'person', ['Chris Allen']],
      ['Acme Corp', 'organization', ['Acme Corp']],
    ],
    [
      ['We will cut rates', 'Lena Park', true],
      ['Prices will fall', 'Lena Park', false],
      ['rents were too high', 'Rita Gomez', true],
      ['Nobody can pay', 'Rita Gomez', true],
      ['Sales rose', 'Omar Haddad', true],
      ['It was loud', 'Chris Allen', true],
      ['We disagree', 'Acme Corp', true],
      ['the talks had stalled', 'A senior administration official', false],
    ],
  );
  const profiles = new Map(profileSpeakers(analysis, lexicon().givenGender).map((p) => [p.speaker, p]));

  test.each([
    ['Lena Park', 'expert', 'female', 'pronoun'],
    ['Rita Gomez', 'advocacy', 'female', 'honorific'],
    ['Omar Haddad', 'business', 'unknown', null],
    ['Chris Allen', 'unknown', 'unknown', null],
  ])('%s: kind %s, gender %s (%s)', (speaker, kind, gender, method) => {
    expect(profiles.get(speaker)).toMatchObject({ kind, gender });
    expect(profiles.get(speaker)!.genderEvidence?.method ?? null).toBe(method);
  });

  test('a given name only fills the guess, never the gender', () => {
    expect(profiles.get('Omar Haddad')).toMatchObject({ gender: 'unknown', genderGuess: 'male' });
  });

  test('an organization speaks as a whole; an unnamed source gets the kind of its description', () => {
    expect(profiles.get('Acme Corp')).toMatchObject({ kind: 'organization', type: 'organization' });
    expect(profiles.get('A senior administration official')).toMatchObject({ kind: 'official', type: null });
  });

  test('contradicting evidence leaves the gender unknown', () => {
    const t = '"Yes," said Sam Reed. "No," she said. Mr. Reed left.';
    const a = analysisOf(
      t,
      [['Sam Reed', 'person', ['Sam Reed', 'Reed']]],
      [
        ['Yes', 'Sam Reed', true],
        ['No', 'Sam Reed', false],
      ],
    );
    expect(profileSpeakers(a)[0]).toMatchObject({ gender: 'unknown', genderEvidence: null });
  });

  test('runs on real analyzer output', () => {
    const p = profileSpeakers(
      analyzeText('"Nobody can pay," said Rita Gomez, a housing advocate. "Rents rose," Ms. Gomez said.'),
    );
    expect(p.find((x) => x.speaker === 'Rita Gomez')).toMatchObject({ kind: 'advocacy', gender: 'female' });
  });
});

const DAY = 864e5;
const T0 = Date.UTC(2026, 10, 30); // Monday 30 November 2026, ISO week 49

const articles: AuditArticle[] = [
  {
    id: 'a1',
    url: 'https://news.example/a1',
    title: 'One',
    outlet: 'news.example',
    publishedAt: T0,
    readAt: T0 + DAY,
    tags: ['housing'],
    claims: [
      claim('c1', 'a1'),
      claim('c2', 'a1'),
      claim('c3', 'a1', {
        speaker: 'a senior official',
        speakerType: null,
        anonymous: true,
        speakerKind: 'official',
        gender: 'unknown',
      }),
      claim('c4', 'a1', {
        speaker: 'Omar Haddad',
        gender: 'unknown',
        genderGuess: 'male',
        speakerKind: 'business',
        corrected: true,
      }),
    ],
  },
  {
    id: 'a2',
    url: 'https://other.example/a2',
    title: 'Two',
    outlet: 'other.example',
    publishedAt: null,
    readAt: T0 + 40 * DAY,
    tags: [],
    claims: [
      claim('c5', 'a2'),
      claim('c6', 'a2', {
        speaker: 'Acme Corp',
        speakerType: 'organization',
        speakerKind: 'organization',
        gender: 'unknown',
      }),
    ],
  },
];

describe('the audit across articles', () => {
  const r = auditReport(articles, { period: 'month' });

  test('totals, anonymous share and corrected claims', () => {
    expect(r).toMatchObject({
      articles: 2,
      claims: 6,
      named: 5,
      anonymous: 1,
      corrected: 1,
      correctedClaimIds: ['c4'],
    });
    expect(r.anonymousShare).toBeCloseTo(1 / 6);
  });

  test('per outlet and per month (reading date when the publication date is unknown)', () => {
    expect(r.byOutlet.map((b) => [b.key, b.claims, b.anonymous])).toEqual([
      ['news.example', 4, 1],
      ['other.example', 2, 0],
    ]);
    expect(r.byPeriod.map((b) => [b.key, b.claimIds])).toEqual([
      ['2026-11', ['c1', 'c2', 'c3', 'c4']],
      ['2027-01', ['c5', 'c6']],
    ]);
  });

  test('distinct speakers per article and the most quoted, with their articles', () => {
    expect(r.speakersPerArticle.map((a) => [a.id, a.speakers])).toEqual([
      ['a1', 3],
      ['a2', 2],
    ]);
    expect(r.topPeople[0]).toMatchObject({ speaker: 'Lena Park', claims: 3 });
    expect(r.topPeople[0]!.articles.map((a) => a.id)).toEqual(['a1', 'a2']);
    expect(r.topOrganizations.map((t) => t.speaker)).toEqual(['Acme Corp']);
  });

  test('every kind is listed, unknown included, with the claims behind it', () => {
    expect(r.kinds.map((k) => k.key)).toContain('unknown');
    expect(r.kinds.find((k) => k.key === 'expert')?.claimIds).toEqual(['c1', 'c2', 'c5']);
  });

  test('gender of named people counts people per article; unknown is its own row; the guess is opt-in', () => {
    const g = (rep: typeof r) => Object.fromEntries(rep.gender.map((x) => [x.gender, [x.people, x.guessed]]));
    expect(g(r)).toEqual({ female: [2, 0], male: [0, 0], unknown: [1, 0] });
    expect(g(auditReport(articles, { period: 'month', genderGuess: true }))).toEqual({
      female: [2, 0],
      male: [1, 1],
      unknown: [0, 0],
    });
  });

  test('filters: outlet, publication and reading range, tag', () => {
    expect(filterArticles(articles, { outlets: ['other.example'] }).map((a) => a.id)).toEqual(['a2']);
    expect(filterArticles(articles, { published: { from: T0 - DAY } }).map((a) => a.id)).toEqual(['a1']);
    expect(filterArticles(articles, { read: { from: T0 + 2 * DAY, to: null } }).map((a) => a.id)).toEqual(['a2']);
    expect(filterArticles(articles, { tags: ['housing'] }).map((a) => a.id)).toEqual(['a1']);
    expect(filterArticles(articles, {}).length).toBe(2);
  });

  test.each([
    [Date.UTC(2026, 10, 30), '2026-W49'],
    [Date.UTC(2021, 0, 3), '2020-W53'],
    [Date.UTC(2024, 11, 30), '2025-W01'],
    [Date.UTC(2026, 0, 1), '2026-W01'],
  ])('ISO week of %d is %s', (t, w) => {
    expect(isoWeek(t)).toBe(w);
    expect(periodOf(t, 'week')).toBe(w);
  });
});

describe('CSV', () => {
  test.each([
    ['plain', 'plain'],
    ['a, b', '"a, b"'],
    ['say "hi"', '"say ""hi"""'],
    ['=HYPERLINK("x")', '"\'=HYPERLINK(""x"")"'],
    ['+1', "'+1"],
    ['@cmd', "'@cmd"],
    ['line\nbreak', '"line\nbreak"'],
  ])('%j → %j', (cell, out) => {
    expect(csvCell(cell)).toBe(out);
  });

  test('numbers stay numbers; a table ends each row with CRLF', () => {
    expect(csvCell(-3)).toBe('-3');
    expect(csvCell(null)).toBe('');
    expect(toCsv(['a', 'b'], [[1, 'x']])).toBe('a,b\r\n1,x\r\n');
  });
});

describe('article tags', () => {
  test.each([
    ['housing', ['housing']],
    ['#Housing, city council', ['Housing', 'city-council']],
    ['a, A, b\nc', ['a', 'b', 'c']],
    ['  ,, #, ', []],
    ['<script>, rent%', ['script', 'rent']],
  ])('parseTags(%j) → %j', (input, out) => {
    expect(parseTags(input)).toEqual(out);
  });

  test('at most MAX_TAGS tags of MAX_TAG_LENGTH characters', () => {
    const many = parseTags(Array.from({ length: 80 }, (_, i) => `t${i}`).join(','));
    expect(many.length).toBe(MAX_TAGS);
    expect(parseTags('x'.repeat(80))[0]!.length).toBe(MAX_TAG_LENGTH);
  });
});
