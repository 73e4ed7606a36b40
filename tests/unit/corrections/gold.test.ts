// Corrections as gold-format evaluation data: a corrected article of a backup becomes a gold page whose
// claims carry the reader's speaker and flag, without "not a quote" passages, with the claims the reader
// added; an article whose sourcing was never saved is marked incomplete. The CLI prints exactly this.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyzeText } from '../../../utils/analysis';
import { quoteSelector } from '../../../utils/anchoring/selectors';
import { machineClaim } from '../../../utils/corrections/apply';
import { goldFromBackup, pageName } from '../../../utils/corrections/gold';
import { sourcingRequest } from '../../../utils/corrections/sourcing';
import { exportBackup, serializeBackup } from '../../../utils/db/backup';
import { saveCorrection, saveSourcing } from '../../../utils/db/corrections';
import { article, freshDb } from '../db/helpers';

const TEXT =
  '"The budget is a fiction," a senior aide said. Amina Diallo said the port would reopen. ' +
  'Rebuilding the Port. The works start in May.';
const analysis = analyzeText(TEXT);
const find = (s: string) => analysis.quotes.find((q) => q.text.includes(s))!;

async function corrected(withSourcing: boolean) {
  const { db } = freshDb(withSourcing ? 'with' : 'without');
  if (withSourcing) await saveSourcing(db, sourcingRequest(article(), analysis), 1000);
  const q = find('budget');
  const base = {
    quote: quoteSelector(TEXT, q.start, q.end),
    position: { start: q.start, end: q.end },
    machine: machineClaim(q),
  };
  await saveCorrection(
    db,
    { article: article(), correction: { ...base, action: 'anonymous', anonymous: false } },
    2000,
  );
  await saveCorrection(
    db,
    { article: article(), correction: { ...base, action: 'speaker', speaker: 'Omar Sy' } },
    2001,
  );
  const port = find('port would reopen');
  await saveCorrection(
    db,
    {
      article: article(),
      correction: {
        action: 'not-a-quote',
        quote: quoteSelector(TEXT, port.start, port.end),
        position: { start: port.start, end: port.end },
        machine: machineClaim(port),
      },
    },
    2002,
  );
  const start = TEXT.indexOf('The works start in May.');
  const end = start + 'The works start in May.'.length;
  await saveCorrection(
    db,
    {
      article: article(),
      correction: {
        action: 'add-claim',
        quote: quoteSelector(TEXT, start, end),
        position: { start, end },
        machine: null,
        speaker: 'Amina Diallo',
        anonymous: false,
        kind: 'indirect',
      },
    },
    2003,
  );
  return exportBackup(db, 3000);
}

describe('corrections as gold', () => {
  it('a saved sourcing with corrections is a complete gold page', async () => {
    const [page] = goldFromBackup(await corrected(true));
    expect(page).toMatchObject({ page: 'news-example-world-story', title: 'A story', complete: true });
    expect(page!.quotes).toContainEqual({
      text: 'The budget is a fiction',
      kind: 'direct',
      speaker: 'Omar Sy',
      anonymous: false,
    });
    expect(page!.quotes.some((q) => q.text.includes('port would reopen'))).toBe(false);
    expect(page!.quotes.at(-1)).toEqual({
      text: 'The works start in May.',
      kind: 'indirect',
      speaker: 'Amina Diallo',
      anonymous: false,
    });
    expect(page!.entities).toContainEqual({ text: 'Amina Diallo', type: 'person' });
  });

  it('without a saved sourcing only the corrected claims are listed, marked incomplete', async () => {
    const [page] = goldFromBackup(await corrected(false));
    expect(page!.complete).toBe(false);
    expect(page!.quotes.map((q) => q.text)).toEqual(['The works start in May.']);
  });

  it.each([
    ['https://www.news.example/world/story?x=1', 'news-example-world-story'],
    ['not a url', 'not-a-url'],
  ])('pageName(%j) = %j', (url, name) => expect(pageName(url)).toBe(name));

  it('the CLI prints the gold JSON of a backup file, and a clear error for a bad file', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sl-gold-'));
    const file = join(dir, 'backup.json');
    writeFileSync(file, serializeBackup(await corrected(true)));
    const out = execFileSync('npx', ['tsx', 'cli/corrections.ts', file], { encoding: 'utf8' });
    expect(JSON.parse(out)).toEqual(goldFromBackup(await corrected(true)));
    writeFileSync(file, '{"format":"nope"}');
    let error = '';
    try {
      execFileSync('npx', ['tsx', 'cli/corrections.ts', file], { encoding: 'utf8', stdio: 'pipe' });
    } catch (err) {
      error = String((err as { stderr?: string }).stderr);
    }
    expect(error).toMatch(/not a Sourcelight backup/);
  }, 60_000);
});
