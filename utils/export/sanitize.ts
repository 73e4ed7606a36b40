/**
 * Checks shared by backup import and the exports (pure core, no dependencies, so the lazily loaded export
 * bundle does not pull in zod): which URLs may become links, and which invisible characters never leave
 * the extension raw.
 */

/** Is `s` an absolute http(s) URL? Anything else (`javascript:`, `data:`, `file:`) is never a saved page. */
export function isHttpUrl(s: string): boolean {
  try {
    const u = new URL(s);
    return u.protocol === 'http:' || u.protocol === 'https:';
  } catch {
    return false;
  }
}

/**
 * Bidi embedding, override and isolate controls (U+202A–U+202E, U+2066–U+2069): invisible characters that
 * reorder how the text around them is displayed ("Trojan Source"). LRM/RLM (U+200E/U+200F) are not in the
 * set: single marks that right-to-left text legitimately needs, which cannot reorder a run of text.
 */
export const BIDI_CONTROLS = /[\u202a-\u202e\u2066-\u2069]/g;

/** The text without bidi embedding, override and isolate controls. */
export function stripBidi(s: string): string {
  return s.replace(BIDI_CONTROLS, '');
}

/**
 * The bidi controls of an already JSON-encoded string written as `\uXXXX` escapes: the value stays exact
 * (a backup loses nothing) while the raw file can no longer display reordered.
 */
export function escapeBidi(json: string): string {
  return json.replace(BIDI_CONTROLS, (c) => '\\u' + c.charCodeAt(0).toString(16).padStart(4, '0'));
}
