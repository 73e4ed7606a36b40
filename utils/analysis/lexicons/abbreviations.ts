/**
 * Abbreviations whose period is not a full stop: the one list that the sentence splitter (sentences.ts),
 * the tokenizer (tokens.ts) and the quote engine's noun phrases read. Plain data: each abbreviation listed
 * once under its kind (a title, a suffix, a short form, a loose lower-case form); what each reader does
 * with its period follows from the kind alone (`KIND_USES`). AP-style state abbreviations come from
 * usStates.ts.
 */
import { US_STATE_ABBREVIATIONS } from './usStates';

/**
 * The uses of an abbreviation's period, derived from its kind (`KIND_USES`), never listed per word:
 *  - `title`: a title before a name ("Mr.", "Gen."): the tokenizer keeps the period, and it never ends a
 *    sentence;
 *  - `token`: the tokenizer keeps the period, and a function word after it may still start a new
 *    sentence ("… Inc. The company");
 *  - `sentence`: the sentence splitter never ends a sentence after it;
 *  - `phrase`: the period stays inside a speaker's noun phrase ("Mr. Maait said", "Acme Inc. said").
 */
export type AbbreviationUse = 'title' | 'token' | 'sentence' | 'phrase';

/**
 * What an abbreviation is, which decides every use of its period:
 *  - `title`: written before a name ("Mr.", "Gen.", "St. Louis");
 *  - `suffix`: written after a name ("Jr.", "Inc.", "Ltd."), part of it;
 *  - `short`: any other capitalized short form (months, "No.", "Ave.", states): a word of its own;
 *  - `loose`: written in lower case or with inner dots ("et al.", "approx.", "a.m."): only the sentence
 *    splitter reads it (the tokenizer's dotted-acronym pattern already keeps "U.S."'s periods).
 */
export type AbbreviationKind = 'title' | 'suffix' | 'short' | 'loose';

/** The uses of each kind: the one place where the three readers' subsets are decided. */
export const KIND_USES: Readonly<Record<AbbreviationKind, readonly AbbreviationUse[]>> = {
  title: ['title', 'sentence', 'phrase'],
  suffix: ['token', 'sentence', 'phrase'],
  short: ['token', 'sentence'],
  loose: ['sentence'],
};

// kind: the abbreviations (without their period) of that kind
const TABLE: Readonly<Record<AbbreviationKind, string>> = {
  title:
    'Mr Mrs Ms Dr Prof Rev Gen Lt Col Maj Capt Sgt Cpl Pvt Adm Gov Sen Rep Sr St Mt Ft Det Insp Supt Cmdr Brig ' +
    'Hon Messrs Gens Reps Sens Pres Fr',
  suffix: 'Jr Inc Corp Co Ltd Bros',
  short: 'No Vol Dept Ave Blvd Rd Pt vs etc Jan Feb Mar Apr Jun Jul Aug Sept Sep Oct Nov Dec Univ Intl Natl Assn',
  loose: 'llc nos al approx est fig tex e.g i.e a.m p.m u.s u.k u.n e.u d.c',
};

/** Every abbreviation (without its period) with its kind; a word is listed under one kind only. */
export const ABBREVIATION_KINDS: ReadonlyMap<string, AbbreviationKind> = (() => {
  const out = new Map<string, AbbreviationKind>();
  for (const kind of Object.keys(TABLE) as AbbreviationKind[])
    for (const word of TABLE[kind].split(' ')) out.set(word, kind);
  // "Orlando, Fla.": a one-word AP state abbreviation is a short form
  for (const st of US_STATE_ABBREVIATIONS) {
    const word = st.slice(0, -1);
    if (!word.includes('.') && !out.has(word)) out.set(word, 'short');
  }
  return out;
})();

/** Every abbreviation (without its period) with the uses its kind gives it. */
export const ABBREVIATIONS: ReadonlyMap<string, ReadonlySet<AbbreviationUse>> = new Map(
  [...ABBREVIATION_KINDS].map(([word, kind]) => [word, new Set(KIND_USES[kind])]),
);

/** The abbreviations with one use, as written ("Mr", "vs"), or lower-cased when `lower` is set. */
export function abbreviationsFor(use: AbbreviationUse, lower = false): ReadonlySet<string> {
  const out = new Set<string>();
  for (const [word, uses] of ABBREVIATIONS) if (uses.has(use)) out.add(lower ? word.toLowerCase() : word);
  return out;
}
