/**
 * The background's side of analysis off the page's main thread (pure core: no browser APIs). The content
 * script sends the extracted article text (`analyzeArticle`); this validates it like any other message,
 * runs the very `analyzeText` the CLI and the unit tests call, and answers without the text the page
 * already has. The background is long-lived, so the lexicons and the JIT stay warm across pages.
 *
 * Superseding: one frame's newer request makes its older ones moot (a navigation or a text change). The
 * background handles messages one at a time, so a request first yields once (`yieldFirst`), letting any
 * newer request from the same frame arrive and register; a superseded request is then answered at once
 * with an error instead of being analyzed for nothing.
 */
import { analyzeText } from '../analysis';
import { AnalyzeRequestSchema, validate, type AnalyzeReply, type Result } from '../messaging/contract';

/** What a handled request cost the background, for its own User Timing (see entrypoints/background.ts). */
export interface Served {
  reply: Result<AnalyzeReply>;
  /** Characters analyzed, 0 when nothing was analyzed. */
  chars: number;
  start: number;
  end: number;
}

/** The error a superseded request gets (the page no longer waits for it). */
export const SUPERSEDED = 'superseded by a newer request from the same page';

export interface ServeOptions {
  /** A clock (performance.now in the browser). */
  now: () => number;
  /** Lets queued messages run before a request is analyzed. */
  yieldFirst: () => Promise<void>;
}

/** Answers `analyzeArticle` requests; `frame` is the sender's tab and frame (one latest request each). */
export class AnalysisServer {
  private readonly latest = new Map<string, string>();
  private warmed = false;

  constructor(private readonly options: ServeOptions) {}

  /** Builds the lexicons and warms the analyzer's code once per background life. */
  warm(): Result<null> {
    if (!this.warmed) {
      this.warmed = true;
      analyzeText('“We will see,” said Maria Lopez, a spokeswoman for the United Nations in Paris.');
    }
    return { ok: true, value: null };
  }

  async handle(data: unknown, frame: string): Promise<Served> {
    const { now } = this.options;
    const v = validate(AnalyzeRequestSchema, data);
    if (!v.ok) return { reply: v, chars: 0, start: now(), end: now() };
    const { requestId, text, meta } = v.value;
    this.latest.set(frame, requestId);
    await this.options.yieldFirst();
    if (this.latest.get(frame) !== requestId)
      return { reply: { ok: false, error: SUPERSEDED }, chars: 0, start: now(), end: now() };
    this.latest.delete(frame);
    this.warmed = true;
    const start = now();
    const { text: _text, ...analysis } = analyzeText(text, meta);
    const end = now();
    return { reply: { ok: true, value: { requestId, analysis, ms: end - start } }, chars: text.length, start, end };
  }
}
