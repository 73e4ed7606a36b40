// Corrections over the analyzer's output: each action, undo (the record gone), orphans, and the analysis
// left untouched.
import { describe, expect, it } from 'vitest';
import { analyzeText } from '../../../utils/analysis';
import { quoteSelector } from '../../../utils/anchoring/selectors';
import { applyCorrections, describeCorrection, machineClaim } from '../../../utils/corrections/apply';
import type { CorrectionRecord } from '../../../utils/db/schema';

const TEXT =
  'The minister, Amina Diallo, spoke on Monday. "We will rebuild the port," Diallo said. ' +
  '"The budget is a fiction," a senior aide said. ' +
  'Analysts said the plan would cost more than promised.\n\nRebuilding the Port\n\nThe works start in May.';

const analysis = analyzeText(TEXT);

let n = 0;
function correction(over: Partial<CorrectionRecord> & Pick<CorrectionRecord, 'action'>, q?: number): CorrectionRecord {
  const quote = q === undefined ? null : analysis.quotes[q]!;
  const start = quote?.start ?? 0;
  const end = quote?.end ?? 0;
  return {
    id: `c${++n}`,
    articleId: 'a1',
    quote: quoteSelector(TEXT, start, end),
    position: { start, end },
    machine: quote ? machineClaim(quote) : null,
    createdAt: n,
    updatedAt: n,
    ...over,
  };
}
const find = (text: string) => analysis.quotes.findIndex((q) => q.text.includes(text));

describe('applyCorrections', () => {
  it('finds the fixture claims', () => {
    expect(find('rebuild the port')).toBeGreaterThanOrEqual(0);
    expect(find('budget is a fiction')).toBeGreaterThanOrEqual(0);
  });

  it.each([
    ['speaker', { speaker: 'Omar Sy' }, 'rebuild the port', (q: { speaker: string | null }) => q.speaker === 'Omar Sy'],
    [
      'anonymous',
      { anonymous: false },
      'budget is a fiction',
      (q: { anonymous: boolean; anonymityReason?: string | null }) => !q.anonymous && q.anonymityReason === null,
    ],
    [
      'anonymous',
      { anonymous: true },
      'rebuild the port',
      (q: { anonymous: boolean; anonymityReason?: string | null }) =>
        q.anonymous && q.anonymityReason === 'marked anonymous by the reader',
    ],
  ] as const)('%s correction %j applies and is marked', (action, over, text, check) => {
    const i = find(text);
    const before = JSON.stringify(analysis);
    const c = correction({ action, ...over }, i);
    const out = applyCorrections(analysis, [c]);
    const q = out.analysis.quotes.find((x) => x.text.includes(text))!;
    expect(check(q as never)).toBe(true);
    expect(q.corrected?.ids).toEqual([c.id]);
    expect(q.corrected?.machine).toEqual(machineClaim(analysis.quotes[i]!));
    // the analyzer's output is never overwritten
    expect(JSON.stringify(analysis)).toBe(before);
    expect(out.orphans).toEqual([]);
  });

  it('recounts the sourcing summary after a flag is corrected', () => {
    const c = correction({ action: 'anonymous', anonymous: false }, find('budget is a fiction'));
    const out = applyCorrections(analysis, [c]);
    expect(out.analysis.speakers.anonymous).toBe(analysis.speakers.anonymous - 1);
    expect(out.analysis.speakers.named).toBe(analysis.speakers.named + 1);
  });

  it('"not a quote" removes the claim and lists the correction as removed', () => {
    const i = find('rebuild the port');
    const c = correction({ action: 'not-a-quote' }, i);
    const out = applyCorrections(analysis, [c]);
    expect(out.analysis.quotes.some((q) => q.text.includes('rebuild the port'))).toBe(false);
    expect(out.removed).toEqual([c]);
  });

  it('adds a claim the machine missed, anchored to its passage', () => {
    const start = TEXT.indexOf('The works start in May.');
    const end = start + 'The works start in May.'.length;
    const c = correction({
      action: 'add-claim',
      quote: quoteSelector(TEXT, start, end),
      position: { start, end },
      speaker: 'Amina Diallo',
      anonymous: false,
      kind: 'indirect',
    });
    const out = applyCorrections(analysis, [c]);
    const q = out.analysis.quotes.find((x) => x.start === start)!;
    expect(q).toMatchObject({ speaker: 'Amina Diallo', anonymous: false, kind: 'indirect', end });
    expect(q.corrected?.actions).toEqual(['add-claim']);
    expect(out.analysis.quotes.map((x) => x.start)).toEqual(
      [...out.analysis.quotes.map((x) => x.start)].sort((a, b) => a - b),
    );
  });

  it('finds a claim that moved (text edited before it) and orphans one whose words are gone', () => {
    const moved = analyzeText('Breaking. ' + TEXT);
    const i = find('rebuild the port');
    const ok = correction({ action: 'speaker', speaker: 'Omar Sy' }, i);
    const gone = correction(
      { action: 'speaker', speaker: 'X', quote: { exact: 'no such words', prefix: '', suffix: '' } },
      i,
    );
    const out = applyCorrections(moved, [ok, gone]);
    expect(out.analysis.quotes.find((q) => q.text.includes('rebuild the port'))?.speaker).toBe('Omar Sy');
    expect(out.orphans).toEqual([gone]);
  });

  it('a later correction of the same field wins; undo (dropping the record) restores the machine', () => {
    const i = find('rebuild the port');
    const a = correction({ action: 'speaker', speaker: 'First' }, i);
    const b = correction({ action: 'speaker', speaker: 'Second' }, i);
    expect(applyCorrections(analysis, [b, a]).analysis.quotes[i]!.speaker).toBe('Second');
    expect(applyCorrections(analysis, [a]).analysis.quotes[i]!.speaker).toBe('First');
    const undone = applyCorrections(analysis, []).analysis.quotes[i]!;
    expect(undone.speaker).toBe(analysis.quotes[i]!.speaker);
    expect(undone.corrected).toBeUndefined();
  });

  it.each([
    [
      { action: 'speaker', speaker: 'Omar Sy', machine: { speaker: 'Diallo', anonymous: false, kind: 'direct' } },
      'Speaker: Omar Sy (was Diallo)',
    ],
    [
      { action: 'anonymous', anonymous: false, machine: { speaker: 'an aide', anonymous: true, kind: 'direct' } },
      'Named source (was anonymous)',
    ],
    [{ action: 'not-a-quote' }, 'Not a quote'],
    [{ action: 'add-claim', speaker: 'Jo', anonymous: true, machine: null }, 'Claim added, speaker Jo (anonymous)'],
  ] as const)('describes %j', (over, text) => {
    expect(describeCorrection(correction(over as Partial<CorrectionRecord> & Pick<CorrectionRecord, 'action'>))).toBe(
      text,
    );
  });
});
