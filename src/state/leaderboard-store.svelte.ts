// The leaderboard page's state: row sources built from every stored run (one builder per run kind) and every
// imported evaluation file, their cells computed in the analysis worker (cached per row version and interval
// settings), the sort, filters and selection, the paired comparison, and evaluation-file import and deletion.
import { createContext } from 'svelte';
import { matrixOfSplit } from '../core/compare/analysis-input';
import type { RowCells, ScalingSeries } from '../core/compare/analysis-api';
import type { SplitComparison } from '../core/compare/compare-files';
import type { SplitName } from '../core/dataset/types';
import { evaluationRow } from '../core/leaderboard/evaluation-rows';
import type { StoredEvaluation } from '../core/leaderboard/evaluation-record';
import type { EvaluationImport } from '../core/leaderboard/evaluation-import';
import type { LeaderboardRow, RowSource } from '../core/leaderboard/row-types';
import { filterRows, NO_FILTERS, sortRows, visibleSplits, type RowFilters, type SortOrder } from '../core/leaderboard/table-view';
import { runRows } from '../core/leaderboard/run-rows';
import { promptNameOf } from '../run/prompt-template-text';
import { joinCompanionRows } from '../core/leaderboard/companion-rows';
import type { Run } from '../core/run/run-types';
import { errorMessage } from '../core/error-message';
import { deleteEvaluation, importEvaluation, listEvaluations } from '../storage/evaluations-repo';
import { AnalysisClient } from './analysis-client';
import type { RunsStore } from './runs-store.svelte';

export const DEFAULT_LEADERBOARD_RESAMPLES = 2000;

interface Computed {
  key: string;
  status: 'pending' | 'ready' | 'error';
  cells: RowCells;
  error: string | null;
}

/** A finished (or failed) paired comparison of rows A and B on one split. */
export type PairedState = { a: string; b: string; split: SplitName } & ({ status: 'pending' } | { status: 'ready'; result: SplitComparison } | { status: 'error'; error: string });

export class LeaderboardStore {
  readonly #runs: RunsStore;
  readonly #client: AnalysisClient;
  #sources = $state.raw<RowSource[]>([]);
  #computed = $state.raw<Record<string, Computed>>({});
  #evaluations = $state.raw<StoredEvaluation[]>([]);
  #state = $state.raw<{ status: 'idle' | 'loading' | 'ready' | 'error'; error?: string }>({ status: 'idle' });
  #loads = 0;
  #pumping = false;
  readonly #closed = new AbortController();
  resamples = $state(DEFAULT_LEADERBOARD_RESAMPLES);
  seed = $state(0);
  sort = $state.raw<SortOrder>({ column: { kind: 'name' }, direction: 'ascending' });
  filters = $state.raw<RowFilters>(NO_FILTERS);
  /** Selected row ids for the paired comparison: A first, then B. */
  selected = $state.raw<string[]>([]);
  paired = $state.raw<PairedState | null>(null);

  constructor(runs: RunsStore, client = new AnalysisClient()) {
    this.#runs = runs;
    this.#client = client;
  }

  get state() {
    return this.#state;
  }
  get evaluations(): readonly StoredEvaluation[] {
    return this.#evaluations;
  }

  /** Every row with its cells as computed so far. */
  get rows(): LeaderboardRow[] {
    return this.#sources.map((source) => {
      const computed = this.#computed[source.id];
      if (!source.input) return { ...source, status: 'ready', cells: source.known ?? {}, error: null };
      if (!computed || computed.key !== this.#key(source)) return { ...source, status: 'pending', cells: {}, error: null };
      return { ...source, status: computed.status, cells: computed.cells, error: computed.error };
    });
  }

  /** The rows the filters keep, sorted. */
  get shown(): LeaderboardRow[] {
    return sortRows(filterRows(this.rows, this.filters), this.sort);
  }

  /** The split column groups of the shown rows. */
  get splits(): SplitName[] {
    return visibleSplits(this.shown, this.filters.datasets);
  }

  row(id: string): LeaderboardRow | undefined {
    return this.rows.find((r) => r.id === id);
  }

  /** Reads runs, their datasets and results, and the imported evaluations, then computes what changed. */
  async load(runs: readonly Run[]): Promise<void> {
    const mine = ++this.#loads;
    if (this.#state.status !== 'ready') this.#state = { status: 'loading' };
    try {
      const db = await this.#runs.db();
      const [runSources, evaluations] = await Promise.all([Promise.all(runs.map((run) => this.#runSources(run))), listEvaluations(db)]);
      if (mine !== this.#loads) return;
      this.#evaluations = evaluations;
      this.#sources = [...joinCompanionRows(runSources.flat(), runs), ...evaluations.map(evaluationRow)];
      this.selected = this.selected.filter((id) => this.#sources.some((s) => s.id === id));
      this.#state = { status: 'ready' };
      this.compute();
    } catch (error) {
      if (mine === this.#loads) this.#state = { status: 'error', error: errorMessage(error) };
    }
  }

  /**
   * Computes, one row at a time in the worker, every row whose cells are missing or stale (its data or the interval
   * settings changed). One loop runs at a time and picks the next stale row after each answer, so new work joins it.
   */
  compute(): void {
    if (this.#pumping) return;
    this.#pumping = true;
    void (async () => {
      try {
        for (;;) {
          const source = this.#sources.find((s) => s.input && this.#computed[s.id]?.key !== this.#key(s));
          if (!source || this.#closed.signal.aborted) return;
          const key = this.#key(source);
          const options = { resamples: this.resamples, seed: this.seed };
          try {
            const cells = await this.#client.call((api) => api.rowCells(source.input!, options), this.#closed.signal);
            this.#setComputed(source.id, { key, status: 'ready', cells, error: null });
          } catch (error) {
            if (this.#closed.signal.aborted) return;
            this.#setComputed(source.id, { key, status: 'error', cells: {}, error: errorMessage(error) });
          }
        }
      } finally {
        this.#pumping = false;
      }
    })();
  }

  /** Changes the interval settings (resamples clamped to 100..20,000) and recomputes. */
  setIntervals(resamples: number, seed: number): void {
    this.resamples = Math.min(20_000, Math.max(100, Math.round(resamples) || DEFAULT_LEADERBOARD_RESAMPLES));
    this.seed = Number.isSafeInteger(seed) && seed >= 0 ? seed >>> 0 : 0;
    this.compute();
  }

  /** Ticks or unticks a row for the paired comparison; a third pick replaces the older one. */
  toggleSelected(id: string): void {
    this.selected = this.selected.includes(id) ? this.selected.filter((s) => s !== id) : [...this.selected, id].slice(-2);
    this.paired = null;
  }

  /** Swaps A and B. */
  swapSelected(): void {
    this.selected = [...this.selected].reverse();
    this.paired = null;
  }

  /** Paired comparison of the two selected rows on `split`, in the worker. */
  async compare(split: SplitName): Promise<void> {
    const [a, b] = this.selected.map((id) => this.#sources.find((s) => s.id === id));
    if (!a?.input || !b?.input) return;
    const state = { a: a.id, b: b.id, split };
    this.paired = { ...state, status: 'pending' };
    try {
      const result = await this.#client.call((api) => api.paired(a.input!, b.input!, split, { resamples: this.resamples, seed: this.seed }));
      if (this.paired?.a === a.id && this.paired.b === b.id) this.paired = { ...state, status: 'ready', result };
    } catch (error) {
      if (this.paired?.a === a.id && this.paired.b === b.id) this.paired = { ...state, status: 'error', error: errorMessage(error) };
    }
  }

  /**
   * Scaling curves of rows computed from a run's per-test results (for the scaling plot): for each k, each metric
   * averaged over `draws` draws of k tests per problem, on `split`. Rows without a run matrix on it are skipped.
   */
  scaling(rowIds: readonly string[], split: SplitName, ks: readonly number[], options: { draws?: number; seed?: number } = {}, signal?: AbortSignal): Promise<ScalingSeries[]> {
    const requests = rowIds.flatMap((id) => {
      const input = matrixOfSplit(this.#sources.find((s) => s.id === id)?.input ?? null, split);
      return input ? [{ id, input }] : [];
    });
    return this.#client.call((api) => api.scalingCurves(requests, ks, { draws: options.draws, seed: options.seed ?? this.seed }), signal);
  }

  /** Imports an evaluation file (all or nothing) and adds its row. */
  async importEvaluation(input: EvaluationImport): Promise<StoredEvaluation> {
    const evaluation = await importEvaluation(await this.#runs.db(), input);
    await this.load(this.#runs.runs);
    return evaluation;
  }

  async deleteEvaluation(id: string): Promise<void> {
    await deleteEvaluation(await this.#runs.db(), id);
    await this.load(this.#runs.runs);
  }

  /** Stops the worker (the page is left). */
  close(): void {
    this.#closed.abort(new DOMException('closed', 'AbortError'));
    this.#client.close();
  }

  /** The rows of one run, by its kind (run-rows.ts picks the builder). */
  async #runSources(run: Run): Promise<RowSource[]> {
    const dataset = await this.#runs.datasetOf(run).catch(() => null);
    const results = dataset ? await this.#runs.results(run.id) : [];
    try {
      return runRows({ run, dataset, results, promptName: promptNameOf(run.verifier) });
    } catch (error) {
      // A run whose records do not fit its dataset still gets a row that says why.
      return runRows({ run, dataset: null, results: [], promptName: promptNameOf(run.verifier) }).slice(0, 1).map((row) => ({ ...row, known: null, note: `Its results cannot be read: ${errorMessage(error)}` }));
    }
  }

  #key(source: RowSource): string {
    return `${source.version}|${this.resamples}|${this.seed}`;
  }

  #setComputed(id: string, computed: Computed): void {
    this.#computed = { ...this.#computed, [id]: computed };
  }
}

export const [getLeaderboardStore, setLeaderboardStore] = createContext<LeaderboardStore>();
