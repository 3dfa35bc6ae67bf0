// How the leaderboard prints a number: Top-1/Bottom-1 in percent with one decimal, the rest with two (the paper's
// tables), intervals in the same units.
import type { MetricName } from '../../../core/metrics/types';

export function formatValue(metric: MetricName, value: number): string {
  if (!Number.isFinite(value)) return '—';
  const text = metric === 'top1' || metric === 'bottom1' ? `${(value * 100).toFixed(1)}%` : value.toFixed(2);
  return text.startsWith('-') && /^-0[.,]?0*%?$/.test(text) ? text.slice(1) : text;
}

export function formatInterval(metric: MetricName, interval: readonly [number, number]): string {
  return `[${formatValue(metric, interval[0])}, ${formatValue(metric, interval[1])}]`;
}

/** A signed difference (B - A) in the metric's units. */
export function formatDiff(metric: MetricName, value: number): string {
  const text = formatValue(metric, value);
  return value > 0 && !/^0[.,]0*%?$/.test(text) ? `+${text}` : text;
}
