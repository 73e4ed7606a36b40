/**
 * Content script (glue): on an article page, extracts the article from a clone of the document, reports its
 * metadata to the background, and answers "what is selected?" for the context menu and keyboard command.
 * Everything it sets up is torn down on `ctx.onInvalidated`.
 */
import { defineContentScript } from 'wxt/utils/define-content-script';
import { describeRange } from '@/utils/anchoring/selection';
import { articleInput, extractArticle, pageInput, type ExtractedArticle } from '@/utils/article/extract';
import { onMessage, sendMessage, type Result, type SaveAnnotationRequest } from '@/utils/messaging';

/** Runs `work` and records a User Timing measure under `name`. */
function measured<T>(name: string, work: () => T): T {
  const start = performance.now();
  try {
    return work();
  } finally {
    try {
      performance.measure(name, { start, end: performance.now() });
    } catch {
      // User Timing is best effort
    }
  }
}

export default defineContentScript({
  matches: ['http://*/*', 'https://*/*'],
  runAt: 'document_idle',
  main(ctx) {
    let article: ExtractedArticle | null = measured('sourcelight:extract', () => extractArticle(document));

    if (article) {
      void sendMessage('articleSeen', articleInput(article)).catch(() => undefined);
    }

    /** The article to attach a selection to: the extracted one, or the page itself as a last resort. */
    const currentArticle = (): ExtractedArticle | null => {
      article ??= extractArticle(document, { force: true });
      return article;
    };

    const stopCapture = onMessage('captureSelection', (): Result<SaveAnnotationRequest> => {
      const sel = window.getSelection();
      if (!sel || sel.isCollapsed || sel.rangeCount === 0) return { ok: false, error: 'Select some text first.' };
      const a = currentArticle();
      const range = sel.getRangeAt(0);
      const described = describeRange(document, range, a?.text ?? '');
      if (!described) return { ok: false, error: 'Select some text first.' };
      const input = a ? articleInput(a) : pageInput(document);
      return {
        ok: true,
        value: {
          article: input,
          annotation: {
            kind: 'highlight',
            category: 'note',
            quote: described.quote,
            position: described.position,
            comment: '',
          },
        },
      };
    });

    ctx.onInvalidated(() => {
      stopCapture();
    });
  },
});
