/**
 * Stage 4 of the entity engine: links between neighbouring candidates that the text states outright — an
 * acronym in parentheses after its expansion ("… Development (USAID)"), a short name given with "known as",
 * and a list of names that ends in a product word ("the Camry, RAV4 and Corolla Cross models").
 */
import { trace, type Cand, type Ctx } from './model';

/** A named link rule: `link` marks the candidates it applies to. */
export interface LinkRule {
  id: string;
  /** A text where the rule links (or weakens) a candidate. */
  example: string;
  link(ctx: Ctx, cands: Cand[]): void;
}

/** The link rules, in the order they run. */
export const LINK_RULES: readonly LinkRule[] = [
  {
    // acronyms in parentheses right after a name: "US Agency for International Development (USAID)"
    id: 'entity.link.paren-acronym',
    example: 'the US Agency for International Development (USAID) said',
    link: (ctx, cands) => {
      const { at } = ctx;
      for (let ci = 0; ci + 1 < cands.length; ci++) {
        const c = cands[ci]!;
        const next = cands[ci + 1]!;
        if (next.a !== c.b + 2 || next.a !== next.b) continue;
        if (at(c.b + 1)?.text !== '(' || at(next.b + 1)?.text !== ')') continue;
        const acr = next.words[0] ?? '';
        if (c.words.length < 2 || !/^\p{Lu}/u.test(acr) || acr.length > 10) continue;
        const initials = c.words.map((w) => w[0]).join('');
        if (initials.includes(acr[0]!)) alias(ctx, next, c, 'entity.link.paren-acronym');
      }
    },
  },
  {
    // "the National Water Commission, known as Conagua": a short name given in the text
    id: 'entity.link.known-as',
    example: 'the National Water Commission, known as Conagua, said',
    link: (ctx, cands) => {
      const { at } = ctx;
      for (let ci = 0; ci + 1 < cands.length; ci++) {
        const c = cands[ci]!;
        const next = cands[ci + 1]!;
        if (next.b - next.a > 3 || c.words.length < 2 || next.a !== c.b + 4) continue;
        if (at(c.b + 1)?.text !== ',' || at(c.b + 2)?.text !== 'known' || at(c.b + 3)?.text !== 'as') continue;
        alias(ctx, next, c, 'entity.link.known-as');
      }
    },
  },
  {
    // "the Camry, RAV4 and Corolla Cross models": a list that ends in a product word is a list of products
    id: 'entity.link.product-list',
    example: 'sales of the Camry, Zorvex and Quillby models fell',
    link: (ctx, cands) => {
      const { tokens, lx } = ctx;
      for (const c of cands) {
        if (c.known) continue;
        let i = c.b + 1;
        let listed = false;
        while (i < tokens.length && i - c.b <= 12) {
          const t = tokens[i]!;
          if (t.text === ',' || t.text === 'and' || t.text === 'or') listed = true;
          else if (!(t.kind === 'word' && t.cap) && t.kind !== 'num') break;
          i++;
        }
        const w = tokens[i];
        if (listed && w?.kind === 'word' && !w.cap && lx.productAfter.has(w.text)) {
          c.weak = true;
          trace(ctx, c.rules, 'entity.link.product-list');
        }
      }
    },
  },
];

function alias(ctx: Ctx, short: Cand, full: Cand, id: string): void {
  short.parenAlias = full;
  short.weak = false;
  trace(ctx, short.rules, id);
}

/** Runs the link rules over the candidates, in text order. */
export function linkCandidates(ctx: Ctx, cands: Cand[]): void {
  for (const r of LINK_RULES) r.link(ctx, cands);
}
