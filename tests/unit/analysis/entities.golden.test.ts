/**
 * Golden test for the entity engine: short articles written for this purpose (tests/fixtures/entities/<slug>/),
 * each exercising datelines, acronyms, surname merging, titles, possessives, hyphens/diacritics or boilerplate.
 * Matching follows the evaluation's rules: a name matches an entity's canonical text, one of its mentions, or
 * (for names of two or more words) is contained in it; types must agree.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { findEntities } from '../../../utils/analysis/entities';
import type { Entity } from '../../../utils/analysis/types';

const BASE = join(__dirname, '..', '..', 'fixtures', 'entities');
const slugs = readdirSync(BASE).filter((d) => !d.startsWith('.'));

interface Expected {
  entities: Array<{ text: string; type: string }>;
}

const norm = (s: string): string =>
  s
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/’/g, "'")
    .toLowerCase()
    .replace(/^(the|a|an)\s+/, '')
    .replace(/'s$/, '')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();

function matches(e: Entity, name: string): boolean {
  const k = norm(name);
  if (norm(e.text) === k || e.mentions.some((m) => norm(m.text) === k)) return true;
  return k.includes(' ') && ` ${norm(e.text)} `.includes(` ${k} `);
}

function score(text: string, expected: Expected) {
  const got = findEntities(text);
  const used = new Set<number>();
  const missed: string[] = [];
  for (const g of expected.entities) {
    const i = got.findIndex((e, j) => !used.has(j) && e.type === g.type && matches(e, g.text));
    if (i >= 0) used.add(i);
    else missed.push(`${g.text} [${g.type}]`);
  }
  const spurious = got.filter((_, j) => !used.has(j)).map((e) => `${e.text} [${e.type}]`);
  return { got, missed, spurious, tp: used.size };
}

describe('entity golden fixtures', () => {
  test('there are at least 8 fixtures', () => {
    expect(slugs.length).toBeGreaterThanOrEqual(8);
  });

  test.each(slugs)('%s: mentions are exact offsets into the text', (slug) => {
    const text = readFileSync(join(BASE, slug, 'source.txt'), 'utf8');
    for (const e of findEntities(text)) {
      expect(e.mentions.length).toBeGreaterThan(0);
      for (const m of e.mentions) expect(text.slice(m.start, m.end)).toBe(m.text);
    }
  });

  test.each(slugs)('%s: finds the expected entities with their types', (slug) => {
    const text = readFileSync(join(BASE, slug, 'source.txt'), 'utf8');
    const expected = JSON.parse(readFileSync(join(BASE, slug, 'expected.json'), 'utf8')) as Expected;
    const { missed, spurious, tp } = score(text, expected);
    const recall = tp / expected.entities.length;
    const precision = tp / (tp + spurious.length);
    // a floor per article (catches a broken rule); the aggregate test below holds the quality bar
    expect(recall, `missed: ${missed.join('; ')}`).toBeGreaterThanOrEqual(0.65);
    expect(precision, `spurious: ${spurious.join('; ')}`).toBeGreaterThanOrEqual(0.6);
  });

  test('typed F1 over all fixtures is at least 0.93', () => {
    let tp = 0;
    let gold = 0;
    let pred = 0;
    for (const slug of slugs) {
      const text = readFileSync(join(BASE, slug, 'source.txt'), 'utf8');
      const expected = JSON.parse(readFileSync(join(BASE, slug, 'expected.json'), 'utf8')) as Expected;
      const r = score(text, expected);
      tp += r.tp;
      gold += expected.entities.length;
      pred += r.got.length;
    }
    const p = tp / pred;
    const r = tp / gold;
    expect((2 * p * r) / (p + r)).toBeGreaterThanOrEqual(0.93);
  });
});
