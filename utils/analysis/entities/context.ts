/**
 * Stage 0 of the entity engine: what every later stage reads about the whole text, built once — the tokens,
 * the boilerplate mask, the article's lowercase vocabulary, its Title Case heading lines, whether it is a
 * kicker-led newsletter or a match report, and the test for a token that can be part of a name.
 */
import { boilerplateRanges, TWEET_SIGNATURE } from '../lexicons/boilerplate';
import {
  CONGRESS_WORDS,
  CREDIT_HINT,
  CREDIT_LINES,
  CREDIT_NAME_FILLERS,
  TABLE_MIN_ROWS,
  TABLE_ROW_MAX,
  HEADING_FILLERS,
  MONTH_BEFORE,
  NAME_PREFIX_HYPHEN,
  ORDINAL,
  ORDINAL_STREET_HEADS,
  PARTY_STATE,
  PREFIX_HYPHEN,
  SPORT_WORDS,
} from '../lexicons/entity-cues';
import { lexicon, lexKey, type Lexicon } from '../lexicons/gazetteer';
import { tokenize, type Token } from '../tokens';
import { bare, type Ctx } from './model';

/** The context stage's own rules (masks and name-token tests), with an example each (table-tested). */
export const CONTEXT_RULES = [
  {
    // rule credit-line: contributor credits and newsletter prompts the shared boilerplate list misses
    id: 'entity.mask.credit-line',
    example: 'The mayor spoke.\nReporting was contributed by Dana Reyes, Marcus Hill and Priya Anand.',
  },
  {
    // rule data-table: a block of short lines most of which end in a count ("Rajkot40", "Pune 660") is a table
    id: 'entity.mask.data-table',
    example:
      'Cases by district:\nZorvex 40\nQuillby 32\nMarrow 28\nDenton 23\nFallow 17\nPatan 15\nNorbury 12\nKestrel 11',
  },
  {
    // rule ordinal-street: "West 12th Street", "on 42nd St." — an ordinal before a street word is part of the name
    id: 'entity.token.ordinal-street',
    example: 'The fire started on West 12th Street.',
  },
  {
    // rule party-state: "Jason Chaffetz, R-Utah," — the state after a lawmaker's party letter is a place
    id: 'entity.token.party-state',
    example: 'Rep. Dana Reyes, R-Utah, did not respond.',
  },
] as const;

/** Builds the run's context for `text`; `fired` collects every rule id when tracing. */
export function buildContext(text: string, fired?: Set<string>): Ctx {
  const lx = lexicon();
  const tokens = tokenize(text);
  const n = tokens.length;
  const skip = maskBoilerplate(text, tokens);
  const lines = text.split('\n');
  maskLines(lines, tokens, skip, fired);
  const lowerVocab = new Set<string>();
  for (const t of tokens) if (t.kind === 'word' && !t.cap) lowerVocab.add(t.text.toLowerCase());
  const headingLine = headingLines(tokens, lx, skip);
  // rule tweet-signature: "— Dana Reyes (@danareyes) May 3, 2021" under an embedded post names its author;
  // its capitals are a name, not a heading's
  lines.forEach((line, i) => {
    if (TWEET_SIGNATURE.test(line)) headingLine.delete(i);
  });
  let congressMemo: boolean | undefined;
  let sportWords = 0;
  for (const w of lowerVocab) if (SPORT_WORDS.test(w)) sportWords++;
  const at = (i: number): Token | undefined => (i >= 0 && i < n ? tokens[i] : undefined);
  const ctx: Ctx = {
    text,
    tokens,
    lx,
    lowerVocab,
    headingLine,
    kickerDoc: kickerLineCount(tokens) >= 2,
    skip,
    at,
    nameTok: () => false,
    sporty: sportWords >= 3,
    // scanned only when a rule asks ("the House"): most articles never do
    congress: () => {
      if (congressMemo === undefined) {
        congressMemo = lowerVocab.has('congressional');
        for (let i = 0; i < n && !congressMemo; i++) congressMemo = CONGRESS_WORDS.test(tokens[i]!.text);
      }
      return congressMemo;
    },
    fired,
  };
  ctx.nameTok = (i: number) => isNameTok(ctx, i);
  return ctx;
}

/** A month or weekday, not a name: "May 3", "in March", "Mar. 3" — but "Theresa May", "Sun Yat-sen". */
function isCalendar(ctx: Ctx, i: number): boolean {
  const { at, lx } = ctx;
  const t = ctx.tokens[i]!;
  const w = bare(t.text);
  if (w === 'May' || w === 'March') {
    const next = at(i + 1);
    const prev = at(i - 1);
    return (next?.kind === 'num' && /^\d{1,4}$/.test(next.text)) || (!!prev && MONTH_BEFORE.test(prev.text));
  }
  // "Mar", "Sun", "Sat" are months/days only next to a number or a period ("Mar. 3", "3 Mar")
  if (w.length === 3 && lx.calendar.has(w))
    return t.text.endsWith('.') || at(i + 1)?.kind === 'num' || at(i - 1)?.kind === 'num';
  return lx.calendar.has(w);
}

/** A token that can be part of a name. */
function isNameTok(ctx: Ctx, i: number): boolean {
  const { at } = ctx;
  const t = at(i);
  if (!t || t.kind !== 'word' || ctx.skip[i]) return false;
  // rule ordinal-street: "12th" before "Street" on the same line
  const c0 = t.text.charCodeAt(0);
  if (c0 >= 48 && c0 <= 57 && ORDINAL.test(t.text)) {
    const n = at(i + 1);
    const ok = !!n && n.line === t.line && n.kind === 'word' && ORDINAL_STREET_HEADS.test(n.text);
    if (ok) ctx.fired?.add('entity.token.ordinal-street');
    return ok;
  }
  // "al-Assad", "el-Sisi", "bin-Laden": Arabic article + capitalized name is a name token
  if (!t.cap && !NAME_PREFIX_HYPHEN.test(t.text)) return false;
  if (/['’](ve|re|ll|d|m|t)$/i.test(t.text) && t.text.length <= 7) return false; // "I've", "We're", "Don't"
  if (/\p{N}/u.test(t.text) && /\p{Ll}/u.test(t.text)) return false; // "K2-18b", "iPhone15s": codes, not names
  // "(D-Mass.)": party and state of a US lawmaker — a name token only for the state (cut in ./facts.ts)
  if (/^[DRI]-\p{Lu}/u.test(t.text)) return partyState(ctx, t.text);
  if (!t.cap && PREFIX_HYPHEN.test(t.text)) return true; // "sub-Saharan Africa"
  if (isCalendar(ctx, i)) return false;
  // "[T]he": a lone capital letter glued to a bracket is not an initial
  if (t.text.length === 1 && (at(i + 1)?.text === ']' || at(i - 1)?.text === '[')) return false;
  return true;
}

/** "R-Utah", "D-Mass.": a party letter glued to a US state or its abbreviation. */
function partyState(ctx: Ctx, word: string): boolean {
  const m = PARTY_STATE.exec(word);
  const ok = !!m && (ctx.lx.stateAbbrevs.has(m[1]!) || ctx.lx.places.get(lexKey(m[1]!)) === 'region');
  if (ok) ctx.fired?.add('entity.token.party-state');
  return ok;
}

/**
 * rule credit-line: masks whole lines that credit contributors or sell a newsletter (CREDIT_LINES). A credit
 * whose cue needs a list of names after it ("Reporting by …") is one only when the rest holds no other
 * lowercase words ("Research by economists found …" is a sentence).
 * rule data-table: masks blocks of at least TABLE_MIN_ROWS short lines (blank lines between them allowed) of
 * which at least half end in a digit — the rows of a statistics table, whose labels are not the story's names.
 * One pass over the lines for both.
 */
function maskLines(lines: string[], tokens: Token[], skip: boolean[], fired?: Set<string>): void {
  const masked = new Set<number>();
  let run: number[] = [];
  let counts = 0;
  let tables = false;
  const close = (): void => {
    if (run.length >= TABLE_MIN_ROWS && counts * 2 >= run.length) {
      tables = true;
      for (const i of run) masked.add(i);
    }
    run = [];
    counts = 0;
  };
  let credits = false;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!.trim();
    if (!line) continue;
    if (line.length > TABLE_ROW_MAX || /[.!?:"”]$/.test(line)) close();
    else {
      run.push(i);
      const last = line.charCodeAt(line.length - 1);
      if (last >= 48 && last <= 57) counts++;
    }
    if (CREDIT_HINT.test(line) && isCreditLine(line)) {
      credits = true;
      masked.add(i);
    }
  }
  close();
  if (!masked.size) return;
  if (credits) fired?.add('entity.mask.credit-line');
  if (tables) fired?.add('entity.mask.data-table');
  for (let i = 0; i < tokens.length; i++) if (masked.has(tokens[i]!.line)) skip[i] = true;
}

/** The trimmed line matches a credit pattern (see maskLines). */
function isCreditLine(line: string): boolean {
  for (const { re, names, max } of CREDIT_LINES) {
    if (line.length > max) continue;
    const m = re.exec(line);
    if (!m) continue;
    if (!names) return true;
    const rest = line.slice(m.index + m[0].length).match(/\p{L}[\p{L}'’.-]*/gu) ?? [];
    if (rest.length && !rest.some((w) => /^\p{Ll}/u.test(w) && !CREDIT_NAME_FILLERS.test(w))) return true;
  }
  return false;
}

/** Marks tokens inside boilerplate ranges (two pointers: linear). */
function maskBoilerplate(text: string, tokens: Token[]): boolean[] {
  const ranges = boilerplateRanges(text);
  const skip = new Array<boolean>(tokens.length).fill(false);
  let r = 0;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    while (r < ranges.length && ranges[r]![1] <= t.start) r++;
    const range = ranges[r];
    if (range && range[0] <= t.start && t.end <= range[1]) skip[i] = true;
  }
  return skip;
}

/**
 * Lines that are headings or labels in Title Case ("Key Highlights", "Tech Enabled: …"): there capitals carry no
 * information, so their spans are weak (kept only when they link to a known entity or a gazetteer entry).
 */
function headingLines(tokens: Token[], lx: Lexicon, skip: boolean[]): Set<number> {
  const out = new Set<number>();
  let i = 0;
  while (i < tokens.length) {
    const line = tokens[i]!.line;
    let words = 0;
    let caps = 0;
    let j = i;
    let last: Token | undefined;
    for (; j < tokens.length && tokens[j]!.line === line; j++) {
      const t = tokens[j]!;
      if (skip[j]) continue; // a credit after a caption is not part of its wording
      last = t;
      if (t.kind !== 'word' || lx.connectors.has(t.text) || HEADING_FILLERS.test(t.text)) continue;
      words++;
      if (t.cap) caps++;
    }
    if (words >= 2 && words <= 10 && caps / words >= 0.75 && !(last && /^[.!?"”]$/.test(last.text))) out.add(line);
    i = j;
  }
  return out;
}

/** An all-caps word, the one-letter "A" and "I" of a heading included. */
export const capsWord = (t: Token): boolean => t.upper || /^\p{Lu}$/u.test(t.text);

/**
 * Counts the lines that open with an all-caps kicker of two or more words and a dash or colon ("RATE WATCH —",
 * "FIRST LOOK:"): one such line is a dateline ("CAPE TOWN —"), two or more make the article a newsletter.
 */
export function kickerLineCount(tokens: Token[]): number {
  let count = 0;
  let i = 0;
  while (i < tokens.length) {
    const line = tokens[i]!.line;
    let words = 0;
    let j = i;
    while (j < tokens.length && tokens[j]!.line === line && tokens[j]!.kind === 'word' && capsWord(tokens[j]!)) {
      words++;
      j++;
    }
    const t = tokens[j];
    if (words >= 2 && t && t.line === line && /^[—–:]$/.test(t.text)) count++;
    while (j < tokens.length && tokens[j]!.line === line) j++;
    i = j;
  }
  return count;
}
