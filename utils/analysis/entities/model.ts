/**
 * The data that flows between the entity engine's stages: the run's shared context (`Ctx`, built once per
 * text by ./context.ts), the candidate mention (`Cand`, built by ./evidence.ts) and the cluster of mentions
 * that is one entity (./cluster.ts), plus the vote arithmetic they share.
 */
import { DEMONYM_PREFIXES } from '../lexicons/entity-cues';
import { lexKey, type Lexicon } from '../lexicons/gazetteer';
import type { Token } from '../tokens';
import type { EntityType } from '../types';

/** Votes for person, organization, place (indices of `TYPES`). */
export type Votes = [number, number, number];
/** The entity types in vote order. */
export const TYPES: readonly EntityType[] = ['person', 'organization', 'place'];
/** Vote index of a person. */
export const P = 0;
/** Vote index of an organization. */
export const O = 1;
/** Vote index of a place. */
export const L = 2;

/** One candidate mention before clustering. */
export interface Cand {
  /** Token range, inclusive. */
  a: number;
  b: number;
  start: number;
  end: number;
  text: string;
  /** Word tokens of the name (periods kept), for surname/acronym linking. */
  words: string[];
  key: string;
  votes: Votes;
  /** Sentence-initial or heading-line word with no evidence of its own: kept only if it links to something. */
  weak: boolean;
  /** Has strong type evidence from the gazetteer or a known list. */
  known: boolean;
  /** The only knowledge is a city name, which is also often a surname ("Garland", "Madison"). */
  cityOnly?: boolean;
  /** Used as a sports club in a match report ("Sevilla striker", "beat Sevilla 3-1"). */
  club?: boolean;
  /** Acronym given in parentheses right after this name ("… Development (USAID)"). */
  parenAlias?: Cand;
  /** Ids of the rules that found, shaped and typed this candidate, in the order they fired. */
  rules: string[];
}

/** A cluster of mentions that is one entity. */
export interface Cluster {
  key: string;
  cands: Cand[];
  votes: Votes;
  /** Word tokens of the fullest mention. */
  words: string[];
  mergedInto?: Cluster;
}

/** Shared context of one run, built once per text. */
export interface Ctx {
  text: string;
  tokens: Token[];
  lx: Lexicon;
  /** Every word the article writes in lowercase somewhere (lowercased). */
  lowerVocab: Set<string>;
  /** Lines in Title Case (headings, labels), whose capitals say nothing. */
  headingLine: Set<number>;
  /** The article is a newsletter of items led by all-caps kickers ("RATE WATCH — …"), see kickerLineCount. */
  kickerDoc: boolean;
  /** Tokens inside boilerplate (credits, bylines, sign-up prompts). */
  skip: boolean[];
  at: (i: number) => Token | undefined;
  /** A token that can be part of a name: capitalized, not boilerplate, not a month or a contraction. */
  nameTok: (i: number) => boolean;
  /** The text is about the US Congress ("Congress", "Senate", "Rep.", "Sen.", "congressional" occur). */
  congress: () => boolean;
  /** A match report: place names that beat, sign or field players are clubs. */
  sporty: boolean;
  /** When tracing (tests, `--explain`), every rule id that fired, rejections included. */
  fired?: Set<string>;
}

/** A word without its abbreviation period ("Corp." → "Corp"). */
export const bare = (w: string): string => (w.endsWith('.') && w.length > 1 ? w.slice(0, -1) : w);

/** A connector or particle inside a name ("of", "the", "von"). */
export const isConnectorWord = (w: string, lx: Lexicon): boolean => lx.connectors.has(w) || lx.particles.has(w);

/** Adds `src` to `dst` in place. */
export function addVotes(dst: Votes, src: Votes): void {
  dst[0] += src[0];
  dst[1] += src[1];
  dst[2] += src[2];
}

/** The winning type index; ties go to person, then organization. */
export function argmax(v: Votes): 0 | 1 | 2 {
  if (v[1] > v[0] && v[1] >= v[2]) return 1;
  if (v[2] > v[0] && v[2] > v[1]) return 2;
  return 0;
}

/** A demonym ("Malian"), or a compound of them ("African-American", "Sino-Indian"). */
export function isDemonym(word: string, lx: Lexicon): boolean {
  const k = lexKey(word);
  if (lx.demonyms.has(k)) return true;
  if (k.includes('-')) return k.split('-').every((p) => lx.demonyms.has(p) || DEMONYM_PREFIXES.test(p));
  return false;
}

/** The token before `i` on the same line, with its index. */
export function prevWord(tokens: Token[], i: number): { t: Token; i: number } | null {
  const j = i - 1;
  const t = tokens[j];
  if (!t || t.line !== tokens[i]!.line) return null;
  return { t, i: j };
}

/** Records that rule `id` fired, on the candidate's trace and on the run's trace when tracing. */
export function trace(ctx: Ctx, rules: string[] | null, id: string): void {
  if (rules) rules.push(id);
  ctx.fired?.add(id);
}

/** Votes a rule adds to a candidate's type, by type. */
export type Weights = Partial<Record<EntityType, number>>;

/** A rule applied by a stage's own code (splitting, coordination): an id, an example and its weight. */
export interface StageRule {
  id: string;
  /** A text where the rule fires. */
  example: string;
  weight: Weights;
}

/** Turns weights into a vote triple. */
export const toVotes = (w: Weights): Votes => [w.person ?? 0, w.organization ?? 0, w.place ?? 0];

/** Adds rule `r`'s weight to candidate `c` and records that it fired. */
export function vote(ctx: Ctx, c: Cand, r: StageRule): void {
  addVotes(c.votes, toVotes(r.weight));
  trace(ctx, c.rules, r.id);
}
