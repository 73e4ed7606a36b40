/**
 * The entity engine's lookup tables, built once and lazily from the generated data and the hand-written
 * lists: places (countries with their aliases, US states, big cities, regions), known organizations, given
 * names, demonyms and the cue-word sets. Everything keyed by `lexKey` (case-, accent- and dot-insensitive).
 */
import { CITIES } from './data/cities';
import { COUNTRIES } from './data/countries';
import { DEMONYMS } from './data/demonyms';
import {
  ACRONYM_STOP,
  CALENDAR,
  COMPASS,
  GENERIC_ALONE,
  NAME_CONNECTORS,
  NAME_PARTICLES,
  NON_ENTITIES,
  NON_ENTITY_HEADS,
  ORG_AFTER,
  ORG_HEADS,
  ORG_ROLE_BEFORE,
  PLACE_AFTER,
  PRODUCT_AFTER,
  PLACE_HEADS,
  PLACE_PREFIXES,
  ORG_PREFIXES,
  PLACE_PREPS,
  POSSESSIVE_IN_NAME,
  ROLE_NOUNS,
  STOP_STARTERS,
  TITLE_CORE,
  TITLE_MOD,
  wordSet,
} from './cues';
import {
  COUNTRY_ALIASES,
  EXTRA_DEMONYMS,
  KNOWN_COMPANIES,
  KNOWN_INSTITUTIONS,
  KNOWN_MEDIA,
  KNOWN_PLACE_ACRONYMS,
  KNOWN_PEOPLE,
  KNOWN_PLACES,
} from './known';
import { decodeFrontCoded, givenNameLists } from './givenNames';
import { US_STATE_ABBREVIATIONS, US_STATES } from './usStates';

/**
 * Normalizes a name for lookup: lowercase, no accents, no soft hyphens or periods, straight apostrophes,
 * single spaces. "U.S." and "US" share the key "us"; "Ngātiwai" and "Ngatiwai" too.
 */
export function lexKey(s: string): string {
  // fast path for plain ASCII names (most tokens): no accents, dots or typographic marks to fold
  if (ASCII_NAME.test(s)) return s.toLowerCase();
  return s
    .normalize('NFKD')
    .replace(/[\u0300-\u036f\u00AD.]/g, '')
    .replace(/[’‘`]/g, "'")
    .replace(/[\u2010-\u2015]/g, '-')
    .replace(/\s+/g, ' ')
    .trim()
    .toLowerCase();
}

const ASCII_NAME = /^[A-Za-z0-9'&-]+(?: [A-Za-z0-9'&-]+)*$/;

/** How a gazetteer knows a place: a country (with its canonical name), a state/region, or a city. */
export type PlaceKind = 'country' | 'region' | 'city';

/** The lookup tables. */
export interface Lexicon {
  /** Place key → kind. */
  places: Map<string, PlaceKind>;
  /** Country alias key → the country's canonical common name ("us" → "United States"). */
  countryCanon: Map<string, string>;
  /** Known organization keys (agencies, outlets, institutions, companies). */
  orgs: Set<string>;
  /** Known place acronyms ("us", "uk"). */
  placeAcronyms: Set<string>;
  /** Demonym keys, singular and plural ("malian", "malians", "americans"). */
  demonyms: Set<string>;
  /** Keys of people often named by surname alone ("modi", "putin"). */
  people: Set<string>;
  /** Given names, as written ("Nick"). */
  givenNames: Set<string>;
  /**
   * The likely gender of a given name that only one of the source lists holds ("Michelle" → f); unisex
   * names ("Jordan") are absent. Evidence for resolving "she said", never shown to the reader as a fact.
   */
  givenGender: Map<string, 'm' | 'f'>;
  nonEntities: Set<string>;
  nonEntityHeads: Set<string>;
  genericAlone: Set<string>;
  stopStarters: Set<string>;
  calendar: Set<string>;
  titleCore: Set<string>;
  titleMod: Set<string>;
  roleNouns: Set<string>;
  orgRoleBefore: Set<string>;
  orgAfter: Set<string>;
  placeAfter: Set<string>;
  productAfter: Set<string>;
  placePreps: Set<string>;
  orgHeads: Set<string>;
  placeHeads: Set<string>;
  placePrefixes: Set<string>;
  orgPrefixes: Set<string>;
  compass: Set<string>;
  particles: Set<string>;
  connectors: Set<string>;
  possessiveInName: Set<string>;
  acronymStop: Set<string>;
  stateAbbrevs: Set<string>;
}

let cached: Lexicon | null = null;

export { decodeFrontCoded } from './givenNames';

const pipeList = (s: string): string[] =>
  s
    .split('|')
    .map((x) => x.trim())
    .filter(Boolean);

/** Returns the lookup tables, building them on first use (a few milliseconds, once per page). */
export function lexicon(): Lexicon {
  if (cached) return cached;
  const { places, countryCanon, placeAcronyms } = buildPlaces();
  const orgs = new Set<string>();
  for (const list of [KNOWN_MEDIA, KNOWN_INSTITUTIONS, KNOWN_COMPANIES])
    for (const n of pipeList(list)) orgs.add(lexKey(n));
  const { givenNames, givenGender } = givenNameLists();

  cached = {
    places,
    countryCanon,
    orgs,
    placeAcronyms,
    demonyms: buildDemonyms(),
    givenNames,
    givenGender,
    people: new Set(pipeList(KNOWN_PEOPLE).map(lexKey)),
    nonEntities: wordSet(NON_ENTITIES.replace(/\n/g, ''), /\|/),
    nonEntityHeads: wordSet(NON_ENTITY_HEADS),
    genericAlone: wordSet(GENERIC_ALONE),
    stopStarters: wordSet(STOP_STARTERS),
    calendar: wordSet(CALENDAR),
    titleCore: wordSet(TITLE_CORE),
    titleMod: wordSet(TITLE_MOD),
    roleNouns: wordSet(ROLE_NOUNS),
    orgRoleBefore: wordSet(ORG_ROLE_BEFORE),
    orgAfter: wordSet(ORG_AFTER),
    placeAfter: wordSet(PLACE_AFTER),
    productAfter: wordSet(PRODUCT_AFTER),
    placePreps: wordSet(PLACE_PREPS),
    orgHeads: wordSet(ORG_HEADS),
    placeHeads: wordSet(PLACE_HEADS),
    placePrefixes: wordSet(PLACE_PREFIXES),
    orgPrefixes: wordSet(ORG_PREFIXES),
    compass: wordSet(COMPASS),
    particles: wordSet(NAME_PARTICLES),
    connectors: wordSet(NAME_CONNECTORS),
    possessiveInName: wordSet(POSSESSIVE_IN_NAME),
    acronymStop: wordSet(ACRONYM_STOP),
    stateAbbrevs: new Set(US_STATE_ABBREVIATIONS),
  };
  return cached;
}

/** Places by key (countries with their aliases, US states, known regions, cities), and country canon names. */
function buildPlaces(): {
  places: Map<string, PlaceKind>;
  countryCanon: Map<string, string>;
  placeAcronyms: Set<string>;
} {
  const places = new Map<string, PlaceKind>();
  const countryCanon = new Map<string, string>();
  const country = (name: string, canon: string): void => {
    const k = lexKey(name);
    places.set(k, 'country');
    countryCanon.set(k, canon);
  };
  for (const line of COUNTRIES.split('\n')) {
    const names = line.split('|');
    for (const n of names) country(n, names[0] ?? '');
  }
  for (const [alias, canon] of COUNTRY_ALIASES) country(alias, canon);
  for (const s of US_STATES) places.set(lexKey(s), 'region');
  for (const s of pipeList(KNOWN_PLACES)) if (!places.has(lexKey(s))) places.set(lexKey(s), 'region');
  for (const c of decodeFrontCoded(CITIES)) {
    const k = lexKey(c);
    if (!places.has(k)) places.set(k, 'city');
  }
  const placeAcronyms = new Set(pipeList(KNOWN_PLACE_ACRONYMS).map(lexKey));
  for (const a of placeAcronyms) if (!places.has(a)) places.set(a, 'country');
  return { places, countryCanon, placeAcronyms };
}

/** Demonym keys, singular and plural ("malian", "malians"), and the peoples the data lacks. */
function buildDemonyms(): Set<string> {
  const demonyms = new Set<string>();
  for (const d of DEMONYMS.split('\n')) {
    const k = lexKey(d);
    if (!k) continue;
    demonyms.add(k);
    demonyms.add(k.endsWith('s') ? k : k + 's');
  }
  for (const d of EXTRA_DEMONYMS.split(/\s+/)) if (d) demonyms.add(d);
  return demonyms;
}
