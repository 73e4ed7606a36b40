/**
 * Virtualizer plumbing shared by the article list and the people view.
 */
import { measureElement, observeElementRect, type Virtualizer } from '@tanstack/react-virtual';

/** The viewport assumed while the scroll element has no size yet: about one popup of rows. */
const FALLBACK = { width: 400, height: 600 };

/**
 * Like TanStack's `observeElementRect`, but a zero-height viewport (not laid out yet, or a DOM without
 * layout such as jsdom) counts as one screenful: the virtualizer would otherwise render no rows at all.
 */
export function observeRectOrScreen<T extends Element>(
  instance: Virtualizer<T, Element>,
  cb: (rect: { width: number; height: number }) => void,
): void | (() => void) {
  return observeElementRect(instance, (rect) =>
    cb(rect.height > 0 ? rect : { ...FALLBACK, width: rect.width || FALLBACK.width }),
  );
}

/**
 * Like TanStack's `measureElement`, but an element with no height (no layout yet, or jsdom) keeps its
 * estimated size: a zero would make every row fit and the list render — and re-measure — all of them.
 */
export function measureOrEstimate<T extends Element>(
  element: Element,
  entry: ResizeObserverEntry | undefined,
  instance: Virtualizer<T, Element>,
): number {
  const size = measureElement(element, entry, instance);
  if (size > 0) return size;
  const index = Number(element.getAttribute('data-index'));
  return instance.options.estimateSize(Number.isFinite(index) ? index : 0);
}
