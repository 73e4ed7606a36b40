/**
 * Anchoring (DOM layer): maps article-text offsets and saved quote selectors onto Ranges of the LIVE page.
 *
 * Readability works on a clone, so its nodes are useless for drawing; what survives is text. The live page
 * is indexed once (text nodes + per-character node/offset, white space and invisible characters dropped, the
 * same "squeezed" key as `squeeze` in selectors.ts), the article's paragraphs are aligned onto that index in
 * one monotone pass, and every analysis offset is then mapped by arithmetic. Only what does not fall in an
 * aligned paragraph is searched for — exact text scored by prefix/suffix/position like Hypothesis, then a
 * bounded fuzzy search with `approx-string-match` — and only inside the part of the page that holds the
 * article, so nav bars and comment threads never catch a highlight. What cannot be anchored is returned as
 * an orphan: never dropped, never pinned to text that is not the quote.
 */
import search from 'approx-string-match';
import { isSkippedElement } from '../article/text';
import type { TextPositionSelector, TextQuoteSelector } from '../db/schema';
import { commonPrefix, commonSuffix, isDropped, MAX_OCCURRENCES, squeeze } from './selectors';

/** Context characters compared on each side of a candidate (squeezed, so ~32 folded characters). */
const CONTEXT = 32;
/** Paragraphs shorter than this (squeezed) are only searched between their aligned neighbours. */
const LONG_BLOCK = 24;
/** Quotes shorter than this are never matched fuzzily: a few edits turn "Mali" into "Bali". */
const MIN_FUZZY = 12;
/** How far outside the aligned article region a fallback search may look, in squeezed characters. */
const REGION_SLACK = 4000;
/** The live page's text, indexed once: the squeezed text and where each text node starts in it. */
export interface LiveTextIndex {
  /** Every indexed character except white space and invisible characters, in document order. */
  text: string;
  /** The indexed text nodes (those with at least one kept character). */
  nodes: Text[];
  /** `starts[k]` is the squeezed offset of the first kept character of `nodes[k]`. */
  starts: Int32Array;
}

/** Options for `buildTextIndex`. */
export interface IndexOptions {
  /** Elements whose subtree is left out (the extension's own UI host, for one). */
  exclude?: (el: Element) => boolean;
}

const SHOW_ELEMENT = 0x1;
const SHOW_TEXT = 0x4;
const FILTER_ACCEPT = 1;
const FILTER_REJECT = 2;
const FILTER_SKIP = 3;
/** The characters `dropped` accepts, as a global regex for the native (fast) per-node replace. */
const DROPPED_RE = /[\s\u00a0\u00ad\u1680\u2000-\u200d\u2028\u2029\u202f\u205f\u2060\u3000\ufeff]/g;

/**
 * Indexes the text under `root`, skipping what `articleText` skips (script, style, buttons…), elements with
 * the `hidden` attribute, and whatever `options.exclude` rejects. One pass with a native replace per text
 * node; per-character offsets are recovered only for the few boundaries that become ranges.
 */
export function buildTextIndex(root: Node, options: IndexOptions = {}): LiveTextIndex {
  const doc = root.nodeType === 9 ? (root as Document) : root.ownerDocument;
  const nodes: Text[] = [];
  const parts: string[] = [];
  const starts: number[] = [];
  let n = 0;
  if (!doc) return { text: '', nodes, starts: new Int32Array(0) };
  const walker = doc.createTreeWalker(root, SHOW_ELEMENT | SHOW_TEXT, {
    acceptNode(node: Node): number {
      if (node.nodeType === 3) return FILTER_ACCEPT;
      const el = node as Element;
      if (isSkippedElement(el) || el.hasAttribute('hidden') || options.exclude?.(el)) return FILTER_REJECT;
      return FILTER_SKIP;
    },
  });
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const kept = (node as Text).data.replace(DROPPED_RE, '');
    if (!kept) continue;
    nodes.push(node as Text);
    starts.push(n);
    parts.push(kept);
    n += kept.length;
  }
  return { text: parts.join(''), nodes, starts: Int32Array.from(starts) };
}

/** The text node holding squeezed character `i`, and the UTF-16 offset of that character inside it. */
function locate(index: LiveTextIndex, i: number): { node: Text; offset: number } | null {
  const { starts, nodes } = index;
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid]! <= i) lo = mid;
    else hi = mid - 1;
  }
  const node = nodes[lo];
  if (!node) return null;
  let k = i - starts[lo]!;
  const data = node.data;
  for (let j = 0; j < data.length; j++) {
    if (isDropped(data.charCodeAt(j))) continue;
    if (k-- === 0) return { node, offset: j };
  }
  return null;
}

/** The squeezed live offsets [start, end) as a DOM Range. */
export function rangeOf(index: LiveTextIndex, start: number, end: number): Range | null {
  if (start < 0 || end > index.text.length || end <= start) return null;
  const a = locate(index, start);
  const b = locate(index, end - 1);
  if (!a || !b || !a.node.isConnected || !b.node.isConnected) return null;
  const range = a.node.ownerDocument.createRange();
  range.setStart(a.node, a.offset);
  range.setEnd(b.node, b.offset + 1);
  return range;
}

/** Something to anchor. */
export interface AnchorTarget {
  id: string;
  /**
   * Offsets into the current article text. Without a `quote` they are trusted (analysis results); with a
   * quote they are only a hint, used when the text there still matches.
   */
  position?: TextPositionSelector | null;
  /** A saved quote selector (whitespace-normalized exact text with prefix and suffix). */
  quote?: TextQuoteSelector | null;
}

/** How a target was anchored. */
export type AnchorMethod = 'aligned' | 'exact' | 'fuzzy';

/** A target that was found in the live page. */
export interface AnchoredTarget {
  id: string;
  range: Range;
  method: AnchorMethod;
  /** Squeezed live offsets of the range (for ordering and hit-testing). */
  start: number;
  end: number;
}

/** The result of one anchoring run. Every target is in exactly one of the two lists. */
export interface AnchorResult {
  anchored: AnchoredTarget[];
  /** Ids of targets that could not be anchored ("not found in this page"). */
  orphans: string[];
}

/** Squeezed article text with maps both ways. */
interface SqueezedArticle {
  text: string;
  /** squeezed index → original offset */
  map: Int32Array;
  /** original offset → index of the first squeezed character at or after it (length+1 entries) */
  inv: Int32Array;
}

function squeezeArticle(s: string): SqueezedArticle {
  const map = new Int32Array(s.length);
  const inv = new Int32Array(s.length + 1);
  const out: string[] = [];
  for (let i = 0; i < s.length; i++) {
    inv[i] = out.length;
    if (isDropped(s.charCodeAt(i))) continue;
    map[out.length] = i;
    out.push(s[i]!);
  }
  inv[s.length] = out.length;
  return { text: out.join(''), map: map.subarray(0, out.length), inv };
}

/** A paragraph of the article in squeezed coordinates, and where it sits in the live index. */
interface Block {
  start: number;
  end: number;
  /** live squeezed start, -1 when not aligned */
  live: number;
}

/** A scored candidate position in some haystack. */
interface Candidate {
  start: number;
  end: number;
  score: number;
  fuzzy: boolean;
}

/** Similarity in [0,1] of `expected` to the best approximate occurrence in `window` (1 when nothing expected). */
function fuzzySim(window: string, expected: string): number {
  if (!expected) return 1;
  if (!window) return 0;
  const max = Math.ceil(expected.length / 2);
  let best = expected.length;
  for (const m of search(window, expected, max)) best = Math.min(best, m.errors);
  return 1 - best / expected.length;
}

/** What a quote search looks for, all squeezed. */
interface Needle {
  exact: string;
  prefix: string;
  suffix: string;
  /** Expected start in the haystack, or null. */
  hint: number | null;
}

/**
 * Finds `needle` in `hay[from, to)`: every exact occurrence scored (quote 50, prefix 20, suffix 20,
 * position 2, as Hypothesis does), else — when allowed and the quote is long enough — the best fuzzy
 * occurrence with at most min(32, len/4) errors whose context (or near-exact wording) vouches for it.
 */
function findQuote(hay: string, from: number, to: number, needle: Needle, fuzzy: boolean): Candidate | null {
  const { exact, prefix, suffix, hint } = needle;
  if (!exact || to - from < exact.length) return null;
  const posScore = (start: number) =>
    hint === null ? 0 : 2 * (1 - Math.min(1, Math.abs(start - hint) / Math.max(1, hay.length)));
  let best: Candidate | null = null;
  let seen = 0;
  for (let i = hay.indexOf(exact, from); i >= 0 && i + exact.length <= to; i = hay.indexOf(exact, i + 1)) {
    const before = hay.slice(Math.max(0, i - prefix.length), i);
    const after = hay.slice(i + exact.length, i + exact.length + suffix.length);
    const pre = prefix ? commonSuffix(before, prefix) / prefix.length : 1;
    const suf = suffix ? commonPrefix(after, suffix) / suffix.length : 1;
    const score = 50 + 20 * pre + 20 * suf + posScore(i);
    if (!best || score > best.score) best = { start: i, end: i + exact.length, score, fuzzy: false };
    if (++seen >= MAX_OCCURRENCES) break;
  }
  if (best || !fuzzy || exact.length < MIN_FUZZY) return best;

  const maxErrors = Math.min(32, Math.floor(exact.length / 4));
  // Near the expected position first: on a long page that is most of the time the whole answer, and it
  // keeps the approximate search (linear in the haystack) small.
  if (hint !== null && to - from > 20_000) {
    const lo = Math.max(from, hint - 5000);
    const hi = Math.min(to, hint + exact.length + 5000);
    const near = findFuzzy(hay, lo, hi, needle, maxErrors, posScore);
    if (near) return near;
  }
  return findFuzzy(hay, from, to, needle, maxErrors, posScore);
}

/** The best vouched-for approximate occurrence of the needle in hay[from, to). */
function findFuzzy(
  hay: string,
  from: number,
  to: number,
  needle: Needle,
  maxErrors: number,
  posScore: (start: number) => number,
): Candidate | null {
  const { exact, prefix, suffix } = needle;
  const window = hay.slice(from, to);
  const matches = search(window, exact, maxErrors);
  let bestFuzzy: Candidate | null = null;
  for (const m of matches.slice(0, 50)) {
    const start = from + m.start;
    const end = from + m.end;
    const quoteSim = 1 - m.errors / exact.length;
    const pre = fuzzySim(hay.slice(Math.max(0, start - prefix.length - 8), start), prefix);
    const suf = fuzzySim(hay.slice(end, end + suffix.length + 8), suffix);
    const hasContext = prefix.length + suffix.length > 0;
    const context = hasContext
      ? (pre * prefix.length + suf * suffix.length) / Math.max(1, prefix.length + suffix.length)
      : 0;
    // An edited sentence keeps its neighbours; a different sentence that happens to look alike does not.
    // Without supporting context only a near-verbatim match is trusted.
    const vouched = (hasContext && context >= 0.5 && quoteSim >= 0.75) || quoteSim >= 0.9;
    if (!vouched) continue;
    const score = 50 * quoteSim + 20 * pre + 20 * suf + posScore(start);
    if (!bestFuzzy || score > bestFuzzy.score) bestFuzzy = { start, end, score, fuzzy: true };
  }
  return bestFuzzy;
}

/** Options for an `Anchorer`. */
export interface AnchorOptions extends IndexOptions {
  /** A prebuilt index of the live page (rebuilt when absent). */
  index?: LiveTextIndex;
}

/**
 * Anchors targets of one article in one live page. Build it once per (page state, article text); the
 * paragraph alignment is computed in the constructor, each `anchor` call is then linear in its targets.
 */
export class Anchorer {
  readonly index: LiveTextIndex;
  private readonly article: SqueezedArticle;
  private readonly blocks: Block[];
  /** The aligned article's extent in the live index, or null when nothing aligned. */
  readonly region: { start: number; end: number } | null;

  constructor(root: Node, articleText: string, options: AnchorOptions = {}) {
    this.index = options.index ?? buildTextIndex(root, options);
    this.article = squeezeArticle(articleText);
    this.blocks = this.align(articleText);
    const aligned = this.blocks.filter((b) => b.live >= 0);
    const first = aligned[0];
    const last = aligned[aligned.length - 1];
    this.region = first && last ? { start: first.live, end: last.live + (last.end - last.start) } : null;
  }

  /** Splits the article into paragraphs and aligns them onto the live index, long ones first. */
  private align(articleText: string): Block[] {
    const blocks: Block[] = [];
    const re = /[^\n]+/g;
    for (let m = re.exec(articleText); m; m = re.exec(articleText)) {
      const start = this.article.inv[m.index]!;
      const end = this.article.inv[m.index + m[0].length]!;
      if (end > start) blocks.push({ start, end, live: -1 });
    }
    const live = this.index.text;
    const art = this.article.text;
    // Long paragraphs: greedy, monotone — each is searched after the previous one's end.
    let cursor = 0;
    for (const b of blocks) {
      if (b.end - b.start < LONG_BLOCK) continue;
      const at = live.indexOf(art.slice(b.start, b.end), cursor);
      if (at >= 0) {
        b.live = at;
        cursor = at + (b.end - b.start);
      }
    }
    // Short paragraphs (headings, datelines) only between their aligned neighbours, so "Mali" never lands
    // in the navigation bar.
    for (let i = 0; i < blocks.length; i++) {
      const b = blocks[i]!;
      if (b.live >= 0) continue;
      const [lo, hi] = this.gap(blocks, i, b.end - b.start + 400);
      const s = art.slice(b.start, b.end);
      const at = live.indexOf(s, lo);
      if (at >= 0 && at + s.length <= hi) b.live = at;
    }
    return blocks;
  }

  /** The live span between block i's aligned neighbours (or `slack` beyond the one that exists). */
  private gap(blocks: Block[], i: number, slack: number): [number, number] {
    let lo = -1;
    let hi = -1;
    for (let j = i - 1; j >= 0; j--) {
      const p = blocks[j]!;
      if (p.live >= 0) {
        lo = p.live + (p.end - p.start);
        break;
      }
    }
    for (let j = i + 1; j < blocks.length; j++) {
      const q = blocks[j]!;
      if (q.live >= 0) {
        hi = q.live;
        break;
      }
    }
    const n = this.index.text.length;
    if (lo < 0 && hi < 0) return [0, n];
    if (lo < 0) lo = Math.max(0, hi - slack);
    if (hi < 0) hi = Math.min(n, lo + slack);
    return [lo, Math.max(lo, hi)];
  }

  /** Index of the block containing squeezed article offset `sq`, or -1. */
  private blockAt(sq: number): number {
    let lo = 0;
    let hi = this.blocks.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const b = this.blocks[mid]!;
      if (sq < b.start) hi = mid - 1;
      else if (sq >= b.end) lo = mid + 1;
      else return mid;
    }
    return -1;
  }

  /** Maps squeezed article [s, e) to squeezed live offsets, searching when its paragraph did not align. */
  private mapSqueezed(s: number, e: number): { start: number; end: number; method: AnchorMethod } | null {
    if (e <= s) return null;
    const bi = this.blockAt(s);
    const bj = this.blockAt(e - 1);
    const a = this.blocks[bi];
    const b = this.blocks[bj];
    if (a && b && a.live >= 0 && b.live >= 0) {
      const start = a.live + (s - a.start);
      const end = b.live + (e - 1 - b.start) + 1;
      if (end > start) return { start, end, method: 'aligned' };
    }
    // Not in an aligned paragraph: search between the aligned neighbours, never outside the article.
    const art = this.article.text;
    const needle: Needle = {
      exact: art.slice(s, e),
      prefix: art.slice(Math.max(0, s - CONTEXT), s),
      suffix: art.slice(e, e + CONTEXT),
      hint: null,
    };
    const lo = bi >= 0 ? this.gap(this.blocks, bi, REGION_SLACK)[0] : (this.region?.start ?? 0);
    const hi = bj >= 0 ? this.gap(this.blocks, bj, REGION_SLACK)[1] : (this.region?.end ?? this.index.text.length);
    if (this.region || bi >= 0) needle.hint = lo;
    const found = findQuote(this.index.text, lo, Math.max(lo, hi), needle, true);
    if (!found) return null;
    return { start: found.start, end: found.end, method: found.fuzzy ? 'fuzzy' : 'exact' };
  }

  /** Finds a saved quote in the current article text; squeezed article offsets or null. */
  private locateInArticle(target: AnchorTarget): { start: number; end: number; fuzzy: boolean } | null {
    const art = this.article;
    const q = target.quote!;
    const exact = squeeze(q.exact);
    if (!exact) return null;
    const pos = target.position;
    if (pos && pos.end <= art.inv.length - 1 && pos.end > pos.start) {
      const s = art.inv[pos.start]!;
      const e = art.inv[pos.end]!;
      if (art.text.slice(s, e) === exact) return { start: s, end: e, fuzzy: false };
    }
    const needle: Needle = {
      exact,
      prefix: squeeze(q.prefix).slice(-CONTEXT),
      suffix: squeeze(q.suffix).slice(0, CONTEXT),
      hint: pos && pos.start < art.inv.length ? art.inv[pos.start]! : null,
    };
    return findQuote(art.text, 0, art.text.length, needle, true);
  }

  /** Finds a saved quote directly in the live page (when it is not, or no longer, in the article text). */
  private locateLive(target: AnchorTarget): { start: number; end: number; method: AnchorMethod } | null {
    const q = target.quote!;
    const needle: Needle = {
      exact: squeeze(q.exact),
      prefix: squeeze(q.prefix).slice(-CONTEXT),
      suffix: squeeze(q.suffix).slice(0, CONTEXT),
      hint: null,
    };
    const live = this.index.text;
    const region = this.region;
    if (region) {
      const lo = Math.max(0, region.start - REGION_SLACK);
      const hi = Math.min(live.length, region.end + REGION_SLACK);
      const inRegion = findQuote(live, lo, hi, needle, true);
      if (inRegion) return { start: inRegion.start, end: inRegion.end, method: inRegion.fuzzy ? 'fuzzy' : 'exact' };
    }
    // Selections made outside the article (a caption Readability dropped): exact text anywhere, and only
    // with some context agreeing when there is context to agree with.
    const anywhere = findQuote(live, 0, live.length, needle, false);
    if (!anywhere) return null;
    const hasContext = needle.prefix.length + needle.suffix.length > 0;
    if (hasContext && anywhere.score < 60) return null;
    return { start: anywhere.start, end: anywhere.end, method: 'exact' };
  }

  /** Anchors every target; each ends up anchored or orphaned. */
  anchor(targets: readonly AnchorTarget[]): AnchorResult {
    const anchored: AnchoredTarget[] = [];
    const orphans: string[] = [];
    const art = this.article;
    for (const t of targets) {
      let found: { start: number; end: number; method: AnchorMethod } | null = null;
      try {
        if (t.quote) {
          const inArticle = this.locateInArticle(t);
          if (inArticle) {
            found = this.mapSqueezed(inArticle.start, inArticle.end);
            if (found && inArticle.fuzzy) found.method = 'fuzzy';
          }
          found ??= this.locateLive(t);
        } else if (t.position) {
          const p = t.position;
          const limit = art.inv.length - 1;
          if (p.start >= 0 && p.end <= limit && p.end > p.start)
            found = this.mapSqueezed(art.inv[p.start]!, art.inv[p.end]!);
        }
      } catch {
        found = null;
      }
      const range = found ? rangeOf(this.index, found.start, found.end) : null;
      if (found && range) anchored.push({ id: t.id, range, method: found.method, start: found.start, end: found.end });
      else orphans.push(t.id);
    }
    return { anchored, orphans };
  }
}

/**
 * Anchors `targets` (offsets into `articleText`, or saved quote selectors) in the live page under `root`.
 * Convenience for one-off runs; keep an `Anchorer` to anchor several batches against the same index.
 */
export function anchor(
  root: Node,
  articleText: string,
  targets: readonly AnchorTarget[],
  options: AnchorOptions = {},
): AnchorResult {
  return new Anchorer(root, articleText, options).anchor(targets);
}
