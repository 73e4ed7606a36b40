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
import { lexicon } from './lexicons/gazetteer';
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

const ORG_HEADS = new Set(
  (
    'department office bureau agency ministry university college school union council committee commission ' +
    'company corporation corp inc ltd llc group party army navy force forces police court embassy bank ' +
    'airlines airline airways services service institute center centre foundation association organization ' +
    'organisation times post news journal press network channel house congress parliament senate assembly ' +
    'command guard fund board authority administration media club church hospital'
  ).split(' '),
);

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

/** Documents that speak for their issuer ("the report said"). */
const DOCUMENT_HEADS = new Set(
  'report statement solicitation document filing memo study survey letter release notice proposal complaint lawsuit indictment transcript'.split(
    ' ',
  ),
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
    let lo = 0;
    let hi = this.starts.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.starts[mid]! < pos) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /** Refs lying entirely inside `[start, end)`. */
  inRange(start: number, end: number): NameRef[] {
    const out: NameRef[] = [];
    for (let i = this.lowerBound(start); i < this.refs.length && this.refs[i]!.start < end; i++) {
      if (this.refs[i]!.end <= end) out.push(this.refs[i]!);
    }
    return out;
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
  // Names inside bylines and credits are left out: the author is never a speaker or an antecedent.
  const sortedSkip = [...skip].sort((a, b) => a.start - b.start);
  const skipped = (pos: number): boolean => {
    let lo = 0;
    let hi = sortedSkip.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (sortedSkip[mid]!.start <= pos) lo = mid + 1;
      else hi = mid;
    }
    const s = sortedSkip[lo - 1];
    return !!s && pos < s.end;
  };
  const covered: Array<[number, number]> = [];
  for (const e of entities) {
    for (const m of e.mentions) {
      refs.push(makeRef(text, m.start, m.end, e.text, e.type));
      covered.push([m.start, m.end]);
    }
  }
  covered.sort((a, b) => a[0] - b[0]);
  const isCovered = (s: number, e: number): boolean => {
    let lo = 0;
    let hi = covered.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (covered[mid]![1] <= s) lo = mid + 1;
      else hi = mid;
    }
    // Sorted by start; a few neighbours suffice because mentions rarely nest deeply.
    for (let i = Math.max(0, lo - 3); i < covered.length && covered[i]![0] < e; i++) {
      if (covered[i]![1] > s) return true;
    }
    return false;
  };
  const raw = fallbackNames(text);
  const fallback = raw
    .filter((f) => !f.name.startsWith('\u0000'))
    .map((f) => (f.name.startsWith('\u0000') ? { ...f, name: f.name.slice(1) } : f))
    .filter((f) => !isCovered(f.start, f.end));
  // Canonicalize fallback names: a lone surname or short form takes the fullest name sharing its last
  // (person) or first (organization) word.
  const full = new Map<string, string>();
  const firstFull = new Map<string, string>();
  for (const f of fallback) {
    const words = f.name.split(' ');
    const last = words[words.length - 1]!;
    const prev = full.get(last);
    if (!prev || prev.split(' ').length < words.length) full.set(last, f.name);
    const first = words[0]!;
    const pf = firstFull.get(first);
    if (!pf || pf.split(' ').length < words.length) firstFull.set(first, f.name);
  }
  // Entity names also serve as targets for short fallback forms.
  const orgFirst = new Map<string, string | null>();
  for (const e of entities) {
    const words = e.text.split(' ');
    const last = words[words.length - 1]!;
    if (e.type === 'person') full.set(last, e.text);
    // "American" for "American Airlines": only when one organization starts with the word.
    if (e.type === 'organization' && words.length > 1) orgFirst.set(words[0]!, orgFirst.has(words[0]!) ? null : e.text);
  }
  for (const [w, name] of orgFirst) {
    if (name && (!firstFull.has(w) || !firstFull.get(w)!.includes(' '))) firstFull.set(w, name);
  }
  // Types of full names, and acronyms of multi-word names ("SEIU", "DOT").
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
  for (const f of fallback) {
    const words = f.name.split(' ');
    let canonical = full.get(words[words.length - 1]!) ?? f.name;
    if (words.length === 1 && canonical === f.name) canonical = firstFull.get(words[0]!) ?? f.name;
    if (words.length === 1 && /^\p{Lu}{2,}$/u.test(f.name) && initials.has(f.name)) canonical = initials.get(f.name)!;
    let type = f.type;
    if (canonical !== f.name && type === 'unknown') type = typeOf.get(canonical) ?? type;
    const ref = makeRef(text, f.start, f.end, canonical, type);
    if (f.gender) ref.gender = f.gender;
    refs.push(ref);
  }
  return new NameIndex(skip.length ? refs.filter((r) => !skipped(r.start)) : refs, asides);
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
    const tokens: Array<{ s: number; e: number; w: string }> = [];
    WORD.lastIndex = 0;
    for (let t = WORD.exec(m[0]); t; t = WORD.exec(m[0])) {
      tokens.push({ s: m.index + t.index, e: m.index + t.index + t[0].length, w: t[0] });
    }
    const runEnd = m.index + m[0].length;
    NEXT_WORD.lastIndex = runEnd;
    const nm = NEXT_WORD.exec(text);
    const nextTok = nm ? { s: runEnd + nm[0].length - nm[1]!.length, e: runEnd + nm[0].length, w: nm[1]! } : undefined;
    let words = tokens;
    let gender: 'm' | 'f' | null = null;
    let titled = false;
    // "Facebook CEO Mark Zuckerberg": a title inside the run separates an organization from a person.
    for (let t = words.length - 2; t >= 1; t--) {
      if (TITLES.has(words[t]!.w.toLowerCase()) && !TITLES.has(words[t - 1]!.w.toLowerCase())) {
        const org = words.slice(0, t);
        const first = org[0]!;
        if (!NOT_NAMES.has(first.w.toLowerCase())) {
          out.push({
            start: first.s,
            end: org[org.length - 1]!.e,
            name: text.slice(first.s, org[org.length - 1]!.e),
            type: 'unknown',
            gender: null,
          });
        }
        words = words.slice(t);
        break;
      }
    }
    // Drop leading function words and titles.
    while (words.length && (NOT_NAMES.has(words[0]!.w.toLowerCase()) || TITLES.has(words[0]!.w.toLowerCase()))) {
      const t = TITLES.get(words[0]!.w.toLowerCase());
      if (TITLES.has(words[0]!.w.toLowerCase())) titled = true;
      if (t) gender = t;
      words = words.slice(1);
    }
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
   * Resolves the speaker phrase at `[start, end)`. `sentenceStart` bounds same-sentence antecedents.
   */
  resolve(start: number, end: number, sentenceStart: number): Speaker {
    const phrase = this.text.slice(start, end).trim();
    const lower = phrase.toLowerCase();
    const cue = anonymityCue(phrase);
    // Pronouns.
    if (/^(he|she)$/.test(lower)) return this.resolvePerson(lower === 'he' ? 'm' : 'f', start, sentenceStart);
    if (lower === 'it') return this.resolveThing(start);
    if (lower === 'they' || lower === 'we') return this.resolveGroup();
    if (lower === 'i') return this.last() ?? unknownSpeaker();

    const refs = this.names.inRange(start, end);
    const headCut = headCutOffset(phrase);
    const head = headNoun(phrase);
    const headStart = start + headWordStart(phrase);
    const anonHead = head !== null && ANONYMOUS_HEADS.has(head);
    // "Local media reported": a capitalized sentence-opening adjective the name finder took for a name,
    // modifying a lower-case head noun, is not a name.
    const lead = refs[0];
    if (
      lead &&
      lead.type === 'unknown' &&
      lead.start === start &&
      !/\s/.test(lead.canonical) &&
      head &&
      headStart > lead.end &&
      /^\s+\p{Ll}+$/u.test(this.text.slice(lead.end, headStart + head.length)) &&
      !INSTITUTION_HEADS.has(head) &&
      !ROLE_NOUNS.has(head)
    ) {
      return this.descriptive(phrase, head, true, cue);
    }
    // A named person before the head's modifiers, not a possessive, names the speaker — unless it merely
    // modifies an unnamed head ("a Postal Service spokesman").
    let personRef: NameRef | null = null;
    for (const r of refs) {
      if ((r.type === 'person' || r.type === 'unknown') && !r.possessive && r.start - start < headCut) {
        if (anonHead && r.end <= headStart) continue;
        personRef = r;
      }
    }
    if (personRef) {
      // rule title-only-speaker: "the US President said" — a name made of a place and a title is that
      // title's holder, the person introduced with it ("US President Dana Reyes")
      const last = personRef.canonical.split(' ').pop()!.toLowerCase();
      if (personRef.canonical.includes(' ') && TITLES.has(last) && TITLES.get(last) === null) {
        const holder = this.resolveRole(last, 'person', start);
        if (holder && holder.name !== personRef.canonical) return holder;
      }
      return named(personRef);
    }
    // "The solicitation", "the report": a definite document speaks for the organization that issued it,
    // the one named just before.
    // "A study by the University of Lisbon reported": a document speaks for the body named as its author.
    if (head && DOCUMENT_HEADS.has(head) && refs.length) {
      // Authorship only: "a study by X", "a report published in X" — not "a memo seen by Reuters".
      const headEnd = headStart + head.length;
      const by = refs.find(
        (r) =>
          !r.possessive &&
          r.type !== 'person' &&
          r.start >= headEnd &&
          /^s?\s+(?:(?:issued|published|released|written|prepared|compiled|commissioned|conducted|led)\s+(?:[\p{L}\p{N}]+\s+){0,3})?(?:by|from|of|in)\s+(?:the\s+)?$/iu.test(
            this.text.slice(headEnd, r.start),
          ),
      );
      if (by) {
        this.documentIssuers.set(head, named(by));
        return named(by);
      }
    }
    // rule named-document: "the explanatory notes of the Transit Bill", "a memo from City Hall" — a document
    // tied to a named body or law is on the record, though no entity was found for the name
    const docHead =
      head && (DOCUMENT_HEADS.has(head) || DOCUMENT_HEADS.has(head.replace(/s$/, '')) || head === 'notes');
    if (docHead && /\s(?:of|from)\s+(?:the\s+)?\p{Lu}/u.test(phrase.slice(headCut))) {
      return this.descriptive(phrase, head, false, null);
    }
    if (!refs.length && head && DOCUMENT_HEADS.has(head) && /^(?:the|this)\s/i.test(phrase)) {
      // "the study" after "a study by X": X again.
      const known = this.documentIssuers.get(head);
      if (known) return known;
      // rule document-speaker: a document the article introduced earlier ("the group sent a letter …" → "The
      // letter said …") speaks itself, on the record — not the organization the passage mentions most. One
      // never introduced by its own noun ("published a request for proposals … The solicitation notes") speaks
      // for the organization the passage is about.
      const intro = new RegExp(`\\b(?:a|an)\\s+(?:[\\p{L}-]+\\s+){0,3}?${head}\\b`, 'iu');
      if (intro.test(this.text.slice(Math.max(0, start - 3000), start)))
        return this.descriptive(phrase, head, false, null);
      const issuer = this.resolveRole('organization', 'organization', start);
      if (issuer && issuer.name) return { ...issuer, anonymityCue: null };
    }
    // A possessive spokesman ("Morgan Tsvangirai's spokesman", "his spokesman") is an unnamed source.
    // (\S.* or one last blank: what `\s+(.+)$` matched, without \s+ and .+ trading white space)
    const poss = /^(his|her|their|its)\s+(\S.*|[^\S\n\r\u2028\u2029])$/i.exec(phrase);
    if (poss && head && ANONYMOUS_HEADS.has(head)) {
      const owner =
        poss[1]!.toLowerCase() === 'its'
          ? this.resolveThing(start)
          : this.resolvePerson(poss[1]!.toLowerCase() === 'her' ? 'f' : 'm', start, sentenceStart);
      const name = owner.name && !owner.anonymous ? `${owner.name}'s ${poss[2]}` : phrase;
      return { name, anonymous: true, type: 'person', gender: null, mention: null, anonymityCue: cue };
    }
    // "the minister", "the judge": a definite bare role refers back to the person introduced with it.
    if (head && ROLE_NOUNS.get(head) === 'person' && !refs.length && new RegExp(`^the\\s+${head}$`, 'i').test(phrase)) {
      const back = this.resolveRole(head, 'person', start);
      if (back) return back;
    }
    // rule definite-role-salient: "The first lady suggested …", "the senator added": a definite singular
    // person role with no title match refers to the person the passage is about — the nearest named person
    // before it whose gender agrees — not to an unnamed source.
    // "the US president said": a country before the role only says whose role it is
    if (
      head &&
      refs.every((r) => r.type === 'place' && !r.possessive) &&
      !anonHead &&
      (ROLE_NOUNS.get(head) === 'person' || TITLES.has(head)) &&
      new RegExp(`^(?:the\\s+)?(?:[\\p{L}.]+\\s+)?${head}$`, 'iu').test(phrase) &&
      (/^the\s/i.test(phrase) || refs.length > 0)
    ) {
      const titled = refs.length ? this.resolveRole(head, 'person', start) : null;
      if (titled) return titled;
      const g = FEMALE_NOUN.test(phrase) ? 'f' : MALE_NOUN.test(phrase) ? 'm' : null;
      const near = this.names.before(
        start,
        Math.max(0, start - 1500),
        (r) =>
          r.type === 'person' &&
          !r.possessive &&
          !this.inQuote(r.start) &&
          (g === null || (r.gender ?? this.genders.get(r.canonical) ?? g) === g),
      );
      if (near) return named(near);
    }
    // "the authors" of a published study are named in it: identified, on the record.
    if (head && /^authors?$/.test(head) && /^the\s/i.test(phrase)) return this.descriptive(phrase, head, false, cue);
    if (head && (anonHead || (head.endsWith('s') && ANONYMOUS_HEADS.has(head)))) {
      return this.descriptive(phrase, head, true, cue);
    }
    // "the AG's office": an institution's office speaks for it, on the record.
    const owner = refs.find((r) => r.possessive);
    if (owner && head && INSTITUTION_HEADS.has(head) && !refs.some((r) => !r.possessive)) {
      const rest = this.text.slice(owner.end, end).replace(/^['\u2019]s?\s*/, '');
      return { ...named(owner), name: `${owner.canonical}'s ${rest}`.trim(), type: 'organization' };
    }
    // "the BMA's deputy chair": a person described through an organization, not the organization.
    if (owner && head && ROLE_NOUNS.get(head) === 'person' && !refs.some((r) => !r.possessive)) {
      return this.descriptive(phrase, head, true, cue);
    }
    // A named organization or place that heads the phrase speaks for itself.
    // Only a name at or before the head speaks; "a doctor at Al-Nao hospital" names a place, not the speaker.
    const orgRef = refs.find((r) => (!r.possessive || refs.length === 1) && r.start - start < headCut);
    // "One senior Labour figure", "a Kremlin insider": a name modifying an unnamed person is not the speaker.
    const modifiesUnnamed =
      !!orgRef &&
      !!head &&
      orgRef.end <= headStart &&
      /^(?:a|an|one|another|two|three|four|several|some)\s/i.test(phrase) &&
      !INSTITUTION_HEADS.has(head) &&
      !ROLE_NOUNS.has(head) &&
      /^\p{Ll}/u.test(this.text.slice(headStart, headStart + 1));
    if (modifiesUnnamed) return this.descriptive(phrase, head, true, cue);
    if (orgRef && !(head && ANONYMOUS_HEADS.has(head))) return named(orgRef);
    if (refs.length && head && INSTITUTION_HEADS.has(head)) return named(refs[refs.length - 1]!);
    // Role nouns ("the minister", "the company") refer back; so does a definite agent noun that is not a
    // person's role ("the retailer", "the carmaker", "the regulator").
    const agentNoun =
      head !== null &&
      /^(?:the|this)\s/i.test(phrase) &&
      /(?:er|or)$/.test(head) &&
      !ANONYMOUS_HEADS.has(head) &&
      !ROLE_NOUNS.has(head) &&
      !TITLES.has(head) &&
      !PERSON_AGENT.test(head);
    // An organization role refers back only when bare: "the ministry" does, "the health ministry" is itself
    // a description.
    const bareRole = new RegExp(`^the\\s+${head}$`, 'i').test(phrase.trim());
    const orgRole = ROLE_NOUNS.get(head ?? '') !== 'person';
    if (head && /^the\s/i.test(phrase) && (ROLE_NOUNS.has(head) || agentNoun) && (!orgRole || bareRole)) {
      const back = this.resolveRole(head, ROLE_NOUNS.get(head) ?? 'organization', start);
      if (back) return back;
    }
    // "according to an official statement": a document nobody is named as issuing is an unnamed source.
    if (head && DOCUMENT_HEADS.has(head) && !refs.length && /^(?:an?|one)\s/i.test(phrase)) {
      return this.descriptive(phrase, head, true, cue);
    }
    if (head && INSTITUTION_HEADS.has(head)) return this.descriptive(phrase, head, false, cue);
    if (!refs.length && isNotASpeaker(phrase, head)) return unknownSpeaker();
    // A bare proper name the name finder missed ("Reuters", "DePaul") is a named source — but a capitalized
    // common noun opening a sentence ("Economists say") is not.
    const bare = phrase.replace(DETERMINERS, '');
    if (/^\p{Lu}\p{Ll}+$/u.test(bare) && this.text.includes(` ${bare.toLowerCase()}`)) {
      return this.descriptive(phrase, head, true, cue);
    }
    if (
      /^\p{Lu}[\p{L}'\u2019.-]*(?:\s\p{Lu}[\p{L}'\u2019.-]*)*\s?$/u.test(bare) &&
      !/^(?:Both|All|Some|Many)\b/.test(bare)
    ) {
      return { name: bare, anonymous: false, type: 'unknown', gender: null, mention: null, anonymityCue: null };
    }
    return this.descriptive(phrase, head, true, cue);
  }

  /** A descriptive source; a definite repeat ("the Malian diplomat") reuses the earlier description. */
  private descriptive(phrase: string, head: string | null, anonymous: boolean, cue: string | null): Speaker {
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
  private resolvePerson(g: 'm' | 'f', pos: number, sentenceStart: number): Speaker {
    const okGender = (name: string | null, own: 'm' | 'f' | null): boolean => {
      const known = own ?? (name ? (this.genders.get(name) ?? null) : null);
      return known === null || known === g;
    };
    const isPerson = (r: NameRef): boolean =>
      (r.type === 'person' || r.gender !== null || this.genders.has(r.canonical)) && !this.inQuote(r.start);
    const same = this.names.before(pos, sentenceStart, (r) => isPerson(r) && okGender(r.canonical, r.gender));
    if (same) return this.gendered(named(same), g);
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
  private resolveThing(pos: number): Speaker {
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
  private resolveGroup(): Speaker {
    for (let i = this.history.length - 1; i >= 0; i--) {
      const h = this.history[i]!;
      if (h.speaker.type === 'group' || h.speaker.type === 'organization') return h.speaker;
    }
    return unknownSpeaker();
  }

  /** "the president" → the person last introduced with that title; "the company" → the last organization. */
  private resolveRole(head: string, type: EntityType, pos: number): Speaker | null {
    if (type === 'person') {
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

/** Offset (in `phrase`) of its head word. */
function headWordStart(phrase: string): number {
  const core = phrase.slice(0, headCutOffset(phrase));
  // starts only at a word start: the leftmost match always did, and no letter run is rescanned
  const m = /(?<!\p{L})\p{L}+(?:['\u2019]\p{L}+)?[^\p{L}]*$/u.exec(core);
  return m ? m.index : 0;
}

function headCutOffset(phrase: string): number {
  const m = HEAD_CUT.exec(phrase);
  return m ? m.index : phrase.length;
}

/** The lower-cased head noun of a speaker phrase: the last word before its first modifier. */
export function headNoun(phrase: string): string | null {
  const core = phrase.slice(0, headCutOffset(phrase));
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
