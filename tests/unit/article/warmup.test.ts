// @vitest-environment jsdom
// The extension document's warm-up (utils/article/serve.ts `warmUp`, the made-up story of
// utils/article/warmup.ts): it runs once per document life, every piece is a task of its own, and a real
// request that arrives meanwhile is served before the rest of the warm-up. Behaviour only; what the warm-up
// saves is the bench's business (bench/page.ts).
import { describe, expect, it } from 'vitest';
import { analyzeText } from '../../../utils/analysis';
import { ExtractionServer, WARMUP_ROUNDS } from '../../../utils/article/serve';
import { WARMUP_META, WARMUP_PARAGRAPHS, warmupPage } from '../../../utils/article/warmup';
import { extractArticle } from '../../../utils/article/extract';
import type { ExtractRequest } from '../../../utils/messaging/contract';

const STORY =
  '<!DOCTYPE html><html><head><title>Quay plan</title></head><body><article><h1>Quay plan</h1>' +
  '<p>“We will rebuild the quay,” said Jonas Berg, the harbour master of Tromsø, on Friday. The work will ' +
  'take two years, according to an engineer who asked not to be named.</p>' +
  '<p>Berg met officials of the Norwegian Coastal Administration in Oslo, who said the money was ready.</p>' +
  '<p>The quay handles hundreds of ships a year, and the fishermen welcomed the plan in a statement.</p>' +
  '</article></body></html>';

const request = (requestId: string): ExtractRequest => ({
  requestId,
  html: STORY,
  url: 'https://news.example/quay',
  baseUrl: 'https://news.example/quay',
  force: true,
  analyze: true,
  unlessTextHash: null,
});

/** A server whose parser logs what it parsed (the warm-up's page or a request's). */
function logged() {
  const parsed: string[] = [];
  const server = new ExtractionServer({
    parse: (html) => {
      parsed.push(html === STORY ? 'request' : html === warmupPage() ? 'warm-up' : 'other');
      return new DOMParser().parseFromString(html, 'text/html');
    },
    now: () => 0,
    yieldFirst: () => new Promise<void>((ok) => setTimeout(ok, 0)),
  });
  return { server, parsed };
}

describe('the made-up warm-up story', () => {
  it('is a page Readability takes for an article, with the story as its text', () => {
    const doc = new DOMParser().parseFromString(warmupPage(), 'text/html');
    const article = extractArticle(doc, { force: true });
    expect(article?.title).toBe(WARMUP_META.title);
    for (const p of WARMUP_PARAGRAPHS) expect(article?.text).toContain(p.slice(0, 40));
  });

  it('has quotes and people for the analyzer to find', () => {
    const a = analyzeText(WARMUP_PARAGRAPHS.join('\n\n'), WARMUP_META);
    expect(a.quotes.length).toBeGreaterThan(3);
    expect(a.entities.some((e) => e.type === 'person')).toBe(true);
  });
});

describe('ExtractionServer.warmUp', () => {
  it('runs once per document life: the page, each paragraph, then the whole story', async () => {
    const { server, parsed } = logged();
    const first = server.warmUp();
    expect(server.warmUp()).toBe(first);
    expect(server.warm()).toEqual({ ok: true, value: null });
    expect(await first).toBe(1 + WARMUP_PARAGRAPHS.length + WARMUP_ROUNDS);
    expect(parsed).toEqual(['warm-up']);
  });

  it('serves a request that arrives meanwhile before the rest of the warm-up', async () => {
    const { server, parsed } = logged();
    let warmed = false;
    const warming = server.warmUp().then(() => (warmed = true));
    const { reply } = await server.handle(request('a'), '1:0');
    expect(reply.ok).toBe(true);
    expect(warmed, 'the warm-up waited for the request').toBe(false);
    expect(parsed, 'the request was parsed before the warm-up page').toEqual(['request']);
    await warming;
    expect(parsed).toEqual(['request', 'warm-up']);
  });

  it('changes no answer: a request after the warm-up gets what one without it gets', async () => {
    const warm = logged().server;
    await warm.warmUp();
    const cold = logged().server;
    const [a, b] = await Promise.all([warm.handle(request('a'), '1:0'), cold.handle(request('b'), '2:0')]);
    expect(a.reply.ok && b.reply.ok).toBe(true);
    if (a.reply.ok && b.reply.ok) {
      expect(a.reply.value.article).toEqual(b.reply.value.article);
      expect(a.reply.value.analysis).toEqual(b.reply.value.analysis);
    }
  });
});
