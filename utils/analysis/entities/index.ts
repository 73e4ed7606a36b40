/**
 * Named-entity engine: finds the people, organizations and places of an article with every mention, in pure
 * TypeScript and without model weights. A hybrid of
 *  1. capitalized-span chunking (sentence starts, datelines, initials, particles, "of/for/the/and" inside
 *     organization names, possessives, hyphens and diacritics) on the tokenizer's output;
 *  2. cues voting for a type — gazetteers (countries, states, cities, regions, known organizations, given
 *     names), titles and role nouns, head words ("Bureau", "Avenue"), context words ("in X", "X group",
 *     "X, 34,"), coordination with typed neighbours;
 *  3. clustering of mentions into entities: country aliases, acronym ↔ expansion, surname → full name,
 *     "US State Department" ~ "State Department", and type voting across all mentions.
 * Boilerplate (credits, bylines, sign-up prompts) is masked first. Every pass is linear in the text length.
 */
import { boilerplateRanges, TWEET_SIGNATURE } from '../lexicons/boilerplate';
import { lexicon, lexKey, type Lexicon } from '../lexicons/gazetteer';
import { tokenize, type Token } from '../tokens';
import type { Entity, EntityType, Mention } from '../types';

/** Votes for person, organization, place (indices of `TYPES`). */
type Votes = [number, number, number];
const TYPES: readonly EntityType[] = ['person', 'organization', 'place'];
const P = 0;
const O = 1;
const L = 2;

/** One candidate mention before clustering. */
interface Cand {
  /** Token range, inclusive. */
  a: number;
  b: number;
  start: number;
  end: number;
  text: string;
  /** Word tokens of the name (periods kept), for surname/acronym linking. */
  words: string[];
  key: string;
  votes: Votes;
  /** Sentence-initial or heading-line word with no evidence of its own: kept only if it links to something. */
  weak: boolean;
  /** Has strong type evidence from the gazetteer or a known list. */
  known: boolean;
  /** The only knowledge is a city name, which is also often a surname ("Garland", "Madison"). */
  cityOnly?: boolean;
  /** Used as a sports club in a match report ("Sevilla striker", "beat Sevilla 3-1"). */
  club?: boolean;
  /** Acronym given in parentheses right after this name ("… Development (USAID)"). */
  parenAlias?: Cand;
}

/** A cluster of mentions that is one entity. */
interface Cluster {
  key: string;
  cands: Cand[];
  votes: Votes;
  /** Word tokens of the fullest mention. */
  words: string[];
  mergedInto?: Cluster;
}

const SPEECH_AFTER = new Set(
  'said says told added explained noted wrote tweeted argued insisted warned stressed emphasized emphasised acknowledged admitted recalled replied responded announced declared claimed contended continued concluded believes thinks'.split(
    ' ',
  ),
);
const OPEN_QUOTES = new Set(['"', '“', '‘', "'", '«']);
const CLOSE_QUOTES = new Set(['"', '”', '’', "'", '»']);
/** Offices that belong to a place: "the MP for X", "the mayor of X". */
const PLACE_ROLES =
  /^(mp|mps|mep|member|mayor|governor|senator|congressman|congresswoman|representative|assemblyman|assemblywoman|councillor|councilor|bishop|archbishop|ambassador|consul|envoy)$/;
/** Road numbers: "A835", "M25", "I-95", "US-101". */
const ROAD = /^(A|B|M|N|E|I|US|SR|R)-?\d{1,4}$/;
const NON_ENTITY_FIRST =
  /^(Hurricane|Typhoon|Cyclone|Storm|Tropical|Category|Operation|Phase|Level|Stage|Round|Season|Episode|Chapter|Section|Article|Amendment|Title)$/;
/** "Washington-based", "Saudi-led", "US-backed": the name is the part before the hyphen. */
const HYPHEN_SUFFIX =
  /^(.+)-(based|born|led|backed|owned|run|made|bound|style|era|area|wide|funded|allied|controlled|held|linked|listed|headquartered|registered|flagged|bred|raised|trained|educated)$/;
/** Short forms news uses for institutions whose initials do not give them away. */
const SHORT_NAMES = new Map([
  ['fed', 'federal reserve'],
  ['un', 'united nations'],
  ['eu', 'european union'],
]);
const PLACE_ADJ = /^(Old|New|Great|Grand|Little|Big|Upper|Lower|Saint|St|San|Santa|Port|Fort|Mount|Lake|Royal)$/;
const ACADEMIC_HEAD = /^(University|Institute|College|School|Academy|Faculty)$/;
/** Words after a company's own name that short forms leave out ("Samsung Electronics" ~ "Samsung"). */
const CORP_TAIL =
  /^(Electronics|Motor|Motors|Group|Holdings|Corporation|Corp|Inc|Company|Industries|Technologies|Pharmaceuticals|Airlines|Airways|News)$/;
/** Lowercase words of football (and other club sport) reports; three distinct ones make a report sporty. */
const SPORT_WORDS =
  /^(striker|strikers|midfielder|midfielders|defender|defenders|winger|goalkeeper|goalkeepers|penalty|penalties|goal|goals|scored|scorer|equaliser|equalizer|half-time|halftime|kickoff|kick-off|stoppage|fixture|fixtures|relegation|promotion|derby|league|referee|header|hat-trick|transfer|loan|touchdown|quarterback|innings|wicket|playoff|playoffs)$/;
/** Roles and crowds after a club's name: "Sevilla striker", "Barcelona's manager", "Wrexham fans". */
const CLUB_AFTER =
  /^(striker|strikers|midfielder|defender|defenders|winger|goalkeeper|keeper|forward|manager|boss|coach|captain|skipper|fans|supporters|squad|teammates|academy|players|midfield|defence|defense|attack)$/;
/** Match verbs: "Barcelona beat Sevilla", "Stockport County signed …", "Wrexham, who drew 1-1". */
const MATCH_VERBS =
  /^(beat|beats|defeated|defeat|drew|draw|lost|thrashed|edged|hammered|routed|stunned|signed|sign|sacked|hosted|host|hosts|visit|visits|faces|face|faced|trail|trailed)$/;
const MATCH_BEFORE = /^(beat|beats|beating|defeated|defeating|thrashed|edged|hammered|routed|stunned|against|v|vs)$/;
const SCORE = /^\d{1,2}-\d{1,2}$/;
/** Club names made of a town and a club word ("Manchester City", "Stockport County", "Bristol Rovers"). */
const CLUB_TAIL = /^(City|Town|United|County|Rovers|Athletic|Albion|Wanderers|Rangers|Hotspur|Villa|Argyle|Orient)$/;
/** Verbs whose subject is a firm: "Piper Sandler downgraded the stock", "Goldman Sachs underwrote the offering". */
const FIRM_VERBS =
  /^(downgraded|upgraded|underwrote|underwrites|downgrades|upgrades|reiterated|initiated|employs|manufactures)$/;
/** Capitalized function words of Title Case headlines that never sit inside a name. */
const HEADLINE_GLUE =
  /^(In|At|As|To|With|By|From|Into|Over|After|Amid|Is|Are|Was|Were|Has|Have|Will|Says|Said|Say|Vs|Amid|Before|Against)$/;
/** Institutions whose building is named like them: "near Briarwood Elementary School". */
const FACILITY_HEAD = /^(School|Church|Mosque|Synagogue|Temple|Chapel|Hospital|Clinic|Library|Center|Centre|Arena)$/;
/** Kinds of place named in an appositive: "Diriyah, the restored old quarter". */
const PLACE_NOUN =
  /^(quarter|town|village|city|suburb|district|neighborhood|neighbourhood|island|region|province|settlement|township|county|port)$/;
const ORG_SUFFIX_ABBR = /^(Inc|Corp|Co|Ltd|LLC|Plc|PLC|AG|SA|GmbH|LLP)\.?$/;

const bare = (w: string): string => (w.endsWith('.') && w.length > 1 ? w.slice(0, -1) : w);
const isConnectorWord = (w: string, lx: Lexicon): boolean => lx.connectors.has(w) || lx.particles.has(w);

/** Finds every person, organization and place in `text`, with exact mention offsets. */
export function findEntities(text: string): Entity[] {
  if (!text.trim()) return [];
  const lx = lexicon();
  const tokens = tokenize(text);
  const n = tokens.length;
  const skip = maskBoilerplate(text, tokens);
  const lowerVocab = new Set<string>();
  for (const t of tokens) if (t.kind === 'word' && !t.cap) lowerVocab.add(t.text.toLowerCase());
  const headingLine = headingLines(tokens, lx, skip);
  // rule tweet-signature: "— Dana Reyes (@danareyes) May 3, 2021" under an embedded post names its author;
  // its capitals are a name, not a heading's
  text.split('\n').forEach((line, i) => {
    if (TWEET_SIGNATURE.test(line)) headingLine.delete(i);
  });
  const kickerDoc = kickerLineCount(tokens) >= 2;

  const at = (i: number): Token | undefined => (i >= 0 && i < n ? tokens[i] : undefined);
  const isCalendar = (i: number): boolean => {
    const t = tokens[i]!;
    const w = bare(t.text);
    if (w === 'May' || w === 'March') {
      const next = at(i + 1);
      const prev = at(i - 1);
      return (
        (next?.kind === 'num' && /^\d{1,4}$/.test(next.text)) ||
        (!!prev && /^(in|on|since|until|by|early|late|mid|last|next|this|of|from|through)$/.test(prev.text))
      );
    }
    // "Mar", "Sun", "Sat" are months/days only next to a number or a period ("Mar. 3", "3 Mar")
    if (w.length === 3 && lx.calendar.has(w))
      return t.text.endsWith('.') || at(i + 1)?.kind === 'num' || at(i - 1)?.kind === 'num';
    return lx.calendar.has(w);
  };
  const nameTok = (i: number): boolean => {
    const t = at(i);
    if (!t || t.kind !== 'word' || skip[i]) return false;
    // "al-Assad", "el-Sisi", "bin-Laden": Arabic article + capitalized name is a name token
    if (!t.cap && !/^(al|el|ad|as|ash|an|ar|at|az|bin|ibn|abu|abd|bint|ben|sub|pan|trans|mid)-\p{Lu}/u.test(t.text))
      return false;
    if (/['’](ve|re|ll|d|m|t)$/i.test(t.text) && t.text.length <= 7) return false; // "I've", "We're", "Don't"
    if (/\p{N}/u.test(t.text) && /\p{Ll}/u.test(t.text)) return false; // "K2-18b", "iPhone15s": codes, not names
    if (/^[DRI]-\p{Lu}/u.test(t.text)) return false; // "(D-Mass.)": party and state of a US lawmaker
    if (!t.cap && /^(sub|pan|trans|mid|ex)-\p{Lu}/u.test(t.text)) return true; // "sub-Saharan Africa"
    if (isCalendar(i)) return false;
    // "[T]he": a lone capital letter glued to a bracket is not an initial
    if (t.text.length === 1 && (at(i + 1)?.text === ']' || at(i - 1)?.text === '[')) return false;
    return true;
  };

  // ---------- 1. chunk capitalized spans ----------
  const spans: Array<[number, number]> = [];
  for (let i = 0; i < n; i++) {
    if (!nameTok(i)) continue;
    let j = i;
    let licensed = licenses(tokens[i]!.text, lx);
    for (;;) {
      const k = j + 1;
      const t = at(k);
      if (!t || t.line !== tokens[j]!.line || skip[k]) break;
      if (nameTok(k)) {
        // a sentence boundary inside ("… U.S. The") ends the span
        if (t.sentStart && !tokens[j]!.text.endsWith('.')) break;
        if (t.sentStart && lx.stopStarters.has(t.text)) break;
        // a Title Case headline: "Early Voting Begins In Harris County" — capitalized verbs and prepositions
        if (HEADLINE_GLUE.test(t.text) && headingLine.has(t.line)) break;
        // "Doha-based Al-Rayyan Fund": the "-based" word is a name of its own
        if (HYPHEN_SUFFIX.test(t.text) || HYPHEN_SUFFIX.test(tokens[j]!.text)) break;
        // "… on X. The ruling party": after a one-letter "initial", a function word starts a sentence
        if (/^\p{Lu}\.$/u.test(tokens[j]!.text) && lx.stopStarters.has(t.text)) break;
        j = k;
        licensed ||= licenses(t.text, lx);
        continue;
      }
      // lowercase particles inside personal names: "Ursula von der Leyen", "Bashar al-Assad"
      // particles join name parts whatever the name's type: "Plaza de Bolívar", "Universidad de los Andes"
      if (t.kind === 'word' && lx.particles.has(t.text)) {
        let m = k;
        while (at(m) && lx.particles.has(at(m)!.text)) m++;
        if (nameTok(m) && m - k <= 2) {
          j = m;
          continue;
        }
        break;
      }
      // "Ministry of Land, Infrastructure, Transport and Tourism", "Ministry of Health, Labour and Welfare":
      // a head word's "of" list with commas, closed by "and"
      const h0 = lx.stopStarters.has(tokens[i]!.text) && i < j ? tokens[i + 1]! : tokens[i]!;
      if (t.text === ',' && licensed && spanHas(tokens, i, j, 'of') && lx.orgHeads.has(bare(h0.text))) {
        // each item is one portfolio word, not a name of its own ("Department of Energy, Ford and GM")
        const item = (x: number): boolean => {
          const tk = at(x);
          if (!tk || !nameTok(x) || tk.upper) return false;
          const key = lexKey(tk.text);
          return lx.titleMod.has(tk.text) || !(lx.orgs.has(key) || lx.places.has(key) || lx.givenNames.has(tk.text));
        };
        let m = k + 1;
        let end = -1;
        for (let guard = 0; guard < 6 && item(m); guard++) {
          const sep = at(m + 1);
          if (sep?.text === 'and' && item(m + 2) && !nameTok(m + 3)) {
            end = m + 2;
            break;
          }
          if (sep?.text !== ',') break;
          m += 2;
        }
        if (end > 0 && tokens[end]!.line === t.line) {
          j = end;
          break;
        }
      }
      // "of", "for", "on", "the", "and", "&" inside organization and place names
      if (t.kind === 'word' || t.text === '&') {
        const w = t.text;
        if (w === '&' && nameTok(k + 1)) {
          j = k + 1;
          continue;
        }
        // "Fight for $15": a campaign named with a sum of money
        // (one word, and not a price: "buy First Horizon for $13 billion", "for $15 a share")
        if (
          w === 'for' &&
          j === i &&
          at(k + 1)?.text === '$' &&
          at(k + 2)?.kind === 'num' &&
          at(k + 2)!.start === at(k + 1)!.end &&
          !/^(billion|million|trillion|thousand|bn|m|k|a|an|per|each|apiece)$/.test(at(k + 3)?.text ?? '')
        ) {
          j = k + 2;
          break;
        }
        // "Alternative for Germany party", "Campaign for Nuclear Disarmament group": the kind word after the
        // name licenses its "for/of"
        // (not "Paloma Valencia of the Centro Democrático party": a person's affiliation)
        if (w === 'for' && !licensed && !lx.givenNames.has(tokens[i]!.text) && at(k + 1)?.text !== 'the') {
          const m = k + 1;
          let r = m;
          while (nameTok(r + 1) && r - m < 3 && at(r + 1)!.line === t.line) r++;
          const kind = at(r + 1);
          if (
            nameTok(m) &&
            !lx.stopStarters.has(at(m)!.text) &&
            kind?.kind === 'word' &&
            /^(party|group|movement|campaign|coalition|alliance|foundation|charity|union|institute|think-tank)$/.test(
              kind.text,
            )
          ) {
            j = r;
            break;
          }
        }
        if ((w === 'of' || w === 'for' || w === 'on' || w === 'de' || w === 'du') && licensed) {
          let m = k + 1;
          if (at(m)?.text === 'the') m++;
          // "Council on Foreign Relations", but not "the Security Council on Kashmir"
          const onPlace = w === 'on' && lx.places.has(lexKey(at(m)?.text ?? ''));
          if (nameTok(m) && !lx.stopStarters.has(at(m)!.text) && !onPlace) {
            j = m;
            continue;
          }
        }
        if (
          w === 'and' &&
          licensed &&
          (spanHas(tokens, i, j, 'of') || spanHas(tokens, i, j, 'for')) &&
          nameTok(k + 1)
        ) {
          // "Department of Health and Human Services" — but not "Mali, Burkina Faso and Niger"
          const nx = at(k + 1)!;
          if (!lx.places.has(lexKey(nx.text)) && !lx.demonyms.has(lexKey(nx.text))) {
            j = k + 1;
            continue;
          }
        }
        if (w === 'and' && nameTok(k + 1) && andJoins(tokens, i, j, k, lx, nameTok)) {
          j = k + 1;
          continue;
        }
        // "National People's Congress": a collective plural's possessive stays inside the name
      }
      if (t.possessive && lx.possessiveInName.has(tokens[j]!.text) && nameTok(k + 1)) {
        j = k + 1;
        licensed ||= licenses(tokens[j]!.text, lx);
        continue;
      }
      // a short number right after a name: "Interstate 10", "Division 1", "Apollo 11"
      // (not on a score line: "Ashton Rovers 3 Harbour City 2")
      if (t.kind === 'num' && /^\d{1,3}$/.test(t.text) && t.start === tokens[j]!.end + 1 && !nameTok(k + 1)) {
        const after = at(k + 1);
        if (!after || after.kind !== 'punct' || !/^[,.:/-]$/.test(after.text) || after.start !== t.end) j = k;
      }
      break;
    }
    spans.push([i, j]);
    i = j;
  }

  // ---------- 2. refine spans into candidates ----------
  const cands: Cand[] = [];
  let sportWords = 0;
  for (const w of lowerVocab) if (SPORT_WORDS.test(w)) sportWords++;
  const ctx: Ctx = { text, tokens, lx, lowerVocab, headingLine, kickerDoc, skip, at, sporty: sportWords >= 3 };
  for (const [a, b] of spans) for (const c of refineSpan(ctx, a, b)) cands.push(c);

  // acronyms in parentheses right after a name: "US Agency for International Development (USAID)"
  for (let ci = 0; ci < cands.length; ci++) {
    const c = cands[ci]!;
    const next = cands[ci + 1];
    if (!next || next.a !== c.b + 2 || next.a !== next.b) continue;
    if (at(c.b + 1)?.text !== '(' || at(next.b + 1)?.text !== ')') continue;
    const acr = next.words[0] ?? '';
    if (c.words.length < 2 || !/^\p{Lu}/u.test(acr) || acr.length > 10) continue;
    const initials = c.words.map((w) => w[0]).join('');
    if (!initials.includes(acr[0]!)) continue;
    next.parenAlias = c;
    next.weak = false;
  }

  // "the National Water Commission, known as Conagua": a short name given in the text
  for (let ci = 0; ci + 1 < cands.length; ci++) {
    const c = cands[ci]!;
    const next = cands[ci + 1]!;
    if (next.b - next.a > 3 || c.words.length < 2 || next.a !== c.b + 4) continue;
    if (at(c.b + 1)?.text !== ',' || at(c.b + 2)?.text !== 'known' || at(c.b + 3)?.text !== 'as') continue;
    next.parenAlias = c;
    next.weak = false;
  }

  // "the Camry, RAV4 and Corolla Cross models": a list that ends in a product word is a list of products
  for (let ci = 0; ci < cands.length; ci++) {
    const c = cands[ci]!;
    if (c.known) continue;
    let i = c.b + 1;
    let listed = false;
    while (i < n && i - c.b <= 12) {
      const t = tokens[i]!;
      if (t.text === ',' || t.text === 'and' || t.text === 'or') listed = true;
      else if (!(t.kind === 'word' && t.cap) && t.kind !== 'num') break;
      i++;
    }
    const w = tokens[i];
    if (listed && w?.kind === 'word' && !w.cap && lx.productAfter.has(w.text)) c.weak = true;
  }

  // ---------- 3. coordination: "Athens, Clanton, Falkville and Prattville" share a type ----------
  coordinate(cands, tokens, lx.placePreps);

  // ---------- 4. cluster ----------
  return cluster(cands, lx, text);
}

/** Shared context of one run. */
interface Ctx {
  text: string;
  tokens: Token[];
  lx: Lexicon;
  lowerVocab: Set<string>;
  headingLine: Set<number>;
  /** The article is a newsletter of items led by all-caps kickers ("RATE WATCH — …"), see kickerLineCount. */
  kickerDoc: boolean;
  skip: boolean[];
  at: (i: number) => Token | undefined;
  /** A match report: place names that beat, sign or field players are clubs. */
  sporty: boolean;
}

/** Words that license "of/for/the/and" inside a name: organization heads, place prefixes, titles. */
function licenses(word: string, lx: Lexicon): boolean {
  const w = bare(word);
  return (
    lx.orgHeads.has(w) ||
    lx.placePrefixes.has(w) ||
    /^(Republic|Kingdom|Emirate|Commonwealth|State|States|Province|Office|Bank|Secretary|Minister|Museum|Hospital|University|Institute|Center|Centre|Bureau|Order|House|Church|Hall)$/.test(
      w,
    )
  );
}

/**
 * "Securities and Exchange Commission", "Competition and Markets Authority", "Trinidad and Tobago": "and" joins
 * two capitalized runs when the whole is a known place, or when the right run ends in an organization head and
 * the left run is not itself a known name, a given name or a complete organization.
 */
function andJoins(
  tokens: Token[],
  i: number,
  j: number,
  k: number,
  lx: Lexicon,
  nameTok: (i: number) => boolean,
): boolean {
  let r = k + 1;
  while (r + 1 < tokens.length && r - k < 4 && nameTok(r + 1) && tokens[r + 1]!.line === tokens[r]!.line) r++;
  const left = tokens
    .slice(i, j + 1)
    .map((t) => t.text)
    .filter((w, n) => n > 0 || !lx.stopStarters.has(w));
  const right = tokens.slice(k + 1, r + 1).map((t) => t.text);
  if (!left.length) return false;
  if (lx.places.has(lexKey([...left, 'and', ...right].join(' ')))) return true;
  const last = bare(right[right.length - 1] ?? '');
  if (!lx.orgHeads.has(last) || left.length > 3) return false;
  // "President Joe Biden and Homeland Security": a person on the left
  if (left.length > 2 && left.some((w) => lx.givenNames.has(w) || lx.titleCore.has(bare(w)))) return false;
  // "Gensler and Clark Construction Group": the right run starts like a name of its own
  const r0 = right[0]!;
  if (lx.givenNames.has(r0) || lx.places.has(lexKey(r0)) || lx.orgs.has(lexKey(r0))) return false;
  const leftKey = lexKey(left.join(' '));
  if (lx.places.has(leftKey) || lx.orgs.has(leftKey) || lx.givenNames.has(left[0]!)) return false;
  // a one-word left run may be a head word itself ("Securities and Exchange Commission"), not two words
  if (left.length === 1 && right.length >= 2 && lx.orgHeads.has(bare(left[0]!))) return true;
  return !left.some((w) => lx.orgHeads.has(bare(w)) || lx.placeHeads.has(bare(w)) || lx.demonyms.has(lexKey(w)));
}

function spanHas(tokens: Token[], a: number, b: number, word: string): boolean {
  for (let i = a; i <= b; i++) if (tokens[i]!.text === word) return true;
  return false;
}

/** Marks tokens inside boilerplate ranges (two pointers: linear). */
function maskBoilerplate(text: string, tokens: Token[]): boolean[] {
  const ranges = boilerplateRanges(text);
  const skip = new Array<boolean>(tokens.length).fill(false);
  let r = 0;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    while (r < ranges.length && ranges[r]![1] <= t.start) r++;
    const range = ranges[r];
    if (range && range[0] <= t.start && t.end <= range[1]) skip[i] = true;
  }
  return skip;
}

/**
 * Lines that are headings or labels in Title Case ("Key Highlights", "Tech Enabled: …"): there capitals carry no
 * information, so their spans are weak (kept only when they link to a known entity or a gazetteer entry).
 */
function headingLines(tokens: Token[], lx: Lexicon, skip: boolean[]): Set<number> {
  const out = new Set<number>();
  let i = 0;
  while (i < tokens.length) {
    const line = tokens[i]!.line;
    let words = 0;
    let caps = 0;
    let j = i;
    let last: Token | undefined;
    for (; j < tokens.length && tokens[j]!.line === line; j++) {
      const t = tokens[j]!;
      if (skip[j]) continue; // a credit after a caption is not part of its wording
      last = t;
      if (t.kind !== 'word' || lx.connectors.has(t.text) || /^(a|an|to|in|at|with|by|is|are)$/.test(t.text)) continue;
      words++;
      if (t.cap) caps++;
    }
    if (words >= 2 && words <= 10 && caps / words >= 0.75 && !(last && /^[.!?"”]$/.test(last.text))) out.add(line);
    i = j;
  }
  return out;
}

/** An all-caps word, the one-letter "A" and "I" of a heading included. */
const capsWord = (t: Token): boolean => t.upper || /^\p{Lu}$/u.test(t.text);

/**
 * Counts the lines that open with an all-caps kicker of two or more words and a dash or colon ("RATE WATCH —",
 * "FIRST LOOK:"): one such line is a dateline ("CAPE TOWN —"), two or more make the article a newsletter.
 */
export function kickerLineCount(tokens: Token[]): number {
  let count = 0;
  let i = 0;
  while (i < tokens.length) {
    const line = tokens[i]!.line;
    let words = 0;
    let j = i;
    while (j < tokens.length && tokens[j]!.line === line && tokens[j]!.kind === 'word' && capsWord(tokens[j]!)) {
      words++;
      j++;
    }
    const t = tokens[j];
    if (words >= 2 && t && t.line === line && /^[—–:]$/.test(t.text)) count++;
    while (j < tokens.length && tokens[j]!.line === line) j++;
    i = j;
  }
  return count;
}

/** Splits, trims and scores one raw capitalized span; returns 0–2 candidates. */
function refineSpan(ctx: Ctx, a0: number, b0: number): Cand[] {
  const { tokens, lx } = ctx;
  let a = a0;
  let b = b0;
  const startTok = tokens[a0]!;
  let sentenceInitial = startTok.sentStart;
  let strippedCommon = false;

  // leading function words ("The", "However", "In") and, at a sentence start, a common word ("Officers with …")
  while (a <= b) {
    const t = tokens[a]!;
    const w = t.text;
    if (
      lx.stopStarters.has(w) &&
      // rule possessive-determiner: "our Dana Reyes writes" names Dana Reyes
      (t.sentStart || /^(The|A|An|This|That|These|Those|Our|Your|My|Their)$/.test(w)) &&
      !ctx.at(a + 1)?.possessive
    ) {
      a++;
      continue;
    }
    if (a < b && HEADLINE_GLUE.test(w) && ctx.headingLine.has(t.line)) {
      a++;
      continue;
    }
    if (a > a0 && lx.connectors.has(w)) {
      a++;
      continue;
    }
    if (t.sentStart && a < b && isCommonStarter(ctx, t) && !knownSpan(ctx, a, b)) {
      a++;
      strippedCommon = true;
      continue;
    }
    break;
  }
  if (a > b) return [];
  // "Tech Enabled: …" — what is left after a common sentence-initial word is no better evidenced than it
  if (a !== a0) sentenceInitial = strippedCommon || (sentenceInitial && tokens[a]!.sentStart);
  // "NAIROBI, Kenya (Reuters) - Floods have killed …": the first word after a dateline starts the sentence
  const dash = a > 0 ? tokens[a - 1]! : undefined;
  if (dash && /^[—–-]$/.test(dash.text) && dash.line === tokens[a]!.line) {
    let s = a - 1;
    while (s > 0 && tokens[s - 1]!.line === dash.line && a - s <= 8) s--;
    if (a - s <= 8 && tokens[s]!.upper && (s === 0 || tokens[s - 1]!.line !== dash.line)) sentenceInitial = true;
  }
  // "Russian President …" is handled by the title split; "Indigenous Nasa protesters", "Russian Vladimir Putin":
  // a leading demonym is a description, unless the name is headed ("African Union", "Indian Point")
  if (b > a && isDemonym(tokens[a]!.text, lx)) {
    const h = bare(tokens[b]!.text);
    const whole = lexKey(ctx.text.slice(tokens[a]!.start, tokens[b]!.end));
    const rest = lexKey(ctx.text.slice(tokens[a + 1]!.start, tokens[b]!.end));
    let ofHead = '';
    for (let i = a + 2; i < b && !ofHead; i++) if (tokens[i]!.text === 'of') ofHead = bare(tokens[i - 1]!.text);
    const kept =
      lx.orgHeads.has(h) ||
      lx.orgHeads.has(ofHead) ||
      lx.placeHeads.has(h) ||
      lx.genericAlone.has(h) ||
      lx.orgs.has(whole) ||
      lx.places.has(whole);
    if (!kept && !lx.orgs.has(rest)) a++;
  }
  // trailing connectors and particles never end a name
  while (b > a && isConnectorWord(tokens[b]!.text, lx)) b--;
  // "Labour MPs", "Google CEOs": a plural title acronym after the name is not part of it
  while (b > a && /^\p{Lu}{2,4}s$/u.test(tokens[b]!.text)) b--;

  // a dateline with the outlet glued on: "Hong Kong CNN —" (the outlet is a wire tag, not an entity)
  if (b > a && (a === 0 || tokens[a - 1]!.line !== tokens[a]!.line) && /^[—–-]$/.test(ctx.at(b + 1)?.text ?? '')) {
    if (
      lx.orgs.has(lexKey(tokens[b]!.text)) &&
      lx.places.has(lexKey(ctx.text.slice(tokens[a]!.start, tokens[b - 1]!.end)))
    )
      return refineSpan(ctx, a, b - 1).map((c) => ((c.votes[L] += 5), (c.weak = false), c));
  }
  // "U.S. Midwest", "China's Xinjiang" without the "'s": a country, then a known place inside it
  if (
    b > a &&
    lx.places.get(lexKey(tokens[a]!.text)) === 'country' &&
    lx.places.has(lexKey(ctx.text.slice(tokens[a + 1]!.start, tokens[b]!.end)))
  )
    return [...refineSpan(ctx, a, a), ...refineSpan(ctx, a + 1, b)];
  // "US President Donald Trump", "Facebook CEO Mark Zuckerberg", "Lieutenant General John Brennan"
  // a known organization is not split at a title word inside it ("General Mills", "General Electric")
  const whole = lexKey(ctx.text.slice(tokens[a]!.start, tokens[b]!.end));
  const split = lx.orgs.has(whole) ? null : findTitleRun(ctx, a, b);
  if (split) {
    const out: Cand[] = [];
    if (split.runStart > a) {
      // the title's owner: "Lok Sabha Speaker", "Snapchat CEO", "BOJ Governor" — an institution or a place
      for (const c of refineSpan(ctx, a, split.runStart - 1)) {
        const h = bare(c.words[c.words.length - 1]!);
        // …but a governor, mayor or senator holds an office of a place ("Nuevo León Governor")
        if (!c.known && PLACE_ROLES.test(bare(tokens[split.runEnd]!.text).toLowerCase())) c.votes[L] += 1.5;
        else if (!c.known && !lx.placeHeads.has(h)) c.votes[O] += 1.5;
        out.push(c);
      }
    }
    const person = makeCand(ctx, split.runEnd + 1, split.nameEnd, false);
    if (person) {
      person.votes[P] += 6;
      person.weak = false;
      out.push(person);
    }
    if (split.nameEnd < b && split.restStart <= b) out.push(...refineSpan(ctx, split.restStart, b));
    return out;
  }

  // "Earth Institute of Columbia University": two names joined by "of" when the right one is complete
  for (let i = a + 1; i < b; i++) {
    if (tokens[i]!.text !== 'of') continue;
    const rightHead = bare(tokens[b]!.text);
    const leftHead = bare(tokens[i - 1]!.text);
    let rs = i + 1;
    if (tokens[rs]!.text === 'the') rs++;
    const rightIsPlace = lx.places.has(lexKey(ctx.text.slice(tokens[rs]!.start, tokens[b]!.end)));
    // "Gulfstar Terminals of Abu Dhabi": a company with a name of its own, then where it is from
    // (but "Central Bank of Kenya", "Police Service of Northern Ireland" are whole names)
    const leftNamed =
      i - 1 > a &&
      (lx.orgHeads.has(leftHead) || lx.placeHeads.has(leftHead)) &&
      tokens.slice(a, i - 1).some(
        (t) =>
          t.kind === 'word' &&
          !lx.genericAlone.has(bare(t.text)) &&
          !lx.compass.has(t.text) &&
          !lx.orgHeads.has(bare(t.text)) &&
          !lx.demonyms.has(lexKey(t.text)) &&
          !lx.possessiveInName.has(t.text) &&
          !lx.stopStarters.has(t.text) &&
          // an ordinary word written with a capital ("Economic Club") is not a name of its own
          !ctx.lowerVocab.has(t.text.toLowerCase()) &&
          !/(ic|al|ive|ous|ary|an|ese)$/.test(t.text) &&
          !/^(National|Royal|Federal|State|General|Public|United|International)$/.test(t.text),
      );
    // "University of Science and Technology": a field of study, not a second institution
    const field =
      ACADEMIC_HEAD.test(leftHead) &&
      !ACADEMIC_HEAD.test(rightHead) &&
      !tokens
        .slice(rs, b + 1)
        .some((t) => lx.places.has(lexKey(t.text)) || lx.orgs.has(lexKey(t.text)) || lx.givenNames.has(t.text));
    if (
      (lx.orgHeads.has(rightHead) &&
        (lx.orgHeads.has(leftHead) || lx.placeHeads.has(leftHead)) &&
        i - 1 > a &&
        b - i >= 2 &&
        !field) ||
      (rightIsPlace && leftNamed)
    ) {
      let r = i + 1;
      if (tokens[r]!.text === 'the') r++;
      return [...refineSpan(ctx, a, i - 1), ...refineSpan(ctx, r, b)];
    }
  }

  const c = makeCand(ctx, a, b, sentenceInitial);
  return c ? [c] : [];
}

/** The tokens a..b spell a known organization or place ("Downing Street", "Living Goods"). */
function knownSpan(ctx: Ctx, a: number, b: number): boolean {
  const k = lexKey(ctx.text.slice(ctx.tokens[a]!.start, ctx.tokens[b]!.end));
  return ctx.lx.orgs.has(k) || ctx.lx.places.has(k);
}

/** A sentence-initial word that is an ordinary word, not the start of a name ("Officers", "Explaining"). */
function isCommonStarter(ctx: Ctx, t: Token): boolean {
  const { lx } = ctx;
  const w = t.text;
  const k = lexKey(w);
  if (lx.places.has(k) || lx.orgs.has(k) || lx.givenNames.has(w) || lx.titleCore.has(bare(w))) return false;
  if (t.upper) return false;
  if (lx.demonyms.has(k)) return false; // "Malian Foreign Minister …" is handled by the title split
  if (ctx.lowerVocab.has(w.toLowerCase())) return true;
  return /^\p{Lu}\p{Ll}+$/u.test(w) && /(ing|ly|ed)$/.test(w) && w.length > 4; // not "Mei-Ling"
}

/**
 * Finds a run of title words inside a span with a name after it: returns the run's token range. The name after
 * it must look like a personal name (no head words, at most four words).
 */
function findTitleRun(
  ctx: Ctx,
  a: number,
  b: number,
): { runStart: number; runEnd: number; nameEnd: number; restStart: number } | null {
  const { tokens, lx } = ctx;
  for (let i = a; i < b; i++) {
    const w = bare(tokens[i]!.text);
    if (!lx.titleCore.has(w) && !lx.titleMod.has(w)) continue;
    let j = i;
    let hasCore = lx.titleCore.has(w);
    let lastCore = hasCore ? i : -1;
    while (j + 1 <= b) {
      const nx = bare(tokens[j + 1]!.text);
      if (lx.titleCore.has(nx)) {
        hasCore = true;
        lastCore = j + 1;
        j++;
      } else if (lx.titleMod.has(nx)) j++;
      else if (nx === 'of' && j + 2 <= b && hasCore) {
        // "Secretary of State X": one word after "of"
        j += 2;
        lastCore = j;
      } else break;
    }
    if (!hasCore || lastCore < i) continue;
    const runEnd = lastCore;
    if (runEnd >= b) return null;
    // the name after the title ends at a connector: "Leader Chuck Schumer of New York"
    let nameEnd = b;
    for (let k = runEnd + 1; k <= b; k++)
      if (/^(of|for|on|and|the|&)$/.test(tokens[k]!.text)) {
        nameEnd = k - 1;
        break;
      }
    if (nameEnd <= runEnd || nameEnd - runEnd > 4) return null;
    // "Sgt. Marcus Hill", "Dr. Amanda Park": a given name lets a place word be a surname
    const given = lx.givenNames.has(tokens[runEnd + 1]!.text);
    for (let k = runEnd + 1; k <= nameEnd; k++) {
      const x = bare(tokens[k]!.text);
      if (lx.orgHeads.has(x) || (!given && (lx.placeHeads.has(x) || lx.genericAlone.has(x)))) return null;
    }
    // a title preceded by "of" belongs to an organization name ("Department of Justice")
    if (i > a && tokens[i - 1]!.text === 'of') return null;
    let restStart = nameEnd + 2;
    if (tokens[restStart]?.text === 'the') restStart++;
    return { runStart: i, runEnd, nameEnd, restStart };
  }
  return null;
}

/** Builds a scored candidate from tokens a..b, or null when it is not an entity. */
function makeCand(ctx: Ctx, a: number, b: number, sentenceInitial: boolean): Cand | null {
  const { tokens, lx, text, at } = ctx;
  if (a > b) return null;
  let end = tokens[b]!.end;
  const words: string[] = [];
  for (let i = a; i <= b; i++) if (tokens[i]!.kind === 'word' || tokens[i]!.kind === 'num') words.push(tokens[i]!.text);
  const first = tokens[a]!;
  const lastWordTok = tokens[b]!.kind === 'num' && b > a ? tokens[b - 1]! : tokens[b]!;
  const head = bare(lastWordTok.text);
  const votes: Votes = [0, 0, 0];
  let known = false;
  let textOut = text.slice(first.start, end);
  let key = lexKey(textOut);

  // "Alabama Attorney General's office", "Baldwin County Sheriff's office": an office named after a title
  const pos = at(b + 1);
  const afterPos = at(b + 2);
  if (pos?.possessive && afterPos && /^(office|Office|department|Department)$/.test(afterPos.text)) {
    if (lx.titleCore.has(head) || lx.titleMod.has(head)) {
      end = afterPos.end;
      textOut = text.slice(first.start, end);
      key = lexKey(textOut);
      return {
        a,
        b: b + 2,
        start: first.start,
        end,
        text: textOut,
        words: [...words, 'office'],
        key,
        votes: [0, 8, 0],
        weak: false,
        known: true,
      };
    }
  }

  const single = a === b;
  // "Washington-based think tank": only "Washington" is named
  const hy = single ? HYPHEN_SUFFIX.exec(first.text) : null;
  if (hy && /^\p{Lu}/u.test(hy[1]!)) {
    end = first.start + hy[1]!.length;
    textOut = text.slice(first.start, end);
    key = lexKey(textOut);
    words[0] = textOut;
  }
  // rule caps-lede-word: "A HIGH-powered team …" — a lede set in capitals up to a hyphen is typography
  if (single && !hy && /^\p{Lu}{2,}-\p{Ll}{2,}$/u.test(first.text)) return null;
  const w1 = hy ? textOut : first.text;
  const w0 = bare(w1);
  // ---------- non-entities ----------
  if (
    lx.nonEntities.has(key) ||
    lx.nonEntities.has(lexKey(w0) + (single ? '' : ' ' + lexKey(words.slice(1).join(' '))))
  )
    return null;
  // "Data Retention Bill", "Cold War" are not entities — but "Institute for the Study of War" is
  if (!single && lx.nonEntityHeads.has(head) && !words.some((w) => lx.orgHeads.has(bare(w)))) return null;
  // storms, ratings and operations: "Hurricane Ian", "Category 4", "Operation Desert Storm"
  if (!single && NON_ENTITY_FIRST.test(w0)) return null;
  if (!single && lx.nonEntities.has(lexKey(words.slice(0, 2).join(' '))) && !lx.orgHeads.has(head)) return null; // "Cold War Pt. II"
  if (!single && lx.nonEntities.has(lexKey(w0)) && tokens[a + 1]?.kind === 'num') return null; // "Articles 370"
  // "the Department", "Federal Government" — but "Central Park", "North County" are names
  const generic = (w: string) => lx.genericAlone.has(bare(w)) || lx.connectors.has(w);
  if (
    words.every((w) => generic(w) || lx.compass.has(w)) &&
    (single || !lx.compass.has(w0) || !lx.placeHeads.has(head)) &&
    // "State Department", "Interior Ministry", "Supreme Court" are institutions; "Prime Minister" is not
    (single || !lx.orgHeads.has(head) || words.includes('Government')) &&
    !lx.orgs.has(key.replace(/^the /, ''))
  )
    return null;
  if (single) {
    if (lx.stopStarters.has(w1)) return null;
    if ((lx.titleCore.has(w0) || lx.titleMod.has(w0)) && !lx.orgs.has(lexKey(w0))) return null;
    if (
      first.upper &&
      (lx.acronymStop.has(w1.replace(/\./g, '')) || w1.length > 6) &&
      !lx.orgs.has(key) &&
      !lx.places.has(key)
    )
      return null;
    if (/^\p{Lu}$/u.test(w0)) return null; // a lone initial
    if (/^\p{Lu}{2,4}s$/u.test(w1) && !lx.orgs.has(key)) return null; // "MPs", "CEOs", "NGOs": plural common nouns
    if (isDemonym(w1, lx) && !lx.places.has(key)) return null; // "Vatican" is both
  }
  // a name made of a demonym and an ordinary word ("Chinese foreign ministry" never gets here; "Malians" did above)
  if (!single && words.length === 2 && isDemonym(words[1]!, lx)) return null;

  const k = key.replace(/^the /, '');
  const isPlace = lx.places.get(k);
  const isOrg = lx.orgs.has(k) || (!!at(b + 1)?.possessive && lx.orgs.has(k + "'s")); // "McDonald's"
  // an all-caps word is an acronym, not a city ("METRO"), except in a dateline (scored below)
  let cityOnly = false;
  if (isPlace && !(isPlace === 'city' && first.upper && single)) {
    votes[L] += isPlace === 'city' ? 3 : 6;
    known = true;
    cityOnly = isPlace === 'city' && !isOrg;
  }
  if (isOrg) {
    votes[O] += 6;
    known = true;
  }
  // "A835" is a road, but "the B3 exchange" is not
  const after1 = at(b + 1);
  const orgNext = after1?.kind === 'word' && !after1.cap && lx.orgAfter.has(after1.text);
  if (single && ROAD.test(w1) && !orgNext) {
    votes[L] += 5;
    known = true;
  }
  if (lx.people.has(k) && !isPlace && !isOrg) {
    votes[P] += 3;
    known = true;
  }
  if (lx.stateAbbrevs.has(w1) && single) {
    votes[L] += 6;
    known = true;
  }

  // head words
  let ofAt = -1;
  for (let i = a + 1; i < b && ofAt < 0; i++) if (/^(of|for|on)$/.test(tokens[i]!.text)) ofAt = i;
  const heads = [head];
  if (ofAt > a) heads.push(bare(tokens[ofAt - 1]!.text));
  if (!single) {
    for (const h of heads) {
      if (lx.orgHeads.has(h) || ORG_SUFFIX_ABBR.test(h)) votes[O] += 4;
      else if (lx.placeHeads.has(h)) votes[L] += 4;
      else if (h === 'Center' || h === 'Centre') {
        // "National Center for Disaster Preparedness" is an institution; "Kennedy Space Center" a site
        if (ofAt > a) votes[O] += 4;
        else {
          votes[O] += 2;
          votes[L] += 2;
        }
      }
    }
    if (lx.placePrefixes.has(w0)) votes[L] += 3;
    // "American Red Cross": a nation's branch of a known organization
    if (lx.demonyms.has(lexKey(w0)) && lx.orgs.has(lexKey(words.slice(1).join(' ')))) votes[O] += 6;
    // "Cricket Australia", "Amnesty International Kenya": a body named with its country (not "Michael Jordan")
    const lastKind = lx.places.get(lexKey(words[words.length - 1]!));
    if (
      (lastKind === 'country' || lastKind === 'region') &&
      !lx.givenNames.has(w0) &&
      !isPlace &&
      !lx.placePrefixes.has(w0) &&
      !lx.compass.has(w0) &&
      !lx.placeHeads.has(w0)
    )
      votes[O] += 3;
    // "Formula 1", "Division 2": personal names carry no numbers
    if (tokens[b]!.kind === 'num') votes[P] -= 3;
    // "Missouri House", "Ohio House": a state's or nation's chamber
    if (head === 'House' && words.length === 2 && /^(region|country)$/.test(lx.places.get(lexKey(w0)) ?? ''))
      votes[O] += 6;
    // "Procter & Gamble", "Fight for $15": firms and campaigns, not people
    for (let i = a + 1; i < b; i++)
      if ((tokens[i]!.text === '&' && !isPlace) || tokens[i]!.text === '$') {
        votes[O] += 4;
        break;
      }
    if (lx.orgPrefixes.has(w0)) votes[O] += 4; // "Partido de la U", "Universidad de los Andes", "Real Madrid"
    // "Scottish Government", "Israeli Army": a nation's institution
    if (words.length === 2 && lx.demonyms.has(lexKey(w0)) && (lx.genericAlone.has(head) || lx.orgHeads.has(head)))
      votes[O] += 4;
    // a role left without a name: "Public Works Minister", "Dallas Police Chief"
    if (ofAt < 0 && lx.titleCore.has(head) && !lx.orgHeads.has(head) && !isOrg && !isPlace && !lx.givenNames.has(w0))
      return null;
    // "Northern Syria", "South Sudan" (if not already known)
    if (lx.compass.has(w0) && lx.places.has(lexKey(words.slice(1).join(' ')))) votes[L] += 4;
    // all-caps or camel-case inside a multi-word name: "Oculus VR", "SDCCU Stadium" — rare in personal names
    if (words.some((w) => /^\p{Lu}{2,}$/u.test(w) && !lx.acronymStop.has(w))) votes[O] += 2;
    // given name first, or an initial inside: a personal name
    const looksPersonal =
      words.length <= 4 &&
      !heads.some((h) => lx.orgHeads.has(h) || lx.placeHeads.has(h) || h === 'Center' || h === 'Centre') &&
      !words.some((w) => lx.orgHeads.has(bare(w))) &&
      ofAt < 0 &&
      !isPlace &&
      !isOrg;
    if (looksPersonal && lx.givenNames.has(w0)) votes[P] += 2;
    if (looksPersonal && words.some((w, i) => i > 0 && /^\p{Lu}\.$/u.test(w))) votes[P] += 2;
    // multi-word names without other evidence are most often people — unless they start with an ordinary
    // word ("Old Trafford", "Grand Central") that the article also uses in lowercase
    const commonFirst = ctx.lowerVocab.has(w0.toLowerCase()) || PLACE_ADJ.test(w0);
    if (looksPersonal && !commonFirst) votes[P] += 0.5;
    if (looksPersonal && PLACE_ADJ.test(w0)) votes[L] += 1;
    // a head word inside ("Amnesty International Kenya") or a known organization first ("Reuters Breakingviews")
    if (words.slice(0, -1).some((w) => lx.orgHeads.has(bare(w)) && !lx.placeHeads.has(bare(w)))) votes[O] += 2;
    if (lx.orgs.has(lexKey(words.slice(0, 2).join(' '))) || lx.orgs.has(lexKey(w0))) votes[O] += 2;
    // a place followed by an unknown word: "Manchester United", "Chicago Bulls", "Chase Manhattan" is the reverse
    if (!isPlace && !isOrg && !lx.placeHeads.has(head) && !lx.orgHeads.has(head)) {
      // a known place followed by other words: "Manchester United", "New York Red Bulls", "Texas Instruments"
      for (let n = Math.min(3, words.length - 1); n >= 1; n--) {
        if (lx.places.has(lexKey(words.slice(0, n).join(' ')))) {
          votes[O] += 2;
          break;
        }
      }
      // "North Freeway", "West Bank": persons never start with a compass word
      if (lx.compass.has(w0)) votes[L] += 1.5;
    }
    // "New Yorkers", "Londoners": inhabitants, not places
    const lastW = words[words.length - 1]!;
    if (/ers$/.test(lastW) && lx.places.has(lexKey([...words.slice(0, -1), lastW.replace(/ers$/, '')].join(' '))))
      return null;
  } else {
    if (lx.orgHeads.has(head) && ORG_SUFFIX_ABBR.test(head)) return null;
    if (first.upper) {
      if (lx.placeAcronyms.has(k)) votes[L] += 6;
      else votes[O] += 2;
    } else if (/\p{Ll}\p{Lu}/u.test(w1))
      votes[O] += 1.5; // "WhatsApp", "ZeniMax"
    else if (lx.givenNames.has(w1)) votes[P] += 1;
    votes[O] += 0.5;
    if (/ers$/.test(w1) && lx.places.has(lexKey(w1.replace(/ers$/, '')))) return null;
    // "Sahelian states": an adjective in -ian/-ean/-ese before a lowercase noun, not in any list
    const nx = at(b + 1);
    if (!known && /(ian|ean|ese|ish)$/.test(w1) && nx?.kind === 'word' && !nx.cap && !lx.givenNames.has(w1))
      return null;
  }

  // ---------- context ----------
  const prev = prevWord(tokens, a);
  const prev2 = prev ? prevWord(tokens, prev.i) : null;
  const next = at(b + 1);
  const next2 = at(b + 2);
  const nextWord = next?.possessive ? next2 : next;
  if (prev && (!prev.t.cap || (prev.t.sentStart && lx.placePreps.has(prev.t.text.toLowerCase())))) {
    const pw = prev.t.text.toLowerCase();
    if (lx.roleNouns.has(pw) && !isPlace && !isOrg) votes[P] += 4;
    else if (lx.orgRoleBefore.has(pw) || /maker$/.test(pw)) votes[O] += 4;
    else if (pw === 'the') {
      votes[P] -= 2;
      if (prev2 && !prev2.t.cap && lx.placePreps.has(prev2.t.text) && !next?.possessive) votes[L] += 1;
      else if (!isPlace) votes[O] += 0.5;
    } else if (lx.placePreps.has(pw) && !next?.possessive) votes[L] += single || known || pw !== 'to' ? 1.5 : 0.5;
    // "Connor Whitby, 24, of Eccles": where a person is from
    const prev3 = prev2 ? prevWord(tokens, prev2.i) : null;
    if (pw === 'of' && prev2?.t.text === ',' && prev3?.t.kind === 'num') votes[L] += 4;
    if (
      pw === 'of' &&
      prev2 &&
      /^(city|town|village|state|province|region|island|county|capital|district|suburb|neighborhood|neighbourhood|residents|inhabitants|outskirts|streets|suburbs|north|south|east|west|northeast|northwest|southeast|southwest)$/.test(
        prev2.t.text.toLowerCase(),
      )
    )
      votes[L] += 4;
  }
  // "near Briarwood Elementary School", "a shelter at First Baptist Church": an institution's building as a location
  // ("outside the American Airlines Center")
  const fPrev = prev?.t.text === 'the' ? prev2 : prev;
  if (!single && FACILITY_HEAD.test(head) && fPrev && !fPrev.t.cap) {
    const pw = fPrev.t.text;
    const fPrev2 = prevWord(tokens, fPrev.i);
    const before = fPrev2 && !fPrev2.t.cap ? fPrev2.t.text : '';
    if (
      /^(near|outside|inside|behind|opposite|beside)$/.test(pw) ||
      (pw === 'at' && /^(shelter|vigil|rally|funeral|memorial|ceremony|service|gathered|held|opened)$/.test(before))
    )
      votes[L] += 6;
  }
  // "Nairobi's Mathare", "Monterrey's San Nicolás de los Garza": a city's own neighbourhoods and sites
  const own = at(a - 1);
  if (own?.possessive && own.start === at(a - 2)?.end && !isOrg && !heads.some((h) => lx.orgHeads.has(h))) {
    const kind = lx.places.get(lexKey(at(a - 2)!.text));
    if (kind === 'city' || kind === 'region') votes[L] += 2;
  }
  // "the 43rd floor of the Waldorf Astoria", "the lobby of the Grand Hyatt": parts of a building name a place
  {
    const of = prev?.t.text === 'the' ? prev2 : prev;
    const part = of?.t.text === 'of' ? prevWord(tokens, of.i) : null;
    if (
      part &&
      /^(floor|floors|lobby|roof|rooftop|basement|steps|grounds|entrance|ballroom|courtyard|gates|doors|car park|parking)$/.test(
        part.t.text,
      )
    )
      votes[L] += 4;
  }
  // "the chief executive of Fjord Air", "a spokeswoman for Nordlys Power", "an analyst at Nordbank"
  if (prev && /^(of|for|at|with)$/.test(prev.t.text) && prev2 && !isPlace && !known) {
    const role = prev2.t.text.toLowerCase();
    // offices held for a place: "the MP for Stroud", "the mayor of Clanton", "governor of the region"
    if (PLACE_ROLES.test(role)) votes[L] += 2;
    else if (/^(shares|stock|stake|bonds)$/.test(role) && prev.t.text === 'of') votes[O] += 4;
    else if (
      (lx.roleNouns.has(role) || /^(traders|strategists|executives|employees|bankers|engineers|staff)$/.test(role)) &&
      !/^(wife|husband|son|daughter|father|mother|brother|sister|friend|widow)$/.test(role)
    )
      votes[O] += 3;
  }
  // "The priest, Fidelis Mukonori, is" — a role noun, a comma, a name
  if (prev?.t.text === ',' && prev2 && lx.roleNouns.has(prev2.t.text.toLowerCase()) && !isPlace && !isOrg)
    votes[P] += 3;
  if (nextWord && nextWord.kind === 'word' && !nextWord.cap) {
    const nw = nextWord.text.toLowerCase();
    if (!known && !heads.some((h) => lx.orgHeads.has(h) || lx.placeHeads.has(h)) && lx.productAfter.has(nw))
      return null;
    if (/^(party|group|faction|militia|company|firm|tribe|movement|alliance|coalition|union|federation|club)$/.test(nw))
      votes[O] += 4;
    else if (lx.orgAfter.has(nw)) votes[O] += 2;
    else if (lx.placeAfter.has(nw)) votes[L] += 2;
    // "Piper Sandler downgraded Nike", "Wells Fargo cut its forecast": what firms do, and "its"
    else if (!next?.possessive && (FIRM_VERBS.test(nw) || (at(b + 2)?.text === 'its' && /(ed|s)$/.test(nw))))
      votes[O] += 3;
    else if (SPEECH_AFTER.has(nw) && !next?.possessive) votes[P] += 1;
    else {
      // "the Nuseirat refugee camp", "the Rafah border crossing"
      const n2 = at(nextWord === next ? b + 2 : b + 3);
      if (n2?.kind === 'word' && !n2.cap && lx.placeAfter.has(n2.text)) votes[L] += 2;
    }
    if ((nw === 'embassy' || nw === 'consulate' || nw === 'police') && (isPlace || first.upper)) {
      // "the US embassy": the institution, named by its country
      const e = nextWord.end;
      return {
        a,
        b: b + 1,
        start: first.start,
        end: e,
        text: text.slice(first.start, e),
        words: [...words, nw],
        key: lexKey(text.slice(first.start, e)),
        votes: [0, 8, 0],
        weak: false,
        known: true,
      };
    }
  }
  if (next?.text === ',') {
    const n2 = at(b + 2);
    const n3 = at(b + 3);
    // "…'s council in Toribío, who travelled": after a preposition the "who" belongs to someone earlier
    if (
      n2?.text === 'who' &&
      !(prev && !prev.t.cap && lx.placePreps.has(prev.t.text)) &&
      !(!single && lx.places.has(lexKey(w0)))
    )
      votes[P] += 2;
    else if (n2?.text === 'which') votes[O] += 1;
    else if (n2?.kind === 'num' && /^\d{1,3}$/.test(n2.text) && (n3?.text === ',' || n3?.text === ')')) votes[P] += 4;
    else if (
      n2 &&
      (lx.stateAbbrevs.has(n2.text) ||
        lx.places.get(lexKey(n2.text)) === 'region' ||
        lx.places.get(lexKey(n2.text)) === 'country') &&
      !isOrg &&
      single
    )
      votes[L] += 2.5; // "Orlando, Fla.", "Portland, Oregon"
  }
  if (next?.text === '(' && at(b + 2)?.kind === 'num') votes[P] += 2; // "Smith (34)"
  // an appositive naming a role or a kind of organization: "Lőrinc Mészáros, a childhood friend of …",
  // "Roscosmos, Russia's space agency", "Gavi, the vaccine alliance"
  let appositiveOrg = false;
  if (next?.text === ',' && !isPlace && !isOrg) {
    for (let i = b + 2; i <= b + 6; i++) {
      const t = at(i);
      if (!t || (t.kind === 'punct' && !t.possessive)) break;
      const w = t.text.toLowerCase();
      // "Khalil al-Hayya, while Israel's negotiating team …": a new clause, not an appositive
      if (
        /^(while|whereas|and|but|or|as|when|after|before|who|whose|which|that|because|although|though|where|if)$/.test(
          w,
        )
      )
        break;
      // another name right after the comma: a list, not an appositive
      if (i === b + 2 && t.cap && !/^(The|A|An|His|Her|Its|Their)$/.test(t.text) && !at(i + 1)?.possessive) break;
      if (lx.roleNouns.has(w) && !/^(head|chief)$/.test(w)) {
        votes[P] += 2;
        break;
      }
      // "Diriyah, the restored old quarter", "Pomonal, a farming town"
      if (PLACE_NOUN.test(w)) {
        votes[L] += 3;
        break;
      }
      if (lx.orgRoleBefore.has(w) || /maker$/.test(w)) {
        // rule appositive-head: "Dana Reyes, the agency spokesperson" — a role noun after the organization
        // word is the appositive's head, and the name a person's
        let role = false;
        for (let j = i + 1; j <= i + 3; j++) {
          const u = at(j);
          if (!u || u.kind === 'punct') break;
          if (lx.roleNouns.has(u.text.toLowerCase())) role = true;
        }
        if (role) {
          votes[P] += 2;
          break;
        }
        votes[O] += 3;
        appositiveOrg = true;
        break;
      }
    }
  }

  // ---------- clubs in a match report ----------
  let club = false;
  if (ctx.sporty && isPlace !== 'country') {
    const after = next?.text === ',' && at(b + 2)?.text === 'who' ? at(b + 3) : nextWord;
    const aw = after?.kind === 'word' && !after.cap ? after.text : '';
    const pw = prev && !prev.t.cap ? prev.t.text : '';
    club =
      (CLUB_AFTER.test(aw) && nextWord === after) ||
      (MATCH_VERBS.test(aw) && !next?.possessive) ||
      MATCH_BEFORE.test(pw) ||
      (pw === 'from' && signedBefore(tokens, prev!.i)) ||
      (next?.kind === 'num' && SCORE.test(next.text)) ||
      (pw === 'at' && !!prev2 && prev2.t.kind === 'num' && SCORE.test(prev2.t.text)) ||
      (!single && CLUB_TAIL.test(head) && lx.places.get(lexKey(words.slice(0, -1).join(' '))) === 'city');
  }

  // ---------- weakness ----------
  // a capitalized phrase in quotation marks is a nickname, slogan or title ("Day of Disruption", "Gucci Grace")
  const quoted = inQuotedTitle(ctx, a, b);
  if (quoted && !known && !heads.some((h) => lx.orgHeads.has(h) || lx.placeHeads.has(h))) return null;
  // a dateline: "CAPE CANAVERAL, Fla. —", "GENEVA (Reuters) -", "BEIJING:" at the start of a line
  const allCaps = tokens.slice(a, b + 1).every((t) => t.kind !== 'word' || capsWord(t));
  // rule all-caps-kicker: in a newsletter whose items open with "RATE WATCH — …", an all-caps phrase the
  // gazetteer does not know is a heading ("MARKETS IN RETREAT"), not a dateline or a name
  if (allCaps && ctx.kickerDoc && !known && !isOrg && (!single || at(b + 1)?.text === '—')) return null;
  if (allCaps && (a === 0 || tokens[a - 1]!.line !== first.line) && !isOrg) {
    const after = at(b + 1);
    if (after && /^[,:(—–-]$/.test(after.text)) {
      votes[L] += 5;
      known = true;
    }
  }
  let weak = false;
  if (!known) {
    // a heading line's capitals say nothing — but a headed name on a score line or headline is still a name
    const headed =
      !single && (lx.orgHeads.has(head) || lx.placeHeads.has(head)) && !ctx.lowerVocab.has(w0.toLowerCase());
    if (ctx.headingLine.has(first.line) && !headed) weak = true;
    if (single && sentenceInitial && !first.upper) weak = true;
    // a capitalized ordinary word ("Government", "Enabled"): seen in lowercase elsewhere in the article
    if (single && ctx.lowerVocab.has(w1.toLowerCase())) weak = true;
    // …unless the sentence treats it as a name: "Gavi, the vaccine alliance, said", "Ticketmaster, owned by …"
    if (weak && single && !ctx.lowerVocab.has(w1.toLowerCase())) {
      const plainWord = /(s|ing|ed|ly)$/.test(w1);
      if (
        appositiveOrg ||
        (!plainWord && next?.text === ',' && /^(owned|based|founded|which|who)$/.test(at(b + 2)?.text ?? ''))
      )
        weak = false;
    }
  }
  return {
    a,
    b,
    start: first.start,
    end,
    text: textOut,
    words,
    key,
    votes,
    weak,
    known,
    cityOnly: cityOnly && !lx.people.has(k),
    club,
  };
}

/**
 * True when tokens a..b sit inside a quoted title-like phrase — only capitalized words and connectors between
 * the quotation marks ("Day of Disruption", the novel "The Long Winter") — not inside a quoted sentence.
 */
function inQuotedTitle(ctx: Ctx, a: number, b: number): boolean {
  const { tokens, lx } = ctx;
  const line = tokens[a]!.line;
  const titleLike = (t: Token) =>
    t.line === line && ((t.kind === 'word' && (t.cap || lx.connectors.has(t.text))) || t.kind === 'num');
  let open = -1;
  for (let i = a - 1; i >= a - 7 && i >= 0; i--) {
    const t = tokens[i]!;
    if (OPEN_QUOTES.has(t.text) && t.line === line) {
      open = i;
      break;
    }
    if (!titleLike(t)) return false;
  }
  if (open < 0) return false;
  for (let i = b + 1; i <= b + 8 && i < tokens.length; i++) {
    const t = tokens[i]!;
    if (CLOSE_QUOTES.has(t.text) && t.line === line) return true;
    if (t.text === ',' || t.text === '.') continue;
    if (!titleLike(t)) return false;
  }
  return false;
}

/** "signed winger Jack Diamond from Sunderland": a transfer verb shortly before "from" in the same sentence. */
function signedBefore(tokens: Token[], from: number): boolean {
  for (let i = from - 1; i >= 0 && i >= from - 8; i--) {
    const t = tokens[i]!;
    if (t.text === '.' || t.sentStart) return /^(Signed|Joined)$/.test(t.text);
    if (/^(signed|joined|loaned|bought|recruited|transfer)$/.test(t.text)) return true;
  }
  return false;
}

function isDemonym(word: string, lx: Lexicon): boolean {
  const k = lexKey(word);
  if (lx.demonyms.has(k)) return true;
  // "African-American", "Sino-Indian"
  if (k.includes('-'))
    return k
      .split('-')
      .every((p) => lx.demonyms.has(p) || /^(sino|anglo|franco|indo|afro|euro|pan|non|pro|anti)$/.test(p));
  return false;
}

function prevWord(tokens: Token[], i: number): { t: Token; i: number } | null {
  const j = i - 1;
  const t = tokens[j];
  if (!t || t.line !== tokens[i]!.line) return null;
  return { t, i: j };
}

/**
 * Candidates listed with commas and "and"/"or" share a type: a member with little evidence of its own takes
 * the type its confident neighbours agree on ("in Athens, Clanton, Falkville … and Prattville").
 */
function coordinate(cands: Cand[], tokens: Token[], placePreps: Set<string>): void {
  let g = 0;
  while (g < cands.length) {
    let h = g;
    for (;;) {
      const c = cands[h]!;
      const d = cands[h + 1];
      if (!d) break;
      const between = tokens.slice(c.b + 1, d.a).map((t) => t.text);
      const ok =
        between.length > 0 &&
        between.length <= 2 &&
        between.every((w) => w === ',' || w === 'and' || w === 'or') &&
        !(between.length === 2 && between[0] !== ',');
      if (!ok) break;
      h++;
    }
    const listy = h > g && (h - g >= 2 || tokens[cands[h]!.a - 1]?.text !== ',');
    if (listy) {
      // "in Athens, Clanton … and Prattville": the preposition before the list applies to every member
      let p = cands[g]!.a - 1;
      if (tokens[p]?.text === 'the') p--;
      const prep = tokens[p];
      if (prep && prep.kind === 'word' && !prep.cap && placePreps.has(prep.text))
        for (let i = g + 1; i <= h; i++) if (!cands[i]!.known) cands[i]!.votes[L] += 1.5;
      const sum: Votes = [0, 0, 0];
      for (let i = g; i <= h; i++) {
        const v = cands[i]!.votes;
        const best = argmax(v);
        if (v[best] >= 3) sum[best] += 1;
      }
      const best = argmax(sum);
      // only a list whose confident members agree lends its type, and only to members with no evidence
      const others = sum[0] + sum[1] + sum[2] - sum[best];
      if (sum[best] > 0 && others === 0) {
        for (let i = g; i <= h; i++) {
          const c = cands[i]!;
          if (c.votes[argmax(c.votes)] < 3 && c.votes[P] < 2) {
            c.votes[best] += 3;
            c.weak = false;
          }
        }
      }
    }
    g = h + 1;
  }
}

function addVotes(dst: Votes, src: Votes): void {
  dst[0] += src[0];
  dst[1] += src[1];
  dst[2] += src[2];
}

function argmax(v: Votes): 0 | 1 | 2 {
  if (v[1] > v[0] && v[1] >= v[2]) return 1;
  if (v[2] > v[0] && v[2] > v[1]) return 2;
  return 0;
}

/** Groups candidates into entities and picks each entity's type and canonical name. */
/** "Mr." and "Ms." before a name, as the article writes them. */
const HONORIFIC_BEFORE = /\b(Mr|Mrs|Ms|Miss|Mme|Mister)\.?\s+$/;

/** A mention's first word and the space after it ("Mr. " of "Mr. Trump"), or '' for a one-word mention. */
function ownStart(text: string, start: number): string {
  const head = text.slice(start, start + 8);
  return head.slice(0, head.lastIndexOf(' ') + 1);
}

/** The gender the honorifics before a cluster's mentions agree on, or null when none or mixed. */
function honorificOf(cands: readonly Cand[], text: string): 'm' | 'f' | null {
  // rule honorific-majority: one "Ms. Trump" (the daughter) among twenty "Mr. Trump" still says "Mr."
  let m = 0;
  let f = 0;
  for (const c of cands) {
    // the honorific is either just before the mention or its first word ("Mr. Trump" as one candidate)
    const h =
      HONORIFIC_BEFORE.exec(text.slice(Math.max(0, c.start - 8), c.start)) ??
      HONORIFIC_BEFORE.exec(ownStart(text, c.start));
    if (!h) continue;
    if (h[1] === 'Mr' || h[1] === 'Mister') m++;
    else f++;
  }
  if (m >= 3 * f && m > 0) return 'm';
  if (f >= 3 * m && f > 0) return 'f';
  return null;
}

function cluster(cands: Cand[], lx: Lexicon, text: string): Entity[] {
  const clusters = new Map<string, Cluster>();
  const clusterKey = (c: Cand): string => {
    // "Alphabet Inc." ~ "Alphabet": legal suffixes do not make another entity
    const k = c.key.replace(/^the /, '').replace(/,? (inc|corp|co|ltd|llc|plc|ag|sa|gmbh|llp)$/, '');
    const country = lx.countryCanon.get(k);
    if (country) return 'c:' + lexKey(country);
    return SHORT_NAMES.get(k) ?? k;
  };
  const add = (key: string, c: Cand): Cluster => {
    let cl = clusters.get(key);
    if (!cl) {
      cl = { key, cands: [], votes: [0, 0, 0], words: c.words };
      clusters.set(key, cl);
    }
    cl.cands.push(c);
    addVotes(cl.votes, c.votes);
    if (c.words.length > cl.words.length) cl.words = c.words;
    return cl;
  };
  const pending: Cand[] = [];
  for (const c of cands) {
    if (c.weak || c.parenAlias) pending.push(c);
    else add(clusterKey(c), c);
  }
  // ---------- link short forms to full forms ----------
  const root = (cl: Cluster): Cluster => {
    let r = cl;
    while (r.mergedInto) r = r.mergedInto;
    return r;
  };
  const merge = (from: Cluster, into: Cluster): void => {
    const r = root(into);
    if (r === from || from.mergedInto) return;
    from.mergedInto = r;
    for (const c of from.cands) r.cands.push(c);
    addVotes(r.votes, from.votes);
  };
  // parenthesized acronyms join their expansion, and so do their other uses ("USAID", "NATO")
  const aliasKeys = new Map<string, string>();
  for (const c of pending) {
    if (!c.parenAlias) continue;
    const target = clusters.get(clusterKey(c.parenAlias));
    if (!target) continue;
    const acrKey = clusterKey(c);
    const own = clusters.get(acrKey);
    target.cands.push(c);
    if (own && own !== target) merge(own, target);
    aliasKeys.set(acrKey, target.key);
  }

  const typeOf = (cl: Cluster): number => argmax(cl.votes);
  // rule middle-initial-variant: "Dana Reyes" is "Dana K. Reyes" — a person's name with initials in the
  // middle joins the same name without them (the fullest form stays canonical)
  const plain = new Map<string, Cluster>();
  for (const cl of clusters.values())
    if (cl.words.length === 2 && typeOf(cl) === P) plain.set(lexKey(cl.words.join(' ')), cl);
  for (const cl of [...clusters.values()]) {
    const ws = cl.words;
    if (ws.length < 3 || cl.mergedInto || typeOf(cl) !== P) continue;
    if (!ws.slice(1, -1).every((w) => /^\p{Lu}\.$/u.test(w))) continue;
    const short = plain.get(lexKey(`${ws[0]} ${ws[ws.length - 1]}`));
    if (short && !short.mergedInto) merge(short, cl);
  }
  const byLast = new Map<string, Cluster>();
  const byFirst = new Map<string, Cluster>();
  const byStripped = new Map<string, Cluster>();
  const byInitials = new Map<string, Cluster>();
  const byCorp = new Map<string, Cluster>();
  const firstNames = new Map<string, Cluster | null>();
  for (const cl of clusters.values()) {
    const ws = cl.words.map(bare);
    if (ws.length < 2) continue;
    const t = typeOf(cl);
    if (t === P) {
      // "Joe Manchin III" is "Manchin"
      const last =
        /^(Jr|Sr|II|III|IV|V)$/.test(ws[ws.length - 1]!) && ws.length > 2 ? ws[ws.length - 2]! : ws[ws.length - 1]!;
      setOnce(byLast, lexKey(last), cl);
      if (!lx.givenNames.has(ws[0]!)) setOnce(byFirst, lexKey(ws[0]!), cl);
      // "Sheikh Khalid" after "Sheikh Khalid bin Hamad al-Mannai": a first name, when only one person has it
      const f = lexKey(ws[0]!);
      const r = root(cl);
      firstNames.set(f, firstNames.has(f) && firstNames.get(f) !== r ? null : r);
    } else {
      // "Oculus" ~ "Oculus VR" — but not "Ozark" ~ "Ozark Police Department", whose rest is a generic head
      if (t === O && !ws.some((w) => lx.connectors.has(w) || lx.genericAlone.has(w)) && !lx.places.has(lexKey(ws[0]!)))
        setOnce(byFirst, lexKey(ws[0]!), cl);
      // "US State Department" ~ "State Department"; "US Bureau of African Affairs" ~ "Bureau of African Affairs"
      // ("Colombian Senate" ~ "Senate", but the "Pakistani Taliban" are not the Taliban)
      if (
        lx.places.has(lexKey(ws[0]!)) ||
        (lx.demonyms.has(lexKey(ws[0]!)) && ws.slice(1).every((w) => lx.genericAlone.has(w) || lx.orgHeads.has(w)))
      )
        setOnce(byStripped, lexKey(ws.slice(1).join(' ')), cl);
      // "Samsung" ~ "Samsung Electronics": a company's own name without its trade word
      if (t === O && ws.slice(1).every((w) => CORP_TAIL.test(w) || ORG_SUFFIX_ABBR.test(w)))
        setOnce(byCorp, lexKey(ws[0]!), cl);
      // "Chiefs" ~ "Kansas City Chiefs": a team or branch named after its town, then its own name
      if (t === O && ws.length >= 3 && lx.places.has(lexKey(ws.slice(0, -1).join(' '))))
        setOnce(byStripped, lexKey(ws[ws.length - 1]!), cl);
      // "Bureau of African" (cut short) ~ "Bureau of African Affairs"
      for (let i = 2; i < ws.length; i++) {
        const last = ws[i - 1]!;
        const complete = lx.orgHeads.has(last) || lx.placeHeads.has(last);
        if (!lx.connectors.has(last) && !complete && ws.slice(0, i).some((w) => lx.connectors.has(w)))
          setOnce(byStripped, lexKey(ws.slice(0, i).join(' ')), cl);
      }
      const content = ws.filter((w) => !lx.connectors.has(w));
      setOnce(
        byInitials,
        content
          .map((w) => w[0])
          .join('')
          .toLowerCase(),
        cl,
      );
      setOnce(
        byInitials,
        ws
          .map((w) => w[0])
          .join('')
          .toLowerCase(),
        cl,
      );
    }
  }
  // "Mr. Trump" is not "Ivanka Trump": a surname used with an honorific of one gender does not join a full
  // name whose given name belongs to the other (given-name lists, see Lexicon.givenGender).
  const contradicts = (person: Cluster, g: 'm' | 'f'): boolean => {
    const given = lx.givenGender.get(bare(person.words[0]!));
    return given !== undefined && given !== g;
  };
  const findTarget = (
    key: string,
    words: string[],
    isAcr: boolean,
    type: number,
    known: boolean,
    honorific: 'm' | 'f' | null = null,
  ): Cluster | undefined => {
    // a known name keeps its own identity ("Jordan" the country vs "Michael Jordan", "UN" vs "UN Security
    // Council") and only joins the same name with a country in front ("Congress" ~ "US Congress")
    if (words.length === 1 && type !== P) {
      const corp = byCorp.get(lexKey(bare(words[0]!)));
      if (corp) return corp;
    }
    if (words.length === 1 && isAcr) {
      // "WHO" after "World Health Organization", even though WHO is known by itself
      const acr = byInitials.get(lexKey(bare(words[0]!)));
      if (acr) return acr;
    }
    if (words.length === 1 && !known) {
      const k = lexKey(bare(words[0]!));
      const person = byLast.get(k) ?? byFirst.get(k) ?? (type === P ? (firstNames.get(k) ?? undefined) : undefined);
      if (person && (type !== L || person.votes[P]! > 0) && !(honorific && contradicts(person, honorific))) {
        return person;
      }
      if (isAcr) {
        const acr = byInitials.get(k);
        if (acr) return acr;
      }
    }
    return byStripped.get(key);
  };
  for (const cl of [...clusters.values()]) {
    if (cl.words.length > 2 && typeOf(cl) === P) continue;
    const isAcr = cl.words.length === 1 && /^\p{Lu}{2,}$/u.test(cl.words[0]!);
    const t = findTarget(
      cl.key,
      cl.words,
      isAcr,
      typeOf(cl),
      cl.cands.some((c) => c.known && !c.cityOnly) && typeOf(cl) !== P,
      honorificOf(cl.cands, text),
    );
    if (!t || t === cl) continue;
    merge(cl, t);
  }
  // weak candidates join an entity they name, or stay out
  for (const c of pending) {
    if (c.parenAlias) continue;
    const k = clusterKey(c);
    let target = clusters.get(aliasKeys.get(k) ?? k);
    if (!target) {
      const isAcr = c.words.length === 1 && /^\p{Lu}{2,}$/u.test(c.words[0]!);
      target = findTarget(k, c.words, isAcr, argmax(c.votes), c.known && !c.cityOnly && argmax(c.votes) !== P);
    }
    if (!target) continue;
    const r = root(target);
    r.cands.push(c);
    // a weak mention still brings its context ("Ozark police closed …" at a sentence start)
    if (Math.max(...c.votes) >= 2) addVotes(r.votes, c.votes);
  }

  // ---------- emit ----------
  const out: Entity[] = [];
  for (const cl of clusters.values()) {
    if (cl.mergedInto) continue;
    let type = TYPES[argmax(cl.votes)]!;
    // a place or a bare surname-like word used as a club in a match report is the club
    if (
      type !== 'organization' &&
      !cl.key.startsWith('c:') &&
      cl.cands.some((c) => c.club) &&
      (type === 'place' || cl.cands.every((c) => c.words.length === 1 && !lx.givenNames.has(c.words[0]!)))
    )
      type = 'organization';
    const mentions: Mention[] = cl.cands
      .map((c) => ({ start: c.start, end: c.end, text: c.text }))
      .sort((x, y) => x.start - y.start)
      .filter((m, i, arr) => i === 0 || m.start !== arr[i - 1]!.start);
    // the fullest form: most words, then longest, preferring normal case over an all-caps dateline
    let best = cl.cands[0]!;
    for (const c of cl.cands) {
      const better =
        c.words.length > best.words.length ||
        (c.words.length === best.words.length && isAllCaps(best.text) && !isAllCaps(c.text)) ||
        (c.words.length === best.words.length && c.text.length > best.text.length && !isAllCaps(c.text));
      if (better) best = c;
    }
    const canonical = best.text.replace(/\u00AD/g, '').replace(/^the\s+/i, '');
    const aliases = [...new Set(mentions.map((m) => m.text.replace(/\u00AD/g, '')))].filter((m) => m !== canonical);
    const e: Entity = { text: canonical, type, mentions };
    if (aliases.length) e.aliases = aliases;
    out.push(e);
  }
  out.sort((x, y) => x.mentions[0]!.start - y.mentions[0]!.start);
  return out;
}

function setOnce<K, V>(m: Map<K, V>, k: K, v: V): void {
  if (!m.has(k)) m.set(k, v);
}

function isAllCaps(s: string): boolean {
  return !/\p{Ll}/u.test(s);
}

/** Exposed for tests: the title-run detector's word test. */
export function isTitleWord(word: string): boolean {
  const lx = lexicon();
  return lx.titleCore.has(bare(word)) || lx.titleMod.has(bare(word));
}
