// Analysis off the page's main thread: the background's server (validation, the same analyzer, superseded
// requests) and the content script's client (the reply used, the fallback on timeout and on error, a late
// reply dropped, a newer run cancelling). Timing is the bench's job; these check behaviour only.
import { describe, expect, it, vi } from 'vitest';
import { analyzeText } from '../../../utils/analysis';
import { AnalysisServer, SUPERSEDED } from '../../../utils/analysis-remote/serve';
import { MAX_ANALYZE_TEXT } from '../../../utils/analysis-remote/limits';
import type { AnalyzeReply, AnalyzeRequest, Result } from '../../../utils/messaging/contract';
import { analyzeChunked, FALLBACK_SLICING } from '../../../entrypoints/article.content/analyze';
import { analyzeOffThread, type Send } from '../../../entrypoints/article.content/remote';

const TEXT =
  '“We will rebuild the harbour,” said Maria Lopez, the mayor of Lisbon. The work will take years, ' +
  'according to an official who spoke on condition of anonymity.\n\nLopez met the European Commission in Brussels.';
const META = { title: 'Harbour', byline: 'A. Writer', siteName: 'Example', publishedTime: null };

const server = () =>
  new AnalysisServer({ now: () => 0, yieldFirst: () => new Promise<void>((ok) => setTimeout(ok, 0)) });
const request = (requestId: string, text = TEXT): AnalyzeRequest => ({ requestId, text, meta: META });

/** A `Send` that answers through a real server, as the background does. */
const viaServer =
  (s: AnalysisServer, frame = '1:0'): Send =>
  async (r) =>
    (await s.handle(structuredClone(r), frame)).reply;

describe('AnalysisServer (background)', () => {
  it('answers with exactly what analyzeText returns, without the text', async () => {
    const { reply, chars } = await server().handle(request('a'), '1:0');
    const { text: _text, ...expected } = analyzeText(TEXT, META);
    expect(reply).toEqual({ ok: true, value: { requestId: 'a', analysis: expected, ms: 0 } });
    expect(chars).toBe(TEXT.length);
  });

  it.each([
    ['no request id', { text: TEXT, meta: META }],
    ['empty text', { requestId: 'a', text: '', meta: META }],
    ['text over the limit', { requestId: 'a', text: 'x'.repeat(MAX_ANALYZE_TEXT + 1), meta: META }],
    ['an unknown field', { ...request('a'), html: '<p>' }],
    ['text not a string', { requestId: 'a', text: 42, meta: META }],
  ])('refuses %s', async (_name, data) => {
    const { reply, chars } = await server().handle(data, '1:0');
    expect(reply.ok).toBe(false);
    expect(chars).toBe(0);
  });

  it('a newer request from the same frame supersedes a queued older one; other frames are unaffected', async () => {
    const s = server();
    const [old, other, newer] = await Promise.all([
      s.handle(request('old'), '1:0'),
      s.handle(request('other'), '2:0'),
      s.handle(request('newer'), '1:0'),
    ]);
    expect(old.reply).toEqual({ ok: false, error: SUPERSEDED });
    expect(other.reply.ok).toBe(true);
    expect(newer.reply.ok && newer.reply.value.requestId).toBe('newer');
  });
});

describe('analyzeOffThread (content script)', () => {
  it('uses the background’s analysis, with the page’s own text and metadata', async () => {
    const r = await analyzeOffThread(TEXT, META, new AbortController().signal, { send: viaServer(server()) });
    expect(r.path).toBe('remote');
    expect(r.analysis).toEqual(analyzeText(TEXT, META));
  });

  it('falls back to the sliced in-page analysis when the background does not answer in time', async () => {
    const never: Send = () => new Promise(() => undefined);
    const r = await analyzeOffThread(TEXT, META, new AbortController().signal, { send: never, deadline: 5 });
    expect(r.path).toBe('fallback');
    expect(r.analysis).toEqual(await analyzeChunked(TEXT, META, new AbortController().signal, FALLBACK_SLICING));
  });

  it.each([
    ['rejects (worker killed mid-analysis)', (() => Promise.reject(new Error('port closed'))) as Send],
    ['answers with an error', (async () => ({ ok: false, error: 'refused' })) as Send],
    [
      'answers for another request',
      (async (r: AnalyzeRequest): Promise<Result<AnalyzeReply>> => {
        const reply = (await server().handle(r, '1:0')).reply;
        return reply.ok ? { ok: true, value: { ...reply.value, requestId: 'someone-else' } } : reply;
      }) as Send,
    ],
  ])('falls back at once when the background %s', async (_name, send) => {
    const r = await analyzeOffThread(TEXT, META, new AbortController().signal, { send, deadline: 60_000 });
    expect(r.path).toBe('fallback');
    expect(r.analysis.entities.length).toBeGreaterThan(0);
  });

  it('a reply that comes while the fallback runs wins', async () => {
    const s = server();
    let answer: () => void = () => undefined;
    const late: Send = (r) =>
      new Promise((ok) => {
        answer = () => void s.handle(r, '1:0').then((x) => ok(x.reply));
      });
    // a long text, so the fallback is still slicing when the reply arrives
    const long = Array.from({ length: 40 }, () => TEXT).join('\n\n');
    const running = analyzeOffThread(long, META, new AbortController().signal, { send: late, deadline: 1 });
    await new Promise((ok) => setTimeout(ok, 5));
    answer();
    const r = await running;
    expect(r.path).toBe('remote');
    expect(r.analysis).toEqual(analyzeText(long, META));
  });

  it('a newer run cancels the older request at once and its late reply is dropped', async () => {
    let reply: (r: Result<AnalyzeReply>) => void = () => undefined;
    let sent: AnalyzeRequest | null = null;
    const pending: Send = (r) =>
      new Promise((ok) => {
        sent = r;
        reply = ok;
      });
    const run = new AbortController();
    const older = analyzeOffThread(TEXT, META, run.signal, { send: pending, deadline: 60_000 });
    run.abort();
    await expect(older).rejects.toMatchObject({ name: 'AbortError' });
    const spy = vi.spyOn(performance, 'mark');
    const { text: _t, ...analysis } = analyzeText(TEXT, META);
    reply({ ok: true, value: { requestId: sent!.requestId, analysis, ms: 1 } });
    await new Promise((ok) => setTimeout(ok, 0));
    expect(spy).not.toHaveBeenCalled();
    spy.mockRestore();
  });
});
