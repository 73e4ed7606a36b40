// @vitest-environment jsdom
// The audit view with a large library (more than LONG_LIST_ARTICLES articles): its first commit holds the
// filters and the totals (from per-article parts) but no section, chart or list — the report over every
// claim follows in a later commit, the same page in the end. Its totals equal the report's. The speakers
// chart draws only the SPEAKERS_CHART_ARTICLES articles with the most speakers; its table lists every
// article. A small library renders everything in its first commit.
import { act, useLayoutEffect } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { claim } from './fixtures';
import { AuditView, LONG_LIST_ARTICLES, SPEAKERS_CHART_ARTICLES } from '../../../components/audit/AuditView';
import { auditTotals } from '../../../components/audit/totals';
import { auditReport, type AuditArticle } from '../../../utils/audit/aggregate';

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
let first: { totals: boolean; articles: boolean; speakers: boolean; outlets: boolean } | null;

/** Rendered after the view: its layout effect sees the view's first commit. */
function Probe() {
  useLayoutEffect(() => {
    first ??= {
      totals: !!document.querySelector('[data-testid=audit-totals]'),
      articles: !!document.querySelector('[data-testid=table-articles]'),
      speakers: !!document.querySelector('[data-testid=table-speakers]'),
      outlets: !!document.querySelector('[data-testid=table-outlets]'),
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
/** Lets the frame after the first commit pass (the view waits for it), and the render it starts finish. */
const nextFrame = () => act(() => new Promise<void>((done) => requestAnimationFrame(() => setTimeout(done))));
const rowCount = (id: string) => el.querySelectorAll(`[data-testid=table-${id}] tbody tr`).length;

describe('AuditView with a large library', () => {
  test('the per-article lists follow the first commit, then every row is there', async () => {
    const n = LONG_LIST_ARTICLES + 1;
    render(library(n));
    expect(first).toEqual({ totals: true, articles: false, speakers: false, outlets: false });
    expect(el.textContent).toContain(`Counting the claims of ${n} articles`);
    await nextFrame();
    expect(el.querySelector('[data-testid=audit-totals]')!.textContent).toContain(`${n} articles`);
    expect(rowCount('articles')).toBe(n);
    expect(rowCount('speakers')).toBe(n);
    expect(el.textContent).not.toContain('Listing');
    expect(el.textContent).not.toContain('Counting');
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
    expect(first).toEqual({ totals: true, articles: true, speakers: true, outlets: true });
  });

  test('the totals from per-article parts equal the report’s', () => {
    const articles = library(LONG_LIST_ARTICLES + 1);
    articles[3] = { ...articles[3]!, claims: articles[3]!.claims.map((c) => ({ ...c, corrected: true })) };
    const {
      articles: n,
      claims,
      named,
      anonymous,
      anonymousShare,
      corrected,
      correctedClaimIds,
    } = auditReport(articles, { period: 'month' });
    expect(auditTotals(articles)).toEqual({
      articles: n,
      claims,
      named,
      anonymous,
      anonymousShare,
      corrected,
      correctedClaimIds,
    });
    expect(auditTotals(articles.slice(0, 2)).claims).toBe(4);
  });

  test('the speakers chart draws the top articles by distinct speakers; the table keeps every article', async () => {
    const articles = library(LONG_LIST_ARTICLES + 1);
    // article 7 has three distinct speakers, the rest two
    articles[7] = {
      ...articles[7]!,
      claims: [...articles[7]!.claims, claim('c7c', 'a7', { speaker: 'Third Person' })],
    };
    render(articles);
    await nextFrame();
    expect(rowCount('speakers')).toBe(articles.length);
    expect(el.querySelector('[data-testid=section-speakers] .method')!.textContent).toContain(
      `the chart shows the ${SPEAKERS_CHART_ARTICLES} articles with the most`,
    );
  });
});
