/**
 * Speaker resolution for the quote engine: turns the words that introduce a claim ("Diop", "he",
 * "the minister", "a Malian diplomat", "Morgan Tsvangirai's spokesman") into a speaker name, a type and an
 * anonymity flag.
 *
 * Named speakers come from the entity engine's mentions (canonical names). Because entities may be missing
 * or incomplete, a light fallback finds capitalized name spans itself, so attribution degrades gracefully.
 * All look-ups are binary searches over mentions sorted by offset: resolution is O(log n) per claim.
 * Names in bylines and credits are left out of the index (the author is never a source); pronouns resolve
 * to the most salient person (the subject of a recent sentence), and a speaker phrase is always a noun
 * phrase, never reported content.
 */
import type { Entity, EntityType, Mention } from './types';
import type { Span } from './sentences';
import { countBelow, partitionPoint } from './bisect';
import { lexicon } from './lexicons/gazetteer';
import { DOCUMENT_NOUNS, ISSUING_PARTICIPLES, ORG_FALLBACK_HEADS, PARTY_MEMBER_NOUNS } from './lexicons/roles';
import {
  ANONYMITY_CUES,
  ANONYMOUS_HEADS,
  INSTITUTION_HEADS,
  NON_SPEAKER_HEADS,
  ROLE_EQUIVALENTS,
  ROLE_NOUNS,
  TITLES,
} from './lexicons/speech';

/** What kind of thing a speaker is; `group` is an unnamed plural ("officials", "residents"). */
export type SpeakerType = EntityType | 'group' | 'unknown';

/** A name occurrence in the text with its canonical name and type. */
export interface NameRef {
  start: number;
  end: number;
  canonical: string;
  type: SpeakerType;
  /** Gender when a title or pronoun told it. */
  gender: 'm' | 'f' | null;
  /** True when the occurrence is a possessive ("Mugabe's"). */
  possessive: boolean;
  /** The role or title word just before the name ("president" in "President Barack Obama"). */
  role: string | null;
}

/** A resolved speaker. */
export interface Speaker {
  name: string | null;
  anonymous: boolean;
  type: SpeakerType;
  gender: 'm' | 'f' | null;
  mention: Mention | null;
  anonymityCue: string | null;
  /**
   * Ids of the rules that chose this speaker, outermost first ("quote.speaker.subject.before",
   * "quote.speaker.resolve.named-person"); copied into `Quote.rules`.
   */
  rules?: readonly string[];
}

const WORD = /[\p{L}\p{N}]+(?:['\u2019\-.][\p{L}\p{N}]+)*/gu;

/** Capitalized words that start sentences or are otherwise never names on their own. */
const NOT_NAMES = new Set(
  (
    'the a an in on at of for to by from with and but or if as so then this that these those there here it its ' +
    'he she they we i you his her their our my your after before when while since although though however ' +
    'meanwhile also despite during under over into about according what who whom whose which where why how ' +
    'mr mrs ms dr some many most all both each every other another such no not one two three first last ' +
    'monday tuesday wednesday thursday friday saturday sunday january february march april may june july ' +
    'august september october november december today yesterday earlier later now still even just only ' +
    'read watch follow related photo file key highlights note analysis update'
  ).split(' '),
);

/** Heads that make a fallback name an organization (lexicons/roles.ts). */
const ORG_HEADS = ORG_FALLBACK_HEADS;

/** Words that make a capitalized span a place or an organization rather than a person. */
const NOT_PERSON_WORDS = new Set(
  (
    'north south east west new united saint san los las el business international national federal state ' +
    'states kingdom republic city county river lake island islands mount valley street avenue park bridge ' +
    'station airport stadium america africa europe asia middle insider media digital global american ' +
    'british chinese african european islamic arab'
  ).split(' '),
);

/** A run of capitalized words, with name connectors ("Bureau of African Affairs", "Abu al Bakr"). */
const CAP_RUN =
  /\p{Lu}[\p{L}\p{N}]*(?:['\u2019\-.][\p{L}\p{N}]+)*(?:(?: (?:of|for|the|de|du|al|bin|van|von|la|le|da))? \p{Lu}[\p{L}\p{N}]*(?:['\u2019\-.][\p{L}\p{N}]+)*)*/gu;
const NEXT_WORD = /\s*([\p{L}\p{N}]+)/uy;

const DEMONYM = /(?:an|ans|ian|ese|ish|ic|i)$/;
/** A lower-case word that reads as a verb or auxiliary (so the capitalized word before it is a subject). */
const VERBISH =
  /^(?:\w+ed|said|says|told|tells|has|had|have|is|was|are|were|will|would|could|can|also|who|wrote|adds|notes|warns|insists|argues|denies|confirms)$/;

/** "the city's civil defense director": a determiner, up to four modifiers, a head noun. */
const DESCRIBED =
  /\b(?:the|a|an)\s+(?:[\p{L}'\u2019-]+\s+){0,4}?(\p{Ll}+)\b(?=\s+(?:\p{Ll}+ed|\p{Ll}+[^s\W]s|said|says|told|added|has|had|was|is|wrote|found|thought|knew|saw|gave|took|made|went|came|got|kept|left|met|sent|spoke|stood|became|began|held|brought|paid|put|set|warned|noted|would|will|could|can)\b)/gu;

/** Agent nouns in -er/-or that denote people, not organizations. */
const PERSON_AGENT =
  /^(?:officer|teacher|lawyer|worker|farmer|driver|player|soldier|voter|owner|father|mother|brother|sister|daughter|partner|writer|reader|viewer|speaker|founder|doctor|sailor|actor|senator|governor|mayor|author|editor|investor|survivor|neighbour|neighbor|visitor|protester|protestor|supporter|customer|passenger|user|member|leader|manager|director|reporter|researcher|fighter|trader|minister)$/;

/** Documents that speak for their issuer ("the report said"): the one list, in lexicons/roles.ts. */
const DOCUMENT_HEADS = DOCUMENT_NOUNS;

/** " issued by the", " from": what lies between a document head and its issuer's name. */
const ISSUER_LINK = new RegExp(
  `^s?\\s+(?:(?:${ISSUING_PARTICIPLES.join('|')})\\s+(?:[\\p{L}\\p{N}]+\\s+){0,3})?(?:by|from|of|in)\\s+(?:the\\s+)?$`,
  'iu',
);

/** News organizations by name: never the antecedent of a non-media role noun ("the union"). */
const MEDIA_NAME =
  /\b(?:Times|Post|Press|News|Journal|Herald|Tribune|Gazette|Guardian|Telegraph|Ledger|Courier|Chronicle|Observer|Reuters|AFP|Bloomberg|BBC|CNN|NPR|Magazine|Daily|Radio|Television|TV)\b/;

/** "the company" is not a university, a ministry or a court. */
const BUSINESS_ROLES = new Set('company firm'.split(' '));
const NOT_A_BUSINESS =
  /\b(?:University|College|School|Ministry|Court|Police|Department|Council|Union|Party|Commission|Hospital|Church|Army|Government|Parliament|Senate|Congress|Assembly)\b/;

/** Role nouns that may refer to a news organization. */
const MEDIA_ROLES = new Set(
  'newspaper paper broadcaster network channel outlet station agency publication magazine'.split(' '),
);

/** Nouns that introduce unnamed sources or institutions; never a one-word name. */
const COMMON_NOUNS: ReadonlySet<string> = new Set([...ANONYMOUS_HEADS, ...INSTITUTION_HEADS, ...ROLE_NOUNS.keys()]);
const lwOf = (w: string): string => w.toLowerCase().replace(/['\u2019]s$/, '');

/**
 * rule speaker-head: a lower-case phrase can speak only when its head is a person, group, organization or
 * document noun ("the officials", "a spokesman", "the report") or its plural; "cracks and leaks" or "colder
 * temperatures" cannot (issue #13, class 1).
 */
export function hasSpeakerHead(phrase: string): boolean {
  const last = (phrase.trim().split(/\s+/).pop() ?? '').toLowerCase().replace(/[^\p{L}]/gu, '');
  const heads = [headNoun(phrase), last].filter((h): h is string => !!h);
  const forms = heads.flatMap((h) => [h, h.endsWith('ies') ? h.slice(0, -3) + 'y' : h.replace(/s$/, '')]);
  return forms.some(
    (h) =>
      COMMON_NOUNS.has(h) ||
      DOCUMENT_HEADS.has(h) ||
      TITLES.has(h) ||
      PERSON_AGENT.test(h) ||
      FEMALE_NOUN.test(h) ||
      MALE_NOUN.test(h),
  );
}

/** Fast sorted index of name occurrences with binary search by offset. */
export class NameIndex {
  readonly refs: NameRef[];
  private readonly starts: number[];
  /** For each ref, the aside (caption) span holding it, if any. */
  private readonly asideOf: Array<Span | null>;

  /**
   * `asides` are spans such as photo captions whose names can speak inside them but are no antecedents
   * for anything outside them: `before()` passes over them unless `pos` lies in the same aside.
   */
  constructor(refs: NameRef[], asides: readonly Span[] = []) {
    this.refs = refs.sort((a, b) => a.start - b.start);
    this.starts = this.refs.map((r) => r.start);
    // refs and asides both sorted by start: one merge walk, linear in both
    const sorted = [...asides].sort((a, b) => a.start - b.start);
    let k = 0;
    this.asideOf = this.refs.map((r) => {
      while (k < sorted.length && sorted[k]!.end < r.end) k++;
      const a = sorted[k];
      return a && r.start >= a.start && r.end <= a.end ? a : null;
    });
  }

  /** Index of the first ref starting at or after `pos`. */
  private lowerBound(pos: number): number {
    return countBelow(this.starts, pos);
  }

  /** Refs lying entirely inside `[start, end)`. */
  inRange(start: number, end: number): NameRef[] {
    const out: NameRef[] = [];
    for (let i = this.lowerBound(start); i < this.refs.length && this.refs[i]!.start < end; i++) {
      if (this.refs[i]!.end <= end) out.push(this.refs[i]!);
    }
    return out;
  }

  /**
   * The ref that contains `[start, end)` and is longer than it, when the phrase is only a tail of a name
   * ("Security" of "Joint Committee on Intelligence and Security"); null otherwise. Refs do not overlap, so
   * only the last ref starting at or before `start` can contain it.
   */
  covering(start: number, end: number): NameRef | null {
    const r = this.refs[countBelow(this.starts, start + 1) - 1];
    return r && r.end >= end && r.end - r.start > end - start ? r : null;
  }

  /** The nearest ref ending at or before `pos` and starting at or after `floor` that satisfies `ok`. */
  before(pos: number, floor: number, ok: (r: NameRef) => boolean): NameRef | null {
    for (let i = this.lowerBound(pos) - 1; i >= 0 && this.refs[i]!.start >= floor; i--) {
      const r = this.refs[i]!;
      const aside = this.asideOf[i];
      if (aside && (pos < aside.start || pos > aside.end)) continue;
      if (r.end <= pos && ok(r)) return r;
    }
    return null;
  }
}

/**
 * Builds the name index from the entity engine's mentions, completed by capitalized spans the entities do
 * not cover (so that speakers are still found when the entity engine misses a name).
 */
export function buildNameIndex(
  text: string,
  entities: readonly Entity[],
  skip: readonly Span[] = [],
  asides: readonly Span[] = [],
): NameIndex {
  const refs: NameRef[] = [];
  const covered: Array<[number, number]> = [];
  for (const e of entities) {
    for (const m of e.mentions) {
      refs.push(makeRef(text, m.start, m.end, e.text, e.type));
      covered.push([m.start, m.end]);
    }
  }
  const isCovered = coverage(covered);
  const fallback = fallbackNames(text).filter((f) => !f.name.startsWith('\u0000') && !isCovered(f.start, f.end));
  const canonical = fallbackCanonicalizer(fallback, entities);
  for (const f of fallback) {
    const c = canonical(f);
    const ref = makeRef(text, f.start, f.end, c.name, c.type);
    if (f.gender) ref.gender = f.gender;
    refs.push(ref);
  }
  // Names inside bylines and credits are left out: the author is never a speaker or an antecedent.
  const sortedSkip = [...skip].sort((a, b) => a.start - b.start);
  const skipped = (pos: number): boolean => {
    const s = sortedSkip[partitionPoint(sortedSkip, (k) => k.start <= pos) - 1];
    return !!s && pos < s.end;
  };
  return new NameIndex(skip.length ? refs.filter((r) => !skipped(r.start)) : refs, asides);
}

/** Whether `[s, e)` overlaps one of the mention ranges. */
function coverage(covered: Array<[number, number]>): (s: number, e: number) => boolean {
  covered.sort((a, b) => a[0] - b[0]);
  return (s: number, e: number): boolean => {
    const lo = partitionPoint(covered, (c) => c[1] <= s);
    // Sorted by start; a few neighbours suffice because mentions rarely nest deeply.
    for (let i = Math.max(0, lo - 3); i < covered.length && covered[i]![0] < e; i++) {
      if (covered[i]![1] > s) return true;
    }
    return false;
  };
}

/**
 * Canonical names of fallback names: a lone surname or short form takes the fullest name sharing its last
 * (person) or first (organization) word, an acronym the multi-word name it abbreviates ("SEIU", "DOT");
 * entity names serve as targets too.
 */
function fallbackCanonicalizer(
  fallback: readonly FallbackName[],
  entities: readonly Entity[],
): (f: FallbackName) => { name: string; type: SpeakerType } {
  const full = new Map<string, string>();
  const firstFull = new Map<string, string>();
  const keepLonger = (map: Map<string, string>, key: string, name: string, words: number): void => {
    const prev = map.get(key);
    if (!prev || prev.split(' ').length < words) map.set(key, name);
  };
  for (const f of fallback) {
    const words = f.name.split(' ');
    keepLonger(full, words[words.length - 1]!, f.name, words.length);
    keepLonger(firstFull, words[0]!, f.name, words.length);
  }
  const orgFirst = new Map<string, string | null>();
  for (const e of entities) {
    const words = e.text.split(' ');
    if (e.type === 'person') full.set(words[words.length - 1]!, e.text);
    // "American" for "American Airlines": only when one organization starts with the word.
    if (e.type === 'organization' && words.length > 1) orgFirst.set(words[0]!, orgFirst.has(words[0]!) ? null : e.text);
  }
  for (const [w, name] of orgFirst) {
    if (name && (!firstFull.has(w) || !firstFull.get(w)!.includes(' '))) firstFull.set(w, name);
  }
  const { typeOf, initials } = fullNameTypes(fallback, entities);
  return (f) => {
    const words = f.name.split(' ');
    let name = full.get(words[words.length - 1]!) ?? f.name;
    if (words.length === 1 && name === f.name) name = firstFull.get(words[0]!) ?? f.name;
    if (words.length === 1 && /^\p{Lu}{2,}$/u.test(f.name) && initials.has(f.name)) name = initials.get(f.name)!;
    const type = name !== f.name && f.type === 'unknown' ? (typeOf.get(name) ?? f.type) : f.type;
    return { name, type };
  };
}

/** Types of multi-word names (entities win), and the acronyms of multi-word fallback names. */
function fullNameTypes(
  fallback: readonly FallbackName[],
  entities: readonly Entity[],
): { typeOf: Map<string, SpeakerType>; initials: Map<string, string> } {
  const typeOf = new Map<string, SpeakerType>();
  const initials = new Map<string, string>();
  for (const f of fallback) {
    if (!f.name.includes(' ')) continue;
    if (!typeOf.has(f.name) || f.type !== 'unknown') typeOf.set(f.name, f.type);
    const words = f.name.split(' ');
    initials.set(words.map((w) => w[0]!.toUpperCase()).join(''), f.name);
    initials.set(
      words
        .filter((w) => /^\p{Lu}/u.test(w))
        .map((w) => w[0])
        .join(''),
      f.name,
    );
  }
  for (const e of entities) typeOf.set(e.text, e.type);
  return { typeOf, initials };
}

function makeRef(text: string, start: number, end: number, canonical: string, type: SpeakerType): NameRef {
  const after = text.slice(end, end + 2);
  const possessive = /^['\u2019]s?/.test(after) || /['\u2019]s$/.test(text.slice(start, end));
  const before = text.slice(Math.max(0, start - 40), start);
  const word = titleWordBefore(before);
  const role = word ? word.toLowerCase() : null;
  const gender = role ? (TITLES.get(role) ?? null) : null;
  return { start, end, canonical, type, gender, possessive, role };
}

/**
 * The capitalized word right before trailing blanks: what `/(\p{Lu}\p{L}*)\.?[ \t]+$/u` captured, read from the
 * end so a long letter run is not rescanned from every start (issue 17). Its first capital starts it, as the
 * leftmost regex match did ("eBay " → "Bay").
 */
function titleWordBefore(before: string): string | null {
  const blanks = /(?<![ \t])[ \t]+$/.exec(before);
  if (!blanks) return null;
  const end = before[blanks.index - 1] === '.' ? blanks.index - 1 : blanks.index;
  const letters = /(?<!\p{L})\p{L}*$/u.exec(before.slice(0, end))![0];
  const cap = letters.search(/\p{Lu}/u);
  return cap >= 0 ? letters.slice(cap) : null;
}

interface FallbackName {
  start: number;
  end: number;
  name: string;
  type: SpeakerType;
  gender: 'm' | 'f' | null;
}

/** Capitalized multi-word spans (with "of", "for", "the" inside organization names), typed roughly. */
function fallbackNames(text: string): FallbackName[] {
  const out: FallbackName[] = [];
  const cap = (w: string): boolean => /^\p{Lu}/u.test(w);
  // Only capitalized runs are visited (a regex scan), not every word of the text: this is the hot loop.
  CAP_RUN.lastIndex = 0;
  for (let m = CAP_RUN.exec(text); m; m = CAP_RUN.exec(text)) {
    if (m.index > 0 && /[\p{L}\p{N}]/u.test(text[m.index - 1]!)) continue; // "iPhone": mid-word capital
    const tokens: RunWord[] = [];
    WORD.lastIndex = 0;
    for (let t = WORD.exec(m[0]); t; t = WORD.exec(m[0])) {
      tokens.push({ s: m.index + t.index, e: m.index + t.index + t[0].length, w: t[0] });
    }
    const runEnd = m.index + m[0].length;
    NEXT_WORD.lastIndex = runEnd;
    const nm = NEXT_WORD.exec(text);
    const nextTok = nm ? { s: runEnd + nm[0].length - nm[1]!.length, e: runEnd + nm[0].length, w: nm[1]! } : undefined;
    const lead = dropLeadingTitles(splitAtTitle(text, tokens, out));
    let words = lead.words;
    const { gender, titled } = lead;
    while (words.length && NOT_NAMES.has(words[words.length - 1]!.w.toLowerCase())) words = words.slice(0, -1);
    // Capitalized common nouns and contractions at a sentence start ("People familiar…", "We've") are not names.
    if (
      words.length === 1 &&
      (COMMON_NOUNS.has(lwOf(words[0]!.w)) || /['\u2019](?:ve|re|ll|d|m)$/i.test(words[0]!.w))
    ) {
      continue;
    }
    if (!words.length) continue;
    const lw = words.map((w) => w.w.toLowerCase().replace(/['\u2019]s$/, ''));
    // "Malian diplomat": a lone demonym before a lower-case noun is an adjective, not a name
    // ("Brennan added" and "Goumbri said" are names: a verb follows). Marked, and dropped later unless
    // the word also occurs inside a multi-word name.
    if (
      words.length === 1 &&
      DEMONYM.test(lw[0]!) &&
      nextTok &&
      !cap(nextTok.w) &&
      /^ $/.test(text.slice(words[0]!.e, nextTok.s)) &&
      !VERBISH.test(nextTok.w)
    ) {
      out.push({ start: words[0]!.s, end: words[0]!.e, name: '\u0000' + words[0]!.w, type: 'unknown', gender: null });
      continue;
    }
    const start = words[0]!.s;
    let end = words[words.length - 1]!.e;
    const raw = text.slice(start, end);
    let name = raw.replace(/['\u2019]s$/, '');
    if (name !== raw) end -= raw.length - name.length;
    name = name.replace(/\s+/g, ' ');
    let type: SpeakerType = 'unknown';
    if (lw.some((w) => ORG_HEADS.has(w)) || /^\p{Lu}{2,}$/u.test(name)) type = 'organization';
    else if (titled || (words.length >= 2 && words.length <= 3 && !lw.some((w) => NOT_PERSON_WORDS.has(w)))) {
      type = 'person';
    }
    out.push({ start, end, name, type, gender });
  }
  return out;
}

/** A word of a capitalized run. */
interface RunWord {
  s: number;
  e: number;
  w: string;
}

/**
 * "Facebook CEO Mark Zuckerberg": a title inside the run separates an organization (added to `out`) from
 * the person; returns the words from the title on (all of them when there is none).
 */
function splitAtTitle(text: string, words: RunWord[], out: FallbackName[]): RunWord[] {
  for (let t = words.length - 2; t >= 1; t--) {
    if (!TITLES.has(words[t]!.w.toLowerCase()) || TITLES.has(words[t - 1]!.w.toLowerCase())) continue;
    const first = words[0]!;
    const last = words[t - 1]!;
    if (!NOT_NAMES.has(first.w.toLowerCase())) {
      out.push({ start: first.s, end: last.e, name: text.slice(first.s, last.e), type: 'unknown', gender: null });
    }
    return words.slice(t);
  }
  return words;
}

/** Drops leading function words and titles, keeping what the titles told ("Mrs" → female, titled). */
function dropLeadingTitles(words: RunWord[]): { words: RunWord[]; gender: 'm' | 'f' | null; titled: boolean } {
  let gender: 'm' | 'f' | null = null;
  let titled = false;
  while (words.length && (NOT_NAMES.has(words[0]!.w.toLowerCase()) || TITLES.has(words[0]!.w.toLowerCase()))) {
    const t = TITLES.get(words[0]!.w.toLowerCase());
    if (TITLES.has(words[0]!.w.toLowerCase())) titled = true;
    if (t) gender = t;
    words = words.slice(1);
  }
  return { words, gender, titled };
}

/** One previously resolved speaker, kept for pronoun and role-noun coreference. */
interface HistoryItem {
  speaker: Speaker;
  pos: number;
  /** Lower-cased descriptive phrase without its determiner, for "the Malian diplomat" = "a Malian diplomat". */
  key: string | null;
  head: string | null;
}

/** Nouns that say a described person's gender ("the calm dad" is no antecedent for "she said"). */
const FEMALE_NOUN =
  /\b(?:spokeswoman|woman|women|mother|mom|mum|wife|daughter|sister|aunt|grandmother|grandma|girl|businesswoman|chairwoman|congresswoman|queen|widow|lady)\b/i;
const MALE_NOUN =
  /\b(?:spokesman|man|men|father|dad|husband|son|brother|uncle|grandfather|grandpa|boy|businessman|chairman|congressman|king|widower)\b/i;

const DETERMINERS = /^(?:the|a|an|one|this|that|these|those|another|some|two|three|several|many|both)\s+/i;

/**
 * Resolves speaker phrases to speakers, remembering earlier speakers so that pronouns, role nouns and
 * repeated anonymous descriptions ("the Malian diplomat") point back to them.
 */
export class SpeakerResolver {
  private readonly history: HistoryItem[] = [];
  private readonly genders = new Map<string, 'm' | 'f'>();
  /** Document head ("study", "report") → the body last named as its author. */
  private readonly documentIssuers = new Map<string, Speaker>();

  constructor(
    private readonly text: string,
    private readonly names: NameIndex,
    /** True when `pos` lies inside a direct quote (names there are not antecedents). */
    private readonly inQuote: (pos: number) => boolean,
  ) {
    for (const r of names.refs) if (r.gender && !this.genders.has(r.canonical)) this.genders.set(r.canonical, r.gender);
    // A title ("Ms. Haley") is the article's own word and wins; a given name found in only one of the
    // gendered name lists ("Michelle Obama") is the fallback, so "she said" does not land on "Donald Trump".
    const { givenGender } = lexicon();
    for (const r of names.refs) {
      if (this.genders.has(r.canonical) || (r.type !== 'person' && r.type !== 'unknown')) continue;
      const first = r.canonical.split(' ', 1)[0]!;
      const g = r.canonical.includes(' ') ? givenGender.get(first) : undefined;
      if (g) this.genders.set(r.canonical, g);
    }
  }

  /** Remembers a speaker used at `pos`. */
  remember(speaker: Speaker, pos: number, phrase: string | null): void {
    let key: string | null = null;
    let head: string | null = null;
    if (phrase && speaker.name && !speaker.mention) {
      key = phrase.toLowerCase().replace(DETERMINERS, '').trim();
      head = headNoun(phrase);
    }
    this.history.push({ speaker, pos, key, head });
  }

  /** The most recent speaker, if any. */
  last(): Speaker | null {
    return this.history.length ? this.history[this.history.length - 1]!.speaker : null;
  }

  /** Records a gender learned from a pronoun ("Schlegelmilch … he said"). */
  learnGender(speaker: Speaker, pronoun: 'm' | 'f'): void {
    if (speaker.name && !this.genders.has(speaker.name)) this.genders.set(speaker.name, pronoun);
  }
  /**
   * Resolves the speaker phrase at `[start, end)`. `sentenceStart` bounds same-sentence antecedents. The
   * first rule of SPEAKER_RULES that gives a speaker wins; the speaker's `rules` holds that rule's id.
   */
  resolve(start: number, end: number, sentenceStart: number): Speaker {
    const c = phraseContext(this.text, this.names, start, end, sentenceStart);
    for (const rule of SPEAKER_RULES) {
      const s = rule.apply(this, c);
      if (s) return { ...s, rules: [rule.id] };
    }
    return unknownSpeaker(); // not reached: the last rule always applies
  }

  /** @internal (SPEAKER_RULES) The issuer last named for a document head ("study" → "University of Lisbon"). */
  issuerOf(head: string): Speaker | undefined {
    return this.documentIssuers.get(head);
  }

  /** @internal (SPEAKER_RULES) Records the body that issued a document ("a study by X"). */
  setIssuer(head: string, speaker: Speaker): void {
    this.documentIssuers.set(head, speaker);
  }

  /** @internal (SPEAKER_RULES) The gender known for a canonical name. */
  genderOf(name: string): 'm' | 'f' | undefined {
    return this.genders.get(name);
  }

  /** @internal (SPEAKER_RULES) True when `pos` lies inside a quotation. */
  quoted(pos: number): boolean {
    return this.inQuote(pos);
  }

  /** @internal (SPEAKER_RULES) The nearest name before `pos` (see NameIndex.before). */
  nameBefore(pos: number, floor: number, ok: (r: NameRef) => boolean): NameRef | null {
    return this.names.before(pos, floor, ok);
  }

  /** @internal (SPEAKER_RULES) The name that the phrase at `[start, end)` is only the tail of. */
  nameCovering(start: number, end: number): NameRef | null {
    return this.names.covering(start, end);
  }

  /** @internal (SPEAKER_RULES) The article text. */
  source(): string {
    return this.text;
  }

  /** A descriptive source; a definite repeat ("the Malian diplomat") reuses the earlier description. */
  descriptive(phrase: string, head: string | null, anonymous: boolean, cue: string | null): Speaker {
    const clean = phrase.replace(/^(?:but|and|so|yet)\s+/i, '').trim();
    if (/^the\s/i.test(clean) && head) {
      const key = clean.toLowerCase().replace(DETERMINERS, '').trim();
      for (let i = this.history.length - 1; i >= 0; i--) {
        const h = this.history[i]!;
        if (!h.key || h.head !== head) continue;
        if (
          h.key === key ||
          h.key.endsWith(key) ||
          h.key.includes(key) ||
          key.split(' ').every((w) => h.key!.includes(w))
        ) {
          return h.speaker;
        }
      }
    }
    const type: SpeakerType =
      head && /s$/.test(head) && head !== 'authorities' ? 'group' : anonymous ? 'person' : 'organization';
    const gender = FEMALE_NOUN.test(clean) ? 'f' : MALE_NOUN.test(clean) ? 'm' : null;
    return { name: clean, anonymous, type, gender, mention: null, anonymityCue: cue };
  }

  /** "he"/"she": a person named earlier in the sentence, else the last compatible speaker or person mention. */
  resolvePerson(g: 'm' | 'f', pos: number, sentenceStart: number): Speaker {
    const okGender = (name: string | null, own: 'm' | 'f' | null): boolean => {
      const known = own ?? (name ? (this.genders.get(name) ?? null) : null);
      return known === null || known === g;
    };
    const isPerson = (r: NameRef): boolean =>
      (r.type === 'person' || r.gender !== null || this.genders.has(r.canonical)) && !this.inQuote(r.start);
    // rule same-sentence-known-gender: in "Sheppard said Roof asked her if she had been shot", a person of
    // the pronoun's known gender beats a nearer one of unknown gender, and an unknown-gender pick teaches
    // no gender: one wrong guess would mislead every later "he"/"she"
    const knownAs = (r: NameRef): 'm' | 'f' | null => r.gender ?? this.genders.get(r.canonical) ?? null;
    const sameKnown = this.names.before(pos, sentenceStart, (r) => isPerson(r) && knownAs(r) === g);
    if (sameKnown) return named(sameKnown);
    const same = this.names.before(pos, sentenceStart, (r) => isPerson(r) && okGender(r.canonical, r.gender));
    if (same) return named(same);
    let lastSpeaker: HistoryItem | null = null;
    for (let i = this.history.length - 1; i >= 0; i--) {
      const h = this.history[i]!;
      if (
        this.personish(h.speaker.type, h.speaker.name, h.speaker.gender) &&
        okGender(h.speaker.name, h.speaker.gender)
      ) {
        lastSpeaker = h;
        break;
      }
    }
    const mention = this.names.before(
      pos,
      Math.max(0, pos - 1500),
      (r) => isPerson(r) && okGender(r.canonical, r.gender),
    );
    // A person introduced after the last speaker is the likelier antecedent; among those, the subject of a
    // recent sentence beats an object ("Anna Berg, the chief executive of Fjord Air, met … She said").
    const subject = this.names.before(
      pos,
      Math.max(0, pos - 400),
      (r) => isPerson(r) && !r.possessive && okGender(r.canonical, r.gender) && this.isSubject(r.start),
    );
    if (subject && (!lastSpeaker || subject.start > lastSpeaker.pos)) return this.gendered(named(subject), g);
    // An unnamed person described earlier in the paragraph ("By 1966, the city's civil defense director
    // found … ''…,'' he said"), when no named person or speaker came after it.
    const described = this.describedPerson(pos);
    if (
      described &&
      (!lastSpeaker || described.start > lastSpeaker.pos) &&
      (!mention || described.start > mention.end)
    ) {
      return this.gendered(this.resolve(described.start, described.end, described.start), g);
    }
    if (mention && (!lastSpeaker || mention.start > lastSpeaker.pos)) {
      // same-sentence-known-gender, across sentences: a nearby person known to be of the pronoun's gender
      // beats a nearer one of unknown gender, who then learns nothing
      if (knownAs(mention) === null) {
        const floor = Math.max(0, pos - 400, lastSpeaker ? lastSpeaker.pos : 0);
        const known = this.names.before(pos, floor, (r) => isPerson(r) && !r.possessive && knownAs(r) === g);
        if (known) return named(known);
        const ls = lastSpeaker?.speaker;
        if (ls && (ls.gender ?? (ls.name ? this.genders.get(ls.name) : undefined)) === g) return ls;
      }
      return this.gendered(named(mention), g);
    }
    if (lastSpeaker) return this.gendered(lastSpeaker.speaker, g);
    if (mention) return this.gendered(named(mention), g);
    return unknownSpeaker();
  }

  /** A person, or a name the entity engine typed otherwise but that carries a gendered title ("Mr. Powell"). */
  private personish(type: SpeakerType, name: string | null, gender: 'm' | 'f' | null): boolean {
    return type === 'person' || type === 'unknown' || gender !== null || (!!name && this.genders.has(name));
  }

  /** The last "the/a … <person role>" phrase in the paragraph before `pos`, outside quotations. */
  private describedPerson(pos: number): { start: number; end: number } | null {
    // This paragraph and the one before it.
    const here = this.text.lastIndexOf('\n', pos);
    const prevBreak = here > 0 ? this.text.lastIndexOf('\n', here - 2) : -1;
    const paraStart = prevBreak + 1;
    const para = this.text.slice(paraStart, pos);
    let found: { start: number; end: number } | null = null;
    DESCRIBED.lastIndex = 0;
    for (let m = DESCRIBED.exec(para); m; m = DESCRIBED.exec(para)) {
      const head = m[1]!.toLowerCase();
      const start = paraStart + m.index;
      if (this.inQuote(start)) continue;
      if (ROLE_NOUNS.get(head) === 'person' || (ANONYMOUS_HEADS.has(head) && !head.endsWith('s'))) {
        found = { start, end: start + m[0].length };
      }
    }
    return found;
  }

  /**
   * True when the name at `pos` is its sentence's subject: it opens the sentence, or follows a short fronted
   * phrase ("After the hearing, Judge Ruth Adler met …", "For four decades, Morag Bain delivered …") or the
   * possessive phrase it stands in apposition to ("Ochoa-Grant's mother, Lucía Ochoa, read …").
   */
  private isSubject(pos: number): boolean {
    if (this.opensSentence(pos)) return true;
    const before = this.text.slice(Math.max(0, pos - 90), pos);
    return /(?:^|[.!?]["\u201d\u2019]?\s+|\n[^\S\n]*)(?:[\p{L}\p{N}'\u2019-]+\s+){0,5}[\p{L}\p{N}'\u2019-]+,\s+(?:\p{Lu}[\p{L}.'\u2019-]*\s+){0,3}$/u.test(
      before,
    );
  }

  /** True when the name at `pos` starts its sentence (after at most a few capitalized title words). */
  private opensSentence(pos: number): boolean {
    const before = this.text.slice(Math.max(0, pos - 60), pos);
    return /(?:^|[.!?]["\u201d\u2019]?\s+|\n[^\S\n]*)(?:\p{Lu}[\p{L}.'\u2019-]*\s+){0,4}$/u.test(before) || pos === 0;
  }

  private gendered(s: Speaker, g: 'm' | 'f'): Speaker {
    this.learnGender(s, g);
    return s;
  }

  /** "it": the last organization/place speaker or mention. */
  resolveThing(pos: number): Speaker {
    let lastSpeaker: HistoryItem | null = null;
    for (let i = this.history.length - 1; i >= 0; i--) {
      const h = this.history[i]!;
      if (h.speaker.type === 'organization' || h.speaker.type === 'place') {
        lastSpeaker = h;
        break;
      }
    }
    const mention = this.names.before(
      pos,
      Math.max(0, pos - 600),
      (r) => (r.type === 'organization' || r.type === 'place') && !this.inQuote(r.start) && !r.possessive,
    );
    if (lastSpeaker && (!mention || lastSpeaker.pos > mention.start - 400)) return lastSpeaker.speaker;
    if (mention) return named(mention);
    return lastSpeaker?.speaker ?? unknownSpeaker();
  }

  /** "they": the last group or organization speaker. */
  resolveGroup(): Speaker {
    for (let i = this.history.length - 1; i >= 0; i--) {
      const h = this.history[i]!;
      if (h.speaker.type === 'group' || h.speaker.type === 'organization') return h.speaker;
    }
    return unknownSpeaker();
  }

  /** "the president" → the person last introduced with that title; "the company" → the last organization. */
  resolveRole(head: string, type: EntityType, pos: number): Speaker | null {
    return type === 'person' ? this.resolvePersonRole(head, pos) : this.resolveBodyRole(head, type, pos);
  }

  /** "the minister": the person introduced with that title or appositive role. */
  private resolvePersonRole(head: string, pos: number): Speaker | null {
    // The nearest person introduced with that title ("Mining Minister X") or that appositive role
    // ("X, the agriculture minister,").
    const apposRole = new RegExp(
      `^,\\s+(?:(?:the|a|an|its|his|her|their)\\s*)?(?:[\\p{L}'\u2019-]+\\s+){0,4}?${head}\\b`,
      'iu',
    );
    const titled = this.names.before(
      pos,
      Math.max(0, pos - 6000),
      (r) =>
        r.type !== 'organization' &&
        r.type !== 'place' &&
        !r.possessive &&
        ((r.role !== null && (r.role === head || ROLE_EQUIVALENTS.get(r.role) === head)) ||
          (r.type === 'person' && apposRole.test(this.text.slice(r.end, r.end + 80)))) &&
        !this.inQuote(r.start),
    );
    if (titled) return named(titled);
    // An appositive role: "Jake Frith, special agent for …" — look for the role word right after a name.
    for (let i = this.history.length - 1; i >= 0; i--) {
      const h = this.history[i]!;
      if (h.speaker.mention && h.speaker.type === 'person') {
        const around = this.text.slice(h.speaker.mention.end, h.speaker.mention.end + 80).toLowerCase();
        if (around.includes(head)) return h.speaker;
      }
    }
    return null;
  }

  /** "the company", "the union": the organization (or place) the passage is about. */
  private resolveBodyRole(head: string, type: EntityType, pos: number): Speaker | null {
    const want = (s: SpeakerType): boolean => s === type || (type === 'organization' && s === 'unknown');
    // The organization the passage is about: most mentioned in the preceding stretch, a recent speaker
    // counting half a mention extra; ties go to the most recent.
    let spoke: HistoryItem | null = null;
    for (let i = this.history.length - 1; i >= 0; i--) {
      const h = this.history[i]!;
      if (!h.speaker.anonymous && h.speaker.name && want(h.speaker.type)) {
        spoke = h;
        break;
      }
    }
    const score = new Map<string, { n: number; last: number; ref: NameRef | null }>();
    const floor = Math.max(0, pos - 2500);
    // The publication reporting the story is not "the union" or "the company" it reports on.
    const media = !MEDIA_ROLES.has(head);
    this.names.before(pos, floor, (r) => {
      if (
        r.type === type &&
        !r.possessive &&
        !this.inQuote(r.start) &&
        !(media && MEDIA_NAME.test(r.canonical)) &&
        !(BUSINESS_ROLES.has(head) && NOT_A_BUSINESS.test(r.canonical))
      ) {
        const e = score.get(r.canonical) ?? { n: 0, last: r.start, ref: r };
        e.n++;
        score.set(r.canonical, e);
      }
      return false; // visit every ref in the window
    });
    if (spoke && media && spoke.speaker.name && MEDIA_NAME.test(spoke.speaker.name)) spoke = null;
    if (spoke && BUSINESS_ROLES.has(head) && NOT_A_BUSINESS.test(spoke.speaker.name ?? '')) spoke = null;
    if (spoke && spoke.speaker.name && pos - spoke.pos < 2500) {
      const e = score.get(spoke.speaker.name) ?? { n: 0, last: spoke.pos, ref: null };
      e.n += 0.5;
      e.last = Math.max(e.last, spoke.pos);
      score.set(spoke.speaker.name, e);
    }
    // "the council" prefers an organization called "… Council".
    for (const [name, e] of score) if (new RegExp(`\\b${head}\\b`, 'i').test(name)) e.n += 2;
    let best: [string, { n: number; last: number; ref: NameRef | null }] | null = null;
    for (const entry of score) {
      if (!best || entry[1].n > best[1].n || (entry[1].n === best[1].n && entry[1].last > best[1].last)) best = entry;
    }
    if (best) {
      if (spoke && spoke.speaker.name === best[0]) return spoke.speaker;
      if (best[1].ref) return named(best[1].ref);
    }
    return spoke?.speaker ?? null;
  }
}

/** `speaker` with the id of one more rule that chose it, before the ones already recorded. */
export function via(speaker: Speaker, rule: string): Speaker {
  return { ...speaker, rules: [rule, ...(speaker.rules ?? [])] };
}

/** The speaker named by a name occurrence. */
export function speakerFromRef(r: NameRef): Speaker {
  return named(r);
}

function named(r: NameRef): Speaker {
  return {
    name: r.canonical,
    anonymous: false,
    type: r.type,
    gender: r.gender,
    mention: { start: r.start, end: r.end, text: '' },
    anonymityCue: null,
  };
}

/**
 * A phrase that cannot be a speaker: no letters ("942"), a lone adverb ("effectively"), or a head that is
 * a quantity (NON_SPEAKER_HEADS: "The total confirmed …").
 */
function isNotASpeaker(phrase: string, head: string | null): boolean {
  const words = phrase.trim().split(/\s+/);
  if (!/\p{L}/u.test(phrase)) return true;
  if (words.length === 1 && /^\p{Ll}+ly$/u.test(words[0]!)) return true;
  return head !== null && NON_SPEAKER_HEADS.has(head.toLowerCase());
}

function unknownSpeaker(): Speaker {
  return { name: null, anonymous: false, type: 'unknown', gender: null, mention: null, anonymityCue: null };
}

/** Words that end the head of a noun phrase: its prepositional or participial modifiers start there. */
const HEAD_CUT =
  /\s(?:of|for|at|in|with|from|on|to|by|close|familiar|seen|cited|quoted|briefed|involved|who|which|that|representing|\p{Ll}+ing)\b|,/iu;

/** Offset of the last word of `core`, a phrase already cut before its modifiers. */
function coreHeadStart(core: string): number {
  // starts only at a word start: the leftmost match always did, and no letter run is rescanned
  const m = /(?<!\p{L})\p{L}+(?:['\u2019]\p{L}+)?[^\p{L}]*$/u.exec(core);
  return m ? m.index : 0;
}

/**
 * Offset of the first HEAD_CUT match in `phrase`. With the names inside the phrase (`refs`, text offsets;
 * `at` is the phrase's text offset), a match inside a name does not count: the "of" of "American
 * Federation of Teachers President Dana Reyes" is part of a name, not the start of the head's modifiers.
 */
function headCutOffset(phrase: string, refs: readonly NameRef[] = [], at = 0): number {
  const cut = new RegExp(HEAD_CUT.source, 'giu');
  // only a name that modifies a later head hides its "of"; a name ending the phrase is its own head
  const modifiers = refs.filter((r) => r.end < at + phrase.length);
  for (let m = cut.exec(phrase); m; m = cut.exec(phrase)) {
    const pos = at + m.index + 1;
    if (!modifiers.some((r) => r.start <= pos && pos < r.end)) return m.index;
  }
  return phrase.length;
}

/** The lower-cased head noun of a speaker phrase: the last word before its first modifier. */
export function headNoun(phrase: string): string | null {
  return coreHead(phrase.slice(0, headCutOffset(phrase)));
}

/** The lower-cased last word of `core`, a phrase already cut before its modifiers. */
function coreHead(core: string): string | null {
  const words = core.match(/[\p{L}]+(?:['\u2019][\p{L}]+)?/gu);
  if (!words || !words.length) return null;
  return words[words.length - 1]!.toLowerCase().replace(/['\u2019]s$/, '');
}

/** The first anonymity cue in `s`, or null. */
export function anonymityCue(s: string): string | null {
  for (const re of ANONYMITY_CUES) {
    const m = re.exec(s);
    if (m) return m[0];
  }
  return null;
}

// ---------------------------------------------------------------------------------------------------------
// Speaker rules: an ordered list, first match wins

/** What a speaker rule sees: the phrase and its parts, computed once per `resolve` call. */
interface PhraseContext {
  start: number;
  end: number;
  sentenceStart: number;
  /** The phrase as written, trimmed, and lower-cased. */
  phrase: string;
  lower: string;
  /** The anonymity cue inside the phrase ("a senior official speaking on condition of anonymity"). */
  cue: string | null;
  /** Names lying inside the phrase. */
  refs: NameRef[];
  /** Offset in `phrase` where the head's modifiers start ("of", "at", ","), and the head noun itself. */
  headCut: number;
  head: string | null;
  /** Text offset of the head word. */
  headStart: number;
  /** The head is an unnamed-source noun ("official", "diplomat", "sources"). */
  anonHead: boolean;
}

function phraseContext(
  text: string,
  names: NameIndex,
  start: number,
  end: number,
  sentenceStart: number,
): PhraseContext {
  const phrase = text.slice(start, end).trim();
  // "J. David Cox Sr.": the word scanner leaves an abbreviation's dot outside the phrase; the name keeps it
  const refs = names.inRange(start, text[end] === '.' ? end + 1 : end);
  const lead = start + (text.slice(start, end).length - text.slice(start, end).trimStart().length);
  const headCut = headCutOffset(phrase, refs, lead);
  const head = coreHead(phrase.slice(0, headCut));
  return {
    start,
    end,
    sentenceStart,
    phrase,
    lower: phrase.toLowerCase(),
    cue: anonymityCue(phrase),
    refs,
    headCut,
    head,
    headStart: lead + coreHeadStart(phrase.slice(0, headCut)),
    anonHead: head !== null && ANONYMOUS_HEADS.has(head),
  };
}

/** A speaker rule: its id (`quote.speaker.resolve.*`), an example, and the speaker it gives (null: no match). */
export interface SpeakerRule {
  id: string;
  example: string;
  apply(r: SpeakerResolver, c: PhraseContext): Speaker | null;
}

/** A named person before the head's modifiers, not a possessive, not merely modifying an unnamed head. */
function personRefOf(c: PhraseContext): NameRef | null {
  let personRef: NameRef | null = null;
  for (const r of c.refs) {
    if ((r.type === 'person' || r.type === 'unknown') && !r.possessive && r.start - c.start < c.headCut) {
      if (c.anonHead && r.end <= c.headStart) continue;
      // a sentence-initial common noun the name finder took for a name ("Figures from the office said")
      if (r.type === 'unknown' && DOCUMENT_HEADS.has(lwOf(r.canonical))) continue;
      personRef = r;
    }
  }
  return personRef;
}

/** "the study", "this report": a definite document with no name inside. */
const definiteDocument = (c: PhraseContext): boolean =>
  !c.refs.length && !!c.head && DOCUMENT_HEADS.has(c.head) && /^(?:the|this)\s/i.test(c.phrase);

/** The first possessive name in the phrase ("the AG's office"), when no other name is in it. */
const soleOwner = (c: PhraseContext): NameRef | null => {
  const owner = c.refs.find((r) => r.possessive);
  return owner && !c.refs.some((r) => !r.possessive) ? owner : null;
};

/** A name at or before the head that speaks for itself ("Reuters", "the US State Department spokesman"). */
const orgRefOf = (c: PhraseContext): NameRef | undefined =>
  c.refs.find((r) => (!r.possessive || c.refs.length === 1) && r.start - c.start < c.headCut);

const RESOLVE = 'quote.speaker.resolve.';

/** An indefinite determiner or a number opening a phrase: it introduces someone not named. */
const INDEFINITE_LEAD = /^(?:a|an|one|another|two|three|four|five|several|some|many|few|a few|other|\d+)\s/i;

/** The speaker rules, in order: the first that gives a speaker wins. */
export const SPEAKER_RULES: readonly SpeakerRule[] = [
  {
    id: RESOLVE + 'pronoun-person',
    example: '"…," she said → the last compatible person',
    apply: (r, c) =>
      /^(he|she)$/.test(c.lower) ? r.resolvePerson(c.lower === 'he' ? 'm' : 'f', c.start, c.sentenceStart) : null,
  },
  {
    id: RESOLVE + 'pronoun-it',
    example: 'it said → the last organization or place',
    apply: (r, c) => (c.lower === 'it' ? r.resolveThing(c.start) : null),
  },
  {
    id: RESOLVE + 'pronoun-group',
    example: 'they said → the last group or organization',
    apply: (r, c) => (c.lower === 'they' || c.lower === 'we' ? r.resolveGroup() : null),
  },
  {
    id: RESOLVE + 'pronoun-i',
    example: '"I disagree," I said → the last speaker',
    apply: (r, c) => (c.lower === 'i' ? (r.last() ?? unknownSpeaker()) : null),
  },
  {
    // the subject finder stops at a lower-case word inside a name; the name found around it is the speaker
    id: RESOLVE + 'tail-of-name',
    example: 'the Joint Committee on Intelligence and Security has pointed out → the committee, not "Security"',
    apply: (r, c) => {
      if (c.refs.length) return null;
      const whole = r.nameCovering(c.start, c.end);
      return whole && whole.type !== 'person' ? named(whole) : null;
    },
  },
  {
    // a capitalized sentence-opening adjective the name finder took for a name, modifying a lower-case head
    id: RESOLVE + 'capitalized-modifier',
    example: 'Local media reported → unnamed: "Local media"',
    apply: (r, c) => {
      const lead = c.refs[0];
      const hit =
        lead &&
        lead.type === 'unknown' &&
        lead.start === c.start &&
        !/\s/.test(lead.canonical) &&
        c.head &&
        c.headStart > lead.end &&
        /^\s+\p{Ll}+$/u.test(r.source().slice(lead.end, c.headStart + c.head.length)) &&
        !INSTITUTION_HEADS.has(c.head) &&
        !ROLE_NOUNS.has(c.head);
      return hit ? r.descriptive(c.phrase, c.head, true, c.cue) : null;
    },
  },
  {
    // rule party-descriptor: a party member introduced with an indefinite determiner or a number is an
    // unnamed source, whatever place, chamber or rank comes between; "Georgia Republican" is no name
    id: RESOLVE + 'party-descriptor',
    example: 'one Arizona Democrat said → unnamed: "One Arizona Democrat"',
    apply: (r, c) =>
      c.head &&
      PARTY_MEMBER_NOUNS.has(c.head) &&
      INDEFINITE_LEAD.test(c.phrase) &&
      c.phrase.slice(0, c.headCut).split(/\s+/).length <= 5
        ? r.descriptive(c.phrase, c.head, true, c.cue)
        : null,
  },
  {
    // rule title-only-speaker: a name made of a place and a title is the person introduced with that title
    id: RESOLVE + 'title-holder',
    example: 'the US President said → "US President Dana Reyes"',
    apply: (r, c) => {
      const p = personRefOf(c);
      const last = p?.canonical.split(' ').pop()!.toLowerCase() ?? '';
      if (!p || !p.canonical.includes(' ') || !TITLES.has(last) || TITLES.get(last) !== null) return null;
      const holder = r.resolveRole(last, 'person', c.start);
      return holder && holder.name !== p.canonical ? holder : null;
    },
  },
  {
    id: RESOLVE + 'named-person',
    example: 'Nick Checker, the US envoy, said → Nick Checker',
    apply: (_r, c) => {
      const p = personRefOf(c);
      return p ? named(p) : null;
    },
  },
  {
    // authorship only: "a study by X", "a report published in X" — not "a memo seen by Reuters"
    id: RESOLVE + 'document-author',
    example: 'A study by the University of Lisbon reported → University of Lisbon',
    apply: (r, c) => {
      if (!c.head || !DOCUMENT_HEADS.has(c.head) || !c.refs.length) return null;
      const headEnd = c.headStart + c.head.length;
      const by = c.refs.find(
        (n) =>
          !n.possessive &&
          n.type !== 'person' &&
          n.start >= headEnd &&
          ISSUER_LINK.test(r.source().slice(headEnd, n.start)),
      );
      if (!by) return null;
      r.setIssuer(c.head, named(by));
      return named(by);
    },
  },
  {
    // rule named-document: a document tied to a named body or law is on the record, though no entity was found
    id: RESOLVE + 'named-document',
    example: 'the explanatory notes of the Transit Bill say → on the record',
    apply: (r, c) => {
      const h = c.head;
      const docHead = h && (DOCUMENT_HEADS.has(h) || DOCUMENT_HEADS.has(h.replace(/s$/, '')) || h === 'notes');
      return docHead && /\s(?:of|from)\s+(?:the\s+)?\p{Lu}/u.test(c.phrase.slice(c.headCut))
        ? r.descriptive(c.phrase, h, false, null)
        : null;
    },
  },
  {
    id: RESOLVE + 'document-known-issuer',
    example: 'A study by X found … The study said → X',
    apply: (r, c) => (definiteDocument(c) ? (r.issuerOf(c.head!) ?? null) : null),
  },
  {
    // rule document-speaker: a document the article introduced earlier speaks itself, on the record
    id: RESOLVE + 'document-introduced',
    example: 'the group sent a letter … The letter said → "The letter"',
    apply: (r, c) => {
      if (!definiteDocument(c)) return null;
      const intro = new RegExp(`\\b(?:a|an)\\s+(?:[\\p{L}-]+\\s+){0,3}?${c.head}\\b`, 'iu');
      const before = r.source().slice(Math.max(0, c.start - 3000), c.start);
      return intro.test(before) ? r.descriptive(c.phrase, c.head, false, null) : null;
    },
  },
  {
    // a document never introduced by its own noun speaks for the organization the passage is about
    id: RESOLVE + 'document-issuer',
    example: 'published a request for proposals … The solicitation notes → the agency',
    apply: (r, c) => {
      if (!definiteDocument(c)) return null;
      const issuer = r.resolveRole('organization', 'organization', c.start);
      return issuer && issuer.name ? { ...issuer, anonymityCue: null } : null;
    },
  },
  {
    // (\S.* or one last blank: what `\s+(.+)$` matched, without \s+ and .+ trading white space)
    id: RESOLVE + 'possessive-aide',
    example: 'his spokesman said → unnamed: "Morgan Tsvangirai\'s spokesman"',
    apply: (r, c) => {
      const poss = /^(his|her|their|its)\s+(\S.*|[^\S\n\r\u2028\u2029])$/i.exec(c.phrase);
      if (!poss || !c.head || !ANONYMOUS_HEADS.has(c.head)) return null;
      const pron = poss[1]!.toLowerCase();
      const owner =
        pron === 'its'
          ? r.resolveThing(c.start)
          : r.resolvePerson(pron === 'her' ? 'f' : 'm', c.start, c.sentenceStart);
      const name = owner.name && !owner.anonymous ? `${owner.name}'s ${poss[2]}` : c.phrase;
      return { name, anonymous: true, type: 'person', gender: null, mention: null, anonymityCue: c.cue };
    },
  },
  {
    id: RESOLVE + 'definite-role',
    example: 'the minister said → the person introduced as minister',
    apply: (r, c) =>
      c.head &&
      ROLE_NOUNS.get(c.head) === 'person' &&
      !c.refs.length &&
      new RegExp(`^the\\s+${c.head}$`, 'i').test(c.phrase)
        ? r.resolveRole(c.head, 'person', c.start)
        : null,
  },
  {
    // rule definite-role-salient: a definite singular person role with no title match refers to the person
    // the passage is about; a country before the role only says whose role it is
    id: RESOLVE + 'definite-role-salient',
    example: 'The first lady suggested … → the nearest named person of that gender',
    apply: (r, c) => {
      const h = c.head;
      if (
        !h ||
        !c.refs.every((n) => n.type === 'place' && !n.possessive) ||
        c.anonHead ||
        !(ROLE_NOUNS.get(h) === 'person' || TITLES.has(h)) ||
        !new RegExp(`^(?:the\\s+)?(?:[\\p{L}.]+\\s+)?${h}$`, 'iu').test(c.phrase) ||
        !(/^the\s/i.test(c.phrase) || c.refs.length > 0)
      ) {
        return null;
      }
      const titled = c.refs.length ? r.resolveRole(h, 'person', c.start) : null;
      if (titled) return titled;
      const g = FEMALE_NOUN.test(c.phrase) ? 'f' : MALE_NOUN.test(c.phrase) ? 'm' : null;
      const near = r.nameBefore(
        c.start,
        Math.max(0, c.start - 1500),
        (n) =>
          n.type === 'person' &&
          !n.possessive &&
          !r.quoted(n.start) &&
          (g === null || (n.gender ?? r.genderOf(n.canonical) ?? g) === g),
      );
      return near ? named(near) : null;
    },
  },
  {
    id: RESOLVE + 'study-authors',
    example: 'the authors wrote → on the record: "the authors"',
    apply: (r, c) =>
      c.head && /^authors?$/.test(c.head) && /^the\s/i.test(c.phrase)
        ? r.descriptive(c.phrase, c.head, false, c.cue)
        : null,
  },
  {
    id: RESOLVE + 'anonymous-head',
    example: 'a Malian diplomat said → unnamed: "A Malian diplomat"',
    apply: (r, c) => (c.anonHead ? r.descriptive(c.phrase, c.head, true, c.cue) : null),
  },
  {
    id: RESOLVE + 'institution-office',
    example: 'the AG\'s office said → on the record: "Attorney General\'s office"',
    apply: (r, c) => {
      const owner = soleOwner(c);
      if (!owner || !c.head || !INSTITUTION_HEADS.has(c.head)) return null;
      const rest = r
        .source()
        .slice(owner.end, c.end)
        .replace(/^['\u2019]s?\s*/, '');
      return { ...named(owner), name: `${owner.canonical}'s ${rest}`.trim(), type: 'organization' };
    },
  },
  {
    id: RESOLVE + 'owned-role',
    example: 'the BMA\'s deputy chair said → unnamed: "the BMA\'s deputy chair"',
    apply: (r, c) =>
      soleOwner(c) && c.head && ROLE_NOUNS.get(c.head) === 'person'
        ? r.descriptive(c.phrase, c.head, true, c.cue)
        : null,
  },
  {
    id: RESOLVE + 'name-modifies-unnamed',
    example: 'One senior Labour figure said → unnamed',
    apply: (r, c) => {
      const orgRef = orgRefOf(c);
      const h = c.head;
      const hit =
        !!orgRef &&
        !!h &&
        orgRef.end <= c.headStart &&
        /^(?:a|an|one|another|two|three|four|several|some)\s/i.test(c.phrase) &&
        !INSTITUTION_HEADS.has(h) &&
        !ROLE_NOUNS.has(h) &&
        /^\p{Ll}/u.test(r.source().slice(c.headStart, c.headStart + 1));
      return hit ? r.descriptive(c.phrase, h, true, c.cue) : null;
    },
  },
  {
    // only a name at or before the head speaks; "a doctor at Al-Nao hospital" names a place, not the speaker
    id: RESOLVE + 'named-body',
    example: 'the US Bureau of African Affairs said → US Bureau of African Affairs',
    apply: (_r, c) => {
      const orgRef = orgRefOf(c);
      return orgRef && !(c.head && ANONYMOUS_HEADS.has(c.head)) ? named(orgRef) : null;
    },
  },
  {
    id: RESOLVE + 'named-institution',
    example: 'a police department in Ohio said → the named body',
    apply: (_r, c) =>
      c.refs.length && c.head && INSTITUTION_HEADS.has(c.head) ? named(c.refs[c.refs.length - 1]!) : null,
  },
  {
    // role nouns refer back; so does a definite agent noun that is not a person's role ("the retailer");
    // an organization role only when bare: "the health ministry" is itself a description
    id: RESOLVE + 'role-back',
    example: 'the company said → the organization the passage is about',
    apply: (r, c) => {
      const h = c.head;
      if (!h || !/^the\s/i.test(c.phrase)) return null;
      const agentNoun =
        /^(?:the|this)\s/i.test(c.phrase) &&
        /(?:er|or)$/.test(h) &&
        !ANONYMOUS_HEADS.has(h) &&
        !ROLE_NOUNS.has(h) &&
        !TITLES.has(h) &&
        !PERSON_AGENT.test(h);
      const bareRole = new RegExp(`^the\\s+${h}$`, 'i').test(c.phrase.trim());
      const orgRole = ROLE_NOUNS.get(h) !== 'person';
      if (!(ROLE_NOUNS.has(h) || agentNoun) || (orgRole && !bareRole)) return null;
      return r.resolveRole(h, ROLE_NOUNS.get(h) ?? 'organization', c.start);
    },
  },
  {
    id: RESOLVE + 'unnamed-document',
    example: 'according to an official statement → unnamed',
    apply: (r, c) =>
      c.head && DOCUMENT_HEADS.has(c.head) && !c.refs.length && /^(?:an?|one)\s/i.test(c.phrase)
        ? r.descriptive(c.phrase, c.head, true, c.cue)
        : null,
  },
  {
    id: RESOLVE + 'institution',
    example: 'the ministry said → on the record: "the ministry"',
    apply: (r, c) => (c.head && INSTITUTION_HEADS.has(c.head) ? r.descriptive(c.phrase, c.head, false, c.cue) : null),
  },
  {
    id: RESOLVE + 'not-a-speaker',
    example: 'The total confirmed … → no speaker',
    apply: (_r, c) => (!c.refs.length && isNotASpeaker(c.phrase, c.head) ? unknownSpeaker() : null),
  },
  {
    // a capitalized common noun opening a sentence, also written in lower case elsewhere
    id: RESOLVE + 'capitalized-common-noun',
    example: 'Economists say → unnamed: "Economists"',
    apply: (r, c) => {
      const bare = c.phrase.replace(DETERMINERS, '');
      return /^\p{Lu}\p{Ll}+$/u.test(bare) && r.source().includes(` ${bare.toLowerCase()}`)
        ? r.descriptive(c.phrase, c.head, true, c.cue)
        : null;
    },
  },
  {
    id: RESOLVE + 'bare-proper-name',
    example: 'DePaul said → "DePaul" (a name the name finder missed)',
    apply: (_r, c) => {
      const bare = c.phrase.replace(DETERMINERS, '');
      return /^\p{Lu}[\p{L}'\u2019.-]*(?:\s\p{Lu}[\p{L}'\u2019.-]*)*\s?$/u.test(bare) &&
        !/^(?:Both|All|Some|Many|Most|Several|Few|Those|These|Others)\b/.test(bare)
        ? { name: bare, anonymous: false, type: 'unknown', gender: null, mention: null, anonymityCue: null }
        : null;
    },
  },
  {
    id: RESOLVE + 'description',
    example: 'a mother of five said → unnamed: "a mother of five"',
    apply: (r, c) => r.descriptive(c.phrase, c.head, true, c.cue),
  },
];
