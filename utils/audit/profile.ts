/**
 * Speaker profiles for the sourcing audit (issue 16), pure core: for each speaker of an analysed article,
 * its kind (kinds.ts) and its gender — recorded only from evidence in the article itself. Run once when the
 * article's sourcing is saved, while the text is at hand; the audit then only counts.
 *
 * Gender evidence, in order of strength:
 * - an honorific right before a mention ("Ms. Okafor", "Mr Vance"): female for Ms/Mrs/Miss, male for Mr;
 * - a pronoun that the speaker resolution linked to the person: a claim attributed to them whose
 *   attribution is a pronoun ("…," she said / She told reporters that …).
 * Contradicting evidence leaves the gender unknown. A given-name guess is computed separately and is never
 * mixed into `gender`: the audit shows it only when the reader switches it on, labelled as a guess.
 */
import type { Analysis, Entity, EntityType, Quote } from '../analysis/types';
import { kindOfPhrase, phraseTokens, type SpeakerKind } from './kinds';

/** Gender as the audit shows it. */
export type Gender = 'female' | 'male' | 'unknown';

/** Why a gender or kind was recorded: the method and the words of the article that showed it. */
export interface Evidence {
  method: 'honorific' | 'pronoun' | 'role' | 'entity-type' | 'given-name';
  text: string;
}

/** What the audit needs to know about one speaker of one article. */
export interface SpeakerProfile {
  speaker: string;
  /** The entity type when the speaker is a named entity, else null (descriptive or unknown speakers). */
  type: EntityType | null;
  kind: SpeakerKind;
  kindEvidence: Evidence | null;
  gender: Gender;
  genderEvidence: Evidence | null;
  /** From the given-name lists only; null when the first name is not in them or is used for both. */
  genderGuess: Exclude<Gender, 'unknown'> | null;
}

/** Honorifics that state gender, right before a name (period optional, British style). */
const HONORIFIC_BEFORE = /\b(Ms|Mrs|Miss|Mr)\.?\s+$/;
const HONORIFIC_GENDER: Readonly<Record<string, Exclude<Gender, 'unknown'>>> = {
  Ms: 'female',
  Mrs: 'female',
  Miss: 'female',
  Mr: 'male',
};
const PRONOUN_GENDER: Readonly<Record<string, Exclude<Gender, 'unknown'>>> = { she: 'female', he: 'male' };

/** How far around a claim the attribution pronoun may be: `"…," she said` and `She said that …`. */
const WINDOW = 40;

/** Characters before a mention read for a title, and after it for an appositive. */
const ROLE_BEFORE = 48;
const ROLE_AFTER = 120;

/** The pronoun subject of a claim's attribution, when the speaker resolution went through one. */
function attributionPronoun(text: string, q: Quote): string | null {
  if (!q.cue) return null;
  const cue = q.cue.toLowerCase().split(/\s+/)[0]!;
  const after = text.slice(q.end, q.end + WINDOW).toLowerCase();
  const before = text.slice(Math.max(0, q.start - WINDOW), q.start).toLowerCase();
  const lead = /^[\s"'”’.,!?—–-]{0,4}(she|he)\s+(\w+)/.exec(after);
  if (lead && lead[2] === cue) return lead[1]!;
  const inverted = /^[\s"'”’.,!?—–-]{0,4}(\w+)\s+(she|he)\b/.exec(after);
  if (inverted && inverted[1] === cue) return inverted[2]!;
  const reported = /\b(she|he)\s+(\w+)(?:\s+\w+)?\s+(?:that\s+)?$/.exec(before);
  if (reported && reported[2] === cue) return reported[1]!;
  return null;
}

/** Determiners that open a full appositive ("Lena Park, an economist at the university, said"). */
const DETERMINER = /^(?:an?|the|his|her|their|its)\s/i;

/**
 * What the article says a named speaker is, from each mention: the appositive after it ("Lena Park, an
 * economist at the university,"; "Maria Okafor, Lumen Robotics chief executive,") and the title words
 * right before it ("Housing advocate Rita Gomez", "the company's chief executive Omar Haddad"). A role
 * word counts before a name, or in an appositive without a determiner, only as the phrase's last word:
 * "the mayor told Rita Gomez" says nothing about Gomez.
 */
function kindFromMentions(text: string, e: Entity): { kind: SpeakerKind; word: string; phrase: string } | null {
  for (const m of e.mentions) {
    const after = text.slice(m.end, m.end + ROLE_AFTER);
    const appositive = /^,\s+(?:\d{1,3},\s+)?([^,.;:"“”()]+)/.exec(after)?.[1];
    if (appositive) {
      const hit = kindOfPhrase(appositive);
      if (hit && (DETERMINER.test(appositive) || endsWithWord(appositive, hit.word)))
        return { ...hit, phrase: appositive.trim() };
    }
    const clause = (
      text
        .slice(Math.max(0, m.start - ROLE_BEFORE), m.start)
        .split(/[;:!?"“”()\n]|\.\s/)
        .pop() ?? ''
    ).trim();
    const hit = clause ? kindOfPhrase(clause) : null;
    if (hit && endsWithWord(clause, hit.word)) return { ...hit, phrase: clause };
  }
  return null;
}

/** True when the phrase's last word(s) are `word` ("Sen." ends with "sen", "CREA's chief economist" with "economist"). */
function endsWithWord(phrase: string, word: string): boolean {
  const toks = phraseTokens(phrase);
  const n = word.split(' ').length;
  return toks.slice(-n).join(' ') === word;
}

/** The kind of a speaker: from its entity type, what the article says of it, or its descriptive phrase. */
function kindOf(
  text: string,
  speaker: string,
  entity: Entity | undefined,
): Pick<SpeakerProfile, 'kind' | 'kindEvidence'> {
  if (entity?.type === 'organization')
    return { kind: 'organization', kindEvidence: { method: 'entity-type', text: entity.text } };
  const hit = entity
    ? kindFromMentions(text, entity)
    : kindOfPhrase(speaker) && { ...kindOfPhrase(speaker)!, phrase: speaker };
  return hit
    ? { kind: hit.kind, kindEvidence: { method: 'role', text: hit.phrase } }
    : { kind: 'unknown', kindEvidence: null };
}

/** Gender from honorifics before the entity's mentions and pronouns of its claims; contradictions → unknown. */
function genderOf(
  text: string,
  entity: Entity | undefined,
  claims: readonly Quote[],
): Pick<SpeakerProfile, 'gender' | 'genderEvidence'> {
  if (entity?.type !== 'person') return { gender: 'unknown', genderEvidence: null };
  const found: { gender: Exclude<Gender, 'unknown'>; evidence: Evidence }[] = [];
  for (const m of entity.mentions) {
    const h = HONORIFIC_BEFORE.exec(text.slice(Math.max(0, m.start - 6), m.start));
    if (h)
      found.push({
        gender: HONORIFIC_GENDER[h[1]!]!,
        evidence: { method: 'honorific', text: `${h[0]}${m.text}`.trim() },
      });
  }
  for (const q of claims) {
    const p = attributionPronoun(text, q);
    if (p) found.push({ gender: PRONOUN_GENDER[p]!, evidence: { method: 'pronoun', text: `${p} ${q.cue}` } });
  }
  if (found.length === 0) return { gender: 'unknown', genderEvidence: null };
  if (found.some((f) => f.gender !== found[0]!.gender)) return { gender: 'unknown', genderEvidence: null };
  return { gender: found[0]!.gender, genderEvidence: found[0]!.evidence };
}

/**
 * One profile per distinct speaker of `analysis` (named and descriptive; claims without a speaker are
 * left out). `givenGender` maps a capitalized given name to 'f' or 'm' (the analyzer's given-name lists);
 * it only fills `genderGuess`.
 */
export function profileSpeakers(
  analysis: Analysis,
  givenGender: ReadonlyMap<string, 'f' | 'm'> = new Map(),
): SpeakerProfile[] {
  const byName = new Map(analysis.entities.map((e) => [e.text, e] as const));
  const claims = new Map<string, Quote[]>();
  for (const q of analysis.quotes) {
    if (!q.speaker) continue;
    const list = claims.get(q.speaker) ?? [];
    list.push(q);
    claims.set(q.speaker, list);
  }
  return [...claims].map(([speaker, qs]) => {
    const entity = byName.get(speaker);
    const first = entity?.type === 'person' ? (speaker.split(/\s+/)[0] ?? '') : '';
    const guess = givenGender.get(first);
    return {
      speaker,
      type: entity?.type ?? null,
      ...kindOf(analysis.text, speaker, entity),
      ...genderOf(analysis.text, entity, qs),
      genderGuess: guess === 'f' ? 'female' : guess === 'm' ? 'male' : null,
    };
  });
}

/** The profile fields stored with a saved claim (the database's and message contract's names). */
export interface ClaimProfileFields {
  speakerType: EntityType | null;
  speakerKind: SpeakerKind | null;
  gender: Gender | null;
  genderGuess: Exclude<Gender, 'unknown'> | null;
}

const profileCache = new WeakMap<Analysis, Map<string, SpeakerProfile>>();

/**
 * The profile of `quote`'s speaker, for storing with the saved claim; all null when the claim has no
 * speaker. Profiles are computed once per analysis (the first save), not once per claim.
 */
export function claimProfileFields(
  analysis: Analysis,
  quote: Quote | undefined,
  givenGender?: ReadonlyMap<string, 'f' | 'm'>,
): ClaimProfileFields {
  let byName = profileCache.get(analysis);
  if (!byName) {
    byName = new Map(profileSpeakers(analysis, givenGender).map((p) => [p.speaker, p] as const));
    profileCache.set(analysis, byName);
  }
  const p = quote?.speaker ? byName.get(quote.speaker) : undefined;
  if (!p) return { speakerType: null, speakerKind: null, gender: null, genderGuess: null };
  return { speakerType: p.type, speakerKind: p.kind, gender: p.gender, genderGuess: p.genderGuess };
}
