/**
 * Extraction off the page's main thread (DOM layer): the extension document's side of `extractPage`. The
 * content script serializes its page once and sends the string; this validates it like any other message,
 * parses it into an inert document (the glue passes the parser: DOMParser in Chrome's offscreen document
 * and Firefox's event page), runs the very `extractArticle` the page would run, then the very `analyzeText`
 * the CLI and the unit tests call, and answers with the article (text included: the page has none yet) and
 * its Analysis (without the text). The document is long-lived, so lexicons and JIT stay warm across pages.
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
  private warmed = false;

  constructor(private readonly options: ExtractionServeOptions) {}

  /** Builds the lexicons and warms the analyzer and Readability once per document life. */
  warm(): Result<null> {
    if (!this.warmed) {
      this.warmed = true;
      const doc = this.options.parse(
        '<!DOCTYPE html><html><head><title>Warm-up</title></head><body><article><h1>Warm-up</h1>' +
          '<p>“We will see,” said Maria Lopez, a spokeswoman for the United Nations in Paris, on Monday.</p>' +
          '</article></body></html>',
      );
      const article = extractArticle(likeLivePage(doc), { force: true });
      analyzeText(article?.text ?? '“We will see,” said Maria Lopez, a spokeswoman for the United Nations.');
    }
    return { ok: true, value: null };
  }

  async handle(data: unknown, frame: string): Promise<ServedExtraction> {
    const { now, parse } = this.options;
    const v = validate(ExtractRequestSchema, data);
    if (!v.ok) return { reply: v, htmlChars: 0, textChars: 0 };
    const request = v.value;
    this.latest.set(frame, request.requestId);
    await this.options.yieldFirst();
    if (this.latest.get(frame) !== request.requestId)
      return { reply: { ok: false, error: SUPERSEDED }, htmlChars: 0, textChars: 0 };
    this.latest.delete(frame);
    this.warmed = true;
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
