/**
 * The entity engine's evidence rules, and every type weight of the engine, in one table. ./evidence.ts runs
 * `EVIDENCE_RULES` in order over each candidate (./facts.ts): a rule that applies adds its `weight` to the
 * candidate's votes and its id to the candidate's `rules`, and may have an `effect` — reject the candidate,
 * replace it by a longer one ("the US embassy"), mark it known (gazetteer evidence), weak or strong, or a club.
 * Rules sharing a `group` are alternatives: only the first that applies in a group fires (an if/else chain).
 * `STAGE_RULES` hold the weights the splitting (./refine.ts) and coordination (./coordinate.ts) stages add.
 *
 * To add an evidence rule:
 *  1. find the block of rows it belongs to (rejections, gazetteer, name words, one word, before, after, …) —
 *     the order of the blocks is the order the rules run in, so a rule sees what the rows above it set;
 *  2. add a row: an id `entity.<stage>.<name>`, an `example` text the rule fires on, its `weight`, and
 *     `applies(ctx, d)` reading the facts of ./facts.ts (add a fact there if several rules need it);
 *  3. give it a `group` when it is an alternative to its neighbours (only the first that applies fires);
 *  4. put any new word list in lexicons/entity-cues.ts, not inline;
 *  5. run `npx vitest run tests/unit/analysis/entities` (runs every example) and `npm run snapshot` (shows
 *     what the rule changes on the fixtures and the dev set).
 */
import {
  ADVOCACY_OPENERS,
  AREA_WORDS,
  BUILDING_HEADS,
  BUILDING_PARTS,
  CLUB_AFTER,
  CLUB_TAIL,
  ENTRY_VERBS,
  FACILITY_EVENTS,
  FACILITY_HEAD,
  FACILITY_PREPS,
  FIRM_VERBS,
  KIN_NOUNS,
  KIN_WORDS,
  LAB_HEADS,
  LEAD_IN_LABELS,
  MATCH_BEFORE,
  MATCH_VERBS,
  NAMED_BY_AFTER,
  NATIONAL_BODIES,
  NON_ENTITY_FIRST,
  OFFICE_TITLE_OF,
  OFFICE_WORDS,
  ORG_KIND_AFTER,
  ORG_SUFFIX_ABBR,
  PARTY_MEMBERS,
  PLACE_ADJ,
  PLACE_OF_NOUNS,
  PLACE_ROLES,
  PLAIN_WORD_ENDING,
  PRODUCT_TIERS,
  REGULATION_HEADS,
  ROAD,
  ROOM_HEADS,
  ROOM_PREPS,
  SCORE,
  SEAT_ACTS,
  SEAT_HEADS,
  SECURITIES,
  SPEECH_AFTER,
  STAFF_NOUNS,
  SURNAME_HEADS,
  UTILITY_HEADS,
  UTILITY_SURNAMES,
  VENUE_HEADS,
} from '../lexicons/entity-cues';
import { lexKey } from '../lexicons/gazetteer';
import { allCaps, appositiveOf, headed, inQuotedTitle, signedBefore, type Appositive, type Draft } from './facts';
import type { Token } from '../tokens';
import { bare, isDemonym, prevWord, type Ctx, type StageRule, type Weights } from './model';

/** What a rule does besides voting. */
export type Effect =
  /** The candidate is not an entity. */
  | 'reject'
  /** The candidate grows to include the next words and is an organization (`extend` says how far). */
  | 'extend'
  /** Gazetteer-grade evidence: the candidate is kept even without context. */
  | 'known'
  /** A city name: known, but also a common surname ("Garland"). */
  | 'city'
  /** Kept only if it links to an entity found elsewhere. */
  | 'weak'
  /** Not weak after all. */
  | 'strong'
  /** A sports club in a match report. */
  | 'club'
  /** An appositive names X's kind of organization ("Gavi, the vaccine alliance"). */
  | 'apposition';

/** One named evidence rule. */
export interface EvidenceRule {
  /** `entity.<stage>.<name>`, recorded on every mention the rule fired on. */
  id: string;
  /** A text on which the rule fires (run by the table test). */
  example: string;
  /** Votes added when the rule applies. */
  weight?: Weights;
  effect?: Effect;
  /** Only the first rule that applies in a group fires. */
  group?: string;
  /** The rule only looks at one-word or only at multi-word names (skipped for the others without a call). */
  scope?: 'single' | 'multi';
  /** For `extend`: the last token and end offset of the longer name, and the word it adds. */
  extend?: (ctx: Ctx, d: Draft) => { b: number; end: number; word: string };
  applies(ctx: Ctx, d: Draft): boolean;
}

const multi = (d: Draft): boolean => !d.single;
const placeOrOrgHead = (ctx: Ctx, h: string): boolean => ctx.lx.orgHeads.has(h) || ctx.lx.placeHeads.has(h);
const isCenter = (h: string | null): boolean => h === 'Center' || h === 'Centre';

/** A head rule's view of one candidate: is the rule's word there (`on`), and that word (`h`). */
interface HeadView {
  on: (d: Draft) => boolean;
  h: (d: Draft) => string;
}

/** The rule only the word before "of" has: an office ("Inspector-General of …"). */
const ofHeadOnlyRules = (stage: 'of-head', { on, h }: HeadView): EvidenceRule[] => [
  {
    // rule office-title: "Inspector-General of Intelligence and Security", "Auditor-General of X": an office
    id: 'entity.of-head.office-title',
    example: 'a copy goes to the Inspector-General of Zorvex and Quill',
    group: stage,
    weight: { organization: 4 },
    applies: (_ctx: Ctx, d: Draft) => on(d) && OFFICE_TITLE_OF.test(h(d)),
  },
];

/** The rule only the last word has, before the shared ones: a surname that is a place head ("Marcus Hill"). */
const lastHeadFirstRules = (stage: 'head', { on, h }: HeadView): EvidenceRule[] => [
  {
    // rule surname-head: "Marcus Hill", "Dana Hall" — a given name, then a place head that is a surname
    id: 'entity.head.surname',
    example: 'a letter from Marcus Hill arrived',
    group: stage,
    weight: { person: 3 },
    applies: ({ lx, lowerVocab }: Ctx, d: Draft) =>
      on(d) &&
      d.words.length === 2 &&
      SURNAME_HEADS.test(h(d)) &&
      lx.givenNames.has(d.w0) &&
      // not "Town Hall", "City Hall": the given-name lists hold ordinary words too
      !lx.genericAlone.has(d.w0) &&
      !lowerVocab.has(d.w0.toLowerCase()) &&
      !d.isPlace &&
      !d.isOrg,
  },
];

/** The rules both head words share, in order: organization, place, an institution "Center … of". */
const sharedHeadRules = (stage: 'head' | 'of-head', of: boolean, { on, h }: HeadView): EvidenceRule[] => [
  {
    id: `entity.${stage}.org`,
    example: of ? 'the Institute for Fiscal Studies said' : 'the Ranfurly Bureau said',
    group: stage,
    weight: { organization: 4 },
    applies: (ctx, d) => on(d) && (ctx.lx.orgHeads.has(h(d)) || ORG_SUFFIX_ABBR.test(h(d))),
  },
  {
    id: `entity.${stage}.place`,
    example: of ? 'crowds filled the Plaza of Zorvex on Sunday' : 'they walked along Maple Avenue',
    group: stage,
    weight: { place: 4 },
    applies: (ctx, d) => on(d) && ctx.lx.placeHeads.has(h(d)),
  },
  {
    // "National Center for Disaster Preparedness" is an institution; "Kennedy Space Center" a site
    id: `entity.${stage}.center-of`,
    example: of
      ? 'the National Center for Disaster Preparedness said'
      : 'doctors at the University of Zorvex Medical Center said',
    group: stage,
    weight: { organization: 4 },
    applies: (_ctx, d) => on(d) && isCenter(h(d)) && (of || d.ofHead !== null),
  },
];

/** The rules only the last word has, after the shared ones: a site "Center", a venue used as a location. */
const lastHeadSiteRules = (stage: 'head', { on, h }: HeadView): EvidenceRule[] => [
  {
    id: 'entity.head.center-site',
    example: 'a launch from Kennedy Space Center on Friday',
    group: stage,
    weight: { organization: 2, place: 2 },
    applies: (_ctx: Ctx, d: Draft) => on(d) && isCenter(h(d)),
  },
  {
    // rule venue-head: "Kim's Diner", "Joe's Pizza", "Zorvex Bakery": a business used as a location
    id: 'entity.head.venue',
    example: "they met at Kim's Diner on Friday",
    group: stage,
    weight: { place: 4 },
    applies: (_ctx: Ctx, d: Draft) => on(d) && VENUE_HEADS.test(h(d)),
  },
];

/** The head-word rules, for the last word ("Bureau") and for the word before "of" ("Institute for …"). */
function headRules(stage: 'head' | 'of-head', pick: (d: Draft) => string | null): EvidenceRule[] {
  const view: HeadView = { on: (d) => multi(d) && pick(d) !== null, h: (d) => pick(d) ?? '' };
  return stage === 'of-head'
    ? [...ofHeadOnlyRules(stage, view), ...sharedHeadRules(stage, true, view)]
    : [...lastHeadFirstRules(stage, view), ...sharedHeadRules(stage, false, view), ...lastHeadSiteRules(stage, view)];
}

/** Rejections of non-entities by their words: events, laws, generic nouns, titles, demonyms. */
const NON_ENTITY_RULES: EvidenceRule[] = [
  {
    // rule caps-lede-word: "A HIGH-powered team …" — a lede set in capitals up to a hyphen is typography
    id: 'entity.reject.caps-lede',
    example: 'A HIGH-powered team arrived.',
    effect: 'reject',
    applies: (_ctx, d) => d.single && !d.hy && /^\p{Lu}{2,}-\p{Ll}{2,}$/u.test(d.first.text),
  },
  {
    // rule kinship: "Dad", "Grandma", "Uncle" alone are family words, not names
    id: 'entity.reject.kinship',
    example: 'Later Grandma told us that Dad had met her there.',
    effect: 'reject',
    scope: 'single',
    applies: (_ctx, d) => KIN_WORDS.test(d.w0),
  },
  {
    // rule lead-in-label: "BREAKING NEWS:", "LIVE UPDATES", "EXCLUSIVE" — a newsroom label, not a name
    id: 'entity.reject.lead-in-label',
    example: 'BREAKING NEWS: Floods hit the town.',
    effect: 'reject',
    applies: (ctx, d) => d.first.upper && allCaps(ctx, d) && d.words.every((w) => LEAD_IN_LABELS.test(w)),
  },
  {
    // rule number-only: "About 350 people" — a candidate left with digits only ("350", "2,000") is no name
    id: 'entity.reject.number-only',
    example: 'About 350 people attended.',
    effect: 'reject',
    applies: (_ctx, d) => d.first.kind === 'num' && !/\p{L}/u.test(d.text),
  },
  {
    id: 'entity.reject.non-entity',
    example: 'Many Muslims prayed.',
    effect: 'reject',
    applies: ({ lx }, d) =>
      lx.nonEntities.has(d.key) ||
      lx.nonEntities.has(lexKey(d.w0) + (d.single ? '' : ' ' + lexKey(d.words.slice(1).join(' ')))),
  },
  {
    // "Data Retention Bill", "Cold War" are not entities — but "Institute for the Study of War" is
    id: 'entity.reject.non-entity-head',
    example: 'MPs debated the Data Retention Bill on Monday.',
    effect: 'reject',
    applies: ({ lx }, d) =>
      multi(d) &&
      lx.nonEntityHeads.has(d.head) &&
      // rule law-with-org-word: "Investment Company Act" is a law; only an "of/for" name keeps its head
      (d.ofHead === null || !d.words.some((w) => lx.orgHeads.has(bare(w)))),
  },
  {
    // rule regulation: "Mercury and Air Toxics Standards", "the Clean Zorvex Rule" — a rule or standard is a
    // document, not an entity ("Accounting Standards Board" ends in an organization head, not in "Standards")
    id: 'entity.reject.regulation',
    example: 'the Clean Zorvex Rule took effect',
    effect: 'reject',
    scope: 'multi',
    applies: (_ctx, d) => REGULATION_HEADS.test(d.head) && !d.isOrg,
  },
  {
    // rule product-tier: "Zorvex Pro", "Lumen Plus" — a known brand's product tier is a product, not an entity
    id: 'entity.reject.product-tier',
    example: 'Act on the news with Reuters Pro today.',
    effect: 'reject',
    scope: 'multi',
    applies: ({ lx }, d) =>
      d.words.length >= 2 &&
      PRODUCT_TIERS.test(d.words[1]!) &&
      (lx.orgs.has(lexKey(d.w0)) || /^\p{Lu}{3,}$/u.test(d.w0)) &&
      !d.isOrg,
  },
  {
    // storms, ratings and operations: "Hurricane Ian", "Category 4", "Operation Desert Storm"
    id: 'entity.reject.event-first',
    example: 'the damage Hurricane Ian left',
    effect: 'reject',
    applies: (_ctx, d) => multi(d) && NON_ENTITY_FIRST.test(d.w0),
  },
  {
    id: 'entity.reject.non-entity-prefix', // "Cold War Pt. II"
    example: 'a Cold War Pt. II documentary',
    effect: 'reject',
    applies: ({ lx }, d) =>
      multi(d) && lx.nonEntities.has(lexKey(d.words.slice(0, 2).join(' '))) && !lx.orgHeads.has(d.head),
  },
  {
    id: 'entity.reject.numbered-non-entity', // "Articles 370"
    example: 'the repeal of Articles 370 last year',
    effect: 'reject',
    applies: ({ lx, tokens }, d) => multi(d) && lx.nonEntities.has(lexKey(d.w0)) && tokens[d.a + 1]?.kind === 'num',
  },
  {
    // "the Department", "Federal Government" — but "Central Park", "North County" are names; "State Department",
    // "Interior Ministry", "Supreme Court" are institutions; "Prime Minister" is not
    id: 'entity.reject.generic',
    example: 'a spokesman for the Department said',
    effect: 'reject',
    applies: (ctx, d) =>
      d.words.every((w) => ctx.lx.genericAlone.has(bare(w)) || ctx.lx.connectors.has(w) || ctx.lx.compass.has(w)) &&
      (d.single || !ctx.lx.compass.has(d.w0) || !ctx.lx.placeHeads.has(d.head)) &&
      (d.single || !ctx.lx.orgHeads.has(d.head) || d.words.includes('Government')) &&
      !ctx.lx.orgs.has(d.key.replace(/^the /, '')) &&
      !usHouse(ctx, d) &&
      !genericBuilding(ctx, d) &&
      // rule generic-known-place: "Middle East", "Central America" are known places, not generic words
      !d.isPlace,
  },
  {
    id: 'entity.reject.stop-word',
    example: 'and Whatever happened next.',
    effect: 'reject',
    applies: ({ lx }, d) => d.single && lx.stopStarters.has(d.w1),
  },
  {
    id: 'entity.reject.bare-title',
    example: 'Critics said the Admiral was wrong.',
    effect: 'reject',
    applies: ({ lx }, d) => d.single && (lx.titleCore.has(d.w0) || lx.titleMod.has(d.w0)) && !lx.orgs.has(lexKey(d.w0)),
  },
  {
    id: 'entity.reject.caps-word',
    example: 'He read the ZORVEXIA report.',
    effect: 'reject',
    applies: ({ lx }, d) =>
      d.single &&
      d.first.upper &&
      (lx.acronymStop.has(d.w1.replace(/\./g, '')) || d.w1.length > 6) &&
      !lx.orgs.has(d.key) &&
      !lx.places.has(d.key),
  },
  {
    id: 'entity.reject.initial',
    example: 'plan B failed',
    effect: 'reject',
    applies: (_ctx, d) => d.single && /^\p{Lu}$/u.test(d.w0),
  },
  {
    id: 'entity.reject.plural-acronym', // "MPs", "CEOs", "NGOs": plural common nouns
    example: 'several NGOs warned',
    effect: 'reject',
    applies: ({ lx }, d) => d.single && /^\p{Lu}{2,4}s$/u.test(d.w1) && !lx.orgs.has(d.key),
  },
  {
    id: 'entity.reject.demonym', // "Vatican" is both
    example: 'many Malians fled',
    effect: 'reject',
    applies: ({ lx }, d) => d.single && isDemonym(d.w1, lx) && !lx.places.has(d.key),
  },
  {
    // a name made of an ordinary word and a demonym ("Malians" alone is caught above)
    id: 'entity.reject.demonym-tail',
    example: 'the Ethnic Malians fled',
    effect: 'reject',
    applies: ({ lx }, d) => multi(d) && d.words.length === 2 && isDemonym(d.words[1]!, lx),
  },
];

/** Gazetteer and known-name evidence. */
const GAZETTEER_RULES: EvidenceRule[] = [
  {
    // an all-caps word is an acronym, not a city ("METRO"), except in a dateline (scored below)
    id: 'entity.gazetteer.city',
    example: 'she moved to Garland last year',
    weight: { place: 3 },
    effect: 'city',
    applies: (_ctx, d) => d.isPlace === 'city' && !(d.first.upper && d.single),
  },
  {
    id: 'entity.gazetteer.place',
    example: 'she moved to Kenya last year',
    weight: { place: 6 },
    effect: 'known',
    applies: (_ctx, d) => !!d.isPlace && d.isPlace !== 'city',
  },
  {
    id: 'entity.gazetteer.org',
    example: 'a report by Reuters on Monday',
    weight: { organization: 6 },
    effect: 'known',
    applies: (_ctx, d) => d.isOrg,
  },
  {
    // "A835" is a road, but "the B3 exchange" is not
    id: 'entity.gazetteer.road',
    example: 'a crash on the A835 near Ullapool',
    weight: { place: 5 },
    effect: 'known',
    applies: ({ lx, at }, d) => {
      const n = at(d.b + 1);
      return d.single && ROAD.test(d.w1) && !(n?.kind === 'word' && !n.cap && lx.orgAfter.has(n.text));
    },
  },
  {
    id: 'entity.gazetteer.person',
    example: 'a speech by Modi on Monday',
    weight: { person: 3 },
    effect: 'known',
    applies: ({ lx }, d) => lx.people.has(d.k) && !d.isPlace && !d.isOrg,
  },
  {
    id: 'entity.gazetteer.state-abbrev',
    example: 'Orlando, Fla., police said',
    weight: { place: 6 },
    effect: 'known',
    applies: ({ lx }, d) => d.single && lx.stateAbbrevs.has(d.w1),
  },
  {
    // rule regional-fed: "Dallas Fed", "New York Fed" — a regional Federal Reserve bank, named by its city
    id: 'entity.gazetteer.regional-fed',
    example: 'economists at the Dallas Fed said',
    weight: { organization: 8 },
    effect: 'known',
    scope: 'multi',
    applies: ({ lx }, d) => d.head === 'Fed' && lx.places.has(lexKey(d.words.slice(0, -1).join(' '))),
  },
  {
    // rule us-house: "the House" in a story about Congress is the House of Representatives
    id: 'entity.context.us-house',
    example: 'Rep. Dana Reyes, the second-ranking Democrat in the House, spoke.',
    weight: { organization: 6 },
    effect: 'known',
    scope: 'single',
    applies: usHouse,
  },
];

/** Evidence in the words of a multi-word name. */
const NAME_RULES: EvidenceRule[] = [
  ...headRules('head', (d) => d.head),
  ...headRules('of-head', (d) => d.ofHead),
  {
    // rule utility-head: "Con Edison", "Avista Utilities", "Zorvex Power" — a utility company, not a person
    // ("Thomas Edison": a given name before a surname-like head keeps the person)
    id: 'entity.name.utility',
    example: 'customers of Zorvex Utilities lost power',
    weight: { organization: 5 },
    applies: ({ lx }, d) =>
      multi(d) &&
      d.ofHead === null &&
      UTILITY_HEADS.test(d.head) &&
      !(UTILITY_SURNAMES.test(d.head) && lx.givenNames.has(d.w0)),
  },
  {
    // rule lab-head: "Zorvex Hiring Lab", "Bell Labs" — a research unit is an organization
    id: 'entity.name.lab',
    example: 'a senior fellow at the Zorvex Hiring Lab said',
    weight: { organization: 4 },
    applies: (_ctx, d) => multi(d) && LAB_HEADS.test(d.head),
  },
  {
    id: 'entity.name.place-prefix',
    example: 'hikers on Mount Kenya said',
    weight: { place: 3 },
    applies: ({ lx }, d) => multi(d) && lx.placePrefixes.has(d.w0),
  },
  {
    // "American Red Cross": a nation's branch of a known organization
    id: 'entity.name.national-branch',
    example: 'volunteers of the American Red Cross said',
    weight: { organization: 6 },
    applies: ({ lx }, d) =>
      multi(d) && lx.demonyms.has(lexKey(d.w0)) && lx.orgs.has(lexKey(d.words.slice(1).join(' '))),
  },
  {
    // rule advocacy-name: "Citizens for Responsibility and Ethics", "Americans for Prosperity": a group
    id: 'entity.name.advocacy',
    example: 'a complaint from Citizens for Zorvex Reform said',
    weight: { organization: 4 },
    applies: (_ctx, d) => multi(d) && ADVOCACY_OPENERS.test(d.w0) && d.words[1] === 'for',
  },
  {
    // "Cricket Australia", "Amnesty International Kenya": a body named with its country (not "Michael Jordan")
    id: 'entity.name.country-body',
    example: 'a statement from Cricket Australia on Monday',
    weight: { organization: 3 },
    applies: ({ lx }, d) => {
      if (!multi(d)) return false;
      const lastKind = lx.places.get(lexKey(d.words[d.words.length - 1]!));
      return (
        (lastKind === 'country' || lastKind === 'region') &&
        !lx.givenNames.has(d.w0) &&
        !d.isPlace &&
        !lx.placePrefixes.has(d.w0) &&
        !lx.compass.has(d.w0) &&
        !lx.placeHeads.has(d.w0)
      );
    },
  },
  {
    // "Formula 1", "Division 2": personal names carry no numbers
    id: 'entity.name.numbered',
    example: 'the Formula 1 season',
    weight: { person: -3 },
    applies: ({ tokens }, d) => multi(d) && tokens[d.b]!.kind === 'num',
  },
  {
    // "Missouri House", "Ohio House": a state's or nation's chamber
    id: 'entity.name.state-chamber',
    example: 'a vote in the Missouri House on Monday',
    weight: { organization: 6 },
    applies: ({ lx }, d) =>
      multi(d) &&
      d.head === 'House' &&
      d.words.length === 2 &&
      /^(region|country)$/.test(lx.places.get(lexKey(d.w0)) ?? ''),
  },
  {
    // "Procter & Gamble", "Fight for $15": firms and campaigns, not people
    id: 'entity.name.ampersand-or-sum',
    example: 'shares of Procter & Gamble rose',
    weight: { organization: 4 },
    applies: ({ tokens }, d) => {
      if (!multi(d)) return false;
      for (let i = d.a + 1; i < d.b; i++)
        if ((tokens[i]!.text === '&' && !d.isPlace) || tokens[i]!.text === '$') return true;
      return false;
    },
  },
  {
    id: 'entity.name.org-prefix', // "Partido de la U", "Universidad de los Andes", "Real Madrid"
    example: 'students at the Universidad de los Andes said',
    weight: { organization: 4 },
    applies: ({ lx }, d) => multi(d) && lx.orgPrefixes.has(d.w0),
  },
  {
    // "Scottish Government", "Israeli Army": a nation's institution
    id: 'entity.name.national-institution',
    example: 'a spokesman for the Scottish Government said',
    weight: { organization: 4 },
    applies: ({ lx }, d) =>
      multi(d) &&
      d.words.length === 2 &&
      lx.demonyms.has(lexKey(d.w0)) &&
      (lx.genericAlone.has(d.head) || lx.orgHeads.has(d.head)),
  },
  {
    // a role left without a name: "Public Works Minister", "Dallas Police Chief"
    id: 'entity.reject.bare-role',
    example: 'the Public Works Minister resigned',
    effect: 'reject',
    applies: ({ lx }, d) =>
      multi(d) &&
      d.ofHead === null &&
      lx.titleCore.has(d.head) &&
      !lx.orgHeads.has(d.head) &&
      !d.isOrg &&
      !d.isPlace &&
      !lx.givenNames.has(d.w0),
  },
  {
    // "Northern Syria", "South Sudan" (if not already known)
    id: 'entity.name.compass-place',
    example: 'fighting in Northern Syria continued',
    weight: { place: 4 },
    applies: ({ lx }, d) => multi(d) && lx.compass.has(d.w0) && lx.places.has(lexKey(d.words.slice(1).join(' '))),
  },
  {
    // all-caps or camel-case inside a multi-word name: "Oculus VR", "SDCCU Stadium" — rare in personal names
    id: 'entity.name.inner-acronym',
    example: 'a report by Zorvex QX on Monday',
    weight: { organization: 2 },
    applies: ({ lx }, d) => multi(d) && d.words.some((w) => /^\p{Lu}{2,}$/u.test(w) && !lx.acronymStop.has(w)),
  },
  {
    // given name first, or an initial inside: a personal name
    id: 'entity.name.given-first',
    example: 'a letter from Amanda Okafor arrived',
    weight: { person: 2 },
    applies: ({ lx }, d) => multi(d) && d.looksPersonal && lx.givenNames.has(d.w0),
  },
  {
    id: 'entity.name.inner-initial',
    example: 'a letter from Dana K. Reyes arrived',
    weight: { person: 2 },
    applies: (_ctx, d) => multi(d) && d.looksPersonal && d.words.some((w, i) => i > 0 && /^\p{Lu}\.$/u.test(w)),
  },
  {
    // multi-word names without other evidence are most often people — unless they start with an ordinary
    // word ("Old Trafford", "Grand Central") that the article also uses in lowercase
    id: 'entity.name.default-person',
    example: 'a letter from Zorbaz Quillfeather arrived',
    weight: { person: 0.5 },
    applies: (_ctx, d) => multi(d) && d.looksPersonal && !d.commonFirst,
  },
  {
    id: 'entity.name.place-adjective',
    example: 'fans outside Old Trafford cheered',
    weight: { place: 1 },
    applies: (_ctx, d) => multi(d) && d.looksPersonal && PLACE_ADJ.test(d.w0),
  },
  {
    // a head word inside ("Amnesty International Kenya")
    id: 'entity.name.inner-head',
    example: 'a report by the Ministry of Health on Monday',
    weight: { organization: 2 },
    applies: ({ lx }, d) =>
      multi(d) && d.words.slice(0, -1).some((w) => lx.orgHeads.has(bare(w)) && !lx.placeHeads.has(bare(w))),
  },
  {
    // a known organization first ("Reuters Breakingviews")
    id: 'entity.name.known-org-first',
    example: 'a column in Reuters Breakingviews said',
    weight: { organization: 2 },
    applies: ({ lx }, d) =>
      multi(d) && (lx.orgs.has(lexKey(d.words.slice(0, 2).join(' '))) || lx.orgs.has(lexKey(d.w0))),
  },
  {
    // a known place followed by other words: "Manchester United", "New York Red Bulls", "Texas Instruments"
    id: 'entity.name.place-then-word',
    example: 'shares of Texas Instruments rose',
    weight: { organization: 2 },
    applies: (ctx, d) => {
      if (!multi(d) || d.isPlace || d.isOrg || placeOrOrgHead(ctx, d.head)) return false;
      // rule given-name-place: "Milton Velez", "Mary Ellen Smith" — a given name that is also a town, then a
      // name word the article never writes in lowercase, is a person
      if (
        ctx.lx.givenNames.has(d.w0) &&
        d.looksPersonal &&
        !ctx.lowerVocab.has(d.head.toLowerCase()) &&
        !d.words.some((w) => ctx.lx.placeHeads.has(bare(w)))
      )
        return false;
      for (let n = Math.min(3, d.words.length - 1); n >= 1; n--)
        if (ctx.lx.places.has(lexKey(d.words.slice(0, n).join(' ')))) return true;
      return false;
    },
  },
  {
    // "North Freeway", "West Bank": persons never start with a compass word
    id: 'entity.name.compass-first',
    example: 'traffic on West Zorvex stopped',
    weight: { place: 1.5 },
    applies: (ctx, d) => multi(d) && !d.isPlace && !d.isOrg && !placeOrOrgHead(ctx, d.head) && ctx.lx.compass.has(d.w0),
  },
  {
    // "New Yorkers", "Londoners": inhabitants, not places
    id: 'entity.reject.inhabitants',
    example: 'many New Yorkers left',
    effect: 'reject',
    applies: ({ lx }, d) => {
      const last = d.words[d.words.length - 1]!;
      return (
        multi(d) &&
        /ers$/.test(last) &&
        lx.places.has(lexKey([...d.words.slice(0, -1), last.replace(/ers$/, '')].join(' ')))
      );
    },
  },
];

/** Evidence in the shape of a one-word name. */
const WORD_RULES: EvidenceRule[] = [
  {
    id: 'entity.reject.bare-suffix',
    example: 'Zorvex said GmbH is a form.',
    effect: 'reject',
    applies: ({ lx }, d) => d.single && lx.orgHeads.has(d.head) && ORG_SUFFIX_ABBR.test(d.head),
  },
  {
    id: 'entity.word.place-acronym',
    example: 'officials in the UK said',
    group: 'word-shape',
    weight: { place: 6 },
    applies: ({ lx }, d) => d.single && d.first.upper && lx.placeAcronyms.has(d.k),
  },
  {
    id: 'entity.word.acronym',
    example: 'a report by ZQXT on Monday',
    group: 'word-shape',
    weight: { organization: 2 },
    applies: (_ctx, d) => d.single && d.first.upper,
  },
  {
    id: 'entity.word.camel-case', // "WhatsApp", "ZeniMax"
    example: 'messages on ZeniMax servers',
    group: 'word-shape',
    weight: { organization: 1.5 },
    applies: (_ctx, d) => d.single && /\p{Ll}\p{Lu}/u.test(d.w1),
  },
  {
    id: 'entity.word.given-name',
    example: 'a letter from Amanda arrived',
    group: 'word-shape',
    weight: { person: 1 },
    applies: ({ lx }, d) => d.single && lx.givenNames.has(d.w1),
  },
  {
    id: 'entity.word.single',
    example: 'a letter from Quillfeather arrived',
    weight: { organization: 0.5 },
    applies: (_ctx, d) => d.single,
  },
  {
    id: 'entity.reject.inhabitant-word',
    example: 'many Londoners left',
    effect: 'reject',
    applies: ({ lx }, d) => d.single && /ers$/.test(d.w1) && lx.places.has(lexKey(d.w1.replace(/ers$/, ''))),
  },
  {
    // "Sahelian states": an adjective in -ian/-ean/-ese before a lowercase noun, not in any list
    id: 'entity.reject.adjective',
    example: 'the Zorvian states agreed',
    effect: 'reject',
    applies: ({ lx, at }, d) => {
      const nx = at(d.b + 1);
      return (
        d.single &&
        !d.known &&
        /(ian|ean|ese|ish)$/.test(d.w1) &&
        nx?.kind === 'word' &&
        !nx.cap &&
        !lx.givenNames.has(d.w1)
      );
    },
  },
];

/** The word before the name: a role noun, a maker, "the", a preposition. */
const BEFORE_RULES: EvidenceRule[] = [
  {
    id: 'entity.context.role-before',
    example: 'said spokesman Tarik Oduya',
    group: 'prev-word',
    weight: { person: 4 },
    applies: ({ lx }, d) => lx.roleNouns.has(d.pw) && !d.isPlace && !d.isOrg,
  },
  {
    id: 'entity.context.org-role-before',
    example: 'the carmaker Zorvex said',
    group: 'prev-word',
    weight: { organization: 4 },
    applies: ({ lx }, d) => !!d.pw && (lx.orgRoleBefore.has(d.pw) || /maker$/.test(d.pw)),
  },
  {
    id: 'entity.context.after-the',
    example: 'a report by the Zorvex on Monday',
    group: 'prev-word',
    weight: { person: -2 },
    applies: (_ctx, d) => d.pw === 'the',
  },
  {
    id: 'entity.context.place-prep',
    example: 'she lived in Zorvex for years',
    group: 'prev-word',
    weight: { place: 1.5 },
    applies: ({ lx }, d) => lx.placePreps.has(d.pw) && !d.next?.possessive && (d.single || d.known || d.pw !== 'to'),
  },
  {
    id: 'entity.context.place-prep-to',
    example: 'she wrote to Zorvex Quillfeather often',
    group: 'prev-word',
    weight: { place: 0.5 },
    applies: ({ lx }, d) => lx.placePreps.has(d.pw) && !d.next?.possessive,
  },
  {
    id: 'entity.context.in-the',
    example: 'she lived in the Zorvex Valley',
    group: 'after-the',
    weight: { place: 1 },
    applies: ({ lx }, d) =>
      d.pw === 'the' && !!d.prev2 && !d.prev2.t.cap && lx.placePreps.has(d.prev2.t.text) && !d.next?.possessive,
  },
  {
    id: 'entity.context.the-org',
    example: 'a report by the Zorvex on Monday',
    group: 'after-the',
    weight: { organization: 0.5 },
    applies: (_ctx, d) => d.pw === 'the' && !d.isPlace,
  },
  {
    // "Connor Whitby, 24, of Eccles": where a person is from
    id: 'entity.context.of-after-age',
    example: 'Connor Whitby, 24, of Zorvex was arrested',
    weight: { place: 4 },
    applies: ({ tokens }, d) => {
      if (d.pw !== 'of' || d.prev2?.t.text !== ',') return false;
      return prevWordKind(tokens, d.prev2.i) === 'num';
    },
  },
  {
    id: 'entity.context.of-place-noun',
    example: 'the residents of Zorvex said',
    weight: { place: 4 },
    applies: (_ctx, d) => d.pw === 'of' && !!d.prev2 && PLACE_OF_NOUNS.test(d.prev2.t.text.toLowerCase()),
  },
  {
    // "near Briarwood Elementary School", "a shelter at First Baptist Church": an institution's building as a
    // location ("outside the American Airlines Center")
    id: 'entity.context.facility',
    example: 'police gathered near Briarwood Elementary School',
    weight: { place: 6 },
    applies: ({ tokens }, d) => {
      const f = d.prev?.t.text === 'the' ? d.prev2 : d.prev;
      if (d.single || !FACILITY_HEAD.test(d.head) || !f || f.t.cap) return false;
      const f2 = prevWord(tokens, f.i);
      const before = f2 && !f2.t.cap ? f2.t.text : '';
      return (
        FACILITY_PREPS.test(f.t.text) ||
        // rule facility-entry: "Roof entered Zorvex Baptist Church", "gunmen stormed Lumen School"
        ENTRY_VERBS.test(f.t.text) ||
        (f.t.text === 'at' && FACILITY_EVENTS.test(before))
      );
    },
  },
  {
    // rule area-word: "in downtown Clanton", "in suburban Zorvex" — a part of a city before its name
    id: 'entity.context.area-word',
    example: 'a shop in downtown Zorvex closed',
    weight: { place: 3 },
    applies: ({ lx }, d) =>
      AREA_WORDS.test(d.pw) && !!d.prev2 && !d.prev2.t.cap && lx.placePreps.has(d.prev2.t.text) && !d.isOrg,
  },
  {
    // rule outlet-possessive: "WaPo's Abha Rai", "Reuters' Dana Reyes" — a writer named by the outlet's possessive
    id: 'entity.context.outlet-possessive',
    example: "WaPo's Dana Quillfeather reports that rates rose.",
    weight: { person: 4 },
    scope: 'multi',
    applies: ({ lx }, d) =>
      !!d.prev?.t.possessive &&
      !!d.prev2 &&
      d.looksPersonal &&
      !d.isPlace &&
      !d.isOrg &&
      (lx.orgs.has(lexKey(d.prev2.t.text)) || /\p{Ll}\p{Lu}|^\p{Lu}{2,}$/u.test(d.prev2.t.text)),
  },
  {
    // "Nairobi's Mathare", "Monterrey's San Nicolás de los Garza": a city's own neighbourhoods and sites
    id: 'entity.context.city-possessive',
    example: "Nairobi's Mathare was flooded",
    weight: { place: 2 },
    applies: (ctx, d) => {
      const own = ctx.at(d.a - 1);
      if (!own?.possessive || own.start !== ctx.at(d.a - 2)?.end || d.isOrg) return false;
      if (d.heads.some((h) => ctx.lx.orgHeads.has(h))) return false;
      const kind = ctx.lx.places.get(lexKey(ctx.at(d.a - 2)!.text));
      return kind === 'city' || kind === 'region';
    },
  },
  {
    // "the 43rd floor of the Waldorf Astoria", "the lobby of the Grand Hyatt": parts of a building name a place
    id: 'entity.context.building-part',
    example: 'in the lobby of the Zorvex Quillfeather',
    weight: { place: 4 },
    applies: ({ tokens }, d) => {
      const of = d.prev?.t.text === 'the' ? d.prev2 : d.prev;
      const part = of?.t.text === 'of' ? prevWord(tokens, of.i) : null;
      return !!part && BUILDING_PARTS.test(part.t.text);
    },
  },
  {
    // rule room: "in the Oval Office", "in the Situation Room": a room of a building, used as a location
    id: 'entity.context.room',
    example: 'They met in the Zorvex Room on Monday.',
    weight: { place: 6 },
    scope: 'multi',
    applies: ({ lx }, d) =>
      d.words.length <= 3 &&
      d.ofHead === null &&
      ROOM_HEADS.test(d.head) &&
      !lx.titleMod.has(d.w0) &&
      !d.isOrg &&
      d.pw === 'the' &&
      !!d.prev2 &&
      ROOM_PREPS.test(d.prev2.t.text),
  },
];

/** "the chief executive of Fjord Air", "a spokeswoman for Nordlys Power", "an analyst at Nordbank". */
const ROLE_OF_RULES: EvidenceRule[] = [
  {
    // offices held for a place: "the MP for Stroud", "the mayor of Clanton", "governor of the region"
    id: 'entity.context.office-of-place',
    example: 'the mayor of Zorvex said',
    group: 'role-of',
    weight: { place: 2 },
    applies: (_ctx, d) => !d.known && d.role !== '' && PLACE_ROLES.test(d.role),
  },
  {
    id: 'entity.context.shares-of',
    example: 'shares of Zorvex rose',
    group: 'role-of',
    weight: { organization: 4 },
    applies: (_ctx, d) => !d.known && SECURITIES.test(d.role) && d.prev!.t.text === 'of',
  },
  {
    id: 'entity.context.employer',
    example: 'an analyst at Zorvex said',
    group: 'role-of',
    weight: { organization: 3 },
    applies: ({ lx }, d) => {
      const role = d.role;
      return !d.known && role !== '' && (lx.roleNouns.has(role) || STAFF_NOUNS.test(role)) && !KIN_NOUNS.test(role);
    },
  },
  {
    // "The priest, Fidelis Mukonori, is" — a role noun, a comma, a name
    id: 'entity.context.role-comma',
    example: 'The priest, Fidelis Mukonori, is',
    weight: { person: 3 },
    applies: ({ lx }, d) =>
      d.prev?.t.text === ',' && !!d.prev2 && lx.roleNouns.has(d.prev2.t.text.toLowerCase()) && !d.isPlace && !d.isOrg,
  },
];

/** The word after the name: a kind of organization or place, a firm's verb, a speech verb. */
const AFTER_RULES: EvidenceRule[] = [
  {
    id: 'entity.reject.product-after',
    example: 'the new Zorvex rocket launched',
    effect: 'reject',
    applies: (ctx, d) => !d.known && !headed(ctx, d) && ctx.lx.productAfter.has(d.nw),
  },
  {
    // rule seat-acts: "the White House said", "White House officials", "a White House press briefing" — a
    // building that speaks or has staff is its institution
    id: 'entity.context.seat-acts',
    example: 'the Zorvex House announced a new plan',
    group: 'next-word',
    weight: { organization: 6 },
    scope: 'multi',
    applies: (_ctx, d) => SEAT_HEADS.test(d.head) && (SEAT_ACTS.test(d.nw) || SPEECH_AFTER.has(d.nw)),
  },
  {
    id: 'entity.context.org-kind-after',
    example: 'members of the Zorvex party said',
    group: 'next-word',
    weight: { organization: 4 },
    applies: (_ctx, d) => ORG_KIND_AFTER.test(d.nw),
  },
  {
    id: 'entity.context.org-after',
    example: 'the Zorvex militants said',
    group: 'next-word',
    weight: { organization: 2 },
    // (not the possessed noun: "Reyes's campaign" is a person's campaign)
    applies: ({ lx }, d) => lx.orgAfter.has(d.nw) && !d.next?.possessive,
  },
  {
    id: 'entity.context.place-after',
    example: 'the Zorvex province was flooded',
    group: 'next-word',
    weight: { place: 2 },
    applies: ({ lx }, d) => lx.placeAfter.has(d.nw),
  },
  {
    // "Piper Sandler downgraded Nike", "Wells Fargo cut its forecast": what firms do, and "its"
    id: 'entity.context.firm-verb',
    example: 'Piper Sandler downgraded the stock',
    group: 'next-word',
    weight: { organization: 3 },
    applies: ({ at }, d) => {
      const nw = d.nw;
      return (
        !!nw && !d.next?.possessive && (FIRM_VERBS.test(nw) || (at(d.b + 2)?.text === 'its' && /(ed|s)$/.test(nw)))
      );
    },
  },
  {
    id: 'entity.context.speech-after',
    example: 'Quillfeather said on Monday',
    group: 'next-word',
    weight: { person: 1 },
    applies: (_ctx, d) => SPEECH_AFTER.has(d.nw) && !d.next?.possessive,
  },
  {
    // "the Nuseirat refugee camp", "the Rafah border crossing"
    id: 'entity.context.place-after-next',
    example: 'the Nuseirat refugee camp was hit',
    group: 'next-word',
    weight: { place: 2 },
    applies: ({ lx, at }, d) => {
      if (!d.nw) return false;
      const n2 = at(d.nextWord === d.next ? d.b + 2 : d.b + 3);
      return n2?.kind === 'word' && !n2.cap && lx.placeAfter.has(n2.text);
    },
  },
  {
    // "the US embassy": the institution, named by its country
    id: 'entity.shape.national-body',
    example: 'protesters outside the US embassy',
    weight: { organization: 8 },
    effect: 'extend',
    extend: (_ctx, d) => ({ b: d.b + 1, end: d.nextWord!.end, word: d.nw }),
    applies: (_ctx, d) => NATIONAL_BODIES.test(d.nw) && (!!d.isPlace || d.first.upper),
  },
];

/** What follows a comma or a parenthesis after the name. */
const COMMA_RULES: EvidenceRule[] = [
  {
    // "…'s council in Toribío, who travelled": after a preposition the "who" belongs to someone earlier
    id: 'entity.context.comma-who',
    example: 'Quillfeather, who lives nearby, said',
    group: 'comma-after',
    weight: { person: 2 },
    applies: ({ lx, at }, d) =>
      d.next?.text === ',' &&
      at(d.b + 2)?.text === 'who' &&
      !(d.prev && !d.prev.t.cap && lx.placePreps.has(d.prev.t.text)) &&
      !(!d.single && lx.places.has(lexKey(d.w0))),
  },
  {
    id: 'entity.context.comma-which',
    example: 'Zorvex, which makes tools, said',
    group: 'comma-after',
    weight: { organization: 1 },
    applies: ({ at }, d) => d.next?.text === ',' && at(d.b + 2)?.text === 'which',
  },
  {
    id: 'entity.context.comma-age',
    example: 'Quillfeather, 34, was arrested',
    group: 'comma-after',
    weight: { person: 4 },
    applies: ({ at }, d) => {
      const n2 = at(d.b + 2);
      const n3 = at(d.b + 3);
      return (
        d.next?.text === ',' &&
        n2?.kind === 'num' &&
        /^\d{1,3}$/.test(n2.text) &&
        (n3?.text === ',' || n3?.text === ')')
      );
    },
  },
  {
    id: 'entity.context.comma-state', // "Orlando, Fla.", "Portland, Oregon"
    example: 'residents of Zorvex, Oregon said',
    group: 'comma-after',
    weight: { place: 2.5 },
    applies: ({ lx, at }, d) => {
      const n2 = at(d.b + 2);
      if (d.next?.text !== ',' || !n2 || d.isOrg || !d.single) return false;
      const kind = lx.places.get(lexKey(n2.text));
      return lx.stateAbbrevs.has(n2.text) || kind === 'region' || kind === 'country';
    },
  },
  {
    id: 'entity.context.paren-age', // "Smith (34)"
    example: 'Quillfeather (34) was arrested',
    weight: { person: 2 },
    applies: ({ at }, d) => d.next?.text === '(' && at(d.b + 2)?.kind === 'num',
  },
  ...appositiveRules(),
];

/** The appositive rules: "X, a childhood friend of …", "X, the restored old quarter", "X, the vaccine alliance". */
function appositiveRules(): EvidenceRule[] {
  const is =
    (kind: Appositive) =>
    (ctx: Ctx, d: Draft): boolean =>
      appositiveOf(ctx, d) === kind;
  return [
    {
      id: 'entity.appositive.role',
      example: 'Quillfeather, a childhood friend of the mayor, said',
      weight: { person: 2 },
      applies: is('role'),
    },
    {
      id: 'entity.appositive.place-kind',
      example: 'Zorvex, a farming town, was flooded',
      weight: { place: 3 },
      applies: is('place'),
    },
    {
      // rule appositive-head: "Dana Reyes, the agency spokesperson" — a role noun after the organization word
      // is the appositive's head, and the name a person's
      id: 'entity.appositive.role-head',
      example: 'Quillfeather, the agency spokesperson, said',
      weight: { person: 2 },
      applies: is('role-head'),
    },
    {
      id: 'entity.appositive.org-kind',
      example: 'Gavi, the vaccine alliance, said',
      weight: { organization: 3 },
      effect: 'apposition',
      applies: is('org'),
    },
  ];
}

/** Clubs in a match report, quoted titles, datelines and kicker headings, and weakness. */
const LAST_RULES: EvidenceRule[] = [
  {
    id: 'entity.context.club',
    example: 'The striker scored two goals as Barcelona beat Sevilla 3-1 in the league.',
    effect: 'club',
    applies: isClub,
  },
  {
    // a capitalized phrase in quotation marks is a nickname, slogan or title ("Day of Disruption", "Gucci Grace")
    id: 'entity.reject.quoted-title',
    example: 'they called it the "Day of Disruption" online',
    effect: 'reject',
    applies: (ctx, d) => !d.known && !headed(ctx, d) && inQuotedTitle(ctx, d.a, d.b),
  },
  {
    // rule all-caps-kicker: in a newsletter whose items open with "RATE WATCH — …", an all-caps phrase the
    // gazetteer does not know is a heading ("MARKETS IN RETREAT"), not a dateline or a name
    id: 'entity.reject.kicker',
    example: 'RATE WATCH — Rates rose.\nFIRST LOOK — Shares fell.\nMARKETS IN RETREAT — Bonds slid.',
    effect: 'reject',
    applies: (ctx, d) =>
      ctx.kickerDoc && !d.known && !d.isOrg && (!d.single || ctx.at(d.b + 1)?.text === '—') && allCaps(ctx, d),
  },
  {
    // a dateline: "CAPE CANAVERAL, Fla. —", "GENEVA (Reuters) -", "BEIJING:" at the start of a line
    id: 'entity.context.dateline',
    example: 'ZORVEX, Fla. — Floods hit the town.',
    weight: { place: 5 },
    effect: 'known',
    applies: (ctx, d) => {
      const { tokens, at } = ctx;
      if (d.isOrg || (d.a !== 0 && tokens[d.a - 1]!.line === d.first.line)) return false;
      const after = at(d.b + 1);
      return !!after && /^[,:(—–-]$/.test(after.text) && allCaps(ctx, d);
    },
  },
  {
    // a heading line's capitals say nothing — but a headed name on a score line or headline is still a name
    id: 'entity.weak.heading-line',
    example: 'Key Highlights From Zorvex\nThe town was quiet.',
    effect: 'weak',
    applies: (ctx, d) => {
      if (d.known || !ctx.headingLine.has(d.first.line)) return false;
      return d.single || !placeOrOrgHead(ctx, d.head) || ctx.lowerVocab.has(d.w0.toLowerCase());
    },
  },
  {
    id: 'entity.weak.sentence-initial',
    example: 'Quillfeather arrived late.',
    effect: 'weak',
    applies: (_ctx, d) => !d.known && d.single && d.sentenceInitial && !d.first.upper,
  },
  {
    // a capitalized ordinary word ("Government", "Enabled"): seen in lowercase elsewhere in the article
    id: 'entity.weak.common-word',
    example: 'the Harvest was late; the harvest failed.',
    effect: 'weak',
    applies: (ctx, d) => !d.known && d.single && commonWord(ctx, d.w1),
  },
  {
    // …unless the sentence treats it as a name: "Gavi, the vaccine alliance, said", "Ticketmaster, owned by …"
    id: 'entity.weak.named-by-sentence',
    example: 'Ticketmaster, owned by a larger firm, apologized.',
    effect: 'strong',
    applies: (ctx, d) => {
      if (d.known || !d.weak || !d.single || ctx.lowerVocab.has(d.w1.toLowerCase())) return false;
      const plainWord = PLAIN_WORD_ENDING.test(d.w1);
      return (
        d.appositiveOrg || (!plainWord && d.next?.text === ',' && NAMED_BY_AFTER.test(ctx.at(d.b + 2)?.text ?? ''))
      );
    },
  },
];

/** The evidence rules, in the order they run. */
export const EVIDENCE_RULES: readonly EvidenceRule[] = [
  {
    // "Alabama Attorney General's office", "Baldwin County Sheriff's office": an office named after a title
    id: 'entity.shape.titled-office',
    example: "a statement from the Alabama Attorney General's office said",
    weight: { organization: 8 },
    effect: 'extend',
    extend: ({ at }, d) => ({ b: d.b + 2, end: at(d.b + 2)!.end, word: 'office' }),
    applies: ({ lx, at }, d) => {
      const afterPos = at(d.b + 2);
      return (
        !!at(d.b + 1)?.possessive &&
        !!afterPos &&
        OFFICE_WORDS.test(afterPos.text) &&
        (lx.titleCore.has(d.head) || lx.titleMod.has(d.head))
      );
    },
  },
  {
    // "Washington-based think tank": only "Washington" is named (the cut is made in ./facts.ts)
    id: 'entity.shape.hyphen-suffix',
    example: 'a Zorvex-based think tank said',
    applies: (_ctx, d) => d.hy !== null,
  },
  ...NON_ENTITY_RULES,
  ...GAZETTEER_RULES,
  ...NAME_RULES.map((r): EvidenceRule => ({ ...r, scope: 'multi' })),
  ...WORD_RULES.map((r): EvidenceRule => ({ ...r, scope: 'single' })),
  ...BEFORE_RULES,
  ...ROLE_OF_RULES,
  ...AFTER_RULES,
  ...COMMA_RULES,
  ...LAST_RULES,
];

/** The weights of the rules the splitting and coordination stages apply in their own code. */
export const STAGE_RULES: readonly StageRule[] = [
  {
    id: 'entity.split.dateline-place',
    example: 'Hong Kong CNN — Protesters gathered on Sunday.',
    weight: { place: 5 },
  },
  {
    // "Nuevo León Governor": a governor, mayor or senator holds an office of a place
    id: 'entity.split.title-owner-place',
    example: 'Zorvex Governor Amanda Okafor said',
    weight: { place: 1.5 },
  },
  { id: 'entity.split.title-owner-org', example: 'Zorvex CEO Amanda Okafor said', weight: { organization: 1.5 } },
  { id: 'entity.split.title-person', example: 'Zorvex CEO Amanda Okafor said', weight: { person: 6 } },
  {
    id: 'entity.split.kinship-person',
    example: 'When we visited, Grandpa Joe showed us the barn.',
    weight: { person: 4 },
  },
  {
    // "in Athens, Clanton … and Prattville": the preposition before the list applies to every member
    id: 'entity.coordinate.list-preposition',
    example: 'storms hit towns in Athens, Zorvex, Quillby and Prattville on Monday',
    weight: { place: 1.5 },
  },
  {
    // a member with little evidence of its own takes the type its confident neighbours agree on
    id: 'entity.coordinate.list-type',
    example: 'leaders of Kenya, Uganda and Zorvexia met',
    weight: { person: 3, organization: 3, place: 3 },
  },
];

const stageById = new Map(STAGE_RULES.map((r) => [r.id, r]));

/** The stage rule with id `id` (a programming error when there is none). */
export function stageRule(id: string): StageRule {
  const r = stageById.get(id);
  if (!r) throw new Error(`unknown entity rule ${id}`);
  return r;
}

/**
 * rule generic-building: "in front of the State House", "outside the Town Hall" — two generic words with a
 * building head, after "the" and a location preposition, name a building (scored by entity.context.in-the).
 */
function genericBuilding(ctx: Ctx, d: Draft): boolean {
  return (
    d.words.length === 2 &&
    BUILDING_HEADS.test(d.head) &&
    d.pw === 'the' &&
    !!d.prev2 &&
    (ctx.lx.placePreps.has(d.prev2.t.text) || d.prev2.t.text === 'of')
  );
}

/**
 * rule common-word-variant: the word, or its plural ("Bulldozer" beside "bulldozers"), is written in lowercase
 * somewhere in the article.
 */
function commonWord({ lowerVocab }: Ctx, word: string): boolean {
  const w = word.toLowerCase();
  // (not a capitalized plural beside its lowercase singular: "the Rangers", "Realtors" are often groups)
  return lowerVocab.has(w) || lowerVocab.has(w + 's') || lowerVocab.has(w + 'es');
}

/** "the House" alone in a story about the US Congress (its members' titles, "Congress", "Senate"). */
function usHouse(ctx: Ctx, d: Draft): boolean {
  if (!d.single || d.w1 !== 'House' || !ctx.congress()) return false;
  // rule chamber-party: "House Democrats", "House and Senate Republicans" name the chamber too
  const n = d.next?.text ?? '';
  return d.pw === 'the' || PARTY_MEMBERS.test(n) || (n === 'and' && ctx.at(d.b + 2)?.text === 'Senate');
}

/** The kind of the token before index `i` on the same line, or '' at a line start. */
function prevWordKind(tokens: Token[], i: number): string {
  return prevWord(tokens, i)?.t.kind ?? '';
}

/** A place name used as a club in a match report ("Sevilla striker", "beat Sevilla 3-1", "from Sunderland"). */
function isClub(ctx: Ctx, d: Draft): boolean {
  const { at, lx, tokens } = ctx;
  if (!ctx.sporty || d.isPlace === 'country') return false;
  const { next, nextWord, prev, prev2 } = d;
  const after = next?.text === ',' && at(d.b + 2)?.text === 'who' ? at(d.b + 3) : nextWord;
  const aw = after?.kind === 'word' && !after.cap ? after.text : '';
  const pw = prev && !prev.t.cap ? prev.t.text : '';
  return (
    (CLUB_AFTER.test(aw) && nextWord === after) ||
    (MATCH_VERBS.test(aw) && !next?.possessive) ||
    MATCH_BEFORE.test(pw) ||
    (pw === 'from' && signedBefore(tokens, prev!.i)) ||
    (next?.kind === 'num' && SCORE.test(next.text)) ||
    (pw === 'at' && !!prev2 && prev2.t.kind === 'num' && SCORE.test(prev2.t.text)) ||
    (!d.single && CLUB_TAIL.test(d.head) && lx.places.get(lexKey(d.words.slice(0, -1).join(' '))) === 'city')
  );
}
