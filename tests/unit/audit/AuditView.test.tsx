// @vitest-environment jsdom
// The audit page's view in jsdom (no canvas there: the tables carry every number): totals, the outlet
// table, filters, the given-name guess switch, the claims behind a row and their "open" callback, CSV
// and copy, the empty state, and page text that never becomes HTML.
import { act } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { claim } from './fixtures';
import { AuditView, dayBound } from '../../../components/audit/AuditView';
import type { AuditArticle } from '../../../utils/audit/aggregate';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

const T0 = Date.UTC(2026, 10, 18);
const ARTICLES: AuditArticle[] = [
  {
    id: 'a1',
    url: 'https://one.example/a1',
    title: '<img src=x onerror=alert(1)>',
    outlet: 'one.example',
    publishedAt: T0,
    readAt: T0,
    tags: ['housing'],
    claims: [
      claim('c1', 'a1'),
      claim('c2', 'a1', {
        speaker: 'an official',
        speakerType: null,
        anonymous: true,
        speakerKind: 'official',
        gender: 'unknown',
      }),
      claim('c3', 'a1', { speaker: 'Omar Haddad', gender: 'unknown', genderGuess: 'male', corrected: true }),
    ],
  },
  {
    id: 'a2',
    url: 'https://two.example/a2',
    title: 'Second',
    outlet: 'two.example',
    publishedAt: T0 + 20 * 864e5,
    readAt: T0 + 21 * 864e5,
    tags: [],
    claims: [claim('c4', 'a2')],
  },
];

let root: Root;
let el: HTMLElement;
const spies = {
  onDownload: vi.fn(),
  onCopy: vi.fn(() => Promise.resolve()),
  onOpenClaim: vi.fn(),
  onOpenArticle: vi.fn(),
  onSetTags: vi.fn(() => Promise.resolve()),
};

beforeEach(() => {
  el = document.createElement('div');
  document.body.append(el);
  root = createRoot(el);
  vi.spyOn(console, 'error').mockImplementation(() => undefined); // jsdom: "getContext not implemented"
});
afterEach(() => {
  act(() => root.unmount());
  el.remove();
  vi.restoreAllMocks();
  Object.values(spies).forEach((s) => s.mockClear());
});

const render = (articles: AuditArticle[]) => act(() => root.render(<AuditView articles={articles} {...spies} />));
const rows = (id: string) =>
  [...el.querySelectorAll(`[data-testid=table-${id}] tbody tr`)].map((r) => [...r.children].map((c) => c.textContent));
const click = (node: Element | null | undefined) => act(() => (node as HTMLElement).click());

describe('AuditView', () => {
  test('totals and the outlet table', () => {
    render(ARTICLES);
    expect(el.querySelector('[data-testid=audit-totals]')!.textContent).toBe(
      '2 articles · 4 claims · 3 named · 1 anonymous (25%) · 1 corrected by you',
    );
    expect(rows('outlets')).toEqual([
      ['one.example', '1', '3', '2', '1', '33%', 'Claims'],
      ['two.example', '1', '1', '1', '0', '0%', 'Claims'],
    ]);
  });

  test('a row lists its claims, and a claim opens its passage', () => {
    render(ARTICLES);
    click(el.querySelector('[data-testid=table-outlets] tbody tr button'));
    const items = [...el.querySelectorAll('[data-testid=audit-selection] li')];
    expect(items.map((li) => li.querySelector('q')!.textContent)).toEqual(['passage c1', 'passage c2', 'passage c3']);
    click(items[1]!.querySelector('button'));
    expect(spies.onOpenClaim).toHaveBeenCalledWith(ARTICLES[0], ARTICLES[0]!.claims[1]);
  });

  test('the corrected count lists the corrected claims', () => {
    render(ARTICLES);
    click([...el.querySelectorAll('[data-testid=audit-totals] button')][0]);
    expect(el.querySelector('[data-testid=audit-selection] h2')!.textContent).toContain('Claims you corrected');
    expect(el.querySelectorAll('[data-testid=audit-selection] li').length).toBe(1);
  });

  test('filters: outlet, tag, publication range', () => {
    render(ARTICLES);
    click([...el.querySelectorAll('.filters fieldset')][0]!.querySelectorAll('input')[1]);
    expect(rows('outlets').map((r) => r[0])).toEqual(['two.example']);
    click([...el.querySelectorAll('.filters button')].find((b) => b.textContent === 'Clear filters'));
    expect(rows('outlets').length).toBe(2);
    const tag = el.querySelector<HTMLSelectElement>('.filters select')!;
    act(() => {
      tag.value = 'housing';
      tag.dispatchEvent(new Event('change', { bubbles: true }));
    });
    expect(rows('outlets').map((r) => r[0])).toEqual(['one.example']);
  });

  test('gender: evidence only by default, the guess opt-in and labelled', () => {
    render(ARTICLES);
    expect(rows('gender').map((r) => r.slice(0, 4))).toEqual([
      ['Women', '2', '2', '0'],
      ['Men', '0', '0', '0'],
      ['Unknown', '1', '1', '0'],
    ]);
    click(el.querySelector('[data-testid=gender-guess]'));
    expect(rows('gender')[1]!.slice(0, 4)).toEqual(['Men (1 guessed from given names)', '1', '1', '1']);
    expect(el.querySelector('[data-testid=section-gender] .method')!.textContent).toContain('guess');
  });

  test('CSV and copy get the table as shown; page text stays text', async () => {
    render(ARTICLES);
    const actions = el.querySelectorAll('[data-testid=section-speakers] .section-actions button');
    click(actions[1]);
    expect(spies.onDownload).toHaveBeenCalledWith(
      'sourcelight-speakers.csv',
      'text/csv',
      'Article,Outlet,Distinct speakers,Claims\r\n<img src=x onerror=alert(1)>,one.example,3,3\r\nSecond,two.example,1,1\r\n',
    );
    click(actions[0]);
    await act(async () => undefined);
    expect(spies.onCopy).toHaveBeenCalledWith(
      'Article\tOutlet\tDistinct speakers\tClaims\n<img src=x onerror=alert(1)>\tone.example\t3\t3\nSecond\ttwo.example\t1\t1',
    );
    expect(el.querySelector('img')).toBeNull();
    // no canvas context in jsdom: PNG says so instead of failing silently
    click(actions[2]);
    expect(el.querySelector('[data-testid=section-speakers] [role=status]')!.textContent).toContain(
      'CSV has the same numbers',
    );
  });

  test('tags are edited in place and parsed; an unchanged field stores nothing', async () => {
    render(ARTICLES);
    const inputs = el.querySelectorAll<HTMLInputElement>('[data-testid=table-articles] input');
    expect(inputs[0]!.value).toBe('housing');
    const setValue = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')!.set!;
    act(() => {
      setValue.call(inputs[1], '#Election, city council, election');
      inputs[1]!.dispatchEvent(new Event('input', { bubbles: true }));
    });
    act(() => {
      inputs[1]!.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true }));
    });
    await act(async () => undefined);
    expect(spies.onSetTags).toHaveBeenCalledWith(ARTICLES[1], ['Election', 'city-council']);
    act(() => inputs[0]!.dispatchEvent(new FocusEvent('focusout', { bubbles: true })));
    expect(spies.onSetTags).toHaveBeenCalledTimes(1);
    click(el.querySelector('[data-testid=table-articles] tbody tr button'));
    expect(spies.onOpenArticle).toHaveBeenCalledWith(ARTICLES[0]);
  });

  test('no saved sourcing: says how to get some', () => {
    render([]);
    expect(el.querySelector('[data-testid=audit-empty]')!.textContent).toContain('Save sourcing');
  });

  test.each([
    ['2026-11-18', false, Date.UTC(2026, 10, 18)],
    ['2026-11-18', true, Date.UTC(2026, 10, 19) - 1],
    ['', false, null],
    ['18/11/2026', false, null],
  ])('dayBound(%j, end=%s)', (v, end, out) => {
    expect(dayBound(v, end)).toBe(out);
  });
});
