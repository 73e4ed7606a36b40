// Backups carry the reader's corrections and saved sourcing (schema v3): a round trip loses nothing,
// importing twice does not double, a correction is validated like every other record (whole-millisecond
// timestamps in the Date range, unknown keys dropped, belongs to an article of the file), and a backup from
// before v3 (no corrections key) still imports.
import { describe, expect, it } from 'vitest';
import { analyzeText } from '../../../utils/analysis';
import { quoteSelector } from '../../../utils/anchoring/selectors';
import { machineClaim } from '../../../utils/corrections/apply';
import { sourcingRequest } from '../../../utils/corrections/sourcing';
import { exportBackup, importBackupText, parseBackup, serializeBackup } from '../../../utils/db/backup';
import { saveCorrection, saveSourcing } from '../../../utils/db/corrections';
import { article, freshDb } from './helpers';

const TEXT = '"The budget is a fiction," a senior aide said. Amina Diallo said the port would reopen.';
const analysis = analyzeText(TEXT);

async function seeded() {
  const { db } = freshDb('src');
  await saveSourcing(db, sourcingRequest(article(), analysis), 1000);
  const q = analysis.quotes[0]!;
  await saveCorrection(
    db,
    {
      article: article(),
      correction: {
        action: 'speaker',
        quote: quoteSelector(TEXT, q.start, q.end),
        position: { start: q.start, end: q.end },
        machine: machineClaim(q),
        speaker: 'Omar Sy',
      },
    },
    2000,
  );
  return db;
}

describe('backup of corrections and sourcing', () => {
  it('round-trips: what was exported is imported exactly, and twice changes nothing', async () => {
    const src = await seeded();
    const backup = await exportBackup(src, 5000);
    expect(backup.corrections).toHaveLength(1);
    expect(backup.sourcing).toHaveLength(1);
    const text = serializeBackup(backup);
    const { db } = freshDb('dst');
    const r = await importBackupText(db, text);
    expect(r.ok && r.value).toMatchObject({ correctionsAdded: 1, sourcingAdded: 1 });
    expect(await db.corrections.toArray()).toEqual(backup.corrections);
    expect(await db.sourcing.toArray()).toEqual(backup.sourcing);
    const again = await importBackupText(db, text);
    expect(again.ok && again.value).toMatchObject({ correctionsAdded: 0, sourcingAdded: 0 });
    expect(await db.corrections.count()).toBe(1);
  });

  it('a backup without corrections (made before schema v3) still imports', async () => {
    const src = await seeded();
    const { corrections: _c, sourcing: _s, ...old } = await exportBackup(src);
    const { db } = freshDb('dst');
    expect((await importBackupText(db, JSON.stringify(old))).ok).toBe(true);
    expect(await db.corrections.count()).toBe(0);
  });

  const mutate = async (f: (c: Record<string, unknown>) => void) => {
    const backup = JSON.parse(serializeBackup(await exportBackup(await seeded()))) as {
      corrections: Array<Record<string, unknown>>;
    };
    f(backup.corrections[0]!);
    return JSON.stringify(backup);
  };

  it.each([
    [
      'a timestamp beyond the Date range',
      (c: Record<string, unknown>) => (c.createdAt = 1e300),
      /correction 1.*createdAt/,
    ],
    ['a fractional timestamp', (c: Record<string, unknown>) => (c.updatedAt = 1.5), /correction 1.*updatedAt/],
    ['an unknown action', (c: Record<string, unknown>) => (c.action = 'rewrite'), /correction 1.*action/],
    ['an orphan article id', (c: Record<string, unknown>) => (c.articleId = 'nope'), /belongs to no article/],
  ])('rejects %s, naming the record, and imports nothing', async (_n, f, message) => {
    const text = await mutate(f);
    const r = parseBackup(text);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error).toMatch(message);
    const { db } = freshDb('dst');
    expect((await importBackupText(db, text)).ok).toBe(false);
    expect(await db.articles.count()).toBe(0);
    expect(await db.corrections.count()).toBe(0);
  });

  it('drops keys it does not know instead of storing them', async () => {
    const text = await mutate((c) => {
      c.evil = '<script>';
      (c.machine as Record<string, unknown>).extra = 1;
    });
    const r = parseBackup(text);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const c = r.value.corrections![0]! as unknown as Record<string, unknown>;
    expect('evil' in c).toBe(false);
    expect('extra' in (c.machine as object)).toBe(false);
  });
});
