/**
 * Audit page (glue, issue 16): reads every saved article and its saved claims from the extension's own
 * database, live — the articles whose whole sourcing was saved, their claims with the reader's corrections
 * applied — maps them to the audit's input (utils/audit/records.ts) and renders the audit. Downloads
 * go through a Blob URL, copies through the clipboard, and a claim opens its article at the passage (the
 * popup's own "open" action). Chart.js is bundled into this page only, never into the content script.
 */
import { StrictMode, useMemo } from 'react';
import { createRoot } from 'react-dom/client';
import { useLiveQuery } from 'dexie-react-hooks';
import { AuditView } from '@/components/audit/AuditView';
import { ErrorBoundary } from '@/components/library/ErrorBoundary';
import { auditArticlesFrom } from '@/utils/audit/records';
import { correctAnnotations } from '@/utils/corrections/records';
import { getDatabase } from '@/utils/db';
import { setArticleTags } from '@/utils/db/tags';
import { createActions, downloadFile } from '../popup/glue';
import { markWhenTotalsPainted } from './painted';
import '@/assets/page.css';
import './style.css';

function App() {
  const db = getDatabase();
  const data = useLiveQuery(async () => {
    const [articles, claims, corrections, sourcing] = await Promise.all([
      db.articles.toArray(),
      db.annotations.where('kind').equals('quote').toArray(),
      db.corrections.toArray(),
      db.sourcing.toArray(),
    ]);
    return { articles, claims, corrections, sourcing };
  }, [db]);
  const actions = useMemo(() => createActions(db), [db]);
  const audit = useMemo(() => {
    if (!data) return null;
    // the audit counts what the reader's corrections made of each claim, and only whole saved sourcings
    const saved = new Set(data.sourcing.map((s) => s.articleId));
    return auditArticlesFrom(data.articles, correctAnnotations(data.claims, data.corrections), {
      isSourcing: (a) => saved.has(a.id),
      machineSpeakers: new Map(data.claims.map((c) => [c.id, c.speaker ?? null])),
    });
  }, [data]);
  if (!data || !audit) return <p className="muted">Loading…</p>;
  const articleById = new Map(data.articles.map((a) => [a.id, a] as const));
  const claimById = new Map(data.claims.map((c) => [c.id, c] as const));
  return (
    <AuditView
      articles={audit}
      onDownload={downloadFile}
      onCopy={(text) => navigator.clipboard.writeText(text)}
      onOpenClaim={(article, claim) => {
        const a = articleById.get(article.id);
        if (a) void actions.openArticle(a, claimById.get(claim.id));
      }}
      onOpenArticle={(article) => {
        const a = articleById.get(article.id);
        if (a) void actions.openArticle(a);
      }}
      onSetTags={async (article, tags) => {
        if (!(await setArticleTags(db, article.id, tags))) throw new Error('the article was deleted meanwhile');
      }}
    />
  );
}

markWhenTotalsPainted();
createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <ErrorBoundary
      fallback={(error, retry) => (
        <main className="audit" role="alert">
          <p>The audit could not be shown ({error.message}). Your data is untouched.</p>
          <button type="button" onClick={retry}>
            Try again
          </button>
        </main>
      )}
    >
      <App />
    </ErrorBoundary>
  </StrictMode>,
);
