// @vitest-environment jsdom
// Extraction off the page's main thread: the extension document's server (validation, the page serialized
// and parsed again gives the same article as extracting the page itself, the same analyzer, superseded
// requests, no second analysis of known text) and the content script's client (the reply used, the
// fallback answer on timeout and on error, a late reply dropped, a newer run cancelling). Behaviour only;
// timing is the bench's job.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyzeText } from '../../../utils/analysis';
import { SUPERSEDED } from '../../../utils/analysis-remote/serve';
import { MAX_PAGE_HTML } from '../../../utils/analysis-remote/limits';
import { extractArticle } from '../../../utils/article/extract';
import { hashText } from '../../../utils/article/hash';
import { ExtractionServer } from '../../../utils/article/serve';
import type { ExtractRequest } from '../../../utils/messaging/contract';
import { extractOffPage, serializePage, type SendExtract } from '../../../entrypoints/article.content/offpage';

const ROOT = join(__dirname, '../../fixtures/pages');
const URL_ = 'https://news.example/world/2026/harbour?utm_source=x';

const parse = (html: string) => new DOMParser().parseFromString(html, 'text/html');
const server = () =>
  new ExtractionServer({ parse, now: () => 0, yieldFirst: () => new Promise<void>((ok) => setTimeout(ok, 0)) });

const STORY =
  '<!DOCTYPE html><html><head><title>Harbour plan</title><link rel="canonical" href="/world/harbour"></head>' +
  '<body><nav>Home · World</nav><article><h1>Harbour plan</h1>' +
  '<p>“We will rebuild the harbour,” said Maria Lopez, the mayor of Lisbon, on Monday. The work will take ' +
  'years, according to an official who spoke on condition of anonymity.</p>' +
  '<noscript><p>Enable JavaScript to see the map of the harbour and the new quays.</p></noscript>' +
  '<p>Lopez met the European Commission in Brussels, where officials said the money was ready.</p>' +
  '<p>The harbour employs thousands of people, and the unions welcomed the plan in a statement.</p>' +
  '</article></body></html>';

const metaOf = (a: {
  title: string;
  byline: string | null;
  siteName: string | null;
  publishedTime: string | null;
}) => ({
  title: a.title,
  byline: a.byline,
  siteName: a.siteName,
  publishedTime: a.publishedTime,
});

const request = (requestId: string, html = STORY, extra: Partial<ExtractRequest> = {}): ExtractRequest => ({
  requestId,
  html,
  url: URL_,
  baseUrl: URL_,
  force: true,
  analyze: true,
  unlessTextHash: null,
  ...extra,
});

describe('ExtractionServer (extension document)', () => {
  it.each(readdirSync(ROOT))('the serialized page %s gives the article extracting it in place gives', async (name) => {
    const live = parse(readFileSync(join(ROOT, name, 'source.html'), 'utf8'));
    const expected = extractArticle(live, { url: URL_, baseUrl: URL_ });
    const html = serializePage(live);
    expect(html, 'serialized').not.toBeNull();
    const { reply } = await server().handle(request('a', html!, { force: false }), '1:0');
    expect(reply.ok).toBe(true);
    if (!reply.ok) return;
    if (!expected) {
      expect(reply.value.article).toBeNull();
      return;
    }
    const { content: _content, ...article } = expected;
    expect(reply.value.article).toEqual(article);
    const { text: _text, ...analysis } = analyzeText(article.text, metaOf(article));
    expect(reply.value.analysis).toEqual(analysis);
  });

  it("keeps the page's own URLs (a parsed copy has the extension's)", async () => {
    const { reply } = await server().handle(request('a'), '1:0');
    expect(reply.ok && reply.value.article?.url).toBe('https://news.example/world/2026/harbour');
    expect(reply.ok && reply.value.article?.canonicalUrl).toBe('https://news.example/world/harbour');
  });

  it('drops <noscript> (its markup was one text node in the live page)', async () => {
    const { reply } = await server().handle(request('a'), '1:0');
    expect(reply.ok && reply.value.article?.text).not.toContain('Enable JavaScript');
  });

  it('extracts only when not asked to analyze, and skips the analysis of text the page already analyzed', async () => {
    const only = await server().handle(request('a', STORY, { analyze: false }), '1:0');
    expect(only.reply.ok && only.reply.value.analysis).toBeNull();
    expect(only.textChars).toBe(0);
    const text = only.reply.ok ? only.reply.value.article!.text : '';
    const same = await server().handle(request('b', STORY, { unlessTextHash: hashText(text) }), '1:0');
    expect(same.reply.ok && same.reply.value.article?.text).toBe(text);
    expect(same.reply.ok && same.reply.value.analysis).toBeNull();
    const other = await server().handle(request('c', STORY, { unlessTextHash: hashText('older text') }), '1:0');
    expect(other.reply.ok && other.reply.value.analysis).not.toBeNull();
  });

  it.each([
    ['no request id', { html: STORY, url: URL_, baseUrl: URL_, force: true, analyze: true, unlessTextHash: null }],
    ['empty html', request('a', '')],
    ['html over the limit', request('a', 'x'.repeat(MAX_PAGE_HTML + 1))],
    ['an unknown field', { ...request('a'), text: 'x' }],
    ['a url that is no string', { ...request('a'), url: 42 }],
  ])('refuses %s', async (_name, data) => {
    const served = await server().handle(data, '1:0');
    expect(served.reply.ok).toBe(false);
    expect(served.htmlChars).toBe(0);
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

describe('extractOffPage (content script)', () => {
  const page = () => parse(STORY);
  const viaServer =
    (s: ExtractionServer): SendExtract =>
    async (r) =>
      (await s.handle(structuredClone(r), '1:0')).reply;

  it('returns the article and the full Analysis (text put back) from the reply', async () => {
    const got = await extractOffPage(
      page(),
      { force: true, analyze: true, unlessTextHash: null },
      new AbortController().signal,
      { send: viaServer(server()) },
    );
    expect(got.ok).toBe(true);
    if (!got.ok) return;
    expect(got.analysis).toEqual(analyzeText(got.article!.text, metaOf(got.article!)));
  });

  it('answers "timeout" when the background stays silent, and drops its late reply', async () => {
    let answer: () => void = () => undefined;
    const send: SendExtract = (r) =>
      new Promise((ok) => {
        answer = () => void viaServer(server())(r).then(ok);
      });
    const got = await extractOffPage(
      page(),
      { force: true, analyze: true, unlessTextHash: null },
      new AbortController().signal,
      { send, deadline: 10 },
    );
    expect(got).toEqual({ ok: false, why: 'timeout' });
    answer(); // nothing left to settle: no throw, no second answer
  });

  it('answers "error" when the background fails or answers another request', async () => {
    const signal = new AbortController().signal;
    const opts = { force: true, analyze: true, unlessTextHash: null };
    expect(await extractOffPage(page(), opts, signal, { send: () => Promise.reject(new Error('gone')) })).toEqual({
      ok: false,
      why: 'error',
    });
    const wrongId: SendExtract = async (r) => viaServer(server())({ ...r, requestId: 'someone-else' });
    expect(await extractOffPage(page(), opts, signal, { send: wrongId })).toEqual({ ok: false, why: 'error' });
  });

  it('a newer run aborts the request at once', async () => {
    const controller = new AbortController();
    const pending = extractOffPage(page(), { force: true, analyze: true, unlessTextHash: null }, controller.signal, {
      send: () => new Promise(() => undefined),
    });
    controller.abort();
    await expect(pending).rejects.toMatchObject({ name: 'AbortError' });
  });
});
