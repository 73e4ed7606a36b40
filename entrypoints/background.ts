/**
 * Background (glue): owns the database, answers the message contract, and turns the context-menu items and
 * the keyboard command into "save the selection of this tab" and "save this article's sourcing".
 */
import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { AnalysisServer } from '@/utils/analysis-remote/serve';
import { getDatabase } from '@/utils/db';
import {
  handleArticleSeen,
  handleDeleteCorrection,
  handleSaveAnnotation,
  handleSaveCorrection,
  handleSaveSourcing,
  handleSetAnchorStatus,
} from '@/utils/db/service';
import { onMessage, sendMessage, type Result } from '@/utils/messaging';
import { OpenAuditSchema, OpenPanelSchema, validate, type SourcingSaved } from '@/utils/messaging/contract';

const MENU_SAVE = 'sourcelight-save-selection';
const MENU_SOURCING = 'sourcelight-save-sourcing';

/** Messages are only taken from this extension's own pages and content scripts. */
function fromUs(sender: { id?: string }): boolean {
  return sender.id === browser.runtime.id;
}
const refused = { ok: false, error: 'message from an unknown sender' } as const;

export default defineBackground(() => {
  const db = getDatabase();

  onMessage('articleSeen', ({ data, sender }) => (fromUs(sender) ? handleArticleSeen(db, data) : refused));
  onMessage('saveAnnotation', ({ data, sender }) => (fromUs(sender) ? handleSaveAnnotation(db, data) : refused));
  onMessage('setAnchorStatus', ({ data, sender }) => (fromUs(sender) ? handleSetAnchorStatus(db, data) : refused));
  onMessage('saveCorrection', ({ data, sender }) => (fromUs(sender) ? handleSaveCorrection(db, data) : refused));
  onMessage('deleteCorrection', ({ data, sender }) => (fromUs(sender) ? handleDeleteCorrection(db, data) : refused));
  onMessage('saveSourcing', ({ data, sender }) => (fromUs(sender) ? handleSaveSourcing(db, data) : refused));
  // The popup's "Save this article's sourcing": the active tab's claims, entities and summary.
  onMessage('saveTabSourcing', async ({ data, sender }): Promise<Result<SourcingSaved>> => {
    if (!fromUs(sender)) return refused;
    const v = validate(OpenPanelSchema, data);
    if (!v.ok) return v;
    const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
    return saveSourcingOf(tab?.id);
  });

  /** Asks the tab for its whole sourcing (analyzing it first when needed) and saves it in one action. */
  async function saveSourcingOf(tabId: number | undefined): Promise<Result<SourcingSaved>> {
    if (tabId === undefined) return { ok: false, error: 'No active tab.' };
    try {
      const request = await sendMessage('captureSourcing', null, tabId);
      if (!request.ok) return request;
      return await handleSaveSourcing(db, request.value);
    } catch {
      return { ok: false, error: 'Sourcelight cannot run on this page (reload it, or it is a browser page).' };
    }
  }

  // Analysis off the page's main thread (utils/analysis-remote/serve.ts). Each analysis is also a User
  // Timing measure of the background's own (`detail`: characters), which `npm run bench` reads.
  const analysis = new AnalysisServer({
    now: () => performance.now(),
    yieldFirst: () => new Promise((ok) => setTimeout(ok, 0)),
  });
  /** Test builds only: when set, analyzeArticle is never answered (tests/e2e: the page's fallback). */
  const testHook = { stalled: false, held: 0 };
  onMessage('warmAnalyzer', ({ sender }) => (fromUs(sender) ? analysis.warm() : refused));
  onMessage('analyzeArticle', async ({ data, sender }) => {
    if (!fromUs(sender)) return refused;
    if (import.meta.env.WXT_SOURCELIGHT_TEST === '1' && testHook.stalled) {
      testHook.held++;
      return new Promise<never>(() => undefined);
    }
    const served = await analysis.handle(data, `${sender.tab?.id ?? 'none'}:${sender.frameId ?? 0}`);
    if (served.chars) {
      try {
        if (performance.getEntriesByName('sourcelight:bg-analyze').length >= 200) performance.clearMeasures();
        performance.measure('sourcelight:bg-analyze', { start: served.start, end: served.end, detail: served.chars });
      } catch {
        // best effort
      }
    }
    return served.reply;
  });

  // The popup's "Show panel on this page": open the panel in the active tab of the current window.
  onMessage('openPanel', async ({ data, sender }): Promise<Result<null>> => {
    if (!fromUs(sender)) return refused;
    const v = validate(OpenPanelSchema, data);
    if (!v.ok) return v;
    const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
    if (tab?.id === undefined) return { ok: false, error: 'No active tab.' };
    try {
      return await sendMessage('showPanel', null, tab.id);
    } catch {
      return { ok: false, error: 'Sourcelight cannot run on this page (reload it, or it is a browser page).' };
    }
  });

  // The panel's "Audit": a content script cannot open an extension page, so the background does.
  onMessage('openAudit', async ({ data, sender }): Promise<Result<null>> => {
    if (!fromUs(sender)) return refused;
    const v = validate(OpenAuditSchema, data);
    if (!v.ok) return v;
    await browser.tabs.create({ url: browser.runtime.getURL('/audit.html') });
    return { ok: true, value: null };
  });

  /** Asks the tab for its selection and saves it. */
  async function saveSelectionOf(tabId: number | undefined): Promise<Result<unknown>> {
    if (tabId === undefined) return { ok: false, error: 'no tab' };
    try {
      const request = await sendMessage('captureSelection', null, tabId);
      if (!request.ok) return request;
      return await handleSaveAnnotation(db, request.value);
    } catch (err) {
      return { ok: false, error: `This page cannot be annotated (${(err as Error).message}).` };
    }
  }

  // E2E hook: headless browsers cannot press extension shortcuts or open native context menus, so
  // tests/e2e calls the very function the menu and the command call. It lives on the background's own
  // global, which only this extension's contexts can reach. It exists only in test builds:
  // scripts/test.sh builds with WXT_SOURCELIGHT_TEST=1; in a production build the condition is the
  // constant `false` and the hook is dead code, removed (scripts/check-no-test-hook.ts checks the zips).
  if (import.meta.env.WXT_SOURCELIGHT_TEST === '1') {
    // `analysis.stalled = true` makes the background hold analyzeArticle requests unanswered (counted in
    // `analysis.held`): the page's fallback tests
    (globalThis as { __sourcelightTest?: unknown }).__sourcelightTest = {
      saveSelectionOf,
      saveSourcingOf,
      analysis: testHook,
    };
  }

  browser.runtime.onInstalled.addListener(() => {
    browser.contextMenus.create({
      id: MENU_SAVE,
      title: 'Save selection to Sourcelight',
      contexts: ['selection'],
      documentUrlPatterns: ['http://*/*', 'https://*/*'],
    });
    browser.contextMenus.create({
      id: MENU_SOURCING,
      title: "Save this article's sourcing to Sourcelight",
      contexts: ['page', 'selection'],
      documentUrlPatterns: ['http://*/*', 'https://*/*'],
    });
  });
  browser.contextMenus.onClicked.addListener((info, tab) => {
    if (info.menuItemId === MENU_SAVE) void saveSelectionOf(tab?.id);
    else if (info.menuItemId === MENU_SOURCING) void saveSourcingOf(tab?.id);
  });
  browser.commands.onCommand.addListener(async (command, tab) => {
    const tabId = tab?.id ?? (await browser.tabs.query({ active: true, currentWindow: true }))[0]?.id;
    if (command === 'save-selection') void saveSelectionOf(tabId);
    else if (command === 'toggle-panel' && tabId !== undefined)
      void sendMessage('togglePanel', null, tabId).catch(() => undefined);
  });
});
