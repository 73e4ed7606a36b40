/**
 * Text-fragment links (pure core): a URL that scrolls to and highlights a saved passage
 * (`https://…/story#:~:text=start,end`), the fallback way to "jump to the annotation" when the page's own
 * Sourcelight panel is not available, and the link back to the passage in Markdown exports.
 */
import type { TextQuoteSelector } from '../db/schema';

/** Passages up to this length are linked whole; longer ones as `start,end` word runs. */
const WHOLE_LIMIT = 80;
/** Words kept at each end of a long passage. */
const EDGE_WORDS = 5;

/**
 * Percent-encodes a text directive term. Besides what `encodeURIComponent` encodes, `-`, `,` and `&` are
 * syntax inside `:~:text=`, and `(`/`)`/`'`/`!`/`*` would break or confuse a Markdown link destination.
 */
export function encodeFragmentTerm(s: string): string {
  return encodeURIComponent(s).replace(/[-,&()'!*~]/g, (c) => '%' + c.charCodeAt(0).toString(16).toUpperCase());
}

/** Percent-encodes a page URL so it is safe as a Markdown link destination (no spaces, parentheses, `<>`). */
export function safeUrl(url: string): string {
  let href = url;
  try {
    href = new URL(url).href;
  } catch {
    // not an absolute URL: keep it, encoded below
  }
  return href.replace(/[\s()<>"'`\\]/g, (c) =>
    encodeURIComponent(c).replace(/[()'"]/g, (p) => '%' + p.charCodeAt(0).toString(16).toUpperCase()),
  );
}

/**
 * The page URL with a `#:~:text=` directive for the passage (the page's own fragment is replaced: saved
 * URLs are normalized without one). Long passages use the `start,end` form so the URL stays short;
 * very short ones get their prefix/suffix context so the browser picks the right occurrence.
 */
export function textFragmentUrl(pageUrl: string, quote: TextQuoteSelector): string {
  return fragmentBase(pageUrl) + textDirective(quote);
}

/** The part of a text-fragment URL before the directive: the safe page URL without its fragment. */
export function fragmentBase(pageUrl: string): string {
  return safeUrl(pageUrl.replace(/#.*/s, ''));
}

/** `#:~:text=…` for the passage, or '' for an empty one. Append to `fragmentBase(url)`. */
export function textDirective(quote: TextQuoteSelector): string {
  const exact = quote.exact.replace(/\s+/g, ' ').trim();
  if (!exact) return '';
  let directive: string;
  if (exact.length <= WHOLE_LIMIT) {
    directive = encodeFragmentTerm(exact);
    if (exact.length < 20) {
      const prefix = lastWords(quote.prefix, 3);
      const suffix = firstWords(quote.suffix, 3);
      if (prefix) directive = encodeFragmentTerm(prefix) + '-,' + directive;
      if (suffix) directive = directive + ',-' + encodeFragmentTerm(suffix);
    }
  } else {
    const words = exact.split(' ');
    if (words.length <= EDGE_WORDS * 2) directive = encodeFragmentTerm(exact);
    else
      directive =
        encodeFragmentTerm(words.slice(0, EDGE_WORDS).join(' ')) +
        ',' +
        encodeFragmentTerm(words.slice(-EDGE_WORDS).join(' '));
  }
  return `#:~:text=${directive}`;
}

/** Selector context shorter than this is the whole text up to the passage, so its edge word is whole. */
const FULL_CONTEXT = 32;

/**
 * The last n whole words of a prefix, or '' when the prefix does not end at a word boundary (a text
 * directive's prefix must end where a word ends).
 */
function lastWords(s: string, n: number): string {
  if (!/\s$/.test(s)) return '';
  const words = s.trim().split(/\s+/).filter(Boolean);
  // With full-length context the first word may be cut mid-word.
  const whole = s.length >= FULL_CONTEXT ? words.slice(1) : words;
  return whole.slice(-n).join(' ');
}

/** The first n whole words of a suffix, or '' when it does not start at a word boundary. */
function firstWords(s: string, n: number): string {
  if (!/^\s/.test(s)) return '';
  const words = s.trim().split(/\s+/).filter(Boolean);
  const whole = s.length >= FULL_CONTEXT ? words.slice(0, -1) : words;
  return whole.slice(0, n).join(' ');
}
