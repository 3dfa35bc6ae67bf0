// Execution settings: their shape, defaults and validation of whatever localStorage holds (pure).

/** How a HumanEval-style io test compares a candidate with the reference: the paper's printed
 * output (numbers parsed, atol applied) or EvalPlus's comparison of the returned objects. */
export type ComparisonMode = 'paper' | 'evalplus';

export interface ExecutionSettings {
  /** Python workers running candidates in parallel. */
  workers: number;
  /** Default time limit of one test, in milliseconds. */
  testTimeoutMs: number;
  comparison: ComparisonMode;
}

export const MAX_WORKERS = 16;
/** Memory budgeted per worker (MB): one Pyodide interpreter takes about 120 MB, plus room for a candidate's data. */
export const WORKER_MEMORY_MB = 256;
export const TIMEOUT_MIN_MS = 100;
export const TIMEOUT_MAX_MS = 60_000;

/**
 * Defaults for a device with `cores` logical cores and `memoryGb` of memory (navigator.deviceMemory, where the
 * browser tells): a worker per core (the page's own work during a run is small next to a worker's), but no more
 * than half the memory holds at WORKER_MEMORY_MB each.
 */
export function defaultSettings(cores: number, memoryGb?: number): ExecutionSettings {
  const byMemory = memoryGb && memoryGb > 0 ? Math.floor((memoryGb * 1024) / 2 / WORKER_MEMORY_MB) : MAX_WORKERS;
  return { workers: Math.max(1, Math.min(cores, byMemory, MAX_WORKERS)), testTimeoutMs: 1000, comparison: 'paper' };
}

/** Round and clamp to an integer range; non-numbers give the fallback. */
export function clampInt(value: unknown, min: number, max: number, fallback: number): number {
  if (typeof value !== 'number' || !Number.isFinite(value)) return fallback;
  return Math.min(max, Math.max(min, Math.round(value)));
}

/** Settings from parsed JSON of unknown shape: each valid field is kept, the rest take defaults. */
export function settingsFromJson(raw: unknown, defaults: ExecutionSettings): ExecutionSettings {
  const obj = typeof raw === 'object' && raw !== null ? (raw as Record<string, unknown>) : {};
  return {
    workers: clampInt(obj.workers, 1, MAX_WORKERS, defaults.workers),
    testTimeoutMs: clampInt(obj.testTimeoutMs, TIMEOUT_MIN_MS, TIMEOUT_MAX_MS, defaults.testTimeoutMs),
    comparison: obj.comparison === 'paper' || obj.comparison === 'evalplus' ? obj.comparison : defaults.comparison,
  };
}
