/**
 * Speaker kinds for the sourcing audit (issue 16), pure core: which kind of source a claim relies on —
 * official or government, politician, expert or academic, business, advocacy or NGO, ordinary person,
 * organization as a whole, document, unknown. One table, one row per kind, with the role words that
 * mark it and an example; the words are read from what the article says about the speaker (a title
 * before the name, an appositive after it, or the descriptive phrase of an unnamed source).
 */

/** The kinds the audit counts, in display order. */
export type SpeakerKind =
  'official' | 'politician' | 'expert' | 'business' | 'advocacy' | 'ordinary' | 'organization' | 'document' | 'unknown';

/** One kind: its label, the lowercase role words (single words or two-word phrases) and an example. */
export interface SpeakerKindRule {
  kind: SpeakerKind;
  label: string;
  words: readonly string[];
  example: string;
}

const words = (s: string): string[] => s.split('|').map((w) => w.trim());

/**
 * A word belongs to the first row listing it; the head word of a phrase decides its kind (see kindOfPhrase).
 */
export const SPEAKER_KIND_RULES: readonly SpeakerKindRule[] = [
  {
    kind: 'document',
    label: 'Document',
    words: words(`report|reports|letter|memo|memorandum|statement|filing|filings|lawsuit|complaint|indictment|
      affidavit|ruling|order|study|survey|document|documents|records|email|emails|post|release|transcript|
      audit|review|analysis|poll|data|numbers|figures|statistics|proposal|plan|bill|warrant|verdict|judgment|opinion|notice|guidance`),
    example: 'The lawsuit says the firm knew.',
  },
  {
    kind: 'politician',
    label: 'Politician',
    words: words(`senator|sen|representative|rep|congressman|congresswoman|congressmember|lawmaker|lawmakers|
      legislator|legislators|mp|mps|mep|councilman|councilwoman|councillor|councilor|council member|mayor|
      governor|gov|president|prime minister|premier|chancellor|candidate|nominee|incumbent|republican|
      republicans|democrat|democrats|conservative|liberal|politician|politicians|speaker|assemblyman|
      assemblywoman|state senator|party leader|opposition leader|strategist`),
    example: 'Sen. Ana Ruiz, a Democrat, said the bill would pass.',
  },
  {
    kind: 'official',
    label: 'Official or government',
    words: words(`official|officials|spokesperson|spokesman|spokeswoman|spokespeople|spokesmen|spokeswomen|
      minister|ministers|secretary|ambassador|diplomat|diplomats|envoy|officer|officers|police|sheriff|
      commissioner|judge|justice|prosecutor|prosecutors|attorney general|agent|agents|inspector|administrator|
      regulator|regulators|aide|aides|adviser|advisers|advisor|advisors|general|commander|colonel|admiral|
      military|army|navy|soldier|soldiers|administration|ministry|department|agency|government|authorities|
      authority|staffer|staffers|director general|chief of staff|superintendent|trooper|detective|clerk`),
    example: 'A senior administration official said the talks had stalled.',
  },
  {
    kind: 'expert',
    label: 'Expert or academic',
    words: words(`professor|researcher|researchers|scientist|scientists|economist|economists|analyst|analysts|
      expert|experts|historian|scholar|scholars|academic|academics|lecturer|epidemiologist|physician|doctor|
      doctors|psychologist|sociologist|engineer|engineers|fellow|specialist|specialists|consultant|
      meteorologist|forecaster|statistician|lawyer|lawyers|attorney|attorneys|author|dean`),
    example: 'Lena Park, an economist at the university, said prices would fall.',
  },
  {
    kind: 'business',
    label: 'Business',
    words: words(`ceo|cfo|coo|cto|chief executive|executive|executives|founder|co-founder|cofounder|chairman|
      chairwoman|chairperson|businessman|businesswoman|entrepreneur|investor|investors|owner|owners|manager|
      managers|banker|bankers|trader|traders|tycoon|magnate|billionaire|partner|vice president|retailer|
      developer|landlord|employer|shareholder|shareholders|realtor|realtors|broker|brokers|agent|agents`),
    example: 'The company’s chief executive, Omar Haddad, said sales rose.',
  },
  {
    kind: 'advocacy',
    label: 'Advocacy or NGO',
    words: words(`activist|activists|advocate|advocates|campaigner|campaigners|organizer|organizers|organiser|
      nonprofit|charity|volunteer|volunteers|union|unions|union leader|protester|protesters|lobbyist|lobbyists|
      coordinator`),
    example: 'Housing advocate Rita Gomez said rents were unaffordable.',
  },
  {
    kind: 'ordinary',
    label: 'Ordinary person',
    words: words(`resident|residents|voter|voters|parent|parents|mother|father|mom|dad|son|daughter|wife|husband|
      student|students|worker|workers|employee|employees|customer|customers|patient|patients|witness|
      witnesses|neighbor|neighbors|neighbour|neighbours|fan|fans|survivor|survivors|victim|victims|shopper|
      shoppers|commuter|commuters|farmer|farmers|driver|drivers|teacher|teachers|nurse|nurses|retiree|
      passenger|passengers|tenant|tenants|homeowner|homeowners|veteran|veterans|relative|relatives|friend|
      friends|local|locals|villager|villagers|man|woman|grandmother|grandfather`),
    example: 'Tom Reyes, a retiree who lives nearby, said the noise was constant.',
  },
];

/** Display labels for every kind, including the two that come from the entity type or its absence. */
export const SPEAKER_KIND_LABELS: Readonly<Record<SpeakerKind, string>> = {
  official: 'Official or government',
  politician: 'Politician',
  expert: 'Expert or academic',
  business: 'Business',
  advocacy: 'Advocacy or NGO',
  ordinary: 'Ordinary person',
  organization: 'Organization as a whole',
  document: 'Document',
  unknown: 'Unknown',
};

/** Every kind in display order. */
export const SPEAKER_KINDS = Object.keys(SPEAKER_KIND_LABELS) as SpeakerKind[];

let index: Map<string, SpeakerKind> | null = null;

/** word or two-word phrase → the kind of the first rule listing it (built once). */
function kindIndex(): Map<string, SpeakerKind> {
  if (index) return index;
  index = new Map();
  for (const rule of SPEAKER_KIND_RULES) for (const w of rule.words) if (!index.has(w)) index.set(w, rule.kind);
  return index;
}

/** Words after which an English noun phrase's modifiers begin: the head comes before them. */
const HEAD_ENDS = new Set(
  words(`of|at|to|for|in|with|from|on|who|whom|whose|that|which|familiar|close|briefed|involved|near|about|
    under|over|by|and|or`),
);

/** A phrase's lowercase words, possessive 's dropped: the units the kind table is matched on. */
export function phraseTokens(phrase: string): string[] {
  return phrase
    .toLowerCase()
    .replace(/[’']s\b/g, '')
    .split(/[^\p{L}\p{N}-]+/u)
    .filter(Boolean);
}

/** A present participle after the head starts a modifier ("representing", "working"), as a preposition does. */
const PARTICIPLE = /^\p{L}{2,}ing$/u;

/**
 * The kind a phrase describes ("a senior administration official" → official), with the word that
 * decided it, or null when no role word occurs. The decisive word is the phrase's head: English noun
 * phrases are head-final before their first preposition or relative clause, so the last role word before
 * one wins ("a senior aide to the governor" → aide → official, "Republican senator" → senator); only
 * when none is there does a later one count. Two-word phrases win over their single words ("chief
 * executive" is business although "chief" alone is nothing, "chief of staff" official).
 */
export function kindOfPhrase(phrase: string): { kind: SpeakerKind; word: string } | null {
  const toks = phraseTokens(phrase);
  const idx = kindIndex();
  let head: string | null = null;
  let later: string | null = null;
  let beforeHeadEnd = true;
  for (let i = 0; i < toks.length; i++) {
    const triple = i + 2 < toks.length ? `${toks[i]} ${toks[i + 1]} ${toks[i + 2]}` : null;
    const pair = i + 1 < toks.length ? `${toks[i]} ${toks[i + 1]}` : null;
    const hit = [triple, pair, toks[i]!].find((w) => w !== null && idx.has(w)) ?? null;
    if (hit) {
      if (beforeHeadEnd) head = hit;
      else later ??= hit;
      i += hit.split(' ').length - 1;
      continue;
    }
    if (HEAD_ENDS.has(toks[i]!)) {
      if (head) break;
      beforeHeadEnd = false;
    } else if (head && PARTICIPLE.test(toks[i]!)) break; // "a union leader representing the workers"
  }
  const word = head ?? later;
  return word === null ? null : { kind: idx.get(word)!, word };
}
