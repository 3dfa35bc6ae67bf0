// A run's three plots drawn with Observable Plot from core/plots data: predicted against true score, the spread of
// per-problem Spearman, and calibration. Each has its table fallback beside it (see RunPlots.svelte).
import type { CalibrationBin, HistogramBin, ScoreCount } from '../../../core/plots/run-plot-data';
import type { PlotModule } from './load-plot';
import { ACCENT, MUTED, baseOptions } from './plot-style';

const diagonal = (Plot: PlotModule) => Plot.line([[0, 0], [1, 1]], { stroke: MUTED, strokeDasharray: '4 4' });

export function scatterPlot(Plot: PlotModule, counts: readonly ScoreCount[], width: number) {
  return Plot.plot({
    ...baseOptions(width),
    height: Math.min(360, Math.max(240, width * 0.7)),
    x: { domain: [0, 1], label: 'Predicted score →', grid: true },
    y: { domain: [0, 1], label: '↑ True score', grid: true },
    r: { range: [3, 14] },
    marks: [diagonal(Plot), Plot.dot(counts, { x: 'predicted', y: 'truth', r: 'count', fill: ACCENT, fillOpacity: 0.55, stroke: ACCENT, title: (d: ScoreCount) => `${d.count} candidates: predicted ${d.predicted.toFixed(2)}, true ${d.truth.toFixed(2)}` })],
  });
}

export function spearmanHistogramPlot(Plot: PlotModule, bins: readonly HistogramBin[], width: number) {
  const most = Math.max(1, ...bins.map((b) => b.count));
  return Plot.plot({
    ...baseOptions(width),
    height: 220,
    x: { domain: [-1, 1], label: 'Spearman of a problem →' },
    y: { label: '↑ Problems', grid: true, ticks: Math.min(5, most), tickFormat: 'd' },
    marks: [Plot.rectY(bins, { x1: 'low', x2: 'high', y: 'count', fill: ACCENT, inset: 1 }), Plot.ruleY([0])],
  });
}

export function calibrationPlot(Plot: PlotModule, bins: readonly CalibrationBin[], width: number) {
  const filled = bins.filter((b) => b.count > 0);
  return Plot.plot({
    ...baseOptions(width),
    height: Math.min(360, Math.max(240, width * 0.7)),
    x: { domain: [0, 1], label: 'Mean predicted score in the bin →', grid: true },
    y: { domain: [0, 1], label: '↑ Mean true score', grid: true },
    marks: [
      diagonal(Plot),
      Plot.line(filled, { x: 'meanPredicted', y: 'meanTrue', stroke: ACCENT }),
      Plot.dot(filled, { x: 'meanPredicted', y: 'meanTrue', fill: ACCENT, r: 4 }),
      Plot.text(filled, { x: 'meanPredicted', y: 'meanTrue', text: (d: CalibrationBin) => `n=${d.count}`, dy: -10, fill: 'currentColor' }),
    ],
  });
}
