/**
 * The one boilerplate detector: site furniture that Readability keeps inside article text — photo credits,
 * bylines, contributor lines, sign-up and "follow us" prompts, related-link labels, captions, the headline
 * line, social-media signatures — found by line shape and cue words. Two views of it:
 *  - `boilerplateRanges`: character ranges whose names do not become entities (the entity engine);
 *  - `creditSpans`, `captionSpans`, `isBoilerplate`: paragraph roles for the quote engine — author lines
 *    whose names are no speakers or antecedents, captions whose names are no antecedents outside them,
 *    paragraphs that carry no claims.
 * Both views read the one set of author and credit lines (`CREDIT_LINES`); the entity view adds the site
 * furniture (`FURNITURE_LINES`) that holds no names worth keeping.
 */
import type { Span } from '../sentences';

/** A half-open character range [start, end) of `text` to ignore. */
export type Range = [number, number];

/** A rule of the line detector: its id, a made-up example line it matches, and the pattern. */
export interface LineRule {
  id: string;
  example: string;
  re: RegExp;
  /** The longest line (trimmed) the rule is tried on; a longer line is prose. */
  max: number;
}

/** Lines this long or shorter are the only ones a furniture or credit pattern is tried on. */
const SHORT_LINE = 120;
/** Credit and byline lines run longer than furniture ("By A, B and C, Associated Press, with …"). */
const CREDIT_LINE = 240;

/**
 * Author and credit lines: they name the article's authors and photographers, never its sources. One set
 * for both engines: their names become no entities (the entity view) and no speakers or antecedents, and
 * their paragraphs hold no claims (the quote view).
 */
export const CREDIT_LINES: readonly LineRule[] = [
  {
    id: 'credit.photo-line',
    example: 'Photograph: Dana Reyes/PA',
    // Guardian "Photograph: X/PA", NYT "Credit...X/The New York Times", BBC "Image source, Getty Images"
    re: /^(?:(?:photo|image|video|graphic|illustration|file photo|picture)s?\s*(?:by|:|credit|courtesy)|(?:photograph|credit)\s*(?::|\.\.\.|…)|(?:image|video|media|photo) source\b)/i,
    max: SHORT_LINE,
  },
  {
    id: 'credit.byline',
    example: 'By Dana Reyes and Tom Okafor, Associated Press',
    // not a sentence that opens with a time ("By Tuesday, officials said the water had receded.")
    re: /^[Bb][Yy]\s+(?!(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|January|February|March|April|May|June|July|August|September|October|November|December|The|Then|Now|Late|Early|Mid)\b)\p{Lu}[^!?]{0,150}(?<![.!?]["'\u201d\u2019]?)$/u,
    max: CREDIT_LINE,
  },
  {
    id: 'credit.contributor',
    example: 'Additional reporting by Dana Reyes in Lagos',
    re: /^\(?(?:(?:[Aa]dditional|[Ff]urther) )?(?:[Rr]eporting|[Ww]riting|[Ee]diting|[Ee]dited|[Cc]ompiled|[Pp]roduced|[Pp]hotographs?|[Pp]hotos?|[Ss]tory|[Ww]ords|[Tt]ext|[Ii]nterview)\s+by\s+\p{Lu}/u,
    max: CREDIT_LINE,
  },
  {
    id: 'credit.contributed',
    example: 'Tom Okafor contributed reporting from Accra.',
    re: /\bcontributed (?:(?:to )?(?:this |the )?(?:report|story|article|reporting)|photography|research)\b/i,
    max: CREDIT_LINE,
  },
  {
    id: 'credit.contact',
    example: 'Reach Dana Reyes at dreyes@example.com',
    re: /^(?:Reach|Contact|Follow|Email|Media contact)\b[^.]{0,80}(?:\bat\b|\bon\b|:|@)/iu,
    max: CREDIT_LINE,
  },
  {
    id: 'credit.slash',
    example: '(Dana Reyes/The Daily Ledger)',
    // not a dateline ending in a colon ("Lagos/ Accra:"), nor a line with a link ("… pic.example.com/x1")
    re: /^(?!.*\.\p{Ll}{2,}\/)\(?[^()\s][^()]{0,80}\/[^()]{0,59}[^():]\)?$/u,
    max: SHORT_LINE,
  },
  {
    id: 'credit.beat',
    example: 'Dana Reyes covers city hall for The Daily Ledger.',
    re: /\b(?:covers|writes about) [^.]{0,60}\bfor (?:the )?\p{Lu}/u,
    max: SHORT_LINE,
  },
  {
    id: 'credit.outlet-bar',
    example: 'Dana Reyes | The Daily Ledger',
    re: /^\p{Lu}[\p{L}'’.-]*(\s+\p{Lu}[\p{L}'’.-]*){1,3}\s*\|\s*\p{Lu}/u,
    max: SHORT_LINE,
  },
  {
    id: 'credit.author-bio',
    example: 'Dana Reyes is a Metro reporter covering transit and housing.',
    // a staff bio line, however long (bios run on with awards and handles)
    re: /^\p{Lu}[\p{L}'’.-]*(\s+\p{Lu}[\p{L}'’.-]*){0,3}\s+(is|was) (a|an|the) [^.]{0,80}\b(reporter|correspondent|editor|writer|journalist|columnist|contributor|photographer)\b/iu,
    max: Infinity,
  },
];

/** True when the trimmed `line` is an author or credit line (`CREDIT_LINES`). */
export function isCreditLine(line: string): boolean {
  return CREDIT_LINES.some((r) => line.length <= r.max && r.re.test(line));
}

/** Whole lines that are site furniture (matched against the trimmed line): no names worth keeping. */
const FURNITURE_LINES: RegExp[] = [
  /^(listen to this article|share full article|supported by|continue reading|story continues below|advertisement|skip to|heard on|updated \w+ \d|published \w+ \d)/i,
  /^(follow|like) us\b/i,
  /^(sign up|subscribe|get the latest|get up-to-the-minute|download|click here|share this|share on|read more|related:|read this story|read the full|see also|more:|also read|advertisement|copyright|©|all rights reserved|note to readers|editor'?s note|watch:|listen:|recommended|trending|most read|most popular|top headlines)/i,
  /\bnewsletters?\b.*\b(sign up|subscribe|inbox|email)\b|\b(sign up|subscribe)\b.*\bnewsletters?\b/i,
  /\bfirst published\b/i,
  /^(media|press) (contact|enquiries|inquiries)\b/i,
  /\.(jpe?g|png|gif|webp)\s*$/i,
];

/**
 * rule print-footer: the print-edition note ("A version of this article appears in print on …, on Page A1 …
 * with the headline: …") and the reprint links after it, to the end of the article or 12 lines.
 */
const PRINT_FOOTER = /^a version of this (article|story) appears in print\b/i;
const PRINT_FOOTER_LINES = 12;
/**
 * rule glued-credit: a photo credit that the extraction glued to the end of its caption ("… in 2014.CreditDana
 * Reyes/The Daily Ledger", "… the site.Credit…Dana Reyes"): from the cue to the end of the line.
 */
const GLUED_CREDIT = /(?<=[.!?"”’)])\s*Credit(?:Credit)?(?:\.\.\.|…)?(?=\p{Lu})/u;
const GLUED_CREDIT_MAX = 100;

/** The signature line under an embedded social-media post: "— Name (@handle) Month D, YYYY". */
export const TWEET_SIGNATURE =
  /^\s*[—–-]\s*(\p{Lu}[\p{L}.'’-]*(?: \p{Lu}[\p{L}.'’-]*){0,3}) \(@\w{1,30}\)(?: \p{Lu}\p{Ll}{2,8}\.? \d{1,2}, \d{4})?\s*$/u;

/** rule web-address: a link in the text ("pic.example.com/Ab12Cd", "https://example.org/x") names nobody. */
const WEB_ADDRESS = /\b(?:https?:\/\/)?[\w-]+(?:\.[\w-]+)*\.\p{Ll}{2,}\/[^\s()]*/gu;

/** A social-media handle in parentheses: "(@danareyes)". */
const SOCIAL_HANDLE = /\(@\w{1,30}\)/g;

/** A line written in capitals only ("FOLLOW US ON SOCIAL MEDIA") — a UI label, unless it is a dateline. */
// (was /^[^\p{Ll}]*\p{Lu}{2,}[^\p{Ll}]*\s[^\p{Ll}]*$/u, polynomial: no lower case, two capitals, a blank later)
const ALL_CAPS_LINE = {
  test: (line: string): boolean => {
    const caps = /\p{Lu}{2}/u.exec(line);
    return !!caps && !/\p{Ll}/u.test(line) && /\s/.test(line.slice(caps.index + caps[0].length));
  },
};

/** Lines after which the next short lines are link lists ("Follow us on" → "Facebook Twitter Instagram"). */
const LEADS_LIST =
  /^(follow|like|share|connect with) (us|this)\b|social media|^related( coverage| stories| articles| content| links| topics)?:?$|^(more on this story|read next|you may also like|more from)/i;

/**
 * A parenthesized credit at the end of a caption or paragraph: "(Reuters)", "(Harry Benson/Getty)",
 * "(Robbing Peter/Flickr)". Slash credits anywhere; bare names only right after a sentence end.
 */
const PAREN_CREDIT =
  /\((?:[^()]{1,80}\/[^()]{1,80}|(?:photo|image|picture|video|credit|courtesy|file)[^()]{0,120})\)/giu;
/**
 * rule glued-slash-credit: a "Name/Agency" photo credit glued after a caption's last sentence, maybe with the
 * page's caption toggle after it ("… at the church. Dana Reyes/Getty Images hide caption").
 */
const GLUED_SLASH_CREDIT =
  /(?<=[.!?]["”’]?\s)\p{Lu}[\p{L}'’.-]+(?:\s\p{Lu}[\p{L}'’.-]+){1,3}\/\p{Lu}[\p{L}&.'’-]*(?:\s\p{Lu}[\p{L}&.'’-]*){0,3}(?=(?:\s+\p{Ll}+){0,3}\s*$)/u;

/**
 * The photo credits inside a line (offsets into `line`): a glued "Credit" cue to the line's end, a
 * parenthesized credit, a glued "Name/Agency". Both views read them.
 */
export function inlineCredits(line: string): Range[] {
  const out: Range[] = [];
  const glued = GLUED_CREDIT.exec(line);
  if (glued && line.length - glued.index <= GLUED_CREDIT_MAX) out.push([glued.index, line.length]);
  PAREN_CREDIT.lastIndex = 0;
  for (let m = PAREN_CREDIT.exec(line); m; m = PAREN_CREDIT.exec(line)) out.push([m.index, m.index + m[0].length]);
  const slash = GLUED_SLASH_CREDIT.exec(line);
  if (slash) out.push([slash.index, slash.index + slash[0].length]);
  return out;
}
const PAREN_AFTER_SENTENCE = /([.!?]["”’]?)\s*\((\p{Lu}[\p{L}.'’&-]*(?:\s+\p{Lu}[\p{L}.'’&-]*){0,3})\)\s*$/u;
/** A wire tag right after a dateline: "CAIRO (AP) —", "LONDON (Reuters) -". */
const WIRE_TAG =
  /^(\p{Lu}[\p{Lu} .'-]{1,30}(?:,\s*\p{Lu}[\p{L} .]{1,30})?)\s*\((AP|AFP|Reuters|UPI|dpa|Xinhua|Bloomberg|CNN|AP Photo|[A-Z]{3,5})\)/u;

/** Finds the boilerplate ranges of `text` (sorted, non-overlapping). Linear in the text length. */
export function boilerplateRanges(text: string): Range[] {
  const ranges: Range[] = [];
  let pos = 0;
  let listLinesLeft = 0;
  let footerLinesLeft = 0;
  for (const rawLine of text.split('\n')) {
    const lineStart = pos;
    pos += rawLine.length + 1;
    const line = rawLine.trim();
    if (!line) continue;
    const lead = lineStart + rawLine.indexOf(line);
    const end = lead + line.length;
    const short = line.length <= SHORT_LINE;
    if (PRINT_FOOTER.test(line)) footerLinesLeft = PRINT_FOOTER_LINES;
    if (footerLinesLeft > 0) {
      footerLinesLeft--;
      ranges.push([lead, end]);
      continue;
    }
    if (listLinesLeft > 0 && line.length <= 80 && !/[.!?]$/.test(line)) {
      listLinesLeft--;
      ranges.push([lead, end]);
      continue;
    }
    listLinesLeft = 0;
    if (LEADS_LIST.test(line) && line.length <= 80 && !/[.!?"”]$/.test(line)) {
      ranges.push([lead, end]);
      listLinesLeft = 2;
      continue;
    }
    if (
      isCreditLine(line) ||
      (short && FURNITURE_LINES.some((re) => re.test(line))) ||
      /\bcontributed (to )?(this |the )?report/i.test(line) ||
      (/\bnewsletters?\b/i.test(line) && /\b(sign up|subscribe|inbox)\b/i.test(line)) ||
      (ALL_CAPS_LINE.test(line) && line.split(/\s+/).length >= 3 && !/[—–:-]\s*\p{Lu}?\p{Ll}/u.test(line))
    ) {
      ranges.push([lead, end]);
      continue;
    }
    // rule social-handle: "(@danareyes)" after a name is a handle, not a second name
    SOCIAL_HANDLE.lastIndex = 0;
    for (let m = SOCIAL_HANDLE.exec(line); m; m = SOCIAL_HANDLE.exec(line)) {
      ranges.push([lead + m.index, lead + m.index + m[0].length]);
    }
    WEB_ADDRESS.lastIndex = 0;
    for (let m = WEB_ADDRESS.exec(line); m; m = WEB_ADDRESS.exec(line)) {
      ranges.push([lead + m.index, lead + m.index + m[0].length]);
    }
    // credits inside a caption line
    for (const [a, b] of inlineCredits(line)) ranges.push([lead + a, lead + b]);
    const tail = PAREN_AFTER_SENTENCE.exec(line);
    if (tail) {
      const at = line.lastIndexOf('(');
      if (!ranges.some(([s]) => s === lead + at)) ranges.push([lead + at, end]);
    }
    const wire = WIRE_TAG.exec(line);
    if (wire) {
      const at = line.indexOf('(', (wire[1] ?? '').length);
      ranges.push([lead + at, lead + at + (wire[2] ?? '').length + 2]);
    }
  }
  ranges.sort((a, b) => a[0] - b[0]);
  return ranges;
}

// ---------------------------------------------------------------------------------------------------------
// Paragraph roles for the quote engine

/** A paragraph that is only a caption player's label ("toggle caption", "hide caption"). */
const CAPTION_LABEL = /^\s*(?:hide|toggle)\s+caption\s*$/i;

/** Bylines, contributor lines and photo credits: their names are not speakers or antecedents. */
export function creditSpans(text: string, paragraphs: Span[]): Span[] {
  const out: Span[] = [];
  for (const p of paragraphs) {
    const body = text.slice(p.start, p.end);
    if (isCreditLine(body)) {
      out.push(p);
      continue;
    }
    // "(Photo: Alasdair MacRae/The Highland Courier)", "… the site. Dana Reyes/Getty Images"
    for (const [a, b] of inlineCredits(body)) out.push({ start: p.start + a, end: p.start + b });
  }
  return out;
}

/**
 * A photo caption: a short paragraph ending in a parenthesized photographer/agency credit,
 * "… speaks in Hershey, Pa., on Thursday. (Lucas Jackson/Reuters)" or "(Photo: Ana Ruiz/AP)".
 */
const CAPTION_END = /\((?:(?:photo|photograph|image|credit)s?:?\s*)?[^()/]{1,60}\/[^()/]{1,60}\)\s*$/iu;

/** The photo-credit rules of CREDIT_LINES: a line of its own that credits a picture. */
const PHOTO_CREDIT_LINES = CREDIT_LINES.filter((r) => r.id === 'credit.slash' || r.id === 'credit.photo-line');

/** A line that only credits a picture, or a caption player's label ("toggle caption"). */
const photoCreditLine = (line: string): boolean =>
  CAPTION_LABEL.test(line) || PHOTO_CREDIT_LINES.some((r) => line.length <= r.max && r.re.test(line));

/**
 * The caption paragraphs: their names speak for the picture only. A short paragraph is a caption when it
 * ends in a credit (CAPTION_END, or one of `inlineCredits`, maybe followed by a player's "hide caption"), or
 * when the line after it only credits a picture (rule caption-before-credit) and it holds no quotation.
 */
export function captionSpans(text: string, paragraphs: Span[]): Span[] {
  return paragraphs.filter((p, i) => {
    if (p.end - p.start > 400) return false;
    const body = text.slice(p.start, p.end).trim();
    const endsWithCredit = inlineCredits(body).some(([, b]) => /^(?:\s+\p{Ll}+){0,3}\s*$/u.test(body.slice(b)));
    const next = paragraphs[i + 1];
    const creditAfter = !!next && photoCreditLine(text.slice(next.start, next.end).trim());
    return CAPTION_END.test(body) || endsWithCredit || (creditAfter && !/["\u201c\u201d]/.test(body));
  });
}

/** Labelled links and promotions ("Related:", "Read more:", "RELATED:"): never someone's claim. */
const LINK_LABEL =
  /^(?:related(?: coverage| stories| articles?| content| reading)?|read more|read also|also read|see also|more|watch|listen|recommended|further reading|player ratings)\s*:/i;

/** Paragraphs that hold no attributed claims: the headline line, bylines, link labels. */
export function isBoilerplate(text: string, p: Span, pi: number, credits: Span[]): boolean {
  const body = text.slice(p.start, p.end);
  if (LINK_LABEL.test(body)) return true;
  if (credits.some((c) => c.start === p.start && c.end === p.end)) return true;
  // The headline: the first line, short and without a sentence's closing punctuation.
  return pi === 0 && body.length <= 200 && !/[.!?]["'\u201d\u2019)]*$/.test(body);
}
