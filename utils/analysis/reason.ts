/**
 * Why a claim is flagged anonymous, in words a reader can check (pure core). The analyzer decides
 * `anonymous`; this names the evidence it had, from the quote's own fields, as the first matching rule of a
 * table: the anonymity cue phrase it saw, else the shape of the unnamed speaker phrase. Adds the
 * `anonymityReason` output field; it never changes what is flagged.
 */
import { headNoun } from './speakers';
import type { Quote } from './types';

/** A reason rule: its name, an example, and the reason it gives (null: the rule does not apply). */
interface ReasonRule {
  name: string;
  example: string;
  reason(q: Pick<Quote, 'speaker' | 'anonymityCue'>): string | null;
}

/** Plural heads that are not groups of people ("news", "headquarters"). */
const NOT_PLURAL = new Set(['news', 'headquarters', 'series', 'analysis', 'basis', 'press']);

const isPluralHead = (head: string | null): boolean =>
  !!head && head.length > 3 && /[^su]s$/.test(head) && !NOT_PLURAL.has(head);

const short = (s: string): string => s.replace(/\s+/g, ' ').trim().slice(0, 120);

/** The reason rules, most specific first. */
export const REASON_RULES: readonly ReasonRule[] = [
  {
    name: 'cue phrase',
    example: '"…," an official said on condition of anonymity → cue: \'on condition of anonymity\'',
    reason: (q) => (q.anonymityCue ? `cue: '${short(q.anonymityCue)}'` : null),
  },
  {
    name: 'no source named',
    example: '"…," it was said → no source named',
    reason: (q) => (q.speaker?.trim() ? null : 'no source named'),
  },
  {
    name: 'plural group',
    example: "analysts said … → plural group: 'analysts'",
    reason: (q) => (isPluralHead(headNoun(q.speaker ?? '')) ? `plural group: '${short(q.speaker!)}'` : null),
  },
  {
    name: 'unnamed descriptor',
    example: "a senior aide said … → unnamed descriptor: 'a senior aide'",
    reason: (q) => `unnamed descriptor: '${short(q.speaker ?? '')}'`,
  },
];

/** The reason `q` is anonymous, or null when it is not. */
export function anonymityReason(q: Pick<Quote, 'speaker' | 'anonymous' | 'anonymityCue'>): string | null {
  if (!q.anonymous) return null;
  for (const rule of REASON_RULES) {
    const r = rule.reason(q);
    if (r) return r;
  }
  return null;
}
