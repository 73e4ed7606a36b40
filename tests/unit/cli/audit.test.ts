/**
 * The folder audit of the CLI (issue 16), run as a reader runs it — `tsx cli/analyze.ts DIR --audit`
 * in a child process — on a temporary folder with two outlets and a file with no article in it: the
 * broken file is reported and skipped, the table counts the rest, no progress bar is written when stderr
 * is piped, `--jsonl` prints one Analysis per line, and only a folder where nothing can be analyzed exits
 * non-zero.
 */
import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';

function cli(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile('npx', ['tsx', 'cli/analyze.ts', ...args], { cwd: process.cwd() }, (err, stdout, stderr) =>
      resolve({ code: err ? ((err as { code?: number }).code ?? 1) : 0, stdout, stderr }),
    );
  });
}

const LEDGER = `Port talks stall

"We will not sign this deal," said Maria Lopes, the port's chief executive.

A senior official, speaking on condition of anonymity, said the ministry had chosen a Dutch firm.`;
const GAZETTE = `Council votes on budget

"The budget is fair," Mayor Tom Reyes said on Tuesday.`;

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'sourcelight-audit-'));
  await mkdir(join(dir, 'ledger'));
  await mkdir(join(dir, 'gazette'));
  await writeFile(join(dir, 'ledger', 'port.txt'), LEDGER);
  await writeFile(join(dir, 'gazette', 'budget.txt'), GAZETTE);
  await writeFile(join(dir, 'gazette', 'broken.html'), '<html><body></body></html>');
  await writeFile(join(dir, 'notes.md'), 'not an input');
});
afterAll(() => rm(dir, { recursive: true, force: true }));

describe('analyze DIR --audit', () => {
  test('counts per outlet, reports the broken file and carries on', async () => {
    const r = await cli(dir, '--audit');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('| ledger | 1 | 2 | 1 | 1 | 50% |');
    expect(r.stdout).toContain('| gazette | 1 | 1 | 1 | 0 | 0% |');
    expect(r.stdout).toContain('| **all** | 2 | 3 | 2 | 1 | 33% |');
    expect(r.stderr).toContain('skipped gazette/broken.html: no article found');
    expect(r.stderr).toContain('2 of 3 files analyzed');
    expect(r.stderr).not.toContain('\r['); // no progress bar when stderr is not a terminal
  }, 60_000);

  test('--jsonl prints one Analysis per line', async () => {
    const r = await cli(dir, '--jsonl');
    expect(r.code).toBe(0);
    const lines = r.stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as { quotes: unknown[]; title: string });
    expect(lines.map((a) => a.title).sort()).toEqual(['Council votes on budget', 'Port talks stall']);
  }, 60_000);

  test('exits non-zero only when nothing could be analyzed', async () => {
    const empty = await mkdtemp(join(tmpdir(), 'sourcelight-audit-bad-'));
    await writeFile(join(empty, 'broken.html'), '<html><body></body></html>');
    const r = await cli(empty, '--audit');
    expect(r.code).not.toBe(0);
    expect(r.stderr).toContain('0 of 1 files analyzed');
    const file = await cli(join(dir, 'ledger', 'port.txt'), '--audit');
    expect(file.code).not.toBe(0);
    expect(file.stderr).toContain('is not a folder');
    await rm(empty, { recursive: true, force: true });
  }, 60_000);
});
