// Markdown export: golden files (tests/fixtures/export/<case>/input.json → expected.md; regenerate with
// UPDATE_GOLDEN=1 and review the diff), table-driven escaping, YAML front matter that parses back exactly,
// text-fragment links, file names and the zip bundle.
import { readdirSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { unzipSync, strFromU8 } from 'fflate';
import { load as loadYaml } from 'js-yaml';
import { describe, expect, it } from 'vitest';
import { ann, art } from './records';
import {
  articleMarkdown,
  combinedMarkdown,
  escapeMarkdown,
  escapeNoteLines,
  markdownFileName,
  tagOf,
  wikilink,
  yamlString,
  type ExportItem,
  type ExportOptions,
} from '../../../utils/export/markdown';
import { cleanByline } from '../../../utils/export/byline';
import { textFragmentUrl } from '../../../utils/export/fragment';
import { markdownExport, zipExport } from '../../../utils/export/bundle';

const FIXTURES = join(__dirname, '../../fixtures/export');

interface GoldenInput {
  mode: 'article' | 'combined';
  exportedAt?: number;
  items: ExportItem[];
  /** Export options (wikilinks, tags, site tag); absent: the defaults. */
  options?: ExportOptions;
}

describe('golden files', () => {
  const cases = readdirSync(FIXTURES).filter((d) => existsSync(join(FIXTURES, d, 'input.json')));
  it('has cases', () => expect(cases.length).toBeGreaterThanOrEqual(4));
  it.each(cases)('%s', (name) => {
    const input = JSON.parse(readFileSync(join(FIXTURES, name, 'input.json'), 'utf8')) as GoldenInput;
    const got =
      input.mode === 'article'
        ? articleMarkdown(input.items[0]!, input.options)
        : combinedMarkdown(input.items, input.exportedAt ?? 0, undefined, input.options);
    const file = join(FIXTURES, name, 'expected.md');
    if (process.env.UPDATE_GOLDEN) writeFileSync(file, got);
    expect(got).toBe(readFileSync(file, 'utf8'));
  });
});

describe('escapeMarkdown', () => {
  it.each([
    ['plain text', 'The minister said no.', 'The minister said no.'],
    ['emphasis', '*bold* and _italic_', '\\*bold\\* and \\_italic\\_'],
    ['heading / Obsidian tag', '#1 story #breaking', '\\#1 story \\#breaking'],
    ['table pipe', 'a | b', 'a \\| b'],
    ['link and wikilink', '[[Secret]] [x](y)', '\\[\\[Secret\\]\\] \\[x\\](y)'],
    ['image', '![alt](src)', '!\\[alt\\](src)'],
    ['blockquote at line start', '> not a quote', '\\> not a quote'],
    ['backticks', 'run `rm -rf`', 'run \\`rm -rf\\`'],
    ['code fence', '```js', '\\`\\`\\`js'],
    ['HTML tag', '<script>alert(1)</script>', '\\<script\\>alert(1)\\</script\\>'],
    ['HTML entity', 'AT&T &amp; &#60;', 'AT&T \\&amp; \\&\\#60;'],
    ['line breaks fold', 'one\ntwo\r\n\n> three', 'one two \\> three'],
    ['backslash', 'C:\\path\\*', 'C:\\\\path\\\\\\*'],
    ['strikethrough', '~~gone~~', '\\~\\~gone\\~\\~'],
    ['Obsidian highlight', '==marked==', '\\==marked\\=='],
    ['Obsidian comment', '%%hidden%%', '\\%%hidden\\%%'],
    ['math', 'costs $5 to $10', 'costs \\$5 to \\$10'],
    ['block reference', 'end ^abc123', 'end \\^abc123'],
    ['control characters', 'a\u0000b\u0007c', 'abc'],
    ['lone equals kept', 'a = b', 'a = b'],
  ])('%s', (_name, input, expected) => {
    expect(escapeMarkdown(input)).toBe(expected);
  });

  it.each([
    ['list dash', '- item', '\\- item'],
    ['list plus', '+ item', '\\+ item'],
    ['ordered list', '1. item', '1\\. item'],
    ['ordered list paren', '12) item', '12\\) item'],
    ['thematic break', '---', '\\---'],
    ['setext', '===', '\\=\\=='],
    ['hyphenated word is fine', '-ish', '-ish'],
    ['year is fine', '2026. A year', '2026\\. A year'],
  ])('at line start: %s', (_name, input, expected) => {
    expect(escapeMarkdown(input, true)).toBe(expected);
  });

  it('keeps a note’s paragraphs, escaping each line', () => {
    expect(escapeNoteLines('first\n- second\n\n\n\n# third\n')).toEqual(['first', '\\- second', '', '\\# third']);
  });
});

describe('yamlString', () => {
  it.each([
    ['plain', 'A story'],
    ['colon and hash', 'Breaking: #1 story'],
    ['quotes', 'He said "no" and \'yes\''],
    ['front matter end', '---\ninjected: true'],
    ['YAML special start', '- [a, b] & *alias !tag | >'],
    ['backslash', 'C:\\temp'],
    ['unicode', 'Żółć 𝄞 😀 — “quotes”'],
    ['controls', 'a\u0000b\u0085c\u2028d\ufeffe'],
    ['booleans and numbers as text', 'yes'],
  ])('%s round-trips through a YAML parser', (_name, s) => {
    const line = `v: ${yamlString(s)}`;
    expect(line.split('\n')).toHaveLength(1);
    expect((loadYaml(line) as { v: string }).v).toBe(s);
  });

  it('null stays null', () => expect(yamlString(null)).toBe('null'));
});

describe('front matter', () => {
  it('parses back to the article’s values and counts, whatever the title holds', () => {
    const md = articleMarkdown({
      article: art({
        title: '---\ntitle: hacked\n"quoted" #tag: yes',
        byline: 'Ann: "B"',
        publishedTime: '2026-11-01',
      }),
      annotations: [
        ann({ id: 'q1', kind: 'quote', speaker: 'X', quoteKind: 'direct' }),
        ann({ id: 'q2', kind: 'quote', speaker: 'an aide', anonymous: true, anonymityCue: 'anonymously' }),
        ann({ id: 'e1', kind: 'entity', category: 'person', quote: { exact: 'Ann Lee', prefix: '', suffix: '' } }),
        ann({ id: 'e2', kind: 'entity', category: 'person', quote: { exact: 'ann  lee', prefix: '', suffix: '' } }),
        ann({ id: 'e3', kind: 'entity', category: 'place', quote: { exact: 'Dakar', prefix: '', suffix: '' } }),
      ],
    });
    const front = md.split('\n---\n')[0]!.replace(/^---\n/, '');
    expect(loadYaml(front)).toEqual({
      title: '---\ntitle: hacked\n"quoted" #tag: yes',
      url: 'https://news.example/story',
      outlet: 'Example',
      byline: 'Ann: "B"',
      published: '2026-11-01',
      saved: '2026-11-01T00:00:00.000Z',
      people: 1,
      organizations: 0,
      places: 1,
      quotes: 2,
      anonymous_claims: 1,
      named_claims: 1,
      anonymous_share: 0.5,
      speakers: ['X'],
      tags: ['sourcelight'],
    });
  });
});

describe('text fragment links', () => {
  it.each([
    [
      'short passage with context',
      { exact: 'no', prefix: 'she said ', suffix: ' to it' },
      '#:~:text=she%20said-,no,-to%20it',
    ],
    ['context cut mid-word is dropped', { exact: 'no', prefix: 'xsaid', suffix: 'ward' }, '#:~:text=no'],
    [
      'syntax characters encoded',
      { exact: 'a-b, c & d (e)', prefix: '', suffix: '' },
      '#:~:text=a%2Db%2C%20c%20%26%20d%20%28e%29',
    ],
    [
      'long passage as start,end',
      {
        exact: 'one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen',
        prefix: '',
        suffix: '',
      },
      '#:~:text=one%20two%20three%20four%20five,twelve%20thirteen%20fourteen%20fifteen%20sixteen',
    ],
  ])('%s', (_name, quote, expected) => {
    expect(textFragmentUrl('https://news.example/story#old', quote)).toBe('https://news.example/story' + expected);
  });

  it('makes page URLs safe as link destinations', () => {
    expect(
      textFragmentUrl('https://x.example/a (b)', { exact: 'hello world again and again', prefix: '', suffix: '' }),
    ).toBe('https://x.example/a%20%28b%29#:~:text=hello%20world%20again%20and%20again');
  });
});

describe('files', () => {
  it('names files safely and uniquely', () => {
    const taken = new Set<string>();
    const a = art({ title: 'What/why: "A" <b>|?*' });
    expect(markdownFileName(a, taken)).toBe('2026-11-01 What why A b.md');
    expect(markdownFileName(a, taken)).toBe('2026-11-01 What why A b (2).md');
    expect(markdownFileName(art({ title: '...' }))).toBe('2026-11-01 article.md');
  });

  it('zips one note per article', () => {
    const items = [
      { article: art(), annotations: [ann()] },
      { article: art({ id: 'art-2', title: 'A story' }), annotations: [] },
    ];
    const file = zipExport(items, Date.UTC(2026, 10, 27));
    expect(file.name).toBe('sourcelight-2026-11-27.zip');
    const files = unzipSync(file.data as Uint8Array);
    expect(Object.keys(files)).toEqual(['2026-11-01 A story.md', '2026-11-01 A story (2).md']);
    expect(strFromU8(files['2026-11-01 A story.md']!)).toBe(articleMarkdown(items[0]!));
  });

  it('one article exports as its own note, many as a combined note', () => {
    expect(markdownExport([{ article: art(), annotations: [] }], 0).name).toBe('2026-11-01 A story.md');
    const many = markdownExport(
      [
        { article: art(), annotations: [] },
        { article: art({ id: 'b' }), annotations: [] },
      ],
      Date.UTC(2026, 10, 27),
    );
    expect(many.name).toBe('sourcelight-2026-11-27.md');
    expect(String(many.data)).toMatch(/^---\ntitle: "Sourcelight export"\n/);
  });
});

describe('bylines, wikilinks and tags', () => {
  it.each([
    ['By Jane Doe · Link Copied', 'Jane Doe'],
    ['By By Jane Doe', 'Jane Doe'],
    ['By JANE DOE | Updated 5 March 2026, 10:04', 'JANE DOE'],
    ['Jane Doe and John Roe, March 5, 2026', 'Jane Doe and John Roe'],
    ['By Desk · 5 February 2026', 'Desk'],
    ['By Ana Lopes, Updated 10:04 a.m. EST', 'Ana Lopes'],
    ['Staff Writer · 3 min read', 'Staff Writer'],
    ['Reuters', 'Reuters'],
    ['By · Share', null],
    [null, null],
  ])('cleanByline(%j) = %j', (input, out) => {
    expect(cleanByline(input)).toBe(out);
  });

  it.each([
    ['Maria Lopes', '[[Maria Lopes]]'],
    ['Evil]] [[x|y#z^q', '[[Evil x y z q]]'],
    ['  ', '  '.trim()],
  ])('wikilink(%j) = %j', (name, out) => {
    expect(wikilink(name)).toBe(out);
  });

  it.each([
    ['Example News', 'example-news'],
    ['#Politics', 'politics'],
    ['2026', null],
    ['Économie & société', 'économie-société'],
    ['a/b c', 'a/b-c'],
    ['!!!', null],
  ])('tagOf(%j) = %j', (raw, out) => {
    expect(tagOf(raw)).toBe(out);
  });
});
