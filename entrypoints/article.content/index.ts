/**
 * Content script (glue): on every http(s) page, a reading session — extract the article, analyze it,
 * anchor and draw the results in the live page, mount the panel on demand, save selections and notes.
 * The highlight styles ship as this script's own CSS (manifest `css`), so they apply in the page without
 * adding a node; everything else is torn down on `ctx.onInvalidated` (see `Session.dispose`).
 */
import { defineContentScript } from 'wxt/utils/define-content-script';
import { ignoreStartedSignals } from './guard';
import { Session } from './session';
import './highlights.css';

export default defineContentScript({
  matches: ['http://*/*', 'https://*/*'],
  runAt: 'document_idle',
  cssInjectionMode: 'manifest',
  // WXT's window.postMessage "script started" broadcast names our extension id to every page script
  noScriptStartedPostMessage: true,
  main(ctx) {
    // before anything else: a page must not be able to tear the session down (see guard.ts)
    ignoreStartedSignals(ctx);
    try {
      performance.mark('sourcelight:idle');
    } catch {
      // best effort
    }
    const session = new Session(ctx);
    void session.start().catch(() => {
      // a hostile page must never see an error from us; the session simply stays idle
    });
  },
});
