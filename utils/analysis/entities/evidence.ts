/**
 * Stage 3 of the entity engine: candidate evidence. Runs the evidence rules (./rules.ts) in their written
 * order over one candidate's facts (./facts.ts): each rule that applies votes for a type, records its id, and
 * may reject the candidate, replace it by a longer one, or mark it known, weak or a club.
 */
import { lexKey } from '../lexicons/gazetteer';
import { draft, type Draft } from './facts';
import { toVotes, trace, type Cand, type Ctx, type Votes } from './model';
import { EVIDENCE_RULES, type EvidenceRule } from './rules';

/** A rule with its weight as a vote triple and its group as a bit, precomputed once. */
interface Compiled {
  rule: EvidenceRule;
  votes: Votes | null;
  bit: number;
  /** 1: only one-word names, 2: only multi-word names, 0: both. */
  scope: number;
}

const COMPILED: readonly Compiled[] = (() => {
  const bits = new Map<string, number>();
  return EVIDENCE_RULES.map((rule) => {
    let bit = 0;
    if (rule.group) {
      if (!bits.has(rule.group)) bits.set(rule.group, 1 << bits.size);
      bit = bits.get(rule.group)!;
    }
    const scope = rule.scope === 'single' ? 1 : rule.scope === 'multi' ? 2 : 0;
    return { rule, votes: rule.weight ? toVotes(rule.weight) : null, bit, scope };
  });
})();

/** Builds a scored candidate from tokens a..b, or null when it is not an entity. */
export function makeCand(
  ctx: Ctx,
  a: number,
  b: number,
  sentenceInitial: boolean,
  rules: readonly string[],
): Cand | null {
  if (a > b) return null;
  const d = draft(ctx, a, b, sentenceInitial, rules);
  let fired = 0;
  const skip = d.single ? 2 : 1;
  for (const { rule, votes, bit, scope } of COMPILED) {
    if (scope === skip || fired & bit || !rule.applies(ctx, d)) continue;
    fired |= bit;
    if (rule.effect === 'reject') {
      ctx.fired?.add(rule.id);
      return null;
    }
    trace(ctx, d.rules, rule.id);
    if (rule.effect === 'extend') return extended(ctx, d, rule, votes!);
    if (votes) {
      d.votes[0] += votes[0];
      d.votes[1] += votes[1];
      d.votes[2] += votes[2];
    }
    applyEffect(d, rule);
  }
  return {
    a,
    b,
    start: d.start,
    end: d.end,
    text: d.text,
    words: d.words,
    key: d.key,
    votes: d.votes,
    weak: d.weak,
    known: d.known,
    cityOnly: d.cityOnly && !ctx.lx.people.has(d.k),
    club: d.club,
    rules: d.rules,
  };
}

function applyEffect(d: Draft, rule: EvidenceRule): void {
  switch (rule.effect) {
    case 'known':
      d.known = true;
      break;
    case 'city':
      d.known = true;
      d.cityOnly = !d.isOrg;
      break;
    case 'weak':
      d.weak = true;
      break;
    case 'strong':
      d.weak = false;
      break;
    case 'club':
      d.club = true;
      break;
    case 'apposition':
      d.appositiveOrg = true;
      break;
  }
}

/** The longer candidate an `extend` rule makes ("the US embassy"): known, and only the rule's votes. */
function extended(ctx: Ctx, d: Draft, rule: EvidenceRule, votes: Votes): Cand {
  const { b, end, word } = rule.extend!(ctx, d);
  const text = ctx.text.slice(d.start, end);
  return {
    a: d.a,
    b,
    start: d.start,
    end,
    text,
    words: [...d.words, word],
    key: lexKey(text),
    votes: [...votes],
    weak: false,
    known: true,
    rules: d.rules,
  };
}
