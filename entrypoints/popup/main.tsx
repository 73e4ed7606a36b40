/**
 * Popup (glue): mounts the library view on the extension's own database, updating live.
 */
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { useLiveQuery } from 'dexie-react-hooks';
import { LibraryList } from '@/components/LibraryList';
import { getDatabase } from '@/utils/db';
import { listLibrary } from '@/utils/db/queries';
import './style.css';

function App() {
  const db = getDatabase();
  const items = useLiveQuery(() => listLibrary(db), [db]);
  return <LibraryList items={items} />;
}

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
