/**
 * Where entity mentions are clutter, not sources (DOM layer): headings, captions, credit and contributor
 * lists. A table of named rules, each with an example; `clutterRule` names the first rule an element
 * matches. Mentions there are never coloured (quotes still are: a claim is a claim wherever it sits).
 *
 * And the "Sources" density (the default, issue 15): each entity is coloured once, at its first mention in
 * the body text, because that is where a reader meets it — later mentions repeat what the panel already
 * lists, and hovering the entity's row in the panel shows every one. Once per paragraph was the
 * alternative; a 40-paragraph article naming its protagonist in each would still be a wall of colour.
 */

/** A clutter rule: a name, an example, and either a CSS selector or a test on the block's text. */
export interface ClutterRule {
  name: string;
  example: string;
  selector?: string;
  text?: RegExp;
}

/** A credit line: "Reporting by …", "Additional reporting by …", "Edited by …", "Contributors: …". */
const CREDIT_LINE =
  /^\s*(?:(?:additional\s+)?(?:reporting|writing|editing|research|photography|graphics|production|compiled|written|edited|produced|contributing)\b.{0,40}?\bby\b|(?:contributors?|credits?|staff)\s*:)/iu;

/** The rules, checked in order. */
export const CLUTTER_RULES: readonly ClutterRule[] = [
  {
    name: 'heading',
    example: '<h2>Maria Lopes answers critics</h2>',
    selector: 'h1, h2, h3, h4, h5, h6, [role=heading]',
  },
  {
    name: 'caption',
    example: '<figcaption>Maria Lopes in Lisbon. Photo: AP</figcaption>',
    selector: 'figcaption, caption, [class*="caption" i]',
  },
  {
    name: 'credits',
    example: '<ul class="contributors"><li>Ana Silva</li>…</ul>',
    selector:
      '[class*="credit" i], [class*="contributor" i], [class*="byline" i], [class*="author" i], [rel~=author], address',
  },
  { name: 'credit line', example: '<p>Reporting by Ana Silva and Rui Costa; editing by Jo Lee</p>', text: CREDIT_LINE },
];

const SELECTOR = CLUTTER_RULES.filter((r) => r.selector)
  .map((r) => r.selector)
  .join(', ');
const BLOCKS = 'p, li, dd, dt, td, th, div, section, blockquote';

/** The name of the clutter rule `el` falls under, or null for body text. */
export function clutterRule(el: Element | null): string | null {
  if (!el) return null;
  const hit = el.closest(SELECTOR);
  if (hit) for (const r of CLUTTER_RULES) if (r.selector && hit.matches(r.selector)) return r.name;
  const block = el.closest(BLOCKS);
  const text = block?.textContent?.slice(0, 200) ?? '';
  for (const r of CLUTTER_RULES) if (r.text?.test(text)) return r.name;
  return null;
}

/** The element a range starts in (its text node's parent). */
export function elementOf(range: Range): Element | null {
  const n = range.startContainer;
  return n.nodeType === 1 ? (n as Element) : n.parentElement;
}

/**
 * A roll of names: a block where entity mentions cover most of the text (a contributor list at the end of
 * an article, a photo credit line) — coloured, it becomes a wall of names. Five mentions at least, and
 * mentions cover more than half of the block's letters.
 */
export function isNameRoll(mentions: number, mentionChars: number, blockChars: number): boolean {
  return mentions >= 5 && blockChars > 0 && mentionChars / blockChars > 0.5;
}

/** The block element of a mention, for the name-roll count. */
export function blockOf(el: Element | null): Element | null {
  return el?.closest(BLOCKS) ?? null;
}

/** An anchored analysis item, for `drawnKeys`: entity mentions carry their entity's index. */
export interface DrawCandidate {
  key: string;
  /** The entity's index for a mention; null for a quote (always drawn). */
  entity: number | null;
  range: Range;
}

/**
 * The keys to colour at a density: quotes always; entity mentions outside clutter and name rolls — all of
 * them for "everything", the first per entity for "sources". Block checks are cached per block, so a
 * page with thousands of mentions reads each block's text once.
 */
export function drawnKeys(candidates: readonly DrawCandidate[], density: 'sources' | 'everything'): Set<string> {
  const stats = new Map<Element, { n: number; chars: number }>();
  const blockOfMention = new Map<string, Element | null>();
  for (const c of candidates) {
    if (c.entity === null) continue;
    const b = blockOf(elementOf(c.range));
    blockOfMention.set(c.key, b);
    if (!b) continue;
    const st = stats.get(b) ?? { n: 0, chars: 0 };
    st.n++;
    st.chars += c.range.toString().length;
    stats.set(b, st);
  }
  const rollCache = new Map<Element, boolean>();
  const ruleCache = new Map<Element, string | null>();
  const out = new Set<string>();
  const seen = new Set<number>();
  for (const c of candidates) {
    if (c.entity === null) {
      out.add(c.key);
      continue;
    }
    const el = elementOf(c.range);
    if (!el) continue;
    let rule = ruleCache.get(el);
    if (rule === undefined) ruleCache.set(el, (rule = clutterRule(el)));
    if (rule) continue;
    const b = blockOfMention.get(c.key) ?? null;
    if (b) {
      let roll = rollCache.get(b);
      if (roll === undefined) {
        const st = stats.get(b)!;
        // only blocks with enough mentions are measured at all
        roll = st.n >= 5 && isNameRoll(st.n, st.chars, (b.textContent ?? '').replace(/\s+/g, '').length);
        rollCache.set(b, roll);
      }
      if (roll) continue;
    }
    if (density === 'sources') {
      if (seen.has(c.entity)) continue;
      seen.add(c.entity);
    }
    out.add(c.key);
  }
  return out;
}
