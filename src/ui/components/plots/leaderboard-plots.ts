// The leaderboard's plots drawn with Observable Plot from core/plots data: one bar per row with its 95% bootstrap
// interval, and the scaling overlay (a line per row, its band behind it, a legend in the SVG so exports keep it).
import type { MetricName } from '../../../core/metrics/types';
import type { MetricBar, ScalingLinePoint } from '../../../core/plots/leaderboard-plot-data';
import type { PlotModule } from './load-plot';
import { ACCENT, SERIES_COLORS, SERIES_GLYPHS, SERIES_SYMBOLS, baseOptions, shortLabel } from './plot-style';

const PERCENT: ReadonlySet<MetricName> = new Set(['top1', 'bottom1']);

export function metricBarsPlot(Plot: PlotModule, bars: readonly MetricBar[], metric: MetricName, metricLabel: string, width: number) {
  const labels = new Map(bars.map((b) => [b.id, shortLabel(b.label, width < 500 ? 16 : 28)]));
  const ranged = bars.filter((b) => b.low !== null && b.high !== null);
  return Plot.plot({
    ...baseOptions(width),
    height: 50 + bars.length * 30,
    marginLeft: Math.round(Math.min(190, width * 0.36)),
    marginRight: 16,
    x: { label: `${metricLabel} ${metric === 'mae' ? '(lower is better) →' : '→'}`, grid: true, percent: PERCENT.has(metric) },
    y: { domain: bars.map((b) => b.id), label: null, tickFormat: (id: string) => labels.get(id) ?? id },
    marks: [
      Plot.barX(bars, { y: 'id', x: 'value', fill: ACCENT, fillOpacity: 0.3, insetTop: 4, insetBottom: 4 }),
      Plot.ruleX([0]),
      Plot.ruleY(ranged, { y: 'id', x1: 'low', x2: 'high', stroke: 'currentColor', strokeWidth: 1.5 }),
      Plot.tickX(ranged, { y: 'id', x: 'low', stroke: 'currentColor', insetTop: 8, insetBottom: 8 }),
      Plot.tickX(ranged, { y: 'id', x: 'high', stroke: 'currentColor', insetTop: 8, insetBottom: 8 }),
      Plot.dot(bars, { y: 'id', x: 'value', fill: 'currentColor', r: 3, title: (b: MetricBar) => b.label }),
    ],
  });
}

export function scalingPlot(Plot: PlotModule, points: readonly ScalingLinePoint[], ids: readonly string[], labels: ReadonlyMap<string, string>, metric: MetricName, metricLabel: string, ks: readonly number[], width: number) {
  const legendRow = 18;
  const colors = ids.map((_, i) => SERIES_COLORS[i % SERIES_COLORS.length]);
  const symbols = ids.map((_, i) => SERIES_SYMBOLS[i % SERIES_SYMBOLS.length]);
  // The legend sits under the x axis, one row per line: the line's shape in its colour, then its name.
  const legend = ids.flatMap((id, i) => [
    Plot.text([id], { text: () => SERIES_GLYPHS[i % SERIES_GLYPHS.length], frameAnchor: 'bottom-left', dy: 44 + i * legendRow, dx: 4 - 40, fill: colors[i], textAnchor: 'start' }),
    Plot.text([id], { text: () => shortLabel(labels.get(id) ?? id, width < 500 ? 38 : 70), frameAnchor: 'bottom-left', dy: 44 + i * legendRow, dx: 20 - 40, fill: 'currentColor', textAnchor: 'start' }),
  ]);
  return Plot.plot({
    ...baseOptions(width),
    height: 260 + ids.length * legendRow,
    marginLeft: 40,
    marginBottom: 48 + ids.length * legendRow,
    x: { label: 'Tests per problem (k) →', labelOffset: 30, ticks: ks.length <= 10 ? [...ks] : undefined, tickFormat: 'd' },
    y: { label: `↑ ${metricLabel}${metric === 'mae' ? ' (lower is better)' : ''}`, grid: true, percent: PERCENT.has(metric) },
    color: { domain: [...ids], range: colors },
    symbol: { domain: [...ids], range: symbols },
    marks: [
      Plot.areaY(points, { x: 'k', y1: 'low', y2: 'high', fill: 'id', fillOpacity: 0.14, curve: 'linear' }),
      Plot.lineY(points, { x: 'k', y: 'mean', stroke: 'id', strokeWidth: 2 }),
      Plot.dot(points, { x: 'k', y: 'mean', stroke: 'id', symbol: 'id', fill: 'var(--surface)', r: 4, title: (p: ScalingLinePoint) => `${p.label}, k = ${p.k}: ${p.mean.toFixed(3)}` }),
      ...legend,
    ],
  });
}
