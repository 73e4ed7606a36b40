/**
 * Role nouns and organization head words: the one copy of each, read by the entity engine (through
 * cues.ts and the gazetteer) and by the quote engine's speaker resolver (through speech.ts and speakers.ts).
 * Plain data: each word is listed once, under the uses it has. The two engines learned different words;
 * the tables keep exactly the words each used, so moving them here changed no output, and a word that one
 * engine should learn from the other is a change to make with its snapshot diff.
 */

/**
 * Role nouns. Uses: `name` — a lower-case role right before a capitalized name makes it a person
 * ("spokesperson Geng Shuang", "his wife Grace"; the entity engine); `person` / `organization` / `place` —
 * a definite role noun refers back to an entity of that type ("the minister", "the company"; the speaker
 * resolver).
 */
const ROLE_TABLE: ReadonlyArray<readonly [string, string]> = [
  // before a name only ("opposition leader Morgan Tsvangirai")
  [
    'name',
    `vice-president president-elect ministers princess leaders editor correspondent reporter journalist counterpart
officer colonel captain priest pastor bishop cleric imam rabbi wife husband son daughter father mother brother
sister widow widower cousin uncle aunt nephew niece grandson granddaughter co-founder cofounder manager
resident activist writer rapper player striker star businessman businesswoman billionaire lawmaker legislator
economist student teacher doctor nurse agent detective inspector sergeant defendant suspect victim colleague
friend aide adviser advisor deputy dictator host presenter photographer historian novelist poet filmmaker
designer architect entrepreneur investor owner boss chef pilot soldier commissioner councilman councilwoman
councillor speaker rapporteur negotiator mediator strongman warlord tycoon magnate mogul comedian musician
artist producer dr. mr. ms. mrs. boyfriend girlfriend partner fiancé fiancée successor predecessor rival ally
opponent challenger incumbent nominee justice sheriff trooper strategist astronaut astronauts cosmonaut
cosmonauts head fellow spokesmen spokeswomen lawyers economists analysts`,
  ],
  // before a name, and refer back to a person ("the minister")
  [
    'name person',
    `president premier minister secretary chancellor king queen prince spokesman spokeswoman spokesperson leader
chief director ambassador envoy governor senator mayor judge lawyer attorney professor expert analyst official
commander general founder chairman chairwoman executive CEO author actor actress singer coach candidate
congressman congresswoman scientist researcher prosecutor chair`,
  ],
  // refer back to a person only
  ['person', `pope diplomat`],
  // refer back to an organization only
  [
    'organization',
    `company firm agency group organisation organization ministry department bureau office union party university
airline carrier bank institution network newspaper broadcaster fund council authority commission committee
board court institute federation association foundation alliance coalition bloc regulator watchdog exchange
movement channel paper outlet station team club league body embassy campaign charity service`,
  ],
  // refer back to a place only
  ['place', `country nation city state region`],
];

/**
 * Organization head words. Uses: `name` — the head or legal suffix of an organization's name ("Bureau of
 * African Affairs", "Acme Inc"; the entity engine, case as written); `fallback` — the speaker resolver's
 * fallback name finder types a capitalized run holding one as an organization (compared in lower case).
 */
const ORG_HEAD_TABLE: ReadonlyArray<readonly [string, string]> = [
  // head an organization name in both engines
  [
    'name fallback',
    `Ministry Agency Department Bureau Command Party Inc Corp Corporation Ltd LLC University College Institute
School Police Council Court Committee Commission Association Union Bank Group Army Forces Force Navy Guard
Embassy News Times Post Journal Press Media Network Office Service Services Organization Organisation
Foundation Fund Board Authority Administration Company Airlines Airways Senate Congress Parliament Assembly
Club Church`,
  ],
  // before a name only ("opposition leader Morgan Tsvangirai")
  [
    'name',
    `Dept Co LLP PLC Plc GmbH AG Centers Centres Institution Academy Corps Consulate Insider Herald Tribune Gazette
Telegraph Chronicle Guardian Observer Monitor Review Magazine Radio Television Broadcasting Networks Caucus
Alliance Confederation Federation Coalition Companies Motors Technologies Technology Systems Labs Laboratories
Laboratory Pharmaceuticals Holdings Industries Enterprises Partners Capital Ventures Studios Entertainment
Records Cabinet Front Movement Brigade Brigades Society Trust League Tribunal Secretariat Directorate
Conference Forum Initiative Programme Team FC Cooperative Exchange Stores Foods Brands Energy Petroleum
Telecom Communications Software Games Pictures Publishing Reserve Ministries Agencies Departments Councils
Commissions Unions Banks Committees Institutes Universities Schools Colleges Fire Legion Battalion Regiment
Division Squad Unit Cartel Gang Mafia Clinic Clinics Project Watch International Worldwide Global Solutions
Consulting Associates Air Power Rail Railways Shipping Steel Mining Motor Observatory Report Terminals Trading
Resources Minerals Metals Construction Engineering Development Rovers Wanderers Athletic Albion Hotspur
Research Economics Analytics Advisory Properties Realty Estates Hotels Resorts Brewing Beverages Textiles
Chemicals Electric Electronics Semiconductor Securities Financial Investments Insurance Bancorp Advisors
Management Markets Logistics Pharma Biotech Robotics`,
  ],
  // type a name the entity engine missed only ("the Times"); lower case
  ['fallback', `airline center centre channel house hospital`],
];

function wordsWith(table: ReadonlyArray<readonly [string, string]>, use: string): string[] {
  const out: string[] = [];
  for (const [uses, words] of table) if (uses.split(' ').includes(use)) out.push(...words.split(/\s+/));
  return out;
}

/** Role nouns that make the name after them a person (the entity engine), as written. */
export const ROLES_BEFORE_NAME: readonly string[] = wordsWith(ROLE_TABLE, 'name');

/** Role nouns that refer back to an entity, lower case → the type they refer to (the speaker resolver). */
export const ROLE_REFERENTS: ReadonlyMap<string, 'person' | 'organization' | 'place'> = new Map(
  (['person', 'organization', 'place'] as const).flatMap((type) =>
    wordsWith(ROLE_TABLE, type).map((w) => [w.toLowerCase(), type] as const),
  ),
);

/** Organization name heads and legal suffixes, as written (the entity engine). */
export const ORG_NAME_HEADS: readonly string[] = wordsWith(ORG_HEAD_TABLE, 'name');

/** Lower-case heads that make a fallback name an organization (the speaker resolver). */
export const ORG_FALLBACK_HEADS: ReadonlySet<string> = new Set(
  wordsWith(ORG_HEAD_TABLE, 'fallback').map((w) => w.toLowerCase()),
);

/**
 * Party members as common nouns ("a Georgia Republican", "one Labour MP's ally"): with a determiner or a
 * number before them they describe unnamed people, never a named entity. Lower case, singular and plural.
 */
export const PARTY_MEMBER_NOUNS: ReadonlySet<string> = new Set(
  `republican republicans democrat democrats tory tories conservative conservatives liberal liberals independent
independents socialist socialists progressive progressives libertarian libertarians centrist centrists
moderate moderates`.split(/\s+/),
);

/**
 * Documents and data that speak for the body that issued them ("the report said", "figures from the
 * statistics office show"): the speaker resolver's document heads and the "according to a report by …"
 * issuer pattern. Lower case, singular and the plurals used as heads.
 */
export const DOCUMENT_NOUNS: ReadonlySet<string> = new Set(
  `report statement solicitation document filing memo study survey letter release notice proposal complaint
lawsuit indictment transcript data figures numbers statistics estimates poll analysis audit review reports studies
surveys filings documents records`.split(/\s+/),
);

/** Participles that tie a document to its issuer ("a report issued by …", "a study conducted by …"). */
export const ISSUING_PARTICIPLES: readonly string[] =
  'issued published released written prepared compiled commissioned conducted led filed'.split(' ');
