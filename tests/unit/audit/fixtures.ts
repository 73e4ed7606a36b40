// Test data for the audit: one saved claim as the audit counts it, Lena Park's by default.
import type { AuditClaim } from '../../../utils/audit/aggregate';

/** A claim of `articleId`, with `over` changing any field. */
export const claim = (id: string, articleId: string, over: Partial<AuditClaim> = {}): AuditClaim => ({
  id,
  articleId,
  passage: `passage ${id}`,
  speaker: 'Lena Park',
  speakerType: 'person',
  anonymous: false,
  kind: 'direct',
  speakerKind: 'expert',
  gender: 'female',
  genderGuess: null,
  corrected: false,
  ...over,
});
