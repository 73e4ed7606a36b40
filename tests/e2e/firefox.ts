/**
 * Firefox implementation of the E2E driver (see driver.ts): Debian's /usr/bin/firefox-esr driven headless
 * by puppeteer-core over WebDriver BiDi (no geckodriver, no display), with the built Firefox extension
 * installed as a temporary add-on. Puppeteer never downloads a browser here: we always pass
 * `executablePath`.
 *
 * Firefox specifics handled here:
 * - the extension's UUID is pinned with the `extensions.webextensions.uuids` pref, so its pages live at a
 *   known moz-extension://UUID/ origin;
 * - extension pages need `--remote-allow-system-access`, and Puppeteer's `page.goto` never sees their
 *   navigation events, so we navigate the tab's BiDi browsing context directly;
 * - the background is an event page, reached from an extension tab through `runtime.getBackgroundPage()`;
 * - temporary add-ons are uninstalled when Firefox closes and their storage goes with them, so data does
 *   not survive `restart()` (capabilities.restartKeepsData is false).
 */
import { existsSync, rmSync } from 'node:fs';
import { cp, mkdir, mkdtemp, readdir, readFile, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import {
  BasePage,
  decode,
  invocation,
  saveSelectionVia,
  waitUntil,
  withTimeout,
  type BackgroundGlobal,
  type Capabilities,
  type Download,
  type DownloadOptions,
  type Driver,
  type E2EPage,
  type Json,
  type LaunchOptions,
  type SaveReply,
} from './driver.ts';

export const FIREFOX_PATH = '/usr/bin/firefox-esr';
/** browser_specific_settings.gecko.id from wxt.config.ts. */
export const GECKO_ID = 'sourcelight@sourcelight.dev';
/** Any fixed UUID: pinned so moz-extension:// URLs are known before the add-on is installed. */
export const FIXED_UUID = '6f1d3c2a-8b4e-4f5a-9c7d-2e1b0a9f8c31';

export const firefoxInstalled = (): boolean => existsSync(FIREFOX_PATH);

let template: Promise<string | null> | null = null;

/**
 * A profile Firefox has already initialised once (without the extension), made once per run and copied
 * for each test: a brand-new profile costs Firefox 3-4 s of first-run setup at every launch, which adds up
 * to minutes over the suite. Null when it cannot be made; tests then start from an empty profile.
 */
function profileTemplate(): Promise<string | null> {
  template ??= (async () => {
    const dir = await mkdtemp(join(tmpdir(), 'sourcelight-e2e-firefox-'));
    process.once('exit', () => rmSync(dir, { recursive: true, force: true }));
    const browser = await puppeteer.launch({
      browser: 'firefox',
      executablePath: FIREFOX_PATH,
      headless: true,
      userDataDir: dir,
    });
    await browser.close();
    return dir;
  })().catch(() => null);
  return template;
}

/** Puppeteer's BiDi frame exposes its browsing context; not in the public typings, so typed here. */
interface BidiFrameLike {
  browsingContext: { navigate(url: string, wait: 'none' | 'interactive' | 'complete'): Promise<unknown> };
}

class FirefoxPage extends BasePage {
  constructor(readonly page: Page) {
    super();
    page.on('pageerror', (err) => this.reported.push(`pageerror: ${(err as Error).message}`));
    page.on('console', (msg) => {
      if (msg.type() === 'error') this.reported.push(`console.error: ${msg.text()}`);
    });
  }
  protected evaluateSource(source: string): Promise<unknown> {
    return this.page.evaluate(source);
  }
  async goto(url: string): Promise<void> {
    if (url.startsWith('moz-extension:')) {
      // page.goto would wait forever for navigation events Firefox does not send for extension pages
      await (this.page.mainFrame() as unknown as BidiFrameLike).browsingContext.navigate(url, 'complete');
    } else {
      await this.page.goto(url, { waitUntil: 'load' });
    }
  }
  // Puppeteer's click/focus fail at once when the element is not there yet, while Playwright's wait for
  // it; waiting here first gives scenarios the same semantics in both browsers (React may still be rendering).
  async click(selector: string): Promise<void> {
    await this.waitForSelector(selector);
    await this.page.click(selector);
  }
  async type(selector: string, text: string): Promise<void> {
    await this.waitForSelector(selector);
    await this.page.focus(selector);
    await this.page.keyboard.type(text);
  }
  async press(key: string): Promise<void> {
    // Playwright-style chords ("Alt+Shift+S") → Puppeteer's down/up sequence
    const keys = key.split('+') as Parameters<Page['keyboard']['press']>[0][];
    for (const k of keys.slice(0, -1)) await this.page.keyboard.down(k);
    await this.page.keyboard.press(keys[keys.length - 1]!);
    for (const k of keys.slice(0, -1).reverse()) await this.page.keyboard.up(k);
  }
  async screenshot(path: string): Promise<void> {
    await this.page.screenshot({ path: path as `${string}.png` });
  }
  close(): Promise<void> {
    return this.page.close();
  }
}

class FirefoxDriver implements Driver {
  readonly name = 'firefox' as const;
  readonly capabilities: Capabilities = { restartKeepsData: false, downloads: true };
  readonly extensionOrigin = `moz-extension://${FIXED_UUID}`;
  private browser!: Browser;
  /** An extension tab kept open to reach the background page from. */
  private helper: FirefoxPage | null = null;
  private readonly profileDir: string;
  private readonly downloadsDir: string;

  constructor(private readonly options: LaunchOptions) {
    this.profileDir = join(options.workDir, 'profile');
    this.downloadsDir = join(options.workDir, 'downloads');
  }

  async start(): Promise<void> {
    const from = existsSync(this.profileDir) ? null : await profileTemplate();
    if (from) {
      // the lock files belong to the Firefox that made the template
      await cp(from, this.profileDir, { recursive: true, filter: (f) => !/^\.?(parent)?lock$/.test(basename(f)) });
    }
    await mkdir(this.profileDir, { recursive: true });
    await mkdir(this.downloadsDir, { recursive: true });
    this.browser = await puppeteer.launch({
      browser: 'firefox',
      executablePath: FIREFOX_PATH,
      headless: true,
      userDataDir: this.profileDir,
      args: ['--remote-allow-system-access'],
      extraPrefsFirefox: {
        'extensions.webextensions.uuids': JSON.stringify({ [GECKO_ID]: FIXED_UUID }),
        // downloads go straight to our folder under their real names, without a dialog
        'browser.download.dir': this.downloadsDir,
        'browser.download.folderList': 2,
        'browser.download.useDownloadDir': true,
        'browser.download.always_ask_before_handling_new_types': false,
        'browser.download.manager.showWhenStarting': false,
      },
    });
    const id = await this.browser.installExtension(this.options.extensionDir);
    if (id !== GECKO_ID) throw new Error(`installed add-on has id ${id}, expected ${GECKO_ID}`);
    this.helper = null;
  }

  async newPage(url?: string): Promise<E2EPage> {
    const page = new FirefoxPage(await this.browser.newPage());
    if (url) await page.goto(url);
    return page;
  }

  openExtensionPage(path: string): Promise<E2EPage> {
    return this.newPage(`${this.extensionOrigin}/${path.replace(/^\//, '')}`);
  }

  async evaluateInBackground<R extends Json | void, A extends Json = null>(
    fn: (background: BackgroundGlobal, arg: A) => R | Promise<R>,
    arg?: A,
  ): Promise<R> {
    if (!this.helper) {
      this.helper = (await this.openExtensionPage('popup.html')) as FirefoxPage;
    }
    // The background page's window; the function runs in the helper tab's realm but receives it.
    const bg = '(await browser.runtime.getBackgroundPage())';
    return decode<R>(await this.helper.page.evaluate(invocation(fn, [bg, JSON.stringify(arg ?? null)])));
  }

  saveSelection(page: E2EPage): Promise<SaveReply> {
    return saveSelectionVia(this, page);
  }

  expectDownload(trigger: () => Promise<void>, options: DownloadOptions): Promise<Download> {
    return expectDownloadIn(this.downloadsDir, trigger, options);
  }

  async screenshotAll(dir: string): Promise<string[]> {
    const files: string[] = [];
    for (const [i, page] of (await this.browser.pages()).entries()) {
      const file = join(dir, `failure-tab${i}.png`) as `${string}.png`;
      // a crashed or closing tab must not hide the test's own error
      if (
        await page.screenshot({ path: file }).then(
          () => true,
          () => false,
        )
      )
        files.push(file);
    }
    return files;
  }

  async restart(): Promise<void> {
    await this.close();
    await this.start();
  }

  async close(): Promise<void> {
    // a wedged Firefox must not outlive its test: kill the process if a clean close takes too long
    await withTimeout(this.browser.close(), 10_000, 'closing Firefox').catch(() => {
      this.browser.process()?.kill('SIGKILL');
    });
  }
}

export async function launchFirefox(options: LaunchOptions): Promise<Driver> {
  const driver = new FirefoxDriver(options);
  await driver.start();
  return driver;
}

/** Size of `path`, or null when it does not exist (any more). */
async function sizeOf(path: string): Promise<number | null> {
  try {
    return (await stat(path)).size;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw err;
  }
}

/**
 * Waits for the download `trigger` causes to be complete in `dir` and reads it. Firefox gives no event we
 * can reach over BiDi, so "complete" is decided from the folder: a new file whose name matches `name`
 * (temporary files — `.part`, random names — never match it), no new `.part` file beside it, and the
 * same non-zero size on two polls in a row. A file that vanishes between listing and reading (Firefox
 * renaming its temporary file) just means the download is not done yet: keep waiting.
 */
export async function expectDownloadIn(
  dir: string,
  trigger: () => Promise<void>,
  { name, timeoutMs = 10_000, message }: DownloadOptions,
): Promise<Download> {
  const before = new Set(await readdir(dir));
  await trigger();
  let last: { file: string; size: number } | null = null;
  return waitUntil(
    async (): Promise<Download | null> => {
      const fresh = (await readdir(dir)).filter((n) => !before.has(n));
      const file = fresh.find((n) => name.test(n) && !n.endsWith('.part'));
      if (!file || fresh.some((n) => n.endsWith('.part'))) {
        last = null;
        return null;
      }
      const size = await sizeOf(join(dir, file));
      const stable = size !== null && size > 0 && last?.file === file && last.size === size;
      last = size === null ? null : { file, size };
      if (!stable) return null;
      let content: string;
      try {
        content = await readFile(join(dir, file), 'utf8');
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null;
        throw err;
      }
      // still the same file afterwards: what we read is the whole download
      return (await sizeOf(join(dir, file))) === size ? { filename: file, content } : null;
    },
    // two polls 150 ms apart with an unchanged size
    { timeoutMs, message: `a finished download named like ${name}${message ? ` (${message})` : ''}`, intervalMs: 150 },
  );
}
