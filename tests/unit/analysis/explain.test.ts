/**
 * `analyze FILE --explain` on the demo article (demo/seed.html): every quote lists the rules that found it,
 * chose its speaker and set its anonymous flag — here one named claim (Nick Checker's "emphasised") and one
 * anonymous one (the Malian diplomat speaking on condition of anonymity) — and the ids are the ones the
 * analyzer recorded in `Quote.rules`.
 */
import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { formatExplain } from '../../../cli/explain';
import { analyzeLoaded } from '../../../cli/target';

const DEMO = 'demo/seed.html';
const analysis = analyzeLoaded({ body: readFileSync(DEMO, 'utf8'), kind: 'html', url: 'https://localhost/' }, DEMO);
const byText = (start: string) => analysis.quotes.find((q) => q.text.startsWith(start))!;

describe('quote rule ids', () => {
  test('every quote records one finding rule, its speaker rules and one anonymity rule', () => {
    for (const q of analysis.quotes) {
      const rules = q.rules ?? [];
      expect(rules.filter((id) => id.startsWith('quote.find.'))).toHaveLength(1);
      expect(rules.some((id) => id.startsWith('quote.speaker.'))).toBe(true);
      expect(rules.filter((id) => id.startsWith('quote.anonymous.'))).toHaveLength(1);
      expect(rules.every((id) => /^quote\.(?:find|speaker|anonymous)\.[a-z.-]+$/.test(id))).toBe(true);
    }
  });

  test('a named claim: the subject before the verb, a named person, on the record', () => {
    const q = byText("his country's respect for Mali's sovereignty");
    expect(q.speaker).toBe('Nick Checker');
    expect(q.rules).toEqual([
      'quote.find.verb-cue',
      'quote.speaker.subject.before',
      'quote.speaker.resolve.named-person',
      'quote.anonymous.on-record',
    ]);
  });

  test('an anonymous claim: an unnamed-source head and the cue "on condition of anonymity"', () => {
    const q = byText('come to make an offer of services');
    expect(q.anonymous).toBe(true);
    expect(q.rules).toEqual([
      'quote.find.verb-cue',
      'quote.speaker.subject.before',
      'quote.speaker.resolve.anonymous-head',
      'quote.anonymous.cue',
    ]);
  });
});

describe('--explain', () => {
  test('formatExplain prints the three stages of each quote', () => {
    const out = formatExplain(analysis);
    expect(out).toContain('speaker: Nick Checker · on the record · cue: emphasised');
    expect(out).toContain(
      'speaker by:   quote.speaker.subject.before → quote.speaker.resolve.named-person\n    anonymous by: quote.anonymous.on-record',
    );
    expect(out).toContain("speaker: A Malian diplomat · anonymous (cue: 'on condition of anonymity') · cue: said");
    expect(out.match(/^ {4}found by: /gm)).toHaveLength(analysis.quotes.length);
  });

  test('the CLI flag prints it', async () => {
    const stdout = await new Promise<string>((resolve, reject) =>
      execFile('npx', ['tsx', 'cli/analyze.ts', DEMO, '--explain'], (err, out) => (err ? reject(err) : resolve(out))),
    );
    expect(stdout).toBe(formatExplain(analysis));
  }, 30000);
});
