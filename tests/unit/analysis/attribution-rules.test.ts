/**
 * Attribution rules for articles the analyzer has never seen (issue "Who said it"), one made-up example per
 * rule, run through the whole analyzer (`analyzeText`), so each case shows the rule working with the
 * entity engine in front of it. Each row: rule name, article text, and the [speaker, anonymous] expected
 * for the quote whose text starts with `quoteStart`.
 */
import { describe, expect, test } from 'vitest';
import { analyzeText } from '../../../utils/analysis/index';
import { speakerOf } from './speaker-of';

describe('speaker rules', () => {
  test.each([
    [
      'tail-of-name: a lower-case word inside a name does not leave its last word as the speaker',
      'Lawmakers met on Monday.\n\nThe Joint Committee on Intelligence and Security has pointed out the powers were ' +
        '"for the purpose of determining the identity of a source".',
      'for the purpose of determining',
      ['Joint Committee on Intelligence and Security', false],
    ],
    [
      'a middle initial does not cut the name after the verb',
      'Lawmakers met on Monday.\n\n"The request is alarming," said Rep. Paul R. Vance, the senior Democrat on the panel.',
      'The request is alarming',
      ['Paul R. Vance', false],
    ],
    [
      'a name in a photo caption is no antecedent for the next "she said"',
      'Grace Ndlovu, the mayor, opened the bridge on Friday.\n\n' +
        'Governor Peter Lang arrives at the ceremony in Harare on Friday. (Tendai Moyo/Reuters)\n\n' +
        '"This bridge joins two towns that never spoke," she said.',
      'This bridge joins',
      ['Grace Ndlovu', false],
    ],
    [
      'a given name of one gender is evidence for "she said"',
      'Robert Hale and Michelle Ortiz met voters in Dayton.\n\n"We are not done yet," she said.',
      'We are not done yet',
      ['Michelle Ortiz', false],
    ],
    [
      'a described man is no antecedent for "she said"',
      'Ana Silva said her father was a calm man.\n\nThe calm dad told reporters the farm would survive.\n\n' +
        '"I learned patience from him," she said.',
      'I learned patience',
      ['Ana Silva', false],
    ],
    [
      'a quantity is never the speaker',
      'The health ministry published new figures on Monday.\n\nThe total confirmed that 942 people have recovered in the state.',
      '942 people',
      [null, false],
    ],
    [
      'a document nobody is named as issuing is an unnamed source',
      'Officials met on Monday.\n\nThe drug was approved last week, according to an official statement.',
      'The drug was approved',
      ['an official statement', true],
    ],
    [
      'definite-role-salient: "the first lady" is the woman the passage is about',
      'Robert Hale met Ana Ortiz in Dayton.\n\nAna Ortiz sees hope in Ohio.\n\nThe first lady suggested that the vote had lifted the town.',
      'the vote had lifted',
      ['Ana Ortiz', false],
    ],
    [
      'definite-role-salient: "the senator" without a title match is the named person before it',
      'Maria Okafor toured the flooded farms on Monday.\n\nThe senator said the levees would be rebuilt by spring.',
      'the levees would',
      ['Maria Okafor', false],
    ],
    [
      'definite-role-salient: an indefinite role stays an unnamed source',
      'Maria Okafor toured the flooded farms on Monday.\n\nA senator said the levees would be rebuilt by spring.',
      'the levees would',
      ['A senator', true],
    ],
    [
      'document-speaker: a letter introduced earlier speaks for itself',
      'The Harbor Trust and the Port Authority met in Leeds.\n\nOn Monday, the trust sent a letter to the mayor.\n\n' +
        'The letter said the dredging had damaged the reef.',
      'the dredging had',
      ['The letter', false],
    ],
    [
      'document-speaker: a document named by another noun speaks for the organization',
      'The Port Authority published a request for proposals on Monday.\n\nThe solicitation also notes that bidders must dredge the harbor every year.',
      'bidders must dredge',
      ['Port Authority', false],
    ],
    [
      'speaker-head: a list of things before ", said X" is the claim, not the speaker',
      'The new pipes resist rust, dents and leaks, said the engineers, who added that work would end in May.',
      'The new pipes',
      ['the engineers', true],
    ],
    [
      'speaker-head: "…, said Name, a spokesman …" after a noun phrase of things',
      'Most road work stops because asphalt and some soils freeze in colder weather, said Omar Velde, a spokesman for the roads agency.',
      'Most road work',
      ['Omar Velde', false],
    ],
    [
      'participle-appositive + addressee-not-speaker: "X, seated next to Y, told reporters" is X',
      'Mayor Omar Velde and Dana Reyes opened the pier on Monday.\n\n' +
        '“It will survive every storm the bay can send,” Ms. Reyes, seated next to Mr. Velde on the stage, told reporters.',
      'It will survive',
      ['Dana Reyes', false],
    ],
    [
      'tweet-signature: an embedded post is a direct quote of the signed author',
      'Some residents mocked the alert.\n\nWell that was a loud way to wake up pic.twitter.com/Ab12Cd\n\n' +
        '— Omar Velde (@omarvelde) May 3, 2021\n\nThe city defended it.',
      'Well that was a loud way to wake up',
      ['Omar Velde', false],
    ],
    [
      'time-after-speaker: "said the harbor master last week" — the time phrase is not part of the speaker',
      'The storm hit the coast.\n\nThe pier will reopen soon, said the harbor master last week.',
      'The pier will reopen',
      ['the harbor master', true],
    ],
    [
      'clause-not-speaker: a capitalized clause before ", said X on Monday" is the claim',
      'Some residents criticized the alert, said Omar Velde on Monday.',
      'Some residents criticized',
      ['Omar Velde', false],
    ],
    [
      'clause-not-speaker: a short clause ending in a past-tense verb before ", said X" is the claim',
      'The plan worked, said Ilse Marrow.',
      'The plan worked',
      ['Ilse Marrow', false],
    ],
    [
      'named-document: the notes of a named bill are on the record',
      'Parliament debated the transit law.\n\nThe operators must keep records for two years, according to the explanatory notes of the Transit Bill.',
      'The operators must keep',
      ['the explanatory notes of the Transit Bill', false],
    ],
    [
      'named-document: reports only seen by an outlet stay unnamed',
      'The army denied it.\n\nThe general was sidelined last year, according to intelligence reports seen by the Daily Ledger.',
      'The general was sidelined',
      ['intelligence reports seen by the Daily Ledger', true],
    ],
    [
      'title-only-speaker: "the US President said" is the person introduced with the title',
      'US President Dana Reyes spoke on Monday.\n\n"We will see whether there is retaliation," the US President said.',
      'We will see whether',
      ['Dana Reyes', false],
    ],
    [
      'colon-source: a newsletter item credited with a colon',
      'RATE WATCH — The central bank meets today.\n\nPORT STRIKE — Reuters: “Dockworkers in Baltimore went back to work on Monday after a deal.”',
      'Dockworkers in Baltimore',
      ['Reuters', false],
    ],
    [
      'colon-source: the reporter, not the outlet, when a person is named',
      'PORT STRIKE — The Baltimore Sun’s Dana Reyes: “Dockworkers went back to work on Monday after a deal.”',
      'Dockworkers went back',
      ['Dana Reyes', false],
    ],
  ] as const)('%s', (_rule, text, quoteStart, expected) => {
    expect(speakerOf(text, quoteStart)).toEqual(expected);
  });

  test.each([
    [
      'nobody-speaks: a negative quantifier',
      'The rules are strict. Few would argue against the use of cameras on buses.',
    ],
    ['nobody-speaks: the writer\'s "let\'s"', 'The deal is complex. First, let’s say what the merger is not.'],
  ])('%s', (_rule, text) => {
    expect(analyzeText(text).quotes).toEqual([]);
  });

  test('colon-source: several credited reporters give one claim each', () => {
    const text =
      'PORT STRIKE — Our Dana Reyes and Omar Velde: “Dockworkers in Baltimore went back to work on Monday after a deal.”';
    const got = analyzeText(text)
      .quotes.filter((q) => q.text.startsWith('Dockworkers'))
      .map((q) => q.speaker);
    expect(got).toEqual(['Dana Reyes', 'Omar Velde']);
  });
});

describe('entity clustering rules', () => {
  test('"Mr. Obama" does not join "Michelle Obama": the honorific and the given name disagree', () => {
    const text = 'The first lady, Michelle Obama, spoke first.\n\nMr. Obama said the economy was strong.';
    const names = analyzeText(text).entities.map((e) => [e.text, e.aliases ?? []]);
    expect(names).toContainEqual(['Michelle Obama', []]);
    expect(names).toContainEqual(['Obama', []]);
  });
});
