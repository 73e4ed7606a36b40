/**
 * Extraction off the page's main thread (DOM layer): the extension document's side of `extractPage`. The
 * content script serializes its page once and sends the string; this validates it like any other message,
 * parses it into an inert document (the glue passes the parser: DOMParser in Chrome's offscreen document
 * and Firefox's event page), runs the very `extractArticle` the page would run, then the very `analyzeText`
 * the CLI and the unit tests call, and answers with the article (text included: the page has none yet) and
 * its Analysis (without the text). The document is long-lived, so lexicons and JIT stay warm across pages.
 *
 * Warm-up: the document starts cold (lexicons unbuilt, the analyzer's and Readability's code not yet
 * compiled, regular expressions interpreted), and the first article it served was analyzed about 3 times
 * slower per character than later ones. So when it starts, `warmUp` extracts and analyzes a made-up story
 * (warmup.ts), one piece per task with a yield between pieces; a real request that arrives meanwhile is
 * served first (the warm-up waits while one is in hand), so it waits at most for the piece in progress.
 *
 * Superseding, as in utils/analysis-remote/serve.ts: one frame's newer request makes its older ones moot;
 * a request first yields once (`yieldFirst`) so a newer one from the same frame can arrive and register,
 * and a superseded request is answered at once with an error instead of being parsed for nothing.
 */
import { analyzeText } from '../analysis/index';
import { SUPERSEDED } from '../analysis-remote/serve';
import { ExtractRequestSchema, validate, type ExtractReply, type Result } from '../messaging/contract';
import { extractArticle } from './extract';
import { hashText } from './hash';
import { WARMUP_META, WARMUP_PARAGRAPHS, warmupPage } from './warmup';

/** How many times the whole made-up story is analyzed after its paragraphs (enough for the JIT's hot tiers). */
export const WARMUP_ROUNDS = 6;

/** What a handled request cost, for the background's own User Timing. */
export interface ServedExtraction {
  reply: Result<ExtractReply>;
  /** Characters of HTML parsed and of article text analyzed (0 when none). */
  htmlChars: number;
  textChars: number;
}

/** What an `ExtractionServer` needs from its host. */
export interface ExtractionServeOptions {
  /** Parses HTML into an inert document (no script runs, nothing loads). */
  parse: (html: string) => Document;
  /** A clock (performance.now in the browser). */
  now: () => number;
  /** Lets queued messages run before a request is handled. */
  yieldFirst: () => Promise<void>;
}

/**
 * Makes a parsed copy read like the live page did. The copy was parsed with scripting disabled, so each
 * `<noscript>` holds elements where the live page held one text node (which Readability and `articleText`
 * ignore): left in, their paragraphs would count in Readability's "is this an article?" check. Removed.
 */
export function likeLivePage(doc: Document): Document {
  for (const el of Array.from(doc.getElementsByTagName('noscript'))) el.remove();
  return doc;
}

/** Answers `extractPage` requests; `frame` is the sender's tab and frame (one latest request each). */
export class ExtractionServer {
  private readonly latest = new Map<string, string>();
  private warming: Promise<number> | null = null;
  /** Requests in hand (validated, not yet answered): the warm-up waits while there is one. */
  private inHand = 0;
  private readonly whenIdle: Array<() => void> = [];

  constructor(private readonly options: ExtractionServeOptions) {}

  /** Starts the warm-up once per document life (see `warmUp`); answers at once. */
  warm(): Result<null> {
    void this.warmUp();
    return { ok: true, value: null };
  }

  /**
   * Extracts and analyzes the made-up story once per document life: the page parsed and extracted, then
   * each paragraph analyzed, then the whole story `WARMUP_ROUNDS` times, one piece per task. Before each
   * piece it yields, and waits while a real request is in hand. Resolves with the pieces run.
   */
  warmUp(): Promise<number> {
    this.warming ??= (async () => {
      const { parse } = this.options;
      const story = WARMUP_PARAGRAPHS.join('\n\n');
      const pieces: Array<() => unknown> = [
        () => extractArticle(likeLivePage(parse(warmupPage())), { force: true }),
        ...WARMUP_PARAGRAPHS.map((p) => () => analyzeText(p)),
        ...Array.from({ length: WARMUP_ROUNDS }, () => () => analyzeText(story, WARMUP_META)),
      ];
      for (const piece of pieces) {
        await this.options.yieldFirst();
        while (this.inHand > 0) {
          await new Promise<void>((ok) => this.whenIdle.push(ok));
          await this.options.yieldFirst();
        }
        piece();
      }
      return pieces.length;
    })();
    return this.warming;
  }

  async handle(data: unknown, frame: string): Promise<ServedExtraction> {
    this.inHand++;
    try {
      return await this.serve(data, frame);
    } finally {
      if (--this.inHand === 0) for (const ok of this.whenIdle.splice(0)) ok();
    }
  }

  private async serve(data: unknown, frame: string): Promise<ServedExtraction> {
    const { now, parse } = this.options;
    const v = validate(ExtractRequestSchema, data);
    if (!v.ok) return { reply: v, htmlChars: 0, textChars: 0 };
    const request = v.value;
    this.latest.set(frame, request.requestId);
    await this.options.yieldFirst();
    if (this.latest.get(frame) !== request.requestId)
      return { reply: { ok: false, error: SUPERSEDED }, htmlChars: 0, textChars: 0 };
    this.latest.delete(frame);
    const t0 = now();
    const doc = likeLivePage(parse(request.html));
    const t1 = now();
    const extracted = extractArticle(doc, {
      ...(request.force ? { force: true } : {}),
      url: request.url,
      baseUrl: request.baseUrl,
    });
    const t2 = now();
    const base = { requestId: request.requestId, parseMs: t1 - t0, extractMs: t2 - t1 };
    if (!extracted) {
      return {
        reply: { ok: true, value: { ...base, article: null, analysis: null, analyzeMs: 0 } },
        htmlChars: request.html.length,
        textChars: 0,
      };
    }
    const { content: _content, ...article } = extracted;
    const wanted = request.analyze && hashText(article.text) !== request.unlessTextHash;
    let analysis: ExtractReply['analysis'] = null;
    if (wanted) {
      const { text: _text, ...rest } = analyzeText(article.text, {
        title: article.title,
        byline: article.byline,
        siteName: article.siteName,
        publishedTime: article.publishedTime,
      });
      analysis = rest;
    }
    const t3 = now();
    return {
      reply: { ok: true, value: { ...base, article, analysis, analyzeMs: t3 - t2 } },
      htmlChars: request.html.length,
      textChars: wanted ? article.text.length : 0,
    };
  }
}
