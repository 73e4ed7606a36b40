// Worker bootstrap for the folder audit: registers tsx in this thread, then loads the TypeScript worker
// (cli/audit-worker.ts), as `tsx` does for the CLI's main thread.
import { register } from 'tsx/esm/api';

register();
await import('./audit-worker.ts');
