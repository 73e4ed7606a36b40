/**
 * No page-triggered teardown (glue; issue 17, item 6). WXT's ContentScriptContext stops "older" copies of
 * a content script when a newer one announces itself with a `<extension id>:article:wxt:content-script-
 * started` CustomEvent on `document`. A page can dispatch that event too, and WXT cannot tell it from ours
 * (both are untrusted events with a detail the page can forge), so any page could shut the reading
 * session down. We do not need the signal: this script is only ever injected by the manifest, once per
 * document, and an extension reload or update is noticed without it — `ctx.isValid` turns false when
 * `runtime.id` disappears (polled by the session), which fires `ctx.onInvalidated` as before; Firefox
 * destroys the old script's realm outright. So every such event is stopped before WXT's listener on
 * `document` sees it. (The `window.postMessage` copy of the signal, which told every page our extension
 * id, is switched off with WXT's `noScriptStartedPostMessage` option in index.ts.)
 */
import { ContentScriptContext } from 'wxt/utils/content-script-context';

/**
 * Stops every "newer content script started" event for this script on its way to `document`: a capturing
 * listener on `window` runs before any listener on `document` (capture goes window → document), and
 * `stopImmediatePropagation` keeps the event from reaching WXT's, whatever node it was dispatched on.
 * Removed with the context.
 */
export function ignoreStartedSignals(ctx: ContentScriptContext): void {
  // WXT's own (type-private) event name, read rather than rebuilt so a change of its format cannot slip by
  const type = (ContentScriptContext as unknown as { SCRIPT_STARTED_MESSAGE_TYPE: string }).SCRIPT_STARTED_MESSAGE_TYPE;
  // every target: an event dispatched on any element bubbles up to WXT's listener on `document` too
  const stop = (event: Event): void => event.stopImmediatePropagation();
  window.addEventListener(type, stop, { capture: true, signal: ctx.signal });
}
