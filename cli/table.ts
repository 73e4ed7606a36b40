/**
 * Human-readable rendering of an Analysis for the terminal (`--format table`).
 */
import type { Analysis } from '../utils/analysis/types';

const clip = (s: string, n: number) => (s.length > n ? s.slice(0, n - 1) + '…' : s);

/** Renders entities, quotes and the sourcing summary as plain-text tables. */
export function formatTable(a: Analysis): string {
  const out: string[] = [];
  out.push(`${a.title}`);
  const metaLine = [a.siteName, a.byline, a.publishedTime].filter(Boolean).join(' · ');
  if (metaLine) out.push(metaLine);
  out.push('', `Entities (${a.entities.length})`);
  for (const e of [...a.entities].sort((x, y) => y.mentions.length - x.mentions.length)) {
    out.push(`  ${e.type.padEnd(12)} ${String(e.mentions.length).padStart(3)}×  ${e.text}`);
  }
  out.push('', `Quotes (${a.quotes.length})`);
  for (const q of a.quotes) {
    const who = `${q.speaker ?? '?'}${q.anonymous ? ' [anonymous]' : ''}`;
    out.push(`  ${q.kind.padEnd(8)} ${clip(who, 40).padEnd(40)} ${q.cue ?? ''}`);
    out.push(`           “${clip(q.text.replace(/\s+/g, ' '), 110)}”`);
  }
  const s = a.speakers;
  out.push(
    '',
    `Sources: ${s.named} named, ${s.anonymous} anonymous (${Math.round(s.anonymousShare * 100)} % anonymous)`,
  );
  return out.join('\n') + '\n';
}
