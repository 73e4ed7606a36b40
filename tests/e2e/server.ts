/**
 * Local fixture server for the E2E suite: serves tests/e2e/pages/ (our fixture pages), demo/ (the demo
 * article, under /demo/) and the real news pages of ../shared/eval/dev (under /news/, made inert) on
 * 127.0.0.1 at a random free port. Loopback only, so the browsers under test never need the network;
 * read-only, and paths are confined to those folders.
 */
import { createServer, type Server } from 'node:http';
import { readFile } from 'node:fs/promises';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(fileURLToPath(new URL('../..', import.meta.url)));

/** URL prefix → folder served under it. Longest prefix wins because /demo/ is checked first. */
const MOUNTS: ReadonlyArray<readonly [string, string]> = [
  ['/demo/', join(root, 'demo')],
  // real news pages (the hand-annotated dev set, read-only beside the repo), served offline: see offlinePage
  ['/news/', join(root, '..', 'shared', 'eval', 'dev')],
  ['/', join(root, 'tests', 'e2e', 'pages')],
];

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
};

export interface FixtureServer {
  /** e.g. http://127.0.0.1:43123 */
  readonly origin: string;
  /** Absolute URL of a fixture path such as `/article.html` or `/demo/seed.html`. */
  url(path: string): string;
  close(): Promise<void>;
}

/** Maps a request path to a file inside one of the mounts, or null when it would escape them. */
function fileFor(pathname: string): string | null {
  for (const [prefix, dir] of MOUNTS) {
    if (!pathname.startsWith(prefix)) continue;
    const rel = normalize(decodeURIComponent(pathname.slice(prefix.length)) || 'index.html');
    const file = resolve(dir, rel);
    // normalize() + the prefix check keep `..` from walking out of the served folder
    return file === dir || file.startsWith(dir + sep) ? file : null;
  }
  return null;
}

/** Removes every `<tag …>…</tag>` element (case-insensitive), scanning once: no regex over the page. */
function dropElements(html: string, tag: string): string {
  const lower = html.toLowerCase();
  let out = '';
  let at = 0;
  for (;;) {
    const start = lower.indexOf(`<${tag}`, at);
    if (start < 0) break;
    const close = lower.indexOf(`</${tag}>`, start);
    const end = close < 0 ? html.length : close + tag.length + 3;
    out += html.slice(at, start);
    at = end;
  }
  return out + html.slice(at);
}

/**
 * A saved real news page made inert for the tests: its scripts, iframes, style sheets and links to
 * resources are dropped, and `src`/`srcset`/`poster` attributes renamed, so the browser under test loads
 * nothing from the network and no page script navigates away. The article's text and markup stay as the
 * outlet served them, which is what extraction and anchoring are tested on.
 */
export function offlinePage(html: string): string {
  let out = html;
  for (const tag of ['script', 'iframe', 'style', 'noscript']) out = dropElements(out, tag);
  return out
    .replace(/<link\b[^>]*>/gi, '')
    .replace(/<base\b[^>]*>/gi, '')
    .replace(/\s(src|srcset|poster)=/gi, ' data-offline-$1=');
}

/** Starts the server on 127.0.0.1 with an OS-chosen free port. */
export async function startFixtureServer(): Promise<FixtureServer> {
  const server: Server = createServer((req, res) => {
    const pathname = new URL(req.url ?? '/', 'http://127.0.0.1').pathname;
    if (pathname === '/favicon.ico') {
      // browsers ask for it on every page; a 404 would show up as a console error in the tests
      res.writeHead(204).end();
      return;
    }
    const file = fileFor(pathname);
    if (!file) {
      res.writeHead(403).end();
      return;
    }
    readFile(file).then(
      (body) => {
        res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' });
        res.end(pathname.startsWith('/news/') && extname(file) === '.html' ? offlinePage(body.toString('utf8')) : body);
      },
      () => res.writeHead(404, { 'content-type': 'text/plain' }).end('not found'),
    );
  });
  await new Promise<void>((ok, fail) => {
    server.once('error', fail);
    server.listen(0, '127.0.0.1', () => ok());
  });
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('fixture server has no port');
  const origin = `http://127.0.0.1:${address.port}`;
  return {
    origin,
    url: (path) => new URL(path, origin).href,
    close: () =>
      new Promise<void>((ok) => {
        server.closeAllConnections();
        server.close(() => ok());
      }),
  };
}
