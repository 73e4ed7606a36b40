/**
 * The analyzer snapshot: the full output of the analyzer on every fixture, held-out page, robustness page
 * and dev-set page, committed under tests/snapshots/analysis/ so that a change to utils/analysis/ shows
 * exactly what it changes. A move that is meant to change nothing must show an empty diff; a change that
 * is meant to change output commits the updated snapshot, so its diff is in the commit. The unit suite
 * fails while the two disagree (tests/unit/analysis/snapshot.test.ts).
 *
 *   npm run snapshot              # analyze everything, diff against the committed snapshot, exit 1 on change
 *   npm run snapshot -- --update  # rewrite the committed snapshot
 *   npm run snapshot -- --stat    # only the per-file summary of the diff
 *
 * The format is described in tests/snapshots/render.ts.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { SNAPSHOT_DIR, snapshotInputs, snapshotOf } from '../tests/snapshots/render';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const CURRENT_DIR = join(root, '.tmp', 'snapshot-current');

function analyzeAll(outDir: string): number {
  rmSync(outDir, { recursive: true, force: true });
  let count = 0;
  for (const input of snapshotInputs()) {
    mkdirSync(join(outDir, input.group), { recursive: true });
    writeFileSync(join(outDir, input.group, `${input.name}.jsonl`), snapshotOf(input));
    count++;
  }
  return count;
}
function main(argv: string[]): number {
  if (argv.includes('--update')) {
    const n = analyzeAll(SNAPSHOT_DIR);
    console.log(`snapshot: wrote ${n} analyses to ${relative(root, SNAPSHOT_DIR)}`);
    return 0;
  }
  const n = analyzeAll(CURRENT_DIR);
  if (!existsSync(SNAPSHOT_DIR)) {
    console.error('snapshot: no committed snapshot yet; run `npm run snapshot -- --update`');
    return 1;
  }
  const args = ['diff', '--no-index', '--color=auto', argv.includes('--stat') ? '--stat=200' : '--patch-with-stat'];
  const diff = spawnSync('git', [...args, relative(root, SNAPSHOT_DIR), relative(root, CURRENT_DIR)], {
    cwd: root,
    stdio: 'inherit',
  });
  if (diff.status === 0) {
    console.log(`snapshot: ${n} analyses, no change`);
    return 0;
  }
  console.log(`snapshot: ${n} analyses; the output above differs from the committed snapshot`);
  return 1;
}

process.exitCode = main(process.argv.slice(2));
