/**
 * Chrome's offscreen document (glue, reason `DOM_PARSER`): the service worker has no DOM, so this hidden
 * extension page parses the serialized page the content script sent, runs Readability and the analyzer
 * on the copy (utils/article/serve.ts) and answers. It only hears the background (`offscreenExtract`,
 * `offscreenWarm`); it outlives the service worker's naps, so its lexicons and JIT stay warm across pages.
 * It warms itself as it loads (a made-up story extracted and analyzed in small pieces, each yielding to a
 * real request: utils/article/serve.ts `warmUp`), so the first real article is not the one analyzed cold.
 * It makes no request: the copy is parsed by DOMParser into an inert document (no script runs, no image or
 * style loads).
 */
import { browser } from 'wxt/browser';
import { ExtractionServer } from '@/utils/article/serve';
import { onMessage } from '@/utils/messaging';
import { OffscreenExtractSchema, validate } from '@/utils/messaging/contract';

const server = new ExtractionServer({
  parse: (html) => new DOMParser().parseFromString(html, 'text/html'),
  now: () => performance.now(),
  yieldFirst: () => new Promise((ok) => setTimeout(ok, 0)),
});

void server.warmUp();

/** Only the background (an extension context without a tab) talks to this document. */
const fromBackground = (sender: { id?: string; tab?: unknown }) => sender.id === browser.runtime.id && !sender.tab;
const refused = { ok: false, error: 'message from an unknown sender' } as const;

onMessage('offscreenWarm', ({ sender }) => (fromBackground(sender) ? server.warm() : refused));
onMessage('offscreenExtract', async ({ data, sender }) => {
  if (!fromBackground(sender)) return refused;
  const v = validate(OffscreenExtractSchema, data);
  if (!v.ok) return v;
  return (await server.handle(v.value.request, v.value.frame)).reply;
});
