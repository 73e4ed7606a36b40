/** Sentence and paragraph segmentation: offsets, abbreviations, initials, quotations. */
import { describe, expect, test } from 'vitest';
import { splitParagraphs, splitSentences } from '../../../utils/analysis/sentences';

const texts = (text: string, spans: { start: number; end: number }[]): string[] =>
  spans.map((s) => text.slice(s.start, s.end));

describe('splitParagraphs', () => {
  test('splits on blank lines and single line breaks, trimming whitespace', () => {
    const text = 'First para.\n\n  Second para.  \nThird line.\n\n\n';
    expect(texts(text, splitParagraphs(text))).toEqual(['First para.', 'Second para.', 'Third line.']);
  });

  test('empty text has no paragraphs', () => {
    expect(splitParagraphs('')).toEqual([]);
    expect(splitParagraphs('\n\n \n')).toEqual([]);
  });
});

describe('splitSentences', () => {
  test.each([
    ['Mr. Smith arrived. He left.', ['Mr. Smith arrived.', 'He left.']],
    ['John F. Kennedy spoke in 1961. The crowd cheered.', ['John F. Kennedy spoke in 1961.', 'The crowd cheered.']],
    ['The U.S. economy grew. Prices fell.', ['The U.S. economy grew.', 'Prices fell.']],
    ['They met in Orlando, Fla., on Monday. It rained.', ['They met in Orlando, Fla., on Monday.', 'It rained.']],
    ['"We will win." She smiled.', ['"We will win."', 'She smiled.']],
    ['Is it over? No! It is not.', ['Is it over?', 'No!', 'It is not.']],
    ['It cost 3.5 million dollars. Nobody paid.', ['It cost 3.5 million dollars.', 'Nobody paid.']],
    ['He said no. and then left.', ['He said no. and then left.']],
  ])('%s', (text, expected) => {
    expect(texts(text, splitSentences(text))).toEqual(expected);
  });

  test('never crosses a paragraph break and offsets point into the text', () => {
    const text = 'One sentence\n\nAnother one. And more.';
    const spans = splitSentences(text);
    expect(texts(text, spans)).toEqual(['One sentence', 'Another one.', 'And more.']);
    for (const s of spans) expect(s.end).toBeGreaterThan(s.start);
  });

  test('a run of terminators is one sentence end, however long ("Wait...... He left.")', () => {
    for (const dots of ['...', '.'.repeat(5000)]) {
      const text = `Wait${dots} He left. But${dots}then he came back.`;
      expect(texts(text, splitSentences(text))).toEqual([`Wait${dots}`, 'He left.', `But${dots}then he came back.`]);
    }
  });

  // speed is measured by `npm run bench`, never by a timed unit test
  test('a long text splits into every one of its sentences', () => {
    const text = 'The minister said the plan had failed. '.repeat(20000);
    expect(splitSentences(text)).toHaveLength(20000);
  });
});
