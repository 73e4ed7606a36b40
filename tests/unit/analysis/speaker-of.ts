/** Test helper for the speaker-rule tables: the [speaker, anonymous] of the claim starting with `claimStart`. */
import { analyzeText } from '../../../utils/analysis/index';

/** Runs the whole analyzer on `text`; null when no claim starts with `claimStart`. */
export const speakerOf = (text: string, claimStart: string): [string | null, boolean] | null => {
  const q = analyzeText(text).quotes.find((x) => x.text.startsWith(claimStart));
  return q ? [q.speaker, q.anonymous] : null;
};
