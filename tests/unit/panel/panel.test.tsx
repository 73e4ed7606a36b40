// @vitest-environment jsdom
/**
 * Panel components: rendered with React into jsdom, driven through their props and callbacks only.
 */
import { act } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { buildPanelModel, formatDate, mentionKey, noteKey, quoteKey } from '../../../components/panel/model';
import { Overlay } from '../../../components/panel/Overlay';
import { SpeakerList } from '../../../components/panel/SpeakerList';
import type { OverlayCallbacks, OverlayState } from '../../../components/panel/types';
import type { Analysis } from '../../../utils/analysis/types';
import { DEFAULT_SETTINGS } from '../../../utils/settings';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

const text =
  'Maria Lopes said "we will rebuild the wall" in Lisbon. An official, who spoke on condition of anonymity, said the plan failed.';
const analysis: Analysis = {
  title: 'Harbour wall',
  byline: null,
  siteName: null,
  publishedTime: null,
  text,
  entities: [
    { text: 'Maria Lopes', type: 'person', mentions: [{ start: 0, end: 11, text: 'Maria Lopes' }] },
    {
      text: 'Lisbon',
      type: 'place',
      mentions: [
        { start: 46, end: 52, text: 'Lisbon' },
        { start: 46, end: 52, text: 'Lisbon' },
      ],
    },
  ],
  quotes: [
    {
      text: 'we will rebuild the wall',
      kind: 'direct',
      speaker: 'Maria Lopes',
      anonymous: false,
      start: 18,
      end: 42,
      cue: 'said',
    },
    {
      text: 'the plan failed',
      kind: 'indirect',
      speaker: 'An official',
      anonymous: true,
      start: 110,
      end: 125,
      cue: 'said',
      anonymityCue: 'on condition of anonymity',
    },
  ],
  speakers: { speakers: [], named: 1, anonymous: 1, anonymousShare: 0.5 },
};
const header = {
  title: 'Harbour wall',
  siteName: 'The Ledger',
  byline: 'By Ines',
  publishedTime: '2026-03-02T08:00:00Z',
};

function callbacks(): OverlayCallbacks & Record<string, ReturnType<typeof vi.fn>> {
  const names = [
    'onClose',
    'onToggleCategory',
    'onJump',
    'onAnalyze',
    'onSiteEnabled',
    'onSaveItem',
    'onNoteItem',
    'onCardHover',
    'onCardDismiss',
    'onSaveSelection',
    'onNoteSelection',
    'onEditorSave',
    'onEditorCancel',
    'onDismissMessage',
    'onCorrectItem',
    'onClaimSelection',
    'onCorrectionSave',
    'onCorrectionCancel',
    'onUndoCorrection',
    'onSaveSourcing',
    'onEntityHover',
    'onDensity',
  ];
  return Object.fromEntries(names.map((n) => [n, vi.fn()])) as unknown as OverlayCallbacks &
    Record<string, ReturnType<typeof vi.fn>>;
}

function state(patch: Partial<OverlayState> = {}): OverlayState {
  const anchored = new Set([mentionKey(0, 0), mentionKey(1, 0), quoteKey(0), noteKey('a')]);
  return {
    panelOpen: true,
    status: 'ready',
    model: buildPanelModel(
      header,
      analysis,
      [
        { id: 'a', text: 'rebuild the wall', comment: 'check', kind: 'note' },
        { id: 'b', text: 'a sentence that was edited away', comment: '', kind: 'highlight' },
      ],
      anchored,
    ),
    visible: { ...DEFAULT_SETTINGS.categories },
    colors: { ...DEFAULT_SETTINGS.colors },
    card: null,
    selection: null,
    editor: null,
    correction: null,
    message: null,
    density: 'sources',
    ...patch,
  };
}

let root: Root | null = null;
let host: HTMLElement | null = null;
function render(props: OverlayState & OverlayCallbacks): HTMLElement {
  host = document.createElement('div');
  document.body.appendChild(host);
  root = createRoot(host);
  act(() => root!.render(<Overlay {...props} />));
  return host;
}
afterEach(() => {
  act(() => root?.unmount());
  host?.remove();
  root = null;
});

const button = (el: HTMLElement, label: string) =>
  [...el.querySelectorAll('button')].find(
    (b) => (b.textContent ?? '').includes(label) || b.getAttribute('aria-label')?.includes(label),
  );

describe('buildPanelModel', () => {
  it('groups quotes by speaker, counts mentions, marks orphans', () => {
    const m = state().model!;
    expect(m.speakers.map((s) => [s.name, s.anonymous, s.direct, s.indirect])).toEqual([
      ['An official', true, 0, 1],
      ['Maria Lopes', false, 1, 0],
    ]);
    expect(m.entities.place[0]).toMatchObject({ text: 'Lisbon', count: 2, found: 1 });
    expect(m.summary).toEqual({ named: 1, anonymous: 1, share: 0.5 });
    expect(m.notes.map((n) => [n.key, n.orphaned])).toEqual([
      ['n:a', false],
      ['n:b', true],
    ]);
    expect(m.speakers[0]!.quotes[0]!.found).toBe(false);
  });

  it('formats ISO dates and keeps other strings', () => {
    expect(formatDate('not a date')).toBe('not a date');
    expect(formatDate(null)).toBeNull();
    expect(formatDate('2026-03-02T08:00:00Z')).toMatch(/2026/);
  });
});

describe('Panel', () => {
  it('shows header, summary, speakers, entities and notes with orphans', () => {
    const el = render({ ...state(), ...callbacks() });
    const panel = el.querySelector('[role=complementary]')!;
    expect(panel.getAttribute('aria-label')).toContain('Sourcelight');
    expect(panel.textContent).toContain('Harbour wall');
    expect(panel.textContent).toContain('The Ledger · By Ines');
    expect(panel.querySelector('.sl-summary')!.textContent).toContain('50%');
    expect(panel.querySelector('.sl-speakers')!.textContent).toContain('Maria Lopes');
    expect(panel.querySelector('.sl-speakers')!.textContent).toContain('on condition of anonymity');
    expect(panel.textContent).toContain('People');
    expect(panel.textContent).toContain('Places');
    expect(panel.querySelector('.sl-orphan')!.textContent).toContain('Not found in this page');
  });

  it('jumps to found items and disables the unfound ones', () => {
    const cb = callbacks();
    const el = render({ ...state(), ...cb });
    act(() => button(el, 'we will rebuild the wall')!.click());
    expect(cb.onJump).toHaveBeenCalledWith(quoteKey(0));
    expect(button(el, 'the plan failed')!.disabled).toBe(true);
    act(() => button(el, 'Lisbon, 2 mentions')!.click());
    expect(cb.onJump).toHaveBeenCalledWith('e1');
  });

  it('toggles categories (switches that say on/off) and closes on Escape and on the close button', () => {
    const cb = callbacks();
    const el = render({ ...state({ visible: { ...DEFAULT_SETTINGS.categories, place: false } }), ...cb });
    const places = [...el.querySelectorAll<HTMLButtonElement>('.sl-legend button')].find((b) =>
      b.textContent?.startsWith('Places'),
    )!;
    expect([places.getAttribute('role'), places.getAttribute('aria-checked')]).toEqual(['switch', 'false']);
    expect(places.textContent).toContain('off');
    act(() => places.click());
    expect(cb.onToggleCategory).toHaveBeenCalledWith('place', true);
    act(() => [...el.querySelectorAll<HTMLButtonElement>('.sl-legend button')][0]!.click());
    expect(cb.onToggleCategory).toHaveBeenCalledWith('person', false);
    const panel = el.querySelector<HTMLElement>('[role=complementary]')!;
    act(() => panel.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true })));
    expect(cb.onClose).toHaveBeenCalledTimes(1);
    act(() => button(el, 'Close the Sourcelight panel')!.click());
    expect(cb.onClose).toHaveBeenCalledTimes(2);
  });

  it('offers to analyze in click mode and to switch a site back on', () => {
    const cb = callbacks();
    const el = render({ ...state({ status: 'click-to-analyze' }), ...cb });
    act(() => button(el, 'Analyze this page')!.click());
    expect(cb.onAnalyze).toHaveBeenCalled();
    act(() => root!.render(<Overlay {...state({ status: 'off' })} {...cb} />));
    act(() => button(el, 'Turn on for this site')!.click());
    expect(cb.onSiteEnabled).toHaveBeenCalledWith(true);
  });

  it('renders page-derived text as text, never as markup', () => {
    const hostile = { ...header, title: '<img src=x onerror=alert(1)>' };
    const m = buildPanelModel(hostile, analysis, [], new Set());
    const el = render({ ...state({ model: m }), ...callbacks() });
    expect(el.querySelector('img')).toBeNull();
    expect(el.textContent).toContain('<img src=x onerror=alert(1)>');
  });
});

describe('SpeakerList', () => {
  it('shows a few quotes per speaker and the rest on demand', () => {
    const quotes = Array.from({ length: 8 }, (_, i) => ({
      key: `q${i}`,
      text: `quote ${i}`,
      kind: 'direct' as const,
      speaker: 'Maria Lopes',
      anonymous: false,
      cue: 'said',
      anonymityCue: null,
      anonymityReason: null,
      corrected: false,
      found: true,
    }));
    const el = document.createElement('div');
    document.body.appendChild(el);
    const r = createRoot(el);
    act(() =>
      r.render(
        <SpeakerList
          speakers={[{ key: 's', name: 'Maria Lopes', anonymous: false, direct: 8, indirect: 0, quotes }]}
          onJump={() => undefined}
        />,
      ),
    );
    expect(el.querySelectorAll('.sl-quote').length).toBe(6);
    act(() => button(el, 'Show all 8 quotes')!.click());
    expect(el.querySelectorAll('.sl-quote').length).toBe(8);
    act(() => r.unmount());
    el.remove();
  });
});

describe('cards, selection button, note editor', () => {
  it('shows a quote card with speaker, kind, anonymity cue and its actions', () => {
    const cb = callbacks();
    const card = {
      key: quoteKey(1),
      x: 10,
      y: 10,
      lineHeight: 18,
      type: 'quote' as const,
      text: 'the plan failed',
      quote: {
        speaker: 'An official',
        kind: 'indirect' as const,
        anonymous: true,
        cue: 'said',
        anonymityCue: 'on condition of anonymity',
        anonymityReason: "cue: 'on condition of anonymity'",
        corrections: [],
      },
      saved: false,
    };
    const el = render({ ...state({ panelOpen: false, card }), ...cb });
    const dialog = el.querySelector('.sl-card')!;
    expect(dialog.textContent).toContain('Anonymous sources');
    expect(dialog.textContent).toContain('An official');
    expect(dialog.textContent).toContain('Indirect');
    expect(dialog.textContent).toContain('on condition of anonymity');
    act(() => button(el, 'Save')!.click());
    expect(cb.onSaveItem).toHaveBeenCalledWith(quoteKey(1));
    act(() => button(el, 'Add note')!.click());
    expect(cb.onNoteItem).toHaveBeenCalledWith(quoteKey(1));
  });

  it('selection button saves or opens the editor; the editor saves the note', () => {
    const cb = callbacks();
    const el = render({ ...state({ panelOpen: false, selection: { x: 5, y: 5 } }), ...cb });
    act(() => button(el, 'Save')!.click());
    expect(cb.onSaveSelection).toHaveBeenCalled();
    act(() => button(el, 'Add note')!.click());
    expect(cb.onNoteSelection).toHaveBeenCalled();
    act(() =>
      root!.render(
        <Overlay {...state({ panelOpen: false, editor: { x: 5, y: 5, text: 'rebuild the wall' } })} {...cb} />,
      ),
    );
    const ta = el.querySelector('textarea')!;
    act(() => {
      Object.getOwnPropertyDescriptor(HTMLTextAreaElement.prototype, 'value')!.set!.call(ta, 'my note');
      ta.dispatchEvent(new Event('input', { bubbles: true }));
    });
    act(() => button(el, 'Save')!.click());
    expect(cb.onEditorSave).toHaveBeenCalledWith('my note');
    act(() =>
      el.querySelector('.sl-editor')!.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true })),
    );
    expect(cb.onEditorCancel).toHaveBeenCalled();
  });

  it('a corrected card says so and lists what changed; "Correct…" opens the form', () => {
    const cb = callbacks();
    const card = {
      key: quoteKey(0),
      x: 10,
      y: 10,
      lineHeight: 18,
      type: 'quote' as const,
      text: 'the plan failed',
      quote: {
        speaker: 'Jo Bloggs',
        kind: 'indirect' as const,
        anonymous: true,
        cue: 'said',
        anonymityCue: null,
        anonymityReason: "plural group: 'analysts'",
        corrections: ['Speaker: Jo Bloggs (was analysts)'],
      },
      saved: false,
    };
    const el = render({ ...state({ panelOpen: false, card }), ...cb });
    const dialog = el.querySelector('.sl-card')!;
    expect(dialog.textContent).toContain('corrected');
    expect(dialog.textContent).toContain('Speaker: Jo Bloggs (was analysts)');
    expect(dialog.textContent).toContain("plural group: 'analysts'");
    act(() => button(el, 'Correct…')!.click());
    expect(cb.onCorrectItem).toHaveBeenCalledWith(quoteKey(0));
  });

  it('the correction form picks a speaker from the article (a named source) or marks "not a quote"', () => {
    const cb = callbacks();
    const correction = {
      mode: 'edit' as const,
      x: 5,
      y: 5,
      text: 'the plan failed',
      speaker: 'an aide',
      anonymous: true,
      kind: 'indirect' as const,
      choices: ['Maria Lopes', 'City Council'],
    };
    const el = render({ ...state({ panelOpen: false, correction }), ...cb });
    const select = el.querySelector('select')!;
    act(() => {
      select.value = 'Maria Lopes';
      select.dispatchEvent(new Event('change', { bubbles: true }));
    });
    act(() => button(el, 'Save correction')!.click());
    expect(cb.onCorrectionSave).toHaveBeenCalledWith({ speaker: 'Maria Lopes', anonymous: false, kind: 'indirect' });
    act(() => button(el, 'Not a quote')!.click());
    expect(cb.onCorrectionSave).toHaveBeenLastCalledWith(expect.objectContaining({ notAQuote: true }));
    act(() =>
      el.querySelector('.sl-correct')!.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true })),
    );
    expect(cb.onCorrectionCancel).toHaveBeenCalled();
  });

  it('a new claim needs a speaker or the anonymous box before it can be saved', () => {
    const cb = callbacks();
    const correction = {
      mode: 'add' as const,
      x: 5,
      y: 5,
      text: 'The works start in May.',
      speaker: null,
      anonymous: false,
      kind: 'indirect' as const,
      choices: [],
    };
    const el = render({ ...state({ panelOpen: false, correction }), ...cb });
    const save = button(el, 'Save claim')!;
    expect(save.disabled).toBe(true);
    expect(el.textContent).toContain('Name the speaker');
    const box = el.querySelector<HTMLInputElement>('input[type=checkbox]')!;
    act(() => box.click());
    expect(save.disabled).toBe(false);
    act(() => save.click());
    expect(cb.onCorrectionSave).toHaveBeenCalledWith({ speaker: null, anonymous: true, kind: 'indirect' });
  });

  it('the panel offers "Save all sourcing" and lists corrections with Undo', () => {
    const cb = callbacks();
    const s = state();
    s.model = {
      ...s.model!,
      corrections: [{ id: 'c1', description: 'Not a quote', passage: 'Rebuilding', orphaned: false }],
    };
    const el = render({ ...s, ...cb });
    act(() => button(el, 'Save all sourcing')!.click());
    expect(cb.onSaveSourcing).toHaveBeenCalled();
    act(() => el.querySelector<HTMLButtonElement>('[aria-label="Undo: Not a quote"]')!.click());
    expect(cb.onUndoCorrection).toHaveBeenCalledWith('c1');
  });
});
