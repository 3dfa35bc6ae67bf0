// One re-verification of a dataset's ground truth in the browser: progress, cancel, then the agreement summary
// and the disagreements (largest difference first).
import type { Dataset } from '../core/dataset/types';
import type { TimeLimitRule } from '../core/run/time-limits';
import type { CompareMode } from '../core/run/types';
import { disagreements } from '../core/verify/verify-compare';
import type { VerifyOutcome, VerifySummary } from '../core/verify/verify-types';
import { verifyDataset, type VerifyProgress } from '../build/verify-dataset';
import { errorMessage } from '../core/error-message';
import type { EngineCanonicalCache } from '../engine/prepare-tests';
import type { PoolFactory } from './engine-jobs';

export type VerifyStatus =
  | { phase: 'starting' }
  | { phase: 'running'; progress: VerifyProgress }
  | { phase: 'done'; summary: VerifySummary; disagreements: readonly VerifyOutcome[]; ms: number }
  | { phase: 'cancelled'; progress: VerifyProgress | null }
  | { phase: 'failed'; message: string };

export class VerifyJob {
  readonly datasetName: string;
  /** Which dataset this is: its stored id (sha256) or the demo's id; null for a copy not known to the library. */
  readonly datasetId: string | null;
  readonly compare: CompareMode;
  readonly rule: TimeLimitRule;
  #status = $state.raw<VerifyStatus>({ phase: 'starting' });
  #last: VerifyProgress | null = null;
  readonly #controller = new AbortController();

  constructor(
    readonly dataset: Dataset,
    options: { datasetId: string | null; compare: CompareMode; rule: TimeLimitRule },
  ) {
    this.datasetName = dataset.name;
    this.datasetId = options.datasetId;
    this.compare = options.compare;
    this.rule = options.rule;
  }

  /** Whether this job re-verifies `dataset` (any copy of it, when `id` is the copy's library id). */
  isFor(dataset: Dataset, id: string | null): boolean {
    return id === null ? this.dataset === dataset : this.datasetId === id;
  }

  get status(): VerifyStatus {
    return this.#status;
  }
  get active(): boolean {
    return this.#status.phase === 'starting' || this.#status.phase === 'running';
  }

  cancel(): void {
    if (this.active) this.#controller.abort(new DOMException('cancelled', 'AbortError'));
  }

  /** Runs to the end; never throws (the status says how it ended). */
  async run(pools: PoolFactory, workers: number, canonicalCache: EngineCanonicalCache | null = null): Promise<void> {
    const signal = this.#controller.signal;
    try {
      const pool = await pools(workers);
      try {
        const result = await verifyDataset(pool, this.dataset, {
          compare: this.compare,
          rule: this.rule,
          canonicalCache,
          signal,
          onProgress: (progress) => {
            this.#last = progress;
            this.#status = { phase: 'running', progress };
          },
        });
        this.#status = { phase: 'done', summary: result.summary, disagreements: disagreements(result.outcomes), ms: result.ms };
      } finally {
        await pool.close();
      }
    } catch (error) {
      this.#status = signal.aborted ? { phase: 'cancelled', progress: this.#last } : { phase: 'failed', message: errorMessage(error) };
    }
  }
}
