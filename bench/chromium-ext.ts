/**
 * One headless Debian Chromium with the built extension loaded, in a fresh profile, for the benches that
 * drive extension pages (bench/library.ts: the popup; bench/audit.ts: the audit page). The flags keep
 * Chromium off the network, as the E2E launcher does.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BrowserContext } from 'playwright-core';

/** Debian's Chromium: test tools never download a browser of their own. */
export const CHROMIUM = '/usr/bin/chromium';

/** Launches Chromium with the extension at `ext` in a new profile (remove `profile` when done). */
export async function launchWithExtension(
  ext: string,
  viewport: { width: number; height: number },
): Promise<{ ctx: BrowserContext; profile: string }> {
  const { chromium } = await import('playwright-core');
  const profile = mkdtempSync(join(tmpdir(), 'sourcelight-bench-'));
  const ctx = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    viewport,
    args: [
      `--disable-extensions-except=${ext}`,
      `--load-extension=${ext}`,
      '--no-sandbox',
      '--disable-gpu',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
    ],
  });
  return { ctx, profile };
}
