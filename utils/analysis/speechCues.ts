/**
 * Speech cues: the quote engine's word tokens (with abbreviation periods kept inside a noun phrase), the
 * speech verbs and phrasal cues found in them (lexicons/speech.ts), and the table of cue filters that tell
 * a speech verb from the same word used as a noun, an infinitive, a negation or an agentless passive.
 */
import { partitionPoint } from './bisect';
import { tokenize, wordsOf, type WordView } from './tokens';
import { AGENTLESS_PASSIVES, NOUNY_BASE_FORMS, PHRASAL_CUES, SPEECH_VERB_FORMS } from './lexicons/speech';
import { wordCount } from './quoteSpans';

/** A word of the quote engine: the one tokenizer's word view (tokens.ts `WordView`), never a second scan. */
export type Word = WordView;

/** A speech cue found in a sentence's tokens: a speech verb form or a phrasal cue ("according to" is not one). */
export interface Cue {
  /** Index range of the cue in the sentence's words (inclusive). */
  first: number;
  last: number;
  lemma: string;
  form: string;
  phrase: boolean;
}

/** Adverbs and auxiliaries that may sit between a subject and its speech verb ("has also said"). */
export const AUX_ADV = new Set(
  (
    'also has have had later previously then earlier again repeatedly once just would will could can may might ' +
    'should must reportedly further recently publicly separately nevertheless however first only frequently ' +
    'often himself herself itself themselves did does do privately openly flatly angrily simply still already ' +
    'even quickly immediately initially subsequently finally ultimately yesterday today'
  ).split(' '),
);

/** Subject pronouns: a whole subject on their own ("she said"). */
export const PRONOUN_SUBJECTS = new Set(['he', 'she', 'it', 'they', 'we', 'i']);

/** The quote engine's words of `text`: read off the one tokenizer's tokens (tokens.ts `wordsOf`). */
export function scanWords(text: string): Word[] {
  return wordsOf(tokenize(text));
}

/** The tokens lying inside `[start, end)`. */
export function tokensIn(tokens: Word[], start: number, end: number): Word[] {
  const lo = partitionPoint(tokens, (t) => t.s < start);
  let e = lo;
  while (e < tokens.length && tokens[e]!.e <= end) e++;
  return tokens.slice(lo, e);
}

/** Phrasal cues indexed by their first word, so most tokens cost one map look-up. */
const PHRASES_BY_FIRST = new Map<string, string[][]>();
for (const p of PHRASAL_CUES) {
  const words = p.split(' ');
  const list = PHRASES_BY_FIRST.get(words[0]!) ?? [];
  list.push(words);
  PHRASES_BY_FIRST.set(words[0]!, list);
}

/** The speech cues of a sentence outside its quotations, phrasal cues first. */
export function findCues(text: string, toks: Word[], inQuote: (pos: number) => boolean): Cue[] {
  const out: Cue[] = [];
  for (let i = 0; i < toks.length; i++) {
    const t = toks[i]!;
    if (inQuote(t.s)) continue;
    let matched = false;
    for (const ph of PHRASES_BY_FIRST.get(t.lw) ?? []) {
      if (ph.every((w, k) => toks[i + k]?.lw === w) && gapsPlain(text, toks, i, i + ph.length - 1)) {
        const lemma = /^say(?:ing)?$/.test(ph[ph.length - 1]!)
          ? 'say'
          : ph[1] === 'on' && SPEECH_VERB_FORMS.get(ph[0]!) === 'call'
            ? 'call on'
            : ph[0]!;
        out.push({ first: i, last: i + ph.length - 1, lemma, form: ph.join(' '), phrase: true });
        i += ph.length - 1;
        matched = true;
        break;
      }
    }
    if (matched) continue;
    const lemma = SPEECH_VERB_FORMS.get(t.lw);
    if (!lemma) continue;
    if (!isCueInContext(text, toks, i, lemma)) continue;
    out.push({ first: i, last: i, lemma, form: t.lw, phrase: false });
  }
  return out;
}

/** Lower-case words that may open a that-clause (a demonstrative "that" is followed by a bare noun). */
const CLAUSE_OPENERS = new Set(
  (
    'the a an his her its their our my your this these those there it he she they we i you no some many most ' +
    'all both each every such one two three four five several despite while although if when after before ' +
    'because since as in on at for by with without under over only even not more less few any nothing ' +
    'everyone everything nobody people'
  ).split(' '),
);

/** Verbs that often take a plain noun-phrase object ("maintained that position", "confirmed that report"). */
const NP_OBJECT_VERBS = new Set(
  'maintain note confirm deny acknowledge stress emphasise emphasize reiterate announce reveal disclose report mention'.split(
    ' ',
  ),
);

/** Determiners and possessives that open a noun phrase ("the reported deal" is no cue). */
export const DETERMINER_WORDS = new Set('the a an his her its their our my your this that these those such'.split(' '));

const BE_WORDS = new Set('is are was were be been being'.split(' '));

/** Adverbs that may stand between a comma or dash and a participle cue ("— even suggesting that"). */
const PARTICIPLE_ADVERBS = new Set('even also further later again then repeatedly'.split(' '));

/** A possessive word ("Reyes's", "the mayor's"). */
const POSSESSIVE = /['\u2019]s$/;

/** Contractions of "is"/"has" that look like possessives ("it's", "she's said"). */
const CONTRACTED_IS = /^(?:it|he|she|that|what|there|who|here|where|this)['\u2019]s$/;

/** What may follow a demonstrative "that" to end the clause: a frequency or time adverbial. */
const THAT_ADVERBIAL =
  /^\s+(?:more than once|many times|several times|a few times|once|twice|again|before|repeatedly|often|publicly|privately|too|as well|in the past|for years|(?:last|this|next) \p{L}+|on \p{L}+day|(?:late|early) \p{L}+|\p{L}+day|yesterday|today)\s*(?:[.!?;,)]|$)/u;

/** A speech-verb form in its sentence, as the cue filters see it. */
export interface CueContext {
  text: string;
  toks: Word[];
  i: number;
  t: Word;
  prev: Word | undefined;
  /** Only blanks between the previous token and this one. */
  prevGapPlain: boolean;
  next: Word | undefined;
  form: string;
  lemma: string;
  /** The form is the lemma itself ("say", "report"). */
  base: boolean;
}

/** A cue filter: its name, an example it rejects, and the test (true: this form is no speech cue here). */
export interface CueFilter {
  name: string;
  example: string;
  rejects(c: CueContext): boolean;
}

const isNegation = (w: string): boolean => w === 'not' || w === 'never' || w.endsWith("n't") || w.endsWith('n\u2019t');

/**
 * The cue filters: a speech-verb form is a cue unless one of them rejects it (each is independent, so their
 * order does not matter).
 */
export const CUE_FILTERS: readonly CueFilter[] = [
  {
    // verbs are lower case mid-sentence
    name: 'capitalized',
    example: '"United States", "Reports" in a headline',
    rejects: (c) => /^\p{Lu}/u.test(c.t.w),
  },
  {
    name: 'nouny-base-form',
    example: 'a report, the claim',
    rejects: (c) => c.base && NOUNY_BASE_FORMS.has(c.lemma),
  },
  {
    // a bare base form needs a pronoun, modal or auxiliary subject ("they say", "will tell"); "say"/"tell"
    // also follow plural nouns ("officials say")
    name: 'infinitive-like',
    example: 'the need assure',
    rejects: (c) => {
      if (!c.base || c.lemma === 'say' || c.lemma === 'tell' || c.lemma === 'read') return false;
      const { prev, toks, i } = c;
      const subjectLike =
        !!prev &&
        c.prevGapPlain &&
        (/^(?:i|we|they|you|will|would|could|can|may|might|should|must|did|do|does|also|who)$/.test(prev.lw) ||
          /^\p{Lu}/u.test(prev.w) ||
          (/[^s]s$/.test(prev.lw) && !DETERMINER_WORDS.has(toks[i - 2]?.lw ?? '')));
      return !subjectLike;
    },
  },
  {
    // a negation beyond a comma belongs to another clause ("…because the review had not begun, said")
    name: 'negated',
    example: "has not yet formally announced, wouldn't say",
    rejects: (c) => {
      const { text, toks, i } = c;
      for (let k = i - 1; k >= Math.max(0, i - 4); k--) {
        if (!/^\s*$/.test(text.slice(toks[k]!.e, toks[k + 1]!.s))) return false;
        const w = toks[k]!.lw;
        if (isNegation(w)) return true;
        if (!AUX_ADV.has(w) && w !== 'yet' && k < i - 1) return false;
      }
      return false;
    },
  },
  {
    name: 'demonstrative-object',
    example: 'maintained that position',
    rejects: (c) => {
      const { text, toks, i, next } = c;
      if (!next || next.lw !== 'that' || !NP_OBJECT_VERBS.has(c.lemma)) return false;
      const after = toks[i + 2];
      const then = toks[i + 3];
      const npEnds =
        !then ||
        /[,.;:!?]/.test(text.slice(after?.e ?? 0, then.s)) ||
        /^(?:at|in|on|of|for|to|with|by|from|and|but|as|during|before|after|until|since)$/.test(then.lw);
      return !!after && /^\p{Ll}/u.test(after.w) && !CLAUSE_OPENERS.has(after.lw) && npEnds;
    },
  },
  {
    // participles count after a comma or "and" ("…, adding that", "… and stressing that")
    name: 'participle-without-comma',
    example: 'the growing claims',
    rejects: (c) => {
      const { prev, form } = c;
      if (!form.endsWith('ing')) return false;
      if (!prev) return true;
      const gap = c.text.slice(prev.e, c.t.s);
      // "— even suggesting that", ", also calling for": one adverb after the comma or dash
      const before = c.toks[c.i - 2];
      const adverbAfterBreak =
        PARTICIPLE_ADVERBS.has(prev.lw) &&
        c.prevGapPlain &&
        !!before &&
        /[,\u2014\u2013]\s*$/.test(c.text.slice(before.e, prev.s));
      // "is calling on", "were urging": a progressive
      const progressive = BE_WORDS.has(prev.lw) && c.prevGapPlain && form !== 'being';
      return !(
        /[,\u2014\u2013]\s*$/.test(gap) ||
        adverbAfterBreak ||
        progressive ||
        ((prev.lw === 'and' || (prev.lw === 'as' && form === 'saying')) && c.prevGapPlain)
      );
    },
  },
  {
    // "is said to", "was reported": no agent; "the reported deal", "a report": no verb
    name: 'infinitive-passive-or-determiner',
    example: 'to say, is said to, the reported deal',
    rejects: (c) => {
      const { prev } = c;
      if (!prev || !c.prevGapPlain) return false;
      if (prev.lw === 'to' || isNegation(prev.lw)) return true;
      if (BE_WORDS.has(prev.lw)) return !c.form.endsWith('ing') || prev.lw === 'being' || prev.lw === 'been';
      // "people who worked with her said": an object "her" before a past-tense "said"/"told" is no determiner
      if (prev.lw === 'her' && (c.form === 'said' || c.form === 'told')) return false;
      return DETERMINER_WORDS.has(prev.lw) && !c.form.endsWith('ing');
    },
  },
  {
    // "-s" forms of noun-like verbs need a subject-like word before; "Local reports said": a noun, then the verb
    name: 'nouny-s-form',
    example: 'intelligence reports, the claims',
    rejects: (c) => {
      const { prev, next } = c;
      if (!NOUNY_BASE_FORMS.has(c.lemma) || !c.form.endsWith('s')) return false;
      if (next && SPEECH_VERB_FORMS.has(next.lw)) return true;
      if (!prev) return false;
      // "Ms. Reyes's remarks": a possessive before it makes the word a noun
      if (c.prevGapPlain && POSSESSIVE.test(prev.lw) && !CONTRACTED_IS.test(prev.lw)) return true;
      return !(
        /^\p{Lu}/u.test(prev.w) ||
        PRONOUN_SUBJECTS.has(prev.lw) ||
        prev.lw === 'who' ||
        prev.lw === 'which' ||
        prev.lw === 'also'
      );
    },
  },
  {
    // "ruled that …" is a court's claim; "ruled out", "ruled the country" are not
    name: 'phrasal-verb',
    example: 'will tell you, added to, charged with, called for, ruled out, state of',
    rejects: (c) => {
      const { next, lemma } = c;
      if (!next || !/^\s*$/.test(c.text.slice(c.t.e, next.s))) return false;
      if (lemma === 'tell' && next.lw === 'you') return true; // "will tell you that": generic
      if ((lemma === 'add' || lemma === 'respond' || lemma === 'reply') && next.lw === 'to') return true;
      if (lemma === 'charge' && next.lw === 'with') return true;
      if (lemma === 'blame' && next.lw === 'on') return true; // "the fire, blamed on faulty wiring": a passive
      if (lemma === 'call' && /^(?:for|on|off|up|in|back|out|it quits)$/.test(next.lw)) return true;
      if (lemma === 'rule' && next.lw !== 'that') return true;
      return lemma === 'state' && /^(?:of|department|media|university)$/.test(next.lw);
    },
  },
  {
    // naming something in quotation marks is a claim ('has called the stretch "a speedway…"'); a quoted label
    // of one or two words ('called the plan a "fig leaf"') is a scare quote
    name: 'call-without-quotation',
    example: 'a company called Acme, called the police',
    rejects: (c) => {
      const { prev } = c;
      if (c.lemma !== 'call') return false;
      const m = /^(?:\s+[\p{L}\p{N}'\u2019-]+){0,5}?\s*(?:[,:]\s*)?["\u201c\u2018]([^"\u201d\u2019]{0,200})/u.exec(
        c.text.slice(c.t.e, c.t.e + 280),
      );
      if (!m || wordCount(m[1]!, 0, m[1]!.length) < 3) return true;
      // 'a group called "Friends of the Coast"' names a thing; 'the mayor called the budget "a reckless
      // gamble …"' calls an object something: an object between the verb and the quotation makes it speech
      const hasObject = /^\s+[\p{L}\p{N}]/u.test(c.text.slice(c.t.e, c.t.e + 3));
      return (
        !hasObject &&
        !!prev &&
        c.prevGapPlain &&
        /^\p{Ll}/u.test(prev.w) &&
        !AUX_ADV.has(prev.lw) &&
        !PRONOUN_SUBJECTS.has(prev.lw)
      );
    },
  },
  {
    // "who advises the mayor on housing": a job, not advice given; "advised residents to leave" is a claim
    name: 'advise-as-job',
    example: 'Ilse Marrow, who advises Mayor Dana Reyes on housing matters',
    rejects: (c) => {
      if (c.lemma !== 'advise') return false;
      for (let k = c.i + 1; k < c.toks.length && k <= c.i + 10; k++) {
        if (/[.;!?]/.test(c.text.slice(c.toks[k - 1]!.e, c.toks[k]!.s))) return true;
        const w = c.toks[k]!.lw;
        if (w === 'that' || w === 'against') return false;
        if (w === 'to' && c.toks[k - 1]!.lw !== 'according' && /^\p{Ll}/u.test(c.toks[k + 1]?.w ?? '')) return false;
      }
      return c.i + 1 < c.toks.length && !/["\u201c:]/.test(c.text.slice(c.t.e, c.toks[c.i + 1]!.s));
    },
  },
  {
    // "the reform he promised — cheaper buses —", "the things she said were false": the verb's object is the
    // noun before it (an object relative clause), so nothing after it is the claim
    name: 'object-relative',
    example: 'the reform he promised — cheaper buses',
    rejects: (c) => {
      const { toks, i, prev, next } = c;
      const noun = toks[i - 2];
      const det = toks[i - 3];
      if (!prev || !noun || !det || !c.prevGapPlain || !PRONOUN_SUBJECTS.has(prev.lw) || prev.lw === 'it') return false;
      if (!DETERMINER_WORDS.has(det.lw) || det.lw === 'that' || !/^\p{Ll}+$/u.test(noun.w)) return false;
      if (!/^\s+$/.test(c.text.slice(det.e, noun.s)) || !/^\s+$/.test(c.text.slice(noun.e, prev.s))) return false;
      const gapAfter = next ? c.text.slice(c.t.e, next.s) : '';
      return !next || /[\u2014\u2013,;.]/.test(gapAfter) || BE_WORDS.has(next.lw);
    },
  },
  {
    // "has said that more than once", "said that before": a demonstrative object and an adverbial, no claim
    name: 'demonstrative-that-adverbial',
    example: 'Omar Velde has said that more than once.',
    rejects: (c) => {
      if (c.next?.lw !== 'that') return false;
      return THAT_ADVERBIAL.test(c.text.slice(c.next.e, c.next.e + 40));
    },
  },
  {
    name: 'agentless-passive',
    example: 'it is reported that',
    rejects: (c) => {
      const windowText = c.text.slice(c.prev ? c.prev.s : c.t.s, c.t.e);
      return AGENTLESS_PASSIVES.some((re) => re.test(windowText));
    },
  },
];

/** Filters speech-verb forms that are nouns, adjectives, infinitives, negations or agentless passives. */
export function isCueInContext(text: string, toks: Word[], i: number, lemma: string): boolean {
  const t = toks[i]!;
  const prev = toks[i - 1];
  const c: CueContext = {
    text,
    toks,
    i,
    t,
    prev,
    prevGapPlain: prev ? /^\s*$/.test(text.slice(prev.e, t.s)) : false,
    next: toks[i + 1],
    form: t.lw,
    lemma,
    base: t.lw === lemma,
  };
  return !CUE_FILTERS.some((f) => f.rejects(c));
}

function gapsPlain(text: string, toks: Word[], a: number, b: number): boolean {
  for (let k = a; k < b; k++) if (!/^\s+$/.test(text.slice(toks[k]!.e, toks[k + 1]!.s))) return false;
  return true;
}
