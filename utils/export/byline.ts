/**
 * Byline cleaning for the export (pure core): pages hand Readability bylines such as "By Jane Doe ·
 * Link Copied" or "By JANE DOE | Updated 5 March 2026, 10:04". A table of named rules, applied in order,
 * removes the leading "By", dates and times, and UI leftovers; what remains is the names.
 */

/** A cleaning rule: its name, an example input, and the pattern it removes. */
interface BylineRule {
  name: string;
  example: string;
  pattern: RegExp;
  replace: string;
}

const MONTH =
  '(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\\.?';

/** The rules, in the order they run. */
export const BYLINE_RULES: readonly BylineRule[] = [
  {
    name: 'UI leftovers',
    example: 'Jane Doe · Link Copied → Jane Doe',
    pattern:
      /\b(?:link copied|copy link|copied!?|share (?:this )?(?:article|story)|share|follow|subscribe|read more|view comments?|comments?|listen(?: to (?:this )?article)?|\d+ min(?:ute)?s? read)\b/giu,
    replace: ' ',
  },
  {
    name: 'updated / published stamp',
    example: 'Jane Doe | Updated 5 March 2026 → Jane Doe',
    pattern: /\b(?:updated|published|posted|last modified)\b(?:\s+(?:on|at))?/giu,
    replace: ' ',
  },
  {
    name: 'date, day first',
    example: 'Jane Doe 5 March 2026 → Jane Doe',
    pattern: new RegExp(`\\b\\d{1,2}(?:st|nd|rd|th)?\\s+${MONTH}(?:,?\\s+\\d{4})?`, 'giu'),
    replace: ' ',
  },
  {
    name: 'date, month first',
    example: 'Jane Doe, March 5, 2026 → Jane Doe',
    pattern: new RegExp(`\\b${MONTH}\\s+\\d{1,2}(?!\\d)(?:st|nd|rd|th)?,?(?:\\s+\\d{4})?`, 'giu'),
    replace: ' ',
  },
  {
    name: 'numeric date or year',
    example: 'Jane Doe 2026-03-05 → Jane Doe',
    pattern: /\b(?:\d{4}-\d{2}-\d{2}(?:t[\d:.]+z?)?|\d{1,2}\/\d{1,2}\/\d{2,4}|(?:19|20)\d{2})\b/giu,
    replace: ' ',
  },
  {
    name: 'time of day',
    example: 'Jane Doe 10:04 am EST → Jane Doe',
    pattern: /\b\d{1,2}[:.]\d{2}(?:\s*[ap]\.?m\.?)?(?:\s+[a-z]{2,4}t)?\b|\b\d{1,2}\s*[ap]\.?m\.?(?=\s|$|[,|·])/giu,
    replace: ' ',
  },
  {
    name: 'leading "By"',
    example: 'By Jane Doe → Jane Doe',
    pattern: /^[\s|·•,–—-]*by[\s:]+/iu,
    replace: '',
  },
];

/** Separator characters left dangling once dates and leftovers are gone. */
const SEPARATORS = new Set([...'|·•,;:–—-']);

const isSeparators = (t: string): boolean => [...t].every((c) => SEPARATORS.has(c));

/** Strips separator characters from both ends of `t` (a loop: no backtracking regular expression). */
function trimSeparators(t: string): string {
  const chars = [...t];
  let i = 0;
  let j = chars.length;
  while (i < j && SEPARATORS.has(chars[i]!)) i++;
  while (j > i && SEPARATORS.has(chars[j - 1]!)) j--;
  return chars.slice(i, j).join('');
}

/** The byline's names only ("By Jane Doe · Link Copied" → "Jane Doe"); null when nothing is left. */
export function cleanByline(byline: string | null | undefined): string | null {
  if (!byline) return null;
  let s = byline;
  // the leading "By" is checked first as well as last: a date may sit between it and the names
  s = s.replace(BYLINE_RULES[BYLINE_RULES.length - 1]!.pattern, '');
  for (const rule of BYLINE_RULES) s = s.replace(rule.pattern, rule.replace);
  // words and separators; runs of separators become one, none is left at either end
  const tokens: string[] = [];
  for (const t of s.split(/\s/)) {
    if (!t) continue;
    if (isSeparators(t) && (tokens.length === 0 || isSeparators(tokens[tokens.length - 1]!))) continue;
    tokens.push(t);
  }
  while (tokens.length && isSeparators(tokens[tokens.length - 1]!)) tokens.pop();
  const out = trimSeparators(tokens.join(' ').replace(/ ([,;])/g, '$1'));
  return out.trim() || null;
}
