/**
 * Stage 6 of the entity engine: clustering candidates into entities and typing them. Candidates with the same
 * key form a cluster (country aliases and legal suffixes folded); then short forms join full forms — an
 * acronym its expansion, a surname the full name, "Samsung" "Samsung Electronics", "State Department" "US
 * State Department" — and weak candidates join an entity they name or are dropped. Each entity's type is the
 * vote over all its mentions; its name is the fullest mention.
 */
import { CORP_TAIL, NAME_SUFFIXES, ORG_SUFFIX_ABBR, ORG_SUFFIX_KEY, SHORT_NAMES } from '../lexicons/entity-cues';
import { lexKey, type Lexicon } from '../lexicons/gazetteer';
import type { Entity, Mention } from '../types';
import { addVotes, argmax, bare, L, O, P, TYPES, type Cand, type Cluster, type Ctx } from './model';

/** The cluster rules: ids recorded on the mentions of a cluster that joined another, with an example each. */
export const CLUSTER_RULES = [
  { id: 'entity.cluster.paren-alias', example: 'the World Health Organization (WHO) said. WHO warned.' },
  { id: 'entity.cluster.middle-initial', example: 'Dana K. Reyes spoke. Later Dana Reyes said more.' },
  { id: 'entity.cluster.corp-name', example: 'Samsung Electronics said. Samsung shares rose.' },
  { id: 'entity.cluster.acronym', example: 'the World Health Organization said. Later the WHO warned.' },
  { id: 'entity.cluster.surname', example: 'Amanda Okafor spoke on Monday. Later, Okafor said more.' },
  { id: 'entity.cluster.first-word', example: 'Oculus VR said on Monday. The Oculus headset sold well.' },
  { id: 'entity.cluster.given-name', example: 'Sheikh Khalid bin Hamad al-Mannai spoke. Sheikh Khalid left.' },
  { id: 'entity.cluster.stripped', example: 'the US State Department said. The State Department warned.' },
  {
    // rule of-complement: "Environmental Protection officials" after "Department of Environmental Protection"
    id: 'entity.cluster.of-complement',
    example: 'the Department of Zorvex Quill said. Zorvex Quill officials agreed.',
  },
  { id: 'entity.cluster.weak-joins', example: 'Amanda Okafor spoke.\nOkafor arrived later.' },
  { id: 'entity.type.club', example: 'The striker scored two goals as Barcelona beat Sevilla 3-1 in the league.' },
  {
    // rule named-person: a full personal name whose own mention reads as a person, and whose other mentions
    // are its surname, is a person even when the surname sits where firms do ("Shares of Quill rose")
    id: 'entity.type.named-person',
    example:
      "The firm's founder, Marcus Quill, spoke. Shares of Quill rose. Shares of Quill fell. Shares of Quill rallied.",
  },
] as const;

/** An id of `CLUSTER_RULES`. */
type ClusterRuleId = (typeof CLUSTER_RULES)[number]['id'];

/** "Mr." and "Ms." before a name, as the article writes them. */
const HONORIFIC_BEFORE = /\b(Mr|Mrs|Ms|Miss|Mme|Mister)\.?\s+$/;

/** The clusters of one run and the indexes short forms are looked up in. */
interface Clusters {
  ctx: Ctx;
  byKey: Map<string, Cluster>;
  /** Weak candidates and parenthesized acronyms, attached after the clusters are linked. */
  pending: Cand[];
  /** Acronym key → the key of the cluster of its expansion. */
  aliasKeys: Map<string, string>;
  byLast: Map<string, Cluster>;
  byFirst: Map<string, Cluster>;
  byStripped: Map<string, Cluster>;
  byInitials: Map<string, Cluster>;
  byCorp: Map<string, Cluster>;
  /** "Head of X Y" organizations by "X Y" (two words or more, not itself a known name). */
  byOfRest: Map<string, Cluster>;
  firstNames: Map<string, Cluster | null>;
}

/** Groups candidates into entities and picks each entity's type and canonical name. */
export function cluster(ctx: Ctx, cands: Cand[]): Entity[] {
  const cs: Clusters = {
    ctx,
    byKey: new Map(),
    pending: [],
    aliasKeys: new Map(),
    byLast: new Map(),
    byFirst: new Map(),
    byStripped: new Map(),
    byInitials: new Map(),
    byCorp: new Map(),
    byOfRest: new Map(),
    firstNames: new Map(),
  };
  for (const c of cands) {
    if (c.weak || c.parenAlias) cs.pending.push(c);
    else add(cs, clusterKey(ctx.lx, c), c);
  }
  joinParenAliases(cs);
  joinMiddleInitials(cs);
  for (const cl of cs.byKey.values()) index(cs, cl);
  joinShortForms(cs);
  attachWeak(cs);
  return emit(cs);
}

/** The key candidates cluster by: "Alphabet Inc." ~ "Alphabet", "U.S." ~ "United States", "Fed" ~ "Federal Reserve". */
function clusterKey(lx: Lexicon, c: Cand): string {
  const k = c.key.replace(/^the /, '').replace(ORG_SUFFIX_KEY, '');
  const country = lx.countryCanon.get(k);
  if (country) return 'c:' + lexKey(country);
  return SHORT_NAMES.get(k) ?? k;
}

function add(cs: Clusters, key: string, c: Cand): Cluster {
  let cl = cs.byKey.get(key);
  if (!cl) {
    cl = { key, cands: [], votes: [0, 0, 0], words: c.words };
    cs.byKey.set(key, cl);
  }
  cl.cands.push(c);
  addVotes(cl.votes, c.votes);
  if (c.words.length > cl.words.length) cl.words = c.words;
  return cl;
}

function root(cl: Cluster): Cluster {
  let r = cl;
  while (r.mergedInto) r = r.mergedInto;
  return r;
}

/** Merges cluster `from` into `into`'s root; the mentions of `from` record the rule that joined them. */
function merge(cs: Clusters, from: Cluster, into: Cluster, id: ClusterRuleId): void {
  const r = root(into);
  if (r === from || from.mergedInto) return;
  from.mergedInto = r;
  cs.ctx.fired?.add(id);
  for (const c of from.cands) {
    c.rules.push(id);
    r.cands.push(c);
  }
  addVotes(r.votes, from.votes);
}

const typeOf = (cl: Cluster): number => argmax(cl.votes);

/** Parenthesized acronyms join their expansion, and so do their other uses ("USAID", "NATO"). */
function joinParenAliases(cs: Clusters): void {
  const { lx } = cs.ctx;
  for (const c of cs.pending) {
    if (!c.parenAlias) continue;
    const target = cs.byKey.get(clusterKey(lx, c.parenAlias));
    if (!target) continue;
    const acrKey = clusterKey(lx, c);
    const own = cs.byKey.get(acrKey);
    target.cands.push(c);
    c.rules.push('entity.cluster.paren-alias');
    if (own && own !== target) merge(cs, own, target, 'entity.cluster.paren-alias');
    cs.aliasKeys.set(acrKey, target.key);
  }
}

/**
 * rule middle-initial-variant: "Dana Reyes" is "Dana K. Reyes" — a person's name with initials in the middle
 * joins the same name without them (the fullest form stays canonical).
 */
function joinMiddleInitials(cs: Clusters): void {
  const plain = new Map<string, Cluster>();
  for (const cl of cs.byKey.values())
    if (cl.words.length === 2 && typeOf(cl) === P) plain.set(lexKey(cl.words.join(' ')), cl);
  for (const cl of [...cs.byKey.values()]) {
    const ws = cl.words;
    if (ws.length < 3 || cl.mergedInto || typeOf(cl) !== P) continue;
    if (!ws.slice(1, -1).every((w) => /^\p{Lu}\.$/u.test(w))) continue;
    const short = plain.get(lexKey(`${ws[0]} ${ws[ws.length - 1]}`));
    if (short && !short.mergedInto) merge(cs, short, cl, 'entity.cluster.middle-initial');
  }
}

/** Indexes a multi-word cluster under the short forms that may refer to it. */
function index(cs: Clusters, cl: Cluster): void {
  const ws = cl.words.map(bare);
  if (ws.length < 2) return;
  if (typeOf(cl) === P) indexPerson(cs, cl, ws);
  else indexName(cs, cl, ws);
}

function indexPerson(cs: Clusters, cl: Cluster, ws: string[]): void {
  const { lx } = cs.ctx;
  // "Joe Manchin III" is "Manchin"
  const last = NAME_SUFFIXES.test(ws[ws.length - 1]!) && ws.length > 2 ? ws[ws.length - 2]! : ws[ws.length - 1]!;
  setOnce(cs.byLast, lexKey(last), cl);
  if (!lx.givenNames.has(ws[0]!)) setOnce(cs.byFirst, lexKey(ws[0]!), cl);
  // "Sheikh Khalid" after "Sheikh Khalid bin Hamad al-Mannai": a first name, when only one person has it
  const f = lexKey(ws[0]!);
  const r = root(cl);
  cs.firstNames.set(f, cs.firstNames.has(f) && cs.firstNames.get(f) !== r ? null : r);
}

function indexName(cs: Clusters, cl: Cluster, ws: string[]): void {
  const { lx } = cs.ctx;
  const t = typeOf(cl);
  // "Oculus" ~ "Oculus VR" — but not "Ozark" ~ "Ozark Police Department", whose rest is a generic head
  if (t === O && !ws.some((w) => lx.connectors.has(w) || lx.genericAlone.has(w)) && !lx.places.has(lexKey(ws[0]!)))
    setOnce(cs.byFirst, lexKey(ws[0]!), cl);
  // "US State Department" ~ "State Department"; "US Bureau of African Affairs" ~ "Bureau of African Affairs"
  // ("Colombian Senate" ~ "Senate", but the "Pakistani Taliban" are not the Taliban)
  if (
    lx.places.has(lexKey(ws[0]!)) ||
    (lx.demonyms.has(lexKey(ws[0]!)) && ws.slice(1).every((w) => lx.genericAlone.has(w) || lx.orgHeads.has(w)))
  )
    setOnce(cs.byStripped, lexKey(ws.slice(1).join(' ')), cl);
  // "Samsung" ~ "Samsung Electronics": a company's own name without its trade word
  if (t === O && ws.slice(1).every((w) => CORP_TAIL.test(w) || ORG_SUFFIX_ABBR.test(w)))
    setOnce(cs.byCorp, lexKey(ws[0]!), cl);
  // "Chiefs" ~ "Kansas City Chiefs": a team or branch named after its town, then its own name
  if (t === O && ws.length >= 3 && lx.places.has(lexKey(ws.slice(0, -1).join(' '))))
    setOnce(cs.byStripped, lexKey(ws[ws.length - 1]!), cl);
  // "Bureau of African" (cut short) ~ "Bureau of African Affairs"
  for (let i = 2; i < ws.length; i++) {
    const last = ws[i - 1]!;
    const complete = lx.orgHeads.has(last) || lx.placeHeads.has(last);
    if (!lx.connectors.has(last) && !complete && ws.slice(0, i).some((w) => lx.connectors.has(w)))
      setOnce(cs.byStripped, lexKey(ws.slice(0, i).join(' ')), cl);
  }
  const of = ws.indexOf('of');
  if (t === O && of === 1 && ws.length - of > 2 && lx.orgHeads.has(ws[0]!)) {
    const rest = lexKey(ws.slice(of + 1).join(' '));
    if (!lx.places.has(rest) && !lx.orgs.has(rest)) setOnce(cs.byOfRest, rest, cl);
  }
  const initials = (words: string[]): string =>
    words
      .map((w) => w[0])
      .join('')
      .toLowerCase();
  setOnce(cs.byInitials, initials(ws.filter((w) => !lx.connectors.has(w))), cl);
  setOnce(cs.byInitials, initials(ws), cl);
}

/** What a short form is looked up by. */
interface ShortForm {
  key: string;
  words: string[];
  isAcr: boolean;
  type: number;
  known: boolean;
  honorific?: 'm' | 'f' | null;
}

/** The cluster a short form refers to, and the rule that found it. */
function findTarget(cs: Clusters, s: ShortForm): [Cluster, ClusterRuleId] | undefined {
  const { lx } = cs.ctx;
  const one = s.words.length === 1 ? lexKey(bare(s.words[0]!)) : null;
  // a known name keeps its own identity ("Jordan" the country vs "Michael Jordan", "UN" vs "UN Security
  // Council") and only joins the same name with a country in front ("Congress" ~ "US Congress")
  const corp = one !== null && s.type !== P ? cs.byCorp.get(one) : undefined;
  if (corp) return [corp, 'entity.cluster.corp-name'];
  // "WHO" after "World Health Organization", even though WHO is known by itself
  const acr = one !== null && s.isAcr ? cs.byInitials.get(one) : undefined;
  if (acr) return [acr, 'entity.cluster.acronym'];
  if (one !== null && !s.known) {
    const person = personTarget(cs, one, s.type);
    // "Mr. Trump" is not "Ivanka Trump": a surname used with an honorific of one gender does not join a full
    // name whose given name belongs to the other (given-name lists, see Lexicon.givenGender)
    const given = person ? lx.givenGender.get(bare(person[0].words[0]!)) : undefined;
    const contradicts = !!s.honorific && given !== undefined && given !== s.honorific;
    if (person && (s.type !== L || person[0].votes[P]! > 0) && !contradicts) return person;
  }
  const stripped = cs.byStripped.get(s.key);
  if (stripped) return [stripped, 'entity.cluster.stripped'];
  const ofRest = s.type !== L ? cs.byOfRest.get(s.key) : undefined;
  return ofRest ? [ofRest, 'entity.cluster.of-complement'] : undefined;
}

/** A person a one-word short form may name: by surname, by a first word, or by a unique first name. */
function personTarget(cs: Clusters, k: string, type: number): [Cluster, ClusterRuleId] | undefined {
  const last = cs.byLast.get(k);
  if (last) return [last, 'entity.cluster.surname'];
  const first = cs.byFirst.get(k);
  if (first) return [first, 'entity.cluster.first-word'];
  const given = type === P ? cs.firstNames.get(k) : undefined;
  return given ? [given, 'entity.cluster.given-name'] : undefined;
}

const isAcronym = (words: string[]): boolean => words.length === 1 && /^\p{Lu}{2,}$/u.test(words[0]!);

/** Short forms join the full forms they refer to. */
function joinShortForms(cs: Clusters): void {
  for (const cl of [...cs.byKey.values()]) {
    if (cl.words.length > 2 && typeOf(cl) === P) continue;
    const found = findTarget(cs, {
      key: cl.key,
      words: cl.words,
      isAcr: isAcronym(cl.words),
      type: typeOf(cl),
      known: cl.cands.some((c) => c.known && !c.cityOnly) && typeOf(cl) !== P,
      honorific: honorificOf(cl.cands, cs.ctx.text),
    });
    if (!found || found[0] === cl) continue;
    merge(cs, cl, found[0], found[1]);
  }
}

/** Weak candidates join an entity they name, or stay out. */
function attachWeak(cs: Clusters): void {
  const { lx } = cs.ctx;
  for (const c of cs.pending) {
    if (c.parenAlias) continue;
    const k = clusterKey(lx, c);
    let target = cs.byKey.get(cs.aliasKeys.get(k) ?? k);
    if (!target) {
      const type = argmax(c.votes);
      const known = c.known && !c.cityOnly && type !== P;
      target = findTarget(cs, { key: k, words: c.words, isAcr: isAcronym(c.words), type, known })?.[0];
    }
    if (!target) continue;
    const r = root(target);
    r.cands.push(c);
    c.rules.push('entity.cluster.weak-joins');
    cs.ctx.fired?.add('entity.cluster.weak-joins');
    // a weak mention still brings its context ("Ozark police closed …" at a sentence start)
    if (Math.max(...c.votes) >= 2) addVotes(r.votes, c.votes);
  }
}

/** The entities: one per root cluster, typed by its votes, named by its fullest mention, in text order. */
function emit(cs: Clusters): Entity[] {
  const out: Entity[] = [];
  for (const cl of cs.byKey.values()) if (!cl.mergedInto) out.push(entityOf(cs, cl));
  out.sort((x, y) => x.mentions[0]!.start - y.mentions[0]!.start);
  return out;
}

function entityOf(cs: Clusters, cl: Cluster): Entity {
  const { lx } = cs.ctx;
  let type = TYPES[argmax(cl.votes)]!;
  if (type === 'organization' && namedPerson(lx, cl)) {
    type = 'person';
    cs.ctx.fired?.add('entity.type.named-person');
    for (const c of cl.cands) c.rules.push('entity.type.named-person');
  }
  // a place or a bare surname-like word used as a club in a match report is the club
  if (
    type !== 'organization' &&
    !cl.key.startsWith('c:') &&
    cl.cands.some((c) => c.club) &&
    (type === 'place' || cl.cands.every((c) => c.words.length === 1 && !lx.givenNames.has(c.words[0]!)))
  ) {
    type = 'organization';
    cs.ctx.fired?.add('entity.type.club');
    for (const c of cl.cands) c.rules.push('entity.type.club');
  }
  const mentions: Mention[] = cl.cands
    .map((c) => ({ start: c.start, end: c.end, text: c.text, rules: c.rules }))
    .sort((x, y) => x.start - y.start)
    .filter((m, i, arr) => i === 0 || m.start !== arr[i - 1]!.start);
  // the fullest form: most words, then longest, preferring normal case over an all-caps dateline
  let best = cl.cands[0]!;
  for (const c of cl.cands) {
    const better =
      c.words.length > best.words.length ||
      (c.words.length === best.words.length && isAllCaps(best.text) && !isAllCaps(c.text)) ||
      (c.words.length === best.words.length && c.text.length > best.text.length && !isAllCaps(c.text));
    if (better) best = c;
  }
  const canonical = best.text.replace(/\u00AD/g, '').replace(/^the\s+/i, '');
  const aliases = [...new Set(mentions.map((m) => m.text.replace(/\u00AD/g, '')))].filter((m) => m !== canonical);
  const e: Entity = { text: canonical, type, mentions };
  if (aliases.length) e.aliases = aliases;
  return e;
}

/**
 * The cluster is one personal name and its surname: the fullest mention has two to four words, a given name
 * first and person evidence of its own (NAMED_PERSON_MIN, and none for an organization); every other mention
 * is its last word alone.
 */
/** The person votes the full name needs of its own: a title, a role noun or an age, not just its shape. */
const NAMED_PERSON_MIN = 3;

function namedPerson(lx: Lexicon, cl: Cluster): boolean {
  let full: Cand | null = null;
  for (const c of cl.cands) if (!full || c.words.length > full.words.length) full = c;
  if (!full || full.words.length < 2 || full.words.length > 4 || !lx.givenNames.has(full.words[0]!)) return false;
  // (no organization evidence on the full name itself: "Charles Schwab cut its fees" is the firm)
  if (argmax(full.votes) !== P || full.votes[P] < NAMED_PERSON_MIN || full.votes[O] > 0 || full.known) return false;
  const last = full.words[full.words.length - 1]!;
  return cl.cands.every((c) => c.words.length === full.words.length || (c.words.length === 1 && c.words[0] === last));
}

/** A mention's first word and the space after it ("Mr. " of "Mr. Trump"), or '' for a one-word mention. */
function ownStart(text: string, start: number): string {
  const head = text.slice(start, start + 8);
  return head.slice(0, head.lastIndexOf(' ') + 1);
}

/** The gender the honorifics before a cluster's mentions agree on, or null when none or mixed. */
function honorificOf(cands: readonly Cand[], text: string): 'm' | 'f' | null {
  // rule honorific-majority: one "Ms. Trump" (the daughter) among twenty "Mr. Trump" still says "Mr."
  let m = 0;
  let f = 0;
  for (const c of cands) {
    // the honorific is either just before the mention or its first word ("Mr. Trump" as one candidate)
    const h =
      HONORIFIC_BEFORE.exec(text.slice(Math.max(0, c.start - 8), c.start)) ??
      HONORIFIC_BEFORE.exec(ownStart(text, c.start));
    if (!h) continue;
    if (h[1] === 'Mr' || h[1] === 'Mister') m++;
    else f++;
  }
  if (m >= 3 * f && m > 0) return 'm';
  if (f >= 3 * m && f > 0) return 'f';
  return null;
}

function setOnce<K, V>(m: Map<K, V>, k: K, v: V): void {
  if (!m.has(k)) m.set(k, v);
}

function isAllCaps(s: string): boolean {
  return !/\p{Ll}/u.test(s);
}
