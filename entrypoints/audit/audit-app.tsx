/**
 * Audit page's view (glue, issue 16), loaded by the page's first script (./boot.ts) in a chunk of its own:
 * a worker (./worker.ts) reads the audit's records — one per article whose whole sourcing was saved, its
 * claims with the reader's corrections applied, kept at write time — off the page's thread, and posts them
 * again on every change; boot.ts started it and painted its totals, and this module takes the line over
 * (./channel.ts), decodes the records into the audit's articles and renders the audit, replacing the static
 * skeleton of audit.html in the same commit (./first-paint.ts). Downloads go through a Blob URL, copies
 * through the clipboard, and a claim opens its article at the passage (the popup's own "open" action, with
 * the records read by key at the click). Chart.js is bundled into this page only, never into the content
 * script.
 */
import { StrictMode, startTransition, useEffect, useLayoutEffect, useState } from 'react';
import { createRoot } from 'react-dom/client';
import { AuditView } from '@/components/audit/AuditView';
import { ErrorBoundary } from '@/components/library/ErrorBoundary';
import type { AuditArticle } from '@/utils/audit/aggregate';
import { decodeAuditArticle } from '@/utils/audit/cache';
import { getDatabase } from '@/utils/db';
import { setArticleTags } from '@/utils/db/tags';
import { downloadFile } from '../popup/download';
import type { AuditChannel } from './channel';
import { firstPaintShown, removeFirstPaint } from './first-paint';

/** What the page has from the worker: nothing yet, the audit's articles, or the error that stopped it. */
type WorkerState = { type: 'articles'; articles: AuditArticle[] } | { type: 'error'; message: string } | null;

/** The worker's latest complete answer, decoded, as a store React subscribes to. */
function workerStore(channel: AuditChannel) {
  let latest: WorkerState = null;
  let parts: AuditArticle[][] = [];
  const listeners = new Set<(state: WorkerState) => void>();
  const set = (state: WorkerState) => {
    latest = state;
    for (const l of listeners) l(state);
  };
  // the messages the worker sent before this chunk loaded come first, at once
  channel.subscribe((reply) => {
    if (reply.type === 'error') return set(reply);
    if (reply.type === 'totals') {
      parts = [];
      return;
    }
    // decoded as each part arrives: a part is a short task, the claims are built here rather than cloned
    parts.push(reply.records.map(decodeAuditArticle));
    if (!reply.last) return;
    const articles = parts.flat();
    parts = [];
    set({ type: 'articles', articles });
  }, true);
  return {
    /** Calls `l` with each new state, and at once (in a microtask) with the current one. */
    subscribe: (l: (state: WorkerState) => void) => {
      listeners.add(l);
      queueMicrotask(() => listeners.has(l) && l(latest));
      return () => void listeners.delete(l);
    },
    get: () => latest,
    /** Starts reading again (after an error). */
    restart: () => {
      latest = null;
      parts = [];
      channel.restart();
    },
  };
}

type Store = ReturnType<typeof workerStore>;

/** Removes audit.html's static skeleton in the commit that first shows the view's own page. */
function TakeOver() {
  useLayoutEffect(() => removeFirstPaint(), []);
  return null;
}

/**
 * The store's state in React: each new answer renders in a transition, so rendering thousands of rows
 * yields to the browser instead of holding the page's thread.
 */
function useWorkerState(store: Store): WorkerState {
  const [state, setState] = useState(store.get);
  useEffect(() => store.subscribe((next) => startTransition(() => setState(next))), [store]);
  return state;
}

function App({ store }: { store: Store }) {
  const db = getDatabase();
  const reply = useWorkerState(store);
  /** Opens an article (at a claim's passage) from its saved records, read by key now. */
  const openRecords = async (article: AuditArticle, claimId?: string) => {
    const [a, claim] = await Promise.all([
      db.articles.get(article.id),
      claimId === undefined ? undefined : db.annotations.get(claimId),
    ]);
    if (!a) return;
    // the popup's glue (tabs, export) loads on the first click, not before the totals paint
    const { createActions } = await import('../popup/glue');
    await createActions(db).openArticle(a, claim);
  };
  if (reply?.type === 'error') throw new Error(reply.message);
  // until the first answer, the static skeleton stays (with the totals boot.ts painted into it)
  if (!reply) return firstPaintShown() ? null : <Skeleton />;
  return (
    <>
      <TakeOver />
      <AuditView
        articles={reply.articles}
        onDownload={downloadFile}
        onCopy={(text) => navigator.clipboard.writeText(text)}
        onOpenClaim={(article, claim) => void openRecords(article, claim.id)}
        onOpenArticle={(article) => void openRecords(article)}
        onSetTags={async (article, tags) => {
          if (!(await setArticleTags(db, article.id, tags))) throw new Error('the article was deleted meanwhile');
        }}
      />
    </>
  );
}

/** What the page shows until the worker's first answer: the heading, and what is happening. */
function Skeleton() {
  return (
    <main className="audit" aria-busy="true">
      <h1>Sourcing audit</h1>
      <p className="muted" role="status">
        Counting the claims of your saved articles…
      </p>
    </main>
  );
}

/** Renders the audit into `#root`, reading from the worker behind `channel`. */
export function mountAuditApp(channel: AuditChannel): void {
  const store = workerStore(channel);
  createRoot(document.getElementById('root')!).render(
    <StrictMode>
      <ErrorBoundary
        fallback={(error, retry) => (
          <main className="audit" role="alert">
            <TakeOver />
            <p>The audit could not be shown ({error.message}). Your data is untouched.</p>
            {/* the worker starts reading again, and the boundary renders the page again */}
            <button
              type="button"
              onClick={() => {
                store.restart();
                retry();
              }}
            >
              Try again
            </button>
          </main>
        )}
      >
        <App store={store} />
      </ErrorBoundary>
    </StrictMode>,
  );
}
