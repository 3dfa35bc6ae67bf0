// The Build page's form and the current build and re-verification jobs, kept in one place so they survive page
// changes (a build keeps running while another page is open). Shared through context.
import { createContext } from 'svelte';
import type { BuildSplit } from '../core/build/types';
import type { Dataset } from '../core/dataset/types';
import { PAPER_TIME_LIMITS, type TimeLimitRule } from '../core/run/time-limits';
import type { CompareMode } from '../core/run/types';
import { BuildJob } from './build-job.svelte';
import type { DatasetLibrary } from './datasets-library.svelte';
import type { EngineCanonicalCache } from '../engine/prepare-tests';
import { browserPoolFactory, type PoolFactory } from './engine-jobs';
import { engineCanonicalCache } from './engine-pool-options';
import type { Settings } from './settings.svelte';
import { VerifyJob } from './verify-job.svelte';

export class BuildStore {
  benchmark = $state<File | null>(null);
  pools = $state.raw<File[]>([]);
  promptMap = $state<File | null>(null);
  split = $state<BuildSplit>('base');
  compare = $state<CompareMode>('paper');
  /** Only the first N problems; null for all. */
  first = $state<number | null>(null);
  name = $state('');
  /**
   * Floor of the per-test limit, max(floor, 4 x canonical time), for builds and re-verification. The paper's is
   * 100 ms; a slow device may need more to keep fast candidates from timing out.
   */
  limitFloorMs = $state(PAPER_TIME_LIMITS.minMs);
  #build = $state.raw<BuildJob | null>(null);
  #verify = $state.raw<VerifyJob | null>(null);
  readonly #settings: Pick<Settings, 'workers' | 'comparison'>;
  readonly #pools: PoolFactory;
  readonly #canonicalCache: EngineCanonicalCache | null;
  readonly library: DatasetLibrary;

  constructor(
    settings: Pick<Settings, 'workers' | 'comparison'>,
    library: DatasetLibrary,
    pools: PoolFactory = browserPoolFactory,
    canonicalCache: EngineCanonicalCache | null = engineCanonicalCache(),
  ) {
    this.#settings = settings;
    this.library = library;
    this.#pools = pools;
    this.#canonicalCache = canonicalCache;
    this.compare = settings.comparison;
  }

  get build(): BuildJob | null {
    return this.#build;
  }
  get verify(): VerifyJob | null {
    return this.#verify;
  }

  /** Why the form cannot start yet, or null. */
  get missing(): string | null {
    if (this.benchmark === null) return 'Choose a benchmark file.';
    if (this.pools.length === 0) return 'Add at least one candidate pool file.';
    return null;
  }

  /** A name for the result from the benchmark and split, unless the user typed one. */
  get resultName(): string {
    if (this.name.trim() !== '') return this.name.trim();
    const stem = (this.benchmark?.name ?? 'benchmark').replace(/(\.jsonl|\.json|\.gz)+$/i, '');
    return `${stem}-${this.split === 'plus' ? 'plus' : 'base'}-ranked`;
  }

  /** The time-limit rule the form describes (an invalid floor falls back to the paper's). */
  get rule(): TimeLimitRule {
    const floor = this.limitFloorMs;
    return { minMs: Number.isFinite(floor) && floor > 0 ? floor : PAPER_TIME_LIMITS.minMs, factor: PAPER_TIME_LIMITS.factor };
  }

  /** Starts a build from the form (cancelling one still running). */
  startBuild(): BuildJob | null {
    if (this.missing !== null || this.benchmark === null) return null;
    this.#build?.cancel();
    const job = new BuildJob({
      benchmark: this.benchmark,
      pools: this.pools,
      promptMap: this.promptMap,
      split: this.split,
      compare: this.compare,
      first: this.first,
      rule: this.rule,
      workers: this.#settings.workers,
      name: this.resultName,
      limits: this.library.limits.value,
    });
    this.#build = job;
    void job.run(this.#pools, this.#canonicalCache);
    return job;
  }

  /**
   * The re-verification of `dataset`, or null: matched by the stored id (sha256) of the dataset it is a copy of
   * (the demo's own id for the bundled one), so another file with the same name and split never shows its result.
   */
  verifyOf(dataset: Dataset): VerifyJob | null {
    const job = this.#verify;
    return job?.isFor(dataset, this.library.idOf(dataset)) ? job : null;
  }

  /** Cancels and forgets the re-verification of `dataset` (any copy of it), e.g. once it was deleted. */
  dropVerify(dataset: Dataset): void {
    const job = this.verifyOf(dataset);
    if (!job) return;
    job.cancel();
    this.#verify = null;
  }

  /** Starts re-verifying a dataset (cancelling a re-verification still running). */
  startVerify(dataset: Dataset, compare: CompareMode = this.#settings.comparison): VerifyJob {
    this.#verify?.cancel();
    const job = new VerifyJob(dataset, { datasetId: this.library.idOf(dataset), compare, rule: this.rule });
    this.#verify = job;
    void job.run(this.#pools, this.#settings.workers, this.#canonicalCache);
    return job;
  }
}

export const [getBuildStore, setBuildStore] = createContext<BuildStore>();
