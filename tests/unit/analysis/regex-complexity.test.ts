/**
 * Issue 17.1, bounded regex complexity without timing: the check is eslint-plugin-regexp's own static
 * analysis (scslre's super-linear backtracking and super-linear move detection), run through the ESLint API
 * over every analyzer and extraction module, so it is deterministic — no wall-clock assertion can flake on a
 * shared machine. The reported WHO-UNICEF line (and two more acronyms) must still yield its anonymous claim.
 */
import { ESLint } from 'eslint';
import { describe, expect, test } from 'vitest';
import { analyzeText } from '../../../utils/analysis/index';

describe('no super-linear regex in the analyzer', () => {
  test('eslint-plugin-regexp finds no super-linear backtracking or move in utils/', async () => {
    const eslint = new ESLint({ cwd: process.cwd() });
    const results = await eslint.lintFiles(['utils/analysis/**/*.ts', 'utils/article/**/*.ts']);
    const hits = results.flatMap((r) =>
      r.messages
        .filter((m) => m.ruleId?.startsWith('regexp/no-super-linear'))
        .map((m) => `${r.filePath}:${m.line} ${m.ruleId}`),
    );
    expect(hits).toEqual([]);
  }, 60000);

  test.each(['WHO-UNICEF-NATO-OECD-IAEA-UNESCO', 'WHO-UNICEF-NATO-OECD-IAEA-UNESCO-FAO-ILO'])(
    'the %s official is still an anonymous source',
    (acronyms) => {
      const q = analyzeText(
        `A ${acronyms} official, speaking on condition of anonymity, said the talks had stalled.`,
      ).quotes;
      expect(q).toHaveLength(1);
      expect(q[0]).toMatchObject({ anonymous: true, cue: 'said', anonymityCue: 'on condition of anonymity' });
    },
  );
});
