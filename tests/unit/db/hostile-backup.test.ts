// Hostile backups (issue 17, items 4 and 5): timestamps outside the Date range, non-http(s) URLs and
// unknown keys. One bad record rejects the whole file with a message naming that record, and changes
// nothing; unknown keys are dropped, never stored; bidi controls survive a round trip exactly.
import { describe, expect, it } from 'vitest';
import { exportBackup, importBackupText, MAX_DATE_MS, parseBackup, serializeBackup } from '../../../utils/db/backup';
import { loadLibrary } from '../../../utils/db/library';
import { saveAnnotation } from '../../../utils/db/queries';
import { annotation, article, freshDb } from './helpers';

async function goodBackup() {
  const { db } = freshDb('src');
  await saveAnnotation(db, { article: article(), annotation: annotation({ comment: 'mine' }) }, 1000);
  return JSON.parse(serializeBackup(await exportBackup(db, 2000))) as {
    articles: Record<string, unknown>[];
    annotations: Record<string, unknown>[];
  } & Record<string, unknown>;
}

type B = Awaited<ReturnType<typeof goodBackup>>;
const withArticle = (b: B, over: Record<string, unknown>) => ({ ...b, articles: [{ ...b.articles[0], ...over }] });
const withAnnotation = (b: B, over: Record<string, unknown>) => ({
  ...b,
  annotations: [{ ...b.annotations[0], ...over }],
});

describe('hostile backup records are rejected, naming the record', () => {
  it.each<[string, (b: B) => object, RegExp]>([
    ['updatedAt 1e300', (b) => withArticle(b, { updatedAt: 1e300 }), /article 1 \(id .+\): updatedAt .*last date/],
    [
      'createdAt past the Date range',
      (b) => withAnnotation(b, { createdAt: MAX_DATE_MS + 1 }),
      /annotation 1.*createdAt/,
    ],
    ['a fractional timestamp', (b) => withAnnotation(b, { updatedAt: 1.5 }), /annotation 1.*updatedAt.*whole/],
    ['a negative timestamp', (b) => withArticle(b, { createdAt: -1 }), /article 1.*createdAt/],
    [
      'a javascript: URL',
      (b) => withArticle(b, { url: 'javascript:alert(1)' }),
      /article 1.*url must be an http\(s\) URL/,
    ],
    ['a data: URL', (b) => withArticle(b, { url: 'data:text/html,<script>1</script>' }), /article 1.*url.*http\(s\)/],
    [
      'a javascript: canonical URL',
      (b) => withArticle(b, { canonicalUrl: 'JavaScript:alert(1)' }),
      /canonicalUrl.*http\(s\)/,
    ],
    ['a relative URL', (b) => withArticle(b, { url: '/story' }), /article 1.*url.*http\(s\)/],
  ])('rejects %s and changes nothing', async (_name, make, message) => {
    const text = JSON.stringify(make(await goodBackup()));
    const { db } = freshDb('dst');
    await saveAnnotation(db, { article: article({ url: 'https://keep.example/' }), annotation: annotation() }, 1);
    const before = await loadLibrary(db);
    const r = await importBackupText(db, text);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error).toMatch(/nothing was imported/);
      expect(r.error).toMatch(message);
    }
    expect(await loadLibrary(db)).toEqual(before);
  });

  it.each([0, 1_700_000_000_000, MAX_DATE_MS])('accepts the timestamp %d', async (t) => {
    const b = await goodBackup();
    expect(parseBackup(JSON.stringify(withArticle(b, { createdAt: t, updatedAt: t }))).ok).toBe(true);
  });
});

describe('unknown keys are dropped', () => {
  it('imports the records without keys this version does not know, at any depth', async () => {
    const b = await goodBackup();
    const hostile = {
      ...b,
      extra: 'top',
      articles: [{ ...b.articles[0], sneaky: 1 }],
      annotations: [
        { ...b.annotations[0], __proto__x: 'p', quote: { ...(b.annotations[0]!.quote as object), evil: true } },
      ],
    };
    const r = parseBackup(JSON.stringify(hostile));
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value).not.toHaveProperty('extra');
    expect(r.value.articles[0]).not.toHaveProperty('sneaky');
    expect(r.value.annotations[0]).not.toHaveProperty('__proto__x');
    expect(r.value.annotations[0]!.quote).not.toHaveProperty('evil');
    const { db } = freshDb('dst');
    const imported = await importBackupText(db, JSON.stringify(hostile));
    expect(imported.ok).toBe(true);
    const stored = await db.articles.toArray();
    expect(stored[0]).not.toHaveProperty('sneaky');
  });

  it('keeps the file byte-stable through a round trip (key order is the input order)', async () => {
    const text = serializeBackup((await goodBackup()) as never);
    const { db } = freshDb('dst');
    expect((await importBackupText(db, text)).ok).toBe(true);
    const again = JSON.parse(serializeBackup(await exportBackup(db, 2000))) as B;
    expect(serializeBackup(again as never)).toBe(text);
  });
});

describe('bidi controls in a backup file', () => {
  it('are written as \\u escapes and restored exactly', async () => {
    const { db } = freshDb('src');
    const comment = 'safe \u202Eevil\u202C \u2066iso\u2069';
    await saveAnnotation(db, { article: article(), annotation: annotation({ comment }) }, 1000);
    const text = serializeBackup(await exportBackup(db, 2000));
    expect(text).not.toMatch(/[\u202a-\u202e\u2066-\u2069]/);
    expect(text).toContain('\\u202e');
    const { db: dst } = freshDb('dst');
    expect((await importBackupText(dst, text)).ok).toBe(true);
    expect((await dst.annotations.toArray())[0]!.comment).toBe(comment);
  });
});
