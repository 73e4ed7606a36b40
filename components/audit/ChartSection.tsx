/**
 * One section of the audit page (issue 16): a heading, the one-sentence method, the chart, and the data
 * table beside it with the same numbers — accessible, copyable (tab-separated, pastes into a spreadsheet),
 * downloadable as CSV, and the chart as PNG. Every row has a button that lists the claims behind it, so
 * the drill-down works from the keyboard as well as by clicking a bar.
 */
import { useCallback, useMemo, useRef, useState } from 'react';
import { toCsv, type CsvCell } from '@/utils/audit/csv';
import { BarChart, type BarSeries } from './BarChart';

/** A table row: its cells and the claims behind it (index = series, as in the chart). */
export interface SectionRow {
  cells: readonly CsvCell[];
  /** The claim ids behind the row, per series of the chart (or one list for the whole row). */
  claims: readonly (readonly string[])[];
}

/** Props of a section. */
export interface ChartSectionProps {
  id: string;
  title: string;
  /** One sentence: how the numbers were counted. */
  method: string;
  header: readonly string[];
  rows: readonly SectionRow[];
  /** The chart: one label per row, and the series drawn from the rows. */
  labels: readonly string[];
  series: readonly BarSeries[];
  horizontal?: boolean;
  /**
   * The rows the chart draws, by index into `rows`, in the order drawn; every row when absent. The table
   * and the CSV always hold every row (a chart of thousands of bars is beyond what a canvas can be).
   */
  chartRows?: readonly number[];
  /** Lists the claims behind a bar or row; `title` says which. */
  onSelect: (title: string, claimIds: readonly string[]) => void;
  onDownload: (name: string, mime: string, data: string | Uint8Array) => void;
  onCopy: (text: string) => Promise<void>;
}

/** Tab-separated copy of a table: what a spreadsheet expects from the clipboard. */
export function toTsv(header: readonly string[], rows: readonly (readonly CsvCell[])[]): string {
  const cell = (c: CsvCell) => (c === null ? '' : String(c).replace(/[\t\r\n]+/g, ' '));
  return [header, ...rows].map((r) => r.map(cell).join('\t')).join('\n');
}

/** A chart with its table, method, and CSV/PNG/copy actions. */
export function ChartSection(p: ChartSectionProps) {
  const toPng = useRef<(() => Uint8Array) | null>(null);
  const [status, setStatus] = useState('');
  const onReady = useCallback((fn: (() => Uint8Array) | null) => {
    toPng.current = fn;
  }, []);
  const { labels, series, chartRows } = p;
  // the drawn subset, stable across renders: a new array would make the chart redraw
  const chartLabels = useMemo(() => (chartRows ? chartRows.map((i) => labels[i]!) : labels), [labels, chartRows]);
  const chartSeries = useMemo(
    () => (chartRows ? series.map((s) => ({ ...s, values: chartRows.map((i) => s.values[i]!) })) : series),
    [series, chartRows],
  );
  const select = (row: number, series: number) => {
    const r = p.rows[row];
    if (!r) return;
    const ids = r.claims.length === 1 ? r.claims[0]! : (r.claims[series] ?? []);
    const which = r.claims.length === 1 ? String(p.labels[row]) : `${p.labels[row]} — ${p.series[series]?.label}`;
    p.onSelect(`${p.title}: ${which}`, ids);
  };
  const allClaims = (r: SectionRow) => [...new Set(r.claims.flat())];
  const tableRows = p.rows.map((r) => r.cells);
  return (
    <section className="audit-section" aria-labelledby={`${p.id}-title`} data-testid={`section-${p.id}`}>
      <h2 id={`${p.id}-title`}>{p.title}</h2>
      <p className="method">{p.method}</p>
      {p.rows.length === 0 ? (
        <p className="empty">Nothing to count for this filter.</p>
      ) : (
        <div className="chart-and-table">
          <BarChart
            labels={chartLabels}
            series={chartSeries}
            label={`${p.title}. The numbers are in the table beside the chart.`}
            horizontal={p.horizontal}
            onBarClick={(bar, s) => select(chartRows ? chartRows[bar]! : bar, s)}
            onReady={onReady}
            testId={`chart-${p.id}`}
          />
          <div className="table-wrap">
            <table data-testid={`table-${p.id}`}>
              <thead>
                <tr>
                  {p.header.map((h) => (
                    <th key={h} scope="col">
                      {h}
                    </th>
                  ))}
                  <th scope="col">
                    <span className="sr-only">Claims behind the row</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {p.rows.map((r, i) => (
                  <tr key={`${p.labels[i]}-${i}`}>
                    {r.cells.map((c, j) =>
                      j === 0 ? (
                        <th key={j} scope="row">
                          {c}
                        </th>
                      ) : (
                        <td key={j}>{c}</td>
                      ),
                    )}
                    <td>
                      <button
                        type="button"
                        className="link"
                        disabled={allClaims(r).length === 0}
                        onClick={() => p.onSelect(`${p.title}: ${p.labels[i]}`, allClaims(r))}
                      >
                        Claims
                      </button>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </div>
      )}
      <div className="section-actions">
        <button
          type="button"
          onClick={() =>
            void p
              .onCopy(toTsv(p.header, tableRows))
              .then(() => setStatus('Table copied.'))
              .catch((e: unknown) => setStatus(`Could not copy: ${e instanceof Error ? e.message : String(e)}`))
          }
        >
          Copy table
        </button>
        <button
          type="button"
          onClick={() => p.onDownload(`sourcelight-${p.id}.csv`, 'text/csv', toCsv(p.header, tableRows))}
        >
          CSV
        </button>
        <button
          type="button"
          disabled={p.rows.length === 0}
          onClick={() => {
            const png = toPng.current?.();
            if (png) p.onDownload(`sourcelight-${p.id}.png`, 'image/png', png);
            else setStatus('The chart is not drawn in this browser; the CSV has the same numbers.');
          }}
        >
          PNG
        </button>
        <span role="status" className="status">
          {status}
        </span>
      </div>
    </section>
  );
}
