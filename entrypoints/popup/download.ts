/**
 * The Blob URL download of the extension's pages (popup, audit), in a module of its own so the audit page
 * can offer downloads without loading the popup's whole glue before its first paint.
 */

/** Starts a download of `data` as `name` through a temporary Blob URL and an `<a download>` link. */
export function downloadFile(name: string, mime: string, data: Uint8Array | string): void {
  const blob = new Blob([data as BlobPart], { type: mime });
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.rel = 'noopener';
  document.body.append(a);
  a.click();
  a.remove();
  // The download has started by the time the click returns; the URL can go once the browser has read it.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
