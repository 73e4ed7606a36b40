// @vitest-environment jsdom
// The popup's library view, rendered with react-dom in jsdom on a fake-indexeddb database that updates it
// live (dexie-react-hooks), as the popup does: list and badges, search and filters, note editing, delete
// and undo, keyboard navigation, the people view, export, restore, and page text that never becomes HTML.
import 'fake-indexeddb/auto';
import { act, useMemo } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { useLiveQuery } from 'dexie-react-hooks';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { Library, type LibraryActions } from '../../../components/library/Library';
import {
  deleteAnnotations,
  deleteArticle,
  loadLibrary,
  pendingUndo,
  restoreSnapshot,
  saveNote,
} from '../../../utils/db/library';
import { importBackupText, describeImport } from '../../../utils/db/backup';
import { saveAnnotation } from '../../../utils/db/queries';
import type { SourcelightDB } from '../../../utils/db/schema';
import type { ExportFile } from '../../../utils/export/bundle';
import { annotation, article, freshDb } from '../db/helpers';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

let root: Root;
let container: HTMLElement;
let db: SourcelightDB;
let spies: {
  openArticle: ReturnType<typeof vi.fn<LibraryActions['openArticle']>>;
  deliver: ReturnType<typeof vi.fn<LibraryActions['deliver']>>;
};

function Harness({ actions }: { actions: LibraryActions }) {
  const data = useLiveQuery(() => loadLibrary(db), []);
  const stable = useMemo(() => actions, [actions]);
  return <Library data={data} actions={stable} theme="system" onThemeChange={() => undefined} now={() => 0} />;
}

function makeActions(): LibraryActions {
  spies = {
    openArticle: vi.fn<LibraryActions['openArticle']>(async () => undefined),
    deliver: vi.fn<LibraryActions['deliver']>(async () => undefined),
  };
  return {
    updateNote: (id, c, base) => saveNote(db, id, c, base),
    deleteAnnotation: (id, m) => deleteAnnotations(db, [id], m),
    deleteArticle: (id, m) => deleteArticle(db, id, m),
    restore: (s) => restoreSnapshot(db, s),
    pendingUndo: () => pendingUndo(db),
    openArticle: spies.openArticle,
    deliver: spies.deliver,
    backup: async () => 'ok',
    restoreBackup: async (text) => {
      const r = await importBackupText(db, text);
      if (!r.ok) throw new Error(r.error);
      return describeImport(r.value);
    },
  };
}

async function seed() {
  const a1 = article({
    url: 'https://news.example/a',
    canonicalUrl: null,
    title: 'Budget talks stall',
    siteName: 'Example News',
  });
  const a2 = article({
    url: 'https://other.example/b',
    canonicalUrl: null,
    title: 'Flood warning',
    siteName: 'Other Post',
  });
  await saveAnnotation(
    db,
    {
      article: a1,
      annotation: annotation({
        quote: { exact: 'The budget is dead', prefix: '', suffix: '' },
        comment: 'big if true',
      }),
    },
    1000,
  );
  await saveAnnotation(
    db,
    {
      article: a1,
      annotation: annotation({
        kind: 'quote',
        category: 'quote',
        quote: { exact: 'We will not sign it', prefix: '', suffix: '' },
        speaker: 'Amadou Diop',
        quoteKind: 'direct',
      }),
    },
    2000,
  );
  const anon = await saveAnnotation(
    db,
    {
      article: a2,
      annotation: annotation({
        kind: 'quote',
        category: 'anonymous',
        quote: { exact: 'the levee may fail <img src=x onerror="window.__pwned=1">', prefix: '', suffix: '' },
        speaker: 'an official',
        quoteKind: 'indirect',
        anonymous: true,
        anonymityCue: 'who was not authorized to speak',
      }),
    },
    3000,
  );
  await db.annotations.update(anon.annotation.id, { orphaned: true });
  await saveAnnotation(
    db,
    {
      article: a2,
      annotation: annotation({
        kind: 'entity',
        category: 'person',
        quote: { exact: 'Amadou Diop', prefix: '', suffix: '' },
      }),
    },
    4000,
  );
}

const $ = <T extends Element = HTMLElement>(sel: string) => container.querySelector<T>(sel);
const $$ = (sel: string) => [...container.querySelectorAll<HTMLElement>(sel)];
const texts = (sel: string) => $$(sel).map((e) => e.textContent);
const button = (label: string, scope: ParentNode = container) =>
  [...scope.querySelectorAll<HTMLButtonElement>('button')].find((b) => b.textContent === label)!;

async function waitFor<T>(fn: () => T, what = 'condition'): Promise<NonNullable<T>> {
  for (let i = 0; i < 200; i++) {
    const v = fn();
    if (v) return v as NonNullable<T>;
    await act(async () => void (await new Promise((r) => setTimeout(r, 10))));
  }
  throw new Error(`timed out waiting for ${what}`);
}

async function click(el: HTMLElement) {
  await act(async () => el.click());
}
async function typeInto(el: HTMLInputElement | HTMLTextAreaElement, value: string) {
  const proto = el instanceof HTMLTextAreaElement ? HTMLTextAreaElement.prototype : HTMLInputElement.prototype;
  await act(async () => {
    Object.getOwnPropertyDescriptor(proto, 'value')!.set!.call(el, value);
    el.dispatchEvent(new Event('input', { bubbles: true }));
  });
}
async function key(el: Element, k: string, init: KeyboardEventInit = {}) {
  await act(async () => void el.dispatchEvent(new KeyboardEvent('keydown', { key: k, bubbles: true, ...init })));
}

beforeEach(async () => {
  db = freshDb(`lib-${Math.random()}`).db;
  container = document.createElement('div');
  document.body.append(container);
  root = createRoot(container);
});
afterEach(async () => {
  await act(async () => root.unmount());
  container.remove();
  db.close();
});

async function mount(seeded = true) {
  if (seeded) await seed();
  await act(async () => root.render(<Harness actions={makeActions()} />));
  await waitFor(() => $('main[aria-label="Saved articles"]:not([aria-busy])'), 'the library');
}

describe('Library', () => {
  it('tells a new reader how to start', async () => {
    await mount(false);
    const text = $('main')!.textContent!;
    expect(text).toContain('Save selection to Sourcelight');
    expect(text).toMatch(/Alt\s*\+\s*Shift\s*\+\s*S/);
    expect($$('[data-testid=article]')).toHaveLength(0);
  });

  it('lists articles newest first with kinds, speakers, anonymity cues, notes and orphan badges', async () => {
    await mount();
    expect(texts('[data-testid=article] h2')).toEqual(['Flood warning', 'Budget talks stall']);
    expect(texts('[data-testid=annotation]')).toEqual([
      'Amadou Diop',
      'the levee may fail <img src=x onerror="window.__pwned=1">',
      'We will not sign it',
      'The budget is dead',
    ]);
    const anon = $$('.ann').find((r) => r.textContent!.includes('levee'))!;
    expect(anon.textContent).toContain('indirect quote');
    expect(anon.textContent).toContain('anonymous');
    expect(anon.textContent).toContain('“who was not authorized to speak”');
    expect(anon.textContent).toContain('not found in this page');
    expect(anon.textContent).toContain('an official');
    expect($$('.ann')[0]!.textContent).toContain('person');
    expect(texts('[data-testid=note]')).toEqual(['big if true']);
    expect($$('.ann').at(-1)!.textContent).toContain('my highlight');
    // page text stays text
    expect(container.querySelector('img')).toBeNull();
    expect((window as { __pwned?: number }).__pwned).toBeUndefined();
  });

  it('searches as you type across titles, text, notes and speakers, and filters by kind and site', async () => {
    await mount();
    const search = $<HTMLInputElement>('input[type=search]')!;
    await typeInto(search, 'diop');
    await waitFor(() => texts('[data-testid=annotation]').length === 2);
    expect(texts('[data-testid=annotation]')).toEqual(['Amadou Diop', 'We will not sign it']);
    expect($('mark')?.textContent?.toLowerCase()).toBe('diop');
    await typeInto(search, 'big if');
    await waitFor(() => texts('[data-testid=annotation]').length === 1);
    expect(texts('[data-testid=annotation]')).toEqual(['The budget is dead']);
    await typeInto(search, 'budget talks');
    await waitFor(() => texts('[data-testid=annotation]').length === 2);
    await typeInto(search, '');
    await click(button('Anonymous'));
    expect(button('Anonymous').getAttribute('aria-pressed')).toBe('true');
    await waitFor(() => texts('[data-testid=annotation]').length === 1);
    expect(texts('[data-testid=annotation]')[0]).toContain('levee');
    await click(button('Anonymous'));
    const select = $<HTMLSelectElement>('select[aria-label="Filter by site"]')!;
    await act(async () => {
      select.value = 'Example News';
      select.dispatchEvent(new Event('change', { bubbles: true }));
    });
    await waitFor(() => texts('[data-testid=article] h2').length === 1);
    expect(texts('[data-testid=article] h2')).toEqual(['Budget talks stall']);
    expect($('.summary')!.textContent).toContain('2 matches in 1 article');
    await click(button('Clear'));
    await waitFor(() => texts('[data-testid=article] h2').length === 2);
  });

  it('edits a note in place (Ctrl+Enter saves, Escape cancels)', async () => {
    await mount();
    const row = $$('.ann').find((r) => r.textContent!.includes('budget is dead'))!;
    await click(button('Edit note', row));
    const area = await waitFor(() => $<HTMLTextAreaElement>('textarea[aria-label=Note]'));
    expect(document.activeElement).toBe(area);
    await typeInto(area, 'changed');
    await key(area, 'Escape');
    expect($('textarea')).toBeNull();
    // focus returns to the row, so the keyboard user is where they were
    expect((document.activeElement as HTMLElement).querySelector('[data-testid=annotation]')?.textContent).toBe(
      'The budget is dead',
    );
    expect(texts('[data-testid=note]')).toEqual(['big if true']);

    await click(
      button(
        'Edit note',
        $$('.ann').find((r) => r.textContent!.includes('budget is dead'))!,
      ),
    );
    const again = await waitFor(() => $<HTMLTextAreaElement>('textarea[aria-label=Note]'));
    await typeInto(again, 'changed my mind');
    await key(again, 'Enter', { ctrlKey: true });
    await waitFor(() => texts('[data-testid=note]')[0] === 'changed my mind', 'the new note');
    expect((await db.annotations.toArray()).find((a) => a.comment === 'changed my mind')).toBeDefined();
  });

  it('deletes an annotation and an article, and Undo restores them exactly', async () => {
    await mount();
    const before = await loadLibrary(db);
    const row = $$('.ann').find((r) => r.textContent!.includes('We will not sign it'))!;
    await click(button('Delete', row));
    await waitFor(() => texts('[data-testid=annotation]').length === 3);
    expect($('[data-testid=toast]')!.textContent).toContain('Annotation deleted.');
    await click(button('Undo'));
    await waitFor(() => texts('[data-testid=annotation]').length === 4);

    await click(button('Delete article', $$('[data-testid=article]')[0]!));
    await waitFor(() => texts('[data-testid=article]').length === 1);
    expect($('[data-testid=toast]')!.textContent).toContain('Deleted “Flood warning” and 2 items.');
    // Ctrl+Z undoes too
    await key($('main')!, 'z', { ctrlKey: true });
    await waitFor(() => texts('[data-testid=article]').length === 2);
    const after = await loadLibrary(db);
    const byId = <T extends { id: string }>(l: T[]) => [...l].sort((x, y) => x.id.localeCompare(y.id));
    expect(byId(after.annotations)).toEqual(byId(before.annotations));
    expect(byId(after.articles)).toEqual(byId(before.articles));
  });

  it('is usable from the keyboard: arrows move, Enter opens, E edits, Delete deletes', async () => {
    await mount();
    const first = $<HTMLElement>('[data-nav][tabindex="0"]')!;
    expect(first.tagName).toBe('HEADER');
    expect($$('[data-nav][tabindex="0"]')).toHaveLength(1); // one tab stop for the whole list
    first.focus();
    await key(first, 'ArrowDown');
    const focused = (await waitFor(
      () => (document.activeElement as HTMLElement)?.dataset?.nav?.startsWith('n:') && document.activeElement,
    )) as HTMLElement;
    expect(focused.querySelector('[data-testid=annotation]')!.textContent).toBe('Amadou Diop');
    await key(focused, 'Enter');
    expect(spies.openArticle).toHaveBeenCalledTimes(1);
    expect(spies.openArticle.mock.calls[0]![1]?.quote.exact).toBe('Amadou Diop');
    await key(focused, 'ArrowDown');
    const second = (await waitFor(() => document.activeElement !== focused && document.activeElement)) as HTMLElement;
    expect(second.querySelector('[data-testid=annotation]')!.textContent).toContain('levee');
    await key(second, 'e');
    await waitFor(() => $('textarea[aria-label=Note]'));
    await key($('textarea')!, 'Escape');
    await key(second, 'Delete');
    await waitFor(() => texts('[data-testid=annotation]').length === 3);
    await key(document.body, 'End');
    // "/" focuses the search box from anywhere but a text field
    await key($('main')!, '/');
    expect(document.activeElement).toBe($('input[type=search]'));
  });

  it('shows the people view: speakers and named persons with their quotes per article', async () => {
    await mount();
    await click(button('People'));
    expect($('[role=tab][aria-selected=true]')!.textContent).toBe('People');
    const people = await waitFor(() => ($$('[data-testid=person]').length ? $$('[data-testid=person]') : null));
    expect(people.map((p) => p.querySelector('.person-name')!.textContent)).toEqual([
      'Amadou Diop',
      'Anonymous sources',
    ]);
    const head = people[0]!.querySelector<HTMLButtonElement>('.person-head')!;
    expect(head.getAttribute('aria-expanded')).toBe('false');
    await click(head);
    expect(head.getAttribute('aria-expanded')).toBe('true');
    const body = people[0]!.querySelector('.person-body')!;
    expect([...body.querySelectorAll('h3')].map((h) => h.textContent)).toEqual(['Flood warning', 'Budget talks stall']);
    expect(body.textContent).toContain('We will not sign it');
    await click(people[1]!.querySelector<HTMLButtonElement>('.person-head')!);
    expect(people[1]!.textContent).toContain('“who was not authorized to speak”');
    await click(people[1]!.querySelector<HTMLButtonElement>('.quote-link')!);
    expect(spies.openArticle.mock.calls[0]![1]?.anonymous).toBe(true);
  });

  it('exports the current results as Markdown (download and copy)', async () => {
    await mount();
    await typeInto($<HTMLInputElement>('input[type=search]')!, 'diop');
    await waitFor(() => texts('[data-testid=annotation]').length === 2);
    await click(button('Export'));
    const panel = $('#export-panel')!;
    await click(panel.querySelectorAll<HTMLInputElement>('input[name=format]')[1]!);
    await click(button('Download', panel));
    await waitFor(() => spies.deliver.mock.calls.length === 1);
    const [file, via] = spies.deliver.mock.calls[0]! as [ExportFile, string];
    expect(via).toBe('download');
    expect(file.name).toMatch(/\.md$/);
    expect(String(file.data)).toContain('### Amadou Diop');
    expect(String(file.data)).not.toContain('The budget is dead'); // only the results
    await click(button('Export'));
    await click(button('Copy Markdown', $('#export-panel')!));
    await waitFor(() => spies.deliver.mock.calls.length === 2);
    expect(spies.deliver.mock.calls[1]![1]).toBe('copy');
    await waitFor(() => $('[data-testid=toast]')?.textContent?.includes('Copied'));
  });

  it('restores a backup file, and refuses a foreign one with a clear message', async () => {
    await mount(false);
    await click(button('Backup'));
    const input = $<HTMLInputElement>('[data-testid=restore-file]')!;
    const pick = async (text: string) =>
      act(async () => {
        Object.defineProperty(input, 'files', { value: [new File([text], 'b.json')], configurable: true });
        input.dispatchEvent(new Event('change', { bubbles: true }));
      });
    await pick('{"hello": "world"}');
    await waitFor(() => $('[data-testid=toast].error'));
    expect($('[data-testid=toast]')!.textContent).toContain('not a Sourcelight backup');

    const source = freshDb('src').db;
    await saveAnnotation(source, { article: article(), annotation: annotation({ comment: 'from backup' }) });
    const { exportBackup, serializeBackup } = await import('../../../utils/db/backup');
    await pick(serializeBackup(await exportBackup(source)));
    await waitFor(() => texts('[data-testid=annotation]').length === 1, 'the restored annotation');
    expect(texts('[data-testid=note]')).toEqual(['from backup']);
  });
});

// Issue 17: a damaged record cannot take the popup down, undo survives the popup closing, two popups
// editing one note never silently overwrite each other, and a file that cannot be read is reported.
describe('Library under hostile or concurrent conditions', () => {
  /** A second popup on the same database, in its own container. */
  async function secondPopup() {
    const el = document.createElement('div');
    document.body.append(el);
    const r = createRoot(el);
    await act(async () => r.render(<Harness actions={makeActions()} />));
    await waitFor(() => el.querySelector('main[aria-label="Saved articles"]:not([aria-busy])'), 'the second popup');
    return {
      el,
      close: async () => {
        await act(async () => r.unmount());
        el.remove();
      },
    };
  }

  it('shows "unknown date" for a time outside the Date range instead of going blank', async () => {
    await mount();
    const [first] = await db.articles.toArray();
    await db.articles.update(first!.id, { updatedAt: 1e300 });
    await waitFor(() => $('[data-testid=article]')?.textContent?.includes('unknown date'), 'the fallback date');
    expect($('[data-testid=list-error]')).toBeNull();
  });

  it('keeps Export and Backup working when the list cannot render a record', async () => {
    const errors = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    await mount();
    const [first] = await db.articles.toArray();
    // a title React cannot render (an object): what a corrupt database could hold
    await db.articles.update(first!.id, { title: { evil: 1 } as unknown as string });
    await waitFor(() => $('[data-testid=list-error]'), 'the error boundary');
    expect($('[data-testid=list-error]')!.textContent).toContain('Export and Backup above still work');
    await click(button('Backup'));
    await click(button('Download backup (.json)', $('#backup-panel')!));
    await waitFor(() => $('[data-testid=toast]')?.textContent === 'ok×', 'the backup');
    // the exporter cannot read that title either: it says so (and points at Backup), never fails silently
    await click(button('Export'));
    await click(button('Copy Markdown', $('#export-panel')!));
    await waitFor(() => $('[data-testid=toast].error')?.textContent?.includes('The export failed'), 'the message');
    expect($('[data-testid=toast]')!.textContent).toContain('Backup still saves everything');
    // repaired data renders again
    await db.articles.update(first!.id, { title: 'Repaired' });
    await waitFor(() => texts('[data-testid=article] h2').includes('Repaired'), 'the repaired list');
    errors.mockRestore();
  });

  it('still offers Undo after the popup is closed and reopened within the window', async () => {
    await mount();
    const before = await loadLibrary(db);
    const row = $$('.ann').find((r) => r.textContent!.includes('We will not sign it'))!;
    await click(button('Delete', row));
    await waitFor(() => texts('[data-testid=annotation]').length === 3);
    // close the popup: its memory (the toast, the snapshot) is gone
    await act(async () => root.unmount());
    root = createRoot(container);
    await act(async () => root.render(<Harness actions={makeActions()} />));
    await waitFor(() => button('Undo'), 'the Undo offered again');
    expect($('[data-testid=toast]')!.textContent).toContain('Annotation deleted.');
    await click(button('Undo'));
    await waitFor(() => texts('[data-testid=annotation]').length === 4, 'the restored annotation');
    const after = await loadLibrary(db);
    const byId = <T extends { id: string }>(l: T[]) => [...l].sort((x, y) => x.id.localeCompare(y.id));
    expect(byId(after.annotations)).toEqual(byId(before.annotations));
    // undone: a third popup does not offer it again
    expect(await db.trash.count()).toBe(0);
  });

  it('detects a concurrent note edit in two popups and keeps the second reader’s text', async () => {
    await mount();
    const other = await secondPopup();
    const rowIn = (scope: ParentNode) =>
      [...scope.querySelectorAll<HTMLElement>('.ann')].find((r) => r.textContent!.includes('budget is dead'))!;
    // both start editing the same note
    await click(button('Edit note', rowIn(container)));
    await click(button('Edit note', rowIn(other.el)));
    const mine = await waitFor(() => $<HTMLTextAreaElement>('textarea[aria-label=Note]'));
    const theirs = other.el.querySelector<HTMLTextAreaElement>('textarea[aria-label=Note]')!;
    await typeInto(theirs, 'their edit');
    await click(button('Save note', other.el));
    await waitFor(async () => (await db.annotations.toArray()).some((a) => a.comment === 'their edit'));
    await waitFor(() => other.el.querySelector('textarea') === null, 'the other editor closed');

    await typeInto(mine, 'my edit');
    await click(button('Save note', container));
    await waitFor(() => $('[data-testid=note-conflict]'), 'the conflict notice');
    expect($('[data-testid=toast].error')!.textContent).toContain('changed in another window');
    expect($('[data-testid=note-conflict]')!.textContent).toContain('“their edit”');
    // nothing lost: their text is in the database, mine is still in my editor
    expect($<HTMLTextAreaElement>('textarea[aria-label=Note]')!.value).toBe('my edit');
    expect((await db.annotations.toArray()).filter((a) => a.comment === 'my edit')).toHaveLength(0);

    // saving again, having seen their version, replaces it on purpose
    await click(button('Save note', container));
    await waitFor(() => $('textarea') === null, 'my editor closed');
    await waitFor(() => texts('[data-testid=note]').includes('my edit'), 'my note shown');
    await other.close();
  });

  it('reports a backup file that cannot be read', async () => {
    await mount(false);
    await click(button('Backup'));
    const input = $<HTMLInputElement>('[data-testid=restore-file]')!;
    const broken = new File(['{}'], 'b.json');
    Object.defineProperty(broken, 'text', {
      value: () => Promise.reject(new DOMException('The file was removed.', 'NotFoundError')),
    });
    await act(async () => {
      Object.defineProperty(input, 'files', { value: [broken], configurable: true });
      input.dispatchEvent(new Event('change', { bubbles: true }));
    });
    await waitFor(() => $('[data-testid=toast].error'), 'the error toast');
    expect($('[data-testid=toast]')!.textContent).toContain('could not be read, so nothing was imported');
    expect($('[data-testid=toast]')!.textContent).toContain('The file was removed.');
  });
});
