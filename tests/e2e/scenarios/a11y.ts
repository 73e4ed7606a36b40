/**
 * Accessibility scenarios (issue 15, item 5): every action of a saved item is visible without hover (touch)
 * and reachable by keyboard alone, with a visible focus ring; and axe-core finds no serious or critical
 * violation in the popup or the in-page panel (Chromium: axe runs through CDP, which also reaches the
 * panel's closed shadow root; Firefox runs the keyboard check only).
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';
import { e2e, type E2EPage } from '../driver.ts';
import { openPopup, restoreFile, sendToTab, waitForDrawn } from '../helpers.ts';
import { auditBackup } from './audit.ts';
import { demoBackup } from './library.ts';

const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

async function seededPopup(driver: Parameters<Parameters<typeof e2e>[0]>[0]['driver']): Promise<E2EPage> {
  const popup = await openPopup(driver);
  const message = await restoreFile(popup, JSON.stringify(demoBackup()));
  if (!/3 articles added/.test(message)) throw new Error(`seeding: ${message}`);
  await popup.waitForSelector('.ann .row-actions button');
  return popup;
}

/** 1. Keyboard only: Tab reaches Open, note and Delete of an item, each visible and ringed when focused. */
export const popupActionsByKeyboard = e2e(async ({ driver, expect }) => {
  const popup = await seededPopup(driver);
  // touch: the actions are there without any hover or focus
  const idle = await popup.evaluate(() => {
    const b = document.querySelector<HTMLElement>('.ann .row-actions button')!;
    const r = b.getBoundingClientRect();
    const s = getComputedStyle(b.parentElement!);
    return { height: r.height, opacity: s.opacity, visibility: s.visibility };
  });
  expect(
    idle.height > 0 && idle.opacity === '1' && idle.visibility === 'visible',
    `actions visible: ${JSON.stringify(idle)}`,
  ).toBe(true);

  await popup.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
  const seen: string[] = [];
  for (let i = 0; i < 40 && !['Open', 'Delete'].every((l) => seen.includes(l)); i++) {
    await popup.press('Tab');
    const f = await popup.evaluate(() => {
      const el = document.activeElement as HTMLElement | null;
      if (!el || el.tagName !== 'BUTTON' || !el.closest('.ann .row-actions')) return null;
      const r = el.getBoundingClientRect();
      const s = getComputedStyle(el);
      return {
        label: (el.textContent ?? '').trim(),
        visible: r.height > 0 && r.width > 0 && s.visibility === 'visible' && s.opacity === '1',
        ring: s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) > 0,
      };
    });
    if (!f) continue;
    expect(f.visible, `${f.label} visible when focused`).toBe(true);
    expect(f.ring, `${f.label} has a focus ring`).toBe(true);
    seen.push(f.label);
  }
  expect(seen.includes('Open') && seen.includes('Delete'), `actions reached by Tab: ${seen.join(', ')}`).toBe(true);
  expect(
    seen.some((l) => /note/.test(l)),
    'a note action reached',
  ).toBe(true);
  // Enter on a focused action works: "Add note" / "Edit note" opens the editor
  await popup.evaluate(() => {
    const b = [...document.querySelectorAll<HTMLButtonElement>('.ann .row-actions button')].find((x) =>
      /note/.test(x.textContent ?? ''),
    )!;
    b.focus();
  });
  await popup.press('Enter');
  await popup.waitForSelector('.note-editor textarea');
  expect(popup.errors(), 'popup errors').toBe([]);
});

interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: number;
}

/** Runs axe in a Playwright page (main world) on `context` (a selector; default the document). */
async function axeIn(pw: Page, context: string | null): Promise<AxeViolation[]> {
  await pw.evaluate(AXE_SOURCE);
  return pw.evaluate(async (ctx) => {
    const axe = (
      globalThis as unknown as {
        axe: {
          run(
            c: unknown,
            o: object,
          ): Promise<{ violations: Array<{ id: string; impact: string | null; help: string; nodes: unknown[] }> }>;
        };
      }
    ).axe;
    const r = await axe.run(ctx ?? document, { resultTypes: ['violations'] });
    return r.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.length }));
  }, context);
}

const serious = (vs: AxeViolation[]) => vs.filter((v) => v.impact === 'serious' || v.impact === 'critical');

/** 2. axe-core on the popup and on the in-page panel: zero serious or critical violations. */
export const axePopupAndPanel = e2e(
  async ({ server, driver, expect, skip, log }) => {
    if (driver.name !== 'chromium') skip('axe runs through CDP (Chromium only); Firefox runs the keyboard check');
    const popup = await seededPopup(driver);
    const pwPopup = (popup as unknown as { page: Page }).page;
    const inPopup = await axeIn(pwPopup, null);
    log(`popup: ${inPopup.map((v) => `${v.id}(${v.impact})`).join(', ') || 'no violations'}`);
    expect(serious(inPopup), 'serious or critical violations in the popup').toBe([]);

    const page = await driver.newPage(server.url('/reading/story.html'));
    await waitForDrawn(page);
    await sendToTab(driver, page, 'togglePanel');
    const pw = (page as unknown as { page: Page }).page;
    await pw.evaluate(AXE_SOURCE);
    // The panel's shadow root is closed: CDP hands its content to axe as an element, and axe checks it in a
    // copy placed in the light DOM of a scratch container (the styles are the panel's own stylesheet).
    const cdp = await pw.context().newCDPSession(pw);
    const { root } = (await cdp.send('DOM.getDocument', { depth: -1, pierce: true })) as {
      root: { nodeName: string; children?: unknown[]; shadowRoots?: Array<{ nodeId: number }> };
    };
    type Node = { nodeName: string; children?: Node[]; shadowRoots?: Array<{ nodeId: number }> };
    const find = (n: Node): number | null => {
      if (n.nodeName === 'SOURCELIGHT-UI' && n.shadowRoots?.[0]) return n.shadowRoots[0].nodeId;
      for (const c of n.children ?? []) {
        const r = find(c);
        if (r) return r;
      }
      return null;
    };
    const shadowId = find(root as Node);
    expect(!!shadowId, 'the panel shadow root').toBe(true);
    const { object } = (await cdp.send('DOM.resolveNode', { nodeId: shadowId! })) as { object: { objectId: string } };
    const r = (await cdp.send('Runtime.callFunctionOn', {
      objectId: object.objectId,
      awaitPromise: true,
      returnByValue: true,
      functionDeclaration: `async function () {
        const host = document.createElement('div');
        host.id = 'sl-axe-copy';
        const shadow = host.attachShadow({ mode: 'open' });
        for (const n of this.childNodes) shadow.appendChild(n.cloneNode(true));
        document.body.appendChild(host);
        try {
          const res = await axe.run(host);
          return {
            checked: res.passes.length,
            violations: res.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.length })),
          };
        } finally {
          host.remove();
        }
      }`,
    })) as { result: { value: { checked: number; violations: AxeViolation[] } } };
    const inPanel = r.result.value.violations;
    // the copy really held the panel: axe ran its rules on it
    expect(r.result.value.checked, 'axe rules that passed on the panel').toBeGreaterThan(5);
    log(
      `panel: ${r.result.value.checked} rules passed; ${inPanel.map((v) => `${v.id}(${v.impact})`).join(', ') || 'no violations'}`,
    );
    expect(serious(inPanel), 'serious or critical violations in the panel').toBe([]);
  },
  { timeoutMs: 90_000 },
);

/** 3. axe-core on the audit page (issue 16), seeded with saved sourcing: zero serious or critical violations. */
export const axeAuditPage = e2e(async ({ driver, expect, skip, log }) => {
  if (driver.name !== 'chromium') skip('axe runs through Playwright (Chromium only)');
  const popup = await openPopup(driver);
  const message = await restoreFile(popup, JSON.stringify(auditBackup()));
  if (!/3 articles added/.test(message)) throw new Error(`seeding: ${message}`);
  const audit = await driver.openExtensionPage('audit.html');
  await audit.waitForSelector('[data-testid=audit-totals]');
  await audit.waitFor(() => !!document.querySelector<HTMLCanvasElement>('[data-testid=chart-outlets]')?.dataset.bars);
  const found = await axeIn((audit as unknown as { page: Page }).page, null);
  log(`audit: ${found.map((v) => `${v.id}(${v.impact})`).join(', ') || 'no violations'}`);
  expect(serious(found), 'serious or critical violations on the audit page').toBe([]);
  expect(audit.errors(), 'audit page errors').toBe([]);
});
