// Presentation of per-split metrics: an aligned text table for people and a fixed-shape JSON object for scripts.
import type { MetricName, MetricsBySplit, SplitMetrics } from '../core/metrics/types';

const COLUMNS: ReadonlyArray<{ key: keyof SplitMetrics; title: string }> = [
  { key: 'problems', title: 'problems' },
  { key: 'solutions', title: 'solutions' },
  { key: 'top1', title: 'top1' },
  { key: 'bottom1', title: 'bottom1' },
  { key: 'spearman', title: 'spearman' },
  { key: 'kendall', title: 'kendall' },
  { key: 'mae', title: 'mae' },
  { key: 'r2', title: 'r2' },
];

/** A table with one row per split; metrics to 4 decimals as in the authors' printout, counts as integers. */
export function formatMetricsTable(metrics: MetricsBySplit): string {
  const rows = Object.entries(metrics).map(([split, values]) => [
    split,
    ...COLUMNS.map(({ key }) => (key === 'problems' || key === 'solutions' ? String(values![key]) : values![key].toFixed(4))),
  ]);
  const header = ['split', ...COLUMNS.map((column) => column.title)];
  const widths = header.map((title, i) => Math.max(title.length, ...rows.map((row) => row[i].length)));
  // Split names align left, numbers right.
  const render = (cells: string[]) => cells.map((cell, i) => (i === 0 ? cell.padEnd(widths[i]) : cell.padStart(widths[i]))).join('  ');
  return [render(header), ...rows.map(render)].join('\n') + '\n';
}

/**
 * The --json contract: one object keyed by split, each value with exactly
 * top1, bottom1, spearman, kendall, mae, r2, problems, solutions (full precision).
 */
export function metricsJson(metrics: MetricsBySplit): Record<string, SplitMetrics> {
  const result: Record<string, SplitMetrics> = {};
  for (const [split, m] of Object.entries(metrics)) {
    result[split] = { top1: m!.top1, bottom1: m!.bottom1, spearman: m!.spearman, kendall: m!.kendall, mae: m!.mae, r2: m!.r2, problems: m!.problems, solutions: m!.solutions };
  }
  return result;
}

const INTERVAL_KEYS: readonly MetricName[] = ['top1', 'bottom1', 'spearman', 'kendall', 'mae', 'r2'];

/** Per split, each metric's interval as "[low, high]" to 4 decimals. */
export function formatIntervalsTable(intervals: Partial<Record<string, Record<MetricName, [number, number]>>>): string {
  const rows = Object.entries(intervals).map(([split, ci]) => [split, ...INTERVAL_KEYS.map((key) => `[${ci![key][0].toFixed(4)}, ${ci![key][1].toFixed(4)}]`)]);
  return alignedTable(['split', ...INTERVAL_KEYS], rows);
}

/** Cells left-aligned in the first column, right-aligned in the others, two spaces apart. */
export function alignedTable(header: readonly string[], rows: ReadonlyArray<readonly string[]>): string {
  const widths = header.map((title, i) => Math.max(title.length, ...rows.map((row) => row[i].length)));
  const render = (cells: readonly string[]) => cells.map((cell, i) => (i === 0 ? cell.padEnd(widths[i]) : cell.padStart(widths[i]))).join('  ');
  return [render(header), ...rows.map(render)].join('\n') + '\n';
}
