/**
 * Abbreviations whose period is not a full stop: the one list that the sentence splitter (sentences.ts),
 * the tokenizer (tokens.ts) and the quote engine's noun phrases (quotes.ts) read. Plain data: one row per
 * abbreviation with the uses that keep its period. The uses still differ where the three stages learned
 * different cases ("Mar." is only a sentence-splitter abbreviation: "mar" is also a word); aligning them
 * is a change of output, to be made with its snapshot diff, not here. AP-style state abbreviations come
 * from usStates.ts.
 */
import { US_STATE_ABBREVIATIONS } from './usStates';

/**
 * The uses of an abbreviation's period:
 *  - `title`: a title before a name ("Mr.", "Gen."): the tokenizer keeps the period, and it never ends a
 *    sentence;
 *  - `token`: the tokenizer keeps the period, and a function word after it may still start a new
 *    sentence ("… Inc. The company");
 *  - `sentence`: the sentence splitter never ends a sentence after it;
 *  - `phrase`: the quote engine keeps the period inside a speaker's noun phrase ("Mr. Maait said").
 */
export type AbbreviationUse = 'title' | 'token' | 'sentence' | 'phrase';

// word, then its uses
const TABLE = `
Mr title sentence phrase
Mrs title sentence phrase
Ms title sentence phrase
Dr title sentence phrase
Prof title sentence phrase
Rev title sentence phrase
Gen title sentence phrase
Lt title sentence phrase
Col title sentence phrase
Maj title sentence phrase
Capt title sentence phrase
Sgt title sentence phrase
Cpl title sentence
Pvt title
Adm title sentence
Gov title sentence phrase
Sen title sentence phrase
Rep title sentence phrase
Sr title sentence phrase
St title sentence phrase
Mt title sentence
Ft title sentence
Det title
Insp title
Supt title
Cmdr title
Brig title
Hon title sentence phrase
Messrs title sentence
Gens title
Reps title
Sens title
Pres title sentence
Fr title sentence phrase
Jr token sentence phrase
Inc token sentence phrase
Corp token sentence phrase
Co token sentence phrase
Ltd token sentence phrase
Bros token sentence
No token sentence
Vol token
Dept token sentence
Ave token
Blvd token
Rd token
Pt token
vs token sentence
etc token sentence
Jan token sentence
Feb token sentence
Aug token sentence
Sept token sentence
Sep token sentence
Oct token sentence
Nov token sentence
Dec token sentence
Univ token
Intl token
Natl token
Assn token
llc sentence
nos sentence
al sentence
approx sentence
est sentence
fig sentence
mar sentence
apr sentence
jun sentence
jul sentence
tex sentence
e.g sentence
i.e sentence
a.m sentence
p.m sentence
u.s sentence
u.k sentence
u.n sentence
e.u sentence
d.c sentence
`;

/** Every abbreviation (without its period) with its uses. */
export const ABBREVIATIONS: ReadonlyMap<string, ReadonlySet<AbbreviationUse>> = (() => {
  const out = new Map<string, Set<AbbreviationUse>>();
  for (const line of TABLE.trim().split('\n')) {
    const [word, ...uses] = line.split(' ');
    out.set(word!, new Set(uses as AbbreviationUse[]));
  }
  // "Orlando, Fla.": a one-word state abbreviation keeps its period in the tokenizer and the splitter
  for (const st of US_STATE_ABBREVIATIONS) {
    const word = st.slice(0, -1);
    if (!word.includes('.')) out.set(word, new Set(['token', 'sentence']));
  }
  return out;
})();

/** The abbreviations with one use, as written ("Mr", "vs"), or lower-cased when `lower` is set. */
export function abbreviationsFor(use: AbbreviationUse, lower = false): ReadonlySet<string> {
  const out = new Set<string>();
  for (const [word, uses] of ABBREVIATIONS) if (uses.has(use)) out.add(lower ? word.toLowerCase() : word);
  return out;
}
