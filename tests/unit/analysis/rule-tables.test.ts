/**
 * The rule tables of the quote engine are readable units: every speaker rule, anonymity rule and cue filter
 * has a unique id (namespaced by stage where it is recorded in `Quote.rules`) and an example; the ordered
 * lists end in a rule that always applies, so "first match wins" always decides.
 */
import { describe, expect, test } from 'vitest';
import { ANONYMITY_RULES } from '../../../utils/analysis/quotes';
import { SPEAKER_RULES } from '../../../utils/analysis/speakers';
import { CUE_FILTERS } from '../../../utils/analysis/speechCues';
import { ABBREVIATIONS, abbreviationsFor } from '../../../utils/analysis/lexicons/abbreviations';
import {
  ORG_FALLBACK_HEADS,
  ORG_NAME_HEADS,
  ROLE_REFERENTS,
  ROLES_BEFORE_NAME,
} from '../../../utils/analysis/lexicons/roles';

describe('SPEAKER_RULES', () => {
  test('ids are unique, namespaced quote.speaker.resolve.*, and every rule has an example', () => {
    const ids = SPEAKER_RULES.map((r) => r.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const r of SPEAKER_RULES) {
      expect(r.id).toMatch(/^quote\.speaker\.resolve\.[a-z-]+$/);
      expect(r.example.length).toBeGreaterThan(5);
    }
  });
  test('the last rule is the catch-all description', () => {
    expect(SPEAKER_RULES[SPEAKER_RULES.length - 1]!.id).toBe('quote.speaker.resolve.description');
  });
});

describe('ANONYMITY_RULES', () => {
  test('ids are unique and namespaced quote.anonymous.*; the last rule always applies', () => {
    const ids = ANONYMITY_RULES.map((r) => r.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const r of ANONYMITY_RULES) expect(r.id).toMatch(/^quote\.anonymous\.[a-z-]+$/);
    const unnamed = {
      name: null,
      anonymous: false,
      type: 'unknown',
      gender: null,
      mention: null,
      anonymityCue: null,
    } as const;
    expect(ANONYMITY_RULES[ANONYMITY_RULES.length - 1]!.applies(unnamed, null)).toBe(true);
  });
});

describe('CUE_FILTERS', () => {
  test('names are unique and every filter has an example', () => {
    const names = CUE_FILTERS.map((f) => f.name);
    expect(new Set(names).size).toBe(names.length);
    for (const f of CUE_FILTERS) expect(f.example.length).toBeGreaterThan(3);
  });
});

describe('lexicons', () => {
  test('each abbreviation is listed once; titles are kept by the tokenizer and never end a sentence', () => {
    expect(ABBREVIATIONS.get('Mr')).toEqual(new Set(['title', 'sentence', 'phrase']));
    expect(abbreviationsFor('sentence', true).has('fla')).toBe(true); // from usStates.ts
    expect(abbreviationsFor('token').has('Calif')).toBe(true);
    expect(abbreviationsFor('phrase', true).has('mar')).toBe(false);
  });
  test('role nouns and organization heads: one table, four views', () => {
    expect(ROLES_BEFORE_NAME).toContain('spokesperson');
    expect(ROLE_REFERENTS.get('company')).toBe('organization');
    expect(ROLE_REFERENTS.get('ceo')).toBe('person');
    expect(ORG_NAME_HEADS).toContain('Ministry');
    expect(ORG_FALLBACK_HEADS.has('ministry')).toBe(true);
    expect(new Set(ROLES_BEFORE_NAME).size).toBe(ROLES_BEFORE_NAME.length);
  });
});
