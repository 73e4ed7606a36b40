/**
 * Manifest and CSP: the extension asks for exactly the permissions docs/trust.md justifies, talks to no
 * web page (no externally_connectable, no web-accessible resources, no main-world script), and its pages
 * run under a strict CSP (no eval, no inline or remote script). Checked on the manifest that wxt.config.ts
 * produces for each browser and, when a build exists (.output/, made by `npm run build` before E2E), on the
 * manifests actually shipped.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import config from '../../../wxt.config';

const ROOT = join(__dirname, '../../..');

/** The permissions we ship and justify, one line each, in docs/trust.md (Chrome adds `offscreen`). */
const PERMISSIONS = ['activeTab', 'contextMenus', 'storage'];
const CHROME_ONLY = ['offscreen'];
const HOSTS = ['http://*/*', 'https://*/*'];
/** Permissions that would widen what the extension can see or do beyond reading the open page. */
const NEVER = [
  '<all_urls>',
  'tabs',
  'history',
  'cookies',
  'webRequest',
  'webRequestBlocking',
  'declarativeNetRequest',
  'nativeMessaging',
  'downloads',
  'bookmarks',
  'clipboardRead',
  'geolocation',
  'management',
  'debugger',
  'proxy',
  'privacy',
  'unlimitedStorage',
];

interface Manifest {
  permissions?: string[];
  optional_permissions?: string[];
  host_permissions?: string[];
  optional_host_permissions?: string[];
  content_security_policy?: { extension_pages?: string; sandbox?: string } | string;
  externally_connectable?: unknown;
  web_accessible_resources?: unknown[];
  content_scripts?: Array<{ world?: string; matches?: string[] }>;
  sandbox?: unknown;
  update_url?: string;
  browser_specific_settings?: { gecko?: { data_collection_permissions?: { required?: string[] } } };
}

/** The manifest wxt.config.ts declares for `browser` (WXT adds entrypoints, not permissions, on top). */
async function declared(browser: 'chrome' | 'firefox'): Promise<Manifest> {
  const m = (config as { manifest?: unknown }).manifest;
  const env = { browser, manifestVersion: 3, mode: 'production', command: 'build' };
  return (typeof m === 'function' ? await m(env) : m) as Manifest;
}

/** The shipped manifests that exist on disk. */
const BUILT = ['chrome-mv3', 'firefox-mv3']
  .map((d) => join(ROOT, '.output', d, 'manifest.json'))
  .filter((p) => existsSync(p));

function checkCsp(csp: string): void {
  const directives = new Map(
    csp
      .split(';')
      .map((d) => d.trim().split(/\s+/))
      .filter((d) => d[0])
      .map((d) => [d[0]!, d.slice(1)] as const),
  );
  const script = directives.get('script-src') ?? directives.get('default-src');
  expect(script, 'script-src present').toBeDefined();
  expect(script).toEqual(["'self'"]);
  expect(directives.get('object-src')).toEqual(["'none'"]);
  for (const bad of [
    "'unsafe-eval'",
    "'unsafe-inline'",
    "'wasm-unsafe-eval'",
    'http:',
    'https:',
    'data:',
    'blob:',
    '*',
  ])
    expect(csp.split(/[\s;]+/), `CSP must not allow ${bad}`).not.toContain(bad);
  expect(csp, 'no remote source in the CSP').not.toMatch(/https?:\/\/|wss?:\/\//);
}

function checkManifest(m: Manifest, where: string): void {
  const firefox = !!m.browser_specific_settings?.gecko;
  expect([...(m.permissions ?? [])].sort(), `${where}: permissions`).toEqual(
    [...PERMISSIONS, ...(firefox ? [] : CHROME_ONLY)].sort(),
  );
  expect([...(m.host_permissions ?? [])].sort(), `${where}: host permissions`).toEqual(HOSTS);
  expect(m.optional_permissions ?? [], `${where}: optional permissions`).toEqual([]);
  expect(m.optional_host_permissions ?? [], `${where}: optional host permissions`).toEqual([]);
  for (const p of NEVER) expect(m.permissions ?? [], `${where}: ${p}`).not.toContain(p);
  // no web page may message the background, load our files, or run our code in its own world
  expect(m.externally_connectable, `${where}: externally_connectable`).toBeUndefined();
  expect(m.web_accessible_resources ?? [], `${where}: web_accessible_resources`).toEqual([]);
  for (const cs of m.content_scripts ?? [])
    expect(cs.world ?? 'ISOLATED', `${where}: content script world`).toBe('ISOLATED');
  expect(m.sandbox, `${where}: sandbox pages`).toBeUndefined();
  expect(m.update_url, `${where}: self-hosted updates`).toBeUndefined();
  const csp = m.content_security_policy;
  expect(typeof csp === 'object' && csp?.extension_pages, `${where}: an explicit extension_pages CSP`).toBeTruthy();
  if (typeof csp === 'object' && csp.extension_pages) checkCsp(csp.extension_pages);
}

describe('manifest', () => {
  it.each(['chrome', 'firefox'] as const)(
    'declared for %s: fewest permissions, no page access, strict CSP',
    async (b) => {
      checkManifest(await declared(b), `wxt.config.ts (${b})`);
    },
  );

  it('Firefox declares that no data is collected', async () => {
    const m = await declared('firefox');
    expect(m.browser_specific_settings?.gecko?.data_collection_permissions?.required).toEqual(['none']);
  });

  it.skipIf(BUILT.length === 0).each(BUILT)('built %s: same guarantees as declared', (file) => {
    checkManifest(JSON.parse(readFileSync(file, 'utf8')) as Manifest, file);
  });

  it('every permission is justified in docs/trust.md', () => {
    const doc = readFileSync(join(ROOT, 'docs/trust.md'), 'utf8');
    for (const p of [...PERMISSIONS, ...CHROME_ONLY, ...HOSTS]) expect(doc, p).toContain('`' + p + '`');
  });
});

describe('CSP checker', () => {
  it('rejects what it should', () => {
    expect(() => checkCsp("script-src 'self' 'unsafe-eval'; object-src 'none'")).toThrow();
    expect(() => checkCsp("script-src 'self' https://cdn.example; object-src 'none'")).toThrow();
    expect(() => checkCsp("object-src 'none'")).toThrow();
    expect(() => checkCsp("script-src 'self'; object-src 'none'; base-uri 'none'")).not.toThrow();
  });
});
