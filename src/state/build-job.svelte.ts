// One ranking-set build in the browser: read the picked files, join the pools, score on a worker pool with
// progress and cancel, then offer the result for download or storage as a dataset. Nothing is stored unless
// the build completes and the user asks.
import { BuildInputError, BuildRequestError } from '../core/build/build-errors';
import { parseBenchmarkText } from '../core/build/benchmark-read';
import { rankingSetStats, type RankingSetStats } from '../core/build/dataset-stats';
import { joinPool, type JoinReport } from '../core/build/pool-join';
import { parsePoolText } from '../core/build/pool-read';
import { parsePromptMapText } from '../core/build/prompt-map';
import { outputSplit } from '../core/build/test-plan';
import type { BuildSplit, PoolLine } from '../core/build/types';
import type { DatasetLimits } from '../core/dataset/dataset-limits';
import { parseDatasetText } from '../core/dataset/parse-dataset';
import type { Dataset } from '../core/dataset/types';
import type { TimeLimitRule } from '../core/run/time-limits';
import type { CompareMode } from '../core/run/types';
import { buildRankingSets, buildTotals, type BuildProgress, type BuildResult } from '../build/build-ranking-sets';
import type { DatasetMeta } from '../core/dataset/dataset-records';
import { sha256OfText } from '../storage/sha256';
import { DatasetExistsError } from '../storage/storage-errors';
import { readPickedFile } from './build-files';
import type { DatasetLibrary } from './datasets-library.svelte';
import { errorMessage } from '../core/error-message';
import type { EngineCanonicalCache } from '../engine/prepare-tests';
import type { PoolFactory } from './engine-jobs';

export interface BuildInput {
  benchmark: File;
  pools: File[];
  promptMap: File | null;
  split: BuildSplit;
  compare: CompareMode;
  /** Only the first N problems (null: all). */
  first: number | null;
  /** Per-test limits: max(minMs, factor x canonical time); the paper's is 100 ms and 4. */
  rule: TimeLimitRule;
  workers: number;
  /** Name of the result (download file name and stored dataset name). */
  name: string;
  /** The size caps a stored dataset must meet (the result is checked before it is offered for storage). */
  limits: DatasetLimits;
}

export interface BuildOutcome {
  result: BuildResult;
  dataset: Dataset;
  stats: RankingSetStats;
  totals: ReturnType<typeof buildTotals>;
  join: JoinReport;
}

export type BuildStatus =
  | { phase: 'reading' }
  | { phase: 'starting'; join: JoinReport }
  | { phase: 'running'; join: JoinReport; progress: BuildProgress }
  | { phase: 'done'; outcome: BuildOutcome }
  | { phase: 'cancelled' }
  | { phase: 'failed'; title: string; message: string };

export type SaveStatus = { state: 'idle' } | { state: 'saving' } | { state: 'saved'; meta: DatasetMeta } | { state: 'failed'; message: string };

export class BuildJob {
  readonly input: BuildInput;
  readonly startedAt = Date.now();
  #status = $state.raw<BuildStatus>({ phase: 'reading' });
  #save = $state.raw<SaveStatus>({ state: 'idle' });
  #finishedAt = $state<number | null>(null);
  readonly #controller = new AbortController();

  constructor(input: BuildInput) {
    this.input = input;
  }

  get status(): BuildStatus {
    return this.#status;
  }
  get saveStatus(): SaveStatus {
    return this.#save;
  }
  get active(): boolean {
    const p = this.#status.phase;
    return p === 'reading' || p === 'starting' || p === 'running';
  }
  /** Wall time so far or in all (ms), for display. */
  elapsed(now = Date.now()): number {
    return (this.#finishedAt ?? now) - this.startedAt;
  }

  cancel(): void {
    if (this.active) this.#controller.abort(new DOMException('cancelled', 'AbortError'));
  }

  /** Runs the build to its end; never throws (the status says how it ended). */
  async run(pools: PoolFactory, canonicalCache: EngineCanonicalCache | null = null): Promise<void> {
    const signal = this.#controller.signal;
    try {
      const { benchmark, lines, promptMap } = await this.#readInputs();
      signal.throwIfAborted();
      const joined = joinPool(benchmark, lines, promptMap);
      if (joined.report.distinct === 0) return this.#fail('Nothing to build', 'No pool candidate joined any benchmark problem: check the task ids or give a prompt map.');
      this.#status = { phase: 'starting', join: joined.report };
      const pool = await pools(this.input.workers);
      try {
        const result = await buildRankingSets(pool, benchmark, joined.programs, {
          split: this.input.split,
          compare: this.input.compare,
          rule: this.input.rule,
          canonicalCache,
          signal,
          onProgress: (progress) => (this.#status = { phase: 'running', join: joined.report, progress }),
        });
        const totals = buildTotals(result.problems);
        if (totals.built === 0) return this.#fail('Nothing to store', 'No problem has two or more solutions after combine and filter.');
        const dataset = parseDatasetText(result.text, { name: this.input.name, split: result.split, limits: this.input.limits });
        this.#status = { phase: 'done', outcome: { result, dataset, stats: rankingSetStats(dataset), totals, join: joined.report } };
      } finally {
        await pool.close();
      }
    } catch (error) {
      if (signal.aborted) this.#status = { phase: 'cancelled' };
      else if (error instanceof BuildInputError) this.#fail('A file could not be read', error.message);
      else if (error instanceof BuildRequestError) this.#fail('This build is not possible', error.message);
      else this.#fail('The build failed', errorMessage(error));
    } finally {
      this.#finishedAt = Date.now();
    }
  }

  /** File name for the download. */
  get fileName(): string {
    return `${this.input.name.replace(/[^\w+.-]+/g, '_') || 'ranking-set'}.jsonl`;
  }

  /** Stores the finished result as a dataset (validated again by storage, atomically). */
  async store(library: DatasetLibrary): Promise<void> {
    if (this.#status.phase !== 'done' || this.#save.state === 'saving') return;
    const { dataset, result } = this.#status.outcome;
    this.#save = { state: 'saving' };
    try {
      const { bytes, sha256 } = await sha256OfText(result.text);
      const description = `${this.input.benchmark.name} + ${this.input.pools.map((p) => p.name).join(', ')} (${this.input.split}, ${this.input.compare})`;
      const meta = await library.save({ dataset, text: result.text, bytes, sha256 }, { kind: 'built', description }, new AbortController().signal);
      await library.refresh(); // the list holds it before it is shown as stored (see storedGone)
      this.#save = { state: 'saved', meta };
    } catch (error) {
      const message = error instanceof DatasetExistsError ? `The same ranking set is already stored (${errorMessage(error)}).` : errorMessage(error);
      this.#save = { state: 'failed', message };
    }
  }

  /** True once the stored result was deleted since (here or in another tab): the library's list was read and lacks it. */
  storedGone(library: DatasetLibrary): boolean {
    const save = this.#save;
    return save.state === 'saved' && library.stored !== null && library.error === null && !library.stored.some((m) => m.id === save.meta.id);
  }

  async #readInputs() {
    const { benchmark: benchFile, pools, promptMap: mapFile, split } = this.input;
    let benchmark = parseBenchmarkText(await readPickedFile(benchFile), benchFile.name);
    outputSplit(benchmark, split); // fails early for a split the benchmark cannot give
    if (this.input.first !== null) benchmark = { ...benchmark, problems: benchmark.problems.slice(0, this.input.first) };
    let lines: PoolLine[] = [];
    for (const file of pools) lines = lines.concat(parsePoolText(await readPickedFile(file), file.name));
    const promptMap = mapFile ? parsePromptMapText(await readPickedFile(mapFile), mapFile.name) : undefined;
    return { benchmark, lines, promptMap };
  }

  #fail(title: string, message: string): void {
    this.#status = { phase: 'failed', title, message };
  }
}
