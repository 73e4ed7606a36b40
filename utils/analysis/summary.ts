/**
 * Sourcing summary: who the article lets speak, named vs anonymous, from the list of quotes.
 */
import type { Quote, SourcingSummary, SpeakerSummary } from './types';

/** Counts quotes per speaker (direct / indirect) and the share of claims from anonymous sources. */
export function summarizeSources(quotes: readonly Quote[]): SourcingSummary {
  const by = new Map<string, SpeakerSummary>();
  let named = 0;
  let anonymous = 0;
  for (const q of quotes) {
    if (q.anonymous) anonymous++;
    else named++;
    const key = `${q.anonymous ? 'a' : 'n'}:${(q.speaker ?? 'unknown').toLowerCase()}`;
    let s = by.get(key);
    if (!s) {
      s = { speaker: q.speaker ?? 'unknown', anonymous: q.anonymous, direct: 0, indirect: 0 };
      by.set(key, s);
    }
    s[q.kind]++;
  }
  const speakers = [...by.values()].sort(
    (a, b) => b.direct + b.indirect - (a.direct + a.indirect) || a.speaker.localeCompare(b.speaker),
  );
  const total = named + anonymous;
  return { speakers, named, anonymous, anonymousShare: total ? anonymous / total : 0 };
}
