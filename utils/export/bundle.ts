/**
 * Export bundles (pure core): many articles as one zip of Markdown notes (one file per article) or as one
 * combined note. The zip is built in memory with fflate — no network, no workers — so the popup can hand
 * it to a download link.
 */
import { strToU8, zipSync, type Zippable } from 'fflate';
import { articleMarkdown, combinedMarkdown, markdownFileName, type ExportItem, type ExportOptions } from './markdown';

/** A file to hand to the reader. */
export interface ExportFile {
  name: string;
  mime: string;
  data: Uint8Array | string;
}

/** Every article as its own note inside `sourcelight-YYYY-MM-DD.zip`. */
export function zipExport(items: readonly ExportItem[], exportedAt: number, options: ExportOptions = {}): ExportFile {
  const taken = new Set<string>();
  const files: Zippable = {};
  // Zip timestamps are local DOS times from 1980 on; the export time is a faithful, valid choice.
  const mtime = new Date(Math.max(exportedAt, Date.UTC(1980, 0, 2)));
  for (const item of items)
    files[markdownFileName(item.article, taken)] = [strToU8(articleMarkdown(item, options)), { mtime }];
  return {
    name: `sourcelight-${new Date(exportedAt).toISOString().slice(0, 10)}.zip`,
    mime: 'application/zip',
    // Level 1: Markdown still shrinks to about a third, at a fraction of level 6's time.
    data: zipSync(files, { level: 1 }),
  };
}

/** Every article in one Markdown note. A single article gets its own note layout (with front matter). */
export function markdownExport(
  items: readonly ExportItem[],
  exportedAt: number,
  options: ExportOptions = {},
): ExportFile {
  if (items.length === 1) {
    const item = items[0]!;
    return { name: markdownFileName(item.article), mime: 'text/markdown', data: articleMarkdown(item, options) };
  }
  return {
    name: `sourcelight-${new Date(exportedAt).toISOString().slice(0, 10)}.md`,
    mime: 'text/markdown',
    data: combinedMarkdown(items, exportedAt, 'Sourcelight export', options),
  };
}
