/**
 * The save request for "Save this article's sourcing" (pure core): every claim of the (corrected)
 * analysis as a quote annotation — speaker, kind, anonymous flag, cue and reason, anchored by quote and
 * position selectors like a quote saved from its card — plus the entity list and the sourcing summary.
 */
import type { Analysis } from '../analysis/types';
import { givenNameLists } from '../analysis/lexicons/givenNames';
import { quoteSelector } from '../anchoring/selectors';
import { claimProfileFields } from '../audit/profile';
import type { AnnotationInput, ArticleInput, SaveSourcingRequest } from '../messaging/contract';

const cap = (s: string | null | undefined, n = 2000): string | null => (s == null ? null : s.slice(0, n));

/** Builds the sourcing save request of `analysis` (apply corrections first: the reader's word is saved). */
export function sourcingRequest(article: ArticleInput, analysis: Analysis): SaveSourcingRequest {
  const text = analysis.text;
  const givenGender = givenNameLists().givenGender;
  const claims: AnnotationInput[] = analysis.quotes
    .map((q): AnnotationInput | null => {
      const quote = quoteSelector(text, q.start, q.end);
      if (!quote.exact) return null;
      return {
        kind: 'quote',
        category: q.anonymous ? 'anonymous' : 'quote',
        quote: { ...quote, exact: quote.exact.slice(0, 50_000) },
        position: { start: q.start, end: q.end },
        comment: '',
        speaker: cap(q.speaker),
        quoteKind: q.kind,
        anonymous: q.anonymous,
        anonymityCue: cap(q.anonymityCue),
        anonymityReason: cap(q.anonymityReason),
        // the speaker's kind and gender evidence for the sourcing audit, read while the text is at hand
        ...claimProfileFields(analysis, q, givenGender),
      };
    })
    .filter((c): c is AnnotationInput => c !== null);
  const entities = analysis.entities
    .filter((e) => e.type === 'person' || e.type === 'organization' || e.type === 'place')
    .map((e) => ({ text: e.text.slice(0, 2000), type: e.type, mentions: e.mentions.length }))
    .filter((e) => e.text.trim() !== '');
  const s = analysis.speakers;
  return {
    article,
    claims,
    entities,
    summary: {
      named: s.named,
      anonymous: s.anonymous,
      anonymousShare: s.anonymousShare,
      speakers: s.speakers.map((x) => ({ ...x, speaker: x.speaker.slice(0, 2000) })),
    },
  };
}
