import { describe, expect, it } from 'vitest';
import { locateExact, quoteSelector } from '../../../utils/anchoring/selectors';
import { normalizeUrl } from '../../../utils/article/url';

const text = 'Alpha beta gamma.\n\nThe minister said the plan works. Later, the minister said the plan works again.';

describe('quote selectors', () => {
  it('round-trips offsets through a selector', () => {
    const start = text.indexOf('the plan works again');
    const sel = quoteSelector(text, start, start + 'the plan works'.length);
    expect(locateExact(text, sel)).toEqual({ start, end: start + 14 });
  });

  it('uses prefix and suffix to pick the right occurrence', () => {
    const first = text.indexOf('the plan works');
    const sel = quoteSelector(text, first, first + 14);
    expect(locateExact(text, sel)?.start).toBe(first);
  });

  it('matches across paragraph breaks and odd white space', () => {
    const r = locateExact(text, { exact: 'gamma.The   minister', prefix: '', suffix: '' });
    expect(r && text.slice(r.start, r.end)).toBe('gamma.\n\nThe minister');
  });

  it('returns null when the text is absent', () => {
    expect(locateExact(text, { exact: 'not here', prefix: '', suffix: '' })).toBeNull();
  });
});

describe('normalizeUrl', () => {
  it.each([
    ['https://Example.com/a/?utm_source=x&id=2#frag', 'https://example.com/a?id=2'],
    ['https://example.com/a?fbclid=1&gclid=2', 'https://example.com/a'],
    ['https://example.com/a?b=2&a=1', 'https://example.com/a?a=1&b=2'],
    ['not a url', 'not a url'],
  ])('%s → %s', (input, expected) => {
    expect(normalizeUrl(input)).toBe(expected);
  });
});
