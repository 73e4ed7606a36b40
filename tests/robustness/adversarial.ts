/**
 * Adversarial lines for the analyzer (issue 17): long runs of the characters its regexes key on — capitals,
 * hyphenated acronyms, hyphens, straight and curly quotes (unbalanced), white space, apostrophes, periods —
 * each embedded in plausible news sentences (a speech cue, an anonymity cue, a quotation), so the run reaches
 * the speaker, quote and entity code paths rather than being skipped as noise. Deterministic: no PRNG, a
 * family's text depends only on the family and the size. Shared by the fuzz bench (bench/fuzz.ts) and the
 * complexity unit test so both stress the same inputs.
 */

/** One family of adversarial runs: `unit` repeated (and cut) to the requested run length. */
export interface AdversarialFamily {
  name: string;
  /** The repeated piece; the run is `unit` repeated and cut to n characters. */
  unit: string;
}

/** The families, one row each: what repeats. */
export const FAMILIES: readonly AdversarialFamily[] = [
  // the reported line: "A WHO-UNICEF-NATO-OECD-IAEA-UNESCO official" grown to n characters
  { name: 'acronyms-hyphen', unit: 'WHO-UNICEF-NATO-OECD-IAEA-UNESCO-' },
  { name: 'capitalized-words', unit: 'Alpha Beta Gamma Delta ' },
  { name: 'capitals-run', unit: 'ABCDEFGHIJKLMNOPQRSTUVWXYZ' },
  { name: 'caps-periods', unit: 'J. R. R. ' },
  { name: 'hyphens', unit: '-' },
  { name: 'hyphen-words', unit: 'well-' },
  { name: 'straight-quotes', unit: '"' },
  { name: 'straight-quote-words', unit: '"talks ' },
  { name: 'curly-quotes', unit: '\u201c' },
  { name: 'curly-unbalanced', unit: '\u201cthe talks\u2019 \u2018' },
  { name: 'spaces', unit: ' ' },
  { name: 'whitespace-mixed', unit: ' \t\n \u00a0' },
  { name: 'apostrophes', unit: "'" },
  { name: 'apostrophe-names', unit: "O'Neil\u2019s " },
  { name: 'periods', unit: '.' },
  { name: 'initials', unit: 'A.B.' },
];

/** The run of `family` at exactly n characters. */
export function adversarialRun(family: AdversarialFamily, n: number): string {
  return family.unit.repeat(Math.ceil(n / family.unit.length)).slice(0, n);
}

/**
 * The run embedded in a short article: as a name-like subject before an anonymity cue, as a speaker after a
 * speech verb, inside a quotation and before a dateline dash — the places the speaker, quote and entity
 * regexes look at.
 */
export function adversarialText(family: AdversarialFamily, n: number): string {
  const run = adversarialRun(family, n);
  return [
    `A ${run} official, speaking on condition of anonymity, said the talks had stalled.`,
    `"We will not sign," said ${run}.`,
    `Officials from ${run} told reporters: "${run}`,
    `${run} \u2014 The minister said the vote would go ahead.`,
  ].join('\n\n');
}
