/**
 * The speech lexicon, table-tested: every speech-verb form is a cue in context, cognition verbs and
 * contentless speech acts are not, anonymity cues are recognized, and role/institution nouns behave.
 */
import { describe, expect, test } from 'vitest';
import {
  ANONYMITY_CUES,
  ANONYMOUS_HEADS,
  COGNITION_VERBS,
  INSTITUTION_HEADS,
  PHRASAL_CUES,
  ROLE_EQUIVALENTS,
  ROLE_NOUNS,
  SPEECH_VERB_FORMS,
} from '../../../utils/analysis/lexicons/speech';
import { findQuotes } from '../../../utils/analysis/quotes';
import { anonymityCue } from '../../../utils/analysis/speakers';
import type { Entity } from '../../../utils/analysis/types';

/** A hand-made entity list: one person mentioned once at `offset`. */
function person(text: string, name: string): Entity[] {
  const start = text.indexOf(name);
  return [{ text: name, type: 'person', mentions: [{ start, end: start + name.length, text: name }] }];
}

describe('speech verb forms', () => {
  test.each([
    ['said', 'say'],
    ['says', 'say'],
    ['blamed', 'blame'],
    ['recommended', 'recommend'],
    ['attributed', 'attribute'],
    ['protested', 'protest'],
    ['insinuating', 'insinuate'],
    ['recounted', 'recount'],
    ['told', 'tell'],
    ['added', 'add'],
    ['warned', 'warn'],
    ['insisted', 'insist'],
    ['acknowledged', 'acknowledge'],
    ['argued', 'argue'],
    ['noted', 'note'],
    ['denied', 'deny'],
    ['denies', 'deny'],
    ['confirmed', 'confirm'],
    ['emphasised', 'emphasise'],
    ['emphasized', 'emphasize'],
    ['stressed', 'stress'],
    ['admitted', 'admit'],
    ['vowed', 'vow'],
    ['pledged', 'pledge'],
    ['declared', 'declare'],
    ['reported', 'report'],
    ['divulged', 'divulge'],
    ['wrote', 'write'],
    ['testified', 'testify'],
    ['replied', 'reply'],
    ['explains', 'explain'],
  ])('%s → %s', (form, lemma) => {
    expect(SPEECH_VERB_FORMS.get(form)).toBe(lemma);
  });

  test.each([
    'said',
    'told reporters',
    'added',
    'warned',
    'insisted',
    'acknowledged',
    'argued',
    'noted',
    'denied',
    'confirmed',
    'emphasised',
    'claimed',
    'announced',
    'predicted',
    'stressed',
  ])('"Maria Lopez %s that …" is an indirect quote by Maria Lopez', (verb) => {
    const text = `Maria Lopez ${verb} that the bridge would reopen in May.`;
    const quotes = findQuotes(text, person(text, 'Maria Lopez'));
    expect(quotes).toHaveLength(1);
    expect(quotes[0]).toMatchObject({ kind: 'indirect', speaker: 'Maria Lopez', anonymous: false });
    expect(quotes[0]!.text).toBe('the bridge would reopen in May');
  });

  test.each([...COGNITION_VERBS].filter((v) => /ed$|s$/.test(v)).slice(0, 12))(
    'cognition verb "%s" is not speech',
    (verb) => {
      expect(SPEECH_VERB_FORMS.has(verb)).toBe(false);
      const text = `Maria Lopez ${verb} that the bridge would reopen in May.`;
      expect(findQuotes(text, person(text, 'Maria Lopez'))).toEqual([]);
    },
  );

  test.each([
    'Maria Lopez condemned the attack.',
    'Maria Lopez declined to comment.',
    'Maria Lopez did not say when the bridge would reopen.',
    'It is rumored that Maria Lopez will resign.',
    'The reported deal was never signed, Maria Lopez hopes.',
  ])('no claim in "%s"', (text) => {
    expect(findQuotes(text, person(text, 'Maria Lopez'))).toEqual([]);
  });
});

describe('cues added for unseen outlets', () => {
  // Each row: a sentence, the claim it must yield (or null when it yields none).
  test.each([
    ['Maria Lopez cautioned that the bridge would reopen late.', 'the bridge would reopen late'],
    ['Maria Lopez ruled that the notices were unlawful.', 'the notices were unlawful'],
    ['Maria Lopez ruled out a second vote.', null],
    ['Maria Lopez ruled the province for a decade.', null],
    ['Over her career Maria Lopez estimates she delivered 2,300 babies.', 'she delivered 2,300 babies'],
    [
      'Maria Lopez, as she likes to say, "never met a bridge she did not like."',
      'never met a bridge she did not like.',
    ],
    ['Maria Lopez has called the bridge "a monument to waste."', 'the bridge "a monument to waste."'],
    ['"Nobody won anything tonight." That was how Maria Lopez put it.', 'Nobody won anything tonight.'],
    ['Maria Lopez put it to a vote.', null],
    ['Maria Lopez first reported the deal in May.', null],
    ['Maria Lopez wrote a memoir, "Bridges Of Home," that sold well.', null],
    ['Maria Lopez has called the plan a "fig leaf."', null],
    ['Maria Lopez called the police.', null],
    ['A firm called "Brightline" hired Maria Lopez.', null],
    ['Maria Lopez confirmed the merger but declined to discuss the price.', null],
  ])('%s', (text, claim) => {
    const quotes = findQuotes(text, person(text, 'Maria Lopez'));
    if (claim === null) expect(quotes).toEqual([]);
    else expect(quotes.map((q) => [q.text, q.speaker])).toContainEqual([claim, 'Maria Lopez']);
  });

  test.each(['likes to say', 'used to say', 'put it'])('"%s" is a phrasal cue', (cue) => {
    expect(PHRASAL_CUES).toContain(cue);
  });

  test.each([
    ['justice', 'judge'],
    ['magistrate', 'judge'],
  ])('the title "%s" is referred back to as "the %s"', (title, role) => {
    expect(ROLE_EQUIVALENTS.get(title)).toBe(role);
  });
});

describe('anonymity cues', () => {
  test.each([
    ['spoke on condition of anonymity', 'on condition of anonymity'],
    ['speaking on the condition of anonymity', 'on the condition of anonymity'],
    ['who declined to be named', 'declined to be named'],
    ['who asked not to be named', 'asked not to be named'],
    ['who requested anonymity', 'requested anonymity'],
    ['was not authorized to speak publicly', 'not authorized to speak publicly'],
    ['was not authorised to speak on the record', 'not authorised to speak on the record'],
    ['people familiar with the matter', 'people familiar with'],
    ['a person briefed on the talks', 'person briefed on'],
    ['a source close to the president', 'source close to'],
    ['sources said', 'sources said'],
    ['an unnamed official', 'unnamed'],
  ])('"%s" → %s', (phrase, cue) => {
    expect(anonymityCue(phrase)).toBe(cue);
  });

  test('every cue pattern is anchored on word boundaries', () => {
    for (const re of ANONYMITY_CUES) expect(re.source.startsWith('\\b')).toBe(true);
  });

  test('ordinary attributions carry no anonymity cue', () => {
    expect(anonymityCue('the minister told reporters on Tuesday')).toBeNull();
  });
});

describe('role and institution nouns', () => {
  test.each([
    ['minister', 'person'],
    ['president', 'person'],
    ['company', 'organization'],
    ['agency', 'organization'],
    ['fund', 'organization'],
  ])('"the %s" refers back to a %s', (noun, type) => {
    expect(ROLE_NOUNS.get(noun)).toBe(type);
  });

  test.each(['military', 'authorities', 'government', 'police'])('"%s" speaks on the record', (noun) => {
    expect(INSTITUTION_HEADS.has(noun)).toBe(true);
  });

  test.each(['prosecutors'])('unnamed "%s" are people, not an institution on the record', (noun) => {
    expect(INSTITUTION_HEADS.has(noun)).toBe(false);
    expect(ANONYMOUS_HEADS.has(noun)).toBe(true);
  });
});
