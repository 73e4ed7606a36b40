/**
 * The one boilerplate detector: site furniture that Readability keeps inside article text — photo credits,
 * bylines, contributor lines, sign-up and "follow us" prompts, related-link labels, captions, the headline
 * line, social-media signatures — found by line shape and cue words. Two views of it:
 *  - `boilerplateRanges`: character ranges whose names do not become entities (the entity engine);
 *  - `creditSpans`, `captionSpans`, `isBoilerplate`: paragraph roles for the quote engine — author lines
 *    whose names are no speakers or antecedents, captions whose names are no antecedents outside them,
 *    paragraphs that carry no claims.
 * The two views' byline patterns (LINE_PATTERNS for entities, BYLINE_LINES for speakers) still differ in
 * detail; using one set for both changes five snapshot files, so it waits for a commit that means to
 * change output.
 */
import type { Span } from '../sentences';

/** A half-open character range [start, end) of `text` to ignore. */
export type Range = [number, number];

/** Whole lines that are site furniture: matched against the trimmed line. */
const LINE_PATTERNS: RegExp[] = [
  /^(photo|image|video|graphic|illustration|file photo)s?\s*(by|:|credit|courtesy)/i,
  /^(photo|image|picture)s?\s*credit/i,
  /^(photograph|credit)\s*(:|\.\.\.|…)/i, // Guardian "Photograph: X/PA", NYT "Credit...X/The New York Times"
  /^(listen to this article|share full article|supported by|continue reading|story continues below|advertisement|skip to|heard on|updated \w+ \d|published \w+ \d)/i,
  /^(image|video|media|photo) source\b/i, // BBC: "Image source, Getty Images"
  /^[Bb][Yy]\s+\p{Lu}[\p{L}.'’-]*(\s+\p{Lu}[\p{L}.'’-]*){0,3}(\s*(,|and|&)\s*\p{Lu}[\p{L}.'’-]*(\s+\p{Lu}[\p{L}.'’-]*){0,3})*\s*(,[^.]{0,40})?$/u,
  /\bcontributed (to )?(this |the )?(report|story|article|reporting)\b/i,
  /^\(?(additional )?(reporting|writing|editing) by\b/i,
  /^(follow|like) us\b/i,
  /^(sign up|subscribe|get the latest|get up-to-the-minute|download|click here|share this|share on|read more|related:|read this story|read the full|see also|more:|also read|advertisement|copyright|©|all rights reserved|note to readers|editor'?s note|watch:|listen:|recommended|trending|most read|most popular|top headlines)/i,
  /\bnewsletters?\b.*\b(sign up|subscribe|inbox|email)\b|\b(sign up|subscribe)\b.*\bnewsletters?\b/i,
  /\bfirst published\b/i,
  /^(media|press) (contact|enquiries|inquiries)\b/i,
  /\.(jpe?g|png|gif|webp)\s*$/i,
  // "Scott Heins/Gothamist", "(Mike Cason/mcason@al.com)" — not a dateline ending in a colon ("Lagos/ Accra:")
  /^\(?[^()\s][^()]{0,80}\/[^()]{0,59}[^():]\)?$/,
  /\b(covers|writes about) [^.]{0,60}\bfor (the )?\p{Lu}/u,
  /^\p{Lu}[\p{L}'’.-]*(\s+\p{Lu}[\p{L}'’.-]*){1,3}\s*\|\s*\p{Lu}/u, // "Name | Outlet"
];

/**
 * rule author-bio: "Dana Reyes is a Metro reporter covering …" — a staff bio line, however long (bios run on
 * with awards and handles, so the short-line limit of LINE_PATTERNS does not apply).
 */
const BIO_LINE =
  /^\p{Lu}[\p{L}'’.-]*(\s+\p{Lu}[\p{L}'’.-]*){0,3}\s+(is|was) (a|an|the) [^.]{0,80}\b(reporter|correspondent|editor|writer|journalist|columnist|contributor)\b/iu;
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
const PAREN_CREDIT = /\((?:[^()]{1,80}\/[^()]{1,80}|(?:photo|image|credit|courtesy|file)[^()]{0,80})\)/giu;
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
    const short = line.length <= 120;
    if (PRINT_FOOTER.test(line)) footerLinesLeft = PRINT_FOOTER_LINES;
    if (footerLinesLeft > 0 || BIO_LINE.test(line)) {
      if (footerLinesLeft > 0) footerLinesLeft--;
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
      (short && LINE_PATTERNS.some((re) => re.test(line))) ||
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
    // credits inside a caption line
    const glued = GLUED_CREDIT.exec(line);
    if (glued && line.length - glued.index <= GLUED_CREDIT_MAX) ranges.push([lead + glued.index, end]);
    PAREN_CREDIT.lastIndex = 0;
    for (let m = PAREN_CREDIT.exec(line); m; m = PAREN_CREDIT.exec(line)) {
      ranges.push([lead + m.index, lead + m.index + m[0].length]);
    }
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

/** Byline and contributor lines: they name the article's authors, who are never its sources. */
export const BYLINE_LINES: readonly RegExp[] = [
  // "By Eilidh Strachan", "By Moses Kiprotich and Lena Achterberg, Associated Press" — but not a sentence
  // ("By Tuesday, officials said the water had receded.").
  /^By\s+(?!(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|January|February|March|April|May|June|July|August|September|October|November|December|The|Then|Now|Late|Early|Mid)\b)\p{Lu}[^!?]{0,150}(?<![.!?]["'\u201d\u2019]?)$/u,
  /^(?:Additional |Further )?(?:Reporting|Writing|Editing|Edited|Compiled|Produced|Photographs?|Photos?|Story|Words|Text|Interview)\s+by\s+\p{Lu}/iu,
  /\bcontributed (?:reporting|to this (?:report|article|story)|photography|research)\b/i,
  /^(?:Reach|Contact|Follow|Email|Media contact)\b[^.]{0,80}(?:\bat\b|\bon\b|:|@)/iu,
  /^(?:\p{Lu}[\p{L}'\u2019.-]+ ){1,3}(?:is|was) (?:a|an|the) [\p{L} -]{0,40}(?:correspondent|reporter|editor|writer|columnist|journalist|photographer)\b/u,
];

/**
 * rule slash-credit: a photo credit written "Photographer/Agency" at the end of a caption paragraph or as a
 * line of its own, with the "hide caption" / "toggle caption" labels of some players ("Ana Ruiz/Getty Images
 * hide caption"). Group 1 is the credit.
 */
export const SLASH_CREDIT =
  /(?:^|[.!?)\u201d"]\s+)((?:\p{Lu}[\p{L}'\u2019.-]*\s+){1,3}\p{Lu}[\p{L}'\u2019.-]*\s*\/\s*\p{Lu}[\p{L}&.'\u2019-]*(?:[^\S\n]\p{Lu}[\p{L}&.'\u2019-]*){0,3})(?:[^\S\n]+(?:hide|toggle)[^\S\n]+caption)?[^\S\n]*$/u;

/** A paragraph that is only a caption player's label ("toggle caption", "hide caption"). */
const CAPTION_LABEL = /^\s*(?:hide|toggle)\s+caption\s*$/i;

/** Bylines, contributor lines and photo credits: their names are not speakers or antecedents. */
export function creditSpans(text: string, paragraphs: Span[]): Span[] {
  const out: Span[] = [];
  for (const p of paragraphs) {
    const body = text.slice(p.start, p.end);
    if (body.length <= 240 && BYLINE_LINES.some((re) => re.test(body))) {
      out.push(p);
      continue;
    }
    const slash = body.length <= 400 ? SLASH_CREDIT.exec(body) : null;
    if (slash) {
      const at = p.start + slash.index + slash[0].indexOf(slash[1]!);
      out.push({ start: at, end: p.end });
      continue;
    }
    // "(Photo: Alasdair MacRae/The Highland Courier)"
    const credit = /\((?:Photo|Photograph|Picture|Image|Credit|Video)s?\b[^()]{0,120}\)/gi;
    for (let m = credit.exec(body); m; m = credit.exec(body)) {
      out.push({ start: p.start + m.index, end: p.start + m.index + m[0].length });
    }
  }
  return out;
}

/**
 * A photo caption: a short paragraph ending in a parenthesized photographer/agency credit,
 * "… speaks in Hershey, Pa., on Thursday. (Lucas Jackson/Reuters)" or "(Photo: Ana Ruiz/AP)".
 */
const CAPTION_END = /\((?:(?:photo|photograph|image|credit)s?:?\s*)?[^()/]{1,60}\/[^()/]{1,60}\)\s*$/iu;

/** The caption paragraphs (see CAPTION_END): their names speak for the picture only. */
export function captionSpans(text: string, paragraphs: Span[]): Span[] {
  // rule caption-before-credit: a short paragraph followed by a credit line or a caption label is a caption
  const creditLine = (p: Span | undefined): boolean => {
    if (!p) return false;
    const body = text.slice(p.start, p.end);
    return (
      CAPTION_LABEL.test(body) || (body.length <= 80 && SLASH_CREDIT.test(body) && SLASH_CREDIT.exec(body)!.index === 0)
    );
  };
  return paragraphs.filter((p, i) => {
    if (p.end - p.start > 400) return false;
    const body = text.slice(p.start, p.end);
    // a paragraph with a quotation in it is the body's, even beside a picture's credit
    return (
      CAPTION_END.test(body) ||
      SLASH_CREDIT.test(body) ||
      (creditLine(paragraphs[i + 1]) && !/["\u201c\u201d]/.test(body))
    );
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
