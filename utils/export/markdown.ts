/**
 * Markdown export (pure core): one saved article as an Obsidian-ready note — YAML front matter, its
 * sources (quotes grouped by speaker), highlights with notes, and the people, organizations and places
 * saved — plus a combined file for many articles and safe file names.
 *
 * Every string from a page goes through `escapeMarkdown` / `yamlString`, so no title, quote or note can
 * start a heading, a list, a table, a link, an HTML tag, an Obsidian tag, highlight or math block, or break
 * out of the front matter. Output is deterministic (dates are ISO UTC), which the golden-file tests rely on.
 *
 * Hostile records (docs/trust.md): only http(s) URLs become links (a `javascript:` or `data:` URL from an
 * old or crafted backup is written as inert text, never `[passage](javascript:…)`), bidi embedding and
 * override controls are removed from text and escaped in YAML, and a note line made of `=` or `-` cannot
 * turn the line above into a heading. A date no `Date` can hold prints as "unknown" instead of throwing.
 */
import type { AnnotationRecord, ArticleRecord } from '../db/schema';
import { foldForSearch, outletOf } from '../db/library';
import { escapeBidi, isHttpUrl, stripBidi } from './sanitize';
import { fragmentBase, safeUrl, textDirective } from './fragment';

// ---------------------------------------------------------------------------------------------------------
// Escaping

/**
 * What is escaped wherever it appears. CommonMark lets any ASCII punctuation be backslash-escaped, so
 * escaping is always safe; the set is limited to what can start markup (CommonMark, GFM tables and
 * strikethrough, Obsidian tags `#`, highlights `==`, comments `%%`, math `$`, block refs `^`) so pasted
 * text stays readable.
 */
const SPECIAL = /[\\`*_[\]<>#|~$^]|&(?=#?[a-z0-9]+;)|=(?==)|%(?=%)/gi;

/**
 * Escapes page text for inline Markdown. Line breaks fold to one space (a line break inside a quote would
 * end the blockquote or list item); with `lineStart`, a leading list marker, ordered-list number or `+`/`-`
 * is escaped too, since the text begins a line.
 */
export function escapeMarkdown(text: string, lineStart = false): string {
  // bidi embeddings/overrides/isolates reorder what a reader sees ("Trojan Source"); LRM/RLM stay: they
  // are single marks that RTL text legitimately needs and cannot hide or reorder a run of text
  let s = stripBidi(text)
    // control characters are invisible and some editors choke on them: removing them is the point
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g, '')
    .replace(/\s+/g, ' ')
    .trim()
    // One pass, so an escape is never escaped again. `&amp;` would render as `&`, `==x==` is an Obsidian
    // highlight and `%%x%%` a comment; `!` only matters before `[`, which is escaped.
    .replace(SPECIAL, (c) => '\\' + c);
  if (lineStart) s = escapeLineStart(s);
  return s;
}

/**
 * Escapes what would start a block if it began a line: `- `, `+ `, `1. `, `1) `, and any run of `=` or
 * `-` (even one `=`: under a paragraph line it is a Setext underline, turning that line into a heading).
 */
function escapeLineStart(s: string): string {
  return s
    .replace(/^([-+])(?=\s|$)/, '\\$1')
    .replace(/^(\d+)([.)])(?=\s|$)/, '$1\\$2')
    .replace(/^(?:=|[-=]{2})/, (m) => '\\' + m);
}

/** Escapes the reader's own multi-line note: each line escaped on its own, paragraphs kept. */
export function escapeNoteLines(text: string): string[] {
  return text
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .map((line) => escapeMarkdown(line, true))
    .reduce<string[]>((out, line) => {
      // at most one blank line in a row
      if (line === '' && (out.length === 0 || out[out.length - 1] === '')) return out;
      out.push(line);
      return out;
    }, [])
    .filter((line, i, all) => !(line === '' && i === all.length - 1));
}

/**
 * A YAML double-quoted scalar. JSON string syntax is valid YAML; characters YAML does not allow raw
 * (C1 controls, DEL, lone surrogates, U+FFFE/U+FFFF, the BOM, line/paragraph separators) are escaped too.
 */
export function yamlString(s: string | null | undefined): string {
  if (s === null || s === undefined) return 'null';
  // bidi controls too (escapeBidi): escaped, the value is exact and the raw file cannot display reordered
  return escapeBidi(
    JSON.stringify(s).replace(
      /[\u007f-\u009f\u2028\u2029\ufeff\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g,
      (c) => '\\u' + c.charCodeAt(0).toString(16).padStart(4, '0'),
    ),
  );
}

// ---------------------------------------------------------------------------------------------------------
// Layout

/** One article and the annotations to export for it. */
export interface ExportItem {
  article: ArticleRecord;
  annotations: readonly AnnotationRecord[];
}

/** Counts for the front matter. */
export interface ExportCounts {
  people: number;
  organizations: number;
  places: number;
  quotes: number;
  anonymous_claims: number;
}

const ENTITY_GROUPS: ReadonlyArray<{ category: string; label: string; count: keyof ExportCounts | null }> = [
  { category: 'person', label: 'People', count: 'people' },
  { category: 'organization', label: 'Organizations', count: 'organizations' },
  { category: 'place', label: 'Places', count: 'places' },
];

/** Reading order: by position in the article when known, else by when it was saved. */
function readingOrder(a: AnnotationRecord, b: AnnotationRecord): number {
  const pa = a.position?.start ?? Infinity;
  const pb = b.position?.start ?? Infinity;
  if (pa !== pb) return pa - pb;
  return a.createdAt - b.createdAt || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

/** Distinct entity names per category (first spelling kept, sorted), from saved entity annotations. */
function entityNames(annotations: readonly AnnotationRecord[]): Map<string, string[]> {
  const seen = new Map<string, Map<string, string>>();
  for (const a of annotations) {
    if (a.kind !== 'entity') continue;
    const cat = ENTITY_GROUPS.some((g) => g.category === a.category) ? a.category! : 'other';
    const name = a.quote.exact.replace(/\s+/g, ' ').trim();
    if (!name) continue;
    let names = seen.get(cat);
    if (!names) seen.set(cat, (names = new Map()));
    const key = foldForSearch(name);
    if (!names.has(key)) names.set(key, name);
  }
  const out = new Map<string, string[]>();
  for (const [cat, names] of seen)
    out.set(
      cat,
      [...names.values()].sort((x, y) => x.localeCompare(y, 'en')),
    );
  return out;
}

/** Front-matter counts of what is exported. */
export function exportCounts(annotations: readonly AnnotationRecord[]): ExportCounts {
  const names = entityNames(annotations);
  const quotes = annotations.filter((a) => a.kind === 'quote');
  return {
    people: names.get('person')?.length ?? 0,
    organizations: names.get('organization')?.length ?? 0,
    places: names.get('place')?.length ?? 0,
    quotes: quotes.length,
    anonymous_claims: quotes.filter((q) => q.anonymous).length,
  };
}

/** ISO UTC time, or "unknown" for a time no `Date` can hold (`toISOString` would throw). */
const iso = (ms: number) => {
  const d = new Date(ms);
  return Number.isFinite(d.getTime()) ? d.toISOString() : 'unknown';
};

/** The link back to a passage; `base` is the article's `fragmentBase` (parsed once), '' when not http(s). */
function passageLink(base: string, a: AnnotationRecord): string {
  return base ? `[passage](${base}${textDirective(a.quote)})` : 'passage link omitted: not a web address';
}

/** A link to the article, or just its label when the URL is not http(s) (never a `javascript:` link). */
function articleLink(label: string, url: string): string {
  return isHttpUrl(url) ? `[${label}](${safeUrl(url)})` : label;
}

/** The note of an annotation folded onto one line, for list items. */
function inlineNote(a: AnnotationRecord): string {
  return a.comment.trim() ? ` — note: ${escapeMarkdown(a.comment)}` : '';
}

function quoteLine(base: string, a: AnnotationRecord): string {
  const text = escapeMarkdown(a.quote.exact);
  const kind = a.quoteKind === 'indirect' ? 'indirect' : a.quoteKind === 'direct' ? 'direct' : null;
  const body = kind === 'indirect' ? text : `“${text}”`;
  const label = kind ? `**${kind}:** ` : '';
  const cue = a.anonymous && a.anonymityCue?.trim() ? ` — cue: “${escapeMarkdown(a.anonymityCue)}”` : '';
  const who = a.anonymous && a.speaker?.trim() ? ` — ${escapeMarkdown(a.speaker)}` : '';
  const orphan = a.orphaned ? ' — *not found in the page on the last visit*' : '';
  return `- ${label}${body}${who}${cue}${inlineNote(a)}${orphan} (${passageLink(base, a)})`;
}

/** The `## Sources` section: named speakers in order of first appearance, then anonymous, then unattributed. */
function sourcesSection(base: string, quotes: AnnotationRecord[]): string[] {
  if (!quotes.length) return [];
  const named = new Map<string, { name: string; quotes: AnnotationRecord[] }>();
  const anonymous: AnnotationRecord[] = [];
  const unattributed: AnnotationRecord[] = [];
  for (const q of quotes) {
    const speaker = q.speaker?.replace(/\s+/g, ' ').trim();
    if (q.anonymous) anonymous.push(q);
    else if (!speaker) unattributed.push(q);
    else {
      const key = foldForSearch(speaker);
      const g = named.get(key);
      if (g) g.quotes.push(q);
      else named.set(key, { name: speaker, quotes: [q] });
    }
  }
  const out = ['## Sources', ''];
  const group = (title: string, list: AnnotationRecord[]) => {
    out.push(`### ${title}`, '', ...list.map((q) => quoteLine(base, q)), '');
  };
  for (const g of named.values()) group(escapeMarkdown(g.name), g.quotes);
  if (anonymous.length) group('Anonymous sources', anonymous);
  if (unattributed.length) group('Unattributed', unattributed);
  return out;
}

/** The `## Highlights & notes` section: each passage as a blockquote, its note below. */
function highlightsSection(base: string, items: AnnotationRecord[]): string[] {
  if (!items.length) return [];
  const out = ['## Highlights & notes', ''];
  for (const a of items) {
    const orphan = a.orphaned ? ' *(not found in the page on the last visit)*' : '';
    out.push(`> ${escapeMarkdown(a.quote.exact, true)} (${passageLink(base, a)})${orphan}`, '');
    const note = escapeNoteLines(a.comment);
    if (note.length) {
      note[0] = `**Note:** ${note[0]}`;
      out.push(...note, '');
    }
  }
  return out;
}

/** The `## People, organizations, places` section, from saved entity annotations. */
function entitiesSection(annotations: readonly AnnotationRecord[]): string[] {
  const names = entityNames(annotations);
  if (!names.size) return [];
  const out = ['## People, organizations, places', ''];
  for (const g of [...ENTITY_GROUPS, { category: 'other', label: 'Other', count: null }]) {
    const list = names.get(g.category);
    if (list?.length) out.push(`- **${g.label}:** ${list.map((n) => escapeMarkdown(n)).join(', ')}`);
  }
  out.push('');
  return out;
}

/** The body of an article note (everything after the front matter), starting with its `#` title. */
export function articleBody(item: ExportItem): string[] {
  const { article } = item;
  const sorted = [...item.annotations].sort(readingOrder);
  const title = escapeMarkdown(article.title || article.url) || 'Untitled';
  const meta = [
    articleLink(escapeMarkdown(outletOf(article)), article.canonicalUrl ?? article.url),
    article.byline?.trim() ? `by ${escapeMarkdown(article.byline)}` : null,
    article.publishedTime?.trim() ? `published ${escapeMarkdown(article.publishedTime)}` : null,
    `saved ${iso(article.createdAt).slice(0, 10)}`,
  ].filter(Boolean);
  const out = [`# ${title}`, '', meta.join(' · '), ''];
  // The page URL is parsed once per article, not once per passage link.
  const base = isHttpUrl(article.url) ? fragmentBase(article.url) : '';
  out.push(
    ...sourcesSection(
      base,
      sorted.filter((a) => a.kind === 'quote'),
    ),
  );
  out.push(
    ...highlightsSection(
      base,
      sorted.filter((a) => a.kind === 'highlight' || a.kind === 'note'),
    ),
  );
  out.push(...entitiesSection(sorted));
  if (!item.annotations.length) out.push('*Nothing saved from this article yet.*', '');
  return out;
}

/** One article as a Markdown note with YAML front matter. */
export function articleMarkdown(item: ExportItem): string {
  const { article } = item;
  const counts = exportCounts(item.annotations);
  const front = [
    '---',
    `title: ${yamlString(article.title)}`,
    `url: ${yamlString(article.canonicalUrl ?? article.url)}`,
    `outlet: ${yamlString(outletOf(article))}`,
    `byline: ${yamlString(article.byline)}`,
    `published: ${yamlString(article.publishedTime)}`,
    `saved: ${yamlString(iso(article.createdAt))}`,
    ...Object.entries(counts).map(([k, v]) => `${k}: ${v}`),
    '---',
    '',
  ];
  return finish([...front, ...articleBody(item)]);
}

/**
 * Many articles in one note: a short front matter for the file, then each article under its own `#`
 * heading (a second front matter block would not be front matter in Obsidian).
 */
export function combinedMarkdown(
  items: readonly ExportItem[],
  exportedAt: number,
  title = 'Sourcelight export',
): string {
  const all = items.flatMap((i) => i.annotations);
  const counts = exportCounts(all);
  const out = [
    '---',
    `title: ${yamlString(title)}`,
    `exported: ${yamlString(iso(exportedAt))}`,
    `articles: ${items.length}`,
    ...Object.entries(counts).map(([k, v]) => `${k}: ${v}`),
    '---',
    '',
  ];
  items.forEach((item, i) => {
    if (i > 0) out.push('---', '');
    out.push(...articleBody(item));
  });
  return finish(out);
}

/** Joins lines, with exactly one trailing newline and never two blank lines in a row. */
function finish(lines: string[]): string {
  return lines
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .replace(/(?<!\n)\n*$/, '\n');
}

/**
 * A file name for an article's note: `YYYY-MM-DD title words.md`, with characters no file system (or
 * Obsidian link) accepts removed. `taken` makes names unique within one zip.
 */
export function markdownFileName(article: ArticleRecord, taken?: Set<string>): string {
  const date = iso(article.createdAt).slice(0, 10);
  const words =
    stripBidi(article.title || outletOf(article))
      .normalize('NFC')
      // eslint-disable-next-line no-control-regex -- control characters are invalid in file names
      .replace(/[\\/:*?"<>|#^[\]{}%~`$&=+!@;,\u0000-\u001f\u007f]/g, ' ')
      .replace(/\s+/g, ' ')
      .trim()
      .replace(/^\.+/, '')
      .slice(0, 80)
      .trim() || 'article';
  let name = `${date} ${words}.md`;
  for (let n = 2; taken?.has(name.toLowerCase()); n++) name = `${date} ${words} (${n}).md`;
  taken?.add(name.toLowerCase());
  return name;
}
