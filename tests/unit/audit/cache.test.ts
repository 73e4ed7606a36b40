/**
 * The audit's write-time aggregate (utils/audit/cache.ts, utils/db/audit-records.ts) on fake-indexeddb:
 * a record decodes to exactly the article it encodes, and after a random sequence of writes through every
 * write path (saved sourcing, claims, corrections, tags, deletes and undo, backup restore, direct table
 * writes, an aborted transaction) the stored records equal a fresh computation from the whole database —
 * and so does the audit report computed from them.
 */
import { describe, expect, test } from 'vitest';
import { freshDb, article as articleInput, annotation } from '../db/helpers';
import { auditReport, type AuditArticle } from '../../../utils/audit/aggregate';
import { auditRecordsFrom, decodeAuditArticle, encodeAuditArticle } from '../../../utils/audit/cache';
import { SPEAKER_KINDS } from '../../../utils/audit/kinds';
import { createAuditLoader } from '../../../utils/audit/worker-data';
import { exportBackup, importBackup, type Backup } from '../../../utils/db/backup';
import { deleteCorrection, saveCorrection, saveSourcing } from '../../../utils/db/corrections';
import { deleteAnnotations, deleteArticle, restoreSnapshot, type UndoSnapshot } from '../../../utils/db/library';
import { saveAnnotation } from '../../../utils/db/queries';
import type { SourcelightDB } from '../../../utils/db/schema';
import { setArticleTags } from '../../../utils/db/tags';
import { prng } from '../../robustness/generate';
import type { AnnotationInput } from '../../../utils/messaging/contract';

/** A fresh computation of every record from the whole database. */
async function recomputed(db: SourcelightDB) {
  const [articles, sourcing, quotes, corrections] = await Promise.all([
    db.articles.toArray(),
    db.sourcing.toArray(),
    db.annotations.where('kind').equals('quote').toArray(),
    db.corrections.toArray(),
  ]);
  return auditRecordsFrom({ articles, sourced: new Set(sourcing.map((s) => s.articleId)), quotes, corrections });
}

const SPEAKERS = ['Lena Park', 'Omar Haddad', 'the ministry', 'an aide', 'Acme', null];

describe('audit records', () => {
  test('a record decodes to the article it encodes', () => {
    const a: AuditArticle = {
      id: 'a1',
      url: 'https://x.example/1',
      title: 'T',
      outlet: 'x.example',
      publishedAt: null,
      readAt: 5,
      tags: ['budget'],
      claims: SPEAKER_KINDS.map((kind, i) => ({
        id: `q${i}`,
        articleId: 'a1',
        passage: `“passage ${i}” — with ünïcode 😀`,
        speaker: SPEAKERS[i % SPEAKERS.length]!,
        speakerType: ([null, 'person', 'organization', 'place'] as const)[i % 4]!,
        anonymous: i % 3 === 0,
        kind: i % 2 ? 'indirect' : 'direct',
        speakerKind: kind,
        gender: (['unknown', 'female', 'male'] as const)[i % 3]!,
        genderGuess: ([null, 'female', 'male'] as const)[(i + 1) % 3]!,
        corrected: i % 4 === 1,
      })),
    };
    expect(decodeAuditArticle(encodeAuditArticle(a))).toEqual(a);
  });

  test.each([16, 7, 2026])(
    'after a random sequence of writes (seed %i), the stored records equal a fresh computation',
    async (seed) => {
      const { db } = freshDb();
      const rand = prng(seed); // seeded: a failure replays
      const pick = <T>(list: readonly T[]): T => list[Math.floor(rand() * list.length)]!;
      const page = (n: number) =>
        articleInput({ url: `https://outlet${n % 3}.example/${n}`, siteName: n % 2 ? null : `Outlet ${n % 3}` });
      const claim = (n: number): AnnotationInput =>
        annotation({
          kind: 'quote',
          category: 'quote',
          quote: { exact: `claim ${n}`, prefix: '', suffix: '' },
          position: { start: n * 10, end: n * 10 + 7 },
          speaker: pick(SPEAKERS),
          quoteKind: pick(['direct', 'indirect'] as const),
          anonymous: rand() < 0.3,
          speakerType: pick(['person', 'organization', null] as const),
          speakerKind: pick(SPEAKER_KINDS),
          gender: pick(['female', 'male', 'unknown'] as const),
          genderGuess: pick(['female', 'male', null] as const),
        });
      const undo: UndoSnapshot[] = [];
      let backup: Backup | null = null;
      const quotesOf = async (articleId: string) =>
        (await db.annotations.where('articleId').equals(articleId).toArray()).filter((a) => a.kind === 'quote');
      const anyArticle = async () => pick(await db.articles.toArray());

      const ops: (() => Promise<unknown>)[] = [
        // saved sourcing (new or again, with some claims changed, some gone)
        async () => {
          const n = Math.floor(rand() * 8);
          const claims = Array.from({ length: 1 + Math.floor(rand() * 5) }, () => claim(Math.floor(rand() * 8)));
          const summary = { named: 0, anonymous: 0, anonymousShare: 0, speakers: [] };
          return saveSourcing(db, { article: page(n), claims, entities: [], summary });
        },
        // one saved quote or highlight
        async () =>
          saveAnnotation(db, {
            article: page(Math.floor(rand() * 8)),
            annotation: rand() < 0.5 ? claim(Math.floor(rand() * 8)) : annotation(),
          }),
        // a correction of a saved claim
        async () => {
          const a = await anyArticle();
          if (!a) return;
          const q = pick(await quotesOf(a.id));
          if (!q) return;
          const action = pick(['speaker', 'anonymous', 'not-a-quote'] as const);
          return saveCorrection(db, {
            article: page(Number(a.url.split('/').pop())),
            correction: {
              action,
              quote: q.quote,
              position: q.position,
              machine: { speaker: q.speaker ?? null, anonymous: !!q.anonymous, kind: q.quoteKind ?? 'direct' },
              ...(action === 'speaker' ? { speaker: pick(SPEAKERS) } : {}),
              ...(action === 'anonymous' ? { anonymous: !q.anonymous } : {}),
            },
          });
        },
        async () => {
          const c = pick(await db.corrections.toArray());
          if (c) await deleteCorrection(db, c.id);
        },
        async () => {
          const a = await anyArticle();
          if (a) await setArticleTags(db, a.id, rand() < 0.5 ? [] : [pick(['budget', 'climate'])]);
        },
        async () => {
          const a = await anyArticle();
          if (a) undo.push(await deleteArticle(db, a.id));
        },
        async () => {
          const a = await anyArticle();
          const q = a && pick(await quotesOf(a.id));
          if (q) undo.push(await deleteAnnotations(db, [q.id]));
        },
        async () => {
          const snap = undo.pop();
          if (snap) await restoreSnapshot(db, snap);
        },
        // backup: take one, later restore it over whatever the database holds then
        async () => {
          if (backup && rand() < 0.6) await importBackup(db, backup);
          else backup = await exportBackup(db);
        },
        // direct table writes, which no db function makes today: the middleware catches them too
        async () => {
          const q = pick(await db.annotations.where('kind').equals('quote').toArray());
          if (q) await db.annotations.update(q.id, { speaker: pick(SPEAKERS), anonymous: rand() < 0.5 });
        },
        async () => {
          const a = await anyArticle();
          if (a)
            await db.annotations
              .where('articleId')
              .equals(a.id)
              .modify({ speakerKind: pick(SPEAKER_KINDS) });
        },
        async () => {
          // a claim moved to another article: both articles' records change
          const [q, a] = [pick(await db.annotations.toArray()), await anyArticle()];
          if (q && a) await db.annotations.put({ ...q, articleId: a.id });
        },
        async () => {
          const a = await anyArticle();
          if (a) await db.articles.update(a.id, { siteName: pick([null, 'Renamed']), publishedTime: null });
        },
        async () => {
          const a = await anyArticle();
          if (a) await db.sourcing.where('articleId').equals(a.id).delete();
        },
        async () => {
          if (rand() < 0.3) await db.corrections.clear();
        },
        // a transaction that fails half-way: the records roll back with the data
        async () => {
          const a = await anyArticle();
          if (!a) return;
          await db
            .transaction('rw', db.annotations, async () => {
              await db.annotations.where('articleId').equals(a.id).delete();
              throw new Error('abort');
            })
            .catch(() => undefined);
        },
      ];

      for (let step = 0; step < 300; step++) {
        await pick(ops)();
        if (step % 10 === 0 || step > 290)
          expect(await db.auditRecords.toArray(), `step ${step}`).toEqual(await recomputed(db));
      }
      const stored = await createAuditLoader()(db);
      const fresh = (await recomputed(db)).map(decodeAuditArticle);
      expect(stored.length).toBeGreaterThan(0);
      expect(stored).toEqual(fresh);
      for (const genderGuess of [false, true])
        expect(auditReport(stored, { period: 'week', genderGuess })).toEqual(
          auditReport(fresh, { period: 'week', genderGuess }),
        );
    },
  );
});
