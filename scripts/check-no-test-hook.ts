/**
 * Checks that production builds carry no E2E test hook (issue 17, item 7). The background's
 * `__sourcelightTest` exists only when built with WXT_SOURCELIGHT_TEST=1 (scripts/test.sh does); a plain
 * `wxt build` / `wxt zip` must have it removed as dead code. Usage:
 * `npx tsx scripts/check-no-test-hook.ts [dir-or-zip …]` (default: every `.output/*.zip`). Exits non-zero,
 * naming the file, when any build contains the hook — or when there is nothing to check, so a CI step
 * that silently checked nothing cannot pass. Zips are read with fflate (no `unzip` on a fresh machine).
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { unzipSync } from 'fflate';

const NEEDLE = '__sourcelightTest';

/** Every file under `dir`, recursively. */
function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    return statSync(p).isDirectory() ? filesUnder(p) : [p];
  });
}

/** The names (inside `target`) of the files that contain the hook. */
function offenders(target: string): string[] {
  if (statSync(target).isDirectory())
    return filesUnder(target).filter((f) => readFileSync(f, 'latin1').includes(NEEDLE));
  const members = unzipSync(readFileSync(target));
  return Object.entries(members)
    .filter(([, bytes]) => Buffer.from(bytes).toString('latin1').includes(NEEDLE))
    .map(([name]) => `${target}:${name}`);
}

let targets = process.argv.slice(2);
if (targets.length === 0 && existsSync('.output'))
  targets = readdirSync('.output')
    // the sources zip (Firefox's review copy of the repository) holds the hook's source by design
    .filter((f) => f.endsWith('.zip') && !f.endsWith('-sources.zip'))
    .map((f) => join('.output', f));
if (targets.length === 0) {
  console.error('check-no-test-hook: nothing to check (no build directory or zip given, no .output/*.zip)');
  process.exit(1);
}
const bad = targets.flatMap((t) => (existsSync(t) ? offenders(t) : [`${t} (missing)`]));
if (bad.length) {
  console.error(`check-no-test-hook: FAILED — ${NEEDLE} is in a production build:\n  ${bad.join('\n  ')}`);
  process.exit(1);
}
console.log(`check-no-test-hook: ok, no ${NEEDLE} in ${targets.join(', ')}`);
