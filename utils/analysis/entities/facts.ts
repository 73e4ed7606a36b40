/**
 * What the evidence rules (./rules.ts) read about one candidate: its words, head, gazetteer knowledge and
 * neighbouring tokens, computed once per candidate (`Draft`), plus the state the rules build up as they fire
 * (votes, known, weak, club). The helpers at the end are the few context scans more than one rule shares.
 */
import {
  AGENT_NOUN,
  APPOSITIVE_DETERMINERS,
  CLAUSE_OPENERS,
  CLOSE_QUOTES,
  HYPHEN_SUFFIX,
  OF_CONNECTORS,
  OPEN_QUOTES,
  PARTY_STATE,
  PLACE_ADJ,
  PLACE_NOUN,
  ROLE_PREPS,
  TRANSFER_OPENERS,
  TRANSFER_VERBS,
  VAGUE_ROLES,
} from '../lexicons/entity-cues';
import { lexKey, type PlaceKind } from '../lexicons/gazetteer';
import type { Token } from '../tokens';
import { capsWord } from './context';
import { bare, prevWord, type Ctx, type Votes } from './model';

/** A neighbouring token with its index. */
export type Near = { t: Token; i: number } | null;

/** What an appositive after "X," says X is. */
export type Appositive = 'role' | 'place' | 'role-head' | 'org' | null;

/** One candidate being scored: read-only facts, then the state the rules change. */
export interface Draft {
  readonly a: number;
  readonly b: number;
  readonly first: Token;
  /** The name's start offset: the first token's, or after a party letter ("R-Utah" names "Utah"). */
  readonly start: number;
  /** The name's end offset and text, after a "-based" suffix is cut off. */
  readonly end: number;
  readonly text: string;
  readonly key: string;
  /** The key without a leading "the ". */
  readonly k: string;
  readonly words: string[];
  /** The last word (before a trailing number), without its period. */
  readonly head: string;
  /** The word before the first "of/for/on" inside the name, when there is one ("Institute" of "Institute for …"). */
  readonly ofHead: string | null;
  readonly heads: readonly string[];
  readonly single: boolean;
  /** The first word as written (after a hyphen cut), and without its period. */
  readonly w1: string;
  readonly w0: string;
  /** "Washington-based": the hyphen suffix match. */
  readonly hy: RegExpExecArray | null;
  readonly isPlace: PlaceKind | undefined;
  readonly isOrg: boolean;
  readonly sentenceInitial: boolean;
  readonly prev: Near;
  readonly prev2: Near;
  readonly next: Token | undefined;
  /** The word after the name, past a possessive "'s". */
  readonly nextWord: Token | undefined;
  /** The previous token is lowercase (or a sentence-initial preposition): its lowercase text, else ''. */
  readonly pw: string;
  /** The lowercase word after the name (past a possessive), or '' when it is capitalized or not a word. */
  readonly nw: string;
  /** The role noun before "of/for/at/with" and an unknown name ("the analyst at X"), lowercased, else ''. */
  readonly role: string;
  /** Personal-name shape: at most four words, no head words, no "of", not in a gazetteer. */
  readonly looksPersonal: boolean;
  /** The first word is an ordinary word the article also writes in lowercase, or a place adjective. */
  readonly commonFirst: boolean;
  votes: Votes;
  known: boolean;
  cityOnly: boolean;
  club: boolean;
  weak: boolean;
  appositiveOrg: boolean;
  rules: string[];
  /** Memo of `appositiveOf`. */
  appositive?: Appositive;
}

/**
 * Where the name of tokens a..b starts and ends: "Washington-based think tank" names only "Washington"
 * (`hy`), and (rule party-state) "R-Utah" names the state only (`party`).
 */
function nameBounds(
  tokens: Ctx['tokens'],
  a: number,
  b: number,
): { hy: RegExpExecArray | null; party: RegExpExecArray | null; start: number; end: number } {
  const first = tokens[a]!;
  const single = a === b;
  const hyMatch = single ? HYPHEN_SUFFIX.exec(first.text) : null;
  const hy = hyMatch && /^\p{Lu}/u.test(hyMatch[1]!) ? hyMatch : null;
  const end = hy ? first.start + hy[1]!.length : tokens[b]!.end;
  const party = single && !hy && first.text[1] === '-' ? PARTY_STATE.exec(first.text) : null;
  const start = party ? first.start + 2 : first.start;
  return { hy, party, start, end };
}

/** A name of a person's shape: few words, no organization or place head, no possessive inside. */
function personalShape(ctx: Ctx, a: number, b: number, words: string[], heads: string[]): boolean {
  const { tokens, lx } = ctx;
  // a possessive inside ("Kim's Diner") names a business after its owner, not a person
  for (let i = a + 1; i < b; i++) if (tokens[i]!.possessive) return false;
  // rule long-personal-name: "Mary Ellen Van Buren Smith" — a given name first allows up to six words
  // (not "Montgomery County Common Pleas": a place head inside)
  const maxWords =
    words.length > 4 && lx.givenNames.has(words[0] ?? '') && !words.some((w) => lx.placeHeads.has(bare(w))) ? 6 : 4;
  return (
    words.length <= maxWords &&
    !heads.some((h) => lx.orgHeads.has(h) || lx.placeHeads.has(h) || h === 'Center' || h === 'Centre') &&
    !words.some((w) => lx.orgHeads.has(bare(w)))
  );
}

/** Computes the facts of tokens a..b (a ≤ b). */
export function draft(ctx: Ctx, a: number, b: number, sentenceInitial: boolean, rules: readonly string[]): Draft {
  const { tokens, lx, text, at } = ctx;
  const words: string[] = [];
  for (let i = a; i <= b; i++) if (tokens[i]!.kind === 'word' || tokens[i]!.kind === 'num') words.push(tokens[i]!.text);
  const first = tokens[a]!;
  const single = a === b;
  const head = bare((tokens[b]!.kind === 'num' && b > a ? tokens[b - 1]! : tokens[b]!).text);
  const { hy, party, start, end } = nameBounds(tokens, a, b);
  const name = text.slice(start, end);
  if (hy || party) words[0] = name;
  const key = lexKey(name);
  const k = key.replace(/^the /, '');
  const isPlace = lx.places.get(k);
  const isOrg = lx.orgs.has(k) || (!!at(b + 1)?.possessive && lx.orgs.has(k + "'s")); // "McDonald's"
  let ofAt = -1;
  for (let i = a + 1; i < b && ofAt < 0; i++) if (OF_CONNECTORS.test(tokens[i]!.text)) ofAt = i;
  const ofHead = ofAt > a ? bare(tokens[ofAt - 1]!.text) : null;
  const heads = ofHead === null ? [head] : [head, ofHead];
  const w1 = hy || party ? name : first.text;
  const w0 = bare(w1);
  const prev = prevWord(tokens, a);
  const next = at(b + 1);
  const prev2 = prev ? prevWord(tokens, prev.i) : null;
  const nextWord = next?.possessive ? at(b + 2) : next;
  const gate = !!prev && (!prev.t.cap || (prev.t.sentStart && lx.placePreps.has(prev.t.text.toLowerCase())));
  const looksPersonal = ofAt < 0 && !isPlace && !isOrg && personalShape(ctx, a, b, words, heads);
  return {
    a,
    b,
    first,
    start,
    end,
    text: name,
    key,
    k,
    words,
    head,
    ofHead,
    heads,
    single,
    w1,
    w0,
    hy,
    isPlace,
    isOrg,
    sentenceInitial,
    prev,
    prev2,
    next,
    nextWord,
    pw: gate ? prev!.t.text.toLowerCase() : '',
    nw: nextWord?.kind === 'word' && !nextWord.cap ? nextWord.text.toLowerCase() : '',
    // the role is read before the gazetteer rules mark the name known, so "known" is checked by the rules
    role: prev && ROLE_PREPS.test(prev.t.text) && prev2 && !isPlace ? prev2.t.text.toLowerCase() : '',
    looksPersonal,
    commonFirst: ctx.lowerVocab.has(w0.toLowerCase()) || PLACE_ADJ.test(w0),
    votes: [0, 0, 0],
    known: false,
    cityOnly: false,
    club: false,
    weak: false,
    appositiveOrg: false,
    rules: [...rules],
  };
}

/** Some head of the name is an organization or place head word. */
export const headed = (ctx: Ctx, d: Draft): boolean =>
  d.heads.some((h) => ctx.lx.orgHeads.has(h) || ctx.lx.placeHeads.has(h));

/** Every word of the name is in capitals ("CAPE CANAVERAL"). */
export const allCaps = (ctx: Ctx, d: Draft): boolean =>
  ctx.tokens.slice(d.a, d.b + 1).every((t) => t.kind !== 'word' || capsWord(t));

/**
 * What an appositive after "X," says X is ("Lőrinc Mészáros, a childhood friend of …" a person, "Roscosmos,
 * Russia's space agency" an organization, "Diriyah, the restored old quarter" a place); null when there is none.
 */
export function appositiveOf(ctx: Ctx, d: Draft): Appositive {
  if (d.appositive !== undefined) return d.appositive;
  d.appositive = d.next?.text === ',' && !d.isPlace && !d.isOrg ? scanAppositive(ctx, d.b) : null;
  return d.appositive;
}

function scanAppositive(ctx: Ctx, b: number): Appositive {
  const { at, lx } = ctx;
  for (let i = b + 2; i <= b + 6; i++) {
    const t = at(i);
    if (!t || (t.kind === 'punct' && !t.possessive)) return null;
    const w = t.text.toLowerCase();
    // "Khalil al-Hayya, while Israel's negotiating team …": a new clause, not an appositive
    if (CLAUSE_OPENERS.test(w)) return null;
    // another name right after the comma: a list, not an appositive
    if (i === b + 2 && t.cap && !APPOSITIVE_DETERMINERS.test(t.text) && !at(i + 1)?.possessive) return null;
    if (lx.roleNouns.has(w) && !VAGUE_ROLES.test(w)) return 'role';
    if (PLACE_NOUN.test(w)) return 'place';
    if (lx.orgRoleBefore.has(w) || /maker$/.test(w)) {
      // rule appositive-head: "Dana Reyes, the agency spokesperson" — a role noun after the organization
      // word is the appositive's head, and the name a person's
      let owned = false;
      for (let j = i + 1; j <= i + 3; j++) {
        const u = at(j);
        // "the agency's district supervisor": the possessive belongs to the appositive, and after it an agent
        // noun ("supervisor", "strategist") is the holder's job
        if (!u || (u.kind === 'punct' && !u.possessive)) break;
        if (u.possessive) owned = true;
        const uw = u.text.toLowerCase();
        if (lx.roleNouns.has(uw) || (owned && AGENT_NOUN.test(uw))) return 'role-head';
      }
      return 'org';
    }
  }
  return null;
}

/**
 * True when tokens a..b sit inside a quoted title-like phrase — only capitalized words and connectors between
 * the quotation marks ("Day of Disruption", the novel "The Long Winter") — not inside a quoted sentence.
 */
export function inQuotedTitle(ctx: Ctx, a: number, b: number): boolean {
  const { tokens, lx } = ctx;
  const line = tokens[a]!.line;
  const titleLike = (t: Token) =>
    t.line === line && ((t.kind === 'word' && (t.cap || lx.connectors.has(t.text))) || t.kind === 'num');
  let open = -1;
  for (let i = a - 1; i >= a - 7 && i >= 0; i--) {
    const t = tokens[i]!;
    if (OPEN_QUOTES.has(t.text) && t.line === line) {
      open = i;
      break;
    }
    if (!titleLike(t)) return false;
  }
  if (open < 0) return false;
  for (let i = b + 1; i <= b + 8 && i < tokens.length; i++) {
    const t = tokens[i]!;
    if (CLOSE_QUOTES.has(t.text) && t.line === line) return true;
    if (t.text === ',' || t.text === '.') continue;
    if (!titleLike(t)) return false;
  }
  return false;
}

/** "signed winger Jack Diamond from Sunderland": a transfer verb shortly before "from" in the same sentence. */
export function signedBefore(tokens: Token[], from: number): boolean {
  for (let i = from - 1; i >= 0 && i >= from - 8; i--) {
    const t = tokens[i]!;
    if (t.text === '.' || t.sentStart) return TRANSFER_OPENERS.test(t.text);
    if (TRANSFER_VERBS.test(t.text)) return true;
  }
  return false;
}
