/**
 * Chromium implementation of the E2E driver (see driver.ts): Debian's /usr/bin/chromium driven by
 * playwright-core with the built extension loaded unpacked into a persistent profile. Playwright never
 * downloads a browser here: we always pass `executablePath`.
 */
import { mkdir, readFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { chromium, type BrowserContext, type CDPSession, type Page, type Worker } from 'playwright-core';
import {
  BasePage,
  decode,
  invocation,
  saveSelectionVia,
  waitUntil,
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

export const CHROMIUM_PATH = '/usr/bin/chromium';

class ChromiumPage extends BasePage {
  constructor(readonly page: Page) {
    super();
    page.on('pageerror', (err) => this.reported.push(`pageerror: ${err.message}`));
    page.on('console', (msg) => {
      if (msg.type() === 'error') this.reported.push(`console.error: ${msg.text()}`);
    });
  }
  protected evaluateSource(source: string): Promise<unknown> {
    return this.page.evaluate(source);
  }
  async goto(url: string): Promise<void> {
    await this.page.goto(url, { waitUntil: 'load' });
  }
  click(selector: string): Promise<void> {
    return this.page.click(selector);
  }
  async type(selector: string, text: string): Promise<void> {
    await this.page.focus(selector);
    await this.page.keyboard.type(text);
  }
  press(key: string): Promise<void> {
    return this.page.keyboard.press(key);
  }
  async screenshot(path: string): Promise<void> {
    await this.page.screenshot({ path });
  }
  close(): Promise<void> {
    return this.page.close();
  }
}

class ChromiumDriver implements Driver {
  readonly name = 'chromium' as const;
  readonly capabilities: Capabilities = { restartKeepsData: true, downloads: true };
  extensionOrigin = '';
  private context!: BrowserContext;
  private readonly profileDir: string;
  private readonly downloadsDir: string;
  /** Downloads Chromium reported finished, in order: file path (or suggested name) and outcome. */
  private readonly finished: Array<{ path: string; state: 'completed' | 'canceled' }> = [];
  private readonly suggestedNames = new Map<string, string>();

  constructor(private readonly options: LaunchOptions) {
    this.profileDir = join(options.workDir, 'profile');
    this.downloadsDir = join(options.workDir, 'downloads');
  }

  async start(): Promise<void> {
    const ext = this.options.extensionDir;
    await mkdir(this.downloadsDir, { recursive: true });
    this.context = await chromium.launchPersistentContext(this.profileDir, {
      executablePath: CHROMIUM_PATH,
      headless: true,
      acceptDownloads: true,
      args: [
        `--disable-extensions-except=${ext}`,
        `--load-extension=${ext}`,
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        // without these Chromium keeps calling Google's hosts, which this machine's closed network refuses
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    });
    // A downloaded file keeps its real name only when we set the behaviour ourselves (Playwright's own
    // handling renames files to GUIDs and misses downloads started by the extension). A browser-level
    // session: Browser.downloadProgress events are not delivered to a page's session.
    const browser = this.context.browser();
    if (!browser) throw new Error('playwright gave no Browser for the persistent context (needed for CDP)');
    const cdp = await browser.newBrowserCDPSession();
    this.watchDownloads(cdp);
    // eventsEnabled: the browser itself says when a download is complete (no guessing from the folder)
    await cdp.send('Browser.setDownloadBehavior', {
      behavior: 'allow',
      downloadPath: this.downloadsDir,
      eventsEnabled: true,
    });
    const worker = await this.worker();
    // chrome-extension://<id>/background.js → the id is the host (URL.origin is "null" for this scheme)
    this.extensionOrigin = `chrome-extension://${new URL(worker.url()).host}`;
  }

  /** The extension's service worker; Chromium stops idle workers, so an extension page wakes it again. */
  private async worker(): Promise<Worker> {
    const find = () => this.context.serviceWorkers().find((w) => w.url().startsWith('chrome-extension://'));
    const existing = find();
    if (existing) return existing;
    if (!this.extensionOrigin) {
      return this.context.waitForEvent('serviceworker', { timeout: 15_000 }).catch(() => {
        // Chromium drops an extension it cannot load without telling the page or the test
        throw new Error(
          'the extension did not load (no service worker within 15 s). Is .output/chrome-mv3 valid? A ' +
            'script that is not UTF-8 (e.g. a raw U+FFFF, see the ASCII check) is refused silently; ' +
            'run chromium with --enable-logging=stderr --v=1 to see why.',
        );
      });
    }
    const waking = this.context.waitForEvent('serviceworker', { timeout: 15_000 });
    const page = await this.context.newPage();
    await page.goto(`${this.extensionOrigin}/popup.html`);
    const worker = find() ?? (await waking);
    await page.close();
    return worker;
  }

  async newPage(url?: string): Promise<E2EPage> {
    const page = new ChromiumPage(await this.context.newPage());
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
    const worker = await this.worker();
    return decode<R>(await worker.evaluate(invocation(fn, ['globalThis', JSON.stringify(arg ?? null)])));
  }

  saveSelection(page: E2EPage): Promise<SaveReply> {
    return saveSelectionVia(this, page);
  }

  /** Records Chromium's download events (Browser.downloadWillBegin / Browser.downloadProgress). */
  private watchDownloads(cdp: CDPSession): void {
    cdp.on('Browser.downloadWillBegin', (e) => this.suggestedNames.set(e.guid, e.suggestedFilename));
    cdp.on('Browser.downloadProgress', (e) => {
      if (e.state === 'inProgress') return;
      // filePath is set on completion where the platform knows it; else the file keeps its suggested name
      const path = e.filePath ?? join(this.downloadsDir, this.suggestedNames.get(e.guid) ?? e.guid);
      this.finished.push({ path, state: e.state });
    });
  }

  async expectDownload(
    trigger: () => Promise<void>,
    { name, timeoutMs = 10_000, message }: DownloadOptions,
  ): Promise<Download> {
    const seen = this.finished.length;
    await trigger();
    const done = await waitUntil(() => this.finished[seen], {
      timeoutMs,
      message: `Browser.downloadProgress "completed"${message ? ` (${message})` : ''}`,
    });
    if (done.state !== 'completed') throw new Error(`the download of ${done.path} was canceled`);
    const filename = basename(done.path);
    if (!name.test(filename)) throw new Error(`downloaded ${filename}, expected a name matching ${name}`);
    return { filename, content: await readFile(done.path, 'utf8') };
  }

  async screenshotAll(dir: string): Promise<string[]> {
    const files: string[] = [];
    for (const [i, page] of this.context.pages().entries()) {
      const file = join(dir, `failure-tab${i}.png`);
      // a crashed or closing tab must not hide the test's own error
      if (
        await page.screenshot({ path: file, timeout: 5_000 }).then(
          () => true,
          () => false,
        )
      )
        files.push(file);
    }
    return files;
  }

  async restart(): Promise<void> {
    await this.context.close();
    await this.start();
  }

  async close(): Promise<void> {
    await this.context.close();
  }
}

export async function launchChromium(options: LaunchOptions): Promise<Driver> {
  const driver = new ChromiumDriver(options);
  await driver.start();
  return driver;
}
