// Formatting of run facts for the runs pages: metric values, rates, durations, statuses and verifier labels.
import type { VerifierKind } from '../../../core/verifiers/verifier-kind';
import type { Run } from '../../../core/run/run-types';
import type { EngineStart } from '../../../state/runs-store.svelte';
import type { DisplayStatus } from '../../../state/run-display-status';
import type { MetricName, SplitMetrics } from '../../../core/metrics/types';

/** The paper's table: column order and headings. */
export const METRIC_COLUMNS: readonly { key: MetricName; label: string; better: 'higher' | 'lower' }[] = [
  { key: 'top1', label: 'Top-1', better: 'higher' },
  { key: 'bottom1', label: 'Bottom-1', better: 'higher' },
  { key: 'spearman', label: 'Spearman', better: 'higher' },
  { key: 'kendall', label: 'Kendall', better: 'higher' },
  { key: 'mae', label: 'MAE', better: 'lower' },
  { key: 'r2', label: 'R²', better: 'higher' },
];

/** A metric as the paper prints it (Top-1/Bottom-1 as percentages, the rest with 2 decimals). */
export function formatMetric(key: MetricName, metrics: SplitMetrics): string {
  const v = metrics[key];
  return key === 'top1' || key === 'bottom1' ? `${(v * 100).toFixed(1)}%` : v.toFixed(2);
}

/** Status labels, including the phases only the tab that executes a run knows. */
export const STATUS_LABELS: Record<DisplayStatus, string> = {
  draft: 'Draft',
  starting: 'Starting',
  'needs-key': 'Needs API key',
  running: 'Running',
  paused: 'Paused',
  done: 'Done',
  failed: 'Failed',
  cancelled: 'Cancelled',
  stopping: 'Stopping',
};

/** A verifier kind in words. */
export const KIND_LABELS: Readonly<Record<VerifierKind, string>> = { tests: 'Generated tests', reward: 'Reward model', judge: 'LLM judge', refine: 'Refinement with feedback' };

/** "openai-compatible · gpt-4o-mini", "WebLLM · Qwen…", "file · tests.jsonl". */
export function verifierLabel(run: Run): string {
  const v = run.verifier;
  if (v.backend === 'file') return `From file · ${v.fileName ?? v.model}`;
  const backend = v.backend === 'webllm' ? 'WebLLM' : 'OpenAI-compatible';
  if (v.kind === 'reward' || v.kind === 'judge' || v.kind === 'refine') return `${KIND_LABELS[v.kind]} · ${backend} · ${v.model}`;
  const variant = v.variant === 'instruction' ? '' : ' · with solution';
  return `${backend} · ${v.model}${variant}`;
}

/** A per-second rate with a unit, or an em dash when not measured yet. */
export function formatRate(value: number | null, unit: string): string {
  if (value === null) return '—';
  return `${value >= 10 ? value.toFixed(0) : value.toFixed(1)} ${unit}/s`;
}

/** "1 h 05 min", "3 min 20 s", "42 s". */
export function formatDuration(seconds: number | null): string {
  if (seconds === null || !Number.isFinite(seconds)) return '—';
  const s = Math.round(seconds);
  if (s < 60) return `${s} s`;
  if (s < 3600) return `${Math.floor(s / 60)} min ${String(s % 60).padStart(2, '0')} s`;
  return `${Math.floor(s / 3600)} h ${String(Math.floor((s % 3600) / 60)).padStart(2, '0')} min`;
}

export const formatDate = (ms: number): string =>
  new Date(ms).toLocaleString(undefined, { year: 'numeric', month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit' });

/** The Python engine's line in a running run's progress: not asked for yet, starting, ready, or failed. */
export function engineText(engine: EngineStart | null): string {
  if (engine === null) return 'Starts once the run is set up';
  const workers = `${engine.workers} worker${engine.workers === 1 ? '' : 's'}`;
  if (engine.phase === 'ready') return `Python ready (${workers})`;
  if (engine.phase === 'failed') return `Python could not start: ${engine.error ?? 'unknown error'}`;
  return engine.workers > 1 ? `Starting Python… (${engine.workersReady} of ${workers} ready)` : 'Starting Python…';
}
