/**
 * Plain-text articles (the CLI's `.txt` input): the same text normalization as `articleText`, so offsets
 * mean the same thing whether an article came as HTML or as text.
 */
import { foldWhitespace } from './text';

/** Normalizes plain text: lines trimmed and folded, paragraphs separated by one blank line. */
export function normalizePlainText(raw: string): string {
  return raw
    .replace(/\r\n?/g, '\n')
    .split(/\n\s*\n/)
    .map((para) =>
      para
        .split('\n')
        .map((line) => foldWhitespace(line).trim())
        .filter(Boolean)
        .join('\n'),
    )
    .filter(Boolean)
    .join('\n\n');
}

/** A title for text with no headline: its first sentence (or first line), capped at 300 characters. */
export function plainTextTitle(text: string): string {
  const firstPara = text.split('\n')[0] ?? '';
  const m = /^.*?[.!?](?=\s+[A-Z"“‘']|\s*$)/.exec(firstPara);
  return (m ? m[0] : firstPara).slice(0, 300).trim();
}
