/**
 * The E2E driver interface: one small API that every end-to-end scenario is written against, implemented
 * for Chromium (tests/e2e/chromium.ts, playwright-core over CDP) and Firefox (tests/e2e/firefox.ts,
 * puppeteer-core over WebDriver BiDi). Scenarios are written once and the runner (tests/e2e/run.ts) runs
 * each of them on both browsers, each test in a fresh browser with a fresh profile.
 *
 * ## Adding scenarios
 * Put a file in tests/e2e/scenarios/ (any name ending in .ts) and export one or more named tests made with
 * `e2e()`. The runner discovers every file and every `e2e()` export automatically; the test's name is
 * `<file> › <exportName>`. Nothing has to be registered anywhere. Run a subset with
 * `npx tsx tests/e2e/run.ts --browser firefox --grep reading` (after `npx wxt build` and
 * `npx wxt build -b firefox --mv3`); each test's profile, downloads and screenshots stay in .tmp/e2e/.
 *
 *     // tests/e2e/scenarios/highlights.ts
 *     import { e2e } from '../driver.ts';
 *     export const drawsHighlights = e2e(async ({ driver, server, expect }) => {
 *       const page = await driver.newPage(server.url('/article.html'));
 *       await page.waitFor(() => CSS.highlights.size > 0);
 *       expect(await page.evaluate(() => [...CSS.highlights.keys()]), 'highlight names').toContain(...);
 *     });
 *
 * Functions passed to `evaluate` / `waitFor` / `evaluateInBackground` are serialized and run in the browser:
 * they must not close over Node variables; pass data through the `arg` parameter (JSON-serializable), and
 * return JSON-serializable values. Use `t.skip(reason)` for a step a browser cannot do (check
 * `driver.capabilities`), never a silent pass. Fixture pages live in tests/e2e/pages/ (served at `/`) and
 * demo/ is served at `/demo/`; the server listens on 127.0.0.1 only.
 *
 * Saving a selection: headless browsers can neither press extension keyboard shortcuts nor open native
 * context menus, so `driver.saveSelection(page)` calls the background's `__sourcelightTest.saveSelectionOf`
 * (entrypoints/background.ts), the very function the context menu and the Alt+Shift+S command call.
 */
import { strict as assert } from 'node:assert';
import type { FixtureServer } from './server.ts';

export type BrowserName = 'chromium' | 'firefox';

/** Anything that survives JSON: what crosses the Node ↔ browser boundary. */
export type Json = null | boolean | number | string | Json[] | { [key: string]: Json | undefined };

/** What the browser under test can and cannot do; scenarios skip (with a reason) what it cannot. */
export interface Capabilities {
  /** Data in the extension's storage survives `driver.restart()`. False for Firefox temporary add-ons. */
  readonly restartKeepsData: boolean;
  /** `driver.expectDownload` can see files the browser downloads. */
  readonly downloads: boolean;
}

export interface WaitOptions {
  timeoutMs?: number;
  /** Shown in the timeout error. */
  message?: string;
}

/** One tab. */
export interface E2EPage {
  /** The page's current URL, read from the page itself (reliable for extension pages too). */
  url(): Promise<string>;
  /** Navigates and waits for the load event. Extension URLs are allowed. */
  goto(url: string): Promise<void>;
  /** Runs `fn(arg)` in the page's main world (not the content script's) and returns its result. */
  evaluate<R extends Json | void, A extends Json = null>(fn: (arg: A) => R | Promise<R>, arg?: A): Promise<R>;
  /** Polls `fn(arg)` in the page until it returns a truthy value, and returns that value. */
  waitFor<R extends Json, A extends Json = null>(
    fn: (arg: A) => R | Promise<R>,
    arg?: A,
    options?: WaitOptions,
  ): Promise<R>;
  /** Waits until `selector` matches at least one element. */
  waitForSelector(selector: string, options?: WaitOptions): Promise<void>;
  /** textContent of every element matching `selector`, in document order. */
  texts(selector: string): Promise<string[]>;
  /**
   * Selects text in the first element matching `selector`: all of it, or the first occurrence of
   * `substring` inside it (which may span child elements). Returns the selected text.
   */
  selectText(selector: string, substring?: string): Promise<string>;
  /**
   * A real (trusted) mouse click in the middle of the first element matching `selector`, waiting (up to
   * 10 s) for the element to exist first.
   */
  click(selector: string): Promise<void>;
  /** Focuses `selector` (waiting for it like `click`) and types `text` with real key events. */
  type(selector: string, text: string): Promise<void>;
  /** Presses a key or chord in the focused element, e.g. `Enter`, `Alt+Shift+S` (Playwright key names). */
  press(key: string): Promise<void>;
  screenshot(path: string): Promise<void>;
  /** Uncaught errors and console errors the page reported since it was opened (any world). */
  errors(): string[];
  close(): Promise<void>;
}

/** A file the browser downloaded. */
/** What `expectDownload` waits for: the file the trigger should produce. */
export interface DownloadOptions extends WaitOptions {
  /**
   * The expected file name. Firefox writes a download under temporary names first (`.part`, or a random
   * `PXqvdNHw.json` that is renamed away), so only a file with this name counts as the download.
   */
  name: RegExp;
}

export interface Download {
  filename: string;
  content: string;
}

/** One running browser with the built extension installed. */
export interface Driver {
  readonly name: BrowserName;
  readonly capabilities: Capabilities;
  /** chrome-extension://ID or moz-extension://UUID, without a trailing slash. */
  readonly extensionOrigin: string;
  /** Opens a new tab, at `url` when given. */
  newPage(url?: string): Promise<E2EPage>;
  /** Opens an extension page (e.g. `popup.html`, `options.html`) in a new tab. */
  openExtensionPage(path: string): Promise<E2EPage>;
  /**
   * Runs `fn(background, arg)` with the background's global object (Chromium: the service worker's
   * `globalThis`; Firefox: the background page's window). Use `background.chrome ?? background.browser`
   * for extension APIs.
   */
  evaluateInBackground<R extends Json | void, A extends Json = null>(
    fn: (background: BackgroundGlobal, arg: A) => R | Promise<R>,
    arg?: A,
  ): Promise<R>;
  /**
   * Saves the page's current selection as the context menu and the keyboard command do, and returns the
   * background's reply (`{ ok: true, value }` or `{ ok: false, error }`).
   */
  saveSelection(page: E2EPage): Promise<SaveReply>;
  /**
   * Runs `trigger` and waits until the browser has finished the download it causes (never a file still
   * being written), then reads it. Check `capabilities.downloads` first.
   */
  expectDownload(trigger: () => Promise<void>, options: DownloadOptions): Promise<Download>;
  /** Screenshots every open tab into `dir`; the runner calls it when a test fails. Returns the files. */
  screenshotAll(dir: string): Promise<string[]>;
  /** Closes the browser and starts it again on the same profile (all pages are closed). */
  restart(): Promise<void>;
  close(): Promise<void>;
}

/** The reply of the background's save: the contract's Result, as JSON. */
export type SaveReply = { ok: true; value: Json } | { ok: false; error: string };

/** The few extension APIs the tests call, typed loosely on purpose (no dependency on a types package). */
export interface ExtensionApi {
  tabs: { query(query: object): Promise<Array<{ id?: number; url?: string; title?: string }>> };
  runtime: { id: string; getManifest(): { manifest_version: number; version: string } };
}

/** The background's global, as a scenario function sees it (only the parts we use are typed). */
export interface BackgroundGlobal {
  __sourcelightTest?: {
    saveSelectionOf(tabId: number | undefined): Promise<SaveReply>;
    /** The context menu's "Save this article's sourcing" (issue 15). */
    saveSourcingOf(tabId: number | undefined): Promise<SaveReply>;
    /** `stalled: true`: the background never answers `analyzeArticle` (the page's fallback). */
    analysis: { stalled: boolean; held: number };
  };
  chrome?: ExtensionApi;
  browser?: ExtensionApi;
}

export interface LaunchOptions {
  /** The built extension, e.g. .output/chrome-mv3. */
  extensionDir: string;
  /** Where this test's profile and artifacts go. */
  workDir: string;
}

/** What each test gets. */
export interface TestContext {
  driver: Driver;
  server: FixtureServer;
  browser: BrowserName;
  /** A folder for this test's screenshots and other artifacts (kept after the run). */
  artifactsDir: string;
  /** Marks the test skipped (for something this browser cannot do) and stops it. */
  skip(reason: string): never;
  /** Logs a line under the test's result line. */
  log(message: string): void;
  expect: typeof expect;
}

export interface TestOptions {
  /** Per-test bound, browser start included. Default 60 s. */
  timeoutMs?: number;
  /** Run only on these browsers (default: both). Prefer `t.skip` with a reason inside the test. */
  browsers?: BrowserName[];
}

const TEST = Symbol.for('sourcelight.e2e.test');

export interface E2ETest {
  readonly [TEST]: true;
  readonly run: (t: TestContext) => Promise<void>;
  readonly options: TestOptions;
}

/** Declares an end-to-end test; export it by name from a file in tests/e2e/scenarios/. */
export function e2e(run: (t: TestContext) => Promise<void>, options: TestOptions = {}): E2ETest {
  return { [TEST]: true, run, options };
}

export function isE2ETest(value: unknown): value is E2ETest {
  return typeof value === 'object' && value !== null && (value as Partial<E2ETest>)[TEST] === true;
}

/** Thrown by `t.skip`; the runner reports the test as skipped. */
export class SkipTest extends Error {
  override name = 'SkipTest';
}

/** Tiny assertions with readable messages (node:assert underneath, so diffs are shown). */
export function expect<T>(actual: T, what = 'value') {
  return {
    toBe(expected: T) {
      assert.deepStrictEqual(actual, expected, `${what}: expected ${show(expected)}, got ${show(actual)}`);
    },
    toBeTruthy() {
      assert.ok(actual, `${what}: expected truthy, got ${show(actual)}`);
    },
    toContain(item: unknown) {
      const ok =
        typeof actual === 'string' ? actual.includes(String(item)) : Array.isArray(actual) && actual.includes(item);
      assert.ok(ok, `${what}: expected ${show(actual)} to contain ${show(item)}`);
    },
    toBeGreaterThan(n: number) {
      assert.ok(typeof actual === 'number' && actual > n, `${what}: expected > ${n}, got ${show(actual)}`);
    },
  };
}

function show(v: unknown): string {
  const s = JSON.stringify(v);
  return s === undefined ? String(v) : s.length > 300 ? `${s.slice(0, 300)}…` : s;
}

/**
 * Builds the source text sent to the browser for `fn(...args)`. Functions are sent as source, so anything
 * the TypeScript loader wraps them with must exist there too: tsx (esbuild keepNames) may emit
 * `__name(fn, "x")` calls inside the function body, hence the no-op shim. The result is JSON-encoded in
 * the browser and decoded here, so both drivers return identical values (undefined included).
 */
export function invocation(fn: (...args: never[]) => unknown, args: string[]): string {
  return `(async () => { const __name = (f) => f; const v = await (${fn.toString()})(${args.join(', ')}); return JSON.stringify({ v }); })()`;
}

/** Decodes what `invocation` returned. */
export function decode<R>(raw: unknown): R {
  if (typeof raw !== 'string') throw new Error(`unexpected evaluation result: ${show(raw)}`);
  return (JSON.parse(raw) as { v: R }).v;
}

export const sleep = (ms: number) => new Promise<void>((ok) => setTimeout(ok, ms));

/**
 * Polls `check` on the Node side until it returns a truthy value, and returns that value. The condition
 * helper for everything a test would otherwise sleep for; throws after `timeoutMs` with `message`.
 */
export async function waitUntil<T>(
  check: () => T | Promise<T>,
  { timeoutMs = 10_000, message, intervalMs = 100 }: WaitOptions & { intervalMs?: number } = {},
): Promise<NonNullable<T>> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const v = await check();
    if (v) return v;
    if (Date.now() > until)
      throw new Error(`timed out after ${timeoutMs} ms waiting for ${message ?? check.toString()}`);
    // a polling interval, not a guess at how long something takes
    await sleep(intervalMs);
  }
}

/**
 * Page helpers shared by both drivers, built on `evaluate`, so they behave the same in both browsers.
 * Subclasses provide navigation, raw evaluation and input.
 */
export abstract class BasePage implements E2EPage {
  protected abstract evaluateSource(source: string): Promise<unknown>;
  abstract goto(url: string): Promise<void>;
  abstract click(selector: string): Promise<void>;
  abstract type(selector: string, text: string): Promise<void>;
  abstract press(key: string): Promise<void>;
  abstract screenshot(path: string): Promise<void>;
  abstract close(): Promise<void>;
  /** Filled by the subclass from its browser's console / page-error events. */
  protected readonly reported: string[] = [];
  errors(): string[] {
    return [...this.reported];
  }

  async evaluate<R extends Json | void, A extends Json = null>(fn: (arg: A) => R | Promise<R>, arg?: A): Promise<R> {
    return decode<R>(await this.evaluateSource(invocation(fn, [JSON.stringify(arg ?? null)])));
  }

  url(): Promise<string> {
    return this.evaluate(() => location.href);
  }

  async waitFor<R extends Json, A extends Json = null>(
    fn: (arg: A) => R | Promise<R>,
    arg?: A,
    { timeoutMs = 10_000, message }: WaitOptions = {},
  ): Promise<R> {
    const until = Date.now() + timeoutMs;
    let lastError: unknown = null;
    for (;;) {
      try {
        const v = await this.evaluate(fn, arg);
        if (v) return v;
        lastError = null;
      } catch (err) {
        // the page may be mid-navigation; keep polling until the deadline
        lastError = err;
      }
      if (Date.now() > until) {
        const why = lastError ? ` (last error: ${(lastError as Error).message})` : '';
        throw new Error(`timed out after ${timeoutMs} ms waiting for ${message ?? fn.toString()}${why}`);
      }
      // the polling interval of this condition wait
      await sleep(100);
    }
  }

  async waitForSelector(selector: string, options: WaitOptions = {}): Promise<void> {
    await this.waitFor((sel) => document.querySelector(sel) !== null, selector, {
      message: `selector ${selector}`,
      ...options,
    });
  }

  texts(selector: string): Promise<string[]> {
    return this.evaluate((sel) => [...document.querySelectorAll(sel)].map((e) => e.textContent ?? ''), selector);
  }

  async selectText(selector: string, substring?: string): Promise<string> {
    const selected = await this.evaluate(
      ({ sel, sub }) => {
        const root = document.querySelector(sel);
        if (!root) throw new Error(`selectText: no element matches ${sel}`);
        const range = document.createRange();
        if (sub === null) {
          range.selectNodeContents(root);
        } else {
          // walk the text nodes so the substring may cross inline elements
          const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
          const nodes: Text[] = [];
          let all = '';
          for (let n = walker.nextNode(); n; n = walker.nextNode()) {
            nodes.push(n as Text);
            all += (n as Text).data;
          }
          const at = all.indexOf(sub);
          if (at < 0) throw new Error(`selectText: ${JSON.stringify(sub)} not found in ${sel}`);
          const place = (offset: number, end: boolean): [Text, number] => {
            let seen = 0;
            for (const node of nodes) {
              const len = node.data.length;
              if (offset < seen + len || (end && offset === seen + len)) return [node, offset - seen];
              seen += len;
            }
            const last = nodes[nodes.length - 1]!;
            return [last, last.data.length];
          };
          range.setStart(...place(at, false));
          range.setEnd(...place(at + sub.length, true));
        }
        const selection = window.getSelection();
        if (!selection) throw new Error('selectText: no selection object');
        selection.removeAllRanges();
        selection.addRange(range);
        return selection.toString();
      },
      { sel: selector, sub: substring ?? null },
    );
    return selected;
  }
}

/** Rejects with a clear message when `work` takes longer than `ms`. */
export async function withTimeout<T>(work: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  try {
    return await Promise.race([
      work,
      new Promise<never>((_, fail) => {
        timer = setTimeout(() => fail(new Error(`${what} timed out after ${ms} ms`)), ms);
      }),
    ]);
  } finally {
    clearTimeout(timer);
  }
}

/**
 * Finds the tab id of `pageUrl` from the background (shared by both drivers' `saveSelection`). Exact URL
 * match, because extension match patterns cannot carry the fixture server's port.
 */
export async function saveSelectionVia(driver: Driver, page: E2EPage): Promise<SaveReply> {
  const url = await page.url();
  return driver.evaluateInBackground(async (bg, pageUrl) => {
    const api = bg.chrome ?? bg.browser;
    const hook = bg.__sourcelightTest;
    if (!api || !hook) return { ok: false, error: 'test hook __sourcelightTest missing from the background' };
    const tabs = (await api.tabs.query({})).filter((tab) => tab.url === pageUrl);
    if (tabs.length !== 1) return { ok: false, error: `expected one tab at ${pageUrl}, found ${tabs.length}` };
    return hook.saveSelectionOf(tabs[0]!.id);
  }, url);
}
