/**
 * Quote engine: finds every attributed statement in article text — direct quotes in any quotation style
 * and reported speech ("X said that…", "…, X told reporters", "according to X, …") — and resolves who made
 * it, whether the source is anonymous, and the cue that licensed the attribution. Every claim records the
 * ids of the rules that found it, chose its speaker and set its anonymous flag (`Quote.rules`).
 *
 * The text is cut once into a QuoteDoc (paragraphs, sentences merged across quotations, word tokens,
 * quotation-mark spans from quoteSpans.ts, paragraph roles from lexicons/boilerplate.ts, the name index
 * from speakers.ts). Passes then run in a written order over one Discourse state, most precise first; a
 * pass only claims what the earlier ones left (see utils/analysis/README.md):
 *  1. paragraph passes (PARAGRAPH_PASSES): boilerplate, social-media posts, interview transcript turns,
 *     a first-person block after a named speaker;
 *  2. sentence passes (SENTENCE_PASSES): speech-verb cues (speechCues.ts) with their subjects
 *     (subjects.ts, resolved by the SPEAKER_RULES of speakers.ts) and claims (claims.ts), then "according
 *     to X", then leftover quotations that read as speech, which inherit the nearby speaker;
 *  3. final passes (FINAL_PASSES): run-on quotations, an unnamed spokesperson named later.
 * All linear in the text length.
 */
import type { Entity, Quote } from './types';
import { splitParagraphs, splitSentences, type Span } from './sentences';
import { countBelow } from './bisect';
import { TWEET_SIGNATURE, captionSpans, creditSpans, isBoilerplate } from './lexicons/boilerplate';
import {
  SpeakerResolver,
  anonymityCue,
  buildNameIndex,
  type NameIndex,
  headNoun,
  speakerFromRef,
  type NameRef,
  type Speaker,
  via,
} from './speakers';
import { OBJECT_VERBS, QUOTE_ONLY_VERBS, REQUEST_VERBS, SPEECH_VERB_FORMS, THAT_CLAUSE_VERBS } from './lexicons/speech';
import {
  type QSpan,
  QUOTE_CHARS,
  findQuoteSpans,
  makeInQuote,
  spansIn,
  mergeAcrossQuotes,
  wordCount,
  stripQuotes,
} from './quoteSpans';
import { type Word, type Cue, scanWords, tokensIn, findCues, isCueInContext } from './speechCues';
import { subjectBefore, antecedentBefore, subjectAfter, quotedObject, sentenceSubject } from './subjects';
import {
  CLAUSE_ONLY_VERBS,
  type Content,
  contentAfter,
  type Fronted,
  frontedContent,
  skipDateline,
  skipAppositive,
  cutBeforeConjunction,
  findAccordingTo,
  findSpeechNouns,
  resolveAccording,
} from './claims';

/** Subjects that report nobody's claim (rule nobody-speaks). */
const NOBODY_SUBJECT = /^(?:few|very few|nobody|no one|none|let['\u2019]s|let us)$/i;

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
  tokens: Word[];
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
    tokens: scanWords(text),
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
  toks: Word[];
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
  { id: 'speech-noun', run: speechNounPass },
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
    // rule progressive-cue: "is calling on", "were urging": the subject stands before the auxiliary
    const progressive = cue.first > 0 && /^(?:is|are|was|were)$/.test(s.toks[cue.first - 1]!.lw);
    const isParticiple = cue.form.split(' ')[0]!.endsWith('ing') && cue.form !== 'saying' && !progressive;
    const isSaying = cue.form === 'saying' && !cue.phrase;
    const f: SubjectFind | null =
      isParticiple || isSaying
        ? participleSubject(doc, st, s, cue, isSaying, prev)
        : finiteSubject(doc, st, s, progressive ? { ...cue, first: cue.first - 1 } : cue, floorTok, prev);
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
  // rule skip-lead-adverbial: "Without naming the governor, Dana Reyes …, insinuating that": names in a
  // fronted adverbial phrase are not the subject
  const skip = leadAdverbialEnd(text, s.toks, cue.first);
  let np = sentenceSubject(text, s.toks.slice(skip), cue.first - skip, doc.names);
  // rule pronoun-sentence-subject: "She criticized …, even suggesting that": the clause's pronoun subject
  const lead = s.toks[skip];
  if (!np && lead && /^(?:he|she|they|we|i)$/.test(lead.lw)) np = { start: lead.s, end: lead.e };
  if (!np) return null;
  const phrase = text.slice(np.start, np.end);
  return { mode: 'part', subj: np, speaker: resolve(np), phrase, rule: 'quote.speaker.subject.sentence-subject' };
}

/** A sentence opened by a subordinator right before the cue's subject ("After", "When", "Although"). */
const SUBORDINATE_LEAD = /^\s*(?:after|when|although|though|because|since|before|until|once|while|if|as soon as)\s+$/i;

/** Subordinators and prepositions that open a fronted adverbial phrase ("Without naming …,", "After …,"). */
const LEAD_ADVERBIAL =
  /^(?:without|after|before|while|when|despite|during|although|though|because|since|if|unlike|like|with|in|on|at|as)$/;

/** The index of the first word after a sentence's fronted adverbial phrase (0 when there is none). */
function leadAdverbialEnd(text: string, toks: Word[], cueTok: number): number {
  if (!toks[0] || !LEAD_ADVERBIAL.test(toks[0].lw)) return 0;
  for (let k = 1; k < cueTok; k++) if (/,/.test(text.slice(toks[k - 1]!.e, toks[k]!.s))) return k;
  return 0;
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
  // rule comma-inverted: "As the verdict was read, Velde stared at the floor, reported Dana Reyes of Coastal
  // Radio, who was there." — a cue after a comma with its name after it and nothing else is an inversion
  const commaInv = commaInverted(doc, s, cue);
  if (commaInv) {
    const subj = commaInv.subj;
    const speaker = st.resolver.resolve(subj.start, subj.end, s.sent.start);
    return { mode: 'vs', subj, speaker, phrase: text.slice(subj.start, subj.end), rule: commaInv.rule };
  }
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

/** The inverted subject of ", reported Dana Reyes of Coastal Radio." after a clause; null when none. */
function commaInverted(doc: QuoteDoc, s: SentenceView, cue: Cue): { subj: Span; rule: string } | null {
  const { text, names } = doc;
  const { toks } = s;
  const prev = toks[cue.first - 1];
  if (!prev || cue.phrase || OBJECT_VERBS.has(cue.lemma) || !/^\s*,\s*$/.test(text.slice(prev.e, toks[cue.first]!.s)))
    return null;
  // a quotation before the comma is the usual '"…," said X' (the inverted-subject rule)
  if (doc.inQuote(prev.s) || /["\u201d\u2019]\s*,\s*$/.test(text.slice(prev.s, toks[cue.first]!.s))) return null;
  if (wordCount(text, s.sent.start, prev.e) < 4) return null;
  const first = toks[cue.last + 1];
  if (!first || !/^\p{Lu}/u.test(first.w)) return null;
  const name = names.inRange(first.s, first.s + 1)[0] ?? names.inRange(first.s, first.e + 60)[0];
  if (!name || name.start !== first.s || (name.type !== 'person' && name.type !== 'unknown')) return null;
  if (!/^\s*(?:[,.;]|of\s|\(|$)/.test(text.slice(name.end, s.sent.end))) return null;
  return { subj: { start: name.start, end: name.end }, rule: 'quote.speaker.subject.comma-inverted' };
}

/** '"…," said Joseph Schwieterman': the inverted subject, or the name apposed to it ("said the harbour master, Ana Ruiz,"). */
function invertedSubject(doc: QuoteDoc, toks: Word[], cueLast: number): { subj: Span; rule: string } | null {
  const { text, names } = doc;
  const after = subjectAfter(text, toks, cueLast);
  if (!after) return null;
  const apposed = names.inRange(after.end, after.end + 80)[0];
  if (
    apposed &&
    !names.inRange(after.start, after.end).some((r) => !r.possessive) &&
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
  // rule nested-relative-cue: "said that tenants who had accused the landlord …" — a relative clause inside
  // an earlier claim of the sentence is part of that claim
  const cueStartPos = s.toks[r.cue.first]!.s;
  if (
    r.mode === 'rel' &&
    results
      .slice(0, ri)
      .some((o) => o.mode !== 'rel' && o.content && o.content.start <= cueStartPos && cueStartPos < o.content.end)
  )
    return;
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
  // rule subordinate-cue: "After farmers protested that the canal would flood, the ministry withdrew the
  // plan." — a claim in a fronted subordinate clause ends at the comma before the main clause
  if (after && !after.hasQuote && r.mode === 'sv' && SUBORDINATE_LEAD.test(text.slice(s.sent.start, r.subjStart))) {
    const m = /,\s+(?=(?:the|a|an|he|she|they|it|we|i|\p{Lu})\b)/u.exec(text.slice(after.start, after.end));
    if (m) after.end = after.start + m.index;
  }
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
  // rule that-clause-only: "protested that …", "recounted how …" — without the clause no claim
  if (THAT_CLAUSE_VERBS.has(r.cue.lemma) && after && !front?.quote) {
    const lead = text.slice(cueEnd, after.start);
    const opener = /^\s*(?:that|how)\b/i.test(text.slice(after.start, after.start + 5));
    if (!/\b(?:that|how)\s*$/i.test(lead) && !opener && !spans.some((q) => q.open === after!.start)) return null;
  }
  // rule request-object: "asked the jury to consider …", "asked whether …", "asking for an inquiry into …",
  // "calling on the ministry to publish …" — the request is the claim
  if (REQUEST_VERBS.has(r.cue.lemma) && after && !spans.some((q) => q.open === after!.start)) {
    const req = requestContent(text, after);
    if (req) return { after: req, front: null };
    if (r.cue.lemma === 'call on') return null;
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

/** A request's object and infinitive or question ("the jury to consider …", "whether …", "for an inquiry …"). */
function requestContent(text: string, after: Content): Content | null {
  const body = text.slice(after.start, after.end);
  // "asked not to be named", "asked to be identified only by her first name": an anonymity request
  if (/^(?:\S+\s+){0,3}?(?:not\s+to|to\s+be\s+(?:named|identified|quoted))\b/i.test(body)) return null;
  if (/^(?:[\p{L}\p{N}.'\u2019-]+\s+){0,5}?to\s+\p{Ll}/u.test(body) || /^(?:whether|if)\s/i.test(body)) return after;
  const forObj = /^for\s+/i.exec(body);
  if (forObj && wordCount(text, after.start + forObj[0].length, after.end) >= 3)
    return { ...after, start: after.start + forObj[0].length };
  return null;
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

/**
 * Speech nouns with a possessor ("the mayor's promise to cut fares", "the union's claim that …"): the
 * possessor is the speaker (rule quote.find.speech-noun). A noun inside a claim already found is part of it.
 */
function speechNounPass(doc: QuoteDoc, st: Discourse, s: SentenceView): void {
  const { text } = doc;
  for (const sn of findSpeechNouns(text, s.toks, s.sent.end, doc.inQuote)) {
    if (st.out.some((q) => q.start <= sn.noun.start && sn.noun.start < q.end)) continue;
    if (
      doc.names.inRange(sn.possessor.start, sn.possessor.end).length === 0 &&
      !/^the\s/i.test(text.slice(sn.possessor.start, sn.possessor.end))
    )
      continue;
    const speaker = via(
      st.resolver.resolve(sn.possessor.start, sn.possessor.end, s.sent.start),
      'quote.speaker.subject.possessor',
    );
    // an unnamed possessor ("the president-elect's promise") is left unresolved rather than guessed
    if (!speaker.name || speaker.anonymous || ANONYMITY_RULES.find((r) => r.applies(speaker, s.anon))!.anonymous)
      continue;
    const a = { speaker, cue: text.slice(sn.noun.start, sn.noun.end), anonCue: s.anon, find: 'quote.find.speech-noun' };
    emitContent(doc, st, sn.content.start, sn.content.end, a, false);
  }
}

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
// Paragraphs and quotations that read as speech

/** First-person tokens that mark a paragraph as someone's own words. */
const FIRST_PERSON = /^(?:i|i've|i'm|i'd|i'll|we|we're|we've|we'd|we'll|our|ours|us|my|me)$/;

/** A paragraph in the first person, without quotation marks or speech cues, of some length. */
function isFirstPersonBlock(text: string, p: Span, tokens: Word[], inQuote: (pos: number) => boolean): boolean {
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
// The anonymous flag

/** A rule deciding a claim's anonymous flag: its id, an example, when it applies and the flag it sets. */
export interface AnonymityRule {
  id: string;
  example: string;
  anonymous: boolean;
  applies(speaker: Speaker, sentenceCue: string | null): boolean;
}

/** The anonymity rules, in order: the first that applies sets the flag. */
export const ANONYMITY_RULES: readonly AnonymityRule[] = [
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

// ---------------------------------------------------------------------------------------------------------
// Helpers

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

function makeLocator(paragraphs: Span[]): (pos: number) => number {
  const starts = paragraphs.map((p) => p.start);
  return (pos: number): number => countBelow(starts, pos, true) - 1;
}
