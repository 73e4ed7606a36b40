/**
 * Issue 17.1, the bounded complexity check on input size: every adversarial family of the fuzz bench
 * (tests/robustness/adversarial.ts) goes through `analyzeText` at n and 4n characters, and the regex work
 * (exec calls and characters scanned, counted by regex-work.ts — no clock) may grow at most 5× where linear
 * growth is 4×. A quadratic path would show 16×. The counter itself is tested on a linear and a quadratic
 * pattern so a broken counter cannot make the check pass vacuously.
 */
import { describe, expect, test } from 'vitest';
import { analyzeText } from '../../../utils/analysis/index';
import { adversarialText, FAMILIES } from '../../robustness/adversarial';
import { measureRegexWork } from './regex-work';

const N = 1000;
/** Linear growth from n to 4n is 4×; a little slack for the fixed cost of the surrounding sentences. */
const MAX_GROWTH = 5;

function growth(run: (n: number) => void): { calls: number; scanned: number } {
  const small = measureRegexWork(() => run(N));
  const large = measureRegexWork(() => run(4 * N));
  return { calls: large.calls / small.calls, scanned: large.scanned / small.scanned };
}

describe('the regex work counter', () => {
  test('sees a linear scan as linear', () => {
    const g = growth((n) => 'ab '.repeat(n).replace(/b/g, 'c'));
    expect(g.scanned).toBeGreaterThan(3.5);
    expect(g.scanned).toBeLessThan(4.5);
  });

  test('sees a regex re-run from every position as quadratic', () => {
    const g = growth((n) => {
      const s = 'a'.repeat(n);
      for (let i = 0; i < s.length; i++) /x/.test(s.slice(i));
    });
    expect(g.scanned).toBeGreaterThan(12);
  });

  test('restores RegExp.prototype.exec', () => {
    const before = RegExp.prototype.exec;
    expect(() =>
      measureRegexWork(() => {
        throw new Error('boom');
      }),
    ).toThrow('boom');
    expect(RegExp.prototype.exec).toBe(before);
  });
});

describe('analyzeText does linear regex work on adversarial input', () => {
  test.each(FAMILIES.map((f) => [f.name, f] as const))('%s: n → 4n grows ≤ 5×', (_name, family) => {
    analyzeText('Warm-up in Paris. "Yes," said Ann Lee.'); // lexicons are built at first use, not per call
    const g = growth((n) => analyzeText(adversarialText(family, n)));
    expect.soft(g.calls, 'exec calls').toBeLessThanOrEqual(MAX_GROWTH);
    expect(g.scanned, 'characters scanned').toBeLessThanOrEqual(MAX_GROWTH);
  });
});
