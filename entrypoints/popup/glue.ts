/**
 * Popup glue: the library's actions wired to the extension's database and browser APIs — tabs for opening
 * articles, a Blob URL download link, the clipboard, and the message that shows the in-page panel. The
 * components never call these APIs themselves.
 */
import { browser } from 'wxt/browser';
import type { LibraryActions, Theme } from '@/components/LibraryList';
import { normalizeUrl } from '@/utils/article/url';
import { correctSavedClaim, deleteCorrection } from '@/utils/db/corrections';
import { deleteAnnotations, deleteArticle, pendingUndo, restoreSnapshot, saveNote } from '@/utils/db/library';
import type { ArticleRecord, SourcelightDB } from '@/utils/db/schema';
import type { ExportFile } from '@/utils/export/bundle';
import type { ExportOptions } from '@/utils/export/markdown';
import { textFragmentUrl } from '@/utils/export/fragment';
import { downloadFile } from './download';

// the popup's callers import it from here, with the rest of the glue
export { downloadFile };

/** Is this tab URL the saved article (its normalized URL or its canonical URL)? */
function isArticleTab(tabUrl: string | undefined, article: ArticleRecord): boolean {
  if (!tabUrl) return false;
  const n = normalizeUrl(tabUrl);
  return n === article.url || (article.canonicalUrl !== null && n === normalizeUrl(article.canonicalUrl));
}

/** The library's actions for this popup. */
export function createActions(db: SourcelightDB): LibraryActions {
  return {
    updateNote: (id, comment, baseUpdatedAt) => saveNote(db, id, comment, baseUpdatedAt),
    deleteAnnotation: (id, message) => deleteAnnotations(db, [id], message),
    deleteArticle: (id, message) => deleteArticle(db, id, message),
    restore: (snapshot) => restoreSnapshot(db, snapshot),
    pendingUndo: () => pendingUndo(db),

    async openArticle(article, annotation) {
      const tabs = await browser.tabs.query({});
      const tab = tabs.find((t) => isArticleTab(t.url, article));
      if (tab?.id !== undefined) {
        // Switch to the open tab; with an annotation, add a text fragment to the tab's own URL (same
        // document, so the page is not reloaded) to scroll to the passage.
        const update = annotation
          ? { active: true, url: textFragmentUrl(tab.url!, annotation.quote) }
          : { active: true };
        await browser.tabs.update(tab.id, update);
        if (tab.windowId !== undefined) await browser.windows.update(tab.windowId, { focused: true });
      } else {
        await browser.tabs.create({ url: annotation ? textFragmentUrl(article.url, annotation.quote) : article.url });
      }
    },

    async deliver(file: ExportFile, via) {
      if (via === 'copy') {
        if (typeof file.data !== 'string') throw new Error('Only a Markdown note can be copied; download the zip.');
        await navigator.clipboard.writeText(file.data);
      } else downloadFile(file.name, file.mime, file.data);
    },

    async backup() {
      // Backup, validation (zod) and messaging load on first use: the popup's first paint does not wait for them.
      const { backupFileName, exportBackup, serializeBackup } = await import('@/utils/db/backup');
      const now = Date.now();
      const backup = await exportBackup(db, now);
      downloadFile(backupFileName(now), 'application/json', serializeBackup(backup));
      return `Backup downloaded: ${backup.articles.length} articles, ${backup.annotations.length} items.`;
    },

    async restoreBackup(text) {
      const { describeImport, importBackupText } = await import('@/utils/db/backup');
      const r = await importBackupText(db, text);
      if (!r.ok) throw new Error(r.error);
      return describeImport(r.value);
    },

    async openAudit() {
      await browser.tabs.create({ url: browser.runtime.getURL('/audit.html') });
      window.close();
    },

    async correctClaim(id, change) {
      const made = await correctSavedClaim(db, id, change);
      return made.length ? 'Correction saved. The page shows it on your next visit.' : 'Nothing changed.';
    },
    async undoCorrection(id) {
      return (await deleteCorrection(db, id)) ? 'Correction undone.' : 'That correction was already undone.';
    },
    exportOptions: {
      load: loadExportOptions,
      save: (o) => localStorage.setItem(EXPORT_OPTIONS_KEY, JSON.stringify(o)),
    },

    async saveSourcing() {
      // The background asks the active tab for its sourcing (analyzing it first when needed) and saves it.
      const { sendMessage } = await import('@/utils/messaging');
      const r = await sendMessage('saveTabSourcing', null);
      if (!r.ok) throw new Error(r.error);
      const { added, updated, removed } = r.value;
      const n = added + updated;
      return `Sourcing saved: ${n} claim${n === 1 ? '' : 's'}, ${r.value.sourcing.entities.length} names${removed ? ` (${removed} gone from the article removed)` : ''}.`;
    },

    async showPanel() {
      // The background finds the active tab and asks it to show (and if needed analyze) its panel.
      const { sendMessage } = await import('@/utils/messaging');
      const r = await sendMessage('openPanel', null);
      if (!r.ok) throw new Error(r.error);
      window.close();
    },
  };
}

const EXPORT_OPTIONS_KEY = 'sourcelight-export-options';

/** The export options the reader chose last time (the popup's own localStorage); bad data reads as none. */
export function loadExportOptions(): ExportOptions {
  try {
    const raw = JSON.parse(localStorage.getItem(EXPORT_OPTIONS_KEY) ?? '{}') as Record<string, unknown>;
    const tags = Array.isArray(raw.tags) ? raw.tags.filter((t): t is string => typeof t === 'string') : [];
    return { wikilinks: raw.wikilinks === true, siteTag: raw.siteTag === true, tags: tags.slice(0, 30) };
  } catch {
    return {};
  }
}

const THEME_KEY = 'sourcelight-theme';

/** The saved colour-scheme choice (the popup's own localStorage: extension origin, never a page's). */
export function loadTheme(): Theme {
  const t = localStorage.getItem(THEME_KEY);
  return t === 'light' || t === 'dark' ? t : 'system';
}

/** Applies and remembers a colour-scheme choice. */
export function applyTheme(theme: Theme): void {
  if (theme === 'system') {
    delete document.documentElement.dataset.theme;
    localStorage.removeItem(THEME_KEY);
  } else {
    document.documentElement.dataset.theme = theme;
    localStorage.setItem(THEME_KEY, theme);
  }
}

/** The host permissions the reader needs (the manifest's `host_permissions`). */
export const SITE_ACCESS = { origins: ['http://*/*', 'https://*/*'] };

/** Whether the reader may run on websites (a person can withhold host permissions, in Firefox above all). */
export async function hasSiteAccess(): Promise<boolean> {
  try {
    return await browser.permissions.contains(SITE_ACCESS);
  } catch {
    return true; // a browser without the API grants host permissions at install
  }
}

/** Asks for access to websites; call it straight from a click handler (the request needs a user gesture). */
export function requestSiteAccess(): Promise<boolean> {
  return browser.permissions.request(SITE_ACCESS).catch(() => false);
}

/** Calls `onChange` whenever permissions are granted or withdrawn; returns the unsubscribe function. */
export function watchSiteAccess(onChange: () => void): () => void {
  browser.permissions.onAdded.addListener(onChange);
  browser.permissions.onRemoved.addListener(onChange);
  return () => {
    browser.permissions.onAdded.removeListener(onChange);
    browser.permissions.onRemoved.removeListener(onChange);
  };
}
