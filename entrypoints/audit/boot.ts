/**
 * The audit page's first script (glue, issue 16, speed): small on purpose — the page's styles, its paint
 * marks, the line to the worker, and the first paint's DOM; nothing of React, Dexie or the view. It starts
 * the worker at once, paints the worker's totals into audit.html's static skeleton as soon as they come
 * (./first-paint.ts) and only then asks for the records, and meanwhile loads the view (./audit-app.tsx, a chunk of its own), which takes the
 * same line to the worker over and replaces the skeleton.
 */
import { openAuditChannel } from './channel';
import { paintFirstError, paintFirstTotals } from './first-paint';
import { afterNextPaint, markAuditPaints } from './painted';
import '@/assets/page.css';
import './style.css';

markAuditPaints();
const channel = openAuditChannel(new Worker(new URL('./worker.ts', import.meta.url), { type: 'module' }));
channel.subscribe((reply) => {
  if (reply.type !== 'totals') return;
  // the records (decoded on this thread) come after the frame that shows the totals
  if (paintFirstTotals(reply)) afterNextPaint(channel.sendRecords);
  else channel.sendRecords();
});
import('./audit-app').then(
  ({ mountAuditApp }) => mountAuditApp(channel),
  (err: unknown) => paintFirstError(err instanceof Error ? err.message : String(err)),
);
