/**
 * Text folding for matching names and search words: one definition shared by the library index, the
 * Markdown export and the audit, so "Müller" and "muller" meet everywhere the same way. Pure.
 */

const NON_ASCII = /[^\t-\u007f]/;

/**
 * Folds case and diacritics only (white space is left alone: search words never contain any). ASCII text,
 * most of it, skips Unicode normalization, which is what makes building the library index cheap.
 */
export function foldCase(s: string): string {
  const lower = s.toLowerCase();
  return NON_ASCII.test(lower) ? lower.normalize('NFD').replace(/[\u0300-\u036f]/g, '') : lower;
}

/** Folds text for matching: lower case, no diacritics, one space per white-space run. */
export function foldForSearch(s: string): string {
  return foldCase(s).replace(/\s+/g, ' ');
}
