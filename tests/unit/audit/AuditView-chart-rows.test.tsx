// @vitest-environment jsdom
// A section whose chart draws a subset of its rows (ChartSection's `chartRows`, used by the "distinct speakers
// per article" chart of a large library): the chart gets only those rows' labels and values, in that order; a
// click on a drawn bar lists the claims of the row it stands for; the table keeps every row.
import { act } from 'react';
import { createRoot } from 'react-dom/client';
import { afterEach, expect, test, vi } from 'vitest';
import type { BarChartProps } from '../../../components/audit/BarChart';
import { ChartSection } from '../../../components/audit/ChartSection';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

/** The props the (stand-in) chart was last rendered with. */
let drawn: BarChartProps | null = null;
vi.mock('../../../components/audit/BarChart', () => ({
  BarChart: (p: BarChartProps) => {
    drawn = p;
    return null;
  },
}));

const el = document.createElement('div');
document.body.append(el);
const root = createRoot(el);
afterEach(() => act(() => root.unmount()));

test('the chart draws the chosen rows; a bar lists its row’s claims; the table has every row', () => {
  const onSelect = vi.fn();
  act(() =>
    root.render(
      <ChartSection
        id="speakers"
        title="Distinct speakers per article"
        method="…"
        header={['Article', 'Distinct speakers']}
        rows={[
          { cells: ['A', 1], claims: [['a1']] },
          { cells: ['B', 3], claims: [['b1', 'b2']] },
          { cells: ['C', 2], claims: [['c1']] },
        ]}
        labels={['A', 'B', 'C']}
        series={[{ label: 'Distinct speakers', values: [1, 3, 2], color: '#000' }]}
        chartRows={[1, 2]}
        onSelect={onSelect}
        onDownload={() => undefined}
        onCopy={() => Promise.resolve()}
      />,
    ),
  );
  expect(drawn!.labels).toEqual(['B', 'C']);
  expect(drawn!.series[0]!.values).toEqual([3, 2]);
  act(() => drawn!.onBarClick!(1, 0));
  expect(onSelect).toHaveBeenCalledWith('Distinct speakers per article: C', ['c1']);
  expect(el.querySelectorAll('[data-testid=table-speakers] tbody tr')).toHaveLength(3);
});
