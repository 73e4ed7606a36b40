/**
 * Worker thread of the folder audit (cli/audit.ts): analyzes the files it is sent, one message per file,
 * and answers with the Analysis or a one-line error. Each worker builds the lexicons once and keeps them
 * warm for every file it gets.
 */
import { parentPort } from 'node:worker_threads';
import { analyzeTarget, CliError } from './target';

/** A file to analyze. */
export interface WorkerJob {
  index: number;
  file: string;
}

parentPort?.on('message', (job: WorkerJob) => {
  analyzeTarget(job.file).then(
    (analysis) => parentPort!.postMessage({ index: job.index, ok: true, analysis }),
    (err: unknown) =>
      parentPort!.postMessage({
        index: job.index,
        ok: false,
        error: err instanceof CliError ? err.message : `analysis failed: ${(err as Error).message}`,
      }),
  );
});
