/**
 * The demo's helper (run by scripts/demo.sh): serves demo/ on 127.0.0.1, then either
 * - `--serve`: prints the demo article's URL and keeps serving until killed (demo.sh then opens a real,
 *   headful Chromium with the extension on it), or
 * - `--headless`: where there is no display, tours the built extension in headless Chromium through the
 *   E2E driver (open the demo article, save a passage as the context menu would, open the popup) and
 *   prints what the popup shows plus a screenshot path, so the demo still proves something.
 */
import { mkdir, rm } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { launchChromium } from './chromium.ts';
import { openPopup, waitForContentScript } from './helpers.ts';
import { startFixtureServer } from './server.ts';

const root = resolve(fileURLToPath(new URL('../..', import.meta.url)));
const DEMO_PATH = '/demo/seed.html';

async function serve(): Promise<void> {
  const server = await startFixtureServer();
  // the shell script reads this exact line to find the port
  console.log(`DEMO_URL ${server.url(DEMO_PATH)}`);
  const stop = () => void server.close().then(() => process.exit(0));
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
}

async function headlessTour(): Promise<void> {
  const workDir = join(root, '.tmp', 'demo');
  await rm(workDir, { recursive: true, force: true });
  await mkdir(workDir, { recursive: true });
  const server = await startFixtureServer();
  const driver = await launchChromium({ extensionDir: join(root, '.output', 'chrome-mv3'), workDir });
  try {
    const page = await driver.newPage(server.url(DEMO_PATH));
    await waitForContentScript(page);
    console.log(`content script ran on ${await page.url()}`);
    const passage = await page.selectText('article p:nth-of-type(2)');
    const reply = await driver.saveSelection(page);
    console.log(reply.ok ? `saved: "${passage.slice(0, 80)}…"` : `save failed: ${reply.error}`);
    await page.screenshot(join(workDir, 'article.png'));
    const popup = await openPopup(driver);
    await popup.waitForSelector('[data-testid=annotation]').catch(() => undefined);
    console.log(`popup lists ${(await popup.texts('[data-testid=article]')).length} article(s):`);
    for (const note of await popup.texts('[data-testid=annotation]')) console.log(`  - ${note.slice(0, 100)}`);
    await popup.screenshot(join(workDir, 'popup.png'));
    console.log(`screenshots: ${join(workDir, 'article.png')}, ${join(workDir, 'popup.png')}`);
  } finally {
    await driver.close();
    await server.close();
  }
}

const mode = process.argv[2];
if (mode === '--serve') await serve();
else if (mode === '--headless') await headlessTour();
else {
  console.error('usage: tsx tests/e2e/demo.ts --serve | --headless');
  process.exit(2);
}
