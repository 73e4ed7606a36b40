/**
 * The sourcing audit page's view (issue 16): filters, the totals, one ChartSection per question the audit
 * answers, and the list of claims behind whichever bar or row the reader picked, each linking back to its
 * passage. Takes the saved articles as props and reports downloads, copies and "open this passage" through
 * callbacks; it calls no browser API.
 */
import { startTransition, useDeferredValue, useEffect, useMemo, useState } from 'react';
import {
  auditReport,
  filterArticles,
  type AuditArticle,
  type AuditClaim,
  type AuditFilter,
  type ClaimCounts,
  type TopSpeaker,
} from '@/utils/audit/aggregate';
import { ArticleTable } from './ArticleTable';
import { ChartSection, type SectionRow } from './ChartSection';
import { auditTotals, formatPercent as percent, LONG_LIST_ARTICLES } from './totals';

export { LONG_LIST_ARTICLES };

/** Props: the saved articles, and what to do with downloads, copies and passages. */
export interface AuditViewProps {
  articles: readonly AuditArticle[];
  onDownload: (name: string, mime: string, data: string | Uint8Array) => void;
  onCopy: (text: string) => Promise<void>;
  onOpenClaim: (article: AuditArticle, claim: AuditClaim) => void;
  /** Opens an article (without a passage). */
  onOpenArticle: (article: AuditArticle) => void;
  /** Stores an article's tags. */
  onSetTags: (article: AuditArticle, tags: string[]) => Promise<void>;
}

const NAMED = '#2f6fb3';
const ANONYMOUS = '#c2571a';
const ONE = '#5b6b7b';
const GUESS = '#b08bd6';

const DAY = 864e5;

/** How many articles the "distinct speakers per article" chart draws (the most distinct speakers first). */
export const SPEAKERS_CHART_ARTICLES = 30;

/** The indices of the `n` largest values, largest first (ties in their order). */
function topIndices(values: readonly number[], n: number): number[] {
  return values
    .map((_v, i) => i)
    .sort((x, y) => values[y]! - values[x]! || x - y)
    .slice(0, n);
}

/** "YYYY-MM-DD" from a date input → epoch ms at the start (or end) of that UTC day; null when empty. */
export function dayBound(value: string, end: boolean): number | null {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return null;
  const t = Date.parse(`${value}T00:00:00Z`);
  return Number.isFinite(t) ? t + (end ? DAY - 1 : 0) : null;
}

/** The form state of the filters, as the inputs hold it. */
interface FilterForm {
  outlets: string[];
  pubFrom: string;
  pubTo: string;
  readFrom: string;
  readTo: string;
  tag: string;
}

const EMPTY_FORM: FilterForm = { outlets: [], pubFrom: '', pubTo: '', readFrom: '', readTo: '', tag: '' };

function toFilter(f: FilterForm): AuditFilter {
  return {
    outlets: f.outlets,
    published: { from: dayBound(f.pubFrom, false), to: dayBound(f.pubTo, true) },
    read: { from: dayBound(f.readFrom, false), to: dayBound(f.readTo, true) },
    tags: f.tag ? [f.tag] : [],
  };
}

/** Named and anonymous claim ids of a group, for the two stacked series. */
function split(c: ClaimCounts, byId: ReadonlyMap<string, AuditClaim>): [string[], string[]] {
  const named: string[] = [];
  const anon: string[] = [];
  for (const id of c.claimIds) (byId.get(id)?.anonymous ? anon : named).push(id);
  return [named, anon];
}

function countsRows(groups: readonly ClaimCounts[], byId: ReadonlyMap<string, AuditClaim>): SectionRow[] {
  return groups.map((g) => ({
    cells: [g.label, g.articles, g.claims, g.named, g.anonymous, percent(g.anonymousShare)],
    claims: split(g, byId),
  }));
}

const COUNTS_HEADER = ['', 'Articles', 'Claims', 'Named', 'Anonymous', 'Anonymous share'];

function namedAnonSeries(groups: readonly ClaimCounts[]) {
  return [
    { label: 'Named', values: groups.map((g) => g.named), color: NAMED },
    { label: 'Anonymous', values: groups.map((g) => g.anonymous), color: ANONYMOUS },
  ];
}

function topRows(top: readonly TopSpeaker[]): SectionRow[] {
  return top.map((t) => ({
    cells: [t.speaker, t.claims, t.articles.map((a) => a.title).join('; ')],
    claims: [t.claimIds],
  }));
}

/** A from–to pair of date inputs under one legend ("Published", "Read"). */
function DateRangeFields(p: {
  legend: string;
  from: string;
  to: string;
  onChange: (from: string, to: string) => void;
}) {
  return (
    <fieldset>
      <legend>{p.legend}</legend>
      <label>
        from{' '}
        <input
          type="date"
          aria-label={`${p.legend} from`}
          value={p.from}
          onChange={(e) => p.onChange(e.target.value, p.to)}
        />
      </label>
      <label>
        to{' '}
        <input
          type="date"
          aria-label={`${p.legend} to`}
          value={p.to}
          onChange={(e) => p.onChange(p.from, e.target.value)}
        />
      </label>
    </fieldset>
  );
}

/** The audit: filters, totals, sections and the claims behind the selection. */
export function AuditView({ articles, onDownload, onCopy, onOpenClaim, onOpenArticle, onSetTags }: AuditViewProps) {
  const [form, setForm] = useState<FilterForm>(EMPTY_FORM);
  const [period, setPeriod] = useState<'week' | 'month'>('month');
  const [guess, setGuess] = useState(false);
  const [selection, setSelection] = useState<{ title: string; ids: readonly string[] } | null>(null);
  // more than LONG_LIST_ARTICLES: the page paints in steps — first the filters and the totals (sums of
  // per-article parts, ./totals.ts); after that paint, the sections (the full report, its tables and
  // charts); then the articles' list — each step rendered in the background (interruptible). A filter
  // change updates the totals at once and the sections after them.
  const large = articles.length > LONG_LIST_ARTICLES;
  // a large library's sections and list of articles render once the totals are on screen: after the next
  // frame (a requestAnimationFrame callback runs before it, a task queued there after it), in a transition
  const [painted, setPainted] = useState(!large);
  useEffect(() => {
    if (painted) return;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const frame = requestAnimationFrame(() => {
      timer = setTimeout(() => startTransition(() => setPainted(true)));
    });
    return () => {
      cancelAnimationFrame(frame);
      clearTimeout(timer);
    };
  }, [painted]);
  // then, in a transition of its own, the list of articles (a row and a tag field per article): two
  // shorter tasks rather than one long one
  const [listsShown, setListsShown] = useState(!large);
  useEffect(() => {
    if (painted && !listsShown) startTransition(() => setListsShown(true));
  }, [painted, listsShown]);

  const outlets = useMemo(() => [...new Set(articles.map((a) => a.outlet))].sort(), [articles]);
  const tags = useMemo(() => [...new Set(articles.flatMap((a) => a.tags))].sort(), [articles]);
  const shown = useMemo(() => filterArticles(articles, toFilter(form)), [articles, form]);
  // cheap: sums of per-article parts, so the totals paint before the report over every claim is counted
  const totals = useMemo(() => auditTotals(shown), [shown]);
  const articleOf = useMemo(() => new Map(shown.map((a) => [a.id, a] as const)), [shown]);
  // the report, its tables and charts: of a large library, rendered after the totals paint (null until
  // then), and after a filter change in the background, behind the totals
  const input = useMemo(() => ({ shown, period, guess }), [shown, period, guess]);
  const deferred = useDeferredValue(input);
  const reportInput = !painted ? null : large ? deferred : input;
  const report = useMemo(
    () => reportInput && auditReport(reportInput.shown, { period: reportInput.period, genderGuess: reportInput.guess }),
    [reportInput],
  );

  const set = (patch: Partial<FilterForm>) => {
    setForm((f) => ({ ...f, ...patch }));
    setSelection(null);
  };
  const common = {
    onSelect: (title: string, ids: readonly string[]) => setSelection({ title, ids }),
    onDownload,
    onCopy,
  };

  const sections = useMemo(() => {
    if (!report || !reportInput) return [];
    const { period, guess } = reportInput;
    const byId = new Map(reportInput.shown.flatMap((a) => a.claims.map((c) => [c.id, c] as const)));
    const articleOf = new Map(reportInput.shown.map((a) => [a.id, a] as const));
    const speakerCounts = report.speakersPerArticle.map((a) => a.speakers);
    const speakersChart =
      speakerCounts.length > SPEAKERS_CHART_ARTICLES ? topIndices(speakerCounts, SPEAKERS_CHART_ARTICLES) : undefined;
    const genderLabel = (g: (typeof report.gender)[number]) =>
      guess && g.guessed > 0 ? `${g.label} (${g.guessed} guessed from given names)` : g.label;
    return [
      {
        id: 'outlets',
        title: 'Claims per outlet',
        method:
          'Each saved claim is counted once, under the outlet of its article (its site name, else its web address); it is anonymous when the analyzer or your correction says its source is unnamed.',
        header: ['Outlet', ...COUNTS_HEADER.slice(1)],
        rows: countsRows(report.byOutlet, byId),
        labels: report.byOutlet.map((g) => g.label),
        series: namedAnonSeries(report.byOutlet),
      },
      {
        id: 'periods',
        title: period === 'week' ? 'Claims per week' : 'Claims per month',
        method:
          'Claims are grouped by the article’s publication date, or the day you saved it when the page gives none, in ISO weeks or calendar months (UTC).',
        header: [period === 'week' ? 'Week' : 'Month', ...COUNTS_HEADER.slice(1)],
        rows: countsRows(report.byPeriod, byId),
        labels: report.byPeriod.map((g) => g.label),
        series: namedAnonSeries(report.byPeriod),
      },
      {
        id: 'speakers',
        title: 'Distinct speakers per article',
        method: speakersChart
          ? `The number of different speakers, named or described, among an article’s saved claims; the chart shows the ${SPEAKERS_CHART_ARTICLES} articles with the most, the table and the CSV all ${speakerCounts.length}.`
          : 'The number of different speakers, named or described, among an article’s saved claims.',
        header: ['Article', 'Outlet', 'Distinct speakers', 'Claims'],
        rows: report.speakersPerArticle.map((a) => ({
          cells: [a.title, a.outlet, a.speakers, a.claims],
          claims: [articleOf.get(a.id)?.claims.map((c) => c.id) ?? []],
        })),
        labels: report.speakersPerArticle.map((a) => a.title),
        series: [{ label: 'Distinct speakers', values: speakerCounts, color: ONE }],
        chartRows: speakersChart,
        horizontal: true,
      },
      {
        id: 'people',
        title: 'Most-quoted people',
        method:
          'Claims attributed to a named person, across the articles shown; anonymous claims are not counted here.',
        header: ['Person', 'Claims', 'Articles'],
        rows: topRows(report.topPeople),
        labels: report.topPeople.map((t) => t.speaker),
        series: [{ label: 'Claims', values: report.topPeople.map((t) => t.claims), color: NAMED }],
        horizontal: true,
      },
      {
        id: 'organizations',
        title: 'Most-quoted organizations',
        method:
          'Claims attributed to a named organization speaking as a whole ("the ministry said"), across the articles shown.',
        header: ['Organization', 'Claims', 'Articles'],
        rows: topRows(report.topOrganizations),
        labels: report.topOrganizations.map((t) => t.speaker),
        series: [{ label: 'Claims', values: report.topOrganizations.map((t) => t.claims), color: NAMED }],
        horizontal: true,
      },
      {
        id: 'kinds',
        title: 'Kinds of speakers',
        method:
          'Each claim’s speaker is classified by what the article calls them (a title before the name, a description after it, or the words describing an unnamed source), looked up in one table of role words; organizations come from the entity type, and a speaker the article does not describe is unknown.',
        header: ['Kind', 'Claims', 'Named', 'Anonymous'],
        rows: report.kinds.map((k) => ({ cells: [k.label, k.claims, k.named, k.anonymous], claims: split(k, byId) })),
        labels: report.kinds.map((k) => k.label),
        series: namedAnonSeries(report.kinds),
        horizontal: true,
      },
      {
        id: 'gender',
        title: 'Gender of named people',
        method: guess
          ? 'Gender comes from the article (an honorific such as Ms. or Mr. before the name, or a pronoun the speaker resolution linked to the person); where it gives none, a guess from the given name fills in, and guesses are counted apart.'
          : 'Gender is recorded only from the article: an honorific (Ms., Mrs., Mr.) before the name, or a pronoun the speaker resolution linked to the person (“she said”); everyone else is unknown.',
        header: ['Gender', 'People', 'Claims', 'Guessed from given name'],
        rows: report.gender.map((g) => ({
          cells: [genderLabel(g), g.people, g.claims, g.guessed],
          claims: [g.claimIds],
        })),
        labels: report.gender.map(genderLabel),
        series: [
          { label: 'From the article', values: report.gender.map((g) => g.people - g.guessed), color: ONE },
          ...(guess
            ? [{ label: 'Guessed from given name', values: report.gender.map((g) => g.guessed), color: GUESS }]
            : []),
        ],
      },
    ];
  }, [report, reportInput]);

  // listed in reading order (article, then passage), whichever series of a bar they came from
  const selected = useMemo(() => {
    if (!selection) return [];
    const ids = new Set(selection.ids);
    return shown.flatMap((a) => a.claims.filter((c) => ids.has(c.id)));
  }, [selection, shown]);

  if (articles.length === 0)
    return (
      <main className="audit" data-testid="audit-empty">
        <h1>Sourcing audit</h1>
        <p className="empty">
          No article’s sourcing is saved yet. Open an article, then choose “Save sourcing” in the Sourcelight panel or
          popup; the audit counts every article saved that way.
        </p>
      </main>
    );

  return (
    <main className="audit">
      <h1>Sourcing audit</h1>
      <form className="filters" aria-label="Filters" onSubmit={(e) => e.preventDefault()}>
        <fieldset>
          <legend>Outlets</legend>
          {outlets.map((o) => (
            <label key={o}>
              <input
                type="checkbox"
                checked={form.outlets.includes(o)}
                onChange={(e) =>
                  set({ outlets: e.target.checked ? [...form.outlets, o] : form.outlets.filter((x) => x !== o) })
                }
              />
              {o}
            </label>
          ))}
        </fieldset>
        <DateRangeFields
          legend="Published"
          from={form.pubFrom}
          to={form.pubTo}
          onChange={(from, to) => set({ pubFrom: from, pubTo: to })}
        />
        <DateRangeFields
          legend="Read"
          from={form.readFrom}
          to={form.readTo}
          onChange={(from, to) => set({ readFrom: from, readTo: to })}
        />
        {tags.length > 0 && (
          <label>
            Tag{' '}
            <select value={form.tag} onChange={(e) => set({ tag: e.target.value })}>
              <option value="">All tags</option>
              {tags.map((t) => (
                <option key={t} value={t}>
                  {t}
                </option>
              ))}
            </select>
          </label>
        )}
        <fieldset>
          <legend>Group by</legend>
          <label>
            <input type="radio" name="period" checked={period === 'month'} onChange={() => setPeriod('month')} /> month
          </label>
          <label>
            <input type="radio" name="period" checked={period === 'week'} onChange={() => setPeriod('week')} /> week
          </label>
        </fieldset>
        <label>
          <input
            type="checkbox"
            data-testid="gender-guess"
            checked={guess}
            onChange={(e) => setGuess(e.target.checked)}
          />{' '}
          Guess gender from given names (shown as a guess)
        </label>
        <button type="button" onClick={() => set(EMPTY_FORM)}>
          Clear filters
        </button>
      </form>

      <section className="totals" aria-label="Totals" data-testid="audit-totals">
        <p>
          <strong>{totals.articles}</strong> {totals.articles === 1 ? 'article' : 'articles'} ·{' '}
          <strong>{totals.claims}</strong> {totals.claims === 1 ? 'claim' : 'claims'} · <strong>{totals.named}</strong>{' '}
          named · <strong>{totals.anonymous}</strong> anonymous ({percent(totals.anonymousShare)}) ·{' '}
          <button
            type="button"
            className="link"
            disabled={totals.corrected === 0}
            onClick={() => setSelection({ title: 'Claims you corrected', ids: totals.correctedClaimIds })}
          >
            <strong>{totals.corrected}</strong> corrected by you
          </button>
        </p>
      </section>

      {selection && (
        <section className="selection" aria-live="polite" data-testid="audit-selection">
          <h2>
            {selection.title} <span className="count">({selected.length})</span>
          </h2>
          <button type="button" className="close" onClick={() => setSelection(null)} aria-label="Close the list">
            ×
          </button>
          <ul>
            {selected.map((c) => {
              const a = articleOf.get(c.articleId);
              return (
                <li key={c.id}>
                  <span className="speaker">{c.speaker ?? 'Unknown speaker'}</span>
                  {c.anonymous && <span className="badge anonymous">anonymous</span>}
                  {c.corrected && <span className="badge corrected">corrected</span>}
                  <q>{c.passage}</q>
                  {a && (
                    <button type="button" className="link" onClick={() => onOpenClaim(a, c)}>
                      {a.title} ({a.outlet})
                    </button>
                  )}
                </li>
              );
            })}
          </ul>
        </section>
      )}

      {report ? (
        sections.map((s) => <ChartSection key={s.id} {...s} {...common} />)
      ) : (
        <p className="muted" role="status">
          Counting the claims of {shown.length} articles…
        </p>
      )}

      {listsShown ? (
        <ArticleTable articles={shown} onOpen={onOpenArticle} onSetTags={onSetTags} />
      ) : (
        <p className="muted" role="status">
          Listing {shown.length} articles…
        </p>
      )}
    </main>
  );
}
