/**
 * Word lists of the entity engine's chunking, evidence and clustering rules (utils/analysis/entities/), as
 * plain data: each is one anchored pattern so a rule reads `LIST.test(word)`. The shared cue lists (titles,
 * role nouns, head words, …) live in ./cues.ts and are built into Sets by ./gazetteer.ts; these are the
 * lists only the entity rules use. Case matters where the pattern is capitalized.
 */
import { PARTY_MEMBER_NOUNS } from './roles';
import { SPEECH_VERB_FORMS } from './speech';

/** Speech verbs that publications and institutions do as often as people ("Motherboard reported"). */
const NOT_PERSONAL_SPEECH = new Set(['report']);
/**
 * Verbs of speech right after a name: "Reyes said", "Reyes noted" — a person. The finite forms of the speech
 * lexicon's verbs (./speech.ts), except "reported" (a publication reports: "Motherboard reported"), plus
 * "continued" and the belief verbs "believes", "thinks".
 */
export const SPEECH_AFTER: ReadonlySet<string> = new Set([
  ...[...SPEECH_VERB_FORMS]
    .filter(([form, lemma]) => form !== lemma && !form.endsWith('ing') && !NOT_PERSONAL_SPEECH.has(lemma))
    .map(([form]) => form),
  'continued',
  'believes',
  'thinks',
]);
/** Opening and closing quotation marks around a quoted title ("Day of Disruption"). */
export const OPEN_QUOTES = new Set(['"', '“', '‘', "'", '«']);
export const CLOSE_QUOTES = new Set(['"', '”', '’', "'", '»']);
/** Offices that belong to a place: "the MP for X", "the mayor of X". */
export const PLACE_ROLES =
  /^(mp|mps|mep|member|mayor|governor|senator|congressman|congresswoman|representative|assemblyman|assemblywoman|councillor|councilor|bishop|archbishop|ambassador|consul|envoy)$/;
/** Road numbers: "A835", "M25", "I-95", "US-101". */
export const ROAD = /^(A|B|M|N|E|I|US|SR|R)-?\d{1,4}$/;
/** First words of named events, ratings and document parts: "Hurricane Ian", "Category 4", "Article 370". */
export const NON_ENTITY_FIRST =
  /^(Hurricane|Typhoon|Cyclone|Storm|Tropical|Category|Operation|Phase|Level|Stage|Round|Season|Episode|Chapter|Section|Article|Amendment|Title)$/;
/** "Washington-based", "Saudi-led", "US-backed": the name is the part before the hyphen. */
export const HYPHEN_SUFFIX =
  /^(.+)-(based|born|led|backed|owned|run|made|bound|style|era|area|wide|funded|allied|controlled|held|linked|listed|headquartered|registered|flagged|bred|raised|trained|educated)$/;
/** Short forms news uses for institutions whose initials do not give them away. */
export const SHORT_NAMES: ReadonlyMap<string, string> = new Map([
  ['fed', 'federal reserve'],
  ['un', 'united nations'],
  ['eu', 'european union'],
]);
/** Ordinary adjectives that start place names: "Old Trafford", "Grand Central". */
export const PLACE_ADJ = /^(Old|New|Great|Grand|Little|Big|Upper|Lower|Saint|St|San|Santa|Port|Fort|Mount|Lake|Royal)$/;
/** Heads of academic institutions, whose "of" names a field ("University of Science and Technology"). */
export const ACADEMIC_HEAD = /^(University|Institute|College|School|Academy|Faculty)$/;
/** Words after a company's own name that short forms leave out ("Samsung Electronics" ~ "Samsung"). */
export const CORP_TAIL =
  /^(Electronics|Motor|Motors|Group|Holdings|Corporation|Corp|Inc|Company|Industries|Technologies|Pharmaceuticals|Airlines|Airways|News)$/;
/** Lowercase words of football (and other club sport) reports; three distinct ones make a report sporty. */
export const SPORT_WORDS =
  /^(striker|strikers|midfielder|midfielders|defender|defenders|winger|goalkeeper|goalkeepers|penalty|penalties|goal|goals|scored|scorer|equaliser|equalizer|half-time|halftime|kickoff|kick-off|stoppage|fixture|fixtures|relegation|promotion|derby|league|referee|header|hat-trick|transfer|loan|touchdown|quarterback|innings|wicket|playoff|playoffs)$/;
/** Roles and crowds after a club's name: "Sevilla striker", "Barcelona's manager", "Wrexham fans". */
export const CLUB_AFTER =
  /^(striker|strikers|midfielder|defender|defenders|winger|goalkeeper|keeper|forward|manager|boss|coach|captain|skipper|fans|supporters|squad|teammates|academy|players|midfield|defence|defense|attack)$/;
/** Match verbs: "Barcelona beat Sevilla", "Stockport County signed …", "Wrexham, who drew 1-1". */
export const MATCH_VERBS =
  /^(beat|beats|defeated|defeat|drew|draw|lost|thrashed|edged|hammered|routed|stunned|signed|sign|sacked|hosted|host|hosts|visit|visits|faces|face|faced|trail|trailed)$/;
/** Words before the losing club: "beat Sevilla", "against Wrexham". */
export const MATCH_BEFORE =
  /^(beat|beats|beating|defeated|defeating|thrashed|edged|hammered|routed|stunned|against|v|vs)$/;
/** A match score: "3-1". */
export const SCORE = /^\d{1,2}-\d{1,2}$/;
/** Club names made of a town and a club word ("Manchester City", "Stockport County", "Bristol Rovers"). */
export const CLUB_TAIL =
  /^(City|Town|United|County|Rovers|Athletic|Albion|Wanderers|Rangers|Hotspur|Villa|Argyle|Orient)$/;
/** Transfer verbs before "from": "signed winger Jack Diamond from Sunderland". */
export const TRANSFER_VERBS = /^(signed|joined|loaned|bought|recruited|transfer)$/;
/** A transfer verb opening the sentence: "Signed from Sunderland, …". */
export const TRANSFER_OPENERS = /^(Signed|Joined)$/;
/** Verbs whose subject is a firm: "Piper Sandler downgraded the stock", "Goldman Sachs underwrote the offering". */
export const FIRM_VERBS =
  /^(downgraded|upgraded|underwrote|underwrites|downgrades|upgrades|reiterated|initiated|employs|manufactures)$/;
/** Capitalized function words of Title Case headlines that never sit inside a name. */
export const HEADLINE_GLUE =
  /^(In|At|As|To|With|By|From|Into|Over|After|Amid|Is|Are|Was|Were|Has|Have|Will|Says|Said|Say|Vs|Amid|Before|Against)$/;
/** Lowercase function words a heading line may hold without losing its Title Case. */
export const HEADING_FILLERS = /^(a|an|to|in|at|with|by|is|are)$/;
/** Institutions whose building is named like them: "near Briarwood Elementary School". */
export const FACILITY_HEAD =
  /^(School|Church|Mosque|Synagogue|Temple|Chapel|Hospital|Clinic|Library|Center|Centre|Arena)$/;
/** Prepositions that put a facility on the map: "near Briarwood Elementary School". */
export const FACILITY_PREPS = /^(near|outside|inside|behind|opposite|beside)$/;
/** Events held at a facility: "a vigil at First Baptist Church". */
export const FACILITY_EVENTS = /^(shelter|vigil|rally|funeral|memorial|ceremony|service|gathered|held|opened)$/;
/** Parts of a building: "the lobby of the Grand Hyatt". */
export const BUILDING_PARTS =
  /^(floor|floors|lobby|roof|rooftop|basement|steps|grounds|entrance|ballroom|courtyard|gates|doors|car park|parking)$/;
/** Kinds of place named in an appositive: "Diriyah, the restored old quarter". */
export const PLACE_NOUN =
  /^(quarter|town|village|city|suburb|district|neighborhood|neighbourhood|island|region|province|settlement|township|county|port)$/;
/** Nouns before "of X" that make X a place: "the city of X", "residents of X", "north of X". */
export const PLACE_OF_NOUNS =
  /^(city|town|village|state|province|region|island|county|capital|district|suburb|neighborhood|neighbourhood|residents|inhabitants|outskirts|streets|suburbs|north|south|east|west|northeast|northwest|southeast|southwest)$/;
/** Legal suffixes of company names, as written ("Inc.", "GmbH"). */
const ORG_LEGAL_SUFFIXES = ['Inc', 'Corp', 'Co', 'Ltd', 'LLC', 'Plc', 'PLC', 'AG', 'SA', 'GmbH', 'LLP'];
/** A legal suffix as a word, its period optional. */
export const ORG_SUFFIX_ABBR = new RegExp(`^(?:${ORG_LEGAL_SUFFIXES.join('|')})\\.?$`);
/** A legal suffix at the end of a lookup key ("alphabet inc" ~ "alphabet"). */
export const ORG_SUFFIX_KEY = new RegExp(
  `,? (?:${[...new Set(ORG_LEGAL_SUFFIXES.map((w) => w.toLowerCase()))].join('|')})$`,
);
/** Generational suffixes after a surname: "Joe Manchin III". */
export const NAME_SUFFIXES = /^(Jr|Sr|II|III|IV|V)$/;
/** Words before "May"/"March" that make it the month: "in May", "since March". */
export const MONTH_BEFORE = /^(in|on|since|until|by|early|late|mid|last|next|this|of|from|through)$/;
/** Lowercase Arabic articles and prefixes glued to a capitalized name: "al-Assad", "bin-Laden", "sub-Saharan". */
export const NAME_PREFIX_HYPHEN = /^(al|el|ad|as|ash|an|ar|at|az|bin|ibn|abu|abd|bint|ben|sub|pan|trans|mid)-\p{Lu}/u;
/** Lowercase prefixes that make a name out of a capitalized word: "sub-Saharan Africa", "ex-Soviet". */
export const PREFIX_HYPHEN = /^(sub|pan|trans|mid|ex)-\p{Lu}/u;
/** Words that make "for $15" a price, not a campaign's name: "for $13 billion", "for $15 a share". */
export const PRICE_AFTER = /^(billion|million|trillion|thousand|bn|m|k|a|an|per|each|apiece)$/;
/** Kinds of organization after "X for Y": "Alternative for Germany party". */
export const FOR_KIND_AFTER =
  /^(party|group|movement|campaign|coalition|alliance|foundation|charity|union|institute|think-tank)$/;
/** Heads that license "of/for/the/and" inside a name, beyond the organization heads and place prefixes. */
export const LICENSING_HEADS =
  /^(Republic|Kingdom|Emirate|Commonwealth|State|States|Province|Office|Bank|Secretary|Minister|Museum|Hospital|University|Institute|Center|Centre|Bureau|Order|House|Church|Hall)$/;
/** Determiners stripped from a span's start anywhere in a sentence: "our Dana Reyes". */
export const DETERMINERS = /^(The|A|An|This|That|These|Those|Our|Your|My|Their)$/;
/** Capitalized words that are descriptions, not a name of one's own ("National Bank of X"). */
export const DESCRIPTIVE_CAPS = /^(National|Royal|Federal|State|General|Public|United|International)$/;
/** Adjective endings of descriptive capitals ("Economic", "Regional"). */
export const ADJECTIVE_ENDING = /(ic|al|ive|ous|ary|an|ese)$/;
/** Words that end a personal name after a title: "Leader Chuck Schumer of New York". */
export const NAME_ENDERS = /^(of|for|on|and|the|&)$/;
/** Words after a title and a possessive that name its office: "Attorney General's office". */
export const OFFICE_WORDS = /^(office|Office|department|Department)$/;
/** Connectors that mark a head before them: "Institute of …", "Fund for …". */
export const OF_CONNECTORS = /^(of|for|on)$/;
/** Kinds of organization right after a name: "the Wagner group", "the Likud party". */
export const ORG_KIND_AFTER =
  /^(party|group|faction|militia|company|firm|tribe|movement|alliance|coalition|union|federation|club)$/;
/** Prepositions after a role noun that name its employer: "the chief executive of Fjord Air". */
export const ROLE_PREPS = /^(of|for|at|with)$/;
/** What one holds shares of: "shares of Nordlys". */
export const SECURITIES = /^(shares|stock|stake|bonds)$/;
/** Staff words that name their employer after "at/of/for": "strategists at Nordbank". */
export const STAFF_NOUNS = /^(traders|strategists|executives|employees|bankers|engineers|staff)$/;
/** Kin and friends: "the wife of X" names a person, not an employer. */
export const KIN_NOUNS = /^(wife|husband|son|daughter|father|mother|brother|sister|friend|widow)$/;
/** Words that open a new clause after a comma, ending an appositive. */
export const CLAUSE_OPENERS =
  /^(while|whereas|and|but|or|as|when|after|before|who|whose|which|that|because|although|though|where|if)$/;
/** Capitalized determiners that open an appositive: "Gavi, The vaccine alliance". */
export const APPOSITIVE_DETERMINERS = /^(The|A|An|His|Her|Its|Their)$/;
/** Role nouns too vague to make an appositive a person's ("head", "chief"). */
export const VAGUE_ROLES = /^(head|chief)$/;
/** Words after "X," that treat X as a name: "Ticketmaster, owned by …". */
export const NAMED_BY_AFTER = /^(owned|based|founded|which|who)$/;
/** Endings of ordinary words written with a capital at a sentence start. */
export const PLAIN_WORD_ENDING = /(s|ing|ed|ly)$/;
/** Prefixes of compound demonyms: "Sino-Indian", "Afro-Caribbean". */
export const DEMONYM_PREFIXES = /^(sino|anglo|franco|indo|afro|euro|pan|non|pro|anti)$/;
/** Embassies and police named by their country: "the US embassy". */
export const NATIONAL_BODIES = /^(embassy|consulate|police)$/;
/**
 * Kinship and family address words written with a capital ("Dad said", "Grandma told us"): never a name by
 * themselves. Not "Ma", "Pa", "Nan", "Nana" (also names: Jack Ma, Nana Akufo-Addo), nor "Mother", "Father",
 * "Sister", "Brother" (clergy titles, in the title list), nor "Gran" ("Gran Canaria").
 */
export const KIN_WORDS =
  /^(Mom|Mum|Mommy|Mummy|Momma|Mama|Mamma|Dad|Daddy|Papa|Pops|Grandma|Grandpa|Granny|Grandmother|Grandfather|Grandad|Granddad|Grandpappy|Gramps|Grammy|Uncle|Aunt|Auntie|Aunty|Cousin|Sis|Bro|Hubby)$/;
/**
 * The kinship words that stand as a title before a given name ("Grandpa Joe", "Aunt Bea") — not "Mama", "Papa"
 * ("Mama Cass", "Papa John's" are names), nor "Mother", "Gran" ("Mother Teresa", "Gran Canaria").
 */
export const KIN_TITLES =
  /^(Grandma|Grandpa|Granny|Grandmother|Grandfather|Grandad|Granddad|Uncle|Aunt|Auntie|Aunty|Cousin)$/;
/**
 * Heads of a business or institution named after its owner with a possessive ("Kim's Diner", "Joe's Pizza",
 * "St. Luke's Hospital"): the possessive stays inside the name, and the name is a place when used as one.
 */
export const VENUE_HEADS =
  /^(Diner|Cafe|Café|Coffee|Restaurant|Grill|Bar|Pub|Tavern|Bakery|Deli|Pizza|Pizzeria|Kitchen|Bistro|Steakhouse|Eatery|Market|Shop|Store|Stores|Motel|Inn|Lounge|Saloon|Brewery|Hospital|Clinic|Church|Cathedral|Chapel|School|College|Garage|Pharmacy|Salon|Barbershop|Bookstore|Bookshop|Farm|Ranch|Liquors|Hardware|Supermarket|Grocery|Center|Centre|Cantina|Taqueria|Trattoria|Hotel|Lodge|Depot|Outlet|Emporium|Boutique|Gym)$/;
/** Street words after an ordinal: "West 12th Street", "42nd St.", "Fifth Avenue" is spelled out. */
export const ORDINAL_STREET_HEADS =
  /^(Street|St|Avenue|Ave|Road|Rd|Boulevard|Blvd|Lane|Drive|Place|Parkway|Terrace|Way)\.?$/;
/** An ordinal number token: "12th", "42nd", "1st", "3rd". */
export const ORDINAL = /^\d{1,4}(st|nd|rd|th)$/i;
/** Place heads that are also common surnames: "Marcus Hill", "Dana Hall" — a given name first makes a person. */
export const SURNAME_HEADS = /^(Hill|Hall|Field|Wall|Lane|Fields|Hills|Brooks)$/;
/** Rooms and wings of a building: "in the Oval Office", "in the Situation Room", "the Rose Garden". */
export const ROOM_HEADS = /^(Office|Room|Wing|Garden|Ballroom)$/;
/** Prepositions that put a room on the map: "in the Oval Office". */
export const ROOM_PREPS = /^(in|into|at|from|inside|outside|to)$/;
/**
 * Buildings that stand for their institution when they act ("the White House said", "White House officials",
 * "the Elysée Palace announced"): the head word of such a name.
 */
export const SEAT_HEADS = /^(House|Palace|Mansion|Hall)$/;
/** Words after a seat's name that make it the institution: its staff, its press, its statements. */
export const SEAT_ACTS =
  /^(officials|official|staff|staffers|aides|aide|spokesman|spokeswoman|spokesperson|press|counsel|adviser|advisers|advisor|announced|confirmed|denied|declined|insisted|released|issued|statement|briefing|chief|correspondent|correspondents|budget|policy|administration|administrations)$/;
/** Title words that name an office after "of" ("Inspector-General of Intelligence and Security"). */
export const OFFICE_TITLE_OF = /^\p{Lu}\p{Ll}+-General$/u;
/**
 * Plural collectives that open an advocacy group's "X for Y" name: "Citizens for Responsibility and Ethics",
 * "Americans for Prosperity", "Parents for Safe Streets".
 */
export const ADVOCACY_OPENERS =
  /^(Citizens|Americans|Parents|Mothers|Moms|Fathers|Families|Friends|Students|Doctors|Physicians|Scientists|Veterans|Women|Lawyers|Teachers|Neighbors|Neighbours|Residents|Taxpayers|Voters|Coalition|Alliance|Campaign|Partnership|Committee)$/;
/**
 * Lines that credit the article's contributors or sell a newsletter, beyond the shared boilerplate patterns
 * (lexicons/boilerplate.ts): "Reporting was contributed by …", "Contributors: …", "Dana Reyes contributed
 * research.", "Get New York Today in your inbox." Names in them are neither the story's people nor sources.
 * `names`: the line is a credit only when what follows the cue is a list of names (see CREDIT_NAME_FILLERS).
 */
export const CREDIT_LINES: ReadonlyArray<{ re: RegExp; names: boolean; max: number }> = [
  {
    re: /^[[(]?(additional |research and )?(reporting|research|writing|editing|production|graphics|photography|design|contributors?)( was| were)?( contributed| provided| compiled| done)? (by|from)\b/i,
    names: true,
    max: 600,
  },
  { re: /^[[(]?(contributors?|contributing (reporters?|writers?|editors?)|credits)\s*:/i, names: true, max: 600 },
  // rule credit-verbs: "Written by …", "Edited by …", "Photos by …", "Produced and edited by …"
  {
    re: /^[[(]?(written|edited|photos?|photographs|illustrations?|illustrated|produced|designed|translated|fact-checked|copy edited|video|graphics|animation|interactive)( and (written|edited|produced|designed|reported|illustrated))? by\b/i,
    names: true,
    max: 300,
  },
  { re: /\bcontributed (additional )?(reporting|research|writing|reports?)\b/i, names: false, max: 600 },
  { re: /\b(get|delivered|sent|straight|directly)\b[^.]{0,60}\b(in|to) your inbox\b/i, names: false, max: 160 },
];
/** Lowercase words a credit's list of names may hold: "Dana Reyes in Clanton and Marcus Hill contributed reporting". */
export const CREDIT_NAME_FILLERS =
  /^(and|in|from|of|the|de|da|del|van|von|al|contributed|reporting|research|additional|writing|also|with|by|edited|editing|written|photos|photography|produced|production|graphics|design|designed)$/;
/** A US lawmaker's party letter glued to the state: "R-Utah", "D-Mass." (group 1: the state). */
export const PARTY_STATE = /^[DRI]-(\p{Lu}[\p{L}.]*)$/u;
/** Agent nouns after an organization's possessive: "the agency's district supervisor", "the firm's strategist". */
export const AGENT_NOUN = /^\p{Ll}{3,}(er|or|ist|ian)$/u;
/** Words that put a story in the US Congress, where "the House" is the House of Representatives. */
export const CONGRESS_WORDS = /^(Congress|Senate|Rep\.|Sen\.|Congressman|Congresswoman)$/;
/** Legislative chambers that open a committee's name: "House Oversight and Government Reform Committee". */
export const CHAMBERS = /^(House|Senate)$/;
/** The fewest rows, and the longest row, of a statistics table masked as one (see context.ts maskTables). */
export const TABLE_MIN_ROWS = 8;
export const TABLE_ROW_MAX = 40;
/** Heads of public buildings named by generic words: "the State House", "the Town Hall", "the City Hall". */
export const BUILDING_HEADS = /^(House|Hall|Capitol|Courthouse)$/;
/** A cheap first test for CREDIT_LINES: every credit pattern holds one of these words. */
export const CREDIT_HINT = /by|from|:|ontribut|inbox/i;
/** Newsroom labels set in capitals before a headline or story: "BREAKING NEWS:", "EXCLUSIVE —", "LIVE UPDATES". */
export const LEAD_IN_LABELS =
  /^(BREAKING|NEWS|EXCLUSIVE|UPDATE|UPDATES|UPDATED|LIVE|WATCH|LISTEN|ANALYSIS|OPINION|EDITORIAL|COMMENTARY|DEVELOPING|VIDEO|PHOTOS|PHOTO|GALLERY|CORRECTION|CLARIFICATION|ALERT|URGENT|JUST|IN|FLASH|SPONSORED|ADVERTISEMENT|PODCAST|REVIEW|INTERVIEW|FACT|CHECK|EXPLAINER|OBITUARY|LATEST|TOP|STORY|STORIES|SPECIAL|REPORT)$/;
/**
 * Describing adjectives and adverbs that open a capitalized span before a name without being part of it
 * ("Onetime Federal Reserve governor …", "Longtime Zorvex executive …", "Former Lumen banker …").
 */
export const NAME_DESCRIPTORS =
  /^(Onetime|One-time|Longtime|Long-time|Former|Erstwhile|Ex|Then|Veteran|Retired|Embattled|Beleaguered|Disgraced|Outgoing|Incoming|Fellow|Newly-elected|Newly|Soon-to-be|Would-be)$/;
/**
 * Plurals of party members (PARTY_MEMBER_NOUNS, capitalized) and of a chamber's groups after its name:
 * "Senate Democrats", "House Republicans", "Senate Leadership" (a group, not a name).
 */
export const PARTY_MEMBERS = new RegExp(
  `^(?:${[...PARTY_MEMBER_NOUNS]
    .filter((w) => w.endsWith('s'))
    .map((w) => w[0]!.toUpperCase() + w.slice(1))
    .join('|')}|Greens|Lawmakers|Members|Leaders|Leadership|Majority|Minority)$`,
);
/**
 * Words of newspaper mastheads that join with "and" into one title: "Post and Courier", "Journal and Courier",
 * "Mail and Guardian", "Press and Sun-Bulletin" (the last part of a hyphenated word counts).
 */
export const MASTHEAD_WORDS =
  /^(Post|Courier|Journal|Press|Times|Herald|Tribune|Gazette|Mail|Guardian|Star|Sun|Chronicle|News|Observer|Bulletin|Examiner|Telegraph|Record|Register|Leader|Sentinel|Advertiser|Argus|Dispatch|Enquirer|Inquirer|Mercury|Ledger|Review|Standard|Express|Globe|Mirror|Patriot|Statesman|Citizen|Democrat|Republican|Transcript|Eagle|Beacon|Messenger|Intelligencer|Commercial|Appeal|Clarion|Free|Gleaner|Reporter|Journal-Constitution)$/;
/**
 * Heads of rules and regulations: "Mercury and Air Toxics Standards", "the Clean Water Rule" — documents,
 * not entities (beyond the law heads of ./cues.ts NON_ENTITY_HEADS).
 */
export const REGULATION_HEADS = /^(Standards|Standard|Rule|Rules|Regulation|Regulations|Guidelines|Directive|Mandate)$/;
/** Research units named as such: "Zorvex Hiring Lab", "Bell Labs", "Lincoln Laboratory". */
export const LAB_HEADS = /^(Lab|Labs|Laboratory|Laboratories)$/;
/** Product tiers after a known brand: "Zorvex Pro", "Lumen Plus" — a product or service, not an entity. */
export const PRODUCT_TIERS = /^(Pro|Plus|Premium|Prime|Max|Ultra|Mini|Lite|Gold|Platinum|Unlimited)$/;
/** Lowercase words of a city's part before a name: "in downtown Clanton", "in suburban Zorvex". */
export const AREA_WORDS =
  /^(downtown|uptown|midtown|suburban|rural|central|northern|southern|eastern|western|coastal|greater|neighboring|neighbouring|nearby)$/;
/** Verbs of going into or at a building: "Roof entered Zorvex Church", "gunmen stormed Lumen School". */
export const ENTRY_VERBS =
  /^(entered|enters|entering|visited|visiting|stormed|attacked|evacuated|toured|reached|surrounded|fled|left|leaving|arrived)$/;
/**
 * Heads of utility company names: "Con Edison", "Avista Utilities", "Zorvex Power", "Tampa Electric". "Edison"
 * and "Light" are also surnames ("Thomas Edison"), so a given name before them keeps a person.
 */
export const UTILITY_HEADS = /^(Edison|Utilities|Utility|Power|Energy|Electric|Gas|Light|Hydro|Water|Grid)$/;
/** The utility heads that are also surnames. */
export const UTILITY_SURNAMES = /^(Edison|Light)$/;
