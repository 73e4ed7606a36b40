/**
 * Highlight styles (DOM layer). The default `::highlight(sourcelight-*)` rules ship as the content script's
 * own CSS (manifest `css`: no node in the page); custom colors from the settings are layered on top with
 * a constructed stylesheet in `document.adoptedStyleSheets`, which also adds no node and is removed again.
 */
import { CATEGORIES, DEFAULT_COLORS, type Category } from './categories';
import { FLASH_NAME, highlightName } from './draw';

/** A color the settings may hold: a 6-digit hex color, nothing that could smuggle CSS. */
export const COLOR_RE = /^#[0-9a-f]{6}$/i;

/** The `::highlight` rules for `colors` (invalid colors fall back to the defaults). */
export function highlightCss(colors: Partial<Record<Category, string>>): string {
  const rules = CATEGORIES.map((c) => {
    const color = colors[c] && COLOR_RE.test(colors[c]!) ? colors[c]! : DEFAULT_COLORS[c];
    return `::highlight(${highlightName(c)}) { background-color: ${color}; color: #111; }`;
  });
  rules.push(`::highlight(${FLASH_NAME}) { background-color: #f59e0b; color: #000; }`);
  return rules.join('\n');
}

/**
 * Applies custom colors to `doc` through an adopted stylesheet; returns the function that takes it away.
 * Best effort: where adoption is refused (some Firefox content-script realms), the shipped defaults stay.
 */
export function applyColors(doc: Document, colors: Partial<Record<Category, string>>): () => void {
  try {
    const win = doc.defaultView as (Window & typeof globalThis) | null;
    const Sheet = win?.CSSStyleSheet ?? globalThis.CSSStyleSheet;
    if (!Sheet || !('adoptedStyleSheets' in doc)) return () => undefined;
    const sheet = new Sheet();
    sheet.replaceSync(highlightCss(colors));
    doc.adoptedStyleSheets = [...doc.adoptedStyleSheets, sheet];
    return () => {
      try {
        doc.adoptedStyleSheets = doc.adoptedStyleSheets.filter((s) => s !== sheet);
      } catch {
        // the document is gone
      }
    };
  } catch {
    return () => undefined;
  }
}
