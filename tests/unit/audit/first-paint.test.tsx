// @vitest-environment jsdom
// The audit page's first paint (entrypoints/audit/first-paint.ts, channel.ts; utils/audit/cache.ts'
// recordTotals): the totals the worker counts from the stored records' flags equal the view's; the
// plain-DOM totals line reads exactly as the view's; it is written only into the static skeleton and only
// for a large library; a late subscriber to the worker's line gets the newest answer first, and the
// records are asked for once.
import { act } from 'react';
import { createRoot } from 'react-dom/client';
import { afterEach, describe, expect, test, vi } from 'vitest';
import { claim } from './fixtures';
import { AuditView } from '../../../components/audit/AuditView';
import { auditTotals, LONG_LIST_ARTICLES } from '../../../components/audit/totals';
import { openAuditChannel, type WorkerLike } from '../../../entrypoints/audit/channel';
import {
  FIRST_PAINT_ID,
  firstPaintShown,
  paintFirstTotals,
  removeFirstPaint,
  totalsSection,
} from '../../../entrypoints/audit/first-paint';
import type { AuditArticle } from '../../../utils/audit/aggregate';
import { decodeAuditArticle, encodeAuditArticle, recordTotals } from '../../../utils/audit/cache';
import type { AuditWorkerReply, AuditWorkerRequest } from '../../../utils/audit/worker-protocol';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

/** `n` articles of three claims: one anonymous, one corrected (every third article), one plain. */
const library = (n: number): AuditArticle[] =>
  Array.from({ length: n }, (_, i) => ({
    id: `a${i}`,
    url: `https://outlet${i % 3}.example/${i}`,
    title: `Story ${i}`,
    outlet: `outlet${i % 3}.example`,
    publishedAt: Date.UTC(2026, 10, 1 + (i % 28)),
    readAt: Date.UTC(2026, 11, 1),
    tags: [],
    claims: [
      claim(`c${i}a`, `a${i}`),
      claim(`c${i}b`, `a${i}`, { anonymous: true, speaker: 'an aide', speakerType: null, gender: 'unknown' }),
      claim(`c${i}c`, `a${i}`, { corrected: i % 3 === 0, anonymous: i % 2 === 0 }),
    ],
  }));

const counts = (articles: AuditArticle[]) => {
  const t = auditTotals(articles);
  return { articles: t.articles, claims: t.claims, anonymous: t.anonymous, corrected: t.corrected };
};

afterEach(() => {
  document.body.replaceChildren();
  vi.restoreAllMocks();
});

describe('recordTotals', () => {
  test.each([0, 1, 7, 250])('equals the view’s totals over %i decoded articles', (n) => {
    const records = library(n).map(encodeAuditArticle);
    expect(recordTotals(records)).toEqual(counts(records.map(decodeAuditArticle)));
  });
});

describe('the plain-DOM totals line', () => {
  test.each([1, 2, 5])('reads exactly as the view’s (%i articles)', (n) => {
    const articles = library(n);
    const el = document.createElement('div');
    document.body.append(el);
    vi.spyOn(console, 'error').mockImplementation(() => undefined); // jsdom: "getContext not implemented"
    const root = createRoot(el);
    act(() =>
      root.render(
        <AuditView
          articles={articles}
          onDownload={() => undefined}
          onCopy={() => Promise.resolve()}
          onOpenClaim={() => undefined}
          onOpenArticle={() => undefined}
          onSetTags={() => Promise.resolve()}
        />,
      ),
    );
    const view = el.querySelector('[data-testid=audit-totals]')!;
    const plain = totalsSection(document, counts(articles));
    expect(plain.textContent).toBe(view.textContent);
    expect(plain.outerHTML.replace(' disabled=""', '')).toBe(view.outerHTML.replace(' disabled=""', ''));
    // its button works only once the view has taken over
    expect(plain.querySelector('button')!.disabled).toBe(true);
    act(() => root.unmount());
  });
});

describe('paintFirstTotals', () => {
  const skeleton = () => {
    document.body.insertAdjacentHTML(
      'beforeend',
      `<main id="${FIRST_PAINT_ID}"><h1>Sourcing audit</h1><p role="status">Counting…</p></main>`,
    );
  };

  test('writes a large library’s totals after the heading, and replaces them with a later answer', () => {
    skeleton();
    const large = counts(library(LONG_LIST_ARTICLES + 1));
    expect(paintFirstTotals(large)).toBe(true);
    const first = document.getElementById(FIRST_PAINT_ID)!;
    expect(first.children[1]!.getAttribute('data-testid')).toBe('audit-totals');
    expect(first.querySelector('[role=status]')!.textContent).toBe(
      `Counting the claims of ${large.articles} articles…`,
    );
    expect(paintFirstTotals({ ...large, articles: large.articles + 1 })).toBe(true);
    expect(document.querySelectorAll('[data-testid=audit-totals]')).toHaveLength(1);
    expect(document.querySelector('[data-testid=audit-totals] strong')!.textContent).toBe(String(large.articles + 1));
  });

  test('leaves a small library to the view, and does nothing once the view took over', () => {
    skeleton();
    expect(paintFirstTotals(counts(library(LONG_LIST_ARTICLES)))).toBe(false);
    expect(document.querySelector('[data-testid=audit-totals]')).toBeNull();
    expect(firstPaintShown()).toBe(true);
    removeFirstPaint();
    expect(firstPaintShown()).toBe(false);
    expect(paintFirstTotals(counts(library(LONG_LIST_ARTICLES + 1)))).toBe(false);
    expect(document.querySelector('[data-testid=audit-totals]')).toBeNull();
  });
});

describe('openAuditChannel', () => {
  /** A fake worker: records what the page posts; `reply` plays a message from the worker. */
  const fakeWorker = () => {
    const posted: AuditWorkerRequest[] = [];
    let onMessage: (e: MessageEvent<AuditWorkerReply>) => void = () => undefined;
    const worker = {
      postMessage: (m: AuditWorkerRequest) => posted.push(m),
      addEventListener: (type: string, l: (e: MessageEvent<AuditWorkerReply>) => void) => {
        if (type === 'message') onMessage = l;
      },
    } as unknown as WorkerLike;
    return { worker, posted, reply: (data: AuditWorkerReply) => onMessage({ data } as MessageEvent<AuditWorkerReply>) };
  };
  const totals = (articles: number): AuditWorkerReply => ({
    type: 'totals',
    articles,
    claims: 0,
    anonymous: 0,
    corrected: 0,
  });
  const part = (last: boolean): AuditWorkerReply => ({ type: 'records', records: [], last, took: 1 });

  test('starts the worker, and asks for the records once', () => {
    const w = fakeWorker();
    const channel = openAuditChannel(w.worker);
    channel.sendRecords();
    channel.sendRecords();
    expect(w.posted).toEqual([{ type: 'start' }, { type: 'send' }]);
  });

  test('the view taking over gets the newest answer so far, then every new message', () => {
    const w = fakeWorker();
    const channel = openAuditChannel(w.worker);
    w.reply(totals(1));
    w.reply(part(true));
    w.reply(totals(2));
    w.reply(part(false));
    const seen: AuditWorkerReply[] = [];
    const boot: AuditWorkerReply[] = [];
    channel.subscribe((r) => boot.push(r));
    channel.subscribe((r) => seen.push(r), true);
    expect(boot).toEqual([]);
    expect(seen).toEqual([totals(2), part(false)]);
    w.reply(part(true));
    expect(seen).toEqual([totals(2), part(false), part(true)]);
    expect(boot).toEqual([part(true)]);
    // nothing is kept for a later subscriber once the view took over
    const late: AuditWorkerReply[] = [];
    channel.subscribe((r) => late.push(r), true);
    expect(late).toEqual([]);
  });
});
