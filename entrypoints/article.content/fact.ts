/**
 * The fact-checker's state of one page (content-script glue over the pure core in utils/corrections/):
 * the analyzer's own output, the reader's corrections and the analysis drawn from the two, the claim the
 * correction form is open for, and the records a form's change turns into. Kept apart from session.ts so
 * the session only asks "what is the analysis now" and "what do I send".
 */
import type { CorrectionItemView } from '@/components/panel/model';
import type { CorrectionChange } from '@/components/panel/types';
import type { Analysis } from '@/utils/analysis/types';
import { quoteSelector } from '@/utils/anchoring/selectors';
import { applyCorrections, describeCorrection, machineClaim, type CorrectedQuote } from '@/utils/corrections/apply';
import type { AnnotationRecord, CorrectionRecord, TextPositionSelector, TextQuoteSelector } from '@/utils/db/schema';
import type { CorrectionInput, SaveSourcingRequest, SourcingSaved } from '@/utils/messaging/contract';

/** What the correction form is open for. */
export type CorrectionTarget =
  { mode: 'edit'; quote: CorrectedQuote } | { mode: 'add'; quote: TextQuoteSelector; position: TextPositionSelector };

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/** The corrections of one page over its analysis. */
export class FactCheck {
  /** The analyzer's output, never changed. */
  raw: Analysis | null = null;
  corrections: CorrectionRecord[] = [];
  target: CorrectionTarget | null = null;
  private orphans = new Set<string>();

  /** Sets the analyzer's output; returns the analysis to draw (corrections applied). */
  setRaw(raw: Analysis | null): Analysis | null {
    this.raw = raw;
    return this.current();
  }

  /** Sets the reader's corrections; returns the analysis to draw. */
  setCorrections(corrections: readonly CorrectionRecord[]): Analysis | null {
    this.corrections = [...corrections];
    return this.current();
  }

  private current(): Analysis | null {
    if (!this.raw) {
      this.orphans = new Set();
      return null;
    }
    if (!this.corrections.length) {
      this.orphans = new Set();
      return this.raw;
    }
    const out = applyCorrections(this.raw, this.corrections);
    this.orphans = new Set(out.orphans.map((c) => c.id));
    return out.analysis;
  }

  /** The corrections as the panel lists them, oldest first. */
  listed(): CorrectionItemView[] {
    return [...this.corrections]
      .sort((a, b) => a.createdAt - b.createdAt)
      .map((c) => ({
        id: c.id,
        description: describeCorrection(c),
        passage: c.quote.exact,
        orphaned: this.orphans.has(c.id),
      }));
  }

  /** What the reader corrected about a claim, in words. */
  describe(q: CorrectedQuote): string[] {
    const ids = new Set(q.corrected?.ids ?? []);
    return this.corrections.filter((c) => ids.has(c.id)).map(describeCorrection);
  }

  /** The speakers the form offers: the article's people and organizations, most mentioned first. */
  choices(analysis: Analysis | null): string[] {
    if (!analysis) return [];
    const names = analysis.entities
      .filter((e) => e.type === 'person' || e.type === 'organization')
      .sort((a, b) => b.mentions.length - a.mentions.length || a.text.localeCompare(b.text))
      .map((e) => e.text);
    return [...new Set(names)].slice(0, 200);
  }

  /** When the sourcing was last saved (the newest sourcing claim), or null. */
  sourcingSavedAt(saved: readonly AnnotationRecord[]): number | null {
    let at: number | null = null;
    for (const s of saved) if (s.sourcing && (at === null || s.updatedAt > at)) at = s.updatedAt;
    return at;
  }

  /** The correction records a form's change makes: one per changed field, or one "not a quote". */
  inputsFor(target: CorrectionTarget, change: CorrectionChange, text: string): CorrectionInput[] {
    const speaker = change.speaker?.trim().slice(0, 2000) || null;
    if (target.mode === 'add')
      return [
        {
          action: 'add-claim',
          quote: target.quote,
          position: target.position,
          machine: null,
          speaker,
          anonymous: change.anonymous,
          kind: change.kind,
        },
      ];
    const q = target.quote;
    const base = {
      quote: quoteSelector(text, q.start, q.end),
      position: { start: q.start, end: q.end },
      // what the analyzer said, even when the claim was corrected before (null for a claim the reader added)
      machine: q.corrected ? q.corrected.machine : machineClaim(q),
    };
    if (!base.quote.exact) return [];
    if (change.notAQuote) return [{ ...base, action: 'not-a-quote' }];
    const out: CorrectionInput[] = [];
    if (speaker !== q.speaker) out.push({ ...base, action: 'speaker', speaker });
    if (change.anonymous !== q.anonymous) out.push({ ...base, action: 'anonymous', anonymous: change.anonymous });
    return out;
  }

  /** "Sourcing saved: 12 claims (3 anonymous), 9 people and organizations." */
  static describeSaved(saved: SourcingSaved, request: SaveSourcingRequest): string {
    const anon = request.claims.filter((c) => c.anonymous).length;
    const who = request.entities.filter((e) => e.type !== 'place').length;
    return `Sourcing saved: ${plural(request.claims.length, 'claim')} (${anon} anonymous), ${who} ${who === 1 ? 'person or organization' : 'people and organizations'}${saved.removed ? `; ${saved.removed} no longer in the article removed` : ''}.`;
  }
}
