/**
 * The library (popup main view): search and filters over everything saved, the article list or the
 * people view, note editing, delete with undo, Markdown export and JSON backup. Props in, callbacks out —
 * the popup glue (entrypoints/popup) owns the database handle and every browser API.
 *
 * The list sits inside an error boundary, outside of which stay the header (Export, Backup) and the toasts:
 * a record the list cannot render must never take away the way to save or restore everything.
 */
import { useCallback, useDeferredValue, useEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import type { AnnotationRecord, ArticleRecord, SourcingRecord } from '@/utils/db/schema';
import {
  buildIndex,
  buildPeople,
  isEmptyQuery,
  KIND_FILTERS,
  searchLibrary,
  type KindFilter,
  type LibraryData,
  type LibraryQuery,
  type NoteSave,
  type PendingUndo,
  type ResultGroup,
  type UndoSnapshot,
  UNDO_WINDOW_MS,
  warmIndex,
} from '@/utils/db/library';
import type { ExportFile } from '@/utils/export/bundle';
import type { ExportItem, ExportOptions } from '@/utils/export/markdown';
import { ArticleList } from './ArticleList';
import { ErrorBoundary } from './ErrorBoundary';
import { PeopleView } from './PeopleView';
import { KIND_FILTER_LABEL, plural } from './format';

/** A colour scheme choice: follow the system, or force one. */
export type Theme = 'system' | 'light' | 'dark';

/** Everything the library asks of its host. Each returns when done; a thrown error is shown to the reader. */
export interface LibraryActions {
  /** Saves a note edit begun from the version `baseUpdatedAt`; never overwrites a newer version. */
  updateNote(id: string, comment: string, baseUpdatedAt: number): Promise<NoteSave>;
  /** Deletes; `message` is kept with the undo record, to be shown again if the popup reopens. */
  deleteAnnotation(id: string, message: string): Promise<UndoSnapshot>;
  deleteArticle(id: string, message: string): Promise<UndoSnapshot>;
  /** Undoes a delete; false when there was nothing left to undo (undone elsewhere, or expired). */
  restore(snapshot: UndoSnapshot): Promise<boolean>;
  /** The newest delete still undoable (made before this popup opened, perhaps), or null. */
  pendingUndo?: () => Promise<PendingUndo | null>;
  /** Open the article (its tab when open) and, when given, jump to the annotation. */
  openArticle(article: ArticleRecord, annotation?: AnnotationRecord): Promise<void>;
  /** Hand a file to the reader: download it, or copy its text to the clipboard. */
  deliver(file: ExportFile, via: 'download' | 'copy'): Promise<void>;
  /** Download a JSON backup of the whole database; resolves with a message. */
  backup(): Promise<string>;
  /** Import a backup file's text; resolves with a message, or rejects with a readable error. */
  restoreBackup(text: string): Promise<string>;
  /** Ask the current tab to show its Sourcelight panel (absent when not available). */
  showPanel?: () => Promise<void>;
  /** Open the sourcing audit across saved articles (absent when not available). */
  openAudit?: () => Promise<void>;
  /** Save the current tab's whole sourcing in one action; resolves with a message (absent when not available). */
  saveSourcing?: () => Promise<string>;
  /** Correct a saved claim from the popup; resolves with a message (absent: no correcting). */
  correctClaim?: (
    annotationId: string,
    change: { speaker: string | null; anonymous: boolean; notAQuote?: boolean },
  ) => Promise<string>;
  /** Undo one correction. */
  undoCorrection?: (id: string) => Promise<string>;
  /** The export options remembered between exports (absent: defaults, not remembered). */
  exportOptions?: { load(): ExportOptions; save(options: ExportOptions): void };
}

export interface LibraryProps {
  /** undefined while loading. */
  data: LibraryData | undefined;
  actions: LibraryActions;
  theme: Theme;
  onThemeChange(theme: Theme): void;
  /** For tests: a fixed clock. */
  now?: () => number;
}

interface Toast {
  id: number;
  message: string;
  error?: boolean;
  undo?: UndoSnapshot;
  /** How long it shows (ms); an undo offered again on reopen shows for what is left of its window. */
  ms?: number;
}

const MESSAGE_MS = 5_000;
const THEMES: Theme[] = ['system', 'light', 'dark'];

/** The popup's views: the article list, and the people and organizations across every saved article. */
type View = 'library' | 'people' | 'organizations';
const VIEWS: readonly View[] = ['library', 'people', 'organizations'];
const VIEW_LABEL: Record<View, string> = { library: 'Library', people: 'People', organizations: 'Organizations' };

/** The whole library view. */
export function Library({ data, actions, theme, onThemeChange, now = Date.now }: LibraryProps) {
  const [view, setView] = useState<View>('library');
  const [text, setText] = useState('');
  const [kinds, setKinds] = useState<KindFilter[]>([]);
  const [site, setSite] = useState<string | null>(null);
  const [editingId, setEditingId] = useState<string | null>(null);
  const [toast, setToast] = useState<Toast | null>(null);
  const [panel, setPanel] = useState<'export' | 'backup' | null>(null);
  const searchRef = useRef<HTMLInputElement>(null);
  const toastSeq = useRef(0);

  // The index is rebuilt only when the database changes; keystrokes only search it.
  const index = useMemo(() => (data ? buildIndex(data) : null), [data]);
  // Fold the search strings right after the first paint, so the first keystroke does not pay for it.
  useEffect(() => {
    if (!index) return;
    const timer = setTimeout(() => warmIndex(index), 30);
    return () => clearTimeout(timer);
  }, [index]);
  // Typing stays responsive: the list re-renders with the deferred text when React has time.
  const deferredText = useDeferredValue(text);
  const query: LibraryQuery = useMemo(() => ({ text: deferredText, kinds, site }), [deferredText, kinds, site]);
  const groups = useMemo(() => (index ? searchLibrary(index, query) : []), [index, query]);
  const people = useMemo(
    () =>
      index && view !== 'library' ? buildPeople(index, groups, view === 'people' ? 'person' : 'organization') : [],
    [index, groups, view],
  );
  const matched = useMemo(() => groups.reduce((n, g) => n + g.annotations.length, 0), [groups]);

  const show = useCallback((t: Omit<Toast, 'id'>) => setToast({ ...t, id: ++toastSeq.current }), []);
  const fail = useCallback(
    (err: unknown) => show({ message: (err as Error)?.message ?? String(err), error: true }),
    [show],
  );

  useEffect(() => {
    if (!toast) return;
    const ms = toast.ms ?? (toast.undo ? UNDO_WINDOW_MS : MESSAGE_MS);
    const timer = setTimeout(() => setToast((t) => (t?.id === toast.id ? null : t)), ms);
    return () => clearTimeout(timer);
  }, [toast]);

  // A delete made just before the popup last closed can still be undone: it is kept in the database.
  useEffect(() => {
    if (!actions.pendingUndo) return;
    let live = true;
    actions.pendingUndo().then(
      (p) => {
        if (!live || !p) return;
        // a message shown meanwhile (a newer delete, an error) wins
        setToast((t) => t ?? { id: ++toastSeq.current, message: p.message, undo: p.snapshot, ms: p.remainingMs });
      },
      () => undefined, // nothing to offer is the safe answer when the trash cannot be read
    );
    return () => {
      live = false;
    };
  }, [actions]);

  const undo = useCallback(async () => {
    const snap = toast?.undo;
    if (!snap) return;
    setToast(null);
    try {
      const restored = await actions.restore(snap);
      show({
        message: restored
          ? 'Restored.'
          : 'Nothing to undo: it was already undone in another window, or its time ran out.',
        error: !restored,
      });
    } catch (err) {
      fail(err);
    }
  }, [toast, actions, show, fail]);

  // Popup-wide shortcuts: "/" focuses search, Ctrl/⌘+Z undoes the last delete.
  const onKeyDown = (e: KeyboardEvent) => {
    const typing = (e.target as HTMLElement).closest?.('input, textarea, select');
    if (e.key === 'Escape' && panel && !e.defaultPrevented) {
      e.preventDefault();
      setPanel(null);
    } else if (e.key === '/' && !typing) {
      e.preventDefault();
      searchRef.current?.focus();
    } else if ((e.ctrlKey || e.metaKey) && e.key.toLowerCase() === 'z' && toast?.undo && !typing) {
      e.preventDefault();
      void undo();
    }
  };

  // Stable handlers: the memoized list then skips the urgent render of each keystroke and only re-renders
  // when the (deferred) results change.
  const deleteAnnotation = useCallback(
    async (a: AnnotationRecord) => {
      try {
        const message = 'Annotation deleted.';
        const snap = await actions.deleteAnnotation(a.id, message);
        show({ message, undo: snap });
      } catch (err) {
        fail(err);
      }
    },
    [actions, show, fail],
  );
  const deleteArticle = useCallback(
    async (article: ArticleRecord) => {
      try {
        const count = index?.byId.get(article.id)?.annotations.length ?? 0;
        const message = `Deleted “${truncate(article.title || article.url, 40)}” and ${plural(count, 'item')}.`;
        const snap = await actions.deleteArticle(article.id, message);
        show({ message, undo: snap });
      } catch (err) {
        fail(err);
      }
    },
    [index, actions, show, fail],
  );
  const saveNote = useCallback(
    async (a: AnnotationRecord, comment: string, baseUpdatedAt: number): Promise<NoteSave | null> => {
      try {
        const r = await actions.updateNote(a.id, comment, baseUpdatedAt);
        if (r.status === 'saved') {
          setEditingId(null);
          show({ message: 'Note saved.' });
        } else if (r.status === 'missing') {
          show({ message: 'Not saved: that annotation no longer exists (deleted in another window?).', error: true });
        } else {
          // the editor stays open with the reader's text and shows the other version
          show({ message: 'Not saved: this note was changed in another window. Your text is kept.', error: true });
        }
        return r;
      } catch (err) {
        fail(err);
        return null;
      }
    },
    [actions, show, fail],
  );
  const open = useCallback(
    (article: ArticleRecord, annotation?: AnnotationRecord) =>
      void actions.openArticle(article, annotation).catch(fail),
    [actions, fail],
  );
  const exportArticle = useCallback(
    (g: ResultGroup) => {
      const item = index?.byId.get(g.article.id);
      if (!item) return;
      void loadExport()
        .then(({ markdownExport }) =>
          actions.deliver(
            markdownExport(
              [{ article: item.article, annotations: item.annotations, sourcing: item.sourcing }],
              now(),
              actions.exportOptions?.load() ?? {},
            ),
            'download',
          ),
        )
        .then(() => show({ message: 'Markdown downloaded.' }), fail);
    },
    [index, actions, now, show, fail],
  );

  const toggleKind = (k: KindFilter) => setKinds((ks) => (ks.includes(k) ? ks.filter((x) => x !== k) : [...ks, k]));
  const clearFilters = () => {
    setText('');
    setKinds([]);
    setSite(null);
  };

  if (!index)
    return (
      <main aria-label="Saved articles" aria-busy="true" className="app">
        <p className="empty">Loading…</p>
      </main>
    );

  const empty = index.articles.length === 0;
  const filtered = !isEmptyQuery({ text, kinds, site });
  return (
    <main aria-label="Saved articles" className="app" onKeyDown={onKeyDown}>
      <header className="top">
        <h1
          className="brand"
          title={`${plural(index.articles.length, 'article')} · ${plural(index.annotationCount, 'item')}`}
        >
          Sourcelight
        </h1>
        <div className="tools">
          {actions.showPanel && (
            <button
              type="button"
              className="icon"
              title="Show the Sourcelight panel on the current page"
              onClick={() => void actions.showPanel!().catch(fail)}
            >
              Panel
            </button>
          )}
          {actions.openAudit && (
            <button
              type="button"
              className="icon"
              title="Open the sourcing audit: who the articles you saved rely on"
              onClick={() => void actions.openAudit!().catch(fail)}
            >
              Audit
            </button>
          )}
          {actions.saveSourcing && (
            <button
              type="button"
              className="icon"
              title="Save every claim, the people and organizations, and the sourcing summary of the current page"
              onClick={() => void actions.saveSourcing!().then((message) => show({ message }), fail)}
            >
              Save sourcing
            </button>
          )}
          <button
            type="button"
            className="icon"
            aria-expanded={panel === 'export'}
            aria-controls="export-panel"
            disabled={empty}
            onClick={() => setPanel((p) => (p === 'export' ? null : 'export'))}
          >
            Export
          </button>
          <button
            type="button"
            className="icon"
            aria-expanded={panel === 'backup'}
            aria-controls="backup-panel"
            onClick={() => setPanel((p) => (p === 'backup' ? null : 'backup'))}
          >
            Backup
          </button>
          <button
            type="button"
            className="icon"
            title={`Theme: ${theme} (click to change)`}
            aria-label={`Theme: ${theme}`}
            onClick={() => onThemeChange(THEMES[(THEMES.indexOf(theme) + 1) % THEMES.length]!)}
          >
            {theme === 'dark' ? '☾' : theme === 'light' ? '☀' : '◐'}
          </button>
        </div>
      </header>

      {panel === 'export' && (
        <ExportPanel
          groups={groups}
          filtered={filtered}
          all={index.articles}
          sourcingOf={(id) => index.byId.get(id)?.sourcing ?? null}
          options={actions.exportOptions}
          now={now}
          deliver={(file, via) =>
            actions.deliver(file, via).then(() => {
              show({ message: via === 'copy' ? 'Copied to the clipboard.' : `Downloaded ${file.name}.` });
              setPanel(null);
            }, fail)
          }
          onError={(err) =>
            show({
              message: `The export failed (${(err as Error)?.message ?? String(err)}). Backup still saves everything as JSON.`,
              error: true,
            })
          }
        />
      )}
      {panel === 'backup' && (
        <BackupPanel
          onBackup={() => actions.backup().then((m) => show({ message: m }), fail)}
          onReadError={(err) =>
            show({
              message: `The file could not be read, so nothing was imported (${(err as Error)?.message ?? String(err)}).`,
              error: true,
            })
          }
          onRestore={(textOfFile) =>
            actions.restoreBackup(textOfFile).then((m) => {
              show({ message: m });
              setPanel(null);
            }, fail)
          }
        />
      )}

      {empty ? (
        <EmptyState />
      ) : (
        <>
          <div className="tabs" role="tablist" aria-label="Views">
            {VIEWS.map((v, i) => (
              <button
                key={v}
                type="button"
                role="tab"
                id={`tab-${v}`}
                aria-selected={view === v}
                aria-controls="view"
                tabIndex={view === v ? 0 : -1}
                onClick={() => setView(v)}
                onKeyDown={(e) => {
                  if (e.key === 'ArrowRight' || e.key === 'ArrowLeft') {
                    e.preventDefault();
                    const step = e.key === 'ArrowRight' ? 1 : VIEWS.length - 1;
                    const next = VIEWS[(i + step) % VIEWS.length]!;
                    setView(next);
                    document.getElementById(`tab-${next}`)?.focus();
                  }
                }}
              >
                {VIEW_LABEL[v]}
              </button>
            ))}
          </div>
          <div className="filters">
            <input
              ref={searchRef}
              type="search"
              className="search"
              placeholder="Search titles, quotes, notes, speakers…  ( / )"
              aria-label="Search titles, quotes, notes and speakers"
              aria-controls="view"
              value={text}
              onChange={(e) => setText(e.target.value)}
              onKeyDown={(e) => {
                if (e.key === 'Escape' && text) {
                  e.preventDefault();
                  setText('');
                }
              }}
            />
            <div className="chips" role="group" aria-label="Filter by kind">
              {KIND_FILTERS.map((k) => (
                <button
                  key={k}
                  type="button"
                  className="chip"
                  aria-pressed={kinds.includes(k)}
                  onClick={() => toggleKind(k)}
                >
                  {KIND_FILTER_LABEL[k]}
                </button>
              ))}
            </div>
            <div className="summary-row">
              {index.sites.length > 1 && (
                <select
                  aria-label="Filter by site"
                  value={site ?? ''}
                  onChange={(e) => setSite(e.target.value || null)}
                >
                  <option value="">All sites</option>
                  {index.sites.map((s) => (
                    <option key={s.site} value={s.site}>
                      {s.site} ({s.count})
                    </option>
                  ))}
                </select>
              )}
              <p className="summary" role="status" aria-live="polite">
                {data?.partial
                  ? 'Loading everything saved…'
                  : view === 'people'
                    ? `${plural(people.length, 'person', 'people')}${filtered ? ' in the results' : ''}, most quoted first`
                    : view === 'organizations'
                      ? `${plural(people.length, 'organization')}${filtered ? ' in the results' : ''}, most quoted first`
                      : filtered
                        ? `${plural(matched, 'match', 'matches')} in ${plural(groups.length, 'article')}`
                        : `${plural(groups.length, 'article')}, newest first`}
                {filtered && (
                  <button type="button" className="link" onClick={clearFilters}>
                    Clear
                  </button>
                )}
              </p>
            </div>
          </div>
          <div id="view" role="tabpanel" aria-labelledby={`tab-${view}`} className="view">
            <ErrorBoundary resetKey={index}>
              {view !== 'library' ? (
                <PeopleView
                  people={people}
                  query={deferredText}
                  onOpen={open}
                  kind={view === 'people' ? 'person' : 'organization'}
                />
              ) : groups.length === 0 ? (
                <p className="empty" role="status">
                  Nothing matches. Try fewer words, or{' '}
                  <button type="button" className="link" onClick={clearFilters}>
                    clear the filters
                  </button>
                  .
                </p>
              ) : (
                <ArticleList
                  groups={groups}
                  query={deferredText}
                  editingId={editingId}
                  onEdit={setEditingId}
                  onOpen={open}
                  onSaveNote={saveNote}
                  onDeleteAnnotation={deleteAnnotation}
                  onDeleteArticle={deleteArticle}
                  onExportArticle={exportArticle}
                  onCorrect={
                    actions.correctClaim &&
                    ((ann, change) => actions.correctClaim!(ann.id, change).then((message) => show({ message }), fail))
                  }
                  onUndoCorrection={
                    actions.undoCorrection &&
                    ((id) => void actions.undoCorrection!(id).then((message) => show({ message }), fail))
                  }
                />
              )}
            </ErrorBoundary>
          </div>
        </>
      )}

      <div className="toast-area" role="status" aria-live="polite">
        {toast && (
          <div className={`toast${toast.error ? ' error' : ''}`} data-testid="toast">
            <span>{toast.message}</span>
            {toast.undo && (
              <button type="button" className="primary" onClick={() => void undo()}>
                Undo
              </button>
            )}
            <button type="button" className="icon" aria-label="Dismiss" onClick={() => setToast(null)}>
              ×
            </button>
          </div>
        )}
      </div>
    </main>
  );
}

/** The exporters (Markdown, zip) load on first use, keeping them out of the popup's first paint. */
const loadExport = () => import('@/utils/export/bundle');

function truncate(s: string, n: number): string {
  return s.length > n ? s.slice(0, n - 1) + '…' : s;
}

/** What a new reader sees: how to save a first passage. */
function EmptyState() {
  return (
    <section className="empty-state" aria-labelledby="empty-title">
      <h2 id="empty-title">Nothing saved yet</h2>
      <ol>
        <li>Open a news article.</li>
        <li>Select a passage you want to keep.</li>
        <li>
          Right-click and choose <strong>Save selection to Sourcelight</strong>, or press <kbd>Alt</kbd>+
          <kbd>Shift</kbd>+<kbd>S</kbd>.
        </li>
      </ol>
      <p>
        Your highlights, notes and the quotes you save appear here, grouped by article — searchable, exportable to
        Markdown, and never sent anywhere.
      </p>
    </section>
  );
}

interface ExportPanelProps {
  groups: ResultGroup[];
  filtered: boolean;
  all: ReadonlyArray<{ article: ArticleRecord; annotations: AnnotationRecord[] }>;
  /** An article's saved sourcing (its entity list joins the export). */
  sourcingOf(articleId: string): SourcingRecord | null;
  /** Where the options are remembered. */
  options?: LibraryActions['exportOptions'];
  now: () => number;
  deliver(file: ExportFile, via: 'download' | 'copy'): Promise<void>;
  /** Building the file failed (a record the exporter cannot read): said, never an unhandled rejection. */
  onError(err: unknown): void;
}

/** Export options: the current results or everything; a zip of notes or one combined note. */
function ExportPanel({ groups, filtered, all, sourcingOf, options: store, now, deliver, onError }: ExportPanelProps) {
  const [scope, setScope] = useState<'results' | 'all'>(filtered ? 'results' : 'all');
  const [format, setFormat] = useState<'zip' | 'md'>('zip');
  const [busy, setBusy] = useState(false);
  const [options, setOptions] = useState<ExportOptions>(() => store?.load() ?? {});
  const [tagText, setTagText] = useState(() => (options.tags ?? []).join(', '));
  const change = (next: ExportOptions) => {
    setOptions(next);
    store?.save(next);
  };
  const items = (): ExportItem[] =>
    scope === 'results'
      ? groups.map((g) => ({ article: g.article, annotations: g.annotations, sourcing: sourcingOf(g.article.id) }))
      : all.map((a) => ({ article: a.article, annotations: a.annotations, sourcing: sourcingOf(a.article.id) }));
  const run = async (via: 'download' | 'copy') => {
    setBusy(true);
    try {
      const list = items();
      const { markdownExport, zipExport } = await loadExport();
      const file =
        via === 'download' && format === 'zip' ? zipExport(list, now(), options) : markdownExport(list, now(), options);
      await deliver(file, via);
    } catch (err) {
      onError(err);
    } finally {
      setBusy(false);
    }
  };
  const count = scope === 'results' ? groups.length : all.length;
  return (
    <section id="export-panel" className="panel" aria-label="Export to Markdown">
      <fieldset>
        <legend>Export</legend>
        <label>
          <input type="radio" name="scope" checked={scope === 'results'} onChange={() => setScope('results')} />
          {filtered ? 'Current search results' : 'Everything shown'} ({plural(groups.length, 'article')})
        </label>
        <label>
          <input type="radio" name="scope" checked={scope === 'all'} onChange={() => setScope('all')} />
          Everything ({plural(all.length, 'article')})
        </label>
      </fieldset>
      <fieldset>
        <legend>As</legend>
        <label>
          <input type="radio" name="format" checked={format === 'zip'} onChange={() => setFormat('zip')} />
          One Markdown file per article (.zip)
        </label>
        <label>
          <input type="radio" name="format" checked={format === 'md'} onChange={() => setFormat('md')} />
          One combined Markdown file
        </label>
      </fieldset>
      <fieldset>
        <legend>For Obsidian and friends (remembered)</legend>
        <label>
          <input
            type="checkbox"
            checked={!!options.wikilinks}
            onChange={(e) => change({ ...options, wikilinks: e.target.checked })}
          />
          People and organizations as [[wikilinks]]
        </label>
        <label>
          <input
            type="checkbox"
            checked={!!options.siteTag}
            onChange={(e) => change({ ...options, siteTag: e.target.checked })}
          />
          Tag each note with its site
        </label>
        <label className="tags">
          Tags (comma-separated)
          <input
            type="text"
            value={tagText}
            maxLength={500}
            placeholder="fact-check, elections"
            onChange={(e) => {
              setTagText(e.target.value);
              change({
                ...options,
                tags: e.target.value
                  .split(',')
                  .map((t) => t.trim())
                  .filter(Boolean)
                  .slice(0, 30),
              });
            }}
          />
        </label>
      </fieldset>
      <div className="row-actions">
        <button type="button" className="primary" disabled={busy || count === 0} onClick={() => void run('download')}>
          Download
        </button>
        <button
          type="button"
          disabled={busy || count === 0}
          onClick={() => void run('copy')}
          title="Copies one combined Markdown note"
        >
          Copy Markdown
        </button>
      </div>
    </section>
  );
}

interface BackupPanelProps {
  onBackup(): Promise<void>;
  onRestore(text: string): Promise<void>;
  /** Reading the chosen file failed (removed, unreadable, too large): the reader is told, never left waiting. */
  onReadError(err: unknown): void;
}

/** JSON backup of everything, and restore (merge) from a backup file. */
function BackupPanel({ onBackup, onRestore, onReadError }: BackupPanelProps) {
  const fileRef = useRef<HTMLInputElement>(null);
  return (
    <section id="backup-panel" className="panel" aria-label="Backup and restore">
      <p className="hint">
        A backup holds every article, highlight, note and quote. Restoring merges: nothing is deleted, and restoring the
        same backup twice changes nothing.
      </p>
      <div className="row-actions">
        <button type="button" className="primary" onClick={() => void onBackup()}>
          Download backup (.json)
        </button>
        <button type="button" onClick={() => fileRef.current?.click()}>
          Restore from backup…
        </button>
        <input
          ref={fileRef}
          type="file"
          accept=".json,application/json"
          hidden
          data-testid="restore-file"
          aria-label="Backup file to restore"
          onChange={(e) => {
            const file = e.target.files?.[0];
            e.target.value = '';
            if (file) void file.text().then(onRestore, onReadError);
          }}
        />
      </div>
    </section>
  );
}
