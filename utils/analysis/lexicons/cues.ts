/**
 * Hand-written cue lists for the entity engine: titles, role nouns, organization and place head words,
 * sentence starters that are not names, calendar words and non-entities. Each list is a plain string so the
 * bundle stays small; `wordSet` turns them into Sets once, lazily, at first use. Role nouns and organization
 * heads are shared with the quote engine and live in roles.ts.
 */
import { ORG_NAME_HEADS, ROLES_BEFORE_NAME } from './roles';

/** Splits a whitespace- or "|"-separated list into a Set (phrases use "|" as separator). */
export function wordSet(list: string, sep: RegExp = /\s+/): Set<string> {
  const s = new Set<string>();
  for (const w of list.split(sep)) {
    const t = w.trim();
    if (t) s.add(t);
  }
  return s;
}

/**
 * Title words that, capitalized before a name, mark a person and are stripped from the canonical name
 * ("Foreign Minister Abdoulaye Diop", "Lt. Gen. X", "Mr Obama"). Periods are removed before lookup.
 */
export const TITLE_CORE = `Mr Mrs Ms Miss Mx Dr Prof Professor Sir Dame Lord Lady Rev Reverend Rabbi Imam Sheikh Sheik Ayatollah
President Vice-President President-elect Premier Minister Ministers Secretary Secretary-General Chancellor King Queen Prince Princess
Emperor Empress Pope Cardinal Bishop Archbishop Sultan Emir Governor Gov Senator Sen Representative Rep Congressman
Congresswoman Councilman Councilwoman Councillor Councilor Mayor Judge Justice Sheriff Commissioner Ambassador Speaker General Gen Lt Lieutenant
Maj Major Brig Brigadier Col Colonel Capt Captain Sgt Sergeant Cpl Corporal Pvt Private Adm Admiral Marshal Commander Cmdr
Detective Det Inspector Insp Agent Officer Coach CEO CFO COO CTO Chairman Chairwoman Chairperson Director PM MP Spokesman
Spokeswoman Spokesperson Pastor Father Sister Chief Chair Director-General Attorney-General Governor-General
Inspector-General Vice-Chancellor Surgeon-General Ombudsman Astronaut Cosmonaut Superintendent Supt Deputy Dep Attorney Solicitor Prosecutor Leader Counsel`;

/** Words that modify a title ("Foreign Minister", "Attorney General", "Deputy Prime Minister"); never a title alone. */
export const TITLE_MOD = `Foreign Defence Defense Finance Interior Home Health Education Trade Economy Economic Energy Environment Justice
Deputy Vice Acting Former Interim Assistant Associate Executive Senior Chief Principal Prime First Crown Grand Supreme
Special Attorney Solicitor Lieutenant Major Brigadier Rear Field Lance Staff Master Police Fire Security Press Communications
Managing General Inspector District State Regional National Opposition Majority Minority Party Defense Labor Labour
Agriculture Transport Transportation Culture Information Industry Commerce Treasury Army Navy Military Air Commanding Lead
Financial Operating Marketing Commercial Legal Medical Technical Technology Digital Investment Compliance Risk Product
Strategy Content Creative Revenue People Data Science Scientific Academic Nursing`;

/**
 * Lowercase role nouns right before a capitalized name ("spokesperson Geng Shuang", "opposition leader Morgan
 * Tsvangirai", "his wife Grace"): strong person cues, because these nouns describe people.
 */
export const ROLE_NOUNS = ROLES_BEFORE_NAME.join(' ');

/** Lowercase nouns before a name that make it an organization ("activist group Fight for $15", "ruling party X"). */
export const ORG_ROLE_BEFORE = `group company firm startup start-up party agency newspaper network broadcaster outlet website magazine
retailer carrier airline bank insurer automaker carmaker maker manufacturer organization organisation union charity nonprofit
militia faction movement conglomerate chain brand publisher label studio developer platform lender operator
drugmaker chipmaker automaker miner insurer regulator watchdog broadcaster streamer supplier distributor
brewer utility promoter exchange outfit alliance coalition consortium club team band ministry tabloid daily`;

/** Lowercase nouns right after a name that make it an organization ("Islamic State group", "G40 faction"). */
export const ORG_AFTER = `group faction militants militia party company firm headquarters spokesman spokeswoman spokesperson executives
shares stock exchange board tribe network leader lawmakers legislators app website newspaper employees staff agency unit lawyers subsidiary affiliate division
chief executive founder investors shareholders platform campaign members leadership insurgents fighters rebels officials`;

/** Lowercase nouns after an unknown name that make it a product, vehicle or work, not an entity ("Falcon 9 rocket"). */
export const PRODUCT_AFTER = `rocket rockets spacecraft capsule satellite vaccine vaccines drug drugs pill phone phones smartphone
smartphones handset laptop tablet console device devices chip chips processor software model models car cars truck sedan
SUV jet jets aircraft plane planes drone drones helicopter missile missiles tank tanks warship submarine album single song
songs film movie series sitcom novel book memoir documentary podcast show game video brand rate rates system pipeline`;

/** Lowercase nouns right after a name that make it a place ("Ozark county", "the Kashmir region"). */
export const PLACE_AFTER = `city town village province county region state island islands river capital area district neighborhood
camp crossing
neighbourhood suburb border coast valley countryside peninsula police residents field fields oilfield settlement settlements slum slums township`;

/** Prepositions that put a following name in a location role ("in Bamako", "from the Sahel"). */
export const PLACE_PREPS = `in at from near into across outside inside throughout toward towards via around within to through`;

/**
 * Organization head words: the last word of a name ("Bureau of African Affairs" is headed by "Bureau") or its
 * legal suffix. Also licenses "of/for/the/and" inside the name.
 */
export const ORG_HEADS = ORG_NAME_HEADS.join(' ');

/**
 * Place head words: "New York Avenue", "Crown Heights", "SDCCU Stadium", "Brooklyn Bridge". Named facilities
 * count as places when used as locations (the annotation conventions).
 */
export const PLACE_HEADS = `Street St Avenue Ave Road Rd Boulevard Blvd Lane Drive Square Plaza Park Bridge Tunnel Station Airport
Harbor Harbour Island Islands Isle Mountain Mountains Hill Hills Heights River Lake Sea Ocean Bay Strait Canal Valley Desert
Forest Beach Coast Peninsula County Province Region District Prefecture Township Borough City Town Village Point Mansion
Palace Castle Cathedral Mosque Temple Hospital Museum Memorial Stadium Arena Tower Towers Building House Terminal Interstate
Highway Route Camp Prison Jail Zoo Gardens Garden Falls Canyon Creek Springs Field Fields Square Circle Pier Dam Reservoir
Plateau Basin Delta Glacier Volcano Reef Oasis Quarter Gate Wall Monument Cemetery Stadium Ballpark Coliseum Colosseum
Freeway Expressway Parkway Turnpike Motorway Crossing Pass Junction Corridor Highlands Lowlands Midlands Bayou Hall`;

/** Place words that come first ("Mount Kenya", "Lake Chad", "Gulf of Mexico", "Cape Town"). */
export const PLACE_PREFIXES = `Mount Mt Lake Gulf Cape Fort Port Isle Bay Sea Strait Loch Lough Glen Plaza Calle Avenida Piazza Puerto
River Rio Río Isla Lago Monte Sierra Cerro Playa Casa Praia Rua Place Rue Mar Wadi Jebel Jabal Ras Tell
Teatro Théâtre Estadio Estádio Stade Museo Musée Palacio Palais Palazzo Parque Catedral Iglesia Mercado Castillo Castello`;

/** Organization words that come first in Romance-language and club names ("Partido de la U", "Real Madrid"). */
export const ORG_PREFIXES = `Partido Frente Universidad Universidade Université Universität Università Banco Banque Instituto Institut
Fundación Fundação Fondation Ministerio Ministério Ministère Consejo Conseil Comisión Comissão Corte Tribunal Defensoría
Secretaría Movimiento Unión Alianza Asociación Federación Compañía Grupo Empresa Sindicato Real Deportivo Atlético Sporting
Olympique Dynamo Dinamo Juventus Inter Hajduk Partizan Lokomotiv Spartak Policía Ejército Armada Fuerzas`;

/** Compass words that make "North/South X" a place when X is one, and are not entities alone. */
export const COMPASS = `North South East West Northern Southern Eastern Western Central Upper Lower Greater Northeast Northwest
Southeast Southwest Northeastern Northwestern Southeastern Southwestern Middle Far Near`;

/**
 * Capitalized words that start sentences and are not names: function words, pronouns, sentence adverbs,
 * number words and UI words. A name span never starts with one of these.
 */
export const STOP_STARTERS = `The A An This That These Those It Its It's He She They We I You His Her Hers Their Our My Your Him Them Us Me
There Here When Where What Who Whom Whose Which Why How While Whilst If Although Though Because Since After Before During
Despite As At In On Of For From To With Without By About Above Below Under Over Between Among Amongst Into Through Throughout
Within Upon And But Or Nor So Yet However Meanwhile Moreover Furthermore Also Still Even Just Only Then Now Today Yesterday
Tomorrow Tonight Later Earlier Once Some Many Most Much More Few Several All Both Each Every Any No Not None Nobody Nothing
Everyone Everybody Everything Someone Somebody Something Anyone Anything Other Others Another One Two Three Four Five Six Seven
Eight Nine Ten Eleven Twelve Twenty Thirty Forty Fifty Hundred Hundreds Thousand Thousands Million Millions Dozens First Second
Third Fourth Fifth Last Next Such Like Unlike According Asked Speaking Instead Indeed Perhaps Maybe Well Yes Overall Finally
Nonetheless Nevertheless Otherwise Thus Therefore Hence Already Again Almost Never Always Often Sometimes Please Let Do Does
Did Is Are Was Were Be Been Being Has Have Had Will Would Can Could Should May Might Must Shall Unless Until Whether Whatever
Whoever Whenever Wherever Amid Amidst Against Along Alongside Beyond Near Off Out Up Down Toward Towards Via Per Plus Except
Including Following Regarding Concerning Considering Given Note Photo Photos Image Images Video Videos Watch Read Related
Listen Share Sign Subscribe Click Advertisement Analysis Opinion Editorial Update Updated Breaking Exclusive Key Top Latest
Highlights Story Stories Live Comment Comments Reply Print Email Close Menu Search Home Login Log Register Continue Download
Get See View Show Hide Loading Source Sources Credit Credits Caption Copyright Reporting Additional Writing Editing Oh Hey Hi
Dear Mrs Ok Okay Yeah Sure Thanks Thank Sorry Wow Among Already Anyway Besides Otherwise Elsewhere Together Recently Currently
Previously Initially Eventually Ultimately Similarly Likewise Specifically Notably Importantly Interestingly Surprisingly
Unfortunately Fortunately Clearly Obviously Apparently Officially Reportedly Allegedly Critics Officials Authorities Police
Experts Analysts Residents People Investigators Officers Witnesses Sources Observers Researchers Scientists Doctors Lawyers
Prosecutors Protesters Activists Supporters Opponents Members Leaders Workers Students Parents Children Families Voters
Citizens Soldiers Troops Rebels Militants Fighters Civilians Victims Survivors Passengers Shelters Cash Money Officials
Late Early Reach Contact Follow`;

/** Month and weekday names (and their abbreviations); they break name spans and are never entities. */
export const CALENDAR = `January February March April June July August September October November December Jan Feb Mar Apr
Jun Jul Aug Sep Sept Oct Nov Dec Monday Tuesday Wednesday Thursday Friday Saturday Sunday Mon Tue Tues Wed Thu Thurs Fri
Sat Sun Weekend Spring Summer Autumn Fall Winter Christmas Easter Thanksgiving Halloween Hanukkah Passover Diwali`;

/**
 * Non-entities that are capitalized: religions and their followers, political camps, languages, events,
 * generic institutions written with a capital, document words. Lowercase keys.
 */
export const NON_ENTITIES = `muslim|muslims|christian|christians|catholic|catholics|jewish|jew|jews|hindu|hindus|sikh|sikhs|buddhist|buddhists|
islam|christianity|judaism|hinduism|islamist|islamists|jihadist|jihadists|salafist|salafists|sunni|sunnis|shia|shiite|shiites|
protestant|protestants|evangelical|evangelicals|orthodox|democrat|democrats|republican|republicans|conservative|conservatives|
liberal|liberals|tory|tories|socialist|socialists|communist|communists|progressive|progressives|libertarian|libertarians|
english|spanish|french|german|arabic|mandarin|cantonese|hindi|urdu|bengali|russian|portuguese|italian|japanese|korean|
turkish|persian|farsi|swahili|hebrew|latin|greek|dutch|polish|ukrainian|cold war|world war|world war i|world war ii|
world war one|world war two|arab spring|holocaust|brexit|new year|olympics|olympic games|world cup|super bowl|election day|
independence day|memorial day|labor day|labour day|ramadan|eid|government|god|allah|internet|web|earth|moon|west|east|
the west|the east|state|states|nation|federal|constitution|parliament house|north|south|article|articles|section|
chapter|amendment|act|bill|covid|covid-19|coronavirus|ebola|aids|hiv|tv|app|ceo|cfo|coo|cto|pm|am|et|pt|gmt|utc|bst|est|pst|
edt|pdt|cet|gdp|dna|pin|pins|id|iq|phd|mba|vip|pr|hr|it|ai|vr|ar|pc|usb|gps|suv|atm|faq|lgbt|lgbtq|lgbtq+|mp|ok|rip|aka|ii|
iii|iv|vi|vii|viii|ix|xi|xii|q|a|i|ok|nb|ps|icu|cctv|ppe|mri|sms|url|pdf|nft|uv|diy|fyi|asap|lol|omg|wi-fi|wifi|html|api|ui|
ux|seo|rss|nb|mph|kph|km|kg|mm|cm|hd|4k|3d|2d|5g|4g|3g|esg|ipo|ceo's|ev|evs|gop|mr|mrs|ms|dr|st|jr|sr|inc|co|ltd|corp|plc|
llc|no|yes|update|breaking|live|watch|read|more|new|free|exclusive|video|photo|photos|advertisement|editor's note|note|
mr.|mrs.|ms.|dr.|premium|subscribe|newsletter|newsletters|sponsored|getty images|getty|shutterstock|file|file photo|
god's|lord|heaven|hell|s&p 500|s&p|dow jones industrial average|dow|nasdaq composite|ftse 100|ftse|dax|cac 40|
social democrat|social democrats|open|spaniard|spaniards|frenchman|frenchmen|dutchman|englishman|scotsman|welshman|irishman|test|tests|ef0|ef1|ef2|ef3|ef4|ef5|first nations|first nation|christian democrat|christian democrats|free democrat|free democrats|nikkei 225|stoxx 600|hang seng|sensex|nifty|kospi|brent|wti|bitcoin|ethereum|bible|koran|quran|torah|gospel|church|mosque|city|county`;

/** Trailing words that make a capitalized span a law, document, award or event rather than an entity. */
export const NON_ENTITY_HEADS = `Act Bill Amendment Treaty Accord Accords Agreement Doctrine Plan Protocol Convention Resolution
Award Awards Prize Prizes Cup Championship Championships Olympics Festival Week Day Summit Crisis War Revolution
Spring Massacre Law Code Charter Declaration Manifesto Index Syndrome Disease Virus Pandemic Agenda Strategy Deal
Tour Tournament Series Show Album Concert Expo Marathon Composite Telescope Open Prix`;

/**
 * Words that are capitalized inside names but never a name on their own ("Foundation", "Department"):
 * a span made of these alone is dropped.
 */
export const GENERIC_ALONE = `Ministry Agency Department Bureau Command Party University College Institute School Academy Police
Council Court Committee Commission Association Union Bank Group Army Forces Force Navy Guard Corps Embassy Consulate Office
Service Services Caucus Alliance Federation Coalition Organization Organisation Foundation Fund Board Authority Administration
Company Government Senate Parliament Assembly Cabinet Front Movement Society Trust Center Centre Club League Church Tribunal
Street Avenue Road Square Park Bridge Station Airport Island River Lake Sea Ocean Bay Valley County Province Region District
City Town Village Hospital Museum Stadium House Highway Route State States Republic Kingdom Federal National International
Capitol Constitution Supreme Justice Treasury Defence Defense Interior Foreign Prime Minister President Secretary Governor
Mayor Senator Chief Director Chairman General Commander Officer Agent Judge Court Sheriff Deputy Attorney Congressman
Reverend Bishop Pope King Queen Prince Princess Sir Lord Lady Mr Mrs Ms Dr Professor Prof Doctor`;

/**
 * Nouns before "'s" that keep a possessive inside a name ("National People's Congress", "People's Liberation Army",
 * "Women's Health Initiative"): collective plurals, not owners.
 */
export const POSSESSIVE_IN_NAME = `People People’s Peoples Women Children Men Workers Farmers Veterans Employees Citizens Teachers
Nurses Doctors Soldiers Builders Writers Artists Students Voters Consumers Fishermen Journalists Lawyers Mothers Fathers`;

/** Lowercase particles inside personal names ("Ursula von der Leyen", "Charles de Gaulle", "Bashar al-Assad"). */
export const NAME_PARTICLES = `de da das do dos du del della der den di la le los las van von ter ten bin ibn bint al el ben ould`;

/** Connectors allowed inside organization and place names when a head word licenses them. */
export const NAME_CONNECTORS = `of for the and on & de du des la le del`;

/** Two-to-five-letter all-caps words that are not names (units, time zones, job titles, common initialisms). */
export const ACRONYM_STOP = `I A OK TV CEO CFO COO CTO PM AM ET PT GMT UTC BST EST PST EDT PDT CET GDP DNA HIV AIDS COVID PIN PINS ID IQ
PHD MBA VIP PR HR IT AI VR AR PC USB GPS SUV ATM FAQ RSVP LGBT LGBTQ MP NO YES UPDATE BREAKING LIVE WATCH READ MORE NEW FREE
RIP OMG FYI ASAP AKA NB PS TBD ICU CCTV PPE MRI SMS URL PDF NFT UV II III IV VI VII VIII IX XI XII XIII XIV XV XX HD DIY LOL
MPH KPH KM KG GOP ESG IPO EV EVS THE AND OF FOR IN ON TO BY AT WE HTML API UI UX SEO RSS CNN'S SOS Q&A BBQ ASCII DJ MC
OMG NOTE EDT CST CDT MST MDT AEST AEDT IST JST KST WIB SAST EAT WAT CAT BC AD BCE CE`;
