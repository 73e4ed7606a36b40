/**
 * Settings (extension storage, shared by the options page and the content script): analyze automatically or
 * only on click, sites where Sourcelight is off, categories shown, colors. Stored with WXT's
 * `storage.defineItem`; whatever is read is normalized, so a hand-edited or older value never breaks a page.
 */
import { storage } from 'wxt/utils/storage';
import { CATEGORIES, DEFAULT_COLORS, type Category } from './highlight/categories';
import { COLOR_RE } from './highlight/styles';
import type { Density } from './settings-labels';

/** What the user can set. */
export interface Settings {
  /** "auto": analyze article pages on load; "click": only when the panel is opened. */
  mode: 'auto' | 'click';
  /** Host names where Sourcelight does nothing (lower case, no "www."). */
  disabledSites: string[];
  /** Categories drawn in the page. */
  categories: Record<Category, boolean>;
  /** Highlight colors (#rrggbb). */
  colors: Record<Category, string>;
  /**
   * How much is drawn: "sources" (quotes and anonymous claims; each entity at its first mention in the
   * body, every mention while its panel row is hovered), "everything" (every mention), "off" (nothing
   * until the reader opens the panel).
   */
  density: Density;
}

export { DENSITY_LABELS, type Density } from './settings-labels';

/** The settings of a fresh install. */
export const DEFAULT_SETTINGS: Settings = {
  mode: 'auto',
  disabledSites: [],
  categories: Object.fromEntries(CATEGORIES.map((c) => [c, true])) as Record<Category, boolean>,
  colors: { ...DEFAULT_COLORS },
  density: 'sources',
};

/** Merges whatever was stored over the defaults, dropping anything malformed. */
export function normalizeSettings(raw: unknown): Settings {
  const r = (raw && typeof raw === 'object' ? raw : {}) as Record<string, unknown>;
  const cats = (r.categories && typeof r.categories === 'object' ? r.categories : {}) as Record<string, unknown>;
  const cols = (r.colors && typeof r.colors === 'object' ? r.colors : {}) as Record<string, unknown>;
  const sites = Array.isArray(r.disabledSites) ? r.disabledSites : [];
  return {
    mode: r.mode === 'click' ? 'click' : 'auto',
    density: r.density === 'everything' || r.density === 'off' ? r.density : 'sources',
    disabledSites: [...new Set(sites.filter((s): s is string => typeof s === 'string').map(siteKey))].filter(Boolean),
    categories: Object.fromEntries(CATEGORIES.map((c) => [c, cats[c] !== false])) as Record<Category, boolean>,
    colors: Object.fromEntries(
      CATEGORIES.map((c) => {
        const v = cols[c];
        return [c, typeof v === 'string' && COLOR_RE.test(v) ? v.toLowerCase() : DEFAULT_COLORS[c]];
      }),
    ) as Record<Category, string>,
  };
}

/** The per-site key of a URL or host name: lower-case host without "www.". */
export function siteKey(urlOrHost: string): string {
  let host = urlOrHost.trim();
  try {
    if (/^[a-z][a-z0-9+.-]*:\/\//i.test(host)) host = new URL(host).hostname;
  } catch {
    return '';
  }
  return host.toLowerCase().replace(/^www\./, '');
}

/** Whether Sourcelight runs on the page at `url`. */
export function isSiteEnabled(settings: Settings, url: string): boolean {
  return !settings.disabledSites.includes(siteKey(url));
}

/** Returns `settings` with the site of `url` switched on or off. */
export function withSite(settings: Settings, url: string, enabled: boolean): Settings {
  const key = siteKey(url);
  const rest = settings.disabledSites.filter((s) => s !== key);
  return { ...settings, disabledSites: enabled || !key ? rest : [...rest, key] };
}

/** The stored settings item (sync storage: follows the user across their browsers). */
export const settingsItem = storage.defineItem<Settings>('sync:sourcelight-settings', {
  fallback: DEFAULT_SETTINGS,
});

/** Reads the settings, normalized. */
export async function loadSettings(): Promise<Settings> {
  try {
    return normalizeSettings(await settingsItem.getValue());
  } catch {
    return DEFAULT_SETTINGS;
  }
}

/** Saves the settings (normalized first). */
export async function saveSettings(settings: Settings): Promise<void> {
  await settingsItem.setValue(normalizeSettings(settings));
}

/** Calls `cb` with the normalized settings whenever they change; returns the unsubscribe function. */
export function watchSettings(cb: (settings: Settings) => void): () => void {
  return settingsItem.watch((v) => cb(normalizeSettings(v)));
}
