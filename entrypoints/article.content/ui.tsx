/**
 * Mounting the overlay (glue): one shadow root (WXT `createShadowRootUi`) holding the React overlay, fed
 * from a tiny external store so the content script can push state without re-mounting.
 */
import { StrictMode, useSyncExternalStore } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { createShadowRootUi } from 'wxt/utils/content-script-ui/shadow-root';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { Overlay } from '@/components/panel/Overlay';
import type { OverlayCallbacks, OverlayState } from '@/components/panel/types';
import panelCss from './panel.css?inline';

/** The shadow host's tag name (excluded from anchoring and from the mutation observer). */
export const UI_TAG = 'sourcelight-ui';

/** Events that must come from the reader, not from a script. */
const TRUSTED_ONLY = [
  'click',
  'auxclick',
  'dblclick',
  'mousedown',
  'mouseup',
  'pointerdown',
  'pointerup',
  'keydown',
  'keyup',
  'keypress',
  'input',
  'change',
  'submit',
  'beforeinput',
] as const;

/** A minimal external store for `useSyncExternalStore`. */
export class Store<T> {
  private listeners = new Set<() => void>();
  constructor(private state: T) {}
  get = (): T => this.state;
  set(patch: Partial<T>): void {
    this.state = { ...this.state, ...patch };
    for (const l of this.listeners) l();
  }
  subscribe = (l: () => void): (() => void) => {
    this.listeners.add(l);
    return () => this.listeners.delete(l);
  };
}

function Bridge({ store, callbacks }: { store: Store<OverlayState>; callbacks: OverlayCallbacks }) {
  const state = useSyncExternalStore(store.subscribe, store.get, store.get);
  return <Overlay {...state} {...callbacks} />;
}

/** The mounted overlay. */
export interface MountedOverlay {
  host: HTMLElement;
  remove(): void;
}

/** Mounts the overlay at the end of `<body>`; null when the page has no body. */
export async function mountOverlay(
  ctx: ContentScriptContext,
  store: Store<OverlayState>,
  callbacks: OverlayCallbacks,
): Promise<MountedOverlay | null> {
  if (!document.body) return null;
  const ui = await createShadowRootUi<Root>(ctx, {
    name: UI_TAG,
    position: 'inline',
    anchor: 'body',
    append: 'last',
    css: panelCss,
    // Closed: the page's scripts cannot reach into the panel (it shows the reader's own notes) nor click
    // its buttons; `host.shadowRoot` is null for them.
    mode: 'closed',
    // keys typed in the note editor must not reach the page's own shortcuts
    isolateEvents: ['keydown', 'keyup', 'keypress'],
    onMount(container, shadow) {
      // Defense in depth: only the reader's own input acts. Synthetic events (dispatched by a script) are
      // stopped at the shadow root, before React's listeners on the container see them.
      for (const type of TRUSTED_ONLY) {
        shadow.addEventListener(
          type,
          (e) => {
            if (!e.isTrusted) {
              e.stopImmediatePropagation();
              e.preventDefault();
            }
          },
          { capture: true },
        );
      }
      const root = createRoot(container);
      root.render(
        <StrictMode>
          <Bridge store={store} callbacks={callbacks} />
        </StrictMode>,
      );
      return root;
    },
    onRemove(root) {
      root?.unmount();
    },
  });
  ui.mount();
  // Page CSS that hides unknown elements (`:not(:defined) { display: none }`) must not hide the panel.
  const host = ui.shadowHost;
  host.style.setProperty('display', 'block', 'important');
  host.style.setProperty('visibility', 'visible', 'important');
  host.style.setProperty('opacity', '1', 'important');
  host.style.setProperty('position', 'static', 'important');
  host.style.setProperty('width', '0', 'important');
  host.style.setProperty('height', '0', 'important');
  return { host, remove: () => ui.remove() };
}
