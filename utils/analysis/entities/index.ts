/**
 * Named-entity engine: finds the people, organizations and places of an article with every mention, in pure
 * TypeScript and without model weights. A pipeline of stages, each in its own module, run in this order:
 *  0. context (./context.ts): tokens, boilerplate mask, heading lines, the article's lowercase vocabulary;
 *  1. chunking (./chunk.ts): capitalized spans grown by named growth rules (particles, "of/for/and" inside
 *     licensed names, "&", possessives, numbers);
 *  2. refining (./refine.ts): trims and named split rules (titles, datelines, "X of Y");
 *  3. evidence (./evidence.ts, ./rules.ts): the table of named evidence rules votes each candidate's type;
 *  4. links (./links.ts): acronyms in parentheses, "known as", product lists;
 *  5. coordination (./coordinate.ts): listed names share a type;
 *  6. clustering (./cluster.ts): mentions into entities, short forms to full forms, type by vote.
 * Every mention records the ids of the rules that found and typed it (`Mention.rules`). Every stage is linear
 * in the text length.
 */
import { lexicon } from '../lexicons/gazetteer';
import type { Entity } from '../types';
import { chunkSpans } from './chunk';
import { cluster } from './cluster';
import { buildContext } from './context';
import { coordinate } from './coordinate';
import { linkCandidates } from './links';
import { bare, type Cand } from './model';
import { refineSpan } from './refine';

export { kickerLineCount } from './context';

/** Finds every person, organization and place in `text`, with exact mention offsets. */
export function findEntities(text: string): Entity[] {
  return run(text);
}

/**
 * Like `findEntities`, and also returns the id of every rule that fired anywhere in the run, rejections
 * included (for the rule-table tests and for explaining a result).
 */
export function traceEntities(text: string): { entities: Entity[]; fired: Set<string> } {
  const fired = new Set<string>();
  return { entities: run(text, fired), fired };
}

function run(text: string, fired?: Set<string>): Entity[] {
  if (!text.trim()) return [];
  const ctx = buildContext(text, fired);
  const cands: Cand[] = [];
  for (const s of chunkSpans(ctx)) for (const c of refineSpan(ctx, s.a, s.b, s.rules)) cands.push(c);
  linkCandidates(ctx, cands);
  coordinate(ctx, cands);
  return cluster(ctx, cands);
}

/** Exposed for tests: the title-run detector's word test. */
export function isTitleWord(word: string): boolean {
  const lx = lexicon();
  return lx.titleCore.has(bare(word)) || lx.titleMod.has(bare(word));
}
