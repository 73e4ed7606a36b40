/**
 * Golden fixtures for the quote engine: one short hand-written article per construction
 * (tests/fixtures/quotes/<slug>/source.txt) with the quotes it must yield (expected.json).
 *
 * Runs the real pipeline (entities + quotes) like the CLI does. A predicted quote matches an expected one
 * when its text starts with the expected text and kind, anonymity and speaker agree; the speaker of a named
 * source may be any form ending in the expected surname, so the entity engine's choice of fullest name does
 * not make these tests brittle. Every fixture must produce exactly its expected quotes — no more.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { findEntities } from '../../../utils/analysis/entities';
import { findQuotes } from '../../../utils/analysis/quotes';
import type { Quote } from '../../../utils/analysis/types';

interface Expected {
  text: string;
  kind: Quote['kind'];
  speaker: string;
  anonymous: boolean;
  anonymityCue?: string;
}

const ROOT = join(__dirname, '../../fixtures/quotes');
const slugs = readdirSync(ROOT, { withFileTypes: true })
  .filter((d) => d.isDirectory())
  .map((d) => d.name)
  .sort();

const norm = (s: string | null): string =>
  (s ?? '')
    .toLowerCase()
    .replace(/['\u2019]s$/, '')
    .trim();

function speakerOk(exp: Expected, got: Quote): boolean {
  if (exp.anonymous) return norm(got.speaker) === norm(exp.speaker);
  const surname = exp.speaker.split(' ').pop()!.toLowerCase();
  return norm(got.speaker).split(/\s+/).includes(surname);
}

describe('quote golden fixtures', () => {
  test('there is a fixture per construction', () => {
    expect(slugs.length).toBeGreaterThanOrEqual(12);
  });

  test.each(slugs)('%s', (slug) => {
    const text = readFileSync(join(ROOT, slug, 'source.txt'), 'utf8');
    const expected = (JSON.parse(readFileSync(join(ROOT, slug, 'expected.json'), 'utf8')) as { quotes: Expected[] })
      .quotes;
    const quotes = findQuotes(text, findEntities(text));
    // Offsets always point at the text.
    for (const q of quotes) expect(text.slice(q.start, q.end)).toBe(q.text);
    const summary = quotes.map((q) => `${q.kind} ${q.speaker} ${q.anonymous ? '(anon)' : ''}: ${q.text}`);
    const used = new Set<number>();
    for (const exp of expected) {
      const i = quotes.findIndex((q, j) => !used.has(j) && q.text.startsWith(exp.text));
      expect(i, `missing "${exp.text}" in\n${summary.join('\n')}`).toBeGreaterThanOrEqual(0);
      used.add(i);
      const got = quotes[i]!;
      expect({ kind: got.kind, anonymous: got.anonymous }, exp.text).toEqual({
        kind: exp.kind,
        anonymous: exp.anonymous,
      });
      expect(speakerOk(exp, got), `speaker of "${exp.text}": expected ${exp.speaker}, got ${got.speaker}`).toBe(true);
      if (exp.anonymityCue) expect(got.anonymityCue).toBe(exp.anonymityCue);
    }
    expect(summary.length, `spurious quotes in\n${summary.join('\n')}`).toBe(expected.length);
  });
});
