/**
 * The analyzer's output on every snapshot input equals the committed snapshot (tests/snapshots/analysis/).
 * A change that is meant to change output runs `npm run snapshot -- --update` and commits the diff, so
 * every behaviour change is visible in review; `npm run snapshot` prints the full diff when this fails.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { SNAPSHOT_DIR, snapshotInputs, snapshotOf } from '../../snapshots/render';

const inputs = snapshotInputs();

describe('analyzer snapshot', () => {
  test('covers fixtures, held-out, robustness and (when ../shared is present) dev pages', () => {
    const groups = new Set(inputs.map((i) => i.group));
    for (const g of ['fixtures', 'heldout', 'robustness']) expect(groups).toContain(g);
  });

  test.each(inputs.map((i) => [`${i.group}/${i.name}`, i] as const))('%s', (_label, input) => {
    const file = join(SNAPSHOT_DIR, input.group, `${input.name}.jsonl`);
    expect(existsSync(file), `${file} missing: run npm run snapshot -- --update`).toBe(true);
    const committed = readFileSync(file, 'utf8');
    // compare line by line: a failure names the first entity or quote that changed, not a 2 MB blob
    const now = snapshotOf(input).split('\n');
    const was = committed.split('\n');
    const first = now.findIndex((line, i) => line !== was[i]);
    const at = first === -1 && now.length !== was.length ? Math.min(now.length, was.length) : first;
    expect(at === -1 ? null : { line: at + 1, was: was[at] ?? null, now: now[at] ?? null }).toBeNull();
  });
});
