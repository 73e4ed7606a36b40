/**
 * `npm run --silent analyze -- FILE --explain`: for each quote, the rules that found it, chose its speaker
 * and set its anonymous flag (the `rules` ids of the Analysis JSON, grouped by stage), so a reader can see
 * why a claim was attributed as it was. The rules themselves are described in utils/analysis/README.md.
 */
import type { Analysis, Quote } from '../utils/analysis/types';

const clip = (s: string, n: number): string => (s.length > n ? s.slice(0, n - 1) + '…' : s);

/** The stages of a quote's rule ids, in the order a claim goes through them. */
const STAGES: ReadonlyArray<{ label: string; prefix: string }> = [
  { label: 'found by', prefix: 'quote.find.' },
  { label: 'speaker by', prefix: 'quote.speaker.' },
  { label: 'anonymous by', prefix: 'quote.anonymous.' },
];

function explainQuote(q: Quote, n: number): string[] {
  const who = q.speaker ?? '(no speaker)';
  const flag = q.anonymous ? `anonymous${q.anonymityReason ? ` (${q.anonymityReason})` : ''}` : 'on the record';
  const lines = [
    `[${n}] ${q.kind} ${q.start}–${q.end} “${clip(q.text.replace(/\s+/g, ' '), 100)}”`,
    `    speaker: ${who} · ${flag} · cue: ${q.cue ?? '—'}`,
  ];
  for (const { label, prefix } of STAGES) {
    const ids = (q.rules ?? []).filter((id) => id.startsWith(prefix));
    lines.push(`    ${(label + ':').padEnd(14)}${ids.length ? ids.join(' → ') : '—'}`);
  }
  return lines;
}

/** Renders every quote of `a` with the rule ids that produced it. */
export function formatExplain(a: Analysis): string {
  const out = [`${a.title}`, `Quotes (${a.quotes.length})`];
  a.quotes.forEach((q, i) => out.push('', ...explainQuote(q, i + 1)));
  return out.join('\n') + '\n';
}
