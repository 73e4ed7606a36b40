// @vitest-environment jsdom
/**
 * The content script's input watcher: the pointer once a frame and never over the overlay, the kind of the
 * latest input, the debounced selection, and nothing at all once the session ended (fake timers drive the
 * frames and the debounce).
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { SELECTION_DEBOUNCE, watchInput, type InputHooks } from '../../../entrypoints/article.content/input';

let life: AbortController;
let host: HTMLElement;
let calls: { pointer: Array<[number, number]>; input: string[]; scroll: number; selection: number };

function start(): void {
  const hooks: InputHooks = {
    onPointer: (x, y) => calls.pointer.push([x, y]),
    onInput: (kind) => calls.input.push(kind),
    onScroll: () => calls.scroll++,
    onSelection: () => calls.selection++,
    overlayHost: () => host,
    later: (fn, ms) => {
      const id = setTimeout(fn, ms);
      return () => clearTimeout(id);
    },
    signal: life.signal,
  };
  watchInput(document, window, hooks);
}

const move = (target: EventTarget, x: number, y: number) =>
  target.dispatchEvent(new MouseEvent('mousemove', { clientX: x, clientY: y, bubbles: true, composed: true }));

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'requestAnimationFrame', 'cancelAnimationFrame'] });
  life = new AbortController();
  calls = { pointer: [], input: [], scroll: 0, selection: 0 };
  document.body.innerHTML = '<p>Page text.</p>'; // test fixture
  host = document.createElement('sourcelight-ui');
  document.body.append(host);
});
afterEach(() => {
  life.abort();
  vi.useRealTimers();
});

describe('watchInput', () => {
  it('reports the pointer once a frame, at its latest position', () => {
    start();
    move(document, 1, 1);
    move(document, 5, 6);
    expect(calls.pointer).toEqual([]);
    vi.advanceTimersToNextFrame();
    expect(calls.pointer).toEqual([[5, 6]]);
    expect(calls.input).toEqual(['mouse', 'mouse']);
  });

  it('ignores the pointer over the overlay, but still notes the mouse as the latest input', () => {
    start();
    move(host, 3, 3);
    vi.advanceTimersToNextFrame();
    expect(calls.pointer).toEqual([]);
    expect(calls.input).toEqual(['mouse']);
    document.dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowRight' }));
    expect(calls.input).toEqual(['mouse', 'key']);
  });

  it('debounces the selection and passes scrolling through', () => {
    start();
    document.dispatchEvent(new Event('selectionchange'));
    vi.advanceTimersByTime(SELECTION_DEBOUNCE - 50);
    document.dispatchEvent(new Event('selectionchange'));
    vi.advanceTimersByTime(SELECTION_DEBOUNCE - 50);
    expect(calls.selection).toBe(0);
    vi.advanceTimersByTime(50);
    expect(calls.selection).toBe(1);
    window.dispatchEvent(new Event('scroll'));
    expect(calls.scroll).toBe(1);
  });

  it('stops listening when the session ends, a pending frame included', () => {
    start();
    move(document, 2, 2);
    life.abort();
    vi.advanceTimersToNextFrame();
    move(document, 4, 4);
    document.dispatchEvent(new Event('selectionchange'));
    window.dispatchEvent(new Event('scroll'));
    vi.advanceTimersByTime(SELECTION_DEBOUNCE * 2);
    expect(calls).toEqual({ pointer: [], input: ['mouse'], scroll: 0, selection: 0 });
  });
});
