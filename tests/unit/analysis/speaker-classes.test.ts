/**
 * The speaker error classes of issue "Who said it, on articles we have never seen" (classes 1–5), one
 * made-up construction per row, run through the whole analyzer. Each row: the rule it exercises, the
 * article text, the start of the claim, and the [speaker, anonymous] expected for it.
 */
import { describe, expect, test } from 'vitest';
import { analyzeText } from '../../../utils/analysis/index';
import { speakerOf } from './speaker-of';

describe('class 2: apposition and titles — the person, not the title', () => {
  test.each([
    [
      'title-appositive: "Name, Org chief executive, said"',
      '"Demand is soft," Maria Okafor, Lumen Robotics chief executive, said on Tuesday.',
      'Demand is soft',
      ['Maria Okafor', false],
    ],
    [
      'inverted-apposed: "said Org\'s CEO, Name"',
      '"Demand is soft," said Lumen\'s CEO, Maria Okafor.',
      'Demand is soft',
      ['Maria Okafor', false],
    ],
    [
      'head-cut outside names: "Org of X President Name Sr., who …, warned"',
      'American Federation of Teachers President Dana K. Reyes Sr., who also leads the council, warned against ' +
        '"a return to the dark days."',
      'a return to the dark',
      ['Dana K. Reyes Sr.', false],
    ],
    [
      'head-cut outside names: "Bank of X chief economist Name said"',
      'Bank of Norland chief economist Ivo Brandt said rates would fall.',
      'rates would fall',
      ['Ivo Brandt', false],
    ],
    [
      'and-inside-name: "the Post and Courier newspaper reported" is the newspaper',
      'The Post and Courier newspaper reported that the defense rested.',
      'the defense rested',
      ['Post and Courier', false],
    ],
    [
      'a name ending the phrase is its own head: "the Office of the Independent Budget Analyst said"',
      'The Office of the Independent Budget Analyst said the city would lose $5 million.',
      'the city would lose',
      ['Office of the Independent Budget Analyst', false],
    ],
  ] as const)('%s', (_rule, text, claimStart, expected) => {
    expect(speakerOf(text, claimStart)).toEqual(expected);
  });
});

describe('class 3: descriptor sources are anonymous', () => {
  test.each([
    [
      'party-descriptor: place + party',
      '"He lost the room," said a Georgia Republican who asked not to be named.',
      'He lost the room',
      ['a Georgia Republican', true],
    ],
    [
      'party-descriptor: "one" + state + party',
      'One Arizona Democrat said the vote would fail.',
      'the vote would fail',
      ['One Arizona Democrat', true],
    ],
    [
      'party-descriptor: "another state Democrat"',
      'Another state Democrat said the bill was dead.',
      'the bill was dead',
      ['Another state Democrat', true],
    ],
    [
      'party-descriptor: chamber + party, plural',
      'Two House Democrats said the vote was postponed.',
      'the vote was postponed',
      ['Two House Democrats', true],
    ],
    [
      'anonymous-head: party + role',
      '"We need a new plan," a Republican senator said.',
      'We need a new plan',
      ['a Republican senator', true],
    ],
  ] as const)('%s', (_rule, text, claimStart, expected) => {
    expect(speakerOf(text, claimStart)).toEqual(expected);
  });
});

describe('class 1 and 4: a relative clause is never the speaker; generic and plural sources are anonymous', () => {
  test.each([
    [
      'relative-subject: "Officials who attended the meeting said"',
      'Officials who attended the meeting said the plan was dead.',
      'the plan was dead',
      ['Officials', true],
    ],
    [
      'relative-subject with "that"',
      'The lawyer that represents the family said the city was liable.',
      'the city was liable',
      ['The lawyer', true],
    ],
    [
      'relative-subject, and an object "her" before "said" is no determiner',
      'People who have worked with her said she was exacting.',
      'she was exacting',
      ['People', true],
    ],
    [
      '"Those who knew him" is unnamed, not a name',
      'Those who knew him said the plan was dead.',
      'the plan was dead',
      ['Those', true],
    ],
    [
      'anonymous-head: a plural generic source',
      'Analysts said the merger would face scrutiny.',
      'the merger would face',
      ['Analysts', true],
    ],
    [
      'anonymous-head: "officials on the call"',
      'Officials on the call said the grid held.',
      'the grid held',
      ['Officials on the call', true],
    ],
  ] as const)('%s', (_rule, text, claimStart, expected) => {
    expect(speakerOf(text, claimStart)).toEqual(expected);
  });
});

describe('captions, credits and pronouns', () => {
  test.each([
    [
      'slash-credit + caption-before-credit: a photographer in a caption player is no antecedent',
      'Dana Okoro spoke for an hour.\n\nA mourner outside the church. Lena Marsh/Getty Images hide caption\n\n' +
        'toggle caption\n\nLena Marsh/Getty Images\n\nA mourner outside the church.\n\nLena Marsh/Getty Images\n\n' +
        'Mr. Okoro also said: "I have nothing more to add."',
      'I have nothing more to add',
      ['Dana Okoro', false],
    ],
    [
      'same-sentence-known-gender: the last speaker, known to be a woman, beats a nearer name of unknown gender',
      'Ms. Priya Sandoval said the door was locked. The gunman, Okoro, stood over the bed.\n\n' +
        '"I could not move," she said.',
      'I could not move',
      ['Priya Sandoval', false],
    ],
  ] as const)('%s', (_rule, text, claimStart, expected) => {
    expect(speakerOf(text, claimStart)).toEqual(expected);
  });

  test('slash-credit: the credited photographer is not an entity', () => {
    const text = 'A mourner outside the church. Lena Marsh/Getty Images hide caption\n\nThe service began at noon.';
    expect(analyzeText(text).entities.map((e) => e.text)).not.toContain('Lena Marsh');
  });
});

describe('class 5 and 7: documents speak for their issuer; a named institution is on the record', () => {
  test.each([
    [
      'document-author: a review by a named body',
      'A review by the Harlow Institute said the dam was unsafe.',
      'the dam was unsafe',
      ['Harlow Institute', false],
    ],
    [
      'document-author: figures from a named office',
      'Figures from the Norland Statistics Office said wages rose 3 percent.',
      'wages rose 3 percent',
      ['Norland Statistics Office', false],
    ],
    [
      'document-known-issuer: "the review said" later refers back to its issuer',
      'A review by the Harlow Institute said the dam was unsafe.\n\nThe review said repairs would cost $4 million.',
      'repairs would cost',
      ['Harlow Institute', false],
    ],
    [
      'unnamed documents are anonymous',
      'According to court filings, the company owed $2 million.',
      'the company owed',
      ['court filings', true],
    ],
    [
      'institution-office: "the sheriff\'s office said" is on the record',
      "The sheriff's office said late Thursday that the road had reopened.",
      'the road had reopened',
      ["The sheriff's office", false],
    ],
    [
      "an institution's unnamed spokesperson is anonymous",
      'A spokesperson for Halvorsen Energy said the plant was safe.',
      'the plant was safe',
      ['A spokesperson for Halvorsen Energy', true],
    ],
  ] as const)('%s', (_rule, text, claimStart, expected) => {
    expect(speakerOf(text, claimStart)).toEqual(expected);
  });
});
