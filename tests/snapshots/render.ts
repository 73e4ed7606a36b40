/**
 * The analyzer snapshot's inputs and format, shared by `npm run snapshot` (scripts/snapshot.ts) and the
 * unit test that fails when the analyzer's output drifts from the committed snapshot
 * (tests/unit/analysis/snapshot.test.ts). See scripts/snapshot.ts for why it exists.
 *
 * Format: one JSON line per item so a diff names the entity or quote that changed. The first line holds the
 * metadata and a hash of the article text (the text itself is the input, not output worth diffing); then one
 * line per entity, quote and speaker summary, in the analyzer's order. Unknown top-level fields are included
 * as their own lines, so a field added to the Analysis shows up without touching this module.
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { analyzeLoaded, type LoadedInput } from '../../cli/target';
import { loadCorpus } from '../robustness/corpus';
import type { Analysis } from '../../utils/analysis/index';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
/** Where the committed snapshot lives: one folder per group, one `.jsonl` file per page. */
export const SNAPSHOT_DIR = join(root, 'tests', 'snapshots', 'analysis');
const DEV_DIR = resolve(root, '..', 'shared', 'eval', 'dev');

/** One snapshot input: where its output goes (group/name) and the loaded page. */
export interface SnapshotInput {
  group: string;
  name: string;
  input: LoadedInput;
}

/** The page folders (`source.html` or `source.txt`) under `dir`, at any depth, sorted. */
function sourceFolders(dir: string): string[] {
  if (!existsSync(dir)) return [];
  const out: string[] = [];
  const walk = (d: string): void => {
    for (const entry of readdirSync(d).sort()) {
      const p = join(d, entry);
      if (statSync(p).isDirectory()) walk(p);
      else if (/^source\.(html|txt)$/.test(entry)) out.push(p);
    }
  };
  walk(dir);
  return out;
}

function fromFile(group: string, base: string, file: string): SnapshotInput {
  const body = readFileSync(file, 'utf8');
  const kind = file.endsWith('.txt') ? 'text' : 'html';
  const name = relative(base, dirname(file)).split('/').join('__') || basename(file);
  return { group, name, input: { body, kind, url: 'https://localhost/' } };
}

/** Every input, grouped; the dev set only when ../shared is present (CI has it, forks may not). */
export function snapshotInputs(): SnapshotInput[] {
  const inputs: SnapshotInput[] = [];
  const fixtures = join(root, 'tests', 'fixtures');
  for (const f of sourceFolders(fixtures)) inputs.push(fromFile('fixtures', fixtures, f));
  const heldout = join(root, 'tests', 'heldout');
  for (const f of sourceFolders(heldout)) inputs.push(fromFile('heldout', heldout, f));
  // heavy pages are bench-only: jsdom is super-linear on them (see tests/robustness/generate.ts)
  for (const p of loadCorpus().filter((p) => !p.heavy)) {
    inputs.push({ group: 'robustness', name: p.name, input: { body: p.html, kind: 'html', url: p.url } });
  }
  for (const f of sourceFolders(DEV_DIR)) inputs.push(fromFile('dev', DEV_DIR, f));
  return inputs;
}

/** Mentions past this many are summarized by count and hash (the generated 100k-character pages). */
const MENTIONS_SHOWN = 20;

interface Span {
  start: number;
  end: number;
  text?: string;
}

/**
 * Mentions as `start-end` spans; a mention's text is written only where it is not the article text at
 * those offsets. Long lists keep their first spans plus a count and a hash of them all, so any change still
 * shows, without a 10 MB snapshot of one generated page.
 */
function compactMentions(mentions: Span[], text: string): unknown {
  const spans = mentions.map((m) => {
    const span = `${m.start}-${m.end}`;
    return m.text === undefined || m.text === text.slice(m.start, m.end) ? span : `${span}=${JSON.stringify(m.text)}`;
  });
  if (spans.length <= MENTIONS_SHOWN) return spans.join(' ');
  const hash = createHash('sha256').update(spans.join(' ')).digest('hex').slice(0, 16);
  return { count: spans.length, first: spans.slice(0, MENTIONS_SHOWN).join(' '), sha256: hash };
}

/** Quote texts longer than this are written as their opening words, length and hash. */
const QUOTE_TEXT_SHOWN = 240;

function compactText(value: string): unknown {
  if (value.length <= QUOTE_TEXT_SHOWN) return value;
  const hash = createHash('sha256').update(value).digest('hex').slice(0, 16);
  return { length: value.length, head: value.slice(0, 80), sha256: hash };
}

/** The snapshot text of one analysis (see the header for the format). */
export function renderSnapshot(analysis: Analysis): string {
  const { text, entities, quotes, speakers, ...rest } = analysis;
  const lines: string[] = [];
  const meta: Record<string, unknown> = {};
  const extra: string[] = [];
  for (const [key, value] of Object.entries(rest)) {
    if (Array.isArray(value)) for (const v of value) extra.push(JSON.stringify({ [key]: v }));
    else meta[key] = value;
  }
  const hash = createHash('sha256').update(text).digest('hex').slice(0, 16);
  lines.push(JSON.stringify({ ...meta, text: { length: text.length, sha256: hash } }));
  // Rule ids (`rules` on mentions and quotes) are left out: they trace *why*, and the rule tables' own
  // tests pin them (every rule's example fires it). Keeping them out means renaming or splitting a rule
  // is a move with an empty snapshot diff, and the snapshot pins only *what* the analyzer outputs.
  for (const e of entities) {
    const mentions = e.mentions.map(({ rules: _rules, ...m }) => m);
    lines.push(JSON.stringify({ entity: { ...e, mentions: compactMentions(mentions, text) } }));
  }
  for (const { rules: _rules, ...q } of quotes)
    lines.push(JSON.stringify({ quote: { ...q, text: compactText(q.text) } }));
  lines.push(JSON.stringify({ speakers }));
  lines.push(...extra);
  return lines.join('\n') + '\n';
}

/** The snapshot text of one input: its rendered analysis, or its "no article" error (also an output). */
export function snapshotOf({ group, name, input }: SnapshotInput): string {
  try {
    return renderSnapshot(analyzeLoaded(input, `${group}/${name}`));
  } catch (err) {
    return JSON.stringify({ error: (err as Error).message }) + '\n';
  }
}
