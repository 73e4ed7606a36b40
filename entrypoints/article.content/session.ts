/**
 * The reading session (glue): its lifecycle and the order of things. It runs the pipeline's steps
 * (pipeline.ts: extract → analyze → anchor), hands the anchored ranges to the drawn layer (layer.ts), keeps
 * the overlay's state (panel, cards and forms from cards.ts), saves (saving.ts), and reacts to late content
 * (watch.ts), the reader's input (input.ts), SPA navigation and settings. One AbortController spans the
 * session; `dispose` removes every listener, observer, highlight and injected node.
 */
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { buildPanelModel, type HeaderView, type NoteInput } from '@/components/panel/model';
import type { CardView, CorrectionChange, OverlayCallbacks, OverlayState, PanelStatus } from '@/components/panel/types';
import type { Analysis } from '@/utils/analysis/types';
import { Anchorer } from '@/utils/anchoring/anchor';
import { describeRange } from '@/utils/anchoring/selection';
import { articleInput, extractArticle } from '@/utils/article/extract';
import { normalizeUrl } from '@/utils/article/url';
import { CATEGORIES, type Category } from '@/utils/highlight/categories';
import type { DrawOptions } from '@/utils/highlight/draw';
import type { AnnotationRecord, CorrectionRecord } from '@/utils/db/schema';
import { drawnKeys } from '@/utils/highlight/clutter';
import { applyColors } from '@/utils/highlight/styles';
import { locate } from '@/utils/corrections/apply';
import { sourcingRequest } from '@/utils/corrections/sourcing';
import {
  onMessage,
  sendMessage,
  type AnnotationInput,
  type ArticleData,
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
import { yieldToMain } from './analyze';
import { FactCheck } from './fact';
import { entityOf, mentionKey, noteItem, noteKey } from './keys';
import { cardView, claimForm, editForm, editorView } from './cards';
import { DrawnLayer } from './layer';
import {
  analysisTargets,
  analyzeInPage,
  anchorInSlices,
  categoryOf,
  extractAnywhere,
  fetchSaved,
  isOurs,
  type Extraction,
} from './pipeline';
import { analyzeOffThread } from './remote';
import { measure, measured } from './timing';
import { mountOverlay, Store, type MountedOverlay } from './ui';
import { watchInput } from './input';
import { itemAnnotation, saveRequest, selectionAnnotation, sendCorrections, sendSave, sendUndo } from './saving';
import { PageWatcher } from './watch';

/** How long the first drawing waits for the saved annotations before drawing without them. */
const SAVED_WAIT = 1500;

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
  /** What is anchored and drawn in the page. */
  private readonly layer = new DrawnLayer(document, (work) => this.watcher.quiet(work));
  private readonly jumpCursor = new Map<string, number>();
  private overlay: MountedOverlay | null = null;
  private mounting: Promise<MountedOverlay | null> | null = null;
  private readonly store: Store<OverlayState>;
  private removeColors: () => void = () => undefined;
  /** Late content: page mutations, debounced into re-runs. */
  private readonly watcher: PageWatcher;
  private generation = 0;
  private runController: AbortController | null = null;
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
      visible: { ...DEFAULT_SETTINGS.categories },
      colors: { ...DEFAULT_SETTINGS.colors },
      card: null,
      selection: null,
      editor: null,
      correction: null,
      message: null,
      density: DEFAULT_SETTINGS.density,
    });
    this.watcher = new PageWatcher(document, {
      host: () => this.overlay?.host ?? null,
      isOurs,
      onBurst: () => void this.onMutations(),
      later: (fn, ms) => this.later(fn, ms),
      signal: this.signal,
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

  /** Whether the page has an analysis (the reader's corrections applied). */
  private analyzed(): boolean {
    return !!this.analysis;
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
    this.watcher.start();
  }

  // ---------------------------------------------------------------------------------------------- pipeline

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
        got = await extractAnywhere(
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
      this.layer.clear();
      this.analysis = this.fact.setRaw(null);
      this.refreshModel('no-article');
      return;
    }
    const seen = fetchSaved(article);
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
    measured('sourcelight:model', () => this.refreshModel(this.analyzed() ? 'ready' : 'click-to-analyze'));
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
        this.refreshModel(this.analyzed() ? 'ready' : 'click-to-analyze');
      });
    }
  }

  /** Anchors the analysis and the saved notes in one pass over the live page, then draws them. */
  private async anchorAndDraw(isStale: () => boolean = () => this.signal.aborted): Promise<void> {
    const article = this.article;
    if (!article || !document.body) return;
    // Marks change the DOM the index is built from: take them out first. Highlights can stay until the
    // new drawing replaces them, so nothing flickers.
    if (this.layer.mode === 'marks') this.layer.clear();
    const { targets, items } = analysisTargets(this.analysis);
    for (const s of this.saved) {
      targets.push({ id: noteKey(s.id), quote: s.quote, position: s.position });
      items.push(noteItem(s.id));
    }
    const result = await anchorInSlices(document.body, article.text, targets, isStale);
    if (!result) return;
    // anchoring a large article and drawing it are two tasks, not one long one
    await yieldToMain();
    if (isStale()) return;
    // what lies between anchoring and drawing (density choice, hit-test index), for the bench
    const prepared = performance.now();
    const byKey = new Map(items.map((i) => [i.key, i]));
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
    const drawItems = this.layer.index(result.anchored, items, shown, (item) => categoryOf(item, this.analysis));
    measure('sourcelight:prepare', prepared);
    measured('sourcelight:draw', () => this.layer.redraw(drawItems, this.drawOptions()));
    this.reportSaved(result.orphans);
  }

  /** Whether the reader asked for highlights (opened the panel): "Off until I ask" then draws. */
  private asked = false;

  /** The density in effect: "off" becomes "sources" once the reader has asked. */
  private density(): 'sources' | 'everything' | 'off' {
    const d = this.settings.density;
    return d === 'off' ? (this.asked ? 'sources' : 'off') : d;
  }

  /** Every mention of an entity while its panel row is hovered (null: the hover ended). */
  private spotlight(entityKey: string | null): void {
    const i = entityOf(entityKey);
    const e = i === null ? undefined : this.analysis?.entities[i];
    this.layer.spotlight(e ? e.type : null, e && i !== null ? e.mentions.map((_, j) => mentionKey(i, j)) : []);
  }

  /** Anchors saved annotations that arrived after the drawing (a fresh index: the DOM may have changed). */
  private anchorSaved(records: AnnotationRecord[]): void {
    const article = this.article;
    if (!article || !document.body) return;
    const fresh = records.filter((r) => !this.layer.has(noteKey(r.id)));
    if (!fresh.length) return;
    // the record id of each target, so nothing decodes it back out of the key
    const idOf = new Map(fresh.map((r) => [noteKey(r.id), r.id]));
    const result = new Anchorer(document.body, article.text, { exclude: isOurs }).anchor(
      fresh.map((r) => ({ id: noteKey(r.id), quote: r.quote, position: r.position })),
    );
    this.layer.addNotes(
      result.anchored.flatMap((a) => {
        const id = idOf.get(a.id);
        return id === undefined ? [] : [{ id, range: a.range, order: a.start }];
      }),
      this.drawOptions(),
    );
    for (const o of result.orphans) {
      const id = idOf.get(o);
      if (id !== undefined) this.layer.remember(noteItem(id));
    }
    this.reportSaved(result.orphans);
  }

  /** How the layer draws now: the visible categories, the colors, the concealed categories. */
  private drawOptions(): DrawOptions {
    return { visible: this.store.get().visible, colors: this.settings.colors, concealed: this.concealed() };
  }

  /** Tells the background which saved annotations were found and which are orphans. */
  private reportSaved(orphanKeys: string[]): void {
    if (!this.saved.length) return;
    const orphaned = new Set(orphanKeys);
    const ids = this.saved.map((s) => s.id);
    void sendMessage('setAnchorStatus', {
      found: ids.filter((id) => !orphaned.has(noteKey(id)) && this.layer.has(noteKey(id))),
      orphaned: ids.filter((id) => orphaned.has(noteKey(id))),
    }).catch(() => undefined);
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
    const model = buildPanelModel(this.header(), this.analysis, notes, this.layer.anchoredKeys(), {
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
    this.layer.conceal('note', !open);
  }

  private callbacks(): OverlayCallbacks {
    return {
      onClose: () => this.setPanelOpen(false),
      onToggleCategory: (c, show) => {
        this.layer.setVisible(c, show);
        this.store.set({ visible: { ...this.store.get().visible, [c]: show } });
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
    const item = this.layer.item(key);
    const range = this.layer.range(key);
    const q = item?.kind === 'quote' ? this.analysis?.quotes[item.quote] : undefined;
    if (!q || !range || item?.kind !== 'quote') return;
    const rect = range.getBoundingClientRect();
    this.fact.target = { mode: 'edit', quote: q };
    this.store.set({
      card: null,
      selection: null,
      correction: editForm(q, rect, this.fact.choices(this.analysis)),
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
      correction: claimForm(described.quote.exact, range.toString(), rect, this.fact.choices(this.analysis)),
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
    const { saved, error } = await sendCorrections(article, inputs);
    if (error !== null) this.say(error);
    if (!saved.length || article !== this.article) return;
    await this.recorrect([...this.fact.corrections, ...saved]);
    if (saved.length === inputs.length) this.say(target.mode === 'add' ? 'Claim added.' : 'Correction saved.');
  }

  /** Undoes one correction (deletes its record), then redraws. */
  private async undoCorrection(id: string): Promise<void> {
    const error = await sendUndo(id);
    if (error !== null) {
      this.say(error);
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
    const range = target.kind === 'selection' ? target.range : this.layer.range(target.key);
    if (!range) return;
    this.editorTarget = target;
    this.store.set({
      editor: editorView(range),
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
      if (this.settings.density === 'off' && this.analyzed()) await this.anchorAndDraw();
    }
    if (!this.analyzed() && isSiteEnabled(this.settings, location.href))
      await this.run({ analyze: true, reason: 'panel', force: this.store.get().status === 'no-article' });
  }

  /** Scrolls to an item, flashes it and shows its card. Entities cycle through their mentions. */
  private jump(key: string): void {
    let target = key;
    const i = entityOf(key);
    if (i !== null) {
      const n = this.analysis?.entities[i]?.mentions.length ?? 0;
      const from = this.jumpCursor.get(key) ?? 0;
      for (let step = 0; step < n; step++) {
        const j = (from + step) % n;
        if (this.layer.has(mentionKey(i, j))) {
          target = mentionKey(i, j);
          this.jumpCursor.set(key, j + 1);
          break;
        }
      }
    }
    const range = this.layer.range(target);
    if (!range) return;
    const el = range.startContainer.parentElement;
    const smooth = !matchMedia('(prefers-reduced-motion: reduce)').matches;
    el?.scrollIntoView({ block: 'center', behavior: smooth ? 'smooth' : 'auto' });
    this.layer.flash(range);
    this.later(() => this.showCard(target), smooth ? 450 : 50);
  }

  // ----------------------------------------------------------------------------------------------- cards

  private cardTimer: (() => void) | null = null;

  private cardFor(key: string): CardView | null {
    const item = this.layer.item(key);
    const range = this.layer.range(key);
    if (!item || !range) return null;
    return cardView(key, item, range, this.analysis, this.saved, (q) => this.fact.describe(q));
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

  private onPointer(x: number, y: number): void {
    if (this.store.get().editor || this.store.get().correction) return;
    const item = this.layer.atPoint(x, y);
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
    const r = await sendSave(saveRequest(this.article, annotation));
    if (!r.ok) {
      this.say(r.error);
      return null;
    }
    this.saved = [...this.saved, r.record];
    return r.record;
  }

  /** Draws a note just saved over a copy of `range` (after everything anchored: last in document order). */
  private addNote(id: string, range: Range): void {
    this.layer.addNotes([{ id, range: range.cloneRange(), order: Number.MAX_SAFE_INTEGER }], this.drawOptions());
  }

  /** Saves a selection as the reader's highlight (with a note when given) and draws it at once. */
  private async saveSelection(range: Range, comment: string): Promise<void> {
    const described = describeRange(document, range, this.article?.text ?? '');
    this.store.set({ selection: null });
    if (!described) return;
    const record = await this.save(selectionAnnotation(described, comment));
    if (!record) return;
    this.addNote(record.id, range);
    window.getSelection()?.removeAllRanges();
    this.refreshModel();
    this.say(comment.trim() ? 'Saved with your note.' : 'Saved.');
  }

  /** Saves a quote or entity mention from its card. */
  private async saveItem(key: string, comment: string): Promise<void> {
    const item = this.layer.item(key);
    const text = this.article?.text;
    if (!item || item.kind === 'note' || !text) return;
    const record = await this.save(itemAnnotation(item, text, this.analysis, comment));
    if (!record) return;
    const range = this.layer.range(key);
    if (range) this.addNote(record.id, range);
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
        return { ok: true, value: saveRequest(a, selectionAnnotation(described, '')) };
      }),
      onMessage('captureSourcing', async (): Promise<Result<SaveSourcingRequest>> => {
        if (!this.analyzed() && isSiteEnabled(this.settings, location.href))
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
    const state = await fetchSaved(article);
    if (!state || this.signal.aborted || article !== this.article) return;
    this.saved = state.annotations;
    this.anchorSaved(state.annotations);
    this.refreshModel();
  }

  private listen(): void {
    watchInput(document, window, {
      onPointer: (x, y) => this.onPointer(x, y),
      onInput: (kind) => (this.lastInput = kind),
      onScroll: () => {
        if (this.store.get().card && !this.cardInside) this.store.set({ card: null });
      },
      onSelection: () => this.onSelection(),
      overlayHost: () => this.overlay?.host ?? null,
      later: (fn, ms) => this.later(fn, ms),
      signal: this.signal,
    });
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
        const item = this.layer.atCaret({ node: range.startContainer, offset: range.startOffset });
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
    this.jumpCursor.clear();
    this.layer.clear();
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

  /** After a burst of page changes: re-analyze when the article text changed, re-anchor when ranges broke. */
  private async onMutations(): Promise<void> {
    if (!isSiteEnabled(this.settings, location.href)) return;
    const before = this.article?.text;
    const gen = this.generation;
    const analyze = this.analyzed() || this.settings.mode === 'auto';
    let got: Extraction;
    try {
      got = await extractAnywhere(
        { analyze, force: this.analyzed(), unlessSame: this.fact.raw ? (before ?? null) : null },
        this.signal,
      );
    } catch {
      return;
    }
    // a run started meanwhile (navigation, settings) made its own extraction
    if (gen !== this.generation || this.signal.aborted) return;
    const next = got.article;
    this.watcher.settle(next?.text === before);
    if (next && next.text === before) {
      // same text; the page may still have re-rendered the nodes our ranges point into
      if (this.layer.broken()) await this.anchorAndDraw();
      return;
    }
    if (!next && !before) return;
    await this.run({ analyze, reason: 'mutation', extracted: got });
  }

  // ----------------------------------------------------------------------------------------------- settings

  private applySettings(s: Settings, first: boolean): void {
    const prev = this.settings;
    this.settings = s;
    // the shown categories live in the overlay's state only; settings replace them when they change
    let visible = this.store.get().visible;
    if (first || CATEGORIES.some((c) => prev.categories[c] !== s.categories[c])) {
      visible = { ...s.categories };
      for (const c of CATEGORIES) this.layer.setVisible(c, visible[c]);
    }
    if (first || CATEGORIES.some((c) => prev.colors[c] !== s.colors[c])) {
      this.removeColors();
      const custom = CATEGORIES.some((c) => s.colors[c] !== DEFAULT_SETTINGS.colors[c]);
      this.removeColors = custom ? applyColors(document, s.colors) : () => undefined;
    }
    this.store.set({ visible, colors: { ...s.colors }, density: s.density });
    if (!first && prev.density !== s.density && this.analyzed()) void this.anchorAndDraw();
  }

  private onSettings(s: Settings): void {
    if (this.signal.aborted) return;
    const wasOn = isSiteEnabled(this.settings, location.href);
    const prevMode = this.settings.mode;
    this.applySettings(s, false);
    const isOn = isSiteEnabled(s, location.href);
    if (wasOn && !isOn) {
      this.layer.clear();
      this.analysis = this.fact.setRaw(null);
      this.store.set({ card: null, selection: null, editor: null, correction: null });
      this.refreshModel('off');
    } else if (!wasOn && isOn) {
      void this.run({ analyze: s.mode === 'auto' || this.store.get().panelOpen, reason: 'enabled' });
      if (!this.watcher.started) this.watcher.start();
    } else if (isOn && prevMode === 'click' && s.mode === 'auto' && !this.analyzed()) {
      void this.run({ analyze: true, reason: 'mode' });
    }
  }

  // ------------------------------------------------------------------------------------------------ clean-up

  /** Removes everything this session added to the page. Idempotent. */
  dispose(): void {
    if (this.signal.aborted) return;
    this.life.abort();
    this.watcher.stop();
    this.layer.clear();
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
  }
}
