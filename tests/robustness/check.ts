/**
 * The robustness pipeline for one corpus page: parse → extract (as the content script does: the cheap
 * "is this an article?" path first, then forced) → analyze (the article text, or the page's raw text when
 * there is no article) → anchor (selectors built from analysis spans and seeded random spans must re-anchor
 * to the same text; live-DOM selections must describe themselves truthfully). Every structural promise of
 * the Analysis contract is checked here and a violation throws. Plain functions with no test framework, so
 * the bench runs exactly what the test runs.
 */
import { JSDOM } from 'jsdom';
import { Anchorer, type AnchorTarget } from '../../utils/anchoring/anchor';
import { describeRange } from '../../utils/anchoring/selection';
import {
  fold,
  locateExact,
  quoteSelector,
  squeeze as liveSqueeze,
  squeezeWithMap,
} from '../../utils/anchoring/selectors';
import { analyzeText, type Analysis } from '../../utils/analysis';
import { articleInput, extractArticle, type ExtractedArticle } from '../../utils/article/extract';
import { articleText } from '../../utils/article/text';
import { ArticleInputSchema } from '../../utils/messaging/contract';
import { prng, type CorpusPage } from './generate';

/** What happened on one page, with the time each stage took. */
export interface PageReport {
  name: string;
  bytes: number;
  article: boolean;
  textLength: number;
  entities: number;
  mentions: number;
  quotes: number;
  /** Selectors re-anchored in the text (all must succeed). */
  anchored: number;
  /** …of which landed back on the very offsets they were made from (the rest hit an identical copy). */
  anchoredInPlace: number;
  /** Live-DOM selections described. */
  described: number;
  /** Analysis spans and saved selectors anchored onto the live page by the Anchorer… */
  liveAnchored: number;
  /** …and reported as orphans (allowed; anchoring to other text is not). */
  liveOrphans: number;
  ms: { parse: number; extract: number; analyze: number; anchor: number; total: number };
}

/** Thrown when a page breaks an invariant: the message names the page and the broken promise. */
export class InvariantError extends Error {
  override name = 'InvariantError';
}

/** Throws the `InvariantError` for `page` at `stage`. A declared function, so TypeScript narrows after it. */
function failAt(page: string, stage: string, msg: string): never {
  throw new InvariantError(`${page}: ${stage}: ${msg}`);
}

/** Whitespace- and invisible-insensitive form, the key selectors are matched on. */
export const squeeze = (s: string): string => fold(s).replace(/ /g, '');

/** Parses `html` as the browser would for a page at `url` (no scripts run, no resources load). */
export function parsePage(html: string, url: string): Document {
  return new JSDOM(html, { url, contentType: 'text/html' }).window.document;
}

/** A cheap fingerprint of a live document, to prove extraction never changes it. */
function fingerprint(doc: Document, bytes: number): string {
  const root = doc.documentElement;
  if (!root) return 'no root';
  // full serialization only where it stays cheap; otherwise element count + text length + a text sample
  if (bytes < 300_000) return root.outerHTML;
  const text = root.textContent ?? '';
  return `${doc.getElementsByTagName('*').length}:${text.length}:${text.slice(0, 2000)}:${text.slice(-2000)}`;
}

function checkExtraction(page: string, a: ExtractedArticle): void {
  const fail = (msg: string): never => failAt(page, 'extraction', msg);
  if (typeof a.text !== 'string' || !a.text.trim()) fail('an article must have non-empty text');
  if (a.text !== a.text.replace(/(?<! ) +$/, '')) fail('text ends with spaces');
  if (/^\s/.test(a.text)) fail('text starts with white space');
  if (/[\t\r\f\v\u00a0]/.test(a.text)) fail('text keeps raw tabs / CR / NBSP (white space must be folded)');
  if (/ {2}/.test(a.text)) fail('text keeps a double space');
  if (/\n{3}/.test(a.text)) fail('text has more than one blank line in a row');
  if (/[\u00ad\u200b\u200c\u2060\ufeff]|\u200d/.test(a.text)) fail('text keeps invisible characters');
  if (typeof a.title !== 'string') fail('title is not a string');
  if (!a.content || a.content.nodeType !== 1) fail('content is not an element');
  // what the content script would send must pass the background's own schema
  const input = articleInput(a);
  const parsed = ArticleInputSchema.safeParse(input);
  if (!parsed.success) fail(`articleInput fails the message schema: ${parsed.error.message.slice(0, 300)}`);
}

function checkAnalysis(page: string, text: string, an: Analysis): void {
  const fail = (msg: string): never => failAt(page, 'analysis', msg);
  const span = (what: string, s: { start: number; end: number; text: string }, allowEmpty = false) => {
    if (!Number.isInteger(s.start) || !Number.isInteger(s.end)) fail(`${what} has non-integer offsets`);
    if (s.start < 0 || s.end > text.length || s.start > s.end || (!allowEmpty && s.start === s.end))
      fail(`${what} offsets [${s.start}, ${s.end}) outside the text (length ${text.length})`);
    if (text.slice(s.start, s.end) !== s.text)
      fail(
        `${what} text ${JSON.stringify(s.text.slice(0, 80))} ≠ text.slice(start, end) ${JSON.stringify(text.slice(s.start, s.end).slice(0, 80))}`,
      );
  };
  if (an.text !== text) fail('analysis.text is not the analyzed text');
  if (!Array.isArray(an.entities) || !Array.isArray(an.quotes)) fail('entities / quotes are not arrays');
  for (const e of an.entities) {
    if (!e.text || typeof e.text !== 'string') fail('entity without a name');
    if (!['person', 'organization', 'place'].includes(e.type)) fail(`entity ${e.text} has unknown type ${e.type}`);
    if (!e.mentions.length) fail(`entity ${e.text} has no mention`);
    for (const m of e.mentions) span(`mention of ${e.text}`, m);
  }
  for (const q of an.quotes) {
    span(`quote ${JSON.stringify(q.text.slice(0, 40))}`, q);
    if (q.kind !== 'direct' && q.kind !== 'indirect') fail(`quote kind ${String(q.kind)}`);
    if (typeof q.anonymous !== 'boolean') fail('quote.anonymous is not a boolean');
    if (q.speaker !== null && typeof q.speaker !== 'string') fail('quote.speaker is neither string nor null');
    if (q.cue !== null && typeof q.cue !== 'string') fail('quote.cue is neither string nor null');
    if (q.speakerMention) span('speaker mention', q.speakerMention);
  }
  const s = an.speakers;
  if (s.named + s.anonymous !== an.quotes.length) fail('sourcing summary does not count every quote');
  if (!Number.isFinite(s.anonymousShare) || s.anonymousShare < 0 || s.anonymousShare > 1)
    fail(`anonymousShare ${s.anonymousShare} is not in [0, 1]`);
  const perSpeaker = s.speakers.reduce((n, x) => n + x.direct + x.indirect, 0);
  if (perSpeaker !== an.quotes.length) fail('per-speaker counts do not add up to the quotes');
  // the Analysis goes through structured clone / JSON (messages, export): it must survive a round trip
  const round = JSON.parse(JSON.stringify(an)) as Analysis;
  if (round.text !== an.text || round.quotes.length !== an.quotes.length) fail('analysis does not survive JSON');
}

/** Seeded spans over `text`: word-aligned-ish random ranges of 1..120 characters. */
function randomSpans(text: string, seed: number, n: number): Array<{ start: number; end: number }> {
  if (!text.length) return [];
  const rand = prng(seed);
  return Array.from({ length: n }, () => {
    const start = Math.floor(rand() * text.length);
    const end = Math.min(text.length, start + 1 + Math.floor(rand() * 120));
    return { start, end };
  });
}

/** Text-level anchoring: every selector built from the text re-anchors to the same text. */
function checkTextAnchoring(
  page: string,
  text: string,
  an: Analysis,
  seed: number,
): { anchored: number; inPlace: number } {
  const fail = (msg: string): never => failAt(page, 'anchoring', msg);
  const folded = squeezeWithMap(text);
  const spans = [
    ...an.entities.flatMap((e) => e.mentions).slice(0, 40),
    ...an.quotes.slice(0, 40),
    ...randomSpans(text, seed, 15),
  ];
  let anchored = 0;
  let inPlace = 0;
  for (const sp of spans) {
    const sel = quoteSelector(text, sp.start, sp.end);
    const want = squeeze(sel.exact);
    const got = locateExact(folded, sel, sp);
    if (!want) {
      // a selection of nothing but white space / invisible characters has nothing to anchor to
      if (got) fail(`empty selector at ${sp.start} anchored to ${JSON.stringify(text.slice(got.start, got.end))}`);
      continue;
    }
    if (!got)
      return fail(`selector for [${sp.start}, ${sp.end}) ${JSON.stringify(sel.exact.slice(0, 60))} did not re-anchor`);
    if (got.start < 0 || got.end > text.length || got.start >= got.end)
      fail(`anchor [${got.start}, ${got.end}) out of range`);
    if (squeeze(text.slice(got.start, got.end)) !== want)
      fail(
        `selector ${JSON.stringify(sel.exact.slice(0, 60))} re-anchored to different text ${JSON.stringify(text.slice(got.start, got.end).slice(0, 60))}`,
      );
    anchored++;
    // the same offsets modulo leading/trailing white space the selector trims away
    const orig = text.slice(sp.start, sp.end);
    const lead = orig.length - orig.replace(/^(?:[\s\u00ad\u200b\u200c\u2060\ufeff]|\u200d)+/, '').length;
    if (got.start === sp.start + lead) inPlace++;
  }
  return { anchored, inPlace };
}

/** DOM-level: selections in the live page are described by a selector that finds the same text. */
function checkDomSelections(page: string, doc: Document, text: string, seed: number, max: number): number {
  const fail = (msg: string): never => failAt(page, 'selection', msg);
  const root = doc.body;
  if (!root) return 0;
  const nodes: Text[] = [];
  const walker = doc.createTreeWalker(root, 4 /* NodeFilter.SHOW_TEXT */);
  for (let n = walker.nextNode(); n && nodes.length < 5000; n = walker.nextNode()) {
    const parent = n.parentElement?.tagName;
    if (parent === 'SCRIPT' || parent === 'STYLE' || parent === 'NOSCRIPT') continue;
    if ((n.nodeValue ?? '').trim()) nodes.push(n as Text);
  }
  const rand = prng(seed ^ 0x9e3779b9);
  let described = 0;
  for (let i = 0; i < Math.min(max, nodes.length); i++) {
    const node = nodes[Math.floor(rand() * nodes.length)]!;
    const len = node.length;
    const start = Math.floor(rand() * len);
    const end = Math.min(len, start + 1 + Math.floor(rand() * 80));
    const range = doc.createRange();
    range.setStart(node, start);
    range.setEnd(node, end);
    const d = describeRange(doc, range, text);
    const selected = fold(range.toString()).trim();
    if (!selected) {
      if (d) fail('a white-space-only selection was described');
      continue;
    }
    if (!d) return fail(`selection ${JSON.stringify(selected.slice(0, 60))} was not described`);
    if (!d.quote.exact) fail('described selection has an empty exact');
    if (d.position) {
      if (d.position.start < 0 || d.position.end > text.length || d.position.start >= d.position.end)
        fail(`position [${d.position.start}, ${d.position.end}) out of range`);
      if (squeeze(text.slice(d.position.start, d.position.end)) !== squeeze(selected))
        fail(
          `selection ${JSON.stringify(selected.slice(0, 60))} described at different article text ${JSON.stringify(text.slice(d.position.start, d.position.end).slice(0, 60))}`,
        );
    } else if (squeeze(d.quote.exact) !== squeeze(selected)) {
      fail('an unplaced selection must keep the selected text as its exact');
    }
    described++;
  }
  return described;
}

/** Whether `small` is a subsequence of `big` (in order, gaps allowed). */
function isSubsequence(small: string, big: string): boolean {
  let j = 0;
  for (let i = 0; i < big.length && j < small.length; i++) if (big[i] === small[j]) j++;
  return j === small.length;
}

/** Levenshtein distance, for checking fuzzy anchors against their budget (short strings only). */
function editDistance(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    for (let j = 1; j <= b.length; j++)
      cur[j] = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    prev = cur;
  }
  return prev[b.length]!;
}

/**
 * Live-page anchoring (utils/anchoring/anchor.ts) on the parsed page: analysis offsets and saved selectors
 * land on the same text in the live DOM, fuzzy matches stay within the anchorer's own budget, and anything
 * else is an orphan. Every target ends up in exactly one of the two lists.
 */
function checkLiveAnchoring(page: string, doc: Document, text: string, an: Analysis, seed: number) {
  const fail = (msg: string): never => failAt(page, 'live anchoring', msg);
  const root = doc.body ?? doc.documentElement;
  if (!root) return { anchored: 0, orphans: 0 };
  const want = new Map<string, string>();
  const targets: AnchorTarget[] = [];
  for (const [i, m] of an.entities
    .flatMap((e) => e.mentions)
    .slice(0, 30)
    .entries()) {
    targets.push({ id: `m${i}`, position: { start: m.start, end: m.end } });
    want.set(`m${i}`, liveSqueeze(m.text));
  }
  for (const [i, q] of an.quotes.slice(0, 30).entries()) {
    targets.push({ id: `q${i}`, position: { start: q.start, end: q.end } });
    want.set(`q${i}`, liveSqueeze(q.text));
  }
  for (const [i, sp] of randomSpans(text, seed ^ 0x51ed, 10).entries()) {
    const quote = quoteSelector(text, sp.start, sp.end);
    if (!quote.exact) continue;
    targets.push({ id: `s${i}`, quote, position: sp });
    want.set(`s${i}`, liveSqueeze(quote.exact));
  }
  const anchorer = new Anchorer(root, text);
  const res = anchorer.anchor(targets);
  const ids = [...res.anchored.map((a) => a.id), ...res.orphans];
  if (ids.length !== targets.length || new Set(ids).size !== ids.length)
    fail('every target must be anchored or orphaned exactly once');
  for (const a of res.anchored) {
    const got = anchorer.index.text.slice(a.start, a.end);
    const expected = want.get(a.id)!;
    if (a.method !== 'fuzzy') {
      // A span across paragraphs maps onto one contiguous live Range, which also covers whatever the live
      // page has between those paragraphs (a byline or an ad Readability dropped). That is inherent to
      // Ranges; what must hold is that the article's text is all there, in order, from first to last char.
      const spansGap =
        got !== expected &&
        a.method === 'aligned' &&
        got.startsWith(expected.slice(0, 1)) &&
        got.endsWith(expected.slice(-1)) &&
        isSubsequence(expected, got);
      if (got !== expected && !spansGap)
        fail(
          `${a.id} anchored (${a.method}) to ${JSON.stringify(got.slice(0, 60))}, not ${JSON.stringify(expected.slice(0, 60))}`,
        );
    } else if (expected.length <= 2000 && editDistance(got, expected) > Math.min(32, Math.floor(expected.length / 4))) {
      fail(`${a.id} fuzzy-anchored beyond its edit budget: ${JSON.stringify(got.slice(0, 60))}`);
    }
    if (liveSqueeze(a.range.toString()).length < got.length) fail(`${a.id}: range shorter than its text`);
  }
  return { anchored: res.anchored.length, orphans: res.orphans.length };
}

/** Options for `runPage`. */
export interface RunOptions {
  /**
   * How many live-DOM selections to describe. `describeRange` reads the whole document around the selection
   * through `Range.toString()`, which jsdom implements in super-linear time (minutes on 10,000 paragraphs, a
   * minute on 4,000 inline links; native browsers take milliseconds), so by default only pages under 150 kB
   * and 1,500 elements get selections.
   */
  selections?: number;
}

/** Runs the whole pipeline on one page; throws `InvariantError` on any broken promise. */
export function runPage(page: CorpusPage, options: RunOptions = {}): PageReport {
  const seed = [...page.name].reduce((h, c) => Math.imul(h ^ c.charCodeAt(0), 16777619) >>> 0, 2166136261);
  const t0 = performance.now();
  const doc = parsePage(page.html, page.url);
  const before = fingerprint(doc, page.html.length);
  const t1 = performance.now();
  // the content script's order: the cheap readability check first, forced extraction only when asked
  const article = extractArticle(doc) ?? extractArticle(doc, { force: true });
  if (article) checkExtraction(page.name, article);
  if (fingerprint(doc, page.html.length) !== before)
    throw new InvariantError(`${page.name}: extraction changed the live document`);
  const t2 = performance.now();
  const text = article?.text ?? (doc.body ? articleText(doc.body) : '');
  const analysis = analyzeText(text, article ? { title: article.title } : {});
  checkAnalysis(page.name, text, analysis);
  const t3 = performance.now();
  const { anchored, inPlace } = checkTextAnchoring(page.name, text, analysis, seed);
  const live = checkLiveAnchoring(page.name, doc, text, analysis, seed);
  const described = checkDomSelections(
    page.name,
    doc,
    text,
    seed,
    options.selections ??
      page.selections ??
      (page.html.length < 150_000 && doc.getElementsByTagName('*').length < 1500 ? 3 : 0),
  );
  const t4 = performance.now();
  return {
    name: page.name,
    bytes: page.html.length,
    article: !!article,
    textLength: text.length,
    entities: analysis.entities.length,
    mentions: analysis.entities.reduce((n, e) => n + e.mentions.length, 0),
    quotes: analysis.quotes.length,
    anchored,
    anchoredInPlace: inPlace,
    described,
    liveAnchored: live.anchored,
    liveOrphans: live.orphans,
    ms: { parse: t1 - t0, extract: t2 - t1, analyze: t3 - t2, anchor: t4 - t3, total: t4 - t0 },
  };
}
