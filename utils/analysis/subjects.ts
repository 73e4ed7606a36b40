/**
 * Subjects of speech cues: the noun phrase before a cue ("X said"), through appositives and relative
 * clauses ("X, a spokesman for Y, said"), after it ("said X"), the object of "quoted X as saying" and the
 * subject of a participle's sentence. Returns offsets; speakers.ts resolves them to speakers.
 */
import type { Span } from './sentences';
import { hasSpeakerHead, type NameIndex } from './speakers';
import { SPEECH_VERB_FORMS } from './lexicons/speech';
import { QUOTE_CHARS } from './quoteSpans';
import { type Word, AUX_ADV, PRONOUN_SUBJECTS, DETERMINER_WORDS } from './speechCues';

/** Time nouns of adverbial phrases ("last month", "on Monday"). */
const TIME_NOUN =
  /^(?:week|weekend|month|year|morning|afternoon|evening|night|monday|tuesday|wednesday|thursday|friday|saturday|sunday|spring|summer|autumn|fall|winter|time)$/;

/** Words that end a subject noun phrase when walking backwards from the verb. */
const BOUNDARY = new Set(
  (
    'that which who whom whose and but or nor because while when whenever as if after before since although ' +
    'though so then where whether than until unless also not is are was were be been being has have had do does ' +
    'did will would can could should may might must what how why'
  ).split(' '),
);

/** Finite verbs (and auxiliaries) that mark a comma segment as a clause rather than an appositive. */
export const FINITE =
  /\b(?:is|are|was|were|has|have|had|will|would|can|could|should|did|does|do|may|might|must|isn't|aren't|wasn't|weren't|hasn't|haven't|hadn't|won't|wouldn't|can't|couldn't|didn't|doesn't|don't)\b/i;

/** FINITE in lower case only: inside an object "May" is a month and "Is" part of a title. */
export const FINITE_LOWER = new RegExp(FINITE.source);

/** Words that open an adverbial (not a subject) segment or remainder. */
export const ADVERBIAL_LEAD = new Set(
  (
    'on in at during last this earlier later today yesterday tonight after before by from according via while ' +
    'when with without through over under also again then afterwards monday tuesday wednesday thursday friday ' +
    'saturday sunday nevertheless however meanwhile too separately recently previously now there here once ' +
    'speaking citing adding noting quoting'
  ) // participles that never head a subject
    .split(' '),
);

type SubjectFound =
  { kind: 'np'; start: number; end: number } | { kind: 'rel'; relTok: number } | { kind: 'coord' } | { kind: 'none' };

/** Walks back from the cue to its subject: a plain noun phrase, an appositive-interrupted one, or a relative. */
export function subjectBefore(
  text: string,
  toks: Word[],
  cueTok: number,
  floorTok: number,
  names: NameIndex,
): SubjectFound {
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
  const rel = relativeBody(text, toks, j, floorTok);
  if (rel !== null) return rel;
  if (BOUNDARY.has(lw)) return { kind: 'none' };
  const k = walkNP(text, toks, j, floorTok, names);
  return { kind: 'np', start: toks[k]!.s, end: toks[j]!.e };
}

/** Verb forms that open the body of a subject relative clause ("who attended", "that have worked"). */
const RELATIVE_BODY_VERB =
  /^(?:\p{Ll}+ed|has|have|had|is|are|was|were|will|would|can|could|did|do|does|know|knew|work|works|live|lives|spoke|saw|took|met|ran|run|runs|led|leads|left|sat|sit|sits|stood|heard|wrote|own|owns|held|hold|holds|represent|represents|oversee|oversees|oversaw|attend|attends|study|studies|follow|follows)$/u;

/**
 * rule relative-subject: "Officials who attended the meeting said", "People who have worked with her say" —
 * the subject is the noun phrase before the relative pronoun, never the clause's words. Looks back at most
 * eight words from the cue for a lower-case "who"/"that" followed by a verb.
 */
function relativeBody(text: string, toks: Word[], j: number, floorTok: number): SubjectFound | null {
  for (let t = j - 1; t >= Math.max(floorTok + 1, j - 8); t--) {
    const w = toks[t]!;
    if (!plainGap(text, w.e, toks[t + 1]!.s)) return null;
    if ((w.w === 'who' || w.w === 'that') && RELATIVE_BODY_VERB.test(toks[t + 1]!.lw)) {
      const head = t - 1;
      if (BOUNDARY.has(toks[head]!.lw) || PRONOUN_SUBJECTS.has(toks[head]!.lw)) return null;
      // "said that …" belongs to an earlier cue; "the rule that was passed" heads no speaker
      const k = walkNP(text, toks, head, floorTok);
      const np = text.slice(toks[k]!.s, toks[head]!.e);
      if (!hasSpeakerHead(np) && !/^\p{Lu}/u.test(toks[head]!.w)) return null;
      return { kind: 'np', start: toks[k]!.s, end: toks[head]!.e };
    }
  }
  return null;
}

/** True when the gap between two tokens is plain words-space (or a possessive or a parenthesis). */
export function plainGap(text: string, a: number, b: number): boolean {
  return /^(?:\s*|['\u2019]s?\s+|\s*\)\s*|\s*\(\s*)$/.test(text.slice(a, b));
}

/** Extends a noun phrase ending at token `j` backwards until a boundary word or punctuation. */
function walkNP(text: string, toks: Word[], j: number, floorTok: number, names?: NameIndex): number {
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
    // rule and-inside-name: "the Post and Courier newspaper" — an "and" inside a name joins it
    if (w === 'and' && names?.covering(toks[k - 1]!.s, toks[k - 1]!.e)) {
      k--;
      continue;
    }
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
function commaSubject(text: string, toks: Word[], j: number, floorTok: number, names: NameIndex): SubjectFound {
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
function commaSegment(text: string, toks: Word[], end: number, floorTok: number): CommaSegment {
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
  toks: Word[],
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
  // rule title-appositive: an organization or place that only modifies the segment's head ("Lumen Robotics
  // chief executive") describes the person named beside it; it does not open the segment as a speaker
  const opensWithName = refs.some(
    (r) =>
      (r.start === toks[k]!.s && ((r.type !== 'organization' && r.type !== 'place') || r.end >= toks[segEnd]!.e)) ||
      (r.type === 'person' && /^\p{Lu}/u.test(toks[k]!.w)),
  );
  const personLed = opensWithName || (refs.some((r) => r.type === 'person') && !DETERMINER_WORDS.has(first));
  const rank = personLed ? 2 : refs.length ? 1 : 0;
  return { start: toks[k]!.s, end: toks[segEnd]!.e, named: refs.length > 0, rank };
}

/** The noun phrase a relative pronoun ("who", "which") refers to. */
export function antecedentBefore(text: string, toks: Word[], relTok: number, floorTok: number): Span | null {
  const j = relTok - 1;
  if (j < floorTok) return null;
  const k = walkNP(text, toks, j, floorTok);
  return { start: toks[k]!.s, end: toks[j]!.e };
}

/** Inverted subject: '"…," said Joseph Schwieterman, a transportation expert'. */
export function subjectAfter(text: string, toks: Word[], cueLast: number): Span | null {
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
export function quotedObject(toks: Word[], sayingTok: number): Span | null {
  if (toks[sayingTok - 1]?.lw !== 'as') return null;
  for (let k = sayingTok - 2; k >= Math.max(0, sayingTok - 9); k--) {
    if (/^(?:quoted|quotes|quoting)$/.test(toks[k]!.lw)) {
      return k + 1 <= sayingTok - 2 ? { start: toks[k + 1]!.s, end: toks[sayingTok - 2]!.e } : null;
    }
  }
  return null;
}

/** The subject of a sentence whose participle ("…, calling for …") has no subject of its own. */
export function sentenceSubject(text: string, toks: Word[], cueTok: number, names: NameIndex): Span | null {
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
