/**
 * A bar chart for the audit page (issue 16): Chart.js on a canvas, loaded only on this page. The chart is
 * the picture; the data table beside it (ChartSection) carries the same numbers for screen readers and
 * copying, so the canvas is `role="img"` with a summary label. Clicking a bar reports which bar, and the
 * page lists the claims behind it. `onReady` hands the section a PNG export of the drawn chart.
 */
import { useEffect, useRef } from 'react';
import type { Chart as ChartType, ChartConfiguration } from 'chart.js';

/**
 * Chart.js, loaded on first use: the page paints its totals before the charting library is even parsed
 * (issue 16, first paint with 2,000 articles). One import for every chart on the page.
 */
let chartJs: Promise<typeof ChartType> | null = null;
function loadChartJs(): Promise<typeof ChartType> {
  chartJs ??= import('chart.js').then((m) => {
    m.Chart.register(m.BarController, m.BarElement, m.CategoryScale, m.LinearScale, m.Tooltip, m.Legend);
    return m.Chart;
  });
  return chartJs;
}

/** One series of bars (stacked with the others). */
export interface BarSeries {
  label: string;
  values: readonly number[];
  color: string;
}

/** Props: the categories, their series, and what to do on a bar click. */
export interface BarChartProps {
  labels: readonly string[];
  series: readonly BarSeries[];
  /** Summary for assistive technology ("Claims per outlet, named and anonymous"). */
  label: string;
  horizontal?: boolean;
  onBarClick?: (index: number, series: number) => void;
  /** Receives a function that renders the chart as PNG bytes (null while there is no chart). */
  onReady?: (toPng: (() => Uint8Array) | null) => void;
  testId?: string;
}

/** Bytes of a `data:image/png;base64,…` URL. */
function dataUrlBytes(url: string): Uint8Array {
  const bin = atob(url.slice(url.indexOf(',') + 1));
  const out = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
  return out;
}

/**
 * Writes where each bar's centre is, in canvas pixels, to the canvas's `data-bars` after every render (a
 * resize moves the bars): lets a test click a bar without knowing Chart.js's layout. Numbers only; the
 * labels are in the table.
 */
function writeCentres(chart: ChartType): void {
  const horizontal = chart.options.indexAxis === 'y';
  const centres: number[][] = [];
  chart.data.datasets.forEach((_d, si) =>
    chart.getDatasetMeta(si).data.forEach((bar, i) => {
      const { x, y, base } = bar.getProps(['x', 'y', 'base'], true) as { x: number; y: number; base: number };
      centres.push([si, i, Math.round(horizontal ? (x + base) / 2 : x), Math.round(horizontal ? y : (y + base) / 2)]);
    }),
  );
  chart.canvas.dataset.bars = JSON.stringify(centres);
}

/** A stacked bar chart; redrawn when its data changes, destroyed on unmount. */
export function BarChart({ labels, series, label, horizontal, onBarClick, onReady, testId }: BarChartProps) {
  const canvas = useRef<HTMLCanvasElement>(null);
  const click = useRef(onBarClick);
  useEffect(() => {
    click.current = onBarClick;
  }, [onBarClick]);
  useEffect(() => {
    const el = canvas.current;
    // jsdom (unit tests) has no 2D context: the table beside the chart still shows every number
    if (!el || !el.getContext('2d')) return;
    const config: ChartConfiguration<'bar', number[], string> = {
      type: 'bar',
      data: {
        labels: [...labels],
        datasets: series.map((s) => ({ label: s.label, data: [...s.values], backgroundColor: s.color })),
      },
      options: {
        indexAxis: horizontal ? 'y' : 'x',
        animation: false,
        responsive: true,
        maintainAspectRatio: false,
        scales: { x: { stacked: true }, y: { stacked: true, beginAtZero: true } },
        plugins: { legend: { display: series.length > 1 } },
        onClick: (_event, elements) => {
          const hit = elements[0];
          if (hit) click.current?.(hit.index, hit.datasetIndex);
        },
      },
    };
    let chart: ChartType<'bar', number[], string> | null = null;
    let gone = false;
    void loadChartJs().then((Chart) => {
      if (gone) return; // unmounted or redrawn while the library loaded
      const drawn = new Chart(el, { ...config, plugins: [{ id: 'sourcelight-centres', afterRender: writeCentres }] });
      chart = drawn;
      onReady?.(() => dataUrlBytes(drawn.toBase64Image('image/png')));
    });
    return () => {
      gone = true;
      if (!chart) return;
      onReady?.(null);
      chart.destroy();
    };
  }, [labels, series, horizontal, onReady]);
  return (
    <div className="chart" style={{ height: `${Math.max(160, (horizontal ? labels.length * 28 : 0) + 120)}px` }}>
      <canvas ref={canvas} role="img" aria-label={label} data-testid={testId} />
    </div>
  );
}
