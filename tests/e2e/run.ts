/**
 * E2E runner: runs every `e2e()` test exported from tests/e2e/scenarios/*.ts on Chromium and on Firefox,
 * each in a fresh browser with a fresh profile, against the extension already built in .output/ (the test
 * script builds first; this runner builds nothing). It also checks that every built .js file is pure ASCII
 * (the Vite 8 charset trap: Chromium silently refuses a content script with a raw U+FFFF).
 *
 * Prints one line per test, writes {passed, failed, skipped, ...} to .tmp/e2e-results.json, and exits
 * non-zero when anything failed.
 *
 *   npx tsx tests/e2e/run.ts [--browser chromium|firefox] [--grep text]
 *
 * Firefox is skipped with a message when /usr/bin/firefox-esr is missing, except under CI (CI=true), where
 * a missing browser is a failure: CI must prove both browsers.
 */
import { existsSync } from 'node:fs';
import { mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { basename, join, relative, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { CHROMIUM_PATH, launchChromium } from './chromium.ts';
import { FIREFOX_PATH, launchFirefox } from './firefox.ts';
import {
  expect,
  isE2ETest,
  SkipTest,
  withTimeout,
  type BrowserName,
  type Driver,
  type E2ETest,
  type LaunchOptions,
  type TestContext,
} from './driver.ts';
import { startFixtureServer, type FixtureServer } from './server.ts';

const root = resolve(fileURLToPath(new URL('../..', import.meta.url)));
const scenariosDir = join(root, 'tests', 'e2e', 'scenarios');
const workRoot = join(root, '.tmp', 'e2e');
const resultsFile = join(root, '.tmp', 'e2e-results.json');
const DEFAULT_TIMEOUT_MS = 60_000;
const CLOSE_TIMEOUT_MS = 15_000;

interface BrowserSetup {
  name: BrowserName;
  executable: string;
  extensionDir: string;
  launch(options: LaunchOptions): Promise<Driver>;
}

const BROWSERS: BrowserSetup[] = [
  {
    name: 'chromium',
    executable: CHROMIUM_PATH,
    extensionDir: join(root, '.output', 'chrome-mv3'),
    launch: launchChromium,
  },
  {
    name: 'firefox',
    executable: FIREFOX_PATH,
    extensionDir: join(root, '.output', 'firefox-mv3'),
    launch: launchFirefox,
  },
];

type Status = 'passed' | 'failed' | 'skipped';
interface Outcome {
  browser: BrowserName | 'build';
  name: string;
  status: Status;
  ms: number;
  detail?: string;
}

const outcomes: Outcome[] = [];

function report(o: Outcome, logs: string[] = []): void {
  outcomes.push(o);
  const mark = { passed: 'PASS', failed: 'FAIL', skipped: 'SKIP' }[o.status];
  const secs = (o.ms / 1000).toFixed(1);
  console.log(`${mark} ${o.browser.padEnd(8)} ${o.name} (${secs} s)${o.detail ? ` — ${firstLine(o.detail)}` : ''}`);
  for (const line of logs) console.log(`       ${line}`);
  if (o.status === 'failed' && o.detail && o.detail.includes('\n')) {
    console.log(
      o.detail
        .split('\n')
        .slice(0, 12)
        .map((l) => `       ${l}`)
        .join('\n'),
    );
  }
}

const firstLine = (s: string) => s.split('\n')[0]!;

function args(): { browser: string | null; grep: string | null } {
  const a = process.argv.slice(2);
  const value = (flag: string) => {
    const i = a.indexOf(flag);
    return i >= 0 ? (a[i + 1] ?? null) : null;
  };
  return { browser: value('--browser'), grep: value('--grep') };
}

/** Every .js file under `dir`, recursively. */
async function jsFiles(dir: string): Promise<string[]> {
  const out: string[] = [];
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) out.push(...(await jsFiles(path)));
    else if (entry.name.endsWith('.js')) out.push(path);
  }
  return out;
}

/**
 * The charset guard: every built script must be 7-bit ASCII. A raw U+FFFF (Dexie's
 * String.fromCharCode(65535) folded by the minifier) makes Chromium refuse the whole content script
 * without any visible error.
 */
async function checkAsciiBuild(): Promise<void> {
  const started = Date.now();
  const name = 'build › every built .js under .output is pure ASCII';
  const outputDir = join(root, '.output');
  if (!existsSync(outputDir)) {
    report({ browser: 'build', name, status: 'failed', ms: 0, detail: '.output/ missing: build first' });
    return;
  }
  const offenders: string[] = [];
  const files = await jsFiles(outputDir);
  for (const file of files) {
    const bytes = await readFile(file);
    const at = bytes.findIndex((b) => b > 0x7f);
    if (at >= 0) offenders.push(`${relative(root, file)} (first non-ASCII byte at offset ${at})`);
  }
  report({
    browser: 'build',
    name: `${name} (${files.length} files)`,
    status: offenders.length || files.length === 0 ? 'failed' : 'passed',
    ms: Date.now() - started,
    detail: offenders.length ? offenders.join('\n') : files.length === 0 ? 'no .js files found' : undefined,
  });
}

/**
 * The chart library stays on the audit page (issue 16): no content script and no background bundles
 * Chart.js, so pages never pay for it. Chart.js's "Failed to create chart" message is the marker: it is in every
 * Chart.js build and in nothing of ours.
 */
async function checkChartsOnlyOnAuditPage(): Promise<void> {
  const started = Date.now();
  const name = 'build › Chart.js only in the audit page, never in a content script or the background';
  const MARKER = 'Failed to create chart';
  const dirs = ['chrome-mv3', 'firefox-mv3'].map((d) => join(root, '.output', d));
  const offenders: string[] = [];
  let auditHasIt = 0;
  for (const dir of dirs) {
    if (!existsSync(dir)) continue;
    const files = await Promise.all((await jsFiles(dir)).map(async (f) => [f, await readFile(f, 'utf8')] as const));
    // Chart.js lives in the audit page's chunk, or in a chunk of its own that only the audit page loads
    // (it is imported on first use, after the totals paint)
    const chartChunks = files.filter(([, text]) => text.includes(MARKER)).map(([f]) => relative(dir, f));
    for (const rel of chartChunks) {
      if (/^chunks\/audit-/.test(rel)) continue;
      const base = rel.split('/').pop()!;
      const loaders = files.filter(([f, text]) => relative(dir, f) !== rel && text.includes(base));
      const onlyAudit = loaders.length > 0 && loaders.every(([f]) => /^chunks\/audit-/.test(relative(dir, f)));
      if (!onlyAudit) offenders.push(relative(root, join(dir, rel)));
    }
    if (chartChunks.length > 0 && offenders.length === 0) auditHasIt++;
  }
  const ok = offenders.length === 0 && auditHasIt === dirs.filter((d) => existsSync(d)).length && auditHasIt > 0;
  report({
    browser: 'build',
    name,
    status: ok ? 'passed' : 'failed',
    ms: Date.now() - started,
    detail: ok
      ? undefined
      : offenders.length
        ? `Chart.js found in ${offenders.join(', ')}`
        : 'Chart.js not found in the audit page chunk',
  });
}

interface Discovered {
  name: string;
  test: E2ETest;
}

/** Imports every scenario file and collects its `e2e()` exports, in file then export order. */
async function discover(): Promise<Discovered[]> {
  const files = (await readdir(scenariosDir)).filter((f) => f.endsWith('.ts') && !f.endsWith('.d.ts')).sort();
  const found: Discovered[] = [];
  for (const file of files) {
    const mod = (await import(pathToFileURL(join(scenariosDir, file)).href)) as Record<string, unknown>;
    for (const [exportName, value] of Object.entries(mod)) {
      if (isE2ETest(value)) found.push({ name: `${basename(file, '.ts')} › ${exportName}`, test: value });
    }
  }
  return found;
}

const safeName = (s: string) => s.replace(/[^a-z0-9]+/gi, '-').replace(/^-|-$/g, '');

async function runOne(setup: BrowserSetup, server: FixtureServer, item: Discovered): Promise<void> {
  const started = Date.now();
  const workDir = join(workRoot, setup.name, safeName(item.name));
  await rm(workDir, { recursive: true, force: true });
  const artifactsDir = join(workDir, 'artifacts');
  await mkdir(artifactsDir, { recursive: true });
  const logs: string[] = [];
  let driver: Driver | null = null;
  const timeoutMs = item.test.options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  let body: Promise<void> = Promise.resolve();
  try {
    body = (async () => {
      driver = await setup.launch({ extensionDir: setup.extensionDir, workDir });
      const t: TestContext = {
        driver,
        server,
        browser: setup.name,
        artifactsDir,
        skip: (reason: string): never => {
          throw new SkipTest(reason);
        },
        log: (m) => logs.push(m),
        expect,
      };
      await item.test.run(t);
    })();
    await withTimeout(body, timeoutMs, 'test');
    report({ browser: setup.name, name: item.name, status: 'passed', ms: Date.now() - started }, logs);
  } catch (err) {
    const skipped = err instanceof SkipTest;
    const e = err as Error;
    const d = driver as Driver | null;
    if (!skipped && d) {
      // what the tabs looked like when it failed; bounded so a wedged browser cannot stall the run
      const shots = await withTimeout(d.screenshotAll(artifactsDir), 15_000, 'failure screenshots').catch(() => []);
      if (shots.length) logs.push(`screenshots: ${shots.map((f) => relative(root, f)).join(', ')}`);
    }
    report(
      {
        browser: setup.name,
        name: item.name,
        status: skipped ? 'skipped' : 'failed',
        ms: Date.now() - started,
        detail: skipped ? e.message : (e.stack ?? e.message),
      },
      logs,
    );
  } finally {
    const close = async () => {
      const d = driver as Driver | null;
      if (d) await withTimeout(d.close(), CLOSE_TIMEOUT_MS, 'closing the browser').catch(() => undefined);
    };
    await close();
    // After a timeout the test body may still be launching a browser: close that one when it gets there.
    void body.then(close, close);
  }
}

async function main(): Promise<void> {
  const started = Date.now();
  const { browser: only, grep } = args();
  await mkdir(workRoot, { recursive: true });
  await checkAsciiBuild();
  await checkChartsOnlyOnAuditPage();

  const tests = (await discover()).filter((d) => !grep || d.name.includes(grep));
  const server = await startFixtureServer();
  console.log(`E2E: ${tests.length} scenario test(s), fixtures at ${server.origin}`);
  try {
    for (const setup of BROWSERS) {
      if (only && only !== setup.name) continue;
      const runnable = tests.filter((d) => !d.test.options.browsers || d.test.options.browsers.includes(setup.name));
      let missing: string | null = null;
      if (!existsSync(setup.executable)) missing = `${setup.executable} is not installed`;
      else if (!existsSync(join(setup.extensionDir, 'manifest.json')))
        missing = `${relative(root, setup.extensionDir)} is not built`;
      if (missing) {
        // Locally a missing browser is a skip with a reason; CI must run both, so there it is a failure.
        const status: Status = process.env.CI === 'true' ? 'failed' : 'skipped';
        for (const d of runnable) report({ browser: setup.name, name: d.name, status, ms: 0, detail: missing });
        continue;
      }
      for (const d of runnable) await runOne(setup, server, d);
    }
  } finally {
    await server.close();
  }

  const count = (s: Status) => outcomes.filter((o) => o.status === s).length;
  const summary = {
    passed: count('passed'),
    failed: count('failed'),
    skipped: count('skipped'),
    durationMs: Date.now() - started,
    tests: outcomes,
  };
  await mkdir(join(root, '.tmp'), { recursive: true });
  await writeFile(resultsFile, JSON.stringify(summary, null, 2));
  console.log(
    `E2E: ${summary.passed} passed, ${summary.failed} failed, ${summary.skipped} skipped in ${(summary.durationMs / 1000).toFixed(1)} s`,
  );
  // exit explicitly: a browser left behind by a timed-out test must not keep the runner alive
  process.exit(summary.failed > 0 ? 1 : 0);
}

main().catch(async (err: unknown) => {
  console.error(err);
  // still leave a results file so the test script can count this as a failure
  await mkdir(join(root, '.tmp'), { recursive: true });
  await writeFile(resultsFile, JSON.stringify({ passed: 0, failed: 1, skipped: 0, error: String(err) }));
  process.exit(1);
});
