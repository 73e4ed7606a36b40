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
import type { AnnotationRecord, ArticleRecord, SourcingRecord } from '../db/schema';
import { cleanByline } from './byline';
import { foldForSearch } from '../text/fold';
import { outletOf } from '../text/outlet';
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

/** One article and the annotations to export for it (corrections applied, see utils/corrections/records.ts). */
export interface ExportItem {
  article: ArticleRecord;
  annotations: readonly AnnotationRecord[];
  /** The article's saved sourcing: its people, organizations and places join the entity section. */
  sourcing?: SourcingRecord | null;
}

/** Export options, remembered by the popup between exports. */
export interface ExportOptions {
  /** People and organizations as `[[wikilinks]]` (Obsidian, Logseq, Foam). */
  wikilinks?: boolean;
  /** Tags for the front matter: the reader's own. */
  tags?: readonly string[];
  /** Add the outlet as a tag ("example-news"). */
  siteTag?: boolean;
}

/**
 * A `[[wikilink]]` to a name. Wikilinks take no escapes, so what would end or redirect the link (`[]|#^`),
 * line breaks and bidi controls are removed from the name; an empty name stays plain text.
 */
export function wikilink(name: string): string {
  const clean = stripBidi(name)
    // eslint-disable-next-line no-control-regex -- control characters cannot be in a link target
    .replace(/[[\]|#^\\\u0000-\u001f\u007f]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  return clean ? `[[${clean}]]` : escapeMarkdown(name);
}

/**
 * A front-matter tag: lower case, words joined by "-", only letters, digits, "_", "-" and "/" (what
 * Obsidian accepts), never only digits. Null when nothing usable is left.
 */
export function tagOf(s: string): string | null {
  const t = stripBidi(s)
    .normalize('NFKC')
    .toLowerCase()
    .replace(/^#+/, '')
    .replace(/[^\p{L}\p{N}_/-]+/gu, '-')
    .replace(/-{2,}/g, '-')
    .split('/')
    .map((part) => part.replace(/^-/, '').replace(/-$/, ''))
    .filter(Boolean)
    .join('/')
    .slice(0, 60);
  return t && /[^\d]/.test(t) ? t : null;
}

/** The tags of an article note: "sourcelight", then the site's (when asked), then the reader's. */
function tagsOf(article: ArticleRecord, options: ExportOptions): string[] {
  const raw = ['sourcelight', ...(options.siteTag ? [outletOf(article)] : []), ...(options.tags ?? [])];
  return [...new Set(raw.map(tagOf).filter((t): t is string => t !== null))];
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

/**
 * Distinct entity names per category (first spelling kept, sorted), from saved entity annotations and
 * the saved sourcing's entity list.
 */
function entityNames(
  annotations: readonly AnnotationRecord[],
  sourcing: ReadonlyArray<SourcingRecord | null | undefined> = [],
): Map<string, string[]> {
  const seen = new Map<string, Map<string, string>>();
  const entries = [
    ...annotations.filter((a) => a.kind === 'entity').map((a) => ({ category: a.category, text: a.quote.exact })),
    ...sourcing.flatMap((s) => s?.entities ?? []).map((e) => ({ category: e.type, text: e.text })),
  ];
  for (const a of entries) {
    const cat = ENTITY_GROUPS.some((g) => g.category === a.category) ? a.category! : 'other';
    const name = a.text.replace(/\s+/g, ' ').trim();
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
export function exportCounts(
  annotations: readonly AnnotationRecord[],
  sourcing: ReadonlyArray<SourcingRecord | null | undefined> = [],
): ExportCounts {
  const names = entityNames(annotations, sourcing);
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

/**
 * The reader's note in the one form every section uses: its lines, the first starting `**Note:**`,
 * indented by `indent` (two spaces keep it inside a list item).
 */
function noteLines(comment: string, indent = ''): string[] {
  const note = escapeNoteLines(comment);
  if (!note.length) return [];
  note[0] = `**Note:** ${note[0]}`;
  return note.map((l) => (l ? indent + l : l));
}

/** Why a claim is anonymous, as exported: the analyzer's reason, else its cue phrase. */
function reasonOf(a: AnnotationRecord): string | null {
  const r = a.anonymityReason?.trim() || (a.anonymityCue?.trim() ? `cue: '${a.anonymityCue.trim()}'` : '');
  return r || null;
}

function quoteLines(base: string, a: AnnotationRecord): string[] {
  const text = escapeMarkdown(a.quote.exact);
  const kind = a.quoteKind === 'indirect' ? 'indirect' : a.quoteKind === 'direct' ? 'direct' : null;
  const body = kind === 'indirect' ? text : `“${text}”`;
  const label = kind ? `**${kind}:** ` : '';
  const reason = a.anonymous ? reasonOf(a) : null;
  const why = reason ? ` — why anonymous: ${escapeMarkdown(reason)}` : '';
  const who = a.anonymous && a.speaker?.trim() ? ` — ${escapeMarkdown(a.speaker)}` : '';
  const orphan = a.orphaned ? ' — *not found in the page on the last visit*' : '';
  const corrected = a.corrections?.length
    ? ` — **corrected:** ${a.corrections.map((c) => escapeMarkdown(c)).join('; ')}`
    : '';
  return [
    `- ${label}${body}${who}${why}${corrected}${orphan} (${passageLink(base, a)})`,
    ...noteLines(a.comment, '  '),
  ];
}

/** The `## Sources` section: named speakers in order of first appearance, then anonymous, then unattributed. */
function sourcesSection(base: string, quotes: AnnotationRecord[], options: ExportOptions): string[] {
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
    out.push(`### ${title}`, '', ...list.flatMap((q) => quoteLines(base, q)), '');
  };
  for (const g of named.values()) group(options.wikilinks ? wikilink(g.name) : escapeMarkdown(g.name), g.quotes);
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
    const note = noteLines(a.comment);
    if (note.length) out.push(...note, '');
  }
  return out;
}

/** The `## People, organizations, places` section, from saved entity annotations. */
function entitiesSection(
  annotations: readonly AnnotationRecord[],
  sourcing: SourcingRecord | null | undefined,
  options: ExportOptions,
): string[] {
  const names = entityNames(annotations, [sourcing]);
  if (!names.size) return [];
  const out = ['## People, organizations, places', ''];
  for (const g of [...ENTITY_GROUPS, { category: 'other', label: 'Other', count: null }]) {
    const list = names.get(g.category);
    // places stay plain: a wikilink per town would flood a vault with stub notes
    const link = options.wikilinks && (g.category === 'person' || g.category === 'organization');
    if (list?.length)
      out.push(`- **${g.label}:** ${list.map((n) => (link ? wikilink(n) : escapeMarkdown(n))).join(', ')}`);
  }
  out.push('');
  return out;
}

/** The body of an article note (everything after the front matter), starting with its `#` title. */
export function articleBody(item: ExportItem, options: ExportOptions = {}): string[] {
  const { article } = item;
  const sorted = [...item.annotations].sort(readingOrder);
  const title = escapeMarkdown(article.title || article.url) || 'Untitled';
  const meta = [
    articleLink(escapeMarkdown(outletOf(article)), article.canonicalUrl ?? article.url),
    cleanByline(article.byline) ? `by ${escapeMarkdown(cleanByline(article.byline)!)}` : null,
    article.publishedTime?.trim() ? `published ${escapeMarkdown(article.publishedTime)}` : null,
    `saved ${iso(article.createdAt).slice(0, 10)}`,
  ].filter(Boolean);
  const out = [`# ${title}`, '', meta.join(' · '), ''];
  // The page URL is parsed once per article, not once per passage link.
  const base = isHttpUrl(article.url) ? fragmentBase(article.url) : '';
  out.push(
    ...sourcesSection(
      base,
      // a passage the reader said is not a quote is no source
      sorted.filter((a) => a.kind === 'quote' && !a.notAQuote),
      options,
    ),
  );
  out.push(
    ...highlightsSection(
      base,
      sorted.filter((a) => a.kind === 'highlight' || a.kind === 'note'),
    ),
  );
  out.push(...entitiesSection(sorted, item.sourcing, options));
  if (!item.annotations.length) out.push('*Nothing saved from this article yet.*', '');
  return out;
}

/** One article as a Markdown note with YAML front matter. */
export function articleMarkdown(item: ExportItem, options: ExportOptions = {}): string {
  const { article } = item;
  const counts = exportCounts(item.annotations, [item.sourcing]);
  const front = [
    '---',
    `title: ${yamlString(article.title)}`,
    `url: ${yamlString(article.canonicalUrl ?? article.url)}`,
    `outlet: ${yamlString(outletOf(article))}`,
    `byline: ${yamlString(cleanByline(article.byline))}`,
    `published: ${yamlString(article.publishedTime)}`,
    `saved: ${yamlString(iso(article.createdAt))}`,
    ...Object.entries(counts).map(([k, v]) => `${k}: ${v}`),
    ...sourcingFront(item.annotations),
    ...yamlList('tags', tagsOf(article, options)),
    '---',
    '',
  ];
  return finish([...front, ...articleBody(item, options)]);
}

/** A YAML block list (`key: []` when empty). */
function yamlList(key: string, items: readonly string[]): string[] {
  return items.length ? [`${key}:`, ...items.map((i) => `  - ${yamlString(i)}`)] : [`${key}: []`];
}

/**
 * The sourcing summary of what is exported (the reader's corrections included): named and anonymous
 * claims, the anonymous share, and the named speakers (most quoted first).
 */
function sourcingFront(annotations: readonly AnnotationRecord[]): string[] {
  const quotes = annotations.filter((a) => a.kind === 'quote');
  const anonymous = quotes.filter((q) => q.anonymous).length;
  const named = quotes.length - anonymous;
  const counts = new Map<string, { name: string; n: number }>();
  for (const q of quotes) {
    const name = q.speaker?.replace(/\s+/g, ' ').trim();
    if (q.anonymous || !name) continue;
    const key = foldForSearch(name);
    const c = counts.get(key);
    if (c) c.n++;
    else counts.set(key, { name, n: 1 });
  }
  const speakers = [...counts.values()].sort((a, b) => b.n - a.n || a.name.localeCompare(b.name, 'en'));
  return [
    `named_claims: ${named}`,
    `anonymous_share: ${quotes.length ? Math.round((anonymous / quotes.length) * 100) / 100 : 0}`,
    ...yamlList(
      'speakers',
      speakers.map((s) => s.name),
    ),
  ];
}

/**
 * Many articles in one note: a short front matter for the file, then each article under its own `#`
 * heading (a second front matter block would not be front matter in Obsidian).
 */
export function combinedMarkdown(
  items: readonly ExportItem[],
  exportedAt: number,
  title = 'Sourcelight export',
  options: ExportOptions = {},
): string {
  const all = items.flatMap((i) => i.annotations);
  const counts = exportCounts(
    all,
    items.map((i) => i.sourcing),
  );
  const out = [
    '---',
    `title: ${yamlString(title)}`,
    `exported: ${yamlString(iso(exportedAt))}`,
    `articles: ${items.length}`,
    ...Object.entries(counts).map(([k, v]) => `${k}: ${v}`),
    ...sourcingFront(all),
    ...yamlList('tags', [...new Set(items.flatMap((i) => tagsOf(i.article, options)))]),
    '---',
    '',
  ];
  items.forEach((item, i) => {
    if (i > 0) out.push('---', '');
    out.push(...articleBody(item, options));
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
