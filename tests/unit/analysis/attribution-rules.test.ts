/**
 * Attribution rules for articles the analyzer has never seen (issue "Who said it"), one made-up example per
 * rule, run through the whole analyzer (`analyzeText`), so each case shows the rule working with the
 * entity engine in front of it. Each row: rule name, article text, and the [speaker, anonymous] expected
 * for the quote whose text starts with `quoteStart`.
 */
import { describe, expect, test } from 'vitest';
import { analyzeText } from '../../../utils/analysis/index';

const speakerOf = (text: string, quoteStart: string): [string | null, boolean] | null => {
  const q = analyzeText(text).quotes.find((x) => x.text.startsWith(quoteStart));
  return q ? [q.speaker, q.anonymous] : null;
};

describe('speaker rules', () => {
  test.each([
    [
      'a middle initial does not cut the name after the verb',
      'Lawmakers met on Monday.\n\n"The request is alarming," said Rep. Paul R. Vance, the senior Democrat on the panel.',
      'The request is alarming',
      ['Paul R. Vance', false],
    ],
  ] as const)('%s', (_rule, text, quoteStart, expected) => {
    expect(speakerOf(text, quoteStart)).toEqual(expected);
  });
});
