/**
 * Stage 1 of the entity engine: chunking. A span starts at a name token and grows one token at a time; at each
 * step the growth rules below are tried in order and the first that applies says how far the span grows (or
 * that it ends there). Sentence starts, Title Case headings and hyphenated "-based" words end a span;
 * particles ("von der"), connectors inside licensed names ("Ministry of …", "Department of Health and Human
 * Services"), "&", collective possessives and short numbers ("Apollo 11") extend it.
 */
import {
  ADVOCACY_OPENERS,
  CHAMBERS,
  FOR_KIND_AFTER,
  HEADLINE_GLUE,
  HYPHEN_SUFFIX,
  LICENSING_HEADS,
  MASTHEAD_WORDS,
  OFFICE_TITLE_OF,
  PRICE_AFTER,
  REGULATION_HEADS,
  VENUE_HEADS,
} from '../lexicons/entity-cues';
import { lexKey, type Lexicon } from '../lexicons/gazetteer';
import type { Token } from '../tokens';
import { bare, type Ctx } from './model';

/** A raw capitalized span, token range inclusive, with the chunking rules that built it. */
export interface Span {
  a: number;
  b: number;
  rules: string[];
}

/** The span being grown: it runs from `i` to `j`; `t` is the next token, at `k = j + 1`. */
interface Growth {
  i: number;
  j: number;
  k: number;
  t: Token;
  /** The span holds a word that licenses "of/for/and" inside it (see `licenses`). */
  licensed: boolean;
}

/** What a growth rule decides: grow to `to` (and maybe stop there), stop before `t`, or not apply (null). */
type Step = { to: number; stop?: boolean; license?: boolean } | 'stop' | null;

/** A named growth rule: `extend` looks at the span and the next token. */
export interface ChunkRule {
  id: string;
  /** A text where the rule grows (or ends) a span. */
  example: string;
  extend(ctx: Ctx, g: Growth): Step;
}

/** The rule id every span carries. */
export const CHUNK_START = 'entity.chunk.capitalized-run';

/** The growth rules, in the order they are tried; the first that applies decides. */
export const CHUNK_RULES: readonly ChunkRule[] = [
  {
    id: 'entity.chunk.name-token',
    example: 'Ursula Gertrud Leyen spoke.',
    extend: (ctx, g) => (ctx.nameTok(g.k) ? nameStep(ctx, g) : null),
  },
  {
    // lowercase particles inside personal names and places: "Ursula von der Leyen", "Plaza de Bolívar"
    id: 'entity.chunk.particle',
    example: 'Ursula von der Leyen spoke.',
    extend: ({ at, lx, nameTok }, { k, t }) => {
      if (t.kind !== 'word' || !lx.particles.has(t.text)) return null;
      let m = k;
      while (at(m) && lx.particles.has(at(m)!.text)) m++;
      return nameTok(m) && m - k <= 2 ? { to: m } : 'stop';
    },
  },
  {
    id: 'entity.chunk.portfolio-list',
    example: 'the Ministry of Health, Labour and Welfare said',
    extend: portfolioList,
  },
  {
    id: 'entity.chunk.ampersand',
    example: 'Procter & Gamble',
    extend: ({ nameTok }, { k, t }) => (t.text === '&' && nameTok(k + 1) ? { to: k + 1 } : null),
  },
  {
    // "Fight for $15": a campaign named with a sum of money
    // (one word, and not a price: "buy First Horizon for $13 billion", "for $15 a share")
    id: 'entity.chunk.campaign-sum',
    example: 'workers joined Fight for $15 last year',
    extend: ({ at }, { i, j, k, t }) =>
      t.text === 'for' &&
      j === i &&
      at(k + 1)?.text === '$' &&
      at(k + 2)?.kind === 'num' &&
      at(k + 2)!.start === at(k + 1)!.end &&
      !PRICE_AFTER.test(at(k + 3)?.text ?? '')
        ? { to: k + 2, stop: true }
        : null,
  },
  { id: 'entity.chunk.kind-for', example: 'the Alternative for Germany party won', extend: kindFor },
  {
    // rule advocacy-for: "Citizens for Responsibility and Ethics", "Americans for Prosperity" — a collective
    // plural, then "for" and a capitalized cause, is one group's name
    id: 'entity.chunk.advocacy-for',
    example: 'a complaint from Citizens for Zorvex Reform said',
    extend: ({ at, lx, nameTok, tokens }, { i, j, k, t }) =>
      t.text === 'for' &&
      i === j &&
      ADVOCACY_OPENERS.test(tokens[i]!.text) &&
      nameTok(k + 1) &&
      !lx.stopStarters.has(at(k + 1)!.text) &&
      !lx.places.has(lexKey(at(k + 1)!.text))
        ? { to: k + 1, license: true }
        : null,
  },
  {
    // "Council on Foreign Relations", but not "the Security Council on Kashmir"
    id: 'entity.chunk.connector',
    example: 'the Department of Justice said',
    extend: ({ at, lx, nameTok }, { k, t, licensed }) => {
      if (!licensed || !/^(of|for|on|de|du)$/.test(t.text)) return null;
      let m = k + 1;
      if (at(m)?.text === 'the') m++;
      const onPlace = t.text === 'on' && lx.places.has(lexKey(at(m)?.text ?? ''));
      return nameTok(m) && !lx.stopStarters.has(at(m)!.text) && !onPlace ? { to: m } : null;
    },
  },
  {
    // "Department of Health and Human Services" — but not "Mali, Burkina Faso and Niger"
    id: 'entity.chunk.and-in-licensed',
    example: 'the Department of Health and Human Services said',
    extend: ({ at, lx, nameTok, tokens }, { i, j, k, t, licensed }) => {
      if (t.text !== 'and' || !licensed || !nameTok(k + 1)) return null;
      if (!spanHas(tokens, i, j, 'of') && !spanHas(tokens, i, j, 'for') && !spanHas(tokens, i, j, 'on')) return null;
      const nx = at(k + 1)!;
      return !lx.places.has(lexKey(nx.text)) && !lx.demonyms.has(lexKey(nx.text)) ? { to: k + 1 } : null;
    },
  },
  {
    // rule masthead-and: "the Post and Courier", "the Press and Sun-Bulletin" — after "the", two masthead
    // words joined by "and" are one newspaper, not two
    id: 'entity.chunk.masthead-and',
    example: 'the Zorvex Post and Courier reported',
    extend: (ctx, { i, j, k, t }) =>
      t.text === 'and' && ctx.nameTok(k + 1) && mastheadJoins(ctx, i, j, k) ? { to: k + 1 } : null,
  },
  {
    // rule and-document: "the agency's Mercury and Air Toxics Standards", "the Clean Air and Water Act" — "and"
    // inside the name of a rule or law joins it (the evidence rules then drop the whole as a document)
    id: 'entity.chunk.and-document',
    example: "the agency's Mercury and Air Zorvex Standards took effect",
    extend: (ctx, { i, j, k, t }) => (t.text === 'and' && ctx.nameTok(k + 1) ? documentJoin(ctx, i, j, k) : null),
  },
  {
    id: 'entity.chunk.and-join',
    example: 'the Securities and Exchange Commission said',
    extend: (ctx, { i, j, k, t }) =>
      t.text === 'and' && ctx.nameTok(k + 1) && andJoins(ctx, i, j, k) ? { to: k + 1 } : null,
  },
  {
    // "National People's Congress": a collective plural's possessive stays inside the name
    id: 'entity.chunk.possessive',
    example: "the National People's Congress met",
    extend: ({ lx, nameTok, tokens }, { j, k, t }) =>
      t.possessive && lx.possessiveInName.has(tokens[j]!.text) && nameTok(k + 1)
        ? { to: k + 1, license: licenses(tokens[k + 1]!.text, lx) }
        : null,
  },
  {
    // rule possessive-venue: "Kim's Diner", "Joe's Pizza", "St. Luke's Hospital" — a business named after its
    // owner keeps the possessive (up to three name words after it, the last a venue word)
    id: 'entity.chunk.possessive-venue',
    example: "they met at Kim's Diner on Friday",
    extend: ({ at, nameTok }, { k, t }) => {
      if (!t.possessive || !nameTok(k + 1)) return null;
      for (let r = k + 1; r <= k + 3 && nameTok(r) && at(r)!.line === t.line; r++)
        if (VENUE_HEADS.test(at(r)!.text)) return { to: r };
      return null;
    },
  },
  {
    // a short number right after a name: "Interstate 10", "Division 1", "Apollo 11"
    // (not on a score line: "Ashton Rovers 3 Harbour City 2")
    id: 'entity.chunk.number',
    example: 'traffic on Interstate 10 stopped',
    extend: ({ at, nameTok, tokens }, { j, k, t }) => {
      if (t.kind !== 'num' || !/^\d{1,3}$/.test(t.text) || t.start !== tokens[j]!.end + 1 || nameTok(k + 1))
        return null;
      const after = at(k + 1);
      if (!after || after.kind !== 'punct' || !/^[,.:/-]$/.test(after.text) || after.start !== t.end)
        return { to: k, stop: true };
      return 'stop';
    },
  },
];

/** The next token is a name token: it joins the span unless a sentence or heading boundary falls between. */
function nameStep(ctx: Ctx, { j, k, t }: Growth): Step {
  const { lx, tokens } = ctx;
  const prev = tokens[j]!;
  // a sentence boundary inside ("… U.S. The") ends the span
  if (t.sentStart && !prev.text.endsWith('.')) return 'stop';
  if (t.sentStart && lx.stopStarters.has(t.text)) return 'stop';
  // a Title Case headline: "Early Voting Begins In Harris County" — capitalized verbs and prepositions
  if (HEADLINE_GLUE.test(t.text) && ctx.headingLine.has(t.line)) return 'stop';
  // "Doha-based Al-Rayyan Fund": the "-based" word is a name of its own
  if (HYPHEN_SUFFIX.test(t.text) || HYPHEN_SUFFIX.test(prev.text)) return 'stop';
  // "… on X. The ruling party": after a one-letter "initial", a function word starts a sentence
  if (/^\p{Lu}\.$/u.test(prev.text) && lx.stopStarters.has(t.text)) return 'stop';
  return { to: k, license: licenses(t.text, lx) };
}

/**
 * "Ministry of Land, Infrastructure, Transport and Tourism", "Ministry of Health, Labour and Welfare": a head
 * word's "of" list with commas, closed by "and"; each item is one portfolio word, not a name of its own
 * ("Department of Energy, Ford and GM" stops at "Energy").
 */
function portfolioList(ctx: Ctx, { i, j, k, t, licensed }: Growth): Step {
  const { at, lx, nameTok, tokens } = ctx;
  const h0 = lx.stopStarters.has(tokens[i]!.text) && i < j ? tokens[i + 1]! : tokens[i]!;
  if (t.text !== ',' || !licensed || !spanHas(tokens, i, j, 'of') || !lx.orgHeads.has(bare(h0.text))) return null;
  const item = (x: number): boolean => {
    const tk = at(x);
    if (!tk || !nameTok(x) || tk.upper) return false;
    const key = lexKey(tk.text);
    return lx.titleMod.has(tk.text) || !(lx.orgs.has(key) || lx.places.has(key) || lx.givenNames.has(tk.text));
  };
  let m = k + 1;
  for (let guard = 0; guard < 6 && item(m); guard++) {
    const sep = at(m + 1);
    if (sep?.text === 'and' && item(m + 2) && !nameTok(m + 3))
      return tokens[m + 2]!.line === t.line ? { to: m + 2, stop: true } : null;
    if (sep?.text !== ',') break;
    m += 2;
  }
  return null;
}

/**
 * "Alternative for Germany party", "Campaign for Nuclear Disarmament group": the kind word after the name
 * licenses its "for" (not "Paloma Valencia of the Centro Democrático party": a person's affiliation).
 */
function kindFor(ctx: Ctx, { i, k, t, licensed }: Growth): Step {
  const { at, lx, nameTok, tokens } = ctx;
  if (t.text !== 'for' || licensed || lx.givenNames.has(tokens[i]!.text) || at(k + 1)?.text === 'the') return null;
  const m = k + 1;
  let r = m;
  while (nameTok(r + 1) && r - m < 3 && at(r + 1)!.line === t.line) r++;
  const kind = at(r + 1);
  if (nameTok(m) && !lx.stopStarters.has(at(m)!.text) && kind?.kind === 'word' && FOR_KIND_AFTER.test(kind.text))
    return { to: r, stop: true };
  return null;
}

/** Chunks the text into raw capitalized spans, each grown by the first growth rule that applies. */
export function chunkSpans(ctx: Ctx): Span[] {
  const { tokens, lx, at } = ctx;
  const spans: Span[] = [];
  if (!tokens.length) return spans;
  // one growth record, refilled at every step (a span grows token by token: no allocation per step)
  const g: Growth = { i: 0, j: 0, k: 0, t: tokens[0]!, licensed: false };
  for (let i = 0; i < tokens.length; i++) {
    if (!ctx.nameTok(i)) continue;
    const rules = [CHUNK_START];
    ctx.fired?.add(CHUNK_START);
    let j = i;
    let licensed = licenses(tokens[i]!.text, lx);
    for (;;) {
      const k = j + 1;
      const t = at(k);
      if (!t || t.line !== tokens[j]!.line || ctx.skip[k]) break;
      g.i = i;
      g.j = j;
      g.k = k;
      g.t = t;
      g.licensed = licensed;
      let step: Step = null;
      let rule: ChunkRule | undefined;
      for (rule of CHUNK_RULES) if ((step = rule.extend(ctx, g))) break;
      if (!step || step === 'stop') break;
      if (rule && rule.id !== 'entity.chunk.name-token' && !rules.includes(rule.id)) rules.push(rule.id);
      if (rule) ctx.fired?.add(rule.id);
      j = step.to;
      if (step.license) licensed = true;
      if (step.stop) break;
    }
    spans.push({ a: i, b: j, rules });
    i = j;
  }
  return spans;
}

/** Words that license "of/for/the/and" inside a name: organization heads, place prefixes, titles. */
export function licenses(word: string, lx: Lexicon): boolean {
  const w = bare(word);
  return lx.orgHeads.has(w) || lx.placePrefixes.has(w) || LICENSING_HEADS.test(w) || OFFICE_TITLE_OF.test(w);
}

/**
 * "Securities and Exchange Commission", "Competition and Markets Authority", "Trinidad and Tobago": "and" joins
 * two capitalized runs when the whole is a known place, or when the right run ends in an organization head and
 * the left run is not itself a known name, a given name or a complete organization.
 */
function andJoins(ctx: Ctx, i: number, j: number, k: number): boolean {
  const { tokens, lx, nameTok } = ctx;
  let r = k + 1;
  while (r + 1 < tokens.length && r - k < 4 && nameTok(r + 1) && tokens[r + 1]!.line === tokens[r]!.line) r++;
  const left = tokens
    .slice(i, j + 1)
    .map((t) => t.text)
    .filter((w, n) => n > 0 || !lx.stopStarters.has(w));
  const right = tokens.slice(k + 1, r + 1).map((t) => t.text);
  if (!left.length) return false;
  if (lx.places.has(lexKey([...left, 'and', ...right].join(' ')))) return true;
  const last = bare(right[right.length - 1] ?? '');
  if (!lx.orgHeads.has(last) || left.length > 3) return false;
  // "President Joe Biden and Homeland Security": a person on the left
  if (left.length > 2 && left.some((w) => lx.givenNames.has(w) || lx.titleCore.has(bare(w)))) return false;
  // "Gensler and Clark Construction Group": the right run starts like a name of its own
  const r0 = right[0]!;
  if (lx.givenNames.has(r0) || lx.places.has(lexKey(r0)) || lx.orgs.has(lexKey(r0))) return false;
  const leftKey = lexKey(left.join(' '));
  if (lx.places.has(leftKey) || lx.orgs.has(leftKey) || lx.givenNames.has(left[0]!)) return false;
  // a one-word left run may be a head word itself ("Securities and Exchange Commission"), not two words
  if (left.length === 1 && right.length >= 2 && lx.orgHeads.has(bare(left[0]!))) return true;
  // rule chamber-committee: "House Oversight and Government Reform Committee" — a chamber opens a committee name
  const from = CHAMBERS.test(left[0]!) && left.length > 1 ? 1 : 0;
  return !left
    .slice(from)
    .some((w) => lx.orgHeads.has(bare(w)) || lx.placeHeads.has(bare(w)) || lx.demonyms.has(lexKey(w)));
}

/** The name words of the run i..j, without a leading function word ("The Post" → ["Post"]). */
function runWords({ tokens, lx }: Ctx, i: number, j: number): string[] {
  const out: string[] = [];
  for (let n = i; n <= j; n++) if (n > i || !lx.stopStarters.has(tokens[n]!.text)) out.push(tokens[n]!.text);
  return out;
}

/** A masthead word, or a hyphenated one whose last part is ("Sun-Bulletin"). */
const mastheadWord = (w: string): boolean => MASTHEAD_WORDS.test(w) || MASTHEAD_WORDS.test(w.split('-').pop() ?? '');

/** "the Post and Courier": one masthead word after "the" (or "The"), "and", and a masthead word. */
function mastheadJoins(ctx: Ctx, i: number, j: number, k: number): boolean {
  const { tokens, at } = ctx;
  const left = runWords(ctx, i, j);
  const the = /^the$/i.test(tokens[i]!.text) || at(i - 1)?.text === 'the';
  return (
    the && left.length >= 1 && left.length <= 2 && mastheadWord(left[left.length - 1]!) && mastheadWord(at(k + 1)!.text)
  );
}

/** "Mercury and Air Toxics Standards": the right run (up to four name words) ends in a rule's or law's head. */
function documentJoin(ctx: Ctx, i: number, j: number, k: number): Step {
  const { tokens, lx, nameTok, at } = ctx;
  let r = k + 1;
  while (r - k < 4 && nameTok(r + 1) && tokens[r + 1]!.line === tokens[r]!.line) r++;
  const last = bare(tokens[r]!.text);
  if (!REGULATION_HEADS.test(last) && !/^(Act|Bill)$/.test(last)) return null;
  const left = runWords(ctx, i, j);
  const before = at(i - 1);
  const opened = /^the$/i.test(tokens[i]!.text) || before?.text === 'the' || !!before?.possessive;
  if (!opened || !left.length || left.length > 3) return null;
  const leftKey = lexKey(left.join(' '));
  if (lx.givenNames.has(left[0]!) || lx.people.has(leftKey) || lx.orgs.has(leftKey) || lx.places.has(leftKey))
    return null;
  return { to: r };
}

/** The span a..b holds the word `word`. */
export function spanHas(tokens: Token[], a: number, b: number, word: string): boolean {
  for (let i = a; i <= b; i++) if (tokens[i]!.text === word) return true;
  return false;
}
