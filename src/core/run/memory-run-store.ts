// A RunStore in memory: the tests' store, and the base of the CLI's JSON Lines store, which persists what the
// listener is told. Records are re-read field by field on the way in, as IndexedDB's repositories do.
import type { MetricsBySplit } from '../metrics/types';
import { readCandidateRecord, readGeneration } from './record-read';
import { generationSlot, resultSlot } from './run-progress';
import { readRun } from './run-read';
import type { CandidateRecord, GenerationRecord } from './run-records';
import { withStatus } from './run-status';
import { RunNotFoundError, type RunStore } from './run-store';
import type { Run, RunProgress, RunStatus } from './run-types';

/** What a persisting store hears, awaited before the change counts as made. */
export interface RunStoreListener {
  record?(kind: 'generation' | 'result', record: GenerationRecord | CandidateRecord): Promise<void> | void;
  /** The run record changed: its status, counters or metrics. */
  run?(run: Run, change: 'status' | 'progress' | 'metrics'): Promise<void> | void;
}

interface Held {
  run: Run;
  generations: Map<string, GenerationRecord>;
  results: Map<string, CandidateRecord>;
}

export class MemoryRunStore implements RunStore {
  readonly #runs = new Map<string, Held>();
  readonly #listener: RunStoreListener;

  constructor(listener: RunStoreListener = {}) {
    this.#listener = listener;
  }

  /** Holds a run with its records (a new run, or one read back from a file). */
  add(run: Run, generations: readonly GenerationRecord[] = [], results: readonly CandidateRecord[] = []): void {
    const held: Held = { run: readRun(run), generations: new Map(), results: new Map() };
    for (const g of generations) held.generations.set(generationSlot(g.taskId, g.shownRank, g.sampleIndex), readGeneration(g));
    for (const r of results) held.results.set(resultSlot(r.taskId, r.rank), readCandidateRecord(r));
    this.#runs.set(run.id, held);
  }

  async getRun(runId: string): Promise<Run | undefined> {
    return this.#runs.get(runId)?.run;
  }

  async loadGenerations(runId: string): Promise<GenerationRecord[]> {
    return [...(this.#runs.get(runId)?.generations.values() ?? [])];
  }

  async loadResults(runId: string): Promise<CandidateRecord[]> {
    return [...(this.#runs.get(runId)?.results.values() ?? [])];
  }

  async putGeneration(record: GenerationRecord): Promise<void> {
    const clean = readGeneration(record);
    const held = this.#held(clean.runId);
    await this.#listener.record?.('generation', clean);
    held.generations.set(generationSlot(clean.taskId, clean.shownRank, clean.sampleIndex), clean);
  }

  async putResult(record: CandidateRecord): Promise<void> {
    const clean = readCandidateRecord(record);
    const held = this.#held(clean.runId);
    await this.#listener.record?.('result', clean);
    held.results.set(resultSlot(clean.taskId, clean.rank), clean);
  }

  updateRunStatus(runId: string, status: RunStatus, options: { error?: string; now?: number } = {}): Promise<Run> {
    return this.#change(runId, options.now, 'status', (run) => withStatus(run, status, options.error));
  }

  updateRunProgress(runId: string, progress: RunProgress, now?: number): Promise<Run> {
    return this.#change(runId, now, 'progress', (run) => ({ ...run, progress }));
  }

  setRunMetrics(runId: string, metrics: MetricsBySplit | null, now?: number): Promise<Run> {
    return this.#change(runId, now, 'metrics', (run) => ({ ...run, metrics }));
  }

  #held(runId: string): Held {
    const held = this.#runs.get(runId);
    if (!held) throw new RunNotFoundError(runId);
    return held;
  }

  async #change(runId: string, now: number | undefined, change: 'status' | 'progress' | 'metrics', edit: (run: Run) => Run): Promise<Run> {
    const held = this.#held(runId);
    const next = readRun({ ...edit(held.run), updatedAt: now ?? Date.now() });
    await this.#listener.run?.(next, change);
    held.run = next;
    return next;
  }
}
