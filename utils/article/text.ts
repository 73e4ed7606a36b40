/**
 * Article text: turns a DOM subtree into the plain text that every analysis offset refers to.
 * Block elements become paragraph breaks and runs of white space fold to one space, so the same
 * article gives the same text in jsdom, happy-dom and a real browser.
 */

const BLOCK = new Set([
  'ADDRESS',
  'ARTICLE',
  'ASIDE',
  'BLOCKQUOTE',
  'DD',
  'DETAILS',
  'DIV',
  'DL',
  'DT',
  'FIELDSET',
  'FIGCAPTION',
  'FIGURE',
  'FOOTER',
  'FORM',
  'H1',
  'H2',
  'H3',
  'H4',
  'H5',
  'H6',
  'HEADER',
  'HR',
  'LI',
  'MAIN',
  'NAV',
  'OL',
  'P',
  'PRE',
  'SECTION',
  'SUMMARY',
  'TABLE',
  'TBODY',
  'TD',
  'TFOOT',
  'TH',
  'THEAD',
  'TR',
  'UL',
  'CAPTION',
]);
const SKIP = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'SVG', 'IFRAME', 'OBJECT', 'BUTTON', 'SELECT']);

/** Whether an element starts a new block of text. */
export function isBlockElement(el: Element): boolean {
  return BLOCK.has(el.tagName.toUpperCase());
}

/** Whether an element's text never counts as article text. */
export function isSkippedElement(el: Element): boolean {
  return SKIP.has(el.tagName.toUpperCase());
}

/**
 * Normalizes raw text the way `articleText` does: soft hyphens and zero-width characters dropped,
 * every white-space run folded to one space.
 */
export function foldWhitespace(s: string): string {
  return s.replace(INVISIBLE, '').replace(/[\s\u00a0]+/g, ' ');
}

/** Characters that render as nothing: soft hyphen, zero-width space/joiners, word joiner, BOM. */
export const INVISIBLE = /[\u00ad\u200b\u200c\u2060\ufeff]|\u200d/g;

/**
 * The plain text of `root`: paragraphs separated by a blank line, white space folded, trimmed.
 * Line breaks (`<br>`) become a single newline.
 */
export function articleText(root: Node): string {
  const parts: string[] = [];
  // pending break: 0 none, 1 line, 2 paragraph
  let pending = 0;
  let atStart = true;
  const push = (s: string) => {
    if (!s) return;
    if (pending && !atStart) {
      s = s.replace(/^ +/, '');
      // white space alone between blocks neither emits the break nor cancels it
      if (!s) return;
      // drop the space before a break
      if (parts.length) parts[parts.length - 1] = parts[parts.length - 1]!.replace(/(?<! ) +$/, '');
      parts.push(pending === 2 ? '\n\n' : '\n');
    } else if (atStart) {
      s = s.replace(/^ +/, '');
      if (!s) return;
    } else if (s.startsWith(' ') && /[ \n]$/.test(parts[parts.length - 1] ?? '')) {
      s = s.replace(/^ +/, '');
      if (!s) return;
    }
    pending = 0;
    atStart = false;
    parts.push(s);
  };
  const walk = (node: Node) => {
    if (node.nodeType === 3) {
      push(foldWhitespace(node.nodeValue ?? ''));
      return;
    }
    if (node.nodeType !== 1 && node.nodeType !== 9 && node.nodeType !== 11) return;
    const el = node as Element;
    if (node.nodeType === 1) {
      if (isSkippedElement(el)) return;
      if (el.tagName.toUpperCase() === 'BR') {
        pending = Math.max(pending, 1);
        return;
      }
    }
    const block = node.nodeType === 1 && isBlockElement(el);
    if (block) pending = 2;
    for (let c = node.firstChild; c; c = c.nextSibling) walk(c);
    if (block) pending = 2;
  };
  walk(root);
  return parts.join('').replace(/(?<! ) +$/, '');
}
