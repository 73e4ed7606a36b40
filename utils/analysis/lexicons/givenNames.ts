/**
 * The given-name lists (pure core): every known given name, and the gender the lists agree on for each,
 * decoded once from the front-coded data in ./data. A module of its own so that a consumer that needs
 * only names (the speaker profile of a saved claim, the audit) does not build the whole gazetteer.
 */
import { GIVEN_NAMES_FEMALE } from './data/givenNamesFemale';
import { GIVEN_NAMES_MALE } from './data/givenNamesMale';
import { GIVEN_NAMES_SSA_F, GIVEN_NAMES_SSA_M, GIVEN_NAMES_SSA_U } from './data/givenNamesSsa';
import { EXTRA_FEMALE_GIVEN_NAMES, EXTRA_GIVEN_NAMES } from './known';

/**
 * Decodes a front-coded list (scripts/build-lexicons.ts): "|"-separated entries, each a base-36 digit giving
 * how many leading characters it shares with the previous entry, then the rest of the word.
 */
export function decodeFrontCoded(s: string): string[] {
  const out: string[] = [];
  let prev = '';
  for (const part of s.split('|')) {
    if (!part) continue;
    const w = prev.slice(0, parseInt(part[0]!, 36)) + part.slice(1);
    out.push(w);
    prev = w;
  }
  return out;
}

/** Given names, and the gender of those the lists agree on. */
export interface GivenNameLists {
  givenNames: Set<string>;
  givenGender: Map<string, 'm' | 'f'>;
}

let cached: GivenNameLists | null = null;

/** The given-name lists, decoded at first use. */
export function givenNameLists(): GivenNameLists {
  if (cached) return cached;
  const female = new Set(decodeFrontCoded(GIVEN_NAMES_FEMALE));
  const male = new Set(decodeFrontCoded(GIVEN_NAMES_MALE));
  const givenNames = new Set<string>([...female, ...male]);
  const givenGender = new Map<string, 'm' | 'f'>();
  for (const n of female) if (!male.has(n)) givenGender.set(n, 'f');
  for (const n of male) if (!female.has(n)) givenGender.set(n, 'm');
  // common US given names the English lists lack (SSA counts), with the gender nine in ten births agree on
  for (const [list, g] of [
    [GIVEN_NAMES_SSA_F, 'f'],
    [GIVEN_NAMES_SSA_M, 'm'],
    [GIVEN_NAMES_SSA_U, null],
  ] as const) {
    for (const n of decodeFrontCoded(list)) {
      givenNames.add(n);
      if (g) givenGender.set(n, g);
    }
  }
  for (const n of EXTRA_GIVEN_NAMES.split(/\s+/)) if (n) givenNames.add(n);
  for (const n of EXTRA_FEMALE_GIVEN_NAMES.split(/\s+/)) if (n) givenGender.set(n, 'f');
  cached = { givenNames, givenGender };
  return cached;
}
