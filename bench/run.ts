/**
 * `npm run bench`: runs every benchmark script in this folder in turn (analysis speed and bundle size,
 * library at scale, the audit page at scale, robustness corpus) and prints their Markdown tables. Performance is measured here,
 * never by timed unit tests.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';

const BENCHES = ['analysis.ts', 'fuzz.ts', 'page.ts', 'library.ts', 'audit.ts', 'robustness.ts'];
const only = process.argv.slice(2);
let failed = 0;
for (const file of BENCHES) {
  if (only.length && !only.some((o) => file.startsWith(o))) continue;
  const path = join(import.meta.dirname, file);
  if (!existsSync(path)) continue;
  console.log(`\n# ${file}\n`);
  const r = spawnSync(process.execPath, ['--import', 'tsx', path], { stdio: 'inherit' });
  if (r.status !== 0) failed++;
}
process.exitCode = failed ? 1 : 0;
