/**
 * Claims of speech cues: the content after a cue ("said that …", "told reporters …"), the clause or
 * quotation fronted before it ('"…," X said'), and "according to X" attributions with their content.
 */
import type { Span } from './sentences';
import { SpeakerResolver, type Speaker, via } from './speakers';
import { OBJECT_VERBS, SPEECH_NOUNS, SPEECH_VERB_FORMS } from './lexicons/speech';
import { DOCUMENT_NOUNS, ISSUING_PARTICIPLES } from './lexicons/roles';
import { type QSpan, spansIn, wordCount } from './quoteSpans';
import type { Word, Cue } from './speechCues';
import { FINITE, FINITE_LOWER, ADVERBIAL_LEAD, plainGap } from './subjects';

/** A time adverbial opening the words after a verb ("on Monday", "last week", "earlier this month"). */
const TIME_LEAD =
  /^(?:(?:late |early )?on (?:\p{L}+day|\p{Lu}\p{L}+ \d+)|(?:late|early) \p{L}+day|last (?:week|month|year|night|\p{L}+day)|this (?:week|month|year|morning|afternoon|evening)|earlier (?:this|on) \p{L}+|today|yesterday|tonight)\s*,?\s+/iu;

/** An anonymity phrase right after the verb ("said on condition of anonymity"). */
const ANON_LEAD =
  /^(?:,\s*)?(?:on (?:the )?condition of anonymity|anonymously|on background|privately|speaking on condition of anonymity)(?:\s*,)?\s*/i;

/** Verbs whose bare noun-phrase object is a speech act, not a claim ("announced the winners"). */
export const CLAUSE_ONLY_VERBS = new Set(
  'announce confirm reveal disclose acknowledge admit predict estimate reiterate report recall mention note indicate declare write'.split(
    ' ',
  ),
);

/** The claim after a cue; `hasQuote` when a quotation opens inside it. */
export interface Content {
  start: number;
  end: number;
  hasQuote: boolean;
}

/** The claim after a cue: "that …", ": “…”", "reporters that …", or the rest of the clause. */
export function contentAfter(
  text: string,
  toks: Word[],
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
  if (
    CLAUSE_ONLY_VERBS.has(cue.lemma) &&
    !isDecreeObject(text, cue, start, end) &&
    isBareRecordObject(text, toks, cue, start, end, spans)
  )
    return null;
  // rule time-only-content: "said late Thursday." — a time phrase alone is never the claim
  if (TIME_ONLY.test(text.slice(start, end))) return null;
  const hasQuote = spansIn(spans, start, end).some((q) => q.open >= start - 1 && q.open < end);
  return { start, end, hasQuote };
}

/**
 * Where the claim starts after a listener ("told reporters that …", "told Al Jazeera she had lost …",
 * "warned residents to stay indoors"); null when there is none ("told Reuters.").
 */
function afterListener(text: string, toks: Word[], cue: Cue, i: number, limit: number, spans: QSpan[]): number | null {
  for (let k = i; k < toks.length && k < i + 14 && toks[k]!.s < limit; k++) {
    if (toks[k]!.lw === 'that') return toks[k + 1]?.s ?? limit;
    const q = spansIn(spans, toks[k]!.e, toks[k]!.e + 3).find((s) => s.open >= toks[k]!.e);
    if (q && /^[\s,:]*$/.test(text.slice(toks[k]!.e, q.open))) return q.open;
  }
  // "told Al Jazeera she had lost…": the listener, then a clause opening with a pronoun.
  let k = i;
  if (toks[k] && /^(?:the|a|an)$/.test(toks[k]!.lw)) k++;
  while (k < toks.length && k < i + 5 && /^\p{Lu}/u.test(toks[k]!.w)) k++;
  if (k === i)
    k = i + 1; // "told reporters"
  else if (k === i + 1 && /^(?:the|a|an)$/.test(toks[i]!.lw)) k = i + 2; // "told the jury"
  const nextTok = toks[k];
  if (
    nextTok &&
    nextTok.s < limit &&
    (/^(?:he|she|they|it|we|i|there)$/.test(nextTok.lw) || namedClauseSubject(toks, k)) &&
    plainGap(text, toks[k - 1]!.e, nextTok.s)
  ) {
    return nextTok.s;
  }
  // "warned residents to stay indoors" keeps the object; "told Reuters." has no claim.
  const toIdx = toks.slice(i, i + 6).findIndex((t) => t.lw === 'to');
  return toIdx < 0 || !/^(?:warn|urge|remind)$/.test(cue.lemma) ? null : toks[i]!.s;
}

/** Past forms that end in no "-ed" but open a reported clause ("told the jury Reyes stood over him"). */
const IRREGULAR_PAST = new Set(
  'stood went came saw took made got gave knew left ran fell held kept shot hit put sat found brought began felt lost won sent spent paid drew drove threw broke struck met'.split(
    ' ',
  ),
);

/** Rule listener-then-named-clause: a capitalized name (one to three words) and a finite verb open a clause. */
function namedClauseSubject(toks: Word[], k: number): boolean {
  let j = k;
  while (j < toks.length && j < k + 3 && /^\p{Lu}\p{Ll}/u.test(toks[j]!.w)) j++;
  const verb = toks[j];
  if (j === k || !verb) return false;
  return IRREGULAR_PAST.has(verb.lw) || /^\p{Ll}+ed$/u.test(verb.w) || FINITE_LOWER.test(verb.w);
}

/**
 * Where the claim starts after a cue's anonymity phrase, time adverbial or "that" ("said on condition of
 * anonymity", "said on Monday it would …", "said at the trial that …"); null when no claim follows.
 */
function afterAdverbials(text: string, toks: Word[], i: number, limit: number, spans: QSpan[]): number | null {
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
  // rule time-lead-that: "said late Thursday that the road had reopened" — the claim starts after "that"
  if (timeLead && /^that\b/i.test(text.slice(start + timeLead[0].length, limit))) {
    const k = toks.findIndex((t) => t.s >= start + timeLead[0].length);
    return toks[k + 1] && toks[k + 1]!.s < limit ? toks[k + 1]!.s : null;
  }
  if (timeLead) {
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

/** A time phrase and nothing else ("late Thursday", "on Monday", "last week."). */
const TIME_ONLY =
  /^(?:(?:late|early)\s+)?(?:on\s+)?(?:\p{L}+day|yesterday|today|tonight|(?:last|this|next)\s+\p{L}+|(?:\p{Lu}\p{L}+\.?\s+\d{1,2}))(?:\s+(?:morning|afternoon|evening|night))?[\s.,;!?]*$/iu;

/** Verbs that announce a measure: "announced a ban on …", "declared a curfew in …" (rule decree-object). */
const DECREE_VERBS = new Set(['announce', 'declare']);

/** A measure announced ("a ban on the export of rice"): an indefinite noun with "on", "against" or "in". */
function isDecreeObject(text: string, cue: Cue, start: number, end: number): boolean {
  return DECREE_VERBS.has(cue.lemma) && /^(?:a|an)\s+\p{Ll}+\s+(?:on|against|in)\s+\S/u.test(text.slice(start, end));
}

/**
 * "announced the winners", "confirmed the deal": a verb of record with a bare object has no claim. A quoted
 * title inside the object ('wrote a manifesto, "Small Is the New Big," that …') is no claim, and its words
 * ("Is") are no verbs.
 */
function isBareRecordObject(text: string, toks: Word[], cue: Cue, start: number, end: number, spans: QSpan[]): boolean {
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
  // "acknowledged her disagreements … when she criticized …": a subordinate clause is not the object either
  const sub = /\s(?:when|after|before|because|while|since|as|if)\s+(?:he|she|they|it|we|i)\b/.exec(
    text.slice(start, end),
  );
  const cut = Math.min(m ? m.index : end - start, sub ? sub.index : end - start);
  return start + cut;
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
export interface Fronted {
  start: number;
  end: number;
  quote: boolean;
  words: number;
}

/** The clause fronted before "…, X said": from the sentence start to the comma before the subject. */
export function frontedContent(text: string, start: number, subjStart: number, spans: QSpan[]): Fronted | null {
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
export function skipDateline(text: string, start: number, end: number): number {
  const dateline = /^[\p{Lu}][\p{Lu} .'-]+(?:, [\p{L} .]+)?(?: \([^)]*\))? ?[\u2014\u2013-] /u.exec(
    text.slice(start, end),
  );
  return dateline ? start + dateline[0].length : start;
}

/** Skips ", the union's regional secretary," after a fronted "According to Janet Moss". */
export function skipAppositive(text: string, from: number, end: number): number {
  const m = /^\s*,\s*((?:the|a|an|his|her|its|their|\p{Ll})[^,;:.]{0,80}),/u.exec(text.slice(from, end));
  if (m && !FINITE.test(m[1]!) && !/\b(?:that|who|which)\b/.test(m[1]!)) return from + m[0].length;
  return from;
}

const CUT_CONJUNCTIONS = ['and', 'but', 'while', 'whereas'];

/** The end of a claim before the conjunction that starts the next one ("…, and added that …"). */
export function cutBeforeConjunction(text: string, from: number, nextStart: number): number {
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
export function findAccordingTo(
  text: string,
  toks: Word[],
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

/**
 * "according to a report issued by …": a document noun (DOCUMENT_NOUNS, and a social-media "post", which
 * only here speaks for its author), maybe its participle, then the link to the issuer.
 */
const ACCORDING_DOCUMENT = new RegExp(
  `^(?:the|a|an|its|his|her|their)?\\s*(?:\\w+\\s+){0,2}(?:${[...DOCUMENT_NOUNS, 'post'].join('|')})s?\\s+` +
    `(?:(?:${ISSUING_PARTICIPLES.join('|')})\\s+(?:\\w+\\s+){0,3})?(?:from|by|of|in)\\s+`,
  'i',
);

/** Speaker of "according to a report issued by the Office of …": the issuer behind the document noun. */
export function resolveAccording(resolver: SpeakerResolver, text: string, np: Span, sentStart: number): Speaker {
  const phrase = text.slice(np.start, np.end);
  const doc = ACCORDING_DOCUMENT.exec(phrase);
  // "a study published on Wednesday in The Lancet": the journal speaks for it; "in 2024" names nobody.
  if (doc && (!/\bin\s+$/i.test(doc[0]) || /^(?:the\s+)?\p{Lu}/u.test(phrase.slice(doc[0].length)))) {
    return via(resolver.resolve(np.start + doc[0].length, np.end, sentStart), 'quote.speaker.subject.document-issuer');
  }
  return via(resolver.resolve(np.start, np.end, sentStart), 'quote.speaker.subject.according-to');
}

/** A speech noun after its possessor: "the mayor's promise to cut fares", "the union's claim that …". */
export interface SpeechNoun {
  /** The possessor, without its "'s": the speaker. */
  possessor: Span;
  /** The noun itself (the cue). */
  noun: Span;
  content: Span;
}

/** Possessives that are contractions ("it's", "she's"). */
const CONTRACTION = /^(?:it|he|she|that|what|there|who|here|where|this|let)['\u2019]s$/;

/**
 * Speech nouns with a named or determined possessor and their "to"/"that" complement (rule speech-noun);
 * pronoun possessors ("his vow") are left to the verb cues.
 */
export function findSpeechNouns(
  text: string,
  toks: Word[],
  end: number,
  inQuote: (pos: number) => boolean,
): SpeechNoun[] {
  const out: SpeechNoun[] = [];
  for (let n = 1; n + 2 < toks.length; n++) {
    const kinds = SPEECH_NOUNS.get(toks[n]!.lw);
    if (!kinds || inQuote(toks[n]!.s)) continue;
    // up to two adjectives between the possessor and the noun ("the administration's longstanding assertion")
    let j = n - 1;
    while (j > n - 3 && j > 0 && /^\p{Ll}+$/u.test(toks[j]!.w) && plainGap(text, toks[j]!.e, toks[j + 1]!.s)) j--;
    const pos = toks[j]!;
    if (!/['\u2019]s$/.test(pos.w) || CONTRACTION.test(pos.lw) || !plainGap(text, pos.e, toks[j + 1]!.s)) continue;
    const possessor = possessorPhrase(text, toks, j);
    if (!possessor) continue;
    const comp = toks[n + 1]!;
    if (!plainGap(text, toks[n]!.e, comp.s)) continue;
    let start: number;
    const quoteGap = /["\u201c]/.exec(text.slice(comp.e, toks[n + 2]!.s));
    if (comp.lw === 'to' && kinds.includes('to') && quoteGap) start = comp.e + quoteGap.index;
    else if (comp.lw === 'to' && kinds.includes('to') && /^\p{Ll}/u.test(toks[n + 2]!.w)) start = comp.s;
    else if (comp.lw === 'that' && kinds.includes('that')) start = toks[n + 2]!.s;
    else continue;
    out.push({
      possessor,
      noun: { start: toks[n]!.s, end: toks[n]!.e },
      content: { start, end: speechNounEnd(text, toks, n + 2, start, end, comp.lw === 'that') },
    });
  }
  return out;
}

/** "the transition team's", "Reyes's", "The president-elect's": the possessor phrase without "'s"; null for pronouns. */
function possessorPhrase(text: string, toks: Word[], j: number): Span | null {
  const end = toks[j]!.e - 2;
  let start = toks[j]!.s;
  const capital = /^\p{Lu}/u.test(toks[j]!.w);
  for (let k = j - 1; k >= 0 && k >= j - 4 && plainGap(text, toks[k]!.e, toks[k + 1]!.s); k--) {
    const w = toks[k]!;
    if (w.lw === 'the') return { start: w.s, end };
    if (/^\p{Lu}/u.test(w.w)) start = w.s;
    else if (!/^\p{Ll}[\p{Ll}-]*$/u.test(w.w) || !/^(?:[\p{Ll}-]+)$/u.test(w.w)) break;
  }
  return capital ? { start, end } : null;
}

/**
 * Where a speech noun's complement ends: an infinitive before the sentence's own verb ("to cut fares drew
 * cheers"), a that-clause before its second finite verb ("that the mill had been sold was denied"), a
 * quotation at its close; a dash or semicolon ends either.
 */
function speechNounEnd(text: string, toks: Word[], k: number, start: number, end: number, clause: boolean): number {
  const q = /^["\u201c]/.test(text[start] ?? '') ? text.indexOf(text[start] === '"' ? '"' : '\u201d', start + 1) : -1;
  if (q > start) return Math.min(end, q + 1);
  let finite = 0;
  // the infinitive's own verb ("to put …") is not the sentence's
  for (let i = clause ? k : k + 1; i < toks.length && toks[i]!.s < end; i++) {
    const gap = text.slice(toks[i - 1]!.e, toks[i]!.s);
    if (/[\u2014\u2013;]|\s-\s/.test(gap)) return toks[i - 1]!.e;
    const w = toks[i]!.w;
    const verb =
      (FINITE_LOWER.test(w) && w.length === w.match(FINITE_LOWER)![0].length) || (!clause && IRREGULAR_PAST.has(w));
    if (verb && /^\p{Ll}/u.test(w)) {
      finite++;
      if (finite > (clause ? 1 : 0)) return toks[i - 1]!.e;
    }
  }
  return end;
}
