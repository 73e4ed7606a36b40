// @vitest-environment jsdom
// The audit view with a large library (more than LONG_LIST_ARTICLES articles): its first commit holds the
// totals and the summary sections but not the two lists with a row per article, which follow in the next
// commit — the same page in the end. A small library renders everything in its first commit.
import { act, useLayoutEffect } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { claim } from './fixtures';
import { AuditView, LONG_LIST_ARTICLES } from '../../../components/audit/AuditView';
import type { AuditArticle } from '../../../utils/audit/aggregate';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

const library = (n: number): AuditArticle[] =>
  Array.from({ length: n }, (_, i) => ({
    id: `a${i}`,
    url: `https://outlet${i % 3}.example/${i}`,
    title: `Story ${i}`,
    outlet: `outlet${i % 3}.example`,
    publishedAt: Date.UTC(2026, 10, 1 + (i % 28)),
    readAt: Date.UTC(2026, 11, 1),
    tags: [],
    claims: [claim(`c${i}a`, `a${i}`), claim(`c${i}b`, `a${i}`, { anonymous: true, speaker: 'an aide' })],
  }));

const noop = () => undefined;
const props = {
  onDownload: noop,
  onCopy: () => Promise.resolve(),
  onOpenClaim: noop,
  onOpenArticle: noop,
  onSetTags: () => Promise.resolve(),
};

/** What the DOM held when the first commit's layout effects ran. */
let first: { totals: boolean; articles: boolean; speakers: boolean } | null;

/** Rendered after the view: its layout effect sees the view's first commit. */
function Probe() {
  useLayoutEffect(() => {
    first ??= {
      totals: !!document.querySelector('[data-testid=audit-totals]'),
      articles: !!document.querySelector('[data-testid=table-articles]'),
      speakers: !!document.querySelector('[data-testid=table-speakers]'),
    };
  });
  return null;
}

let root: Root;
let el: HTMLElement;
beforeEach(() => {
  first = null;
  el = document.createElement('div');
  document.body.append(el);
  root = createRoot(el);
  vi.spyOn(console, 'error').mockImplementation(() => undefined); // jsdom: "getContext not implemented"
});
afterEach(() => {
  act(() => root.unmount());
  el.remove();
  vi.restoreAllMocks();
});

const render = (articles: AuditArticle[]) =>
  act(() =>
    root.render(
      <>
        <AuditView articles={articles} {...props} />
        <Probe />
      </>,
    ),
  );
const rowCount = (id: string) => el.querySelectorAll(`[data-testid=table-${id}] tbody tr`).length;

describe('AuditView with a large library', () => {
  test('the per-article lists follow the first commit, then every row is there', () => {
    const n = LONG_LIST_ARTICLES + 1;
    render(library(n));
    expect(first).toEqual({ totals: true, articles: false, speakers: false });
    expect(el.querySelector('[data-testid=audit-totals]')!.textContent).toContain(`${n} articles`);
    expect(rowCount('articles')).toBe(n);
    expect(rowCount('speakers')).toBe(n);
    expect(el.textContent).not.toContain('Listing');
    // the sections keep their order
    expect(
      [...el.querySelectorAll('section[data-testid^=section-]')].map((s) => s.getAttribute('data-testid')),
    ).toEqual([
      'section-outlets',
      'section-periods',
      'section-speakers',
      'section-people',
      'section-organizations',
      'section-kinds',
      'section-gender',
      'section-articles',
    ]);
  });

  test('a small library renders everything in its first commit', () => {
    render(library(LONG_LIST_ARTICLES));
    expect(first).toEqual({ totals: true, articles: true, speakers: true });
  });
});
