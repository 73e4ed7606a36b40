// @vitest-environment jsdom
/**
 * The content script's page watcher: which mutations count, the debounce with its maximum wait, the backoff
 * while bursts leave the text alone, and `quiet` (our own DOM changes do not wake it). Fake timers and a
 * fake clock drive the debounce; jsdom's MutationObserver delivers records as a microtask.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { MUTATION_DEBOUNCE, MUTATION_MAX_WAIT, PageWatcher } from '../../../entrypoints/article.content/watch';

let clock = 0;
let life: AbortController;
let bursts: number;
let host: HTMLElement;

/** Lets the MutationObserver deliver its records. */
const delivered = () => Promise.resolve();

/** Advances both the fake timers and the fake clock. */
function advance(ms: number): void {
  clock += ms;
  vi.advanceTimersByTime(ms);
}

function makeWatcher(): PageWatcher {
  const w = new PageWatcher(document, {
    host: () => host,
    isOurs: (n) => n.nodeType === 1 && (n as Element).tagName === 'SOURCELIGHT-MARK',
    onBurst: () => bursts++,
    later: (fn, ms) => {
      const id = setTimeout(() => !life.signal.aborted && fn(), ms);
      return () => clearTimeout(id);
    },
    signal: life.signal,
    now: () => clock,
  });
  w.start();
  return w;
}

/** Appends a paragraph of page text. */
async function pageAdds(text: string): Promise<void> {
  const p = document.createElement('p');
  p.textContent = text;
  document.querySelector('main')!.append(p);
  await delivered();
}

beforeEach(() => {
  vi.useFakeTimers();
  clock = 0;
  bursts = 0;
  life = new AbortController();
  document.body.innerHTML = '<main><p>First paragraph.</p></main><style></style>'; // test fixture
  host = document.createElement('sourcelight-ui');
  document.body.append(host);
});
afterEach(() => {
  life.abort();
  vi.useRealTimers();
});

describe('PageWatcher', () => {
  it('debounces a burst of page text into one callback', async () => {
    makeWatcher();
    await pageAdds('one');
    advance(MUTATION_DEBOUNCE - 100);
    await pageAdds('two');
    advance(MUTATION_DEBOUNCE - 100);
    expect(bursts).toBe(0);
    advance(100);
    expect(bursts).toBe(1);
  });

  it('lets a steady stream through after the maximum wait', async () => {
    makeWatcher();
    for (let t = 0; t < MUTATION_MAX_WAIT; t += 500) {
      await pageAdds(`tick ${t}`);
      advance(500);
    }
    expect(bursts).toBe(1);
  });

  it('ignores our own nodes, the overlay, styles and whitespace', async () => {
    makeWatcher();
    host.append(document.createElement('div'));
    host.textContent = 'panel text';
    document.querySelector('style')!.textContent = '.x{color:red}';
    document.querySelector('main')!.append(document.createElement('sourcelight-mark'));
    document.querySelector('main')!.append(document.createTextNode('   '));
    await delivered();
    advance(MUTATION_DEBOUNCE * 2);
    expect(bursts).toBe(0);
    (document.querySelector('main p')!.firstChild as Text).data = 'Edited.';
    await delivered();
    advance(MUTATION_DEBOUNCE);
    expect(bursts).toBe(1);
  });

  it('backs off while bursts leave the text alone, and resets when it changes', async () => {
    const w = makeWatcher();
    for (let i = 0; i < 6; i++) w.settle(true);
    expect(w.factor).toBe(16);
    await pageAdds('ad');
    advance(MUTATION_DEBOUNCE);
    expect(bursts).toBe(0);
    advance(MUTATION_DEBOUNCE * 15);
    expect(bursts).toBe(1);
    w.settle(false);
    expect(w.factor).toBe(1);
  });

  it('keeps our own DOM changes quiet but still counts page changes made before them', async () => {
    const w = makeWatcher();
    const result = w.quiet(() => {
      document.querySelector('main')!.append(document.createElement('span'));
      document.querySelector('main span')!.textContent = 'ours';
      return 42;
    });
    expect(result).toBe(42);
    await delivered();
    advance(MUTATION_DEBOUNCE * 2);
    expect(bursts).toBe(0);
    // a page change still pending when our change starts is not lost
    document.querySelector('main')!.append(document.createTextNode('page text'));
    w.quiet(() => document.querySelector('main span')!.remove());
    advance(MUTATION_DEBOUNCE);
    expect(bursts).toBe(1);
  });

  it('stops for good with the session', async () => {
    const w = makeWatcher();
    life.abort();
    await pageAdds('late');
    advance(MUTATION_DEBOUNCE * 2);
    expect(bursts).toBe(0);
    w.stop();
    expect(w.started).toBe(false);
    expect(w.quiet(() => 'ran')).toBe('ran');
  });
});
