/**
 * CLI: `npm run --silent corrections -- BACKUP.json [--page NAME]`
 * Prints the reader's corrections of a Sourcelight backup as gold-format JSON (../shared/eval/README.md):
 * one object per corrected article, or the one named by --page — so a reader's corrections become
 * evaluation data. The backup is validated like a restore. Errors go to stderr, with a non-zero exit code.
 */
import { readFile } from 'node:fs/promises';
import { parseBackup } from '../utils/db/backup';
import { goldFromBackup } from '../utils/corrections/gold';

const USAGE = 'usage: npm run --silent corrections -- BACKUP.json [--page NAME]';

async function main(argv: string[]): Promise<number> {
  const pageIdx = argv.indexOf('--page');
  const page = pageIdx >= 0 ? argv[pageIdx + 1] : undefined;
  const file = argv.find((a, i) => !a.startsWith('--') && !(pageIdx >= 0 && i === pageIdx + 1));
  if (!file || argv.includes('--help')) {
    process.stderr.write(USAGE + '\n');
    return file ? 0 : 2;
  }
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (err) {
    process.stderr.write(`sourcelight: cannot read ${file}: ${(err as Error).message}\n`);
    return 1;
  }
  const backup = parseBackup(text);
  if (!backup.ok) {
    process.stderr.write(`sourcelight: ${backup.error}\n`);
    return 1;
  }
  const pages = goldFromBackup(backup.value);
  const chosen = page ? pages.filter((p) => p.page === page) : pages;
  if (!chosen.length) {
    process.stderr.write(
      page
        ? `sourcelight: no corrected article named "${page}" (have: ${pages.map((p) => p.page).join(', ') || 'none'})\n`
        : 'sourcelight: this backup holds no corrections\n',
    );
    return 1;
  }
  for (const p of chosen)
    if (!p.complete)
      process.stderr.write(`sourcelight: ${p.page}: sourcing not saved, only the corrected claims are listed\n`);
  process.stdout.write(JSON.stringify(chosen.length === 1 && page ? chosen[0] : chosen, null, 2) + '\n');
  return 0;
}

main(process.argv.slice(2)).then((code) => {
  process.exitCode = code;
});
