/**
 * Speaker resolution with hand-made entities: canonical names from mentions, pronouns, role nouns,
 * descriptive and anonymous sources, repeated anonymous sources.
 */
import { describe, expect, test } from 'vitest';
import { findQuotes } from '../../../utils/analysis/quotes';
import { isNounPhrase } from '../../../utils/analysis/subjects';
import { buildNameIndex, headNoun } from '../../../utils/analysis/speakers';
import type { Entity, EntityType, Mention } from '../../../utils/analysis/types';

/** Builds entities from `[canonical, type, ...surface forms]`, with a mention at every occurrence. */
function entities(text: string, specs: Array<[string, EntityType, ...string[]]>): Entity[] {
  return specs.map(([canonical, type, ...forms]) => {
    const mentions: Mention[] = [];
    for (const form of forms.length ? forms : [canonical]) {
      for (let i = text.indexOf(form); i >= 0; i = text.indexOf(form, i + form.length)) {
        // Only whole words, and not inside a longer listed form already taken.
        if (/\w/.test(text[i - 1] ?? ' ') || /\w/.test(text[i + form.length] ?? ' ')) continue;
        if (mentions.some((m) => i >= m.start && i < m.end)) continue;
        mentions.push({ start: i, end: i + form.length, text: form });
      }
    }
    return { text: canonical, type, mentions: mentions.sort((a, b) => a.start - b.start) };
  });
}

const speakers = (text: string, ents: Entity[]): Array<[string | null, boolean]> =>
  findQuotes(text, ents).map((q) => [q.speaker, q.anonymous]);

describe('named speakers', () => {
  test('a surname resolves to the canonical entity name', () => {
    const text =
      'Foreign Minister Abdoulaye Diop welcomed the envoy. Diop told news agencies that no statement would be issued.';
    const ents = entities(text, [['Abdoulaye Diop', 'person', 'Abdoulaye Diop', 'Diop']]);
    const [q] = findQuotes(text, ents);
    expect(q).toMatchObject({ speaker: 'Abdoulaye Diop', anonymous: false, cue: 'told' });
    expect(q!.speakerMention).toMatchObject({ text: 'Diop' });
  });

  test('the fallback name finder links a surname when the entity engine found nothing', () => {
    const text = 'Nick Checker arrived on Monday. Checker said the talks had gone well.';
    expect(speakers(text, [])).toEqual([['Nick Checker', false]]);
  });

  test('appositive between subject and verb: the named person speaks', () => {
    const text =
      'Last month, the deputy commander of US Africa Command, Lieutenant General John Brennan, told AFP that Washington wanted to help.';
    const ents = entities(text, [
      ['John Brennan', 'person'],
      ['US Africa Command', 'organization'],
      ['AFP', 'organization'],
    ]);
    expect(speakers(text, ents)).toEqual([['John Brennan', false]]);
  });
});

describe('pronouns and role nouns', () => {
  test('"she" and "he" follow gender and recency', () => {
    const text =
      'Mrs Anna Berg met investors. She said the airline would grow.\n\nMr Lars Nilsen disagreed. He said the plan was unrealistic.';
    const ents = entities(text, [
      ['Anna Berg', 'person'],
      ['Lars Nilsen', 'person'],
    ]);
    expect(speakers(text, ents)).toEqual([
      ['Anna Berg', false],
      ['Lars Nilsen', false],
    ]);
  });

  test('"it" after a named organization is that organization', () => {
    const text = 'The Chicago Department of Aviation issued an update. It said flights were running normally.';
    const ents = entities(text, [['Chicago Department of Aviation', 'organization']]);
    expect(speakers(text, ents)).toEqual([['Chicago Department of Aviation', false]]);
  });

  test('"the president" is the person introduced with that title', () => {
    const text = 'President Barack Obama gave an interview. The president said he would keep trying.';
    const ents = entities(text, [['Barack Obama', 'person']]);
    expect(speakers(text, ents)).toEqual([['Barack Obama', false]]);
  });

  test('"the company" is the organization that spoke before', () => {
    const text = 'Nordlys Power said it would cut prices. The company added that bills would fall in May.';
    const ents = entities(text, [['Nordlys Power', 'organization']]);
    expect(speakers(text, ents)).toEqual([
      ['Nordlys Power', false],
      ['Nordlys Power', false],
    ]);
  });
});

describe('anonymous and descriptive sources', () => {
  test.each([
    ['A Malian diplomat said the envoy had come to help.', 'A Malian diplomat', true],
    ['Officials familiar with the talks said a deal was close.', 'Officials familiar with the talks', true],
    ['Local reports said the road had been cut.', 'Local reports', true],
    ['Malian authorities said the border was open.', 'Malian authorities', false],
    ['The military said it was keeping the family safe.', 'The military', false],
  ])('%s', (text, speaker, anonymous) => {
    expect(speakers(text, [])).toEqual([[speaker, anonymous]]);
  });

  test("a named person's unnamed spokesman is anonymous", () => {
    const text = 'Morgan Tsvangirai returned to Harare on Wednesday, his spokesman said.';
    const ents = entities(text, [
      ['Morgan Tsvangirai', 'person'],
      ['Harare', 'place'],
    ]);
    expect(speakers(text, ents)).toEqual([["Morgan Tsvangirai's spokesman", true]]);
  });

  test('a spokeswoman for a named organization is anonymous', () => {
    const text =
      'The workers are not trying to disrupt travel, a spokeswoman for the Service Employees International Union said.';
    const ents = entities(text, [['Service Employees International Union', 'organization']]);
    expect(speakers(text, ents)).toEqual([['a spokeswoman for the Service Employees International Union', true]]);
  });

  test('"the Malian diplomat" later is the same anonymous source', () => {
    const text =
      'A Malian diplomat, also on condition of anonymity, said the envoy had made an offer.\n\n"The conditions are clear," the Malian diplomat said.';
    const quotes = findQuotes(text, []);
    expect(quotes.map((q) => [q.speaker, q.anonymous])).toEqual([
      ['A Malian diplomat', true],
      ['A Malian diplomat', true],
    ]);
    expect(quotes[0]!.anonymityCue).toBe('on condition of anonymity');
  });
});

describe('name index and head nouns', () => {
  test('finds the nearest preceding mention by binary search', () => {
    const text = 'Ann Lee met Bob Ray. Later Ann Lee left.';
    const idx = buildNameIndex(
      text,
      entities(text, [
        ['Ann Lee', 'person'],
        ['Bob Ray', 'person'],
      ]),
    );
    expect(idx.before(text.length, 0, () => true)?.canonical).toBe('Ann Lee');
    expect(idx.before(text.indexOf('Later'), 0, () => true)?.canonical).toBe('Bob Ray');
    expect(idx.inRange(0, 20).map((r) => r.canonical)).toEqual(['Ann Lee', 'Bob Ray']);
  });

  test.each([
    ['a spokeswoman for the union', 'spokeswoman'],
    ['A diplomat at the US embassy in Bamako', 'diplomat'],
    ["the city's civil defense director", 'director'],
    ['Zimbabwean intelligence reports seen by Reuters', 'reports'],
    ['people familiar with the matter', 'people'],
  ])('head of "%s" is %s', (phrase, head) => {
    expect(headNoun(phrase)).toBe(head);
  });
});

describe('speakers on unseen outlets', () => {
  test('names in a byline are left out of the name index', () => {
    const text = 'By Joanna Pettersen\n\nAgnes MacLeod ran the clinic.';
    const ents = entities(text, [
      ['Joanna Pettersen', 'person'],
      ['Agnes MacLeod', 'person'],
    ]);
    const index = buildNameIndex(text, ents, [{ start: 0, end: 19 }]);
    expect(index.refs.map((r) => r.canonical)).toEqual(['Agnes MacLeod']);
  });

  test('"she said" skips the byline and finds the story\'s subject', () => {
    const text =
      'Clinic closes\n\nBy Joanna Pettersen\n\nFor thirty years, Agnes MacLeod ran the clinic. "People still knock on my door after dark," she said.';
    const ents = entities(text, [
      ['Joanna Pettersen', 'person'],
      ['Agnes MacLeod', 'person'],
    ]);
    expect(speakers(text, ents)).toEqual([['Agnes MacLeod', false]]);
  });

  test.each([
    ['the minister', true],
    ['Dr Kwabena Mensah-Forbes', true],
    ['a spokesperson for the agency', true],
    ['the picture was more complicated than closures alone', false],
    ['the families could remain', false],
    ['one of the most senior officials in the provincial health department at the time', false],
  ])('"%s" is a noun phrase: %s', (phrase, ok) => {
    expect(isNounPhrase(phrase)).toBe(ok);
  });

  test('a definite role noun refers back to the apposed name', () => {
    const text =
      'Tomás Herrera Vidal, the agriculture minister, spoke after the vote. The minister said the result was a setback.';
    const ents = entities(text, [['Tomás Herrera Vidal', 'person']]);
    expect(speakers(text, ents)).toEqual([['Tomás Herrera Vidal', false]]);
  });
});
