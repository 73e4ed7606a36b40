/**
 * Stage 2 of the entity engine: refining a raw span into candidates. Leading function words, headline glue,
 * common sentence-initial words and a describing demonym are trimmed off the front, connectors off the end;
 * then the split rules below are tried in order — the first that applies cuts the span in parts (each refined
 * again); a span no rule splits becomes one candidate, scored by ./evidence.ts.
 */
import {
  ACADEMIC_HEAD,
  ADJECTIVE_ENDING,
  DESCRIPTIVE_CAPS,
  DETERMINERS,
  HEADLINE_GLUE,
  CHAMBERS,
  KIN_NOUNS,
  KIN_TITLES,
  NAME_DESCRIPTORS,
  NAME_ENDERS,
  PARTY_MEMBERS,
  PLACE_ROLES,
} from '../lexicons/entity-cues';
import { lexKey } from '../lexicons/gazetteer';
import type { Token } from '../tokens';
import { makeCand } from './evidence';
import { bare, isConnectorWord, isDemonym, vote, type Cand, type Ctx } from './model';
import { stageRule } from './rules';

/** A trimmed span about to be split or scored. */
interface Part {
  a: number;
  b: number;
  sentenceInitial: boolean;
  /** The chunking rules that built the span. */
  rules: readonly string[];
}

/** A named split rule: `split` returns the candidates of the parts, or null when it does not apply. */
export interface SplitRule {
  id: string;
  /** A text where the rule splits a span. */
  example: string;
  split(ctx: Ctx, p: Part): Cand[] | null;
}

/** A named trim rule: drops the first (`front`) or last (`back`) word of a span a..b when it `applies`. */
export interface TrimRule {
  id: string;
  /** A text where the rule trims a span. */
  example: string;
  side: 'front' | 'back';
  applies(ctx: Ctx, a: number, b: number): boolean;
}

/** The trim rules beyond function words and connectors, tried at each end until none applies. */
export const TRIM_RULES: readonly TrimRule[] = [
  {
    // rule descriptor: "Onetime Federal Reserve governor …", "Longtime Zorvex executive …" — a describing
    // adjective at the span's start is not part of the organization's or person's name
    id: 'entity.trim.descriptor',
    example: 'Onetime Lumen Bank governor Dana Reyes spoke.',
    side: 'front',
    applies: (ctx, a, b) => a < b && NAME_DESCRIPTORS.test(ctx.tokens[a]!.text) && !knownSpan(ctx, a, b),
  },
  {
    // rule role-noun: "Economist Dana Reyes agreed" — a role noun capitalized only because it opens the
    // sentence, before a given name, is a description of the person
    id: 'entity.trim.role-noun',
    example: 'Economist Dana Reyes agreed.',
    side: 'front',
    applies: ({ tokens, lx }, a, b) => {
      const t = tokens[a]!;
      return (
        a < b &&
        t.sentStart &&
        !t.upper &&
        lx.roleNouns.has(t.text.toLowerCase()) &&
        // not a family word ("Mother Teresa" is a religious title)
        !KIN_NOUNS.test(t.text.toLowerCase()) &&
        !lx.titleCore.has(t.text) &&
        !lx.titleMod.has(t.text) &&
        lx.givenNames.has(tokens[a + 1]!.text)
      );
    },
  },
  {
    // rule party-members: "Senate Democrats", "House Republicans" — a chamber's party members are a group,
    // not a name; the chamber is the entity
    id: 'entity.trim.party-members',
    example: 'Senate Democrats blocked the bill.',
    side: 'back',
    applies: ({ tokens }, a, b) => a < b && PARTY_MEMBERS.test(tokens[b]!.text) && CHAMBERS.test(tokens[b - 1]!.text),
  },
];

/** The trim rule of `side` that applies to a..b, recorded on the trace, or null. */
function trimRule(ctx: Ctx, side: 'front' | 'back', a: number, b: number): TrimRule | null {
  for (const r of TRIM_RULES)
    if (r.side === side && r.applies(ctx, a, b)) {
      ctx.fired?.add(r.id);
      return r;
    }
  return null;
}

/** The split rules, in the order they are tried; the first that applies decides. */
export const SPLIT_RULES: readonly SplitRule[] = [
  {
    // a dateline with the outlet glued on: "Hong Kong CNN —" (the outlet is a wire tag, not an entity)
    id: 'entity.split.dateline-outlet',
    example: 'Hong Kong CNN — Protesters gathered on Sunday.',
    split: (ctx, { a, b, rules }) => {
      const { tokens, lx } = ctx;
      if (b <= a || (a !== 0 && tokens[a - 1]!.line === tokens[a]!.line)) return null;
      if (!/^[—–-]$/.test(ctx.at(b + 1)?.text ?? '') || !lx.orgs.has(lexKey(tokens[b]!.text))) return null;
      if (!lx.places.has(lexKey(ctx.text.slice(tokens[a]!.start, tokens[b - 1]!.end)))) return null;
      return refineSpan(ctx, a, b - 1, rules).map((c) => {
        vote(ctx, c, stageRule('entity.split.dateline-place'));
        c.weak = false;
        return c;
      });
    },
  },
  {
    // "U.S. Midwest", "China's Xinjiang" without the "'s": a country, then a known place inside it
    id: 'entity.split.country-then-place',
    example: 'farmers across the U.S. Midwest',
    split: (ctx, { a, b, rules }) => {
      const { tokens, lx } = ctx;
      if (b <= a || lx.places.get(lexKey(tokens[a]!.text)) !== 'country') return null;
      if (!lx.places.has(lexKey(ctx.text.slice(tokens[a + 1]!.start, tokens[b]!.end)))) return null;
      return [...refineSpan(ctx, a, a, rules), ...refineSpan(ctx, a + 1, b, rules)];
    },
  },
  {
    // rule kinship-title: "Grandpa Joe", "Uncle Ray", "Aunt Bea" — the family word is a title, the name the rest
    id: 'entity.split.kinship-title',
    example: 'When we visited, Grandpa Joe showed us the barn.',
    split: (ctx, { a, b, rules }) => {
      if (b <= a || !KIN_TITLES.test(ctx.tokens[a]!.text) || knownSpan(ctx, a, b)) return null;
      const out = refineSpan(ctx, a + 1, b, rules);
      for (const c of out) {
        vote(ctx, c, stageRule('entity.split.kinship-person'));
        c.weak = false;
      }
      return out;
    },
  },
  { id: 'entity.split.title', example: 'Facebook CEO Mark Zuckerberg said', split: splitAtTitle },
  { id: 'entity.split.of-two-names', example: 'the Earth Institute of Columbia University', split: splitAtOf },
];

/** Splits, trims and scores one raw capitalized span; returns 0–2 candidates. */
export function refineSpan(ctx: Ctx, a0: number, b0: number, chunkRules: readonly string[]): Cand[] {
  let rules = chunkRules;
  const { tokens, lx } = ctx;
  const front = trimFront(ctx, a0, b0);
  if (!front) return [];
  let { a } = front;
  const { sentenceInitial } = front;
  a = trimDemonym(ctx, a, b0);
  let b = b0;
  // trailing connectors and particles never end a name
  while (b > a && isConnectorWord(tokens[b]!.text, lx)) b--;
  // "Labour MPs", "Google CEOs": a plural title acronym after the name is not part of it
  while (b > a && /^\p{Lu}{2,4}s$/u.test(tokens[b]!.text)) b--;
  let trimmed: TrimRule | null;
  while ((trimmed = trimRule(ctx, 'back', a, b))) {
    b--;
    if (!rules.includes(trimmed.id)) rules = [...rules, trimmed.id];
  }
  if (front.trims.length) rules = [...rules, ...front.trims.filter((id) => !rules.includes(id))];
  const part: Part = { a, b, sentenceInitial, rules };
  for (const r of SPLIT_RULES) {
    const out = r.split(ctx, part);
    if (!out) continue;
    ctx.fired?.add(r.id);
    for (const c of out) if (!c.rules.includes(r.id)) c.rules.push(r.id);
    return out;
  }
  const c = makeCand(ctx, a, b, sentenceInitial, rules);
  return c ? [c] : [];
}

/**
 * Trims leading function words ("The", "However", "In") and, at a sentence start, a common word ("Officers
 * with …"); returns the new start and whether the rest counts as sentence-initial, or null when nothing is left.
 */
function trimFront(ctx: Ctx, a0: number, b: number): { a: number; sentenceInitial: boolean; trims: string[] } | null {
  const { tokens, lx } = ctx;
  const trims: string[] = [];
  let a = a0;
  let sentenceInitial = tokens[a0]!.sentStart;
  let strippedCommon = false;
  while (a <= b) {
    const t = tokens[a]!;
    const w = t.text;
    const strip =
      // rule possessive-determiner: "our Dana Reyes writes" names Dana Reyes
      (lx.stopStarters.has(w) && (t.sentStart || DETERMINERS.test(w)) && !ctx.at(a + 1)?.possessive) ||
      (a < b && HEADLINE_GLUE.test(w) && ctx.headingLine.has(t.line)) ||
      (a > a0 && lx.connectors.has(w));
    if (strip) {
      a++;
      continue;
    }
    const trim = trimRule(ctx, 'front', a, b);
    if (trim) {
      trims.push(trim.id);
      a++;
      continue;
    }
    if (t.sentStart && a < b && isCommonStarter(ctx, t) && !knownSpan(ctx, a, b)) {
      a++;
      strippedCommon = true;
      continue;
    }
    break;
  }
  if (a > b) return null;
  // "Tech Enabled: …" — what is left after a common sentence-initial word is no better evidenced than it
  if (a !== a0) sentenceInitial = strippedCommon || (sentenceInitial && tokens[a]!.sentStart);
  // "NAIROBI, Kenya (Reuters) - Floods have killed …": the first word after a dateline starts the sentence
  const dash = a > 0 ? tokens[a - 1]! : undefined;
  if (dash && /^[—–-]$/.test(dash.text) && dash.line === tokens[a]!.line) {
    let s = a - 1;
    while (s > 0 && tokens[s - 1]!.line === dash.line && a - s <= 8) s--;
    if (a - s <= 8 && tokens[s]!.upper && (s === 0 || tokens[s - 1]!.line !== dash.line)) sentenceInitial = true;
  }
  return { a, sentenceInitial, trims };
}

/**
 * "Russian President …" is handled by the title split; "Indigenous Nasa protesters", "Russian Vladimir Putin":
 * a leading demonym is a description, unless the name is headed ("African Union", "Indian Point").
 */
function trimDemonym(ctx: Ctx, a: number, b: number): number {
  const { tokens, lx } = ctx;
  if (b <= a || !isDemonym(tokens[a]!.text, lx)) return a;
  const h = bare(tokens[b]!.text);
  const whole = lexKey(ctx.text.slice(tokens[a]!.start, tokens[b]!.end));
  const rest = lexKey(ctx.text.slice(tokens[a + 1]!.start, tokens[b]!.end));
  let ofHead = '';
  for (let i = a + 2; i < b && !ofHead; i++) if (tokens[i]!.text === 'of') ofHead = bare(tokens[i - 1]!.text);
  // rule demonym-owner: "Australian Federal Police Commissioner X" — an organization head inside keeps the
  // demonym for the owner the title split cuts off
  let innerHead = false;
  for (let i = a + 1; i < b && !innerHead; i++) innerHead = lx.orgHeads.has(bare(tokens[i]!.text));
  const kept =
    innerHead ||
    lx.orgHeads.has(h) ||
    lx.orgHeads.has(ofHead) ||
    lx.placeHeads.has(h) ||
    lx.genericAlone.has(h) ||
    lx.orgs.has(whole) ||
    lx.places.has(whole);
  return !kept && !lx.orgs.has(rest) ? a + 1 : a;
}

/**
 * "US President Donald Trump", "Facebook CEO Mark Zuckerberg", "Lieutenant General John Brennan": the title's
 * owner (an institution or a place), the person, and what follows. A known organization is not split at a
 * title word inside it ("General Mills", "General Electric").
 */
function splitAtTitle(ctx: Ctx, { a, b, rules }: Part): Cand[] | null {
  const { tokens, lx } = ctx;
  if (lx.orgs.has(lexKey(ctx.text.slice(tokens[a]!.start, tokens[b]!.end)))) return null;
  const split = findTitleRun(ctx, a, b);
  if (!split) return null;
  // rule owner-head-mod: "Australian Federal Police Commissioner X" — a title modifier that is an organization
  // head ("Police", "Party") ends the owner's name, not starts the title
  // — but only after a descriptive word ("Federal", "National", a demonym): "Dayton Police Chief X", "Moore
  // Fire Chief X" are a place's chief
  const before = split.runStart > a ? tokens[split.runStart - 1]!.text : '';
  const descriptive = DESCRIPTIVE_CAPS.test(before) || isDemonym(before, lx);
  while (
    descriptive &&
    split.runStart > a &&
    split.runStart < split.runEnd &&
    lx.orgHeads.has(bare(tokens[split.runStart]!.text))
  )
    split.runStart++;
  const out: Cand[] = [];
  if (split.runStart > a) {
    // the title's owner: "Lok Sabha Speaker", "Snapchat CEO", "BOJ Governor" — an institution or a place
    for (const c of refineSpan(ctx, a, split.runStart - 1, rules)) {
      const h = bare(c.words[c.words.length - 1]!);
      // …but a governor, mayor or senator holds an office of a place ("Nuevo León Governor")
      if (!c.known && PLACE_ROLES.test(bare(tokens[split.runEnd]!.text).toLowerCase()))
        vote(ctx, c, stageRule('entity.split.title-owner-place'));
      else if (!c.known && !lx.placeHeads.has(h)) vote(ctx, c, stageRule('entity.split.title-owner-org'));
      out.push(c);
    }
  }
  const person = makeCand(ctx, split.runEnd + 1, split.nameEnd, false, rules);
  if (person) {
    vote(ctx, person, stageRule('entity.split.title-person'));
    person.weak = false;
    out.push(person);
  }
  if (split.nameEnd < b && split.restStart <= b) out.push(...refineSpan(ctx, split.restStart, b, rules));
  return out;
}

/** "Earth Institute of Columbia University": two names joined by "of" when the right one is complete. */
function splitAtOf(ctx: Ctx, { a, b, rules }: Part): Cand[] | null {
  const { tokens, lx } = ctx;
  for (let i = a + 1; i < b; i++) {
    if (tokens[i]!.text !== 'of') continue;
    const rightHead = bare(tokens[b]!.text);
    const leftHead = bare(tokens[i - 1]!.text);
    let rs = i + 1;
    if (tokens[rs]!.text === 'the') rs++;
    const rightIsPlace = lx.places.has(lexKey(ctx.text.slice(tokens[rs]!.start, tokens[b]!.end)));
    // "Gulfstar Terminals of Abu Dhabi": a company with a name of its own, then where it is from
    // (but "Central Bank of Kenya", "Police Service of Northern Ireland" are whole names)
    const leftNamed =
      i - 1 > a &&
      (lx.orgHeads.has(leftHead) || lx.placeHeads.has(leftHead)) &&
      tokens.slice(a, i - 1).some((t) => ownNameWord(ctx, t));
    // "University of Science and Technology": a field of study, not a second institution
    const field =
      ACADEMIC_HEAD.test(leftHead) &&
      !ACADEMIC_HEAD.test(rightHead) &&
      !tokens
        .slice(rs, b + 1)
        .some((t) => lx.places.has(lexKey(t.text)) || lx.orgs.has(lexKey(t.text)) || lx.givenNames.has(t.text));
    // rule of-own-name: "Indian Council of Medical Research", "Office of Emergency Management": a right part
    // of descriptive words is the left's field, not a second organization
    const rightOwn = tokens.slice(rs, b).some((t) => ownNameWord(ctx, t));
    const twoOrgs =
      rightOwn &&
      lx.orgHeads.has(rightHead) &&
      (lx.orgHeads.has(leftHead) || lx.placeHeads.has(leftHead)) &&
      i - 1 > a &&
      b - i >= 2 &&
      !field;
    if (twoOrgs || (rightIsPlace && leftNamed)) {
      let r = i + 1;
      if (tokens[r]!.text === 'the') r++;
      return [...refineSpan(ctx, a, i - 1, rules), ...refineSpan(ctx, r, b, rules)];
    }
  }
  return null;
}

/** A word that gives a name of its own, not a description ("Gulfstar", not "National" or "Economic"). */
function ownNameWord({ lx, lowerVocab }: Ctx, t: Token): boolean {
  return (
    t.kind === 'word' &&
    !lx.genericAlone.has(bare(t.text)) &&
    !lx.compass.has(t.text) &&
    !lx.orgHeads.has(bare(t.text)) &&
    !lx.demonyms.has(lexKey(t.text)) &&
    !lx.possessiveInName.has(t.text) &&
    !lx.stopStarters.has(t.text) &&
    // an ordinary word written with a capital ("Economic Club") is not a name of its own
    !lowerVocab.has(t.text.toLowerCase()) &&
    !ADJECTIVE_ENDING.test(t.text) &&
    !DESCRIPTIVE_CAPS.test(t.text)
  );
}

/** The tokens a..b spell a known organization or place ("Downing Street", "Living Goods"). */
function knownSpan(ctx: Ctx, a: number, b: number): boolean {
  const k = lexKey(ctx.text.slice(ctx.tokens[a]!.start, ctx.tokens[b]!.end));
  return ctx.lx.orgs.has(k) || ctx.lx.places.has(k);
}

/** A sentence-initial word that is an ordinary word, not the start of a name ("Officers", "Explaining"). */
function isCommonStarter(ctx: Ctx, t: Token): boolean {
  const { lx } = ctx;
  const w = t.text;
  const k = lexKey(w);
  if (lx.places.has(k) || lx.orgs.has(k) || lx.givenNames.has(w) || lx.titleCore.has(bare(w))) return false;
  if (t.upper) return false;
  if (lx.demonyms.has(k)) return false; // "Malian Foreign Minister …" is handled by the title split
  if (ctx.lowerVocab.has(w.toLowerCase())) return true;
  return /^\p{Lu}\p{Ll}+$/u.test(w) && /(ing|ly|ed)$/.test(w) && w.length > 4; // not "Mei-Ling"
}

/** Where a title run sits in a span: the run, the name after it, and where the rest of the span resumes. */
interface TitleRun {
  runStart: number;
  runEnd: number;
  nameEnd: number;
  restStart: number;
}

/**
 * Finds a run of title words inside a span with a name after it: returns the run's token range. The name after
 * it must look like a personal name (no head words, at most four words).
 */
function findTitleRun(ctx: Ctx, a: number, b: number): TitleRun | null {
  const { tokens, lx } = ctx;
  for (let i = a; i < b; i++) {
    const w = bare(tokens[i]!.text);
    if (!lx.titleCore.has(w) && !lx.titleMod.has(w)) continue;
    const runEnd = titleRunEnd(ctx, i, b);
    if (runEnd < 0) continue;
    if (runEnd >= b) return null;
    // the name after the title ends at a connector: "Leader Chuck Schumer of New York"
    let nameEnd = b;
    for (let k = runEnd + 1; k <= b; k++)
      if (NAME_ENDERS.test(tokens[k]!.text)) {
        nameEnd = k - 1;
        break;
      }
    if (nameEnd <= runEnd || nameEnd - runEnd > 4) return null;
    // "Sgt. Marcus Hill", "Dr. Amanda Park": a given name lets a place word be a surname
    const given = lx.givenNames.has(tokens[runEnd + 1]!.text);
    for (let k = runEnd + 1; k <= nameEnd; k++) {
      const x = bare(tokens[k]!.text);
      if (lx.orgHeads.has(x) || (!given && (lx.placeHeads.has(x) || lx.genericAlone.has(x)))) return null;
    }
    // a title preceded by "of" belongs to an organization name ("Department of Justice")
    if (i > a && tokens[i - 1]!.text === 'of') return null;
    let restStart = nameEnd + 2;
    if (tokens[restStart]?.text === 'the') restStart++;
    return { runStart: i, runEnd, nameEnd, restStart };
  }
  return null;
}

/** The last core title word of the title run starting at `i` ("Secretary of State"), or -1 when it has none. */
function titleRunEnd(ctx: Ctx, i: number, b: number): number {
  const { tokens, lx } = ctx;
  let j = i;
  let hasCore = lx.titleCore.has(bare(tokens[i]!.text));
  let lastCore = hasCore ? i : -1;
  while (j + 1 <= b) {
    const nx = bare(tokens[j + 1]!.text);
    if (lx.titleCore.has(nx)) {
      hasCore = true;
      lastCore = j + 1;
      j++;
    } else if (lx.titleMod.has(nx)) j++;
    else if (nx === 'of' && j + 2 <= b && hasCore) {
      // "Secretary of State X": one word after "of"
      j += 2;
      lastCore = j;
    } else break;
  }
  return hasCore && lastCore >= i ? lastCore : -1;
}
