/**
 * Popup (glue): mounts the library on the extension's own database, updating live. The first paint uses
 * a small indexed read (every article, the annotations of the newest few); the whole library is read right
 * after, for search and scrolling. `useLiveQuery` re-reads the snapshot after every change (a save in a
 * tab, an edit here); the library rebuilds its search index from it once per change, never per keystroke.
 */
import { StrictMode, useEffect, useMemo, useState } from 'react';
import { createRoot } from 'react-dom/client';
import { useLiveQuery } from 'dexie-react-hooks';
import { LibraryList, type Theme } from '@/components/LibraryList';
import { getDatabase } from '@/utils/db';
import { loadFirstPage, loadLibrary } from '@/utils/db/library';
import { SiteAccess } from '@/components/library/SiteAccess';
import { ErrorBoundary } from '@/components/library/ErrorBoundary';
import { applyTheme, createActions, hasSiteAccess, loadTheme, requestSiteAccess, watchSiteAccess } from './glue';
import './style.css';

/** Articles whose annotations fill the first screen, and then some. */
const FIRST_PAGE = 8;

function App() {
  const db = getDatabase();
  const [loadAll, setLoadAll] = useState(false);
  const full = useLiveQuery(() => (loadAll ? loadLibrary(db) : undefined), [db, loadAll]);
  const first = useLiveQuery(() => (full ? undefined : loadFirstPage(db, FIRST_PAGE)), [db, full === undefined]);
  const data = full ?? first;
  // Read everything once the first screen has been committed, so the two reads do not compete.
  useEffect(() => {
    if (!first || loadAll) return;
    const timer = setTimeout(() => setLoadAll(true), 0);
    return () => clearTimeout(timer);
  }, [first, loadAll]);
  const actions = useMemo(() => createActions(db), [db]);
  const [theme, setTheme] = useState<Theme>(loadTheme);
  // Firefox lets people withhold host permissions; then the toolbar button asks for them (never a silent no-op)
  const [siteAccess, setSiteAccess] = useState(true);
  useEffect(() => {
    const check = () => void hasSiteAccess().then(setSiteAccess);
    check();
    return watchSiteAccess(check);
  }, []);
  return (
    <>
      {!siteAccess && <SiteAccess onGrant={() => void requestSiteAccess().then(setSiteAccess)} />}
      {/* Last line of defence: if the whole library fails to render, a backup can still be taken. */}
      <ErrorBoundary
        resetKey={data}
        fallback={(error, retry) => (
          <main className="app" role="alert" data-testid="popup-error">
            <p className="empty">The library could not be shown ({error.message}). Your data is untouched.</p>
            <div className="row-actions">
              <button type="button" className="primary" onClick={() => void actions.backup().catch(() => undefined)}>
                Download backup (.json)
              </button>
              <button type="button" onClick={retry}>
                Try again
              </button>
            </div>
          </main>
        )}
      >
        <LibraryList
          data={data}
          actions={actions}
          theme={theme}
          onThemeChange={(t) => {
            applyTheme(t);
            setTheme(t);
          }}
        />
      </ErrorBoundary>
    </>
  );
}

applyTheme(loadTheme());
createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
