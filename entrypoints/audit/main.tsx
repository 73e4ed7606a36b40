/**
 * Audit page (glue, issue 16): a worker (./worker.ts) reads the audit's records — one per article whose
 * whole sourcing was saved, its claims with the reader's corrections applied, kept at write time — off the
 * page's thread, and posts them again on every change; the page decodes them into the audit's articles,
 * shows a skeleton until the first answer, then renders the audit. Downloads go through a Blob URL, copies through the clipboard, and a claim opens its article at the passage (the
 * popup's own "open" action, with the records read by key at the click). Chart.js is bundled into this
 * page only, never into the content script.
 */
import { StrictMode, startTransition, useEffect, useState } from 'react';
import { createRoot } from 'react-dom/client';
import { AuditView } from '@/components/audit/AuditView';
import { ErrorBoundary } from '@/components/library/ErrorBoundary';
import type { AuditArticle } from '@/utils/audit/aggregate';
import { decodeAuditArticle } from '@/utils/audit/cache';
import type { AuditWorkerReply, AuditWorkerStart } from '@/utils/audit/worker-protocol';
import { getDatabase } from '@/utils/db';
import { setArticleTags } from '@/utils/db/tags';
import { downloadFile } from '../popup/download';
import { markAuditPaints } from './painted';
import '@/assets/page.css';
import './style.css';

/** What the page has from the worker: nothing yet, the audit's articles, or the error that stopped it. */
type WorkerState = { type: 'articles'; articles: AuditArticle[] } | { type: 'error'; message: string } | null;

/** The worker's latest complete answer, as a store React subscribes to. */
function workerStore() {
  let latest: WorkerState = null;
  let parts: AuditArticle[][] = [];
  const listeners = new Set<(state: WorkerState) => void>();
  // started before React renders anything: the worker reads while the page draws its skeleton
  const worker = new Worker(new URL('./worker.ts', import.meta.url), { type: 'module' });
  const set = (state: WorkerState) => {
    latest = state;
    for (const l of listeners) l(state);
  };
  worker.addEventListener('message', (e: MessageEvent<AuditWorkerReply>) => {
    const reply = e.data;
    if (reply.type === 'error') return set(reply);
    // decoded as each part arrives: a part is a short task, the claims are built here rather than cloned
    parts.push(reply.records.map(decodeAuditArticle));
    if (!reply.last) return;
    const articles = parts.flat();
    parts = [];
    // for the bench: when the whole answer was here, and how long the worker took to read and map it
    performance.mark('sourcelight:audit-data', { detail: { took: reply.took } });
    set({ type: 'articles', articles });
  });
  worker.addEventListener('error', (e) => set({ type: 'error', message: e.message || 'the audit worker failed' }));
  const start = () => worker.postMessage({ type: 'start' } satisfies AuditWorkerStart);
  start();
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
      start();
    },
  };
}

const store = workerStore();

/**
 * The store's state in React: each new answer renders in a transition, so rendering thousands of rows
 * yields to the browser instead of holding the page's thread.
 */
function useWorkerState(): WorkerState {
  const [state, setState] = useState(store.get);
  useEffect(() => store.subscribe((next) => startTransition(() => setState(next))), []);
  return state;
}

function App() {
  const db = getDatabase();
  const reply = useWorkerState();
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
  if (!reply) return <Skeleton />;
  return (
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

markAuditPaints();
createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <ErrorBoundary
      fallback={(error, retry) => (
        <main className="audit" role="alert">
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
      <App />
    </ErrorBoundary>
  </StrictMode>,
);
