/**
 * The reading session (glue): extract → analyze → anchor → draw on the live page, the overlay (panel,
 * cards, selection button), saving, re-anchoring saved notes, reacting to late content, SPA navigation
 * and settings. One AbortController spans the session; `dispose` removes every listener, observer,
 * highlight and injected node.
 */
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import {
  buildPanelModel,
  mentionKey,
  noteKey,
  quoteKey,
  type HeaderView,
  type NoteInput,
} from '@/components/panel/model';
import type { CardView, CorrectionChange, OverlayCallbacks, OverlayState, PanelStatus } from '@/components/panel/types';
import type { Analysis, EntityType } from '@/utils/analysis/types';
import { givenNameLists } from '@/utils/analysis/lexicons/givenNames';
import { claimProfileFields } from '@/utils/audit/profile';
import { Anchorer, type AnchorResult, type AnchorTarget } from '@/utils/anchoring/anchor';
import { describeRange } from '@/utils/anchoring/selection';
import { quoteSelector } from '@/utils/anchoring/selectors';
import { articleInput, extractArticle, pageInput } from '@/utils/article/extract';
import { hashText } from '@/utils/article/hash';
import { normalizeUrl } from '@/utils/article/url';
import { CATEGORIES, type Category } from '@/utils/highlight/categories';
import { draw, MARK_TAG, type DrawItem, type Drawing } from '@/utils/highlight/draw';
import type { AnnotationRecord, CorrectionRecord } from '@/utils/db/schema';
import { FactCheck } from './fact';
import { drawnKeys } from '@/utils/highlight/clutter';
import { HitIndex, type HitItem } from '@/utils/highlight/hit';
import { applyColors } from '@/utils/highlight/styles';
import { locate } from '@/utils/corrections/apply';
import { sourcingRequest } from '@/utils/corrections/sourcing';
import {
  onMessage,
  sendMessage,
  type AnnotationInput,
  type ArticleData,
  type PageState,
  type Result,
  type SaveAnnotationRequest,
  type SaveSourcingRequest,
} from '@/utils/messaging';
import {
  DEFAULT_SETTINGS,
  isSiteEnabled,
  loadSettings,
  saveSettings,
  watchSettings,
  withSite,
  type Settings,
} from '@/utils/settings';
import { analyzeChunked, FALLBACK_SLICING, warmInSlices, yieldToMain } from './analyze';
import { extractOffPage } from './offpage';
import { analyzeOffThread, wakeAnalyzer } from './remote';
import { mountOverlay, Store, UI_TAG, type MountedOverlay } from './ui';

/** Runs `work` and records a User Timing measure under `name`. */
export function measured<T>(name: string, work: () => T): T {
  const start = performance.now();
  try {
    return work();
  } finally {
    measure(name, start);
  }
}

function measure(name: string, start: number): void {
  try {
    performance.measure(name, { start, end: performance.now() });
  } catch {
    // User Timing is best effort
  }
}

function mark(name: string): void {
  try {
    performance.mark(name);
  } catch {
    // User Timing is best effort
  }
}

/** An extraction: the article, its Analysis when the background made one, and why the page fell back. */
interface Extraction {
  article: ArticleData | null;
  analysis: Analysis | null;
  /** Set when the background did not answer in time or failed: the page extracted and analyzes itself. */
  fallback: 'timeout' | 'error' | null;
}

/** The fallback's analysis: warm-up and text in small slices, a yield between each (analyze.ts). */
async function analyzeInPage(text: string, meta: ArticleData, signal: AbortSignal): Promise<Analysis> {
  await warmInSlices(signal);
  const analysis = await analyzeChunked(text, meta, signal, FALLBACK_SLICING);
  mark('sourcelight:path:fallback');
  return analysis;
}

/** What a drawn range stands for. */
type Item =
  | { kind: 'mention'; key: string; entity: number; type: EntityType; start: number; end: number }
  | { kind: 'quote'; key: string; quote: number; start: number; end: number }
  | { kind: 'note'; key: string; id: string };

/** Debounce for page mutations, and the longest a burst of them can postpone a re-run. */
const MUTATION_DEBOUNCE = 700;
const MUTATION_MAX_WAIT = 3000;
/** How long the first drawing waits for the saved annotations before drawing without them. */
const SAVED_WAIT = 1500;
/** Targets anchored per task (a few milliseconds each in Chromium). */
const ANCHOR_SLICE = 2500;

const isOurs = (n: Node): boolean =>
  n.nodeType === 1 &&
  ((n as Element).tagName === UI_TAG.toUpperCase() || (n as Element).tagName === MARK_TAG.toUpperCase());

/** One content script's life on one page. */
export class Session {
  private readonly life = new AbortController();
  private settings: Settings = DEFAULT_SETTINGS;
  private article: ArticleData | null = null;
  /** The analysis as drawn: the analyzer's output (`fact.raw`) with the reader's corrections applied. */
  private analysis: Analysis | null = null;
  /** The reader's corrections and the analyzer's own output (issue 15; logic in fact.ts). */
  private readonly fact = new FactCheck();
  private saved: AnnotationRecord[] = [];
  private drawing: Drawing | null = null;
  private readonly hit = new HitIndex<Item>();
  private readonly ranges = new Map<string, Range>();
  private readonly items = new Map<string, Item>();
  private readonly jumpCursor = new Map<string, number>();
  private visible: Record<Category, boolean> = { ...DEFAULT_SETTINGS.categories };
  private overlay: MountedOverlay | null = null;
  private mounting: Promise<MountedOverlay | null> | null = null;
  private readonly store: Store<OverlayState>;
  private removeColors: () => void = () => undefined;
  private observer: MutationObserver | null = null;
  private generation = 0;
  private runController: AbortController | null = null;
  private analyzed = false;
  private pendingSelection: Range | null = null;
  private editorTarget: { kind: 'selection'; range: Range } | { kind: 'item'; key: string } | null = null;
  private cardInside = false;
  private lastInput: 'mouse' | 'key' = 'mouse';
  private url = location.href;
  private readonly stops: Array<() => void> = [];

  constructor(private readonly ctx: ContentScriptContext) {
    this.store = new Store<OverlayState>({
      panelOpen: false,
      status: 'working',
      model: null,
      visible: this.visible,
      colors: { ...DEFAULT_SETTINGS.colors },
      card: null,
      selection: null,
      editor: null,
      correction: null,
      message: null,
      density: DEFAULT_SETTINGS.density,
    });
    ctx.onInvalidated(() => this.dispose());
  }

  private get signal(): AbortSignal {
    return this.life.signal;
  }

  /** setTimeout that dies with the session. */
  private later(fn: () => void, ms: number): () => void {
    const id = setTimeout(() => {
      if (!this.signal.aborted) fn();
    }, ms);
    const cancel = () => clearTimeout(id);
    this.signal.addEventListener('abort', cancel, { once: true });
    return cancel;
  }

  /** Starts the session: settings, message handlers, listeners, then the first run. */
  async start(): Promise<void> {
    this.settings = await loadSettings();
    if (this.signal.aborted) return;
    this.applySettings(this.settings, true);
    this.stops.push(watchSettings((s) => this.onSettings(s)));
    this.registerMessages();
    this.listen();
    if (!isSiteEnabled(this.settings, location.href)) {
      this.store.set({ status: 'off' });
      return;
    }
    await this.run({ analyze: this.settings.mode === 'auto', reason: 'load' });
    this.observe();
  }

  // ---------------------------------------------------------------------------------------------- pipeline

  /**
   * Extracts the article — off the page's main thread when the background answers in time (offpage.ts),
   * analyzing it there too when `analyze`, else in the page — and says whether the page had to fall back.
   * `unlessSame`: the text already analyzed, whose analysis need not be made again.
   */
  private async extractAnywhere(
    opts: { analyze: boolean; force: boolean; unlessSame: string | null },
    signal: AbortSignal,
  ): Promise<Extraction> {
    // a sleeping background (and Chrome's offscreen document) starts while the page is serialized
    wakeAnalyzer();
    const got = await extractOffPage(
      document,
      { force: opts.force, analyze: opts.analyze, unlessTextHash: opts.unlessSame ? hashText(opts.unlessSame) : null },
      signal,
    );
    if (got.ok) return { article: got.article, analysis: got.analysis, fallback: null };
    // too large to send: extracted here, its text still analyzed in the background (remote.ts)
    if (got.why !== 'too-large') mark(`sourcelight:fallback:${got.why}`);
    await yieldToMain();
    if (signal.aborted) throw new DOMException('extraction cancelled', 'AbortError');
    const article = measured('sourcelight:extract', () => extractArticle(document, opts.force ? { force: true } : {}));
    return { article, analysis: null, fallback: got.why === 'too-large' ? null : got.why };
  }

  /** Extracts, analyzes (when asked), anchors and draws. A newer run supersedes an older one. */
  private async run(opts: {
    analyze: boolean;
    reason: string;
    force?: boolean;
    /** An extraction the caller already made (saves a second Readability pass). */
    extracted?: Extraction;
  }): Promise<void> {
    const gen = ++this.generation;
    const stale = () => gen !== this.generation || this.signal.aborted;
    // a newer run cancels this one's requests and chunked analysis instead of letting them finish for nothing
    this.runController?.abort();
    const runController = new AbortController();
    this.runController = runController;
    const runSignal = AbortSignal.any([this.signal, runController.signal]);
    const t0 = performance.now();
    this.store.set({ status: 'working' });
    let got: Extraction;
    if (opts.extracted) got = opts.extracted;
    else {
      try {
        got = await this.extractAnywhere(
          {
            analyze: opts.analyze,
            force: !!opts.force,
            unlessSame: this.fact.raw ? (this.article?.text ?? null) : null,
          },
          runSignal,
        );
      } catch {
        return; // cancelled by a newer run or the page going away
      }
    }
    if (stale()) return;
    const article = got.article;
    const textChanged = article?.text !== this.article?.text;
    this.article = article;
    if (!article) {
      this.clearDrawing();
      this.analysis = this.fact.setRaw(null);
      this.analyzed = false;
      this.refreshModel('no-article');
      return;
    }
    const seen = this.fetchSaved(article);
    let analysis = got.analysis ?? (textChanged ? null : this.fact.raw);
    if (opts.analyze && !analysis) {
      await yieldToMain();
      if (stale()) return;
      const start = performance.now();
      try {
        // after the background failed to extract: in slices here; else in the background when it answers
        // in time, or in slices here (remote.ts)
        analysis = got.fallback
          ? await analyzeInPage(article.text, article, runSignal)
          : (await analyzeOffThread(article.text, article, runSignal)).analysis;
      } catch {
        if (stale()) return;
        analysis = null;
      }
      measure('sourcelight:analyze', start);
      if (stale()) return;
    }
    this.analysis = this.fact.setRaw(opts.analyze || analysis ? analysis : null);
    this.analyzed = !!this.analysis;
    // the saved notes, when they come quickly, are anchored and drawn in the same pass — and the reader's
    // corrections are applied before anything is drawn
    const state = await Promise.race([seen, new Promise<null>((r) => this.later(() => r(null), SAVED_WAIT))]);
    if (stale()) return;
    if (state) {
      this.saved = state.annotations;
      this.analysis = this.fact.setCorrections(state.corrections);
    }
    await yieldToMain();
    if (stale()) return;
    await this.anchorAndDraw(stale);
    if (stale()) return;
    try {
      performance.measure('sourcelight:ready', { start: t0, end: performance.now() });
    } catch {
      // best effort
    }
    // the panel model, in a task of its own after the drawing (measured for the bench)
    await yieldToMain();
    if (stale()) return;
    measured('sourcelight:model', () => this.refreshModel(this.analyzed ? 'ready' : 'click-to-analyze'));
    if (!state) {
      // the background was slow: anchor the saved notes when they arrive
      void seen.then((late) => {
        if (!late || stale()) return;
        this.saved = late.annotations;
        if (late.corrections.length) {
          this.analysis = this.fact.setCorrections(late.corrections);
          void this.anchorAndDraw(stale).then(() => this.refreshModel());
        }
        this.anchorSaved(late.annotations);
        this.refreshModel(this.analyzed ? 'ready' : 'click-to-analyze');
      });
    }
  }

  /** Asks the background what was saved for this article (by URL or canonical URL). */
  private async fetchSaved(article: ArticleData): Promise<PageState | null> {
    try {
      const r = await sendMessage('articleSeen', articleInput(article));
      return r.ok ? r.value : null;
    } catch {
      return null;
    }
  }

  /** Anchoring targets of the analysis: every entity mention and every quote. */
  private analysisTargets(): { targets: AnchorTarget[]; items: Item[] } {
    const targets: AnchorTarget[] = [];
    const items: Item[] = [];
    const a = this.analysis;
    if (!a) return { targets, items };
    a.quotes.forEach((q, i) => {
      const key = quoteKey(i);
      targets.push({ id: key, position: { start: q.start, end: q.end } });
      items.push({ kind: 'quote', key, quote: i, start: q.start, end: q.end });
    });
    a.entities.forEach((e, i) => {
      e.mentions.forEach((m, j) => {
        const key = mentionKey(i, j);
        targets.push({ id: key, position: { start: m.start, end: m.end } });
        items.push({ kind: 'mention', key, entity: i, type: e.type, start: m.start, end: m.end });
      });
    });
    return { targets, items };
  }

  private categoryOf(item: Item): Category {
    if (item.kind === 'note') return 'note';
    if (item.kind === 'mention') return item.type;
    return this.analysis?.quotes[item.quote]?.anonymous ? 'anonymous' : 'quote';
  }

  /** Anchors the analysis and the saved notes in one pass over the live page, then draws them. */
  private async anchorAndDraw(isStale: () => boolean = () => this.signal.aborted): Promise<void> {
    const article = this.article;
    if (!article || !document.body) return;
    // Marks change the DOM the index is built from: take them out first. Highlights can stay until the
    // new drawing replaces them, so nothing flickers.
    if (this.drawing?.mode === 'marks') this.clearDrawing();
    const { targets, items } = this.analysisTargets();
    for (const s of this.saved) {
      targets.push({ id: noteKey(s.id), quote: s.quote, position: s.position });
      items.push({ kind: 'note', key: noteKey(s.id), id: s.id });
    }
    // One index of the live page; the targets are mapped in slices with a yield between them, so thousands of
    // mentions never make one long task. The measure spans the whole (wall clock, yields included).
    const started = performance.now();
    const anchorer = new Anchorer(document.body, article.text, { exclude: isOurs });
    const result: AnchorResult = { anchored: [], orphans: [] };
    for (let i = 0; i < targets.length; i += ANCHOR_SLICE) {
      if (i > 0) {
        await yieldToMain();
        if (isStale()) return;
      }
      const part = anchorer.anchor(targets.slice(i, i + ANCHOR_SLICE));
      result.anchored.push(...part.anchored);
      result.orphans.push(...part.orphans);
    }
    measure('sourcelight:anchor', started);
    // anchoring a large article and drawing it are two tasks, not one long one
    await yieldToMain();
    if (isStale()) return;
    // what lies between anchoring and drawing (density choice, hit-test index), for the bench
    const prepared = performance.now();
    const byKey = new Map(items.map((i) => [i.key, i]));
    const drawItems: DrawItem[] = [];
    const hits: HitItem<Item>[] = [];
    this.ranges.clear();
    this.items.clear();
    this.hit.clear();
    // the highlight density (issue 15): everything anchors (jumps and hover reach every mention), but only
    // what the density shows is coloured and hit-tested
    const density = this.density();
    const shown =
      density === 'off'
        ? new Set<string>()
        : drawnKeys(
            result.anchored.flatMap((a) => {
              const item = byKey.get(a.id);
              if (!item || item.kind === 'note') return [];
              return [{ key: a.id, entity: item.kind === 'mention' ? item.entity : null, range: a.range }];
            }),
            density,
          );
    for (const a of result.anchored) {
      const item = byKey.get(a.id);
      if (!item) continue;
      const category = this.categoryOf(item);
      this.ranges.set(a.id, a.range);
      this.items.set(a.id, item);
      if (item.kind !== 'note' && !shown.has(a.id)) continue;
      drawItems.push({ category, range: a.range });
      hits.push({ layer: category, order: a.start, range: a.range, data: item });
    }
    this.shownKeys = shown;
    for (const i of items) if (!this.items.has(i.key)) this.items.set(i.key, i);
    this.hit.add(hits);
    measure('sourcelight:prepare', prepared);
    const old = this.drawing;
    this.drawing = measured('sourcelight:draw', () =>
      this.quiet(() =>
        draw(document, drawItems, { visible: this.visible, colors: this.settings.colors, concealed: this.concealed() }),
      ),
    );
    if (old && old !== this.drawing) this.quiet(() => old.remove());
    this.reportSaved(result.orphans);
  }

  /** Keys of the analysis items coloured now (the density's choice). */
  private shownKeys = new Set<string>();
  /** Whether the reader asked for highlights (opened the panel): "Off until I ask" then draws. */
  private asked = false;

  /** The density in effect: "off" becomes "sources" once the reader has asked. */
  private density(): 'sources' | 'everything' | 'off' {
    const d = this.settings.density;
    return d === 'off' ? (this.asked ? 'sources' : 'off') : d;
  }

  /** Every mention of an entity while its panel row is hovered (null: the hover ended). */
  private spotlight(entityKey: string | null): void {
    const i = entityKey && /^e\d+$/.test(entityKey) ? Number(entityKey.slice(1)) : -1;
    const e = i >= 0 ? this.analysis?.entities[i] : undefined;
    const items: DrawItem[] = [];
    if (e)
      e.mentions.forEach((_, j) => {
        const key = mentionKey(i, j);
        const range = this.ranges.get(key);
        if (range && !this.shownKeys.has(key)) items.push({ category: e.type, range });
      });
    this.drawing?.spotlight(items);
  }

  /** Anchors saved annotations that arrived after the drawing (a fresh index: the DOM may have changed). */
  private anchorSaved(records: AnnotationRecord[]): void {
    const article = this.article;
    if (!article || !document.body) return;
    const fresh = records.filter((r) => !this.ranges.has(noteKey(r.id)));
    if (!fresh.length) return;
    const result = new Anchorer(document.body, article.text, { exclude: isOurs }).anchor(
      fresh.map((r) => ({ id: noteKey(r.id), quote: r.quote, position: r.position })),
    );
    const drawItems: DrawItem[] = [];
    for (const a of result.anchored) {
      const id = a.id.slice(2);
      const item: Item = { kind: 'note', key: a.id, id };
      this.ranges.set(a.id, a.range);
      this.items.set(a.id, item);
      drawItems.push({ category: 'note', range: a.range });
      this.hit.add([{ layer: 'note', order: a.start, range: a.range, data: item }]);
    }
    for (const o of result.orphans) this.items.set(o, { kind: 'note', key: o, id: o.slice(2) });
    this.addDrawn(drawItems);
    this.reportSaved(result.orphans);
  }

  private addDrawn(items: DrawItem[]): void {
    if (!items.length) return;
    if (this.drawing) {
      const d = this.drawing;
      this.quiet(() => d.add(items));
    } else
      this.drawing = this.quiet(() =>
        draw(document, items, { visible: this.visible, colors: this.settings.colors, concealed: this.concealed() }),
      );
  }

  /** Tells the background which saved annotations were found and which are orphans. */
  private reportSaved(orphanKeys: string[]): void {
    if (!this.saved.length) return;
    const orphaned = new Set(orphanKeys.filter((k) => k.startsWith('n:')).map((k) => k.slice(2)));
    const ids = this.saved.map((s) => s.id);
    void sendMessage('setAnchorStatus', {
      found: ids.filter((id) => !orphaned.has(id) && this.ranges.has(noteKey(id))),
      orphaned: ids.filter((id) => orphaned.has(id)),
    }).catch(() => undefined);
  }

  private clearDrawing(): void {
    const d = this.drawing;
    this.drawing = null;
    if (d) this.quiet(() => d.remove());
    this.ranges.clear();
    this.items.clear();
    this.hit.clear();
  }

  /** Runs a DOM change of our own without waking the mutation observer. */
  private quiet<T>(work: () => T): T {
    const o = this.observer;
    if (o) {
      const pending = o.takeRecords();
      o.disconnect();
      try {
        return work();
      } finally {
        if (!this.signal.aborted && document.body) {
          o.observe(document.body, { childList: true, subtree: true, characterData: true });
          // records that arrived before our change still count
          if (pending.some((r) => this.relevant(r))) this.scheduleRerun();
        }
      }
    }
    return work();
  }

  // ------------------------------------------------------------------------------------------------- model

  private header(): HeaderView {
    const a = this.article;
    return {
      title: a?.title ?? document.title,
      siteName: a?.siteName ?? null,
      byline: a?.byline ?? null,
      publishedTime: a?.publishedTime ?? null,
    };
  }

  private refreshModel(status?: PanelStatus): void {
    const notes: NoteInput[] = this.saved.map((s) => ({
      id: s.id,
      text: s.quote.exact,
      comment: s.comment,
      kind: s.kind,
    }));
    const model = buildPanelModel(this.header(), this.analysis, notes, new Set(this.ranges.keys()), {
      corrections: this.fact.listed(),
      sourcingSavedAt: this.fact.sourcingSavedAt(this.saved),
    });
    this.store.set({ model, ...(status ? { status } : {}) });
  }

  // -------------------------------------------------------------------------------------------------- ui

  private ensureOverlay(): Promise<MountedOverlay | null> {
    if (this.overlay) return Promise.resolve(this.overlay);
    this.mounting ??= mountOverlay(this.ctx, this.store, this.callbacks())
      .then((o) => {
        if (this.signal.aborted) {
          o?.remove();
          return null;
        }
        this.overlay = o;
        return o;
      })
      .catch(() => null);
    return this.mounting;
  }

  /**
   * Categories drawn empty: saved notes while the panel is closed. `CSS.highlights` is one registry
   * shared with the page's own scripts, so filled `sourcelight-note` ranges would tell any script on the
   * page exactly what the reader saved; the name stays registered, empty, until the panel opens
   * (issue 17, item 3; docs/trust.md says what is still visible while it is open).
   */
  private concealed(): Category[] {
    return this.store.get().panelOpen ? [] : ['note'];
  }

  /** Opens or closes the panel, filling the saved notes' highlight only while it is open. */
  private setPanelOpen(open: boolean): void {
    this.store.set({ panelOpen: open });
    this.drawing?.conceal('note', !open);
  }

  private callbacks(): OverlayCallbacks {
    return {
      onClose: () => this.setPanelOpen(false),
      onToggleCategory: (c, show) => {
        this.visible = { ...this.visible, [c]: show };
        this.drawing?.setVisible(c, show);
        this.store.set({ visible: this.visible });
      },
      onJump: (key) => this.jump(key),
      onEntityHover: (key) => this.spotlight(key),
      onDensity: (density) => void saveSettings({ ...this.settings, density }),
      onAnalyze: () => void this.run({ analyze: true, reason: 'click', force: true }),
      onSiteEnabled: (enabled) => void saveSettings(withSite(this.settings, location.href, enabled)),
      onSaveItem: (key) => void this.saveItem(key, ''),
      onNoteItem: (key) => this.openEditor({ kind: 'item', key }),
      onCardHover: (inside) => {
        this.cardInside = inside;
        if (!inside) this.scheduleCardHide();
      },
      onCardDismiss: () => this.store.set({ card: null }),
      onSaveSelection: () => {
        const r = this.pendingSelection;
        if (r) void this.saveSelection(r, '');
      },
      onNoteSelection: () => {
        const r = this.pendingSelection;
        if (r) this.openEditor({ kind: 'selection', range: r });
      },
      onEditorSave: (comment) => {
        const t = this.editorTarget;
        this.editorTarget = null;
        this.store.set({ editor: null });
        if (t?.kind === 'selection') void this.saveSelection(t.range, comment);
        else if (t?.kind === 'item') void this.saveItem(t.key, comment);
      },
      onEditorCancel: () => {
        this.editorTarget = null;
        this.store.set({ editor: null });
      },
      onDismissMessage: () => this.store.set({ message: null }),
      onCorrectItem: (key) => this.openCorrection(key),
      onClaimSelection: () => {
        const r = this.pendingSelection;
        if (r) this.openClaim(r);
      },
      onCorrectionSave: (change) => void this.saveCorrection(change),
      onCorrectionCancel: () => {
        this.fact.target = null;
        this.store.set({ correction: null });
      },
      onUndoCorrection: (id) => void this.undoCorrection(id),
      onSaveSourcing: () => void this.saveSourcing(),
      // a content script cannot open an extension page: the background opens the audit
      onOpenAudit: () =>
        void sendMessage('openAudit', null).then(
          (r) => !r.ok && this.say(r.error),
          (err: Error) => this.say(`Could not open the audit: ${err.message}`),
        ),
    };
  }

  // ------------------------------------------------------------------------------------------- corrections

  /** Opens the correction form for a claim's card. */
  private openCorrection(key: string): void {
    const item = this.items.get(key);
    const range = this.ranges.get(key);
    const q = item?.kind === 'quote' ? this.analysis?.quotes[item.quote] : undefined;
    if (!q || !range || item?.kind !== 'quote') return;
    const rect = range.getBoundingClientRect();
    this.fact.target = { mode: 'edit', quote: q };
    this.store.set({
      card: null,
      selection: null,
      correction: {
        mode: 'edit',
        x: rect.left,
        y: rect.bottom + 8,
        text: q.text,
        speaker: q.speaker,
        anonymous: q.anonymous,
        kind: q.kind,
        choices: this.fact.choices(this.analysis),
      },
    });
  }

  /** Opens the correction form to turn a selection into a claim. */
  private openClaim(range: Range): void {
    const text = this.article?.text ?? '';
    const described = describeRange(document, range, text);
    // a claim lives in the article text (it is applied over the analysis): a selection in the page's menus
    // or comments cannot be one
    const position = described
      ? (described.position ?? locate(text, { quote: described.quote, position: null }))
      : null;
    if (!described || !position) {
      this.say('This selection is not in the article text, so it cannot become a claim.');
      return;
    }
    const rect = range.getBoundingClientRect();
    this.fact.target = { mode: 'add', quote: described.quote, position };
    this.store.set({
      card: null,
      selection: null,
      correction: {
        mode: 'add',
        x: rect.left,
        y: rect.bottom + 8,
        text: described.quote.exact,
        speaker: null,
        anonymous: false,
        kind: /^\s*["“«‘']/.test(range.toString()) ? 'direct' : 'indirect',
        choices: this.fact.choices(this.analysis),
      },
    });
  }

  /** Stores what the reader set in the form (one record per changed field), then redraws. */
  private async saveCorrection(change: CorrectionChange): Promise<void> {
    const target = this.fact.target;
    const article = this.article;
    this.fact.target = null;
    this.store.set({ correction: null });
    if (!target || !article) return;
    const inputs = this.fact.inputsFor(target, change, article.text);
    if (!inputs.length) {
      this.say('Nothing changed.');
      return;
    }
    const saved: CorrectionRecord[] = [];
    for (const correction of inputs) {
      try {
        const r = await sendMessage('saveCorrection', { article: articleInput(article), correction });
        if (!r.ok) {
          this.say(r.error);
          break;
        }
        saved.push(r.value.correction);
      } catch (err) {
        this.say(`Could not save the correction: ${(err as Error).message}`);
        break;
      }
    }
    if (!saved.length || article !== this.article) return;
    await this.recorrect([...this.fact.corrections, ...saved]);
    if (saved.length === inputs.length) this.say(target.mode === 'add' ? 'Claim added.' : 'Correction saved.');
  }

  /** Undoes one correction (deletes its record), then redraws. */
  private async undoCorrection(id: string): Promise<void> {
    try {
      const r = await sendMessage('deleteCorrection', { id });
      if (!r.ok) {
        this.say(r.error);
        return;
      }
    } catch (err) {
      this.say(`Could not undo: ${(err as Error).message}`);
      return;
    }
    await this.recorrect(this.fact.corrections.filter((c) => c.id !== id));
    this.say('Correction undone.');
  }

  /** Re-applies corrections and redraws the page, the panel and an open card. */
  private async recorrect(corrections: CorrectionRecord[]): Promise<void> {
    this.analysis = this.fact.setCorrections(corrections);
    await this.anchorAndDraw();
    this.refreshModel();
  }

  /** Saves every claim, the entities and the summary in one action (the corrected analysis). */
  private async saveSourcing(): Promise<void> {
    const request = this.sourcingRequest();
    if (!request.ok) {
      this.say(request.error);
      return;
    }
    try {
      const r = await sendMessage('saveSourcing', request.value);
      if (!r.ok) {
        this.say(r.error);
        return;
      }
      await this.refreshSaved();
      this.say(FactCheck.describeSaved(r.value, request.value));
    } catch (err) {
      this.say(`Could not save: ${(err as Error).message}`);
    }
  }

  /** The sourcing save request of this page, or why there is none. */
  private sourcingRequest(): Result<SaveSourcingRequest> {
    const article = this.article;
    if (!article || !this.analysis) return { ok: false, error: 'Analyze the page first: there is no sourcing yet.' };
    return { ok: true, value: sourcingRequest(articleInput(article), this.analysis) };
  }

  private say(message: string): void {
    this.store.set({ message });
    this.later(() => {
      if (this.store.get().message === message) this.store.set({ message: null });
    }, 4000);
  }

  private openEditor(target: { kind: 'selection'; range: Range } | { kind: 'item'; key: string }): void {
    const range = target.kind === 'selection' ? target.range : this.ranges.get(target.key);
    if (!range) return;
    const rect = range.getBoundingClientRect();
    this.editorTarget = target;
    this.store.set({
      editor: { x: rect.left, y: rect.bottom + 8, text: range.toString().replace(/\s+/g, ' ').trim() },
      card: null,
      selection: null,
    });
  }

  /** Opens the panel, analyzing first when the page was not analyzed. */
  async openPanel(): Promise<void> {
    await this.ensureOverlay();
    this.refreshModel();
    this.setPanelOpen(true);
    if (!this.asked) {
      this.asked = true;
      // "Off until I ask": opening the panel is asking
      if (this.settings.density === 'off' && this.analyzed) await this.anchorAndDraw();
    }
    if (!this.analyzed && isSiteEnabled(this.settings, location.href))
      await this.run({ analyze: true, reason: 'panel', force: this.store.get().status === 'no-article' });
  }

  /** Scrolls to an item, flashes it and shows its card. Entities cycle through their mentions. */
  private jump(key: string): void {
    let target = key;
    if (/^e\d+$/.test(key)) {
      const i = Number(key.slice(1));
      const n = this.analysis?.entities[i]?.mentions.length ?? 0;
      const from = this.jumpCursor.get(key) ?? 0;
      for (let step = 0; step < n; step++) {
        const j = (from + step) % n;
        if (this.ranges.has(mentionKey(i, j))) {
          target = mentionKey(i, j);
          this.jumpCursor.set(key, j + 1);
          break;
        }
      }
    }
    const range = this.ranges.get(target);
    if (!range) return;
    const el = range.startContainer.parentElement;
    const smooth = !matchMedia('(prefers-reduced-motion: reduce)').matches;
    el?.scrollIntoView({ block: 'center', behavior: smooth ? 'smooth' : 'auto' });
    this.drawing?.flash(range);
    this.later(() => this.showCard(target), smooth ? 450 : 50);
  }

  // ----------------------------------------------------------------------------------------------- cards

  private cardTimer: (() => void) | null = null;

  private cardFor(key: string): CardView | null {
    const item = this.items.get(key);
    const range = this.ranges.get(key);
    if (!item || !range || item.kind === 'note') return null;
    const rect = range.getClientRects()[0] ?? range.getBoundingClientRect();
    const base = { key, x: rect.left, y: rect.top, lineHeight: rect.height, saved: this.isSaved(item) };
    if (item.kind === 'mention') {
      const e = this.analysis?.entities[item.entity];
      return e ? { ...base, type: e.type, text: e.text } : null;
    }
    const q = this.analysis?.quotes[item.quote];
    if (!q) return null;
    return {
      ...base,
      type: 'quote',
      text: q.text,
      quote: {
        speaker: q.speaker,
        kind: q.kind,
        anonymous: q.anonymous,
        cue: q.cue,
        anonymityCue: q.anonymityCue ?? null,
        anonymityReason: q.anonymityReason ?? null,
        corrections: this.fact.describe(q),
      },
    };
  }

  private isSaved(item: Item): boolean {
    if (item.kind === 'note') return true;
    return this.saved.some(
      (s) =>
        (s.kind === 'quote' || s.kind === 'entity') && s.position?.start === item.start && s.position?.end === item.end,
    );
  }

  private showCard(key: string): void {
    const card = this.cardFor(key);
    if (!card) return;
    void this.ensureOverlay().then(() => this.store.set({ card }));
  }

  private scheduleCardHide(): void {
    this.cardTimer?.();
    this.cardTimer = this.later(() => {
      if (!this.cardInside) this.store.set({ card: null });
    }, 300);
  }

  /** The innermost analysis item at a point: an entity inside a quote wins over the quote. */
  private static pick(hits: HitItem<Item>[]): Item | null {
    const usable = hits.filter((h) => h.data.kind !== 'note');
    return (usable.find((h) => h.data.kind === 'mention') ?? usable[0])?.data ?? null;
  }

  private onPointer(x: number, y: number): void {
    if (this.store.get().editor || this.store.get().correction) return;
    const item = Session.pick(this.hit.atPoint(document, x, y));
    const current = this.store.get().card;
    if (item && item.key === current?.key) {
      this.cardTimer?.();
      return;
    }
    this.cardTimer?.();
    if (item) this.cardTimer = this.later(() => this.showCard(item.key), 200);
    else if (current) this.scheduleCardHide();
  }

  // ------------------------------------------------------------------------------------------------- saving

  private async save(annotation: AnnotationInput): Promise<AnnotationRecord | null> {
    const article = this.article;
    const request: SaveAnnotationRequest = {
      article: article ? articleInput(article) : pageInput(document),
      annotation,
    };
    try {
      const r = await sendMessage('saveAnnotation', request);
      if (!r.ok) {
        this.say(r.error);
        return null;
      }
      this.saved = [...this.saved, r.value.annotation];
      return r.value.annotation;
    } catch (err) {
      this.say(`Could not save: ${(err as Error).message}`);
      return null;
    }
  }

  /** Saves a selection as the reader's highlight (with a note when given) and draws it at once. */
  private async saveSelection(range: Range, comment: string): Promise<void> {
    const described = describeRange(document, range, this.article?.text ?? '');
    this.store.set({ selection: null });
    if (!described) return;
    const record = await this.save({
      kind: comment.trim() ? 'note' : 'highlight',
      category: 'note',
      quote: described.quote,
      position: described.position,
      comment: comment.trim(),
    });
    if (!record) return;
    const key = noteKey(record.id);
    const r = range.cloneRange();
    const item: Item = { kind: 'note', key, id: record.id };
    this.ranges.set(key, r);
    this.items.set(key, item);
    this.hit.add([{ layer: 'note', order: Number.MAX_SAFE_INTEGER, range: r, data: item }]);
    this.addDrawn([{ category: 'note', range: r }]);
    window.getSelection()?.removeAllRanges();
    this.refreshModel();
    this.say(comment.trim() ? 'Saved with your note.' : 'Saved.');
  }

  /** Saves a quote or entity mention from its card. */
  private async saveItem(key: string, comment: string): Promise<void> {
    const item = this.items.get(key);
    const text = this.article?.text;
    if (!item || item.kind === 'note' || !text) return;
    const quote = quoteSelector(text, item.start, item.end);
    const base = { quote, position: { start: item.start, end: item.end }, comment: comment.trim() };
    let record: AnnotationRecord | null;
    if (item.kind === 'quote') {
      const q = this.analysis?.quotes[item.quote];
      record = await this.save({
        ...base,
        kind: 'quote',
        category: q?.anonymous ? 'anonymous' : 'quote',
        speaker: q?.speaker?.slice(0, 2000) ?? null,
        quoteKind: q?.kind ?? null,
        anonymous: q?.anonymous ?? false,
        anonymityCue: q?.anonymityCue?.slice(0, 2000) ?? null,
        ...(this.analysis ? claimProfileFields(this.analysis, q, givenNameLists().givenGender) : {}),
      });
    } else {
      record = await this.save({ ...base, kind: 'entity', category: item.type });
    }
    if (!record) return;
    const range = this.ranges.get(key);
    if (range) {
      const nk = noteKey(record.id);
      const r = range.cloneRange();
      this.ranges.set(nk, r);
      this.items.set(nk, { kind: 'note', key: nk, id: record.id });
      this.addDrawn([{ category: 'note', range: r }]);
    }
    this.refreshModel();
    const card = this.store.get().card;
    if (card?.key === key) this.store.set({ card: { ...card, saved: true } });
    this.say('Saved.');
  }

  // ---------------------------------------------------------------------------------------------- listeners

  private registerMessages(): void {
    this.stops.push(
      onMessage('captureSelection', (): Result<SaveAnnotationRequest> => {
        const sel = window.getSelection();
        if (!sel || sel.isCollapsed || sel.rangeCount === 0) return { ok: false, error: 'Select some text first.' };
        const a = this.article ?? extractArticle(document, { force: true });
        const described = describeRange(document, sel.getRangeAt(0), a?.text ?? '');
        if (!described) return { ok: false, error: 'Select some text first.' };
        // the background saves it; pull the new record back to draw it
        this.later(() => void this.refreshSaved(), 400);
        return {
          ok: true,
          value: {
            article: a ? articleInput(a) : pageInput(document),
            annotation: {
              kind: 'highlight',
              category: 'note',
              quote: described.quote,
              position: described.position,
              comment: '',
            },
          },
        };
      }),
      onMessage('captureSourcing', async (): Promise<Result<SaveSourcingRequest>> => {
        if (!this.analyzed && isSiteEnabled(this.settings, location.href))
          await this.run({ analyze: true, reason: 'sourcing', force: true });
        const request = this.sourcingRequest();
        // the background saves it; pull the new records back to draw them
        if (request.ok) this.later(() => void this.refreshSaved(), 400);
        return request;
      }),
      onMessage('togglePanel', (): Result<null> => {
        if (this.store.get().panelOpen) this.setPanelOpen(false);
        else void this.openPanel();
        return { ok: true, value: null };
      }),
      onMessage('showPanel', (): Result<null> => {
        void this.openPanel();
        return { ok: true, value: null };
      }),
    );
  }

  /** Re-reads the saved annotations and draws the ones not drawn yet. */
  private async refreshSaved(): Promise<void> {
    const article = this.article;
    if (!article) return;
    const state = await this.fetchSaved(article);
    if (!state || this.signal.aborted || article !== this.article) return;
    this.saved = state.annotations;
    this.anchorSaved(state.annotations);
    this.refreshModel();
  }

  private listen(): void {
    const opts = { signal: this.signal, passive: true } as const;
    let frame = 0;
    let lastX = 0;
    let lastY = 0;
    document.addEventListener(
      'mousemove',
      (e) => {
        this.lastInput = 'mouse';
        lastX = e.clientX;
        lastY = e.clientY;
        if (this.overlay && e.composedPath().includes(this.overlay.host)) return;
        if (frame) return;
        frame = requestAnimationFrame(() => {
          frame = 0;
          if (!this.signal.aborted) this.onPointer(lastX, lastY);
        });
      },
      opts,
    );
    this.signal.addEventListener('abort', () => cancelAnimationFrame(frame), { once: true });
    document.addEventListener('keydown', () => (this.lastInput = 'key'), opts);
    window.addEventListener(
      'scroll',
      () => {
        if (this.store.get().card && !this.cardInside) this.store.set({ card: null });
      },
      opts,
    );
    let selTimer: (() => void) | null = null;
    document.addEventListener(
      'selectionchange',
      () => {
        selTimer?.();
        selTimer = this.later(() => this.onSelection(), 200);
      },
      opts,
    );
    // SPA navigation: a new article under a new URL
    this.ctx.addEventListener(window, 'wxt:locationchange', () => this.onNavigate());
    // An extension reload or update leaves this script orphaned; reading `ctx.isValid` notices that
    // (runtime.id disappears) and fires onInvalidated, so the page is cleaned up within two seconds.
    this.ctx.setInterval(() => undefined, 2000);
  }

  private onSelection(): void {
    if (this.store.get().editor) return;
    const sel = window.getSelection();
    if (!sel || sel.rangeCount === 0) return;
    const range = sel.getRangeAt(0);
    if (sel.isCollapsed) {
      this.pendingSelection = null;
      if (this.store.get().selection) this.store.set({ selection: null });
      // caret browsing: the caret entering a highlight shows its card, like hovering it
      if (this.lastInput === 'key') {
        const item = Session.pick(this.hit.atCaret({ node: range.startContainer, offset: range.startOffset }));
        if (item) this.showCard(item.key);
      }
      return;
    }
    const host = this.overlay?.host;
    if (host && host.contains(range.commonAncestorContainer)) return;
    if (!range.toString().trim()) return;
    if (!isSiteEnabled(this.settings, location.href)) return;
    this.pendingSelection = range.cloneRange();
    const rects = range.getClientRects();
    const last = rects[rects.length - 1] ?? range.getBoundingClientRect();
    void this.ensureOverlay().then(() =>
      this.store.set({ selection: { x: last.right - 40, y: last.bottom + 6 }, card: null }),
    );
  }

  private onNavigate(): void {
    if (normalizeUrl(location.href) === normalizeUrl(this.url)) return;
    this.url = location.href;
    this.saved = [];
    this.article = null;
    this.analysis = this.fact.setRaw(null);
    this.fact.setCorrections([]);
    this.analyzed = false;
    this.jumpCursor.clear();
    this.clearDrawing();
    this.store.set({ card: null, selection: null, editor: null, correction: null });
    if (!isSiteEnabled(this.settings, location.href)) {
      this.refreshModel('off');
      return;
    }
    // the new view renders after the history change; give it a moment
    this.later(
      () =>
        void this.run({ analyze: this.settings.mode === 'auto' || this.store.get().panelOpen, reason: 'navigation' }),
      300,
    );
  }

  // ------------------------------------------------------------------------------------------ dynamic pages

  private rerunTimer: (() => void) | null = null;
  private firstPending = 0;
  /** Grows while page changes leave the article text alone (tickers, ads), so such pages cost little. */
  private backoff = 1;

  /** Whether a mutation record is the page's (not ours) and may change the article text. */
  private relevant(r: MutationRecord): boolean {
    const host = this.overlay?.host;
    if (host && (r.target === host || host.contains(r.target))) return false;
    // CSS-in-JS libraries keep appending to <style> elements: never article text
    const el = r.target.nodeType === 1 ? (r.target as Element) : r.target.parentElement;
    if (el?.closest('script, style, noscript, template')) return false;
    if (r.type === 'characterData') return true;
    const nodes = [...r.addedNodes, ...r.removedNodes];
    return nodes.some((n) => !isOurs(n) && (n.nodeType === 3 ? !!n.nodeValue?.trim() : !!n.textContent?.trim()));
  }

  private observe(): void {
    if (!document.body) return;
    this.observer = new MutationObserver((records) => {
      if (records.some((r) => this.relevant(r))) this.scheduleRerun();
    });
    this.observer.observe(document.body, { childList: true, subtree: true, characterData: true });
    this.signal.addEventListener('abort', () => this.observer?.disconnect(), { once: true });
  }

  private scheduleRerun(): void {
    const now = performance.now();
    if (!this.rerunTimer) this.firstPending = now;
    this.rerunTimer?.();
    const wait = Math.max(
      0,
      Math.min(MUTATION_DEBOUNCE * this.backoff, this.firstPending + MUTATION_MAX_WAIT * this.backoff - now),
    );
    this.rerunTimer = this.later(() => {
      this.rerunTimer = null;
      void this.onMutations();
    }, wait);
  }

  /** After a burst of page changes: re-analyze when the article text changed, re-anchor when ranges broke. */
  private async onMutations(): Promise<void> {
    if (!isSiteEnabled(this.settings, location.href)) return;
    const before = this.article?.text;
    const gen = this.generation;
    const analyze = this.analyzed || this.settings.mode === 'auto';
    let got: Extraction;
    try {
      got = await this.extractAnywhere(
        { analyze, force: this.analyzed, unlessSame: this.fact.raw ? (before ?? null) : null },
        this.signal,
      );
    } catch {
      return;
    }
    // a run started meanwhile (navigation, settings) made its own extraction
    if (gen !== this.generation || this.signal.aborted) return;
    const next = got.article;
    if (next?.text === before) this.backoff = Math.min(16, this.backoff * 2);
    else this.backoff = 1;
    if (next && next.text === before) {
      // same text; the page may still have re-rendered the nodes our ranges point into
      const broken = [...this.ranges.values()].slice(0, 200).some((r) => !r.startContainer.isConnected);
      if (broken) await this.anchorAndDraw();
      return;
    }
    if (!next && !before) return;
    await this.run({ analyze, reason: 'mutation', extracted: got });
  }

  // ----------------------------------------------------------------------------------------------- settings

  private applySettings(s: Settings, first: boolean): void {
    const prev = this.settings;
    this.settings = s;
    if (first || CATEGORIES.some((c) => prev.categories[c] !== s.categories[c])) {
      this.visible = { ...s.categories };
      for (const c of CATEGORIES) this.drawing?.setVisible(c, this.visible[c]);
    }
    if (first || CATEGORIES.some((c) => prev.colors[c] !== s.colors[c])) {
      this.removeColors();
      const custom = CATEGORIES.some((c) => s.colors[c] !== DEFAULT_SETTINGS.colors[c]);
      this.removeColors = custom ? applyColors(document, s.colors) : () => undefined;
    }
    this.store.set({ visible: this.visible, colors: { ...s.colors }, density: s.density });
    if (!first && prev.density !== s.density && this.analyzed) void this.anchorAndDraw();
  }

  private onSettings(s: Settings): void {
    if (this.signal.aborted) return;
    const wasOn = isSiteEnabled(this.settings, location.href);
    const prevMode = this.settings.mode;
    this.applySettings(s, false);
    const isOn = isSiteEnabled(s, location.href);
    if (wasOn && !isOn) {
      this.clearDrawing();
      this.analysis = this.fact.setRaw(null);
      this.analyzed = false;
      this.store.set({ card: null, selection: null, editor: null, correction: null });
      this.refreshModel('off');
    } else if (!wasOn && isOn) {
      void this.run({ analyze: s.mode === 'auto' || this.store.get().panelOpen, reason: 'enabled' });
      if (!this.observer) this.observe();
    } else if (isOn && prevMode === 'click' && s.mode === 'auto' && !this.analyzed) {
      void this.run({ analyze: true, reason: 'mode' });
    }
  }

  // ------------------------------------------------------------------------------------------------ clean-up

  /** Removes everything this session added to the page. Idempotent. */
  dispose(): void {
    if (this.signal.aborted) return;
    this.life.abort();
    this.observer?.disconnect();
    this.observer = null;
    this.drawing?.remove();
    this.drawing = null;
    this.removeColors();
    for (const stop of this.stops.splice(0)) {
      try {
        stop();
      } catch {
        // already gone
      }
    }
    this.overlay?.remove();
    this.overlay = null;
    this.ranges.clear();
    this.items.clear();
    this.hit.clear();
  }
}
