/**
 * Tokenizer for the entity engine: words, numbers and punctuation with exact character offsets, line numbers,
 * and a sentence-start flag, so capitalized spans can be chunked without re-reading the text. One linear pass.
 */
import { abbreviationsFor } from './lexicons/abbreviations';

/** What kind of token: a word (letters, maybe with inner apostrophes/hyphens or abbreviation dots), a number, or one punctuation character. */
export type TokenKind = 'word' | 'num' | 'punct';

/** One token of the text. `text === source.slice(start, end)`. */
export interface Token {
  text: string;
  start: number;
  end: number;
  kind: TokenKind;
  /** First character is an uppercase letter. */
  cap: boolean;
  /** At least two letters and no lowercase letter ("USAID", "U.S.", "G40"). */
  upper: boolean;
  /** First word of a sentence or of a line (after . ! ? : or a line break, opening quotes skipped). */
  sentStart: boolean;
  /** Index of the line (text split on "\n") the token is on. */
  line: number;
  /** A possessive "'s" / "’s" split off the previous word. */
  possessive: boolean;
}

/**
 * Abbreviations that keep their period (the period does not end a sentence after these). Titles and initials
 * never end a sentence; the rest may, when the next word is capitalized and a function word.
 */
const TITLE_ABBREVS = abbreviationsFor('title');
const OTHER_ABBREVS = abbreviationsFor('token');

// A dotted acronym (U.S., U.N.), a word (letters/digits with inner apostrophes, hyphens, soft hyphens, dots
// between letters as in "W.Va."), a number (with inner . , :), or any other single non-space character.
const TOKEN_RE =
  /(\p{L}\.(?:\p{L}\.)+)|([\p{L}\p{N}][\p{L}\p{M}\p{N}]*(?:['’\-\u2010\u2011\u00AD][\p{L}\p{M}\p{N}]+)*)|(\S)/gu;
const POSSESSIVE_RE = /['’]s$/;
const UPPER_START = /^\p{Lu}/u;
const HAS_LOWER = /\p{Ll}/u;
const LETTERS2 = /\p{L}.*\p{L}|\p{L}\p{N}/u;
const DIGIT_START = /^\p{N}/u;
const OPENERS = new Set(['"', '“', '‘', "'", '(', '[', '«', '„', '*', '•', '-', '–', '—', '·']);
const ENDERS = new Set(['.', '!', '?', ':', ';', '…']);

function makeToken(text: string, start: number, kind: TokenKind, line: number, possessive = false): Token {
  const cap = kind === 'word' && UPPER_START.test(text);
  return {
    text,
    start,
    end: start + text.length,
    kind,
    cap,
    upper: cap && !HAS_LOWER.test(text) && LETTERS2.test(text),
    sentStart: false,
    line,
    possessive,
  };
}

/** True when `tok` is a word ending in an abbreviation period that cannot end a sentence (titles, initials). */
export function isTitleAbbrev(tok: Token): boolean {
  if (!tok.text.endsWith('.')) return false;
  const bare = tok.text.slice(0, -1);
  return TITLE_ABBREVS.has(bare) || /^\p{Lu}$/u.test(bare);
}

/** Tokenizes `text` in one pass; offsets are exact (`text.slice(t.start, t.end) === t.text`). */
export function tokenize(text: string): Token[] {
  const out: Token[] = [];
  let line = 0;
  let lastEnd = 0;
  TOKEN_RE.lastIndex = 0;
  for (let m = TOKEN_RE.exec(text); m; m = TOKEN_RE.exec(text)) {
    const start = m.index;
    // count line breaks in the gap (the gap is whitespace only, so this stays linear)
    for (let i = lastEnd; i < start; i++) if (text.charCodeAt(i) === 10) line++;
    let word = m[0];
    let end = start + word.length;
    if (m[1]) {
      out.push(makeToken(word, start, 'word', line));
    } else if (m[2]) {
      const kind: TokenKind = DIGIT_START.test(word) && !/\p{L}/u.test(word) ? 'num' : 'word';
      if (kind === 'word' && POSSESSIVE_RE.test(word) && word.length > 2) {
        const stem = word.slice(0, -2);
        out.push(makeToken(stem, start, 'word', line));
        out.push(makeToken(word.slice(-2), start + stem.length, 'punct', line, true));
      } else {
        // keep the period of known abbreviations and of single-letter initials ("Nelson A. Rockefeller")
        if (kind === 'word' && text[end] === '.') {
          // "ST. LOUIS" in a capitalized dateline abbreviates like "St. Louis"
          const tc = word.length <= 4 && word === word.toUpperCase() ? word[0] + word.slice(1).toLowerCase() : word;
          if (TITLE_ABBREVS.has(tc) || OTHER_ABBREVS.has(tc) || /^\p{Lu}$/u.test(word)) {
            word += '.';
            end++;
            TOKEN_RE.lastIndex = end;
          }
        }
        out.push(makeToken(word, start, kind, line));
      }
    } else {
      // possessive after a dotted acronym ("U.S.'s")
      if ((word === "'" || word === '’') && text[end] === 's' && !/[\p{L}\p{N}]/u.test(text[end + 1] ?? '')) {
        const prev = out[out.length - 1];
        if (prev && prev.end === start && prev.kind === 'word') {
          out.push(makeToken(word + 's', start, 'punct', line, true));
          TOKEN_RE.lastIndex = end + 1;
          lastEnd = end + 1;
          continue;
        }
      }
      out.push(makeToken(word, start, 'punct', line));
    }
    lastEnd = end;
  }
  markSentenceStarts(out);
  return out;
}

/** Sets `sentStart` on the first word of each sentence and each line. */
function markSentenceStarts(tokens: Token[]): void {
  let boundary = true; // text start
  let prevLine = -1;
  let prevWord: Token | null = null;
  for (const t of tokens) {
    if (t.line !== prevLine) {
      boundary = true;
      prevLine = t.line;
    }
    if (t.kind === 'punct') {
      if (ENDERS.has(t.text)) boundary = true;
      else if (!OPENERS.has(t.text) && !['"', '”', '’', "'", ')', ']', '»'].includes(t.text) && !t.possessive)
        boundary = false;
      continue;
    }
    if (!boundary && prevWord && prevWord.text.endsWith('.') && !isTitleAbbrev(prevWord) && t.cap) {
      // "… Inc. The company" — a non-title abbreviation followed by a capitalized word may end the sentence;
      // dotted acronyms ("U.S. Embassy") usually do not, so only a following function word counts.
      boundary = /^(The|A|An|It|He|She|They|We|I|In|On|But|And|This|That|There|His|Her|Their)$/.test(t.text);
    }
    t.sentStart = boundary;
    boundary = false;
    prevWord = t;
  }
}

/**
 * The quote engine's view of the tokens: one entry per word or number, a possessive folded back into its
 * word ("Mali's"), the abbreviation period outside `w` but inside the offsets when the tokenizer kept it.
 * No second scan: the words are read off `tokens`.
 */
export interface WordView {
  s: number;
  e: number;
  w: string;
  lw: string;
}

/** The words of `tokens` (see `WordView`). */
export function wordsOf(tokens: readonly Token[]): WordView[] {
  const out: WordView[] = [];
  for (const t of tokens) {
    if (t.possessive) {
      const prev = out[out.length - 1];
      if (prev && prev.e === t.start) {
        prev.w += t.text;
        prev.lw = prev.w.toLowerCase();
        prev.e = t.end;
      }
      continue;
    }
    if (t.kind === 'punct') continue;
    const w = t.text.endsWith('.') ? t.text.slice(0, -1) : t.text;
    out.push({ s: t.start, e: t.end, w, lw: w.toLowerCase() });
  }
  return out;
}
