/**
 * Quote engine: finds every attributed statement in article text — direct quotes in any quotation style
 * and reported speech ("X said that…", "…, X told reporters", "according to X, …") — and resolves who made
 * it, whether the source is anonymous, and the cue that licensed the attribution.
 *
 * Pipeline (all linear in the text length):
 *  0. paragraph roles: bylines, contributor lines and photo credits (their names are never speakers or
 *     antecedents), the headline and "Related:" links (no claims), interview transcripts ("TSAO: …" is
 *     the interviewee's direct quote, "Q: …" the interviewer's question);
 *  1. quotation-mark spans per paragraph (curly, straight, doubled apostrophes, guillemets, single quotes);
 *  2. sentences, merged where a quotation spans a sentence break;
 *  3. per sentence, speech cues outside quotations → subject (before: "X said", after: "said X", relative:
 *     "who said", participle: ", adding") → content (after the cue, or the clause fronted before it) →
 *     a direct quote (content is a quotation) or an indirect one (paraphrase, possibly embedding a short
 *     quoted phrase);
 *  4. "according to X" attributions;
 *  5. block content after "X said:" at a paragraph end;
 *  6. leftover quotations that read as speech (not scare quotes) inherit the nearby speaker, or the
 *     speaker of an attribution-only sentence right after them ('"…" So said the mayor, Ana Ruiz.');
 *  7. an unnamed spokesperson takes the name of the article's one named spokesperson.
 */
import type { Entity, Quote } from './types';
import { splitParagraphs, splitSentences, type Span } from './sentences';
import { partitionPoint } from './bisect';
import { abbreviationsFor } from './lexicons/abbreviations';
import { TWEET_SIGNATURE, captionSpans, creditSpans, isBoilerplate } from './lexicons/boilerplate';
import {
  SpeakerResolver,
  anonymityCue,
  buildNameIndex,
  hasSpeakerHead,
  type NameIndex,
  headNoun,
  speakerFromRef,
  type NameRef,
  type Speaker,
} from './speakers';
import {
  AGENTLESS_PASSIVES,
  NOUNY_BASE_FORMS,
  OBJECT_VERBS,
  PHRASAL_CUES,
  QUOTE_ONLY_VERBS,
  SPEECH_VERB_FORMS,
} from './lexicons/speech';

/** A quotation-mark span; `open`/`close` are the mark offsets, `start`/`end` the trimmed inner text. */
interface QSpan {
  open: number;
  close: number;
  start: number;
  end: number;
  closed: boolean;
  words: number;
}

interface Token {
  s: number;
  e: number;
  w: string;
  lw: string;
}

interface Cue {
  /** Token range of the cue in the sentence token list (inclusive). */
  first: number;
  last: number;
  lemma: string;
  form: string;
  phrase: boolean;
}

const WORD = /[\p{L}\p{N}]+(?:['\u2019\-.][\p{L}\p{N}]+)*/gu;
const OPEN_DOUBLE = new Set(['\u201c', '\u201e', '\u00ab']);
const CLOSE_DOUBLE = new Set(['\u201d', '\u00bb']);
const QUOTE_CHARS = /["'\u201c\u201d\u201e\u00ab\u00bb\u2018\u2019]/;

/** Adverbs and auxiliaries that may sit between a subject and its speech verb ("has also said"). */
const AUX_ADV = new Set(
  (
    'also has have had later previously then earlier again repeatedly once just would will could can may might ' +
    'should must reportedly further recently publicly separately nevertheless however first only frequently ' +
    'often himself herself itself themselves did does do privately openly flatly angrily simply still already ' +
    'even quickly immediately initially subsequently finally ultimately yesterday today'
  ).split(' '),
);

/** Time nouns of adverbial phrases ("last month", "on Monday"). */
const TIME_NOUN =
  /^(?:week|weekend|month|year|morning|afternoon|evening|night|monday|tuesday|wednesday|thursday|friday|saturday|sunday|spring|summer|autumn|fall|winter|time)$/;

/** A time adverbial opening the words after a verb ("on Monday", "last week", "earlier this month"). */
const TIME_LEAD =
  /^(?:(?:late |early )?on (?:\p{L}+day|\p{Lu}\p{L}+ \d+)|last (?:week|month|year|night|\p{L}+day)|this (?:week|month|year|morning|afternoon|evening)|earlier (?:this|on) \p{L}+|today|yesterday|tonight)\s*,?\s+/iu;

/** Words that end a subject noun phrase when walking backwards from the verb. */
const BOUNDARY = new Set(
  (
    'that which who whom whose and but or nor because while when whenever as if after before since although ' +
    'though so then where whether than until unless also not is are was were be been being has have had do does ' +
    'did will would can could should may might must what how why'
  ).split(' '),
);

/** Finite verbs (and auxiliaries) that mark a comma segment as a clause rather than an appositive. */
const FINITE =
  /\b(?:is|are|was|were|has|have|had|will|would|can|could|should|did|does|do|may|might|must|isn't|aren't|wasn't|weren't|hasn't|haven't|hadn't|won't|wouldn't|can't|couldn't|didn't|doesn't|don't)\b/i;

/** FINITE in lower case only: inside an object "May" is a month and "Is" part of a title. */
const FINITE_LOWER = new RegExp(FINITE.source);

/** Words that open an adverbial (not a subject) segment or remainder. */
const ADVERBIAL_LEAD = new Set(
  (
    'on in at during last this earlier later today yesterday tonight after before by from according via while ' +
    'when with without through over under also again then afterwards monday tuesday wednesday thursday friday ' +
    'saturday sunday nevertheless however meanwhile too separately recently previously now there here once ' +
    'speaking citing adding noting quoting'
  ) // participles that never head a subject
    .split(' '),
);

/** An anonymity phrase right after the verb ("said on condition of anonymity"). */
const ANON_LEAD =
  /^(?:,\s*)?(?:on (?:the )?condition of anonymity|anonymously|on background|privately|speaking on condition of anonymity)(?:\s*,)?\s*/i;

/** Subjects that report nobody's claim (rule nobody-speaks). */
const NOBODY_SUBJECT = /^(?:few|very few|nobody|no one|none|let['\u2019]s|let us)$/i;
const PRONOUN_SUBJECTS = new Set(['he', 'she', 'it', 'they', 'we', 'i']);

// ---------------------------------------------------------------------------------------------------------
// The document model and the discourse state

/** A transcript paragraph's label: where its body starts and the interviewee it names (null: the interviewer). */
interface TranscriptTurn {
  bodyStart: number;
  speaker: Span | null;
  ref: NameRef | null;
}

/**
 * What the passes read: the text cut once into paragraphs, sentences (merged across quotations), word tokens
 * and quotation-mark spans, with the paragraph roles and the name index. Built once per text; no pass
 * changes it.
 */
interface QuoteDoc {
  text: string;
  paragraphs: Span[];
  sentences: Span[];
  tokens: Token[];
  spans: QSpan[];
  /** Bylines, contributor lines and photo credits (lexicons/boilerplate.ts). */
  credits: Span[];
  names: NameIndex;
  /** Interview transcript turns by paragraph index. */
  transcript: Map<number, TranscriptTurn>;
  inQuote: (pos: number) => boolean;
  /** Index of the paragraph holding `pos`. */
  paraOf: (pos: number) => number;
}

function buildDoc(text: string, entities: Entity[]): QuoteDoc {
  const paragraphs = splitParagraphs(text);
  const spans = findQuoteSpans(text, paragraphs);
  // Bylines, contributor lines and photo credits name the article's authors, never its sources: their
  // names are no antecedents for "she said" and no speakers.
  const credits = creditSpans(text, paragraphs);
  // Photo captions describe the picture, not the story's speech: a name in one ("President-elect X
  // arrives to speak … (Jane Roe/Reuters)") is no antecedent for the next paragraph's "she said".
  const names = buildNameIndex(text, entities, credits, captionSpans(text, paragraphs));
  return {
    text,
    paragraphs,
    sentences: mergeAcrossQuotes(splitSentences(text), spans),
    tokens: tokenize(text),
    spans,
    credits,
    names,
    transcript: transcriptLabels(text, paragraphs, names),
    inQuote: makeInQuote(spans),
    paraOf: makeLocator(paragraphs),
  };
}

/** A sentence that was nothing but a quotation, for an attribution that follows on its own. */
interface BareQuote {
  q: QSpan;
  sentIndex: number;
  /** The claim already made of it (with the nearby speaker), replaced when the attribution comes. */
  emitted: Quote | null;
}

/** What the passes know about the discourse so far: each pass reads it and adds to it, in the written order. */
interface Discourse {
  /** The claims found so far. */
  out: Quote[];
  /** Speakers so far, for pronouns and role nouns ("she", "the minister"). */
  resolver: SpeakerResolver;
  /** Quotation spans a pass has attributed or ruled out: later passes leave them alone. */
  claimed: Set<QSpan>;
  /** Paragraph of the last attribution (-10: none yet): a floating quotation inherits its speaker nearby. */
  lastSpeakerPara: number;
  /** The named person who spoke last, and in which paragraph: a first-person block after it is theirs. */
  lastNamedPerson: { speaker: Speaker; para: number } | null;
  /** A paragraph that a paragraph pass took whole: the sentence passes skip it. */
  skipPara: number;
  /** '"We will rebuild." So said the mayor, Ana Ruiz.': the quotation-only sentence just before. */
  bareQuote: BareQuote | null;
  /** Quotations that run on into the next paragraph, attributed once that one has its speaker. */
  continuations: Array<{ q: QSpan; fallback: Speaker | null }>;
}

/** One sentence as the sentence passes see it. */
interface SentenceView {
  sent: Span;
  index: number;
  /** Its paragraph index. */
  pi: number;
  toks: Token[];
  /** The anonymity cue of the sentence outside its quotations ("speaking on condition of anonymity"). */
  anon: string | null;
}

/** Who is credited with a claim, on what cue, and the rule that found it. */
interface Attribution {
  speaker: Speaker;
  cue: string | null;
  /** The anonymity cue seen around the claim (the speaker's own, if any, comes first). */
  anonCue: string | null;
  /** The `quote.find.*` rule id. */
  find: string;
}

// ---------------------------------------------------------------------------------------------------------
// The passes, in their order

/** A paragraph pass: run when a paragraph starts; true when it took the whole paragraph. */
interface ParagraphPass {
  id: string;
  run(doc: QuoteDoc, st: Discourse, pi: number): boolean;
}

/** A sentence pass: run on every sentence of a paragraph no paragraph pass took. */
interface SentencePass {
  id: string;
  run(doc: QuoteDoc, st: Discourse, s: SentenceView): void;
}

/** A final pass: run once, after every sentence. */
interface FinalPass {
  id: string;
  run(doc: QuoteDoc, st: Discourse): void;
}

/**
 * The paragraph passes, in order: the first that takes a paragraph ends the list for it. Boilerplate and
 * social-media posts first (their words are nobody's claim, or one poster's), then interview transcripts,
 * then a first-person block after a named speaker.
 */
const PARAGRAPH_PASSES: readonly ParagraphPass[] = [
  { id: 'boilerplate', run: boilerplatePass },
  { id: 'tweet', run: tweetPass },
  { id: 'transcript-turn', run: transcriptPass },
  { id: 'first-person-block', run: firstPersonBlockPass },
];

/**
 * The sentence passes, in order, most precise first: speech-verb cues (which claim their quotations), then
 * "according to X", then the quotations still unclaimed, which inherit a nearby speaker.
 */
const SENTENCE_PASSES: readonly SentencePass[] = [
  { id: 'verb-cue', run: verbCuePass },
  { id: 'according-to', run: accordingToPass },
  { id: 'leftover-quotes', run: leftoverQuotesPass },
];

/**
 * The final passes, in order: run-on quotations take the speaker of the paragraph they run into; an unnamed
 * spokesperson takes the name of the article's one named spokesperson.
 */
const FINAL_PASSES: readonly FinalPass[] = [
  { id: 'run-on-paragraphs', run: runOnParagraphsPass },
  { id: 'spokesperson-named-later', run: (doc, st) => nameUnnamedSpokespeople(doc.text, st.out, doc.names) },
];

/** Finds every attributed statement in `text`, resolving speakers against `entities`. */
export function findQuotes(text: string, entities: Entity[]): Quote[] {
  const doc = buildDoc(text, entities);
  const st: Discourse = {
    out: [],
    resolver: new SpeakerResolver(text, doc.names, doc.inQuote),
    claimed: new Set(),
    lastSpeakerPara: -10,
    lastNamedPerson: null,
    skipPara: -1,
    bareQuote: null,
    continuations: [],
  };
  let currentPara = -1;
  doc.sentences.forEach((sent, index) => {
    const pi = doc.paraOf(sent.start);
    if (pi !== currentPara) {
      currentPara = pi;
      if (PARAGRAPH_PASSES.some((pass) => pass.run(doc, st, pi))) st.skipPara = pi;
    }
    if (pi === st.skipPara) return;
    const toks = tokensIn(doc.tokens, sent.start, sent.end);
    const anon = anonymityCue(stripQuotes(text, sent.start, sent.end, doc.spans));
    const view: SentenceView = { sent, index, pi, toks, anon };
    for (const pass of SENTENCE_PASSES) pass.run(doc, st, view);
  });
  for (const pass of FINAL_PASSES) pass.run(doc, st);
  return st.out.sort((a, b) => a.start - b.start);
}

/** Marks every quotation of a paragraph as claimed. */
function claimParagraph(doc: QuoteDoc, st: Discourse, p: Span): void {
  for (const q of spansIn(doc.spans, p.start, p.end)) st.claimed.add(q);
}

/**
 * Headlines, bylines, "Related:" links and other labelled boilerplate carry no attributed claims: a
 * headline's "…, diplomats say" summarises claims the body attributes properly.
 */
function boilerplatePass(doc: QuoteDoc, st: Discourse, pi: number): boolean {
  const p = doc.paragraphs[pi]!;
  if (!isBoilerplate(doc.text, p, pi, doc.credits)) return false;
  claimParagraph(doc, st, p);
  return true;
}

/**
 * rule tweet-signature: a paragraph over "— Dana Reyes (@danareyes) May 3, 2021" is her post, a direct quote
 * (its picture link left out); the signature line itself says nothing.
 */
function tweetPass(doc: QuoteDoc, st: Discourse, pi: number): boolean {
  const { text, paragraphs } = doc;
  const p = paragraphs[pi]!;
  const sigOf = (para: Span | undefined): RegExpExecArray | null =>
    para ? TWEET_SIGNATURE.exec(text.slice(para.start, para.end)) : null;
  if (sigOf(p)) return true;
  const sig = sigOf(paragraphs[pi + 1]);
  if (!sig) return false;
  const at = text.indexOf(sig[1]!, paragraphs[pi + 1]!.start);
  const ref = doc.names.inRange(at, at + sig[1]!.length)[0];
  const speaker: Speaker = ref
    ? speakerFromRef(ref)
    : { name: sig[1]!, anonymous: false, type: 'person', gender: null, mention: null, anonymityCue: null };
  const body = text.slice(p.start, p.end);
  const cut = Math.max(body.lastIndexOf('pic.twitter.com/'), body.lastIndexOf('http'));
  const end = cut > 0 && !/\s/.test(body.slice(cut).trim()) ? p.start + cut : p.end;
  const a = {
    speaker: via(speaker, 'quote.speaker.tweet-signature'),
    cue: null,
    anonCue: null,
    find: 'quote.find.tweet',
  };
  emit(doc, st, p.start, end, 'direct', a);
  claimParagraph(doc, st, p);
  st.resolver.remember(speaker, p.start, null);
  return true;
}

/**
 * An interview transcript: "TSAO: Honestly, …" is the interviewee's answer, a direct quote; the
 * interviewer's "Q: …" is not a quote, though it may report what others said.
 */
function transcriptPass(doc: QuoteDoc, st: Discourse, pi: number): boolean {
  const label = doc.transcript.get(pi);
  if (!label) return false;
  if (!label.ref) {
    // The interviewer's question: a following unlabelled paragraph is not the interviewee's.
    st.lastNamedPerson = null;
    return false;
  }
  const p = doc.paragraphs[pi]!;
  const speaker = via(speakerFromRef(label.ref), 'quote.speaker.transcript-label');
  emit(doc, st, label.bodyStart, p.end, 'direct', {
    speaker,
    cue: null,
    anonCue: null,
    find: 'quote.find.transcript-turn',
  });
  claimParagraph(doc, st, p);
  st.resolver.remember(speaker, p.start, null);
  st.lastNamedPerson = speaker.name && !speaker.anonymous ? { speaker, para: pi } : null;
  st.lastSpeakerPara = pi;
  return true;
}

/**
 * A transcript block: a first-person paragraph with no quotation marks and no cue of its own, right after a
 * paragraph where a named person spoke, is that person's words (set off as a block quote).
 */
function firstPersonBlockPass(doc: QuoteDoc, st: Discourse, pi: number): boolean {
  const last = st.lastNamedPerson;
  const p = doc.paragraphs[pi]!;
  if (!last || last.para !== pi - 1 || !isFirstPersonBlock(doc.text, p, doc.tokens, doc.inQuote)) return false;
  emit(doc, st, p.start, p.end, 'direct', {
    speaker: via(last.speaker, 'quote.speaker.previous-paragraph'),
    cue: null,
    anonCue: null,
    find: 'quote.find.first-person-block',
  });
  last.para = pi;
  st.lastSpeakerPara = pi;
  return true;
}

// ---------------------------------------------------------------------------------------------------------
// The verb-cue pass: subjects, then claims

type CueMode = 'sv' | 'vs' | 'rel' | 'part';

/** A speech cue with its subject: "X said" (sv), "said X" (vs), "who said" (rel), ", adding" (part). */
interface CueSubject {
  speaker: Speaker;
  phrase: string | null;
  cue: Cue;
  /** The claim found for it, once found: a later cue's fronted content starts after it. */
  content: Span | null;
  subjStart: number;
  mode: CueMode;
}

/** A subject found for a cue, before its speaker is resolved; `rule` is its `quote.speaker.subject.*` id. */
interface SubjectFind {
  mode: CueMode;
  subj: Span | null;
  speaker: Speaker | null;
  phrase: string | null;
  rule: string;
}

/** Every speech cue of the sentence, then the claim of each. */
function verbCuePass(doc: QuoteDoc, st: Discourse, s: SentenceView): void {
  const results = cueSubjects(doc, st, s);
  for (let ri = 0; ri < results.length; ri++) claimOfCue(doc, st, s, results, ri);
}

/** The speech cues of a sentence with their subjects, in order. */
function cueSubjects(doc: QuoteDoc, st: Discourse, s: SentenceView): CueSubject[] {
  const results: CueSubject[] = [];
  let floorTok = 0;
  let prev: { speaker: Speaker; phrase: string | null } | null = null;
  for (const cue of findCues(doc.text, s.toks, doc.inQuote)) {
    const isParticiple = cue.form.split(' ')[0]!.endsWith('ing') && cue.form !== 'saying';
    const isSaying = cue.form === 'saying' && !cue.phrase;
    const f: SubjectFind | null =
      isParticiple || isSaying
        ? participleSubject(doc, st, s, cue, isSaying, prev)
        : finiteSubject(doc, st, s, cue, floorTok, prev);
    if (!f || !f.speaker) continue;
    // rule nobody-speaks: "Few would argue …", "Nobody says …", "let's say …" — a negative quantifier or
    // the speaker's "let's" reports no one's claim
    if (f.phrase && NOBODY_SUBJECT.test(f.phrase.trim())) continue;
    // Cut the previous cue's after-content where a coordinated claim starts ("… and added that …").
    const subjStart = f.subj && f.mode !== 'vs' ? f.subj.start : s.toks[cue.first]!.s;
    const speaker = via(f.speaker, f.rule);
    results.push({ speaker, phrase: f.phrase, cue, content: null, subjStart, mode: f.mode });
    prev = { speaker, phrase: f.phrase };
    // A relative clause ("the source, who said …, told") is embedded: the main subject lies before it.
    if (f.mode !== 'rel') floorTok = cue.last + 1;
  }
  return results;
}

/** The subject of a participle cue: ", adding …", "quoted Varga as saying", "…, calling for …". */
function participleSubject(
  doc: QuoteDoc,
  st: Discourse,
  s: SentenceView,
  cue: Cue,
  isSaying: boolean,
  prev: { speaker: Speaker; phrase: string | null } | null,
): SubjectFind | null {
  const { text } = doc;
  const resolve = (np: Span): Speaker => st.resolver.resolve(np.start, np.end, s.sent.start);
  // "MTI quoted Varga as saying …": the one quoted is the speaker.
  const quotedAs = isSaying ? quotedObject(s.toks, cue.first) : null;
  if (quotedAs) {
    const phrase = text.slice(quotedAs.start, quotedAs.end);
    return {
      mode: 'part',
      subj: quotedAs,
      speaker: resolve(quotedAs),
      phrase,
      rule: 'quote.speaker.subject.quoted-as',
    };
  }
  if (prev) return { mode: 'part', subj: null, ...prev, rule: 'quote.speaker.subject.shared' };
  const np = sentenceSubject(text, s.toks, cue.first, doc.names);
  if (!np) return null;
  const phrase = text.slice(np.start, np.end);
  return { mode: 'part', subj: np, speaker: resolve(np), phrase, rule: 'quote.speaker.subject.sentence-subject' };
}

/** The subject of a finite cue: before it ("X said"), a relative's antecedent, or after it ("said X"). */
function finiteSubject(
  doc: QuoteDoc,
  st: Discourse,
  s: SentenceView,
  cue: Cue,
  floorTok: number,
  prev: { speaker: Speaker; phrase: string | null } | null,
): SubjectFind | null {
  const { text } = doc;
  const found = subjectBefore(text, s.toks, cue.first, floorTok, doc.names);
  let f: SubjectFind = { mode: 'sv', subj: null, speaker: null, phrase: null, rule: 'quote.speaker.subject.before' };
  if (found.kind === 'np') f.subj = found;
  else if (found.kind === 'rel') f = relativeSubject(doc, st, s, found.relTok, floorTok);
  else if (found.kind === 'coord' && prev)
    f = { mode: 'part', subj: null, ...prev, rule: 'quote.speaker.subject.shared' };
  // rule addressee-not-speaker: after "told", "informed", "warned" the noun phrase is the addressee
  // ("…, told reporters"), never an inverted subject
  if (!f.subj && !f.speaker && !OBJECT_VERBS.has(cue.lemma)) {
    const inverted = invertedSubject(doc, s.toks, cue.last);
    if (inverted) f = { ...f, mode: 'vs', ...inverted };
  }
  if (f.subj && !f.speaker) {
    f.phrase = text.slice(f.subj.start, f.subj.end);
    f.speaker = st.resolver.resolve(f.subj.start, f.subj.end, s.sent.start);
  }
  return f.speaker ? f : null;
}

/** "the source, who said …": the relative pronoun's antecedent, or the person an appositive describes. */
function relativeSubject(doc: QuoteDoc, st: Discourse, s: SentenceView, relTok: number, floorTok: number): SubjectFind {
  const { text, names } = doc;
  const ante = antecedentBefore(text, s.toks, relTok, floorTok);
  // "Naserian Lekishon, 47, a mother of five who said …": an unnamed appositive antecedent stands for the
  // person it describes.
  const apposed = ante && names.inRange(ante.start, ante.end).length === 0 ? apposedName(doc, ante.start) : null;
  const rule = apposed ? 'quote.speaker.subject.relative-apposed' : 'quote.speaker.subject.relative';
  const f: SubjectFind = { mode: 'rel', subj: ante, speaker: null, phrase: null, rule };
  if (apposed) {
    f.speaker = st.resolver.resolve(apposed.start, apposed.end, s.sent.start);
    f.phrase = text.slice(apposed.start, apposed.end);
  } else if (ante) {
    // The noun right before the relative pronoun, even in a possessive-looking name ("Sainsbury's").
    const all = names.inRange(ante.start, ante.end);
    const last = all[all.length - 1];
    const refs = last && ante.end - last.end <= 3 ? [last] : all.filter((r) => !r.possessive);
    const head = refs[refs.length - 1] ?? ante;
    f.speaker = st.resolver.resolve(head.start, head.end, s.sent.start);
    f.phrase = text.slice(ante.start, ante.end);
  }
  return f;
}

/** '"…," said Joseph Schwieterman': the inverted subject, or the name apposed to it ("said the harbour master, Ana Ruiz,"). */
function invertedSubject(doc: QuoteDoc, toks: Token[], cueLast: number): { subj: Span; rule: string } | null {
  const { text, names } = doc;
  const after = subjectAfter(text, toks, cueLast);
  if (!after) return null;
  const apposed = names.inRange(after.end, after.end + 80)[0];
  if (
    apposed &&
    !names.inRange(after.start, after.end).length &&
    (apposed.type === 'person' || apposed.type === 'unknown') &&
    /^,\s*$/.test(text.slice(after.end, apposed.start))
  ) {
    return { subj: { start: apposed.start, end: apposed.end }, rule: 'quote.speaker.subject.inverted-apposed' };
  }
  return { subj: after, rule: 'quote.speaker.subject.inverted' };
}

/** The claim of the `ri`-th cue of the sentence: emitted, and its speaker remembered. */
function claimOfCue(doc: QuoteDoc, st: Discourse, s: SentenceView, results: CueSubject[], ri: number): void {
  const { text } = doc;
  const r = results[ri]!;
  const content = cueContent(doc, st, s, results, ri);
  if (!content) return;
  const { after, front } = content;
  const { speaker } = r;
  const cueStart = s.toks[r.cue.first]!.s;
  const cueEnd = s.toks[r.cue.last]!.e;
  const a: Attribution = {
    speaker,
    cue: text.slice(cueStart, cueEnd),
    anonCue: s.anon ?? (r.phrase ? anonymityCue(r.phrase) : null),
    find: 'quote.find.verb-cue',
  };
  const p = doc.paragraphs[doc.paraOf(s.sent.start)];
  // "… also said:" / "described them in … terms:" at a paragraph end: the next paragraphs hold the claim.
  const block = !after?.hasQuote && /:\s*$/.test(text.slice(cueEnd, s.sent.end)) && p?.end === s.sent.end;
  const group = groupSpeakers(doc, r.phrase, cueStart) ??
    (r.mode === 'sv' ? coordinatedSubjects(doc, r.subjStart, speaker) : null) ?? [speaker];
  if (block) {
    blockAfter(doc, st, s.sent.end, a);
  } else if (after) {
    r.content = { start: after.start, end: after.end };
    // '"We are," he said, "ready to fight."': both halves of an interrupted quotation.
    if (front?.quote && after.hasQuote) {
      for (const g of group)
        emitContent(doc, st, front.start, front.end, { ...a, speaker: g, find: 'quote.find.interrupted-quote' }, true);
    }
    for (const g of group) emitContent(doc, st, after.start, after.end, { ...a, speaker: g }, false);
  } else if (front) {
    r.content = { start: cueEnd, end: cueEnd };
    const fronted = { ...a, find: 'quote.find.verb-cue-fronted' };
    for (const g of group) emitContent(doc, st, front.start, front.end, { ...fronted, speaker: g }, front.quote);
  } else if (attributesBareQuote(doc, st, s, r)) {
    // An attribution with no claim of its own right after a sentence that is only a quotation: the
    // quotation is the claim.
    const bare = st.bareQuote!;
    if (bare.emitted) st.out.splice(st.out.indexOf(bare.emitted), 1);
    emit(doc, st, bare.q.start, bare.q.end, 'direct', { ...a, find: 'quote.find.attribution-after-quote' });
    st.bareQuote = null;
  } else {
    return;
  }
  st.resolver.remember(speaker, cueStart, r.phrase);
  st.lastSpeakerPara = doc.paraOf(cueStart);
  st.lastNamedPerson =
    speaker.mention &&
    !speaker.anonymous &&
    (speaker.type === 'person' || (speaker.type === 'unknown' && /^\p{Lu}\S+ \p{Lu}\S+$/u.test(speaker.name ?? '')))
      ? { speaker, para: st.lastSpeakerPara }
      : null;
}

/** True when the sentence just before was only a quotation and this cue is its short, named attribution. */
function attributesBareQuote(doc: QuoteDoc, st: Discourse, s: SentenceView, r: CueSubject): boolean {
  return (
    !!st.bareQuote &&
    st.bareQuote.sentIndex === s.index - 1 &&
    r.mode !== 'rel' &&
    !!r.speaker.name &&
    !CLAUSE_ONLY_VERBS.has(r.cue.lemma) &&
    wordCount(doc.text, s.sent.start, s.sent.end) <= 14
  );
}

/**
 * The content of a cue: after it ("said that …") or fronted before its subject ('"…," X said'); null
 * when the cue has no claim ("described the scene", "asked not to be named").
 */
function cueContent(
  doc: QuoteDoc,
  st: Discourse,
  s: SentenceView,
  results: CueSubject[],
  ri: number,
): { after: Content | null; front: Fronted | null } | null {
  const { text, spans } = doc;
  const r = results[ri]!;
  const cueEnd = s.toks[r.cue.last]!.e;
  const limit = contentLimit(text, cueEnd, s.sent, results[ri + 1]);
  let after = r.mode === 'vs' ? null : contentAfter(text, s.toks, r.cue, cueEnd, limit, spans, r.mode === 'rel');
  const frontEnd = r.mode === 'vs' ? s.toks[r.cue.first]!.s : r.subjStart;
  let front =
    r.mode === 'rel' || r.mode === 'part'
      ? null
      : frontedContent(text, frontStart(results, ri, s.sent), frontEnd, spans);
  if (prefersFront(text, cueEnd, s.sent, after, front)) after = null;
  // "described … as", "described them in … terms:" — a description is a claim only with "as", a
  // quotation or a block.
  if (r.cue.lemma === 'describe') {
    const endsWithColon = /:\s*$/.test(text.slice(cueEnd, s.sent.end));
    const withAs = after && /\bas\b/.test(text.slice(after.start, after.end));
    if (!endsWithColon && !withAs && !(after && spans.some((q) => q.open === after!.start))) return null;
  }
  // "asked", "shouted": only a quotation makes them attributions ("asked not to be named" does not).
  if (QUOTE_ONLY_VERBS.has(r.cue.lemma)) {
    const quoted = (after && spans.some((q) => q.open === after!.start)) || (!after && front?.quote);
    if (!quoted) {
      // '"It is the end of an era." That was how Ellison put it.': the quotation before is the claim.
      if (!(st.bareQuote && st.bareQuote.sentIndex === s.index - 1 && r.speaker.name && r.mode !== 'rel')) return null;
      after = null;
      front = null;
    }
  }
  return { after, front };
}

/** Where a cue's after-content ends: a nested report ("said Mr Mugabe had told …") continues it, a coordinated one ends it. */
function contentLimit(text: string, afterCue: number, sent: Span, next: CueSubject | undefined): number {
  if (!next || next.mode === 'rel') return sent.end;
  const nested = /^[\s,:]*(?:that\s+)?$/i.test(text.slice(afterCue, next.subjStart));
  return nested ? sent.end : cutBeforeConjunction(text, afterCue, next.subjStart);
}

/** Where a cue's fronted content may start: after the previous main cue's claim. */
function frontStart(results: CueSubject[], ri: number, sent: Span): number {
  for (let pj = ri - 1; pj >= 0; pj--) {
    const pr = results[pj]!;
    if (pr.mode !== 'rel' && pr.content) return Math.max(sent.start, pr.content.end);
  }
  return sent.start;
}

/** True when the fronted content is the claim rather than what follows the cue. */
function prefersFront(text: string, cueEnd: number, sent: Span, after: Content | null, front: Fronted | null): boolean {
  if (!after) return true;
  // '"…," X said, adding …' — the quotation before the attribution is the claim.
  if (front?.quote) return !after.hasQuote;
  // Parenthetical "…, X said, …": the longer fronted clause is the claim, a short lead-in is not.
  if (front && /^\s*,/.test(text.slice(cueEnd, sent.end)) && !after.hasQuote) return front.words >= 5;
  return false;
}

// ---------------------------------------------------------------------------------------------------------
// The other sentence passes and the final passes

/** "according to X" attributions. */
function accordingToPass(doc: QuoteDoc, st: Discourse, s: SentenceView): void {
  const { text } = doc;
  const { sent } = s;
  for (const acc of findAccordingTo(text, s.toks, doc.inQuote)) {
    const speaker = resolveAccording(st.resolver, text, acc.np, sent.start);
    let content: Span;
    const before = text.slice(sent.start, acc.cueStart);
    if (/^\s*$/.test(before)) content = { start: skipAppositive(text, acc.np.end, sent.end), end: sent.end };
    else if (/,\s*$/.test(before) && /^[\s.!?"\u201d]*$/.test(text.slice(acc.np.end, sent.end)))
      content = { start: skipDateline(text, sent.start, acc.cueStart), end: acc.cueStart };
    else content = { start: skipDateline(text, sent.start, acc.cueStart), end: sent.end };
    const a = { speaker, cue: 'according to', anonCue: s.anon, find: 'quote.find.according-to' };
    emitContent(doc, st, content.start, content.end, a, false);
    st.resolver.remember(speaker, acc.cueStart, text.slice(acc.np.start, acc.np.end));
    st.lastSpeakerPara = doc.paraOf(acc.cueStart);
  }
}

/** Leftover quotations in the sentence that read as speech inherit the current speaker. */
function leftoverQuotesPass(doc: QuoteDoc, st: Discourse, s: SentenceView): void {
  const { text, paragraphs, paraOf } = doc;
  const { sent, pi } = s;
  for (const q of spansIn(doc.spans, sent.start, sent.end)) {
    if (st.claimed.has(q)) continue;
    st.claimed.add(q);
    const sources = colonSources(doc, q.open);
    if (sources) {
      const a = { cue: null, anonCue: null, find: 'quote.find.colon-source' };
      for (const g of sources) emit(doc, st, q.start, q.end, 'direct', { ...a, speaker: g });
      st.resolver.remember(sources[0]!, q.open, null);
      st.lastSpeakerPara = paraOf(q.open);
      continue;
    }
    const continuesSpeech = st.out.some(
      (o) => o.kind === 'direct' && paraOf(o.start) === paraOf(q.open) && o.end < q.open,
    );
    if (!isFloatingSpeech(text, q, sent, continuesSpeech)) continue;
    const last = st.resolver.last();
    const near = last && paraOf(q.open) - st.lastSpeakerPara <= 2;
    const fallback = near ? via(last, 'quote.speaker.nearby-speaker') : null;
    // A quotation running on into the next paragraph (no closing mark, the next paragraph reopens) is
    // attributed where it ends: decide once the continuation has its speaker.
    const nextPara = paragraphs[paraOf(q.open) + 1];
    if (!q.closed && nextPara && /^["\u201c\u201e\u00ab'\u2018]/.test(text[nextPara.start]!)) {
      st.continuations.push({ q, fallback });
      continue;
    }
    const before = st.out.length;
    if (fallback) {
      emit(doc, st, q.start, q.end, 'direct', {
        speaker: fallback,
        cue: null,
        anonCue: null,
        find: 'quote.find.floating-quote',
      });
    }
    // Only a quotation that continues nobody's speech, alone in its sentence, and either in the same
    // paragraph as the attribution or the whole of its own paragraph.
    const nextSent = doc.sentences[s.index + 1];
    if (
      !continuesSpeech &&
      /^[\s\u2014-]*$/.test(text.slice(sent.start, q.open)) &&
      /^[\s.!?]*$/.test(text.slice(q.close + 1, sent.end)) &&
      nextSent &&
      (paraOf(nextSent.start) === pi || (sent.start === paragraphs[pi]!.start && sent.end === paragraphs[pi]!.end))
    ) {
      st.bareQuote = { q, sentIndex: s.index, emitted: st.out.length > before ? st.out[st.out.length - 1]! : null };
    }
  }
}

/** Run-on paragraphs, from the last one back, so chains of several paragraphs share one speaker. */
function runOnParagraphsPass(doc: QuoteDoc, st: Discourse): void {
  for (let ci = st.continuations.length - 1; ci >= 0; ci--) {
    const { q, fallback } = st.continuations[ci]!;
    const next = doc.paragraphs[doc.paraOf(q.open) + 1]!;
    const cont = st.out.find((o) => o.kind === 'direct' && o.start >= next.start && o.start <= next.start + 3);
    const speaker: Speaker | null = cont
      ? {
          name: cont.speaker,
          anonymous: cont.anonymous,
          type: 'unknown',
          gender: null,
          mention: cont.speakerMention ?? null,
          anonymityCue: cont.anonymityCue ?? null,
          rules: [
            'quote.speaker.run-on-paragraph',
            ...(cont.rules ?? []).filter((id) => id.startsWith('quote.speaker.')),
          ],
        }
      : fallback;
    if (!speaker) continue;
    const a = { speaker, cue: cont?.cue ?? null, anonCue: cont?.anonymityCue ?? null };
    emit(doc, st, q.start, q.end, 'direct', { ...a, find: 'quote.find.run-on-paragraph' });
  }
}

// ---------------------------------------------------------------------------------------------------------
// Emitting claims

/** Adds one claim, trimmed, unless the same words are already credited to the same speaker. */
function emit(doc: QuoteDoc, st: Discourse, start: number, end: number, kind: Quote['kind'], a: Attribution): void {
  const { text } = doc;
  const { speaker, anonCue } = a;
  [start, end] = trimRange(text, start, end, kind);
  if (end <= start) return;
  if (st.out.some((q) => q.start === start && q.end === end && q.speaker === speaker.name)) return;
  const m = speaker.mention;
  const mention = m ? { start: m.start, end: m.end, text: text.slice(m.start, m.end) } : null;
  const anon = ANONYMITY_RULES.find((r) => r.applies(speaker, anonCue))!;
  st.out.push({
    text: text.slice(start, end),
    kind,
    speaker: speaker.name,
    anonymous: anon.anonymous,
    start,
    end,
    cue: a.cue,
    anonymityCue: anon.anonymous ? (speaker.anonymityCue ?? anonCue) : null,
    speakerMention: mention,
    rules: [a.find, ...(speaker.rules ?? []), anon.id],
  });
}

/** Emits a content region: direct quote(s) when quotation marks cover the claim, else paraphrase. */
function emitContent(doc: QuoteDoc, st: Discourse, start: number, end: number, a: Attribution, fronted: boolean): void {
  const { text } = doc;
  const inner = spansIn(doc.spans, start, end).filter((q) => q.open >= start - 1);
  let direct = false;
  let prevPredicate: QSpan | null = null;
  for (const q of inner) {
    st.claimed.add(q);
    const lead = text.slice(start, q.open);
    const tail = text.slice(q.closed ? q.close + 1 : q.close, end);
    const atStart = /^[\s,:\u2014-]*$/.test(lead);
    const atEnd = /^[\s.,;:!?)\]]*$/.test(tail);
    // 'said it "remains fully committed to Lebanon" and had "acted in line with the published rules"':
    // quotation marks covering whole predicates after a bare pronoun subject are the speaker's words.
    const localLead: string = prevPredicate ? text.slice(prevPredicate.close + 1, q.open) : lead;
    const predicate: boolean =
      q.words >= 3 &&
      /^\p{Ll}/u.test(text.slice(q.start, q.start + 1)) &&
      (prevPredicate
        ? /^[\s,]*(?:and|but)\s+(?:(?:had|has|have|was|were|is|are|would|will)\s+)?$/i.test(localLead)
        : /^\s*(?:that\s+)?(?:it|he|she|they|we)\s+$/i.test(localLead));
    if (
      (fronted && atEnd) ||
      (atStart && (atEnd || q.words >= 4)) ||
      q.words >= 10 ||
      (atEnd && q.words >= 8) ||
      predicate
    ) {
      emit(doc, st, q.start, q.end, 'direct', a);
      direct = true;
    }
    prevPredicate = predicate ? q : null;
  }
  if (!direct && wordCount(text, start, end) >= 2) emit(doc, st, start, end, 'indirect', a);
}

/** Bullet lists and block quotes after "X said:" at a paragraph end. */
function blockAfter(doc: QuoteDoc, st: Discourse, pos: number, a: Attribution): void {
  const { text, paragraphs } = doc;
  const block = { ...a, find: 'quote.find.block-after-colon' };
  for (let pi = doc.paraOf(pos) + 1, first = true; pi < paragraphs.length; pi++, first = false) {
    const p = paragraphs[pi]!;
    const body = text.slice(p.start, p.end);
    if (QUOTE_CHARS.test(body[0]!)) return; // a quotation: handled as floating speech
    const bullet =
      !/[.!?"\u201d]$/.test(body) &&
      body.length < 200 &&
      !/^(?:Read|Watch|Follow|Click|Sign|See|Subscribe|Listen|Share)\b/.test(body);
    if (!first && !bullet) return;
    emit(doc, st, p.start, p.end, bullet ? 'indirect' : 'direct', block);
    claimParagraph(doc, st, p);
    if (!bullet) return;
  }
}

// ---------------------------------------------------------------------------------------------------------
// Speakers named around a claim

/** The person named right before an appositive starting at `pos` ("Name, 47, a mother of five"). */
function apposedName(doc: QuoteDoc, pos: number): NameRef | null {
  const ref = doc.names.before(pos, Math.max(0, pos - 120), () => true);
  if (!ref || ref.possessive || (ref.type !== 'person' && ref.type !== 'unknown')) return null;
  return /^,\s*(?:\d{1,3}\s*,\s*)?$/.test(doc.text.slice(ref.end, pos)) ? ref : null;
}

/**
 * rule colon-source: a newsletter item that credits its excerpt with a colon ("Reuters: “…”", "The Ledger’s
 * Dana Reyes and Omar Velde: “…”", "RATE WATCH — Our Dana Reyes: “…”"): the named people (or the outlet,
 * when no person is named) are the speakers, one claim each. The colon must open the paragraph's quotation,
 * and everything before it, after an optional all-caps kicker, must be names joined by commas and "and".
 */
function colonSources(doc: QuoteDoc, open: number): Speaker[] | null {
  const { text } = doc;
  const p = doc.paragraphs[doc.paraOf(open)];
  if (!p) return null;
  const lead = text.slice(p.start, open);
  const colon = /:\s*$/.exec(lead);
  if (!colon || lead.length > 160) return null;
  let from = p.start;
  const kicker = /^[^\p{Ll}—–]{2,80}[—–]\s*/u.exec(lead);
  if (kicker) from += kicker[0].length;
  const refs = doc.names.inRange(from, p.start + colon.index);
  if (!refs.length) return null;
  // what is left once the names are cut out: only joiners ("’s", ",", "and", "our")
  let rest = '';
  let at = from;
  for (const r of refs) {
    rest += text.slice(at, r.start) + ' ';
    at = r.end;
  }
  rest += text.slice(at, p.start + colon.index);
  if (!/^(?:\s|,|and\b|our\b|Our\b|the\b|The\b|['\u2019]s\b)*$/u.test(rest)) return null;
  const people = refs.filter((r) => !r.possessive && r.type === 'person');
  const chosen = people.length ? people : refs.filter((r) => !r.possessive);
  if (!chosen.length) return null;
  return chosen.map((r) => via(speakerFromRef(r), 'quote.speaker.colon-source'));
}

/** "Both NASA and the ESA said", "Mali and Niger said": one claim per named subject. */
function coordinatedSubjects(doc: QuoteDoc, subjStart: number, speaker: Speaker): Speaker[] | null {
  const { text } = doc;
  if (!speaker.name || speaker.anonymous) return null;
  const first = doc.names.before(subjStart, Math.max(0, subjStart - 80), (r) =>
    /^\s+and\s+$/.test(text.slice(r.end, subjStart)),
  );
  if (!first || first.possessive || first.canonical === speaker.name) return null;
  const lead = text.slice(Math.max(0, first.start - 12), first.start);
  if (!/(?:^|[.!?]["\u201d]?\s+|\n|,\s+|\bboth\s+|^\s*)$/i.test(lead)) return null;
  return [via(speakerFromRef(first), 'quote.speaker.coordinated-subjects'), speaker];
}

/**
 * "Both airlines said": one speaker per distinct organization named in the preceding sentences.
 * Null when the phrase is not such a group or the members cannot be found.
 */
function groupSpeakers(doc: QuoteDoc, phrase: string | null, pos: number): Speaker[] | null {
  if (!phrase || !/^both\s+\p{Ll}+s$/iu.test(phrase.trim())) return null;
  const seen = new Map<string, Speaker>();
  for (const r of doc.names.inRange(Math.max(0, pos - 400), pos).reverse()) {
    if (r.possessive || r.type === 'person' || doc.inQuote(r.start) || seen.has(r.canonical)) continue;
    seen.set(r.canonical, via({ ...speakerFromRef(r), gender: null }, 'quote.speaker.group-members'));
    if (seen.size === 2) break;
  }
  return seen.size === 2 ? [...seen.values()].reverse() : null;
}

// ---------------------------------------------------------------------------------------------------------
// Spokespeople named later

const SPOKES = /^(?:spokesperson|spokesman|spokeswoman)$/;

/**
 * "…, a spokesperson for the agency said." followed later by "agency spokesperson Rahmat Hidayat Lubis
 * said": when the article names exactly one spokesperson, an unnamed spokesperson without an anonymity cue
 * is that person — unless the unnamed one speaks for a different, named body ("An IMF spokesperson").
 */
function nameUnnamedSpokespeople(text: string, out: Quote[], names: NameIndex): void {
  const unnamed = out.filter(
    (q) => q.anonymous && !q.anonymityCue && q.speaker && SPOKES.test(headNoun(q.speaker) ?? ''),
  );
  if (!unnamed.length) return;
  const apposed = /^,\s+(?:(?:the|a|an)\s+)?(?:[\p{L}'\u2019-]+\s+){0,3}?(?:spokesperson|spokesman|spokeswoman)\b/iu;
  const found = new Map<string, NameRef>();
  for (const r of names.refs) {
    if (r.type !== 'person' || r.possessive) continue;
    const titled = /\bspokes(?:person|man|woman)\s+$/i.test(text.slice(Math.max(0, r.start - 14), r.start));
    if (titled || apposed.test(text.slice(r.end, r.end + 60))) {
      if (!found.has(r.canonical)) found.set(r.canonical, r);
    }
  }
  if (found.size !== 1) return;
  const ref = [...found.values()][0]!;
  const around = text.slice(Math.max(0, ref.start - 60), ref.end + 60);
  for (const q of unnamed) {
    // Any capitalized word in the unnamed phrase ("IMF", "Halvorsen") must appear around the named one.
    const marks = q
      .speaker!.split(/\s+/)
      .slice(1)
      .filter((w) => /^\p{Lu}/u.test(w));
    if (marks.some((w) => !around.includes(w))) continue;
    q.speaker = ref.canonical;
    q.anonymous = false;
    q.anonymityCue = null;
    // the finding rules stay; the speaker and the anonymous flag were decided again, here
    q.rules = [
      ...(q.rules ?? []).filter((id) => id.startsWith('quote.find.')),
      'quote.speaker.spokesperson-named-later',
      'quote.anonymous.on-record',
    ];
    q.speakerMention = { start: ref.start, end: ref.end, text: text.slice(ref.start, ref.end) };
  }
}

// ---------------------------------------------------------------------------------------------------------
// Paragraph roles: interview transcripts (bylines, credits and other boilerplate: lexicons/boilerplate.ts)

/** A speaker label opening a transcript paragraph: "TSAO:", "Mei-Ling Tsao:", "Q:", "A:". */
const LABEL =
  /^((?:\p{Lu}[\p{Lu}'\u2019.-]+)(?: \p{Lu}[\p{Lu}'\u2019.-]+){0,3}|Q|A|Question|Answer|(?:\p{Lu}[\p{L}'\u2019.-]+ ){0,3}\p{Lu}[\p{L}'\u2019.-]+)\s*:\s+(?=\S)/u;

const fold = (s: string): string =>
  s
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase();

/**
 * Interview transcripts: paragraph index → its label. `speaker` is the interviewee (the label resolved to a
 * person named in the article; "A:" to the most mentioned person); null for the interviewer ("Q:", or a
 * label naming a byline author). Only articles with at least two labelled answers are transcripts, so that
 * a stray "Update:" or "Note:" is not one.
 */
function transcriptLabels(
  text: string,
  paragraphs: Span[],
  names: NameIndex,
): Map<number, { bodyStart: number; speaker: Span | null; ref: NameRef | null }> {
  const out = new Map<number, { bodyStart: number; speaker: Span | null; ref: NameRef | null }>();
  const persons = names.refs.filter((r) => r.type === 'person' && !r.possessive);
  if (!persons.length) return out;
  const counts = new Map<string, number>();
  for (const r of persons) counts.set(r.canonical, (counts.get(r.canonical) ?? 0) + 1);
  let top: NameRef | null = null;
  for (const r of persons) if (!top || counts.get(r.canonical)! > counts.get(top.canonical)!) top = r;
  const byLabel = (label: string): NameRef | null => {
    const l = fold(label);
    for (const r of persons) {
      const c = fold(r.canonical);
      if (c === l || c.split(/\s+/).pop() === l) return r;
    }
    return null;
  };
  let answers = 0;
  let questions = 0;
  const perSpeaker = new Map<string, number>();
  const asks = new Map<string, number>();
  for (let pi = 0; pi < paragraphs.length; pi++) {
    const p = paragraphs[pi]!;
    const m = LABEL.exec(text.slice(p.start, Math.min(p.end, p.start + 80)));
    if (!m) continue;
    const label = m[1]!;
    const bodyStart = p.start + m[0].length;
    if (/^(?:Q|Question)$/.test(label)) {
      out.set(pi, { bodyStart, speaker: null, ref: null });
      questions++;
      continue;
    }
    const ref = /^(?:A|Answer)$/.test(label) ? top : byLabel(label);
    if (!ref) continue;
    out.set(pi, { bodyStart, speaker: { start: ref.start, end: ref.end }, ref });
    answers++;
    perSpeaker.set(ref.canonical, (perSpeaker.get(ref.canonical) ?? 0) + 1);
    if (/\?["\u201d]?$/.test(text.slice(p.start, p.end))) asks.set(ref.canonical, (asks.get(ref.canonical) ?? 0) + 1);
  }
  // A named interviewer ("Nina Patel: … Why?") is the one whose turns are mostly questions.
  const interviewers = new Set([...perSpeaker.keys()].filter((c) => (asks.get(c) ?? 0) * 2 >= perSpeaker.get(c)!));
  for (const [pi, turn] of out) {
    const c = turn.ref?.canonical;
    if (c && interviewers.has(c)) {
      out.set(pi, { bodyStart: turn.bodyStart, speaker: null, ref: null });
      answers--;
      questions++;
    }
  }
  for (const c of interviewers) perSpeaker.delete(c);
  // A transcript alternates questions and answers, or gives one speaker several turns; two differently
  // labelled promotions ("Tech Enabled: …", "Technically Literate: …") are not one.
  if (answers < 2 || (questions === 0 && Math.max(0, ...perSpeaker.values()) < 2)) out.clear();
  return out;
}

// ---------------------------------------------------------------------------------------------------------
// Quotation-mark spans

/** Finds quotation spans paragraph by paragraph; an unclosed quotation runs to its paragraph's end. */
function findQuoteSpans(text: string, paragraphs: Span[]): QSpan[] {
  const out: QSpan[] = [];
  for (const p of paragraphs) {
    const local: QSpan[] = [];
    let openAt = -1;
    let openLen = 0;
    // Jump from mark to mark with a regex scan rather than visiting every character.
    DOUBLE_MARKS.lastIndex = p.start;
    for (let mm = DOUBLE_MARKS.exec(text); mm && mm.index < p.end; mm = DOUBLE_MARKS.exec(text)) {
      const i = mm.index;
      const c = text[i]!;
      let kind: 'open' | 'close' | 'amb' | null = null;
      let len = 1;
      if (OPEN_DOUBLE.has(c)) kind = 'open';
      else if (CLOSE_DOUBLE.has(c)) kind = 'close';
      else if (c === '"') kind = 'amb';
      else if (c === "'" && text[i + 1] === "'") {
        kind = 'amb';
        len = 2;
      }
      if (!kind) continue;
      if (kind === 'amb') {
        const prev = i > p.start ? text[i - 1]! : ' ';
        const next = i + len < p.end ? text[i + len]! : ' ';
        const looksOpen = /[\s([\u2014\u2013:-]/.test(prev) && !/\s/.test(next);
        const looksClose = !/\s/.test(prev) && /[\s.,;:!?)\]\u2014\u2013-]/.test(next);
        if (openAt < 0) kind = looksClose && !looksOpen ? null : 'open';
        else kind = looksOpen && !looksClose ? 'open' : 'close';
      }
      if (kind === 'open') {
        openAt = i;
        openLen = len;
      } else if (kind === 'close' && openAt >= 0) {
        const s = makeSpan(text, openAt, openLen, i, true);
        if (s) local.push(s);
        openAt = -1;
      }
    }
    if (openAt >= 0) {
      const s = makeSpan(text, openAt, openLen, p.end, false);
      if (s) local.push(s);
    }
    // Single quotation marks at top level (British style), never apostrophes.
    const singles = findSingleSpans(text, p, local);
    out.push(...[...local, ...singles].sort((a, b) => a.open - b.open));
  }
  return out;
}

const DOUBLE_MARKS = /''|["\u201c\u201d\u201e\u00ab\u00bb]/g;
const SINGLE_MARKS = /['\u2018\u2019]/g;

function findSingleSpans(text: string, p: Span, doubles: QSpan[]): QSpan[] {
  const out: QSpan[] = [];
  const insideDouble = (i: number): boolean => doubles.some((d) => i > d.open && i < d.close);
  let openAt = -1;
  SINGLE_MARKS.lastIndex = p.start;
  for (let mm = SINGLE_MARKS.exec(text); mm && mm.index < p.end; mm = SINGLE_MARKS.exec(text)) {
    const i = mm.index;
    const c = text[i]!;
    if (c === "'" && (text[i + 1] === "'" || text[i - 1] === "'")) continue; // doubled apostrophes: a double mark
    if (insideDouble(i)) continue;
    const prev = i > p.start ? text[i - 1]! : ' ';
    const next = i + 1 < p.end ? text[i + 1]! : ' ';
    const letterBefore = /[\p{L}\p{N}]/u.test(prev);
    const letterAfter = /[\p{L}\p{N}]/u.test(next);
    if (letterBefore && letterAfter) continue; // apostrophe: don't, O'Hare, Mali's
    if (openAt < 0) {
      if (c !== '\u2019' && /[\s([\u2014:]/.test(prev) && letterAfter && !/^\d\ds\b/.test(text.slice(i + 1, i + 5))) {
        openAt = i;
      }
    } else if (!/\s/.test(prev) && !letterAfter && c !== '\u2018') {
      // "daughters' generation": a plural possessive, not a closing mark.
      if (prev === 's' && /^\s+\p{Ll}/u.test(text.slice(i + 1, i + 4)) && !/[.,!?]/.test(prev)) continue;
      const s = makeSpan(text, openAt, 1, i, true);
      if (s) out.push(s);
      openAt = -1;
    }
  }
  return out;
}

function makeSpan(text: string, open: number, openLen: number, close: number, closed: boolean): QSpan | null {
  let start = open + openLen;
  let end = close;
  while (start < end && /\s/.test(text[start]!)) start++;
  while (end > start && /[\s,]/.test(text[end - 1]!)) end--;
  if (end <= start) return null;
  return { open, close, start, end, closed, words: wordCount(text, start, end) };
}

function makeInQuote(spans: QSpan[]): (pos: number) => boolean {
  const opens = spans.map((s) => s.open);
  return (pos: number): boolean => {
    const s = spans[partitionPoint(opens, (o) => o <= pos) - 1];
    return !!s && pos > s.open && pos < s.close;
  };
}

function spansIn(spans: QSpan[], start: number, end: number): QSpan[] {
  const lo = partitionPoint(spans, (s) => s.close < start);
  const out: QSpan[] = [];
  for (let i = lo; i < spans.length && spans[i]!.open < end; i++) if (spans[i]!.close >= start) out.push(spans[i]!);
  return out;
}

/** Joins sentences split inside a quotation ("… 100. If you look …," Mr Obama said). */
function mergeAcrossQuotes(sentences: Span[], spans: QSpan[]): Span[] {
  const out: Span[] = [];
  let si = 0;
  for (const s of sentences) {
    const prev = out[out.length - 1];
    while (si < spans.length && spans[si]!.close < s.start) si++;
    let merge = false;
    if (prev) {
      for (let k = si; k < spans.length && spans[k]!.open < s.start; k++) {
        const q = spans[k]!;
        if (q.open < prev.end && q.close >= s.start) merge = true;
      }
      // Back up one span in case the index advanced past a span that still covers this boundary.
      if (!merge && si > 0) {
        const q = spans[si - 1]!;
        if (q.open < prev.end && q.close >= s.start) merge = true;
      }
    }
    if (merge && prev) prev.end = s.end;
    else out.push({ ...s });
  }
  return out;
}

/** First-person tokens that mark a paragraph as someone's own words. */
const FIRST_PERSON = /^(?:i|i've|i'm|i'd|i'll|we|we're|we've|we'd|we'll|our|ours|us|my|me)$/;

/** A paragraph in the first person, without quotation marks or speech cues, of some length. */
function isFirstPersonBlock(text: string, p: Span, tokens: Token[], inQuote: (pos: number) => boolean): boolean {
  const body = text.slice(p.start, p.end);
  if (QUOTE_CHARS.test(body.replace(/(\p{L})['\u2019](\p{L})/gu, '$1$2')) || body.length < 80) return false;
  // Labelled boilerplate ("Note to readers: …") addresses the reader, it is nobody's testimony.
  if (/^[\p{L} ]{1,30}:/u.test(body) || /\breaders?\b|\bsubscribe|\bnewsletter/i.test(body)) return false;
  const toks = tokensIn(tokens, p.start, p.end);
  let first = 0;
  for (let i = 0; i < toks.length; i++) {
    const t = toks[i]!;
    if (FIRST_PERSON.test(t.lw.replace('\u2019', "'"))) first++;
    if (SPEECH_VERB_FORMS.has(t.lw) && !inQuote(t.s) && isCueInContext(text, toks, i, SPEECH_VERB_FORMS.get(t.lw)!)) {
      return false;
    }
  }
  return first >= 2;
}

/** A leftover quotation reads as speech when it opens its sentence (or fills most of it) and is not a short phrase. */
function isFloatingSpeech(text: string, q: QSpan, sent: Span, continuesSpeech: boolean): boolean {
  const lead = text.slice(sent.start, q.open);
  const opens = /^[\s\u2014-]*$/.test(lead) || /:\s*$/.test(lead);
  // Right after an attributed quotation in the same paragraph even a short sentence continues it
  // ('"…," said Hoda Ibrahim. "They never do."'); elsewhere short quoted phrases are scare quotes or titles.
  if (continuesSpeech && opens && q.start === sent.start + 1 && /[.!?]$/.test(text.slice(q.start, q.end))) return true;
  if (q.words < 4) return false;
  if (opens) return true;
  return q.end - q.start >= 0.6 * (sent.end - sent.start);
}

// ---------------------------------------------------------------------------------------------------------
// Tokens and cues

/** Titles and abbreviations whose period never ends a noun phrase. */
const TOKEN_ABBREVIATIONS = abbreviationsFor('phrase', true);

function tokenize(text: string): Token[] {
  const out: Token[] = [];
  WORD.lastIndex = 0;
  for (let m = WORD.exec(text); m; m = WORD.exec(text)) {
    const w = m[0];
    let e = m.index + w.length;
    // An abbreviation's period belongs to its token ("Mr. Maait", "The I.M.F. said"), so it does not
    // break the noun phrase; a sentence-final period stays outside. So does a middle initial's before the
    // surname ("Rep. Steny H. Hoyer"): a one-letter capital word does not end a sentence that goes on with
    // a capitalized word.
    const initial = w.length === 1 && /\p{Lu}/u.test(w);
    if (
      text[e] === '.' &&
      (w.includes('.') || initial || TOKEN_ABBREVIATIONS.has(w.toLowerCase())) &&
      /^\.\s+\p{Ll}|^\.\s+\p{Lu}\p{Ll}/u.test(text.slice(e, e + 4))
    ) {
      if (/^\.\s+\p{Ll}/u.test(text.slice(e, e + 4)) || initial || TOKEN_ABBREVIATIONS.has(w.toLowerCase())) e++;
    }
    out.push({ s: m.index, e, w, lw: w.toLowerCase() });
  }
  return out;
}

function tokensIn(tokens: Token[], start: number, end: number): Token[] {
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

function findCues(text: string, toks: Token[], inQuote: (pos: number) => boolean): Cue[] {
  const out: Cue[] = [];
  for (let i = 0; i < toks.length; i++) {
    const t = toks[i]!;
    if (inQuote(t.s)) continue;
    let matched = false;
    for (const ph of PHRASES_BY_FIRST.get(t.lw) ?? []) {
      if (ph.every((w, k) => toks[i + k]?.lw === w) && gapsPlain(text, toks, i, i + ph.length - 1)) {
        const lemma = /^say(?:ing)?$/.test(ph[ph.length - 1]!) ? 'say' : ph[0]!;
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

/** Verbs whose bare noun-phrase object is a speech act, not a claim ("announced the winners"). */
const CLAUSE_ONLY_VERBS = new Set(
  'announce confirm reveal disclose acknowledge admit predict estimate reiterate report recall mention note indicate declare write'.split(
    ' ',
  ),
);

const DETERMINER_WORDS = new Set('the a an his her its their our my your this that these those such'.split(' '));
const BE_WORDS = new Set('is are was were be been being'.split(' '));

/** A speech-verb form in its sentence, as the cue filters see it. */
interface CueContext {
  text: string;
  toks: Token[];
  i: number;
  t: Token;
  prev: Token | undefined;
  /** Only blanks between the previous token and this one. */
  prevGapPlain: boolean;
  next: Token | undefined;
  form: string;
  lemma: string;
  /** The form is the lemma itself ("say", "report"). */
  base: boolean;
}

/** A cue filter: its name, an example it rejects, and the test (true: this form is no speech cue here). */
interface CueFilter {
  name: string;
  example: string;
  rejects(c: CueContext): boolean;
}

const isNegation = (w: string): boolean => w === 'not' || w === 'never' || w.endsWith("n't") || w.endsWith('n\u2019t');

/**
 * The cue filters: a speech-verb form is a cue unless one of them rejects it (each is independent, so their
 * order does not matter).
 */
const CUE_FILTERS: readonly CueFilter[] = [
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
      return !(/,\s*$/.test(gap) || ((prev.lw === 'and' || (prev.lw === 'as' && form === 'saying')) && c.prevGapPlain));
    },
  },
  {
    // "is said to", "was reported": no agent; "the reported deal", "a report": no verb
    name: 'infinitive-passive-or-determiner',
    example: 'to say, is said to, the reported deal',
    rejects: (c) => {
      const { prev } = c;
      if (!prev || !c.prevGapPlain) return false;
      if (prev.lw === 'to' || isNegation(prev.lw) || BE_WORDS.has(prev.lw)) return true;
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
      return (
        !!prev && c.prevGapPlain && /^\p{Ll}/u.test(prev.w) && !AUX_ADV.has(prev.lw) && !PRONOUN_SUBJECTS.has(prev.lw)
      );
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
function isCueInContext(text: string, toks: Token[], i: number, lemma: string): boolean {
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

function gapsPlain(text: string, toks: Token[], a: number, b: number): boolean {
  for (let k = a; k < b; k++) if (!/^\s+$/.test(text.slice(toks[k]!.e, toks[k + 1]!.s))) return false;
  return true;
}

// ---------------------------------------------------------------------------------------------------------
// Subjects

type SubjectFound =
  { kind: 'np'; start: number; end: number } | { kind: 'rel'; relTok: number } | { kind: 'coord' } | { kind: 'none' };

/** Walks back from the cue to its subject: a plain noun phrase, an appositive-interrupted one, or a relative. */
function subjectBefore(text: string, toks: Token[], cueTok: number, floorTok: number, names: NameIndex): SubjectFound {
  let j = cueTok - 1;
  // Adverbs, auxiliaries and time expressions between subject and verb ("which last month announced").
  for (;;) {
    while (j >= floorTok && AUX_ADV.has(toks[j]!.lw) && plainGap(text, toks[j]!.e, toks[j + 1]!.s)) j--;
    if (
      j - 1 >= floorTok &&
      TIME_NOUN.test(toks[j]!.lw) &&
      /^(?:last|this|next|on|earlier|late|that|each|every)$/.test(toks[j - 1]!.lw)
    ) {
      j -= 2;
      continue;
    }
    break;
  }
  if (j < floorTok) return { kind: 'none' };
  const gap = text.slice(toks[j]!.e, toks[j + 1]!.s);
  if (QUOTE_CHARS.test(gap) && !/^['\u2019]s?\s*$/.test(gap)) return { kind: 'none' };
  if (!plainGap(text, toks[j]!.e, toks[j + 1]!.s)) {
    // "X, a spokesman for Y, said": skip appositives and relative clauses back to the subject.
    if (/[,\u2014\u2013]/.test(gap)) return commaSubject(text, toks, j, floorTok, names);
    if (AUX_ADV.has(toks[j]!.lw)) {
      // ", nevertheless emphasised": the adverb is set off; continue before it.
      return commaSubject(text, toks, j - 1, floorTok, names);
    }
    return { kind: 'none' };
  }
  const lw = toks[j]!.lw;
  // "WHO said" is the World Health Organization, not a relative pronoun.
  if ((lw === 'who' || lw === 'which' || lw === 'that') && toks[j]!.w === lw) return { kind: 'rel', relTok: j };
  // "Over her career she estimates": a subject pronoun is the whole subject; the words before it are a
  // fronted adverbial, not part of the speaker.
  if (PRONOUN_SUBJECTS.has(lw) && lw !== 'i') return { kind: 'np', start: toks[j]!.s, end: toks[j]!.e };
  if (lw === 'and' || lw === 'but' || lw === 'or') return { kind: 'coord' };
  if (BOUNDARY.has(lw)) return { kind: 'none' };
  const k = walkNP(text, toks, j, floorTok);
  return { kind: 'np', start: toks[k]!.s, end: toks[j]!.e };
}

/** True when the gap between two tokens is plain words-space (or a possessive or a parenthesis). */
function plainGap(text: string, a: number, b: number): boolean {
  return /^(?:\s*|['\u2019]s?\s+|\s*\)\s*|\s*\(\s*)$/.test(text.slice(a, b));
}

/** Extends a noun phrase ending at token `j` backwards until a boundary word or punctuation. */
function walkNP(text: string, toks: Token[], j: number, floorTok: number): number {
  let k = j;
  // "the British Medical Association (BMA) has announced": start inside the closing parenthesis.
  let depth = toks[j + 1] && text.slice(toks[j]!.e, toks[j + 1]!.s).includes(')') ? 1 : 0;
  while (k - 1 >= floorTok && j - k < 10) {
    const gap = text.slice(toks[k - 1]!.e, toks[k]!.s);
    if (!plainGap(text, toks[k - 1]!.e, toks[k]!.s)) break;
    if (gap.includes(')')) depth++;
    if (gap.includes('(')) {
      if (depth === 0) break;
      depth--;
    }
    const w = toks[k - 1]!.lw;
    // "Justice X of the Environment and Land Court": "and" between capitalized words inside an
    // "of …" name joins the name, it does not coordinate two subjects.
    if (w === 'and' && /^\p{Lu}/u.test(toks[k]!.w) && k - 2 >= floorTok && /^\p{Lu}/u.test(toks[k - 2]!.w)) {
      let b = k - 2;
      while (b - 1 >= floorTok && /^\p{Lu}/u.test(toks[b - 1]!.w) && plainGap(text, toks[b - 1]!.e, toks[b]!.s)) b--;
      const prep = toks[b - 1]?.lw === 'the' ? toks[b - 2] : toks[b - 1];
      if (prep && /^(?:of|for)$/.test(prep.lw)) {
        k -= 1;
        continue;
      }
    }
    if (BOUNDARY.has(w)) break;
    k--;
  }
  // Drop a leading preposition phrase opener ("In Washington the minister" is rare; keep simple).
  return k;
}

/** A comma segment before a cue: tokens `k..segEnd` (a relative clause at its end cut off). */
interface CommaSegment {
  k: number;
  segEnd: number;
  /** A quotation mark ends the walk: nothing before it is the subject. */
  stop: boolean;
  first: string;
  segText: string;
  startsClause: boolean;
}

/** A possible subject segment; rank 2: opens with a person's name, 1: names someone, 0: unnamed. */
interface SegmentCandidate {
  start: number;
  end: number;
  named: boolean;
  rank: number;
}

/** Subject of "X, appositive, said": the closest comma segment that names someone, else the closest noun phrase. */
function commaSubject(text: string, toks: Token[], j: number, floorTok: number, names: NameIndex): SubjectFound {
  const candidates: SegmentCandidate[] = [];
  let end = j;
  for (let seg = 0; seg < 4 && end >= floorTok; seg++) {
    const g = commaSegment(text, toks, end, floorTok);
    const verdict = judgeSegment(text, toks, g, floorTok, names);
    if (verdict === 'end') break;
    if (verdict !== 'skip') candidates.push(verdict);
    if (g.stop || g.k - 1 < floorTok) break;
    end = g.k - 1;
  }
  const pick = candidates.find((c) => c.rank === 2) ?? candidates.find((c) => c.named) ?? candidates[0];
  return pick ? { kind: 'np', start: pick.start, end: pick.end } : { kind: 'none' };
}

/** The segment running back from token `end` to the previous comma-like gap. */
function commaSegment(text: string, toks: Token[], end: number, floorTok: number): CommaSegment {
  let k = end;
  let stop = false;
  while (k - 1 >= floorTok) {
    const gap = text.slice(toks[k - 1]!.e, toks[k]!.s);
    if (/[,;:\u2014\u2013]/.test(gap)) break;
    if (QUOTE_CHARS.test(gap) && !/^['\u2019]s?\s*$/.test(gap)) {
      stop = true;
      break;
    }
    k--;
  }
  // "But Dr Emma Runswick": a leading conjunction is not part of the subject.
  if (k < end && /^(?:and|but|so|yet|or|then)$/.test(toks[k]!.lw) && /^\p{Lu}/u.test(toks[k + 1]!.w)) k++;
  // "an epidemiologist at X who was not involved in the research": the appositive ends where its relative
  // clause starts, so the clause's verb does not make the whole segment a clause.
  let segEnd = end;
  for (let t = k + 1; t <= end; t++) {
    if (/^(?:who|which|whose|whom)$/.test(toks[t]!.w) && /[\s,]$/.test(text.slice(toks[t - 1]!.e, toks[t]!.s))) {
      segEnd = t - 1;
      break;
    }
  }
  const segText = text.slice(toks[k]!.s, toks[segEnd]!.e);
  return { k, segEnd, stop, first: toks[k]!.lw, segText, startsClause: k === floorTok || k === 0 };
}

/** What a comma segment is: a subject candidate, one to skip (a relative, a parenthetical), or the end of the walk (a clause). */
function judgeSegment(
  text: string,
  toks: Token[],
  g: CommaSegment,
  floorTok: number,
  names: NameIndex,
): SegmentCandidate | 'skip' | 'end' {
  const { k, segEnd, first, segText, startsClause } = g;
  if (/^(?:who|which|whose|whom)$/.test(toks[k]!.w)) return 'skip'; // a relative clause
  // "speaking on condition of anonymity because they were not authorized…": a parenthetical
  if (/^(?:speaking|citing|asked|requesting|declining|also|in|on)$/.test(first) && !startsClause) return 'skip';
  if (
    FINITE.test(segText) ||
    segEnd - k + 1 > 12 ||
    toks.slice(k, segEnd + 1).some((t) => SPEECH_VERB_FORMS.has(t.lw)) ||
    (/^\p{Ll}/u.test(toks[k]!.w) && !DETERMINER_WORDS.has(first) && /\b\p{Ll}+ed\b/u.test(segText)) ||
    // rule clause-not-speaker: "Some criticized the alert, said X" — a capitalized opener with a past-tense
    // verb after it and no name is a clause, not an appositive
    (/\s\p{Ll}+ed\s/u.test(segText + ' ') &&
      (!DETERMINER_WORDS.has(first) || /\s\p{Ll}+ed$/u.test(segText)) &&
      !names.inRange(toks[k]!.s, toks[segEnd]!.e).length)
  ) {
    // rule participle-appositive: "Ms. Reyes, seated next to the mayor, told …" — a participial
    // modifier right after a person's name is an appositive; the name before it is the subject
    const before = k > floorTok ? names.inRange(toks[k - 1]!.s, toks[k - 1]!.e) : [];
    const participle =
      /^\p{Ll}+(?:ed|ing)$/u.test(toks[k]!.w) &&
      !FINITE.test(segText) &&
      before.some((r) => r.type === 'person' && !r.possessive && r.end === toks[k - 1]!.e);
    // Otherwise a clause ("visited Mali Monday"), not an appositive: the subject is not beyond it.
    return participle ? 'skip' : 'end';
  }
  // adverbial, conjunction or age ("30")
  if (ADVERBIAL_LEAD.has(first) || /^(?:and|but|so|yet|or)$/.test(first) || /^\d+$/.test(first)) {
    return startsClause ? 'end' : 'skip';
  }
  const refs = names.inRange(toks[k]!.s, toks[segEnd]!.e).filter((r) => !r.possessive);
  // rule speaker-head: an unnamed lower-case segment with no determiner that no person, group,
  // organization or document heads ("…, cracks and leaks, said the officials") ends the claim: the
  // subject is not before it
  if (!refs.length && /^\p{Ll}/u.test(toks[k]!.w) && !DETERMINER_WORDS.has(first) && !hasSpeakerHead(segText)) {
    return 'end';
  }
  // Rank: a segment opening with a person's name ("Karin Olsen") beats an appositive that merely names
  // an organization ("a spokeswoman for Nordlys Power"), which beats an unnamed description.
  const opensWithName = refs.some(
    (r) => r.start === toks[k]!.s || (r.type === 'person' && /^\p{Lu}/u.test(toks[k]!.w)),
  );
  const personLed = opensWithName || (refs.some((r) => r.type === 'person') && !DETERMINER_WORDS.has(first));
  const rank = personLed ? 2 : refs.length ? 1 : 0;
  return { start: toks[k]!.s, end: toks[segEnd]!.e, named: refs.length > 0, rank };
}

/** The noun phrase a relative pronoun ("who", "which") refers to. */
function antecedentBefore(text: string, toks: Token[], relTok: number, floorTok: number): Span | null {
  const j = relTok - 1;
  if (j < floorTok) return null;
  const k = walkNP(text, toks, j, floorTok);
  return { start: toks[k]!.s, end: toks[j]!.e };
}

/** Inverted subject: '"…," said Joseph Schwieterman, a transportation expert'. */
function subjectAfter(text: string, toks: Token[], cueLast: number): Span | null {
  const first = toks[cueLast + 1];
  if (!first) return null;
  const gap0 = text.slice(toks[cueLast]!.e, first.s);
  if (!/^\s+$/.test(gap0)) return null;
  if (
    /^(?:that|on|in|at|last|this|to|it|they|he|she|we|i|about|of|for|by|with|during|earlier|later|today|yesterday|according)$/.test(
      first.lw,
    )
  ) {
    return null;
  }
  let k = cueLast + 1;
  while (k + 1 < toks.length && k - cueLast < 8) {
    if (!plainGap(text, toks[k]!.e, toks[k + 1]!.s)) break;
    if (toks[k + 1]!.lw === 'who' || toks[k + 1]!.lw === 'which') break;
    // rule time-after-speaker: "said the harbor master on Monday", "said Dana Reyes last week": the time
    // phrase is neither speaker nor claim
    if (
      k > cueLast &&
      /^(?:on|last|this|late|early|earlier)$/.test(toks[k + 1]!.lw) &&
      toks[k + 2] &&
      TIME_NOUN.test(toks[k + 2]!.lw) &&
      /^[\s]*[,;.\u2014\u2013]/.test(text.slice(toks[k + 2]!.e, toks[k + 3]?.s ?? toks[k + 2]!.e + 3))
    ) {
      break;
    }
    k++;
  }
  const after = text.slice(toks[k]!.e, toks[k + 1]?.s ?? toks[k]!.e + 3);
  const timeAfter =
    /^(?:on|last|this|late|early|earlier)$/.test(toks[k + 1]?.lw ?? '') && TIME_NOUN.test(toks[k + 2]?.lw ?? '');
  if (k + 1 < toks.length && !/^[\s]*[,;.\u2014\u2013]/.test(after) && !/who|which/.test(toks[k + 1]!.lw) && !timeAfter)
    return null;
  if (k - cueLast > 8) return null;
  // A noun phrase, never a clause: "said the picture was more complicated" has its subject before the verb.
  if (!isNounPhrase(text.slice(first.s, toks[k]!.e))) return null;
  return { start: first.s, end: toks[k]!.e };
}

/**
 * Sanity check for a speaker phrase: a noun phrase of at most eight words with no finite verb. Reported
 * content ("the picture was more complicated than closures alone") fails it.
 */
export function isNounPhrase(phrase: string): boolean {
  const words = phrase.match(/[\p{L}\p{N}]+(?:['\u2019.-][\p{L}\p{N}]+)*/gu) ?? [];
  if (words.length > 8) return false;
  return !FINITE.test(phrase) && !/\b(?:said|says|told|tells)\b/i.test(phrase);
}

/** The object of "quoted X as saying", when the cue "saying" closes that pattern. */
function quotedObject(toks: Token[], sayingTok: number): Span | null {
  if (toks[sayingTok - 1]?.lw !== 'as') return null;
  for (let k = sayingTok - 2; k >= Math.max(0, sayingTok - 9); k--) {
    if (/^(?:quoted|quotes|quoting)$/.test(toks[k]!.lw)) {
      return k + 1 <= sayingTok - 2 ? { start: toks[k + 1]!.s, end: toks[sayingTok - 2]!.e } : null;
    }
  }
  return null;
}

/** The subject of a sentence whose participle ("…, calling for …") has no subject of its own. */
function sentenceSubject(text: string, toks: Token[], cueTok: number, names: NameIndex): Span | null {
  // The segment holding the participle when a name opens it ("China … and stressing"), else the
  // sentence's first name ("Nick Checker, head of …, visited Mali Monday, calling for …").
  let k = cueTok;
  while (k - 1 >= 0 && !/[,;:]/.test(text.slice(toks[k - 1]!.e, toks[k]!.s))) k--;
  if (k < cueTok) {
    const refs = names.inRange(toks[k]!.s, toks[cueTok]!.s).filter((r) => !r.possessive);
    if (refs.length && refs[0]!.start === toks[k]!.s) return { start: refs[0]!.start, end: refs[0]!.end };
  }
  const all = names.inRange(toks[0]!.s, toks[cueTok]!.s);
  let fi = all.findIndex((r) => !r.possessive && !/^(?:\p{Lu}+|\p{Lu}[\p{Ll}]+day)$/u.test(text.slice(r.start, r.end)));
  // "Mining Minister Andrés Felipe Cárdenas": a name modifying a titled name is not the subject; the
  // titled name heading the phrase is.
  while (
    fi >= 0 &&
    all[fi + 1] &&
    /^\s+(?:\p{Lu}[\p{L}.]*\s+){1,2}$/u.test(text.slice(all[fi]!.end, all[fi + 1]!.start))
  ) {
    fi++;
  }
  const first = fi >= 0 ? all[fi] : undefined;
  return first ? { start: first.start, end: first.end } : null;
}

// ---------------------------------------------------------------------------------------------------------
// Content

interface Content {
  start: number;
  end: number;
  hasQuote: boolean;
}

/** The claim after a cue: "that …", ": “…”", "reporters that …", or the rest of the clause. */
function contentAfter(
  text: string,
  toks: Token[],
  cue: Cue,
  from: number,
  limit: number,
  spans: QSpan[],
  relative: boolean,
): Content | null {
  const i = cue.last + 1;
  if (i >= toks.length || toks[i]!.s >= limit) {
    // Only punctuation (or a quotation) left before the limit.
    const q = spansIn(spans, from, limit).find((s) => s.open >= from);
    return q ? { start: q.open, end: Math.max(limit, q.close + 1), hasQuote: true } : null;
  }
  const lead = text.slice(from, toks[i]!.s);
  const quoteLead = spansIn(spans, from, toks[i]!.s + 1).find((s) => s.open >= from && s.open < toks[i]!.s);
  let start: number | null = toks[i]!.s;
  if (quoteLead) start = quoteLead.open;
  else if (/[.!?]/.test(lead)) return null;
  // Skip the listener of "told reporters that".
  else if (OBJECT_VERBS.has(cue.lemma)) start = afterListener(text, toks, cue, i, limit, spans);
  else start = afterAdverbials(text, toks, i, limit, spans);
  if (start === null) return null;
  let end = limit;
  if (relative) {
    const comma = text.slice(start, limit).search(/,\s/);
    if (comma >= 0) end = start + comma;
  }
  // A parenthesis opened before the cue closes the claim.
  const close = text.slice(start, end).search(/\)/);
  if (close >= 0 && !text.slice(start, start + close).includes('(')) end = start + close;
  if (end <= start || wordCount(text, start, end) < 2) return null;
  if (CLAUSE_ONLY_VERBS.has(cue.lemma) && isBareRecordObject(text, toks, cue, start, end, spans)) return null;
  const hasQuote = spansIn(spans, start, end).some((q) => q.open >= start - 1 && q.open < end);
  return { start, end, hasQuote };
}

/**
 * Where the claim starts after a listener ("told reporters that …", "told Al Jazeera she had lost …",
 * "warned residents to stay indoors"); null when there is none ("told Reuters.").
 */
function afterListener(text: string, toks: Token[], cue: Cue, i: number, limit: number, spans: QSpan[]): number | null {
  for (let k = i; k < toks.length && k < i + 14 && toks[k]!.s < limit; k++) {
    if (toks[k]!.lw === 'that') return toks[k + 1]?.s ?? limit;
    const q = spansIn(spans, toks[k]!.e, toks[k]!.e + 3).find((s) => s.open >= toks[k]!.e);
    if (q && /^[\s,:]*$/.test(text.slice(toks[k]!.e, q.open))) return q.open;
  }
  // "told Al Jazeera she had lost…": the listener, then a clause opening with a pronoun.
  let k = i;
  if (toks[k] && /^(?:the|a|an)$/.test(toks[k]!.lw)) k++;
  while (k < toks.length && k < i + 5 && /^\p{Lu}/u.test(toks[k]!.w)) k++;
  if (k === i || (k === i + 1 && /^(?:the|a|an)$/.test(toks[i]!.lw))) k = i + 1; // "told reporters"
  const nextTok = toks[k];
  if (
    nextTok &&
    nextTok.s < limit &&
    /^(?:he|she|they|it|we|i|there)$/.test(nextTok.lw) &&
    plainGap(text, toks[k - 1]!.e, nextTok.s)
  ) {
    return nextTok.s;
  }
  // "warned residents to stay indoors" keeps the object; "told Reuters." has no claim.
  const toIdx = toks.slice(i, i + 6).findIndex((t) => t.lw === 'to');
  return toIdx < 0 || !/^(?:warn|urge|remind)$/.test(cue.lemma) ? null : toks[i]!.s;
}

/**
 * Where the claim starts after a cue's anonymity phrase, time adverbial or "that" ("said on condition of
 * anonymity", "said on Monday it would …", "said at the trial that …"); null when no claim follows.
 */
function afterAdverbials(text: string, toks: Token[], i: number, limit: number, spans: QSpan[]): number | null {
  let start = toks[i]!.s;
  // "said on condition of anonymity (because …)": the cue phrase is not the claim.
  const anonLead = ANON_LEAD.exec(text.slice(start, limit));
  if (anonLead) {
    const k = toks.findIndex((t) => t.s >= start + anonLead[0].length);
    if (k < 0 || toks[k]!.s >= limit || /^(?:because|as|since|due|given)$/.test(toks[k]!.lw)) return null;
    i = k;
    start = toks[k]!.s;
  }
  // "said on Monday it would…": a time adverbial before the clause is not part of the claim.
  const timeLead = TIME_LEAD.exec(text.slice(start, limit));
  if (timeLead && !/^that\b/i.test(text.slice(start + timeLead[0].length, limit))) {
    const k = toks.findIndex((t) => t.s >= start + timeLead[0].length);
    if (
      k > i &&
      toks[k]!.s < limit &&
      /^(?:it|he|she|they|we|i|the|a|an|its|his|her|their|\p{Lu}.*)$/u.test(toks[k]!.w)
    ) {
      i = k;
      start = toks[k]!.s;
    }
  }
  if (toks[i]!.lw === 'that') return toks[i + 1]?.s ?? limit;
  if (!ADVERBIAL_LEAD.has(toks[i]!.lw)) return start;
  // "said at the trial." / "said last week it planned…" / "said on Tuesday that…".
  const rest = text.slice(start, limit);
  const thatIdx = toks.slice(i, i + 12).findIndex((t) => t.lw === 'that' && t.s < limit);
  if (thatIdx > 0) return toks[i + thatIdx + 1]?.s ?? limit;
  const noClause =
    !FINITE.test(rest) && !/\b\w+ed\b.*\b(?:to|that)\b/.test(rest) && !spansIn(spans, start, limit).length;
  return noClause && !/\b(?:it|he|she|they|we)\b/i.test(rest) ? null : start;
}

/**
 * "announced the winners", "confirmed the deal": a verb of record with a bare object has no claim. A quoted
 * title inside the object ('wrote a manifesto, "Small Is the New Big," that …') is no claim, and its words
 * ("Is") are no verbs.
 */
function isBareRecordObject(
  text: string,
  toks: Token[],
  cue: Cue,
  start: number,
  end: number,
  spans: QSpan[],
): boolean {
  const objSpans = spansIn(spans, start, objectEnd(text, start, end));
  let object = objectOf(text, start, end);
  for (const q of objSpans) {
    if (isQuotedTitle(text, q)) object = object.replace(text.slice(q.start, q.end), '');
  }
  return (
    !/^\s*["\u201c'\u2018]/.test(text.slice(start, end)) &&
    !/^that\b/i.test(text.slice(toks[cue.last + 1]?.s ?? start, end)) &&
    !FINITE_LOWER.test(object) &&
    !/\b\p{Ll}+ed\b/u.test(object) &&
    !objSpans.some((q) => !isQuotedTitle(text, q))
  );
}

/**
 * End of a verb's own object: "confirmed the partnership but declined to discuss volumes" — a coordinated
 * second predicate ("but declined", "and said") is not part of what was confirmed.
 */
function objectEnd(text: string, start: number, end: number): number {
  // (a blank run is tried from its first blank only: a later start could not match either)
  const m = /(?:,|(?<!\s))\s+(?:and|but)\s+(?:also\s+|then\s+)?(?:\p{Ll}+ed|said|told|did|does|would|will)\b/u.exec(
    text.slice(start, end),
  );
  return m ? start + m.index : end;
}

function objectOf(text: string, start: number, end: number): string {
  return text.slice(start, objectEnd(text, start, end));
}

/** A short quotation in title case ("Small Is the New Big"): a name of a work, not speech. */
function isQuotedTitle(text: string, q: QSpan): boolean {
  if (q.words > 6) return false;
  const words = text.slice(q.start, q.end).match(/[\p{L}\p{N}]+/gu) ?? [];
  return words.filter((w) => /^\p{Lu}/u.test(w)).length * 2 > words.length;
}

/** A claim fronted before its attribution; `quote` when it is a quotation. */
interface Fronted {
  start: number;
  end: number;
  quote: boolean;
  words: number;
}

/** The clause fronted before "…, X said": from the sentence start to the comma before the subject. */
function frontedContent(text: string, start: number, subjStart: number, spans: QSpan[]): Fronted | null {
  start = skipDateline(text, start, subjStart);
  const region = text.slice(start, subjStart);
  const m = /(?<![\s,\u2014\u2013])[\s,\u2014\u2013]*$/.exec(region);
  const end = start + (m ? m.index : region.length);
  if (end <= start) return null;
  // A quotation closing right before the attribution.
  const qs = spansIn(spans, start - 1, end + 1);
  const lastQ = qs[qs.length - 1];
  let quote =
    !!lastQ &&
    /^[\s,]*$/.test(
      text
        .slice(lastQ.closed ? lastQ.close + 1 : lastQ.close, subjStart)
        .replace(/[,\s\u2014\u2013'"\u201d\u2019\u00bb]/g, ''),
    );
  // A short quoted title inside the clause ('In his memoir, "Promises Kept," the senator recalls') is not the
  // claim: a fronted quotation opens its sentence or is long enough to be speech.
  if (quote && lastQ!.open > start && !/^[\s\u2014-]*$/.test(text.slice(start, lastQ!.open)) && lastQ!.words < 4) {
    quote = false;
  }
  const qStart = quote && lastQ!.open < start ? lastQ!.open : start;
  const words = wordCount(text, qStart, end);
  if (words < 2) return null;
  // A paraphrase fronted before "…, X said" is a clause set off by a comma, not a lead-in phrase.
  const lead = /^\s*(\p{L}+)/u.exec(region)?.[1]?.toLowerCase() ?? '';
  if (
    !quote &&
    (!/,/.test(text.slice(end, subjStart)) ||
      (/^(?:in|on|at|after|before|during|for|with|from|by|under|as|while|when|since|like|unlike)$/.test(lead) &&
        !FINITE.test(region) &&
        !/\b\p{Ll}+ed\b/u.test(region)))
  ) {
    return null;
  }
  return { start: qStart, end: quote ? Math.max(end, lastQ!.close + 1) : end, quote, words };
}

/** Skips a dateline ("KHARTOUM, Sudan — ", "LONDON (Reuters) - "): it is not part of the claim. */
function skipDateline(text: string, start: number, end: number): number {
  const dateline = /^[\p{Lu}][\p{Lu} .'-]+(?:, [\p{L} .]+)?(?: \([^)]*\))? ?[\u2014\u2013-] /u.exec(
    text.slice(start, end),
  );
  return dateline ? start + dateline[0].length : start;
}

/** Skips ", the union's regional secretary," after a fronted "According to Janet Moss". */
function skipAppositive(text: string, from: number, end: number): number {
  const m = /^\s*,\s*((?:the|a|an|his|her|its|their|\p{Ll})[^,;:.]{0,80}),/u.exec(text.slice(from, end));
  if (m && !FINITE.test(m[1]!) && !/\b(?:that|who|which)\b/.test(m[1]!)) return from + m[0].length;
  return from;
}

const CUT_CONJUNCTIONS = ['and', 'but', 'while', 'whereas'];

function cutBeforeConjunction(text: string, from: number, nextStart: number): number {
  // Read from the end what `/[,;]?\s*(?:and|but|while|whereas)?\s*$/i` matched leftmost (it was cubic in
  // blanks): trailing blanks, a conjunction (no word boundary, as before), blanks, a comma or semicolon.
  let i = nextStart;
  while (i > from && /\s/.test(text[i - 1]!)) i--;
  const conj = CUT_CONJUNCTIONS.find((w) => i - w.length >= from && text.slice(i - w.length, i).toLowerCase() === w);
  if (conj) {
    i -= conj.length;
    while (i > from && /\s/.test(text[i - 1]!)) i--;
  }
  if (i > from && (text[i - 1] === ',' || text[i - 1] === ';')) i--;
  return i;
}

/** "according to X" cues outside quotations, not those right after a speech verb. */
function findAccordingTo(
  text: string,
  toks: Token[],
  inQuote: (pos: number) => boolean,
): Array<{ cueStart: number; np: Span }> {
  const out: Array<{ cueStart: number; np: Span }> = [];
  for (let i = 0; i + 2 < toks.length; i++) {
    if (toks[i]!.lw !== 'according' || toks[i + 1]!.lw !== 'to') continue;
    if (inQuote(toks[i]!.s)) continue;
    const prev = toks[i - 1];
    if (prev && (SPEECH_VERB_FORMS.has(prev.lw) || (toks[i - 2] && SPEECH_VERB_FORMS.has(toks[i - 2]!.lw)))) continue;
    let k = i + 2;
    while (k + 1 < toks.length && k - i < 16) {
      const gap = text.slice(toks[k]!.e, toks[k + 1]!.s);
      if (!plainGap(text, toks[k]!.e, toks[k + 1]!.s) || /[,;]/.test(gap)) break;
      k++;
    }
    out.push({ cueStart: toks[i]!.s, np: { start: toks[i + 2]!.s, end: toks[k]!.e } });
    i = k;
  }
  return out;
}

/** Speaker of "according to a report issued by the Office of …": the issuer behind the document noun. */
function resolveAccording(resolver: SpeakerResolver, text: string, np: Span, sentStart: number): Speaker {
  const phrase = text.slice(np.start, np.end);
  const doc =
    /^(?:the|a|an|its|his|her|their)?\s*(?:\w+\s+){0,2}(?:statement|report|document|transcript|memo|study|survey|filing|letter|analysis|data|figures|estimates?|records?|release|post|complaint|indictment|lawsuit)s?\s+(?:(?:issued|released|published|prepared|written|compiled|filed)\s+(?:\w+\s+){0,3})?(?:from|by|of|in)\s+/i.exec(
      phrase,
    );
  // "a study published on Wednesday in The Lancet": the journal speaks for it; "in 2024" names nobody.
  if (doc && (!/\bin\s+$/i.test(doc[0]) || /^(?:the\s+)?\p{Lu}/u.test(phrase.slice(doc[0].length)))) {
    return via(resolver.resolve(np.start + doc[0].length, np.end, sentStart), 'quote.speaker.subject.document-issuer');
  }
  return via(resolver.resolve(np.start, np.end, sentStart), 'quote.speaker.subject.according-to');
}

// ---------------------------------------------------------------------------------------------------------
// Helpers

/** `speaker` with the id of one more rule that chose it, before the ones already recorded. */
function via(speaker: Speaker, rule: string): Speaker {
  return { ...speaker, rules: [rule, ...(speaker.rules ?? [])] };
}

/** A rule deciding a claim's anonymous flag: its id, an example, when it applies and the flag it sets. */
interface AnonymityRule {
  id: string;
  example: string;
  anonymous: boolean;
  applies(speaker: Speaker, sentenceCue: string | null): boolean;
}

/** The anonymity rules, in order: the first that applies sets the flag. */
const ANONYMITY_RULES: readonly AnonymityRule[] = [
  {
    id: 'quote.anonymous.cue',
    example: '"…," an official said on condition of anonymity',
    anonymous: true,
    applies: (s, cue) => (s.anonymous && !!(s.anonymityCue ?? cue)) || (!!cue && !s.mention && s.name !== null),
  },
  {
    id: 'quote.anonymous.unnamed-group',
    example: 'officials said …',
    anonymous: true,
    applies: (s) => s.anonymous && s.type === 'group',
  },
  {
    id: 'quote.anonymous.unnamed-speaker',
    example: 'a Malian diplomat said …',
    anonymous: true,
    applies: (s) => s.anonymous,
  },
  {
    id: 'quote.anonymous.no-speaker',
    example: '"…," it was said (nobody to flag)',
    anonymous: false,
    applies: (s) => s.name === null,
  },
  {
    id: 'quote.anonymous.on-record',
    example: 'Nick Checker said …',
    anonymous: false,
    applies: () => true,
  },
];

function wordCount(text: string, start: number, end: number): number {
  const m = text.slice(start, end).match(/[\p{L}\p{N}]+/gu);
  return m ? m.length : 0;
}

function trimRange(text: string, start: number, end: number, kind: Quote['kind']): [number, number] {
  while (start < end && /[\s,:;\u2014\u2013]/.test(text[start]!)) start++;
  while (end > start && /[\s,;:\u2014\u2013]/.test(text[end - 1]!)) end--;
  if (kind === 'indirect') {
    while (end > start && /[.]/.test(text[end - 1]!)) end--;
  } else {
    // A direct quote's text is the words inside the marks.
    while (start < end && QUOTE_CHARS.test(text[start]!)) start++;
    while (end > start && /["\u201d\u00bb]/.test(text[end - 1]!)) end--;
    while (end > start && /[\s,]/.test(text[end - 1]!)) end--;
  }
  return [start, end];
}

function stripQuotes(text: string, start: number, end: number, spans: QSpan[]): string {
  let out = '';
  let pos = start;
  for (const q of spansIn(spans, start, end)) {
    if (q.open > pos) out += text.slice(pos, q.open);
    pos = Math.max(pos, q.close + 1);
  }
  if (pos < end) out += text.slice(pos, end);
  return out;
}

function makeLocator(paragraphs: Span[]): (pos: number) => number {
  const starts = paragraphs.map((p) => p.start);
  return (pos: number): number => partitionPoint(starts, (s) => s <= pos) - 1;
}
