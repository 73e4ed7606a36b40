/**
 * Stage 5 of the entity engine: coordination. Candidates listed with commas and "and"/"or" share a type: a
 * preposition before the list applies to every member, and a member with little evidence of its own takes
 * the type its confident neighbours agree on ("in Athens, Clanton, Falkville … and Prattville").
 */
import { argmax, P, TYPES, vote, trace, type Cand, type Ctx, type Votes } from './model';
import { stageRule } from './rules';

/** Finds the lists of candidates and lends each list's agreed type to its members without evidence. */
export function coordinate(ctx: Ctx, cands: Cand[]): void {
  const { tokens } = ctx;
  let g = 0;
  while (g < cands.length) {
    const h = listEnd(ctx, cands, g);
    const listy = h > g && (h - g >= 2 || tokens[cands[h]!.a - 1]?.text !== ',');
    if (listy) {
      listPreposition(ctx, cands, g, h);
      lendType(ctx, cands, g, h);
    }
    g = h + 1;
  }
}

/** The last candidate of the list that starts at `g` (g itself when no list starts there). */
function listEnd({ tokens }: Ctx, cands: Cand[], g: number): number {
  let h = g;
  for (;;) {
    const c = cands[h]!;
    const d = cands[h + 1];
    if (!d) return h;
    const between = tokens.slice(c.b + 1, d.a).map((t) => t.text);
    const ok =
      between.length > 0 &&
      between.length <= 2 &&
      between.every((w) => w === ',' || w === 'and' || w === 'or') &&
      !(between.length === 2 && between[0] !== ',');
    if (!ok) return h;
    h++;
  }
}

/** "in Athens, Clanton … and Prattville": the preposition before the list applies to every member. */
function listPreposition(ctx: Ctx, cands: Cand[], g: number, h: number): void {
  const { tokens, lx } = ctx;
  let p = cands[g]!.a - 1;
  if (tokens[p]?.text === 'the') p--;
  const prep = tokens[p];
  if (!prep || prep.kind !== 'word' || prep.cap || !lx.placePreps.has(prep.text)) return;
  const rule = stageRule('entity.coordinate.list-preposition');
  for (let i = g + 1; i <= h; i++) if (!cands[i]!.known) vote(ctx, cands[i]!, rule);
}

/** Only a list whose confident members agree lends its type, and only to members with no evidence. */
function lendType(ctx: Ctx, cands: Cand[], g: number, h: number): void {
  const sum: Votes = [0, 0, 0];
  for (let i = g; i <= h; i++) {
    const v = cands[i]!.votes;
    const best = argmax(v);
    if (v[best] >= 3) sum[best] += 1;
  }
  const best = argmax(sum);
  const others = sum[0] + sum[1] + sum[2] - sum[best];
  if (sum[best] <= 0 || others !== 0) return;
  const rule = stageRule('entity.coordinate.list-type');
  const weight = rule.weight[TYPES[best]!] ?? 0;
  for (let i = g; i <= h; i++) {
    const c = cands[i]!;
    if (c.votes[argmax(c.votes)] < 3 && c.votes[P] < 2) {
      c.votes[best] += weight;
      c.weak = false;
      trace(ctx, c.rules, rule.id);
    }
  }
}
