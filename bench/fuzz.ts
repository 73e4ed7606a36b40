/**
 * Fuzz benchmark (issue 17, `npm run bench` or `npx tsx bench/fuzz.ts`): adversarial lines — runs of
 * capitals, hyphenated acronyms, hyphens, quotes, white space, apostrophes, periods (tests/robustness/
 * adversarial.ts) — at 1k to 10k characters through `analyzeText`, Node only. Prints ms and ms per 1k
 * characters by family and size, and flags a family whose per-character time at 10k exceeds 3× that at 1k
 * (super-linear growth). Timing only; the deterministic check lives in the unit tests.
 */
import { performance } from 'node:perf_hooks';
import { analyzeText } from '../utils/analysis/index';
import { adversarialText, FAMILIES } from '../tests/robustness/adversarial';

const SIZES = [1000, 2500, 5000, 10000];
const FLAG_RATIO = 3;

function ms(text: string): number {
  const t0 = performance.now();
  analyzeText(text);
  return performance.now() - t0;
}

analyzeText('Warm-up in Paris. "Yes," said Ann Lee.'); // lexicons are built once, at first use
console.log(`| family | ${SIZES.map((n) => `${n / 1000}k ms (ms/1k)`).join(' | ')} | 10k/1k per char |`);
console.log(`|---|${SIZES.map(() => '---').join('|')}|---|`);
let flagged = 0;
for (const family of FAMILIES) {
  const perK: number[] = [];
  const cells = SIZES.map((n) => {
    const text = adversarialText(family, n);
    const t = Math.min(ms(text), ms(text)); // best of two: less noise from a shared machine
    perK.push((t / text.length) * 1000);
    return `${t.toFixed(1)} (${perK[perK.length - 1]!.toFixed(2)})`;
  });
  const ratio = perK[perK.length - 1]! / Math.max(perK[0]!, 1e-3);
  const flag = ratio > FLAG_RATIO ? ' ⚠ super-linear' : '';
  if (flag) flagged++;
  console.log(`| ${family.name} | ${cells.join(' | ')} | ${ratio.toFixed(2)}${flag} |`);
}
console.log(flagged ? `\n${flagged} families grow super-linearly.` : '\nPer-character time flat in every family.');
