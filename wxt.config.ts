// WXT build configuration: one source tree, a Chrome MV3 and a Firefox MV3 build.
import { defineConfig } from 'wxt';

export default defineConfig({
  modules: ['@wxt-dev/module-react'],
  srcDir: '.',
  // no auto-imported globals: every file imports what it uses, so tsc, eslint and tsx see the same code
  imports: false,
  // MV3 for Firefox too (WXT defaults Firefox to MV2)
  manifestVersion: 3,
  manifest: ({ browser }) => ({
    name: 'Sourcelight',
    description:
      'Who is named and who is speaking: people, organizations, places, quotes and anonymous sources in news articles — offline.',
    // Chrome: `offscreen` for the document that extracts articles off the page's main thread (its service
    // worker has no DOM; Firefox's event page has one and needs no permission for it)
    permissions: ['storage', 'contextMenus', 'activeTab', ...(browser === 'firefox' ? [] : ['offscreen'])],
    host_permissions: ['http://*/*', 'https://*/*'],
    commands: {
      'save-selection': {
        suggested_key: { default: 'Alt+Shift+S' },
        description: 'Save the selected text as a note',
      },
      'toggle-panel': {
        suggested_key: { default: 'Alt+Shift+L' },
        description: 'Show or hide the Sourcelight panel',
      },
    },
    action: { default_title: 'Sourcelight' },
    content_security_policy: {
      extension_pages: "script-src 'self'; object-src 'none'; base-uri 'none'",
    },
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: {
              id: 'sourcelight@sourcelight.dev',
              strict_min_version: '140.0',
              data_collection_permissions: { required: ['none'] },
            },
          },
        }
      : {}),
  }),
  // Vite 8's minifier folds Dexie's String.fromCharCode(65535) into a raw U+FFFF; Chromium then refuses
  // the content script as "not UTF-8". Emitting ASCII-only output keeps every script loadable.
  // The audit page's worker (entrypoints/audit/worker.ts) is bundled apart from the pages: the same rule.
  vite: () => ({
    build: { rolldownOptions: { output: { charset: 'ascii' } } },
    worker: { rolldownOptions: { output: { charset: 'ascii' } } },
  }),
});
