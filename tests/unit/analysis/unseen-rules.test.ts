/**
 * Rules added for articles the analyzer has never seen (issue #13), one made-up example per rule: entity
 * rules through `findEntities`, boilerplate rules through `boilerplateRanges`. Speaker rules live in
 * attribution-rules.test.ts. Each row names its rule as the code comment does ("rule all-caps-kicker").
 */
import { describe, expect, test } from 'vitest';
import { findEntities } from '../../../utils/analysis/entities';
import { boilerplateRanges } from '../../../utils/analysis/lexicons/boilerplate';
import type { EntityType } from '../../../utils/analysis/types';

const names = (text: string): Record<string, EntityType> =>
  Object.fromEntries(findEntities(text).map((e) => [e.text, e.type]));

describe('entity rules', () => {
  test.each<[string, string, Record<string, EntityType | undefined>]>([
    [
      'all-caps-kicker: newsletter kickers are headings, not places',
      'RATE WATCH — The central bank held rates in Baltimore.\n\nPORT STRIKE ENDS — Dockworkers went back.\n\n' +
        'PATIENCE IS A VIRTUE — Traders waited.',
      { 'RATE WATCH': undefined, 'PORT STRIKE ENDS': undefined, 'PATIENCE IS A VIRTUE': undefined, Baltimore: 'place' },
    ],
    [
      'all-caps-kicker: one dateline is still a place',
      'CAPE TOWN — The minister arrived on Monday.',
      { 'CAPE TOWN': 'place' },
    ],
    [
      'possessive-determiner: "Our Dana Reyes writes" names Dana Reyes',
      'PORT STRIKE — Our Dana Reyes writes: "The strike is over."\n\nRATE WATCH — Rates held.',
      { 'Dana Reyes': 'person', 'Our Dana Reyes': undefined },
    ],
    [
      'honorific-majority: one "Ms. Velde" does not stop "Mr. Velde" keeping apart from Ivanka Velde',
      'Mr. Velde spoke first. Mr. Velde said the pier would open. Mr. Velde left early. His daughter Ivanka Velde ' +
        'stayed.\n\nMs. Velde said nothing. Velde later returned.',
      { Velde: 'person', 'Ivanka Velde': 'person' },
    ],
    [
      'middle-initial-variant: "Dana K. Reyes", "Dana Reyes" and a lone "Dana" are one person',
      'Dana K. Reyes, the ambassador, resigned on Tuesday. Dana Reyes had served two years.\n\n' +
        '“Dana will be missed,” the president said.',
      { 'Dana K. Reyes': 'person', 'Dana Reyes': undefined, Dana: undefined },
    ],
    [
      'tweet-signature + social-handle: the author of an embedded post is a person, the handle no name',
      'Some residents mocked the alert.\n\nWell that was a loud way to wake up pic.twitter.com/Ab12Cd\n\n' +
        '— Omar Velde (@omarvelde) May 3, 2021',
      { 'Omar Velde': 'person', omarvelde: undefined },
    ],
    [
      'appositive-head: "X, the agency spokesperson" is a person, not an organization',
      '“We try to keep the roads open,” said Ilse Marrow, the agency spokesperson.',
      { 'Ilse Marrow': 'person' },
    ],
    [
      'caps-lede-word: a lede word set in capitals is no organization',
      'A HIGH-powered team from Canberra toured the newsrooms this week.',
      { 'HIGH-powered': undefined, Canberra: 'place' },
    ],
    [
      'slash-dateline: "Lagos/ Accra:" is a two-city dateline, not a photo credit',
      'Lagos/ Accra:\n\nThe minister said the border would reopen.',
      { Lagos: 'place', Accra: 'place' },
    ],
  ])('%s', (_rule, text, expected) => {
    const got = names(text);
    for (const [name, type] of Object.entries(expected)) expect([name, got[name]]).toEqual([name, type]);
  });
});

describe('boilerplate rules', () => {
  const cut = (text: string) => boilerplateRanges(text).map(([s, e]) => text.slice(s, e));
  test.each([
    [
      'glued-credit: a credit glued to its caption',
      'Workers from the water board fix a cracked main under a flooded junction in central Leeds during the cold snap of 2014.CreditDana Reyes/The Daily Ledger',
      ['CreditDana Reyes/The Daily Ledger'],
    ],
    [
      'glued-credit: the doubled cue with an ellipsis',
      'A flooded street.CreditCredit…Omar Velde for The Ledger',
      ['CreditCredit…Omar Velde for The Ledger'],
    ],
    [
      'author-bio: a long staff bio line',
      'Dana Reyes is a Metro reporter covering transit and housing. She writes the Street Life column in the ' +
        'Sunday section and was part of the team that won the 2011 Polk Award for Local Reporting. @danareyes',
      [
        'Dana Reyes is a Metro reporter covering transit and housing. She writes the Street Life column in the ' +
          'Sunday section and was part of the team that won the 2011 Polk Award for Local Reporting. @danareyes',
      ],
    ],
    [
      'print-footer: the print-edition note and the lines after it',
      'The pipes held.\n\nA version of this article appears in print on\n\n, on Page\n\nA\n\n22\n\nwith the headline:\n\n' +
        'Under the Streets, A Long Winter. Order Reprints | Today’s Paper | Subscribe',
      [
        'A version of this article appears in print on',
        ', on Page',
        'A',
        '22',
        'with the headline:',
        'Under the Streets, A Long Winter. Order Reprints | Today’s Paper | Subscribe',
      ],
    ],
  ])('%s', (_rule, text, expected) => expect(cut(text)).toEqual(expected));

  test.each(['The mayor said the Credit Union would pay.', 'Dana Reyes, a Metro reporter, said so.'])(
    'keeps article prose: %s',
    (text) => expect(cut(text)).toEqual([]),
  );
});
