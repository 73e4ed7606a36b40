/**
 * Settings normalization: whatever is stored, the content script gets a complete, safe value.
 */
import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, isSiteEnabled, normalizeSettings, siteKey, withSite } from '../../../utils/settings';
import { chunkText } from '../../../entrypoints/article.content/analyze';

describe('settings', () => {
  it('fills defaults and drops malformed values', () => {
    expect(normalizeSettings(undefined)).toEqual(DEFAULT_SETTINGS);
    const s = normalizeSettings({
      mode: 'click',
      disabledSites: ['https://www.Example.com/a', 42, 'news.example.org'],
      categories: { person: false, bogus: true },
      colors: { place: '#ABCDEF', quote: 'red; } body { display:none' },
    });
    expect(s.mode).toBe('click');
    expect(s.disabledSites).toEqual(['example.com', 'news.example.org']);
    expect(s.categories.person).toBe(false);
    expect(s.categories.place).toBe(true);
    expect(s.colors.place).toBe('#abcdef');
    expect(s.colors.quote).toBe(DEFAULT_SETTINGS.colors.quote);
  });

  it('switches a site off and on by host', () => {
    expect(siteKey('https://www.example.com/x?y=1')).toBe('example.com');
    const off = withSite(DEFAULT_SETTINGS, 'https://example.com/a', false);
    expect(isSiteEnabled(off, 'https://www.example.com/b')).toBe(false);
    expect(isSiteEnabled(off, 'https://other.org/')).toBe(true);
    expect(isSiteEnabled(withSite(off, 'https://example.com/', true), 'https://example.com/')).toBe(true);
  });
});

describe('chunkText', () => {
  it('cuts at paragraph breaks and covers the text exactly', () => {
    const text = Array.from({ length: 50 }, (_, i) => `Paragraph ${i} `.repeat(20)).join('\n\n');
    const chunks = chunkText(text, 1000);
    expect(chunks.map((c) => c.text).join('')).toBe(text);
    for (const c of chunks) expect(text.slice(c.start, c.start + c.text.length)).toBe(c.text);
    for (const c of chunks.slice(0, -1)) expect(c.text.endsWith('\n')).toBe(true);
  });
});
