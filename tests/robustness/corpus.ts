/**
 * The robustness corpus: the generated pages (generate.ts) plus the small hand-written pages in pages/.
 * Shared by the Vitest corpus test and the bench so both always see the same pages in the same order.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { generatedPages, type CorpusPage } from './generate';

export type { CorpusPage } from './generate';

const PAGES_DIR = join(import.meta.dirname, 'pages');

/** The hand-written pages; each file's first HTML comment says what it stresses. */
export function handWrittenPages(): CorpusPage[] {
  return readdirSync(PAGES_DIR)
    .filter((f) => f.endsWith('.html'))
    .sort()
    .map((f) => {
      const html = readFileSync(join(PAGES_DIR, f), 'utf8');
      const name = f.replace(/\.html$/, '');
      const note = /<!--(?:\s*hand-written:)?([\s\S]*?)-->/.exec(html)?.[1]?.trim() ?? name;
      return { name, note, html, url: `http://127.0.0.1/robustness/pages/${f}` };
    });
}

/** Every corpus page: generated first, then hand-written. Names are unique. */
export function loadCorpus(): CorpusPage[] {
  const pages = [...generatedPages(), ...handWrittenPages()];
  const seen = new Set<string>();
  for (const p of pages) {
    if (seen.has(p.name)) throw new Error(`duplicate corpus page name: ${p.name}`);
    seen.add(p.name);
  }
  return pages;
}
