/**
 * Reported speech without quotation marks and the non-quotes next to it (issue #13, classes 6 and 7), one
 * made-up example per rule, through the whole analyzer (`analyzeText`). Each row names its rule id or the
 * `CUE_FILTERS` entry as the code does.
 */
import { describe, expect, test } from 'vitest';
import { analyzeText } from '../../../utils/analysis/index';

const claims = (text: string): Array<[string | null, string]> =>
  analyzeText(text, {}).quotes.map((q) => [q.speaker, q.text]);

describe('reported speech is found', () => {
  test.each<[string, string, Array<[string | null, string]>]>([
    [
      'quote.find.speech-noun: a possessor and "promise to"',
      "Dana Reyes's promise to cut bus fares by half drew cheers from the crowd.",
      [['Dana Reyes', 'to cut bus fares by half']],
    ],
    [
      'quote.find.speech-noun: an unnamed possessor is not guessed',
      "The minister's vow to rebuild every bridge was already in doubt by March.",
      [],
    ],
    [
      'quote.find.speech-noun: "claim that" ends before the sentence verb',
      "The union's claim that the mill had been sold in secret was denied by the owners.",
      [['The union', 'the mill had been sold in secret']],
    ],
    [
      'quote.find.speech-noun: a quoted request',
      'The council\'s request to "list every contractor who attended the briefing" alarmed staff.',
      [['The council', 'list every contractor who attended the briefing']],
    ],
    [
      'request-object: "asked to" with no object',
      'Dana Reyes has asked to speak for herself at the hearing.',
      [['Dana Reyes', 'to speak for herself at the hearing']],
    ],
    [
      'request-object: "asked the jury to"',
      'During closing arguments, defense attorney Omar Velde asked the jury to consider why the pier collapsed.',
      [['Omar Velde', 'the jury to consider why the pier collapsed']],
    ],
    [
      'request-object: "asking for" drops the preposition',
      'Ilse Marrow sent a letter to the regulator, asking for an inquiry into whether the dam had been inspected.',
      [['Ilse Marrow', 'an inquiry into whether the dam had been inspected']],
    ],
    [
      'request-object + progressive-cue: "is calling on the ministry to"',
      'Omar Velde is calling on the ministry to publish its water data by June.',
      [['Omar Velde', 'the ministry to publish its water data by June']],
    ],
    [
      'that-clause-only + subordinate-cue: "protested that" in a fronted clause',
      'After Omar Velde protested that the new canal would flood his fields, the ministry withdrew the plan.',
      [['Omar Velde', 'the new canal would flood his fields']],
    ],
    [
      'that-clause-only: "recounted how"',
      'Dana Reyes recounted how she had hidden under a table during the attack.',
      [['Dana Reyes', 'how she had hidden under a table during the attack']],
    ],
    [
      'skip-lead-adverbial + insinuate: the name in "Without naming X," is not the subject',
      'Without naming the governor, Dana Reyes tore into her rival, insinuating that the province would lose its best teacher.',
      [['Dana Reyes', 'the province would lose its best teacher']],
    ],
    [
      'participle-without-comma: "— even suggesting that" after a dash',
      'Dana Reyes criticized the budget in March — even suggesting that the cuts could close half the schools.',
      [['Dana Reyes', 'the cuts could close half the schools']],
    ],
    [
      'recommend: the object is the claim',
      'The Coastal Health Board had recommended the use of masks for nurses working in the ward.',
      [['Coastal Health Board', 'the use of masks for nurses working in the ward']],
    ],
    [
      'blame: the object is the claim',
      'Senator Ilse Marrow has blamed the drought for the rise in food prices.',
      [['Ilse Marrow', 'the drought for the rise in food prices']],
    ],
    [
      'decree-object: "announced a ban on"',
      'The ministry announced a ban on the export of rice.',
      [['The ministry', 'a ban on the export of rice']],
    ],
    [
      'listener-then-named-clause: "told the jury Reyes stood …"',
      'Another witness, Omar Velde, told the jury Reyes stood over him with a knife.',
      [['Omar Velde', 'Reyes stood over him with a knife']],
    ],
    [
      'quote.speaker.subject.comma-inverted: "…, reported Dana Reyes of Coastal Radio"',
      'As the verdict was read, Velde stared at the floor, reported Dana Reyes of Coastal Radio, who was in the courtroom.',
      [['Dana Reyes', 'As the verdict was read, Velde stared at the floor']],
    ],
    [
      'call-without-quotation: an object before the quotation makes "called" speech',
      'Omar Velde called the budget "a reckless gamble with our future."',
      [['Omar Velde', 'the budget "a reckless gamble with our future."']],
    ],
  ])('%s', (_rule, text, expected) => {
    expect(claims(text)).toEqual(expected);
  });
});

describe('non-quotes stay out', () => {
  test.each<[string, string, Array<[string | null, string]>]>([
    ['demonstrative-that-adverbial: "said that more than once"', 'Omar Velde has said that more than once.', []],
    [
      'advise-as-job: "who advises X on Y" is a job',
      'The council heard from Ilse Marrow, who advises Mayor Dana Reyes on housing matters.',
      [],
    ],
    [
      'object-end at a subordinate clause: "acknowledged her disagreements … when she …" is a bare object',
      'Dana Reyes acknowledged her disagreements with the mayor in an essay last month when she criticized his budget.',
      [],
    ],
    [
      'object-relative: "the reform he promised —" has no claim of its own',
      'Dana Reyes said the mayor achieved the reform he promised — cheaper buses — for every rider.',
      [['Dana Reyes', 'the mayor achieved the reform he promised — cheaper buses — for every rider']],
    ],
    [
      'nested-relative-cue: a relative cue inside an earlier claim is part of it',
      'Last May, Dana Reyes said that tenants who had accused the landlord of neglect "deserve to be heard."',
      [['Dana Reyes', 'tenants who had accused the landlord of neglect "deserve to be heard."']],
    ],
    [
      'nouny-s-form: a possessive before "remarks" makes it a noun',
      "Dana Reyes's remarks drew little notice in the capital.",
      [],
    ],
    [
      'advise-as-job: "is advising X, according to …" is a job; only the according-to claim stays',
      'Northgate Capital is advising the Harbor Authority, according to people familiar with the talks.',
      [['people familiar with the talks', 'Northgate Capital is advising the Harbor Authority']],
    ],
    ['time-only-content: "said late Thursday." has no claim', 'Omar Velde said late Thursday.', []],
    [
      'that-clause-only: "protested the decision" has no claim',
      'Omar Velde protested the decision outside the hall.',
      [],
    ],
    [
      'request-object: "asked not to be named" is no request',
      'A guard, who asked not to be named, opened the gate.',
      [],
    ],
    ['phrasal-verb: "blamed on" is a passive', 'The fire, blamed on faulty wiring, destroyed the hall.', []],
    [
      'call-without-quotation: "a group called" names a thing',
      'Omar Velde founded a group called "Friends of the Western Coast" in 2004.',
      [],
    ],
  ])('%s', (_rule, text, expected) => {
    expect(claims(text)).toEqual(expected);
  });
});
