// The dataset the Datasets page shows (for now the bundled demo), its list summaries and the search query.
import { createContext } from 'svelte';
import { DatasetParseError } from '../core/dataset/errors';
import { parseDatasetText } from '../core/dataset/parse-dataset';
import type { Dataset, Problem } from '../core/dataset/types';
import { datasetStats, filterSummaries, summarizeProblem, type DatasetStats, type ProblemSummary } from './problem-summary';

export type DatasetLoad =
  | { status: 'loading' }
  | { status: 'ready'; dataset: Dataset; summaries: readonly ProblemSummary[]; stats: DatasetStats }
  /** `line`/`field` are set for a DatasetParseError (its message names them too). */
  | { status: 'error'; message: string; line?: number; field?: string };

export class DatasetStore {
  #load = $state.raw<DatasetLoad>({ status: 'loading' });
  #query = $state('');
  #byId = $derived.by(() => {
    const load = this.#load;
    return new Map(load.status === 'ready' ? load.dataset.problems.map((p) => [p.taskId, p]) : []);
  });
  #visible = $derived.by(() => (this.#load.status === 'ready' ? filterSummaries(this.#load.summaries, this.#query) : []));

  get load(): DatasetLoad {
    return this.#load;
  }

  /** The search box text. */
  get query(): string {
    return this.#query;
  }
  set query(text: string) {
    this.#query = text;
  }

  /** Summaries matching the query, in dataset order. */
  get visible(): readonly ProblemSummary[] {
    return this.#visible;
  }

  problem(taskId: string): Problem | undefined {
    return this.#byId.get(taskId);
  }

  /** Parse the bundled demo dataset (a lazily loaded chunk, precached for offline use). */
  async loadDemo(): Promise<void> {
    this.#load = { status: 'loading' };
    try {
      const { default: text } = await import('../../static-datasets/demo/Demo-R.jsonl?raw');
      this.show(parseDatasetText(text, { name: 'Demo-R', split: 'DEMO' }));
    } catch (err) {
      this.#load =
        err instanceof DatasetParseError
          ? { status: 'error', message: err.message, line: err.line, field: err.field || undefined }
          : { status: 'error', message: err instanceof Error ? err.message : String(err) };
    }
  }

  /** Show an already parsed dataset. */
  show(dataset: Dataset): void {
    this.#load = { status: 'ready', dataset, summaries: dataset.problems.map(summarizeProblem), stats: datasetStats(dataset) };
  }
}

export const [getDatasetStore, setDatasetStore] = createContext<DatasetStore>();
