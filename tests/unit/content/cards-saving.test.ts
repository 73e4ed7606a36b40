/**
 * The content script's cards, forms and saving builders: the card an item shows (placed at its range's
 * first line box, saved or not), the correction forms, and the annotation a selection or item becomes.
 */
import { describe, expect, it } from 'vitest';
import type { Analysis } from '../../../utils/analysis/types';
import type { AnnotationRecord } from '../../../utils/db/schema';
import { cardView, claimForm, editForm, isSaved } from '../../../entrypoints/article.content/cards';
import { mentionKey, noteItem, quoteKey, type Item } from '../../../entrypoints/article.content/keys';
import { itemAnnotation, selectionAnnotation } from '../../../entrypoints/article.content/saving';

const text = 'Maria Lopes said the port would reopen, officials said.';
const analysis = {
  title: 't',
  byline: null,
  siteName: null,
  publishedTime: null,
  text,
  entities: [{ text: 'Maria Lopes', type: 'person', mentions: [{ start: 0, end: 11 }] }],
  quotes: [
    {
      text: 'the port would reopen',
      kind: 'indirect',
      speaker: null,
      anonymous: true,
      start: 17,
      end: 38,
      cue: 'officials said',
      anonymityCue: 'officials said',
    },
  ],
} as unknown as Analysis;

const mention: Item = { kind: 'mention', key: mentionKey(0, 0), entity: 0, type: 'person', start: 0, end: 11 };
const quote: Item = { kind: 'quote', key: quoteKey(0), quote: 0, start: 17, end: 38 };

/** A range stand-in with one line box (the node environment has no layout). */
const rangeAt = (left: number, top: number): Range => {
  const rect = { left, top, height: 18, right: left + 80, bottom: top + 18, width: 80 } as DOMRect;
  return { getClientRects: () => [rect], getBoundingClientRect: () => rect } as unknown as Range;
};

const savedQuote = { kind: 'quote', position: { start: 17, end: 38 } } as AnnotationRecord;

describe('cards', () => {
  it('a mention card names the entity; a quote card carries its cue and corrections', () => {
    expect(cardView(mention.key, mention, rangeAt(5, 40), analysis, [], () => [])).toEqual({
      key: mention.key,
      x: 5,
      y: 40,
      lineHeight: 18,
      saved: false,
      type: 'person',
      text: 'Maria Lopes',
    });
    const card = cardView(quote.key, quote, rangeAt(1, 2), analysis, [savedQuote], () => ['speaker set']);
    expect(card).toMatchObject({
      type: 'quote',
      saved: true,
      quote: { anonymous: true, anonymityCue: 'officials said', anonymityReason: null, corrections: ['speaker set'] },
    });
  });

  it('has no card for a note or an item the analysis no longer has', () => {
    expect(cardView('n:x', noteItem('x'), rangeAt(0, 0), analysis, [], () => [])).toBeNull();
    expect(cardView(quote.key, quote, rangeAt(0, 0), null, [], () => [])).toBeNull();
    expect(isSaved(noteItem('x'), [])).toBe(true);
    expect(isSaved(mention, [savedQuote])).toBe(false);
  });
});

describe('forms', () => {
  const rect = { left: 10, bottom: 30 } as DOMRect;

  it('the edit form starts from what the analysis said, under the range', () => {
    expect(editForm(analysis.quotes[0]!, rect, ['Maria Lopes'])).toEqual({
      mode: 'edit',
      x: 10,
      y: 38,
      text: 'the port would reopen',
      speaker: null,
      anonymous: true,
      kind: 'indirect',
      choices: ['Maria Lopes'],
    });
  });

  it('a selection opening with a quote mark becomes a direct claim, else an indirect one', () => {
    expect(claimForm('port', '  “port', rect, []).kind).toBe('direct');
    expect(claimForm('port', 'port', rect, [])).toMatchObject({ mode: 'add', kind: 'indirect', speaker: null });
  });
});

describe('saving', () => {
  const described = { quote: { exact: 'port', prefix: 'the ', suffix: ' would' }, position: { start: 21, end: 25 } };

  it('a selection is a highlight, or a note when it has a comment', () => {
    expect(selectionAnnotation(described, '  ')).toMatchObject({ kind: 'highlight', category: 'note', comment: '' });
    expect(selectionAnnotation(described, ' why? ')).toMatchObject({ kind: 'note', comment: 'why?' });
  });

  it('a card item keeps its place in the text and what the analysis said', () => {
    expect(itemAnnotation(mention, text, analysis, '')).toMatchObject({
      kind: 'entity',
      category: 'person',
      position: { start: 0, end: 11 },
      quote: { exact: 'Maria Lopes' },
    });
    expect(itemAnnotation(quote, text, null, '')).toMatchObject({
      kind: 'quote',
      category: 'quote',
      speaker: null,
      anonymous: false,
      anonymityCue: null,
    });
  });
});
