// Corrections and saved sourcing on fake-indexeddb: one action saves every claim, entities and summary;
// saving again merges (ids and notes kept, no duplicates); corrections are their own records, come back
// with the page state, undo by delete, and go (and come back) with their article's delete and undo.
import { describe, expect, it } from 'vitest';
import { analyzeText } from '../../../utils/analysis';
import { applyCorrections, machineClaim } from '../../../utils/corrections/apply';
import { sourcingRequest } from '../../../utils/corrections/sourcing';
import { buildIndex, buildPeople, deleteArticle, loadLibrary, restoreSnapshot } from '../../../utils/db/library';
import {
  handleArticleSeen,
  handleDeleteCorrection,
  handleSaveCorrection,
  handleSaveSourcing,
} from '../../../utils/db/service';
import { quoteSelector } from '../../../utils/anchoring/selectors';
import { article, freshDb } from './helpers';

const TEXT =
  'The minister, Amina Diallo, spoke on Monday at the Port Authority. "We will rebuild the port," Diallo said. ' +
  '"The budget is a fiction," a senior aide said. Analysts said the plan would cost more than promised.';
const analysis = analyzeText(TEXT);
const aide = analysis.quotes.findIndex((q) => q.text.includes('budget'));

function correctionOf(i: number, over: Record<string, unknown>) {
  const q = analysis.quotes[i]!;
  return {
    article: article(),
    correction: {
      action: 'anonymous' as const,
      quote: quoteSelector(TEXT, q.start, q.end),
      position: { start: q.start, end: q.end },
      machine: machineClaim(q),
      ...over,
    },
  };
}

describe('save the sourcing in one action', () => {
  it('stores every claim with speaker, kind, flag and reason, plus entities and summary', async () => {
    const { db } = freshDb();
    const r = await handleSaveSourcing(db, sourcingRequest(article(), analysis));
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value.added).toBe(analysis.quotes.length);
    const saved = await db.annotations.toArray();
    expect(saved).toHaveLength(analysis.quotes.length);
    const a = saved.find((x) => x.quote.exact.includes('budget'))!;
    expect(a).toMatchObject({
      kind: 'quote',
      category: 'anonymous',
      speaker: 'a senior aide',
      anonymous: true,
      quoteKind: 'direct',
      anonymityReason: "unnamed descriptor: 'a senior aide'",
      sourcing: true,
    });
    expect(a.position).toEqual({ start: analysis.quotes[aide]!.start, end: analysis.quotes[aide]!.end });
    const s = await db.sourcing.toArray();
    expect(s).toHaveLength(1);
    expect(s[0]!.entities.map((e) => e.text)).toContain('Amina Diallo');
    expect(s[0]!.summary.anonymous).toBe(analysis.speakers.anonymous);
  });

  it('saving again updates in place: same ids, the note kept, no duplicates, vanished claims removed', async () => {
    const { db } = freshDb();
    await handleSaveSourcing(db, sourcingRequest(article(), analysis));
    const first = await db.annotations.toArray();
    const at = (i: number) => first.find((a) => a.position?.start === analysis.quotes[i]!.start)!;
    const kept = at(0);
    const noted = at(1);
    await db.annotations.update(noted.id, { comment: 'check this' });
    const fewer = { ...analysis, quotes: analysis.quotes.slice(0, 1) };
    const again = await handleSaveSourcing(db, sourcingRequest(article(), fewer));
    // quote 0 updated in place; quote 1 gone from the analysis but kept for the reader's note; the rest go
    expect(again.ok && [again.value.added, again.value.updated, again.value.removed]).toEqual([
      0,
      1,
      analysis.quotes.length - 2,
    ]);
    const after = await db.annotations.toArray();
    expect(after.map((a) => a.id).sort()).toEqual([kept.id, noted.id].sort());
    expect(after.find((a) => a.id === noted.id)!.comment).toBe('check this');
    expect(await db.sourcing.count()).toBe(1);
  });

  it('the popup people view spans every article whose sourcing was saved (people and organizations)', async () => {
    const { db } = freshDb();
    await handleSaveSourcing(db, sourcingRequest(article(), analysis));
    await handleSaveSourcing(
      db,
      sourcingRequest(article({ url: 'https://news.example/b', canonicalUrl: null }), analysis),
    );
    const index = buildIndex(await loadLibrary(db));
    const people = buildPeople(index);
    const diallo = people.find((p) => p.name === 'Amina Diallo')!;
    expect(diallo.articles).toHaveLength(2);
    const orgs = buildPeople(index, undefined, 'organization');
    expect(orgs.map((o) => o.name)).toContain('Port Authority');
    expect(people.map((p) => p.name)).not.toContain('Port Authority');
  });

  it.each([
    ['extra field', (r: Record<string, unknown>) => ({ ...r, evil: 1 })],
    [
      'bad entity type',
      (r: Record<string, unknown>) => ({ ...r, entities: [{ text: 'X', type: 'alien', mentions: 1 }] }),
    ],
    [
      'share above 1',
      (r: Record<string, unknown>) => ({ ...r, summary: { ...(r.summary as object), anonymousShare: 2 } }),
    ],
  ])('rejects %s and writes nothing', async (_n, mutate) => {
    const { db } = freshDb();
    const r = await handleSaveSourcing(db, mutate(sourcingRequest(article(), analysis) as never));
    expect(r.ok).toBe(false);
    expect(await db.annotations.count()).toBe(0);
    expect(await db.articles.count()).toBe(0);
  });
});

describe('corrections as records', () => {
  it('saves, returns with the page state, applies, and undoes', async () => {
    const { db } = freshDb();
    const r = await handleSaveCorrection(db, correctionOf(aide, { anonymous: false }));
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const seen = await handleArticleSeen(db, article());
    expect(seen.ok && seen.value.corrections.map((c) => c.id)).toEqual([r.value.correction.id]);
    const corrected = applyCorrections(analysis, seen.ok ? seen.value.corrections : []);
    expect(corrected.analysis.quotes[aide]!.anonymous).toBe(false);
    expect(r.value.correction.machine).toEqual(machineClaim(analysis.quotes[aide]!));
    expect(await handleDeleteCorrection(db, { id: r.value.correction.id })).toEqual({ ok: true, value: null });
    expect(await db.corrections.count()).toBe(0);
    const twice = await handleDeleteCorrection(db, { id: r.value.correction.id });
    expect(twice.ok).toBe(false);
  });

  it.each([
    ['unknown action', { action: 'rewrite' }],
    ['extra key', { evil: true }],
    ['long speaker', { action: 'speaker', speaker: 'x'.repeat(3000) }],
  ])('rejects %s and writes nothing', async (_n, over) => {
    const { db } = freshDb();
    const r = await handleSaveCorrection(db, correctionOf(aide, over));
    expect(r.ok).toBe(false);
    expect(await db.corrections.count()).toBe(0);
  });

  it('an article delete takes its corrections and sourcing, and undo brings them back', async () => {
    const { db } = freshDb();
    await handleSaveSourcing(db, sourcingRequest(article(), analysis));
    await handleSaveCorrection(db, correctionOf(aide, { anonymous: false }));
    const [a] = await db.articles.toArray();
    const snap = await deleteArticle(db, a!.id);
    expect([await db.corrections.count(), await db.sourcing.count()]).toEqual([0, 0]);
    expect(await restoreSnapshot(db, snap)).toBe(true);
    expect([await db.corrections.count(), await db.sourcing.count()]).toEqual([1, 1]);
  });
});

describe('correcting a saved claim from the popup', () => {
  it('records only what changed, keeps what the machine said, and the library shows it corrected', async () => {
    const { db } = freshDb();
    await handleSaveSourcing(db, sourcingRequest(article(), analysis));
    const saved = (await db.annotations.toArray()).find((a) => a.quote.exact.includes('budget'))!;
    const { correctSavedClaim } = await import('../../../utils/db/corrections');
    const made = await correctSavedClaim(db, saved.id, { speaker: 'Omar Sy', anonymous: false }, 5000);
    expect(made.map((c) => c.action)).toEqual(['speaker', 'anonymous']);
    expect(made[0]!.machine).toEqual({ speaker: 'a senior aide', anonymous: true, kind: 'direct' });
    // the same again changes nothing
    expect(await correctSavedClaim(db, saved.id, { speaker: 'Omar Sy', anonymous: false }, 6000)).toEqual([]);
    const index = buildIndex(await loadLibrary(db));
    const shown = index.articles[0]!.annotations.find((a) => a.id === saved.id)!;
    expect([shown.speaker, shown.anonymous, shown.corrections?.length]).toEqual(['Omar Sy', false, 2]);
    // the stored claim is untouched: corrections are their own records
    expect((await db.annotations.get(saved.id))!.speaker).toBe('a senior aide');
    // a later correction keeps the machine's first word, not the reader's
    const [third] = await correctSavedClaim(db, saved.id, { speaker: 'Jo', anonymous: false }, 7000);
    expect(third!.machine?.speaker).toBe('a senior aide');
    expect(
      (await correctSavedClaim(db, saved.id, { speaker: null, anonymous: false, notAQuote: true }))[0]!.action,
    ).toBe('not-a-quote');
  });
});
