/**
 * CLI: `npm run --silent analyze -- FILE_OR_URL [--format json|table] [--explain]`
 * Prints the Analysis JSON (../shared/eval/README.md) of an .html or .txt file or an http(s) URL; with
 * `--explain`, each quote with the rule ids that found it, chose its speaker and set its anonymous flag
 * (cli/explain.ts).
 * Errors go to stderr as one line, with a non-zero exit code.
 * `npm run --silent analyze -- DIR --audit` (per-outlet sourcing table) or `DIR --jsonl` (one Analysis per
 * line) runs over a folder of saved pages: cli/audit.ts.
 */
import { stat } from 'node:fs/promises';
import { runFolder } from './audit';
import { formatExplain } from './explain';
import { analyzeTarget, CliError } from './target';
import { formatTable } from './table';

const USAGE =
  'usage: npm run --silent analyze -- FILE_OR_URL [--format json|table] [--explain]\n       npm run --silent analyze -- DIR --audit|--jsonl';

async function main(argv: string[]): Promise<number> {
  const args = argv.filter((a) => !a.startsWith('--'));
  const fmtIdx = argv.indexOf('--format');
  const format = fmtIdx >= 0 ? argv[fmtIdx + 1] : (argv.find((a) => a.startsWith('--format='))?.slice(9) ?? 'json');
  const target = args.filter((a) => a !== format)[0];
  if (!target || argv.includes('--help')) {
    process.stderr.write(USAGE + '\n');
    return target ? 0 : 2;
  }
  if (format !== 'json' && format !== 'table') {
    process.stderr.write(`unknown format "${format}" (json or table)\n`);
    return 2;
  }
  try {
    if (argv.includes('--audit') || argv.includes('--jsonl')) {
      const isDir = await stat(target).then(
        (s) => s.isDirectory(),
        () => false,
      );
      if (!isDir) throw new CliError(`${target} is not a folder (--audit and --jsonl read a folder of saved pages)`);
      return await runFolder(target, argv.includes('--jsonl') ? 'jsonl' : 'audit');
    }
    const analysis = await analyzeTarget(target);
    if (argv.includes('--explain')) process.stdout.write(formatExplain(analysis));
    else process.stdout.write(format === 'table' ? formatTable(analysis) : JSON.stringify(analysis, null, 2) + '\n');
    return 0;
  } catch (err) {
    const msg = err instanceof CliError ? err.message : `analysis failed: ${(err as Error).message}`;
    process.stderr.write(`sourcelight: ${msg}\n`);
    return 1;
  }
}

main(process.argv.slice(2)).then((code) => {
  process.exitCode = code;
});
