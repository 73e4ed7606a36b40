/**
 * E2E soak (`npm run test:e2e:soak`, issue 11; not part of CI or `npm test`): runs the whole E2E suite
 * (both browsers) several times in a row while busy-loop child processes load the CPU, then prints the
 * failures per test. A test that fails here under load waits on a guess instead of a condition: fix that
 * wait, never add a retry. Requires both builds (`npx wxt build && npx wxt build -b firefox --mv3`), or
 * pass --build to build them once first.
 *
 *   npx tsx tests/e2e/soak.ts [--runs 3] [--busy 2] [--build]
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const resultsFile = join(root, '.tmp', 'e2e-results.json');

interface Outcome {
  browser: string;
  name: string;
  status: 'passed' | 'failed' | 'skipped';
}
interface Results {
  passed: number;
  failed: number;
  skipped: number;
  durationMs?: number;
  tests?: Outcome[];
  error?: string;
}

function option(name: string, fallback: number): number {
  const at = process.argv.indexOf(name);
  const v = at >= 0 ? Number(process.argv[at + 1]) : fallback;
  if (!Number.isInteger(v) || v < 0) throw new Error(`${name} needs a whole number`);
  return v;
}
const runs = option('--runs', 3);
const busyCount = option('--busy', 2);

// --- CPU load: each child spins forever until we kill it -------------------------------------------
const busy: ChildProcess[] = [];
function stopBusy(): void {
  for (const child of busy) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  busy.length = 0;
}
// the busy children must never outlive the soak, however it ends
process.on('exit', stopBusy);
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
  process.on(signal, () => {
    stopBusy();
    process.exit(130);
  });
}

function build(): void {
  for (const args of [
    ['wxt', 'build'],
    ['wxt', 'build', '-b', 'firefox', '--mv3'],
  ]) {
    console.log(`soak: npx ${args.join(' ')}`);
    const r = spawnSync('npx', args, { cwd: root, stdio: 'inherit' });
    if (r.status !== 0) throw new Error(`npx ${args.join(' ')} failed`);
  }
}

/** One full E2E run (both browsers) as its own process, like `npm run test:e2e`; resolves to its results. */
function runSuite(): Promise<Results> {
  return new Promise((resolve) => {
    const child = spawn('npx', ['tsx', 'tests/e2e/run.ts'], { cwd: root, stdio: 'inherit' });
    child.on('exit', () => {
      readFile(resultsFile, 'utf8').then(
        (text) => resolve(JSON.parse(text) as Results),
        (err: unknown) => resolve({ passed: 0, failed: 1, skipped: 0, error: `no results: ${String(err)}` }),
      );
    });
  });
}

async function main(): Promise<void> {
  if (process.argv.includes('--build')) build();
  for (const dir of ['chrome-mv3', 'firefox-mv3'])
    if (!existsSync(join(root, '.output', dir, 'manifest.json')))
      throw new Error(`.output/${dir} is not built: build first, or pass --build`);

  for (let i = 0; i < busyCount; i++) busy.push(spawn(process.execPath, ['-e', 'for (;;) {}'], { stdio: 'ignore' }));
  console.log(`soak: ${runs} run(s) of the whole E2E suite, ${busy.length} busy-loop process(es) loading the CPU`);

  /** "browser name" → [failures, runs it ran in] */
  const perTest = new Map<string, { failures: number; ran: number }>();
  const crashes: string[] = [];
  const totals = { passed: 0, failed: 0, skipped: 0 };
  for (let run = 1; run <= runs; run++) {
    console.log(`\n== soak run ${run}/${runs}`);
    const r = await runSuite();
    if (r.error) crashes.push(`run ${run}: ${r.error}`);
    totals.passed += r.passed;
    totals.failed += r.failed;
    totals.skipped += r.skipped;
    for (const t of r.tests ?? []) {
      if (t.status === 'skipped') continue;
      const key = `${t.browser.padEnd(9)}${t.name}`;
      const entry = perTest.get(key) ?? { failures: 0, ran: 0 };
      entry.ran++;
      if (t.status === 'failed') entry.failures++;
      perTest.set(key, entry);
    }
    console.log(`soak run ${run}: ${r.passed} passed, ${r.failed} failed, ${r.skipped} skipped`);
  }
  stopBusy();

  const rows = [...perTest.entries()].sort(([a], [b]) => a.localeCompare(b));
  const failing = rows.filter(([, e]) => e.failures > 0);
  console.log(`\n== soak: failures per test (browser × test → failures / runs), ${busyCount} busy-loop processes`);
  // every test's line, so the table shows what ran as well as what failed
  for (const [key, e] of rows) console.log(`${e.failures > 0 ? 'FLAKY' : 'ok   '}  ${key}  ${e.failures}/${e.ran}`);
  for (const c of crashes) console.log(`CRASH  ${c}`);
  console.log(
    `\nsoak: ${runs} runs, ${rows.length} tests (browser × test), ${rows.reduce((n, [, e]) => n + e.ran, 0)} executions: ` +
      `${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped; ` +
      `${failing.length} test(s) failed at least once`,
  );
  process.exitCode = totals.failed > 0 || crashes.length > 0 ? 1 : 0;
}

main().catch((err: unknown) => {
  stopBusy();
  console.error(err);
  process.exitCode = 1;
});
