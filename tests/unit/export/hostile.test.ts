// Markdown export of hostile records (issue 17): a `javascript:`/`data:` URL never becomes a link, bidi
// controls never reach the file raw, a note line of `=`/`-` cannot make a Setext heading or a thematic
// break, and a date outside the Date range prints as "unknown" instead of throwing.
import { describe, expect, it } from 'vitest';
import { ann, art } from './records';
import {
  articleMarkdown,
  combinedMarkdown,
  escapeMarkdown,
  escapeNoteLines,
  markdownFileName,
  yamlString,
} from '../../../utils/export/markdown';
import { isHttpUrl, stripBidi } from '../../../utils/export/sanitize';

/** Every Markdown link destination in the text. */
const destinations = (md: string) => [...md.matchAll(/\]\(([^)]*)\)/g)].map((m) => m[1]!);

describe('only http(s) URLs become links', () => {
  it.each([
    ['javascript:', 'javascript:alert(document.cookie)'],
    ['JavaScript: in capitals', 'JavaScript:alert(1)'],
    ['data:', 'data:text/html,<script>alert(1)</script>'],
    ['vbscript:', 'vbscript:msgbox(1)'],
    ['file:', 'file:///etc/passwd'],
    ['not a URL', 'not a url'],
  ])('a %s article URL is written as text, never as a link', (_name, url) => {
    const item = {
      article: art({ url, canonicalUrl: url }),
      annotations: [ann({ kind: 'quote', quoteKind: 'direct', speaker: 'X' }), ann({ id: 'n-2' })],
    };
    for (const md of [articleMarkdown(item), combinedMarkdown([item], 0)]) {
      for (const d of destinations(md)) expect(isHttpUrl(d), d).toBe(true);
      expect(md).not.toMatch(/\]\((?:javascript|data|vbscript|file):/i);
      expect(md).toContain('passage link omitted');
    }
  });

  it('an http(s) URL still gets its passage links', () => {
    const md = articleMarkdown({ article: art(), annotations: [ann()] });
    expect(md).toContain('[passage](https://news.example/story#:~:text=text)');
    expect(md).toContain('[Example](https://news.example/story)');
  });
});

const BIDI = ['\u202a', '\u202b', '\u202c', '\u202d', '\u202e', '\u2066', '\u2067', '\u2068', '\u2069'];

describe('bidi controls', () => {
  it.each(BIDI.map((c) => [c.charCodeAt(0).toString(16).toUpperCase(), c]))(
    'U+%s is removed from Markdown text and escaped in YAML',
    (_hex, c) => {
      expect(escapeMarkdown(`safe ${c}evil`)).toBe('safe evil');
      expect(stripBidi(`a${c}b`)).toBe('ab');
      expect(yamlString(`a${c}b`)).toBe(`"a\\u${c.charCodeAt(0).toString(16)}b"`);
      const item = {
        article: art({ title: `Title ${c}gnp.exe`, byline: `By ${c}someone` }),
        annotations: [ann({ quote: { exact: `quote ${c}x`, prefix: '', suffix: '' }, comment: `note ${c}y` })],
      };
      expect(articleMarkdown(item)).not.toMatch(/[\u202a-\u202e\u2066-\u2069]/);
      expect(markdownFileName(item.article)).not.toMatch(/[\u202a-\u202e\u2066-\u2069]/);
    },
  );

  it('keeps LRM/RLM, which right-to-left text needs', () => {
    expect(escapeMarkdown('\u05e9\u05dc\u05d5\u05dd\u200f!')).toBe('\u05e9\u05dc\u05d5\u05dd\u200f!');
  });
});

describe('a note line cannot become a Setext heading or thematic break', () => {
  it.each([
    ['=', '\\='],
    ['==', '\\=='],
    ['===', '\\=\\=='], // the Obsidian-highlight escape of `==` comes first
    ['  =  ', '\\='],
    ['-', '\\-'],
    ['--', '\\--'],
    ['---', '\\---'],
    ['- - -', '\\- - -'],
    ['=-=', '\\=-='],
  ])('note line %j is escaped as %j', (line, escaped) => {
    expect(escapeNoteLines(`first line\n${line}`)).toEqual(['first line', escaped]);
  });

  it('in a whole export, the line above stays a paragraph', () => {
    const md = articleMarkdown({ article: art(), annotations: [ann({ comment: 'Heading?\n=' })] });
    expect(md).toContain('**Note:** Heading?\n\\=\n');
    expect(md).not.toMatch(/^=+\s*$/m);
  });
});

describe('dates outside the Date range never throw', () => {
  it.each([1e300, -1e300, Number.NaN, 8.64e15 + 1])('createdAt %d exports as "unknown"', (t) => {
    const item = { article: art({ createdAt: t, updatedAt: t }), annotations: [ann({ createdAt: t })] };
    expect(() => articleMarkdown(item)).not.toThrow();
    expect(articleMarkdown(item)).toContain('saved: "unknown"');
    expect(() => markdownFileName(item.article)).not.toThrow();
    expect(() => combinedMarkdown([item], t)).not.toThrow();
  });
});
