/**
 * Speech and attribution lexicon for the quote engine: speech verbs with their inflections, verbs that take
 * a listener object before the claim ("told reporters that"), anonymity cues, role nouns, institution nouns
 * and the cognition verbs that are deliberately NOT speech (belief is not a claim).
 *
 * Kept as plain data so the lists can be table-tested and extended without touching the engine. Role nouns
 * are shared with the entity engine and live in roles.ts.
 */
import { ROLE_REFERENTS } from './roles';

/** Lemma → inflected forms. Regular forms are generated; irregular ones are listed. */
const VERB_LEMMAS: Record<string, string[]> = {
  say: ['said', 'says', 'say', 'saying'],
  tell: ['told', 'tells', 'tell', 'telling'],
  add: [],
  note: [],
  state: [],
  claim: [],
  insist: [],
  warn: [],
  caution: [],
  argue: [],
  assert: [],
  contend: [],
  maintain: [],
  acknowledge: [],
  admit: ['admitted', 'admits', 'admitting'],
  concede: [],
  confirm: [],
  deny: ['denied', 'denies', 'denying'],
  explain: [],
  announce: [],
  declare: [],
  report: [],
  reveal: [],
  disclose: [],
  divulge: [],
  suggest: [],
  predict: [],
  estimate: [],
  allege: [],
  accuse: [],
  complain: [],
  recall: [],
  respond: [],
  reply: ['replied', 'replies', 'replying'],
  urge: [],
  vow: [],
  pledge: [],
  promise: [],
  stress: [],
  emphasise: [],
  emphasize: [],
  observe: [],
  remark: [],
  write: ['wrote', 'writes', 'writing', 'written'],
  tweet: [],
  testify: ['testified', 'testifies', 'testifying'],
  indicate: [],
  inform: [],
  mention: [],
  conclude: [],
  assure: [],
  reiterate: [],
  advise: [],
  describe: [],
  // "blamed the drought for …", "recommended the use of …", "attributed the delay to …": the object is the claim.
  blame: [],
  recommend: [],
  attribute: [],
  // Only with a that-clause or how-clause (THAT_CLAUSE_VERBS): "protested that …", "recounted how …".
  protest: [],
  insinuate: [],
  recount: [],
  ask: [],
  shout: [],
  exclaim: [],
  joke: [],
  quip: ['quipped', 'quips', 'quip'],
  yell: [],
  whisper: [],
  read: ['read', 'reads'],
  // A court's ruling is its claim: "she ruled that the notices were unlawful".
  rule: [],
  // Only with a quotation: "has called the stretch "a speedway…"" (the engine checks for the marks).
  call: [],
};

/** Builds the regular inflections of a lemma (-s, -ed, -ing), with the usual spelling rules. */
function inflect(lemma: string): string[] {
  if (lemma.endsWith('e')) return [lemma, lemma + 's', lemma + 'd', lemma.slice(0, -1) + 'ing'];
  if (/(ss|sh|ch|x)$/.test(lemma)) return [lemma, lemma + 'es', lemma + 'ed', lemma + 'ing'];
  if (/[^aeiou]y$/.test(lemma)) return [lemma, lemma.slice(0, -1) + 'ies', lemma.slice(0, -1) + 'ied', lemma + 'ing'];
  if (/^(vow|pledge|tweet)$/.test(lemma)) return [lemma, lemma + 's', lemma + 'ed', lemma + 'ing'];
  return [lemma, lemma + 's', lemma + 'ed', lemma + 'ing'];
}

/** Every inflected speech-verb form → its lemma. */
export const SPEECH_VERB_FORMS: ReadonlyMap<string, string> = (() => {
  const m = new Map<string, string>();
  for (const [lemma, irregular] of Object.entries(VERB_LEMMAS)) {
    for (const f of irregular.length ? irregular : inflect(lemma)) m.set(f, lemma);
  }
  return m;
})();

/**
 * Verbs whose bare base form is too ambiguous as a noun or adjective to count as a cue on its own
 * ("a report", "the state", "a claim", "the note"): only their -s/-ed forms (and "say"/"tell") count.
 */
export const NOUNY_BASE_FORMS: ReadonlySet<string> = new Set(
  'report state claim note estimate promise pledge vow stress charge remark tweet caution respond reply mention rule call blame protest attribute'.split(
    ' ',
  ),
);

/** Verbs that attribute only a quotation ('"Why?" she asked'), never a paraphrase ("asked him to leave"). */
export const QUOTE_ONLY_VERBS: ReadonlySet<string> = new Set([
  'ask',
  'shout',
  'exclaim',
  'joke',
  'quip',
  'yell',
  'whisper',
  'read',
  'put',
]);

/**
 * Verbs that are cues only before a that-clause, a how-clause or a quotation ("farmers protested that the
 * canal would flood their fields", "she recounted how …"); "thousands protested the decision" is no claim.
 */
export const THAT_CLAUSE_VERBS: ReadonlySet<string> = new Set(['protest', 'insinuate', 'recount']);

/**
 * Request verbs whose object and infinitive are the claim ("asked the jury to consider …", "called on the
 * ministry to publish …"); otherwise they attribute only a quotation.
 */
export const REQUEST_VERBS: ReadonlySet<string> = new Set(['ask', 'call on']);

/**
 * Speech nouns after a possessor ("the mayor's promise to cut fares", "the union's claim that …"): the noun
 * and the complements it takes. The possessor is the speaker (rule quote.find.speech-noun).
 */
export const SPEECH_NOUNS: ReadonlyMap<string, ReadonlyArray<'to' | 'that'>> = new Map<string, Array<'to' | 'that'>>([
  ['vow', ['to', 'that']],
  ['promise', ['to', 'that']],
  ['pledge', ['to', 'that']],
  ['threat', ['to']],
  ['request', ['to', 'that']],
  ['demand', ['to', 'that']],
  ['call', ['to']],
  ['claim', ['that']],
  ['claims', ['that']],
  ['assertion', ['that']],
  ['insistence', ['that']],
  ['contention', ['that']],
  ['allegation', ['that']],
  ['allegations', ['that']],
  ['suggestion', ['that']],
  ['warning', ['that']],
  ['argument', ['that']],
  ['prediction', ['that']],
  ['admission', ['that']],
  ['announcement', ['that']],
  ['boast', ['that']],
]);

/** Verbs that normally take a listener (or target) before the claim: "told reporters that…". */
export const OBJECT_VERBS: ReadonlySet<string> = new Set(['tell', 'inform', 'assure', 'warn', 'remind', 'brief']);

/** Verbs whose object is the content itself: "urged people to…", "accuses X of…", "stressed the need…". */
export const CONTENT_OBJECT_VERBS: ReadonlySet<string> = new Set([
  'urge',
  'accuse',
  'stress',
  'emphasise',
  'emphasize',
  'vow',
  'pledge',
  'promise',
  'deny',
  'confirm',
  'acknowledge',
  'admit',
  'announce',
  'reveal',
  'disclose',
  'predict',
  'estimate',
  'reiterate',
  'charge',
  'allege',
]);

/** Multi-word cues that behave like a single speech verb. Matched case-insensitively on word boundaries. */
export const PHRASAL_CUES: readonly string[] = [
  'was quoted as saying',
  'were quoted as saying',
  'is quoted as saying',
  'pointed out',
  'points out',
  'point out',
  'called for',
  'calls for',
  'calling for',
  'issued a plea',
  'went on to say',
  // Habitual speech ("she likes to say, …") reports what the person says, like "says".
  'likes to say',
  'liked to say',
  'like to say',
  'loves to say',
  'used to say',
  // "as one official put it", "that was how Ellison put it": attributes only a quotation.
  'put it',
  // "is calling on the ministry to publish …": a request (REQUEST_VERBS), its object and infinitive the claim.
  'called on',
  'calls on',
  'calling on',
  'call on',
];

/** Belief and cognition verbs: their complements are not attributed claims. */
export const COGNITION_VERBS: ReadonlySet<string> = new Set(
  (
    'think thinks thought believe believes believed hope hopes hoped worry worries worried wonder wonders wondered ' +
    'regard regards regarded feel feels felt fear fears feared expect expects expected doubt doubts doubted ' +
    'assume assumes assumed suspect suspects suspected know knows knew imagine imagines imagined'
  ).split(' '),
);

/** Agentless passive reporting ("is rumored", "was described as") — never a cue. */
export const AGENTLESS_PASSIVES: readonly RegExp[] = [
  /\b(?:is|are|was|were|been|being)\s+(?:rumou?red|said|reported|believed|thought|alleged|described)\b/i,
];

/**
 * Anonymity cues. The first capture-free match in a quote's sentence is reported as `anonymityCue`.
 * Order matters only for which phrase is reported.
 */
export const ANONYMITY_CUES: readonly RegExp[] = [
  /\bon (?:the )?condition (?:of|that (?:he|she|they) not be) (?:anonymity|named|identified)\b/i,
  /\bspeaking (?:anonymously|on background)\b/i,
  /\b(?:asked|requested|declined|refused|wished) (?:not )?(?:to be )?(?:named|identified)\b/i,
  /\b(?:requested|asked for|granted) anonymity\b/i,
  /\bnot (?:authori[sz]ed|permitted|allowed) to (?:speak|talk|comment)(?: publicly| on the record)?\b/i,
  /\b(?:people|persons?|sources?|officials?) (?:familiar with|briefed on|with (?:direct )?knowledge of|close to)\b/i,
  /\ba source\b/i,
  /\bsources (?:said|say|told)\b/i,
  /\bunnamed\b/i,
];

/**
 * Head nouns of descriptive sources that denote unnamed people. A speaker phrase headed by one of these and
 * not resolved to a named entity is anonymous.
 */
export const ANONYMOUS_HEADS: ReadonlySet<string> = new Set(
  (
    'source sources official officials diplomat diplomats analyst analysts insider insiders resident residents ' +
    'spokesman spokeswoman spokesperson spokespeople spokesmen representative representatives aide aides ' +
    'person people witness witnesses observer observers expert experts employee employees worker workers ' +
    'reporter reporters report reports investigator investigators officer officers agent agents member members ' +
    'director executive executives staffer staffers adviser advisers advisor advisors lawmaker lawmakers ' +
    'activist activists critic critics guidelines document documents memo study survey diplomat ' +
    'doctor doctors nurse nurses teacher teachers student students soldier soldiers survivor survivors ' +
    'man men woman women mother father parent parents farmer farmers shopkeeper trader traders driver drivers ' +
    'economist economists scientist scientists researcher researchers lawyer lawyers campaigner campaigners ' +
    'protester protesters investor investors voter voters customer customers passenger passengers fan fans ' +
    'locals villager villagers neighbour neighbours neighbor neighbors relative relatives friend friends ' +
    'commander commanders leader leaders minister ministers manager managers ' +
    // Unnamed prosecutors are people, not the prosecution service speaking on the record.
    'prosecutors'
  ).split(' '),
);

/**
 * Head nouns that never speak: quantities and measures ("The total confirmed …", "the toll rose"). A
 * speaker phrase headed by one, like a bare number or an adverb ("942 confirmed", "effectively admitted"),
 * is a parsing accident, and no speaker is better than a nonsense one.
 */
export const NON_SPEAKER_HEADS: ReadonlySet<string> = new Set(
  (
    'total totals number numbers figure tally count toll share rate rates price prices value amount percent ' +
    'cent majority minority half third quarter level levels average sum balance increase decrease rise fall'
  ).split(' '),
);

/**
 * Institutional heads: a descriptive source headed by one of these speaks on the record ("the military",
 * "Malian authorities", "the government") and is not anonymous.
 */
export const INSTITUTION_HEADS: ReadonlySet<string> = new Set(
  (
    'military army authorities authority government administration police ministry department agency company ' +
    'firm court embassy council committee commission university bureau office union party group organisation ' +
    'organization navy airforce prosecutor statement white house kremlin pentagon'
  ).split(' '),
);

/**
 * Role nouns that refer back to an already-introduced entity ("the minister", "the company"). Maps the role
 * to the entity type it can refer to.
 */
export const ROLE_NOUNS: ReadonlyMap<string, 'person' | 'organization' | 'place'> = ROLE_REFERENTS;

/** Personal titles that precede a name and tell its gender when they can. */
export const TITLES: ReadonlyMap<string, 'm' | 'f' | null> = new Map([
  ['mr', 'm'],
  ['mrs', 'f'],
  ['ms', 'f'],
  ['miss', 'f'],
  ['sir', 'm'],
  ['dame', 'f'],
  ['lady', 'f'],
  ['lord', 'm'],
  ['king', 'm'],
  ['queen', 'f'],
  ['prince', 'm'],
  ['princess', 'f'],
  ['dr', null],
  ['prof', null],
  ['president', null],
  ['minister', null],
  ['gen', null],
  ['general', null],
  ['lieutenant', null],
  ['colonel', null],
  ['sen', null],
  ['senator', null],
  ['rep', null],
  ['gov', null],
  ['governor', null],
  ['mayor', null],
  ['judge', null],
  ['chancellor', null],
  ['premier', null],
  ['secretary', null],
  ['ambassador', null],
  ['spokesperson', null],
  ['spokesman', 'm'],
  ['spokeswoman', 'f'],
  ['ceo', null],
  ['chief', null],
  ['director', null],
  ['agent', null],
  ['resident', null],
]);

/**
 * Titles that a later role noun refers back to under another word: "Justice Wairimu Ndung'u … the judge
 * said". Title (lower case) → the role noun.
 */
export const ROLE_EQUIVALENTS: ReadonlyMap<string, string> = new Map([
  ['justice', 'judge'],
  ['magistrate', 'judge'],
  ['sen', 'senator'],
  ['rep', 'congressman'],
  ['gov', 'governor'],
  ['prof', 'professor'],
  ['gen', 'general'],
]);

/** Subject pronouns and what they can refer to. */
export const PRONOUNS: ReadonlyMap<string, 'm' | 'f' | 'it' | 'they'> = new Map([
  ['he', 'm'],
  ['she', 'f'],
  ['it', 'it'],
  ['they', 'they'],
]);
