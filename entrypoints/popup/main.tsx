/**
 * Popup (glue): mounts the library on the extension's own database, updating live. `useLiveQuery` re-reads
 * the snapshot after every change (a save in a tab, an edit here); the library rebuilds its search index
 * from it once per change, never per keystroke.
 */
import { StrictMode, useMemo, useState } from 'react';
import { createRoot } from 'react-dom/client';
import { useLiveQuery } from 'dexie-react-hooks';
import { LibraryList, type Theme } from '@/components/LibraryList';
import { getDatabase } from '@/utils/db';
import { loadLibrary } from '@/utils/db/library';
import { applyTheme, createActions, loadTheme } from './glue';
import './style.css';

function App() {
  const db = getDatabase();
  const data = useLiveQuery(() => loadLibrary(db), [db]);
  const actions = useMemo(() => createActions(db), [db]);
  const [theme, setTheme] = useState<Theme>(loadTheme);
  return (
    <LibraryList
      data={data}
      actions={actions}
      theme={theme}
      onThemeChange={(t) => {
        applyTheme(t);
        setTheme(t);
      }}
    />
  );
}

applyTheme(loadTheme());
createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
