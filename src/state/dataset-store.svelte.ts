// The dataset the Datasets page shows (the bundled demo or one stored in this browser), its problem summaries,
// the browser's filters, and the stored-dataset library and downloads. The choice survives reloads, unless that
// dataset did not finish opening last time (a marker is kept from the start of opening until the page has rendered
// it): then start-up shows the demo and offers to open or delete it. When the shown dataset is deleted (here, in
// another tab, or found missing) the demo is shown instead, with a notice saying why.
import { createContext, tick } from 'svelte';
import { filterProblems, OPEN_FILTER, type ProblemFilter } from '../core/browse/problem-filter';
import { DatasetSizeError } from '../core/dataset/dataset-limits';
import { DatasetParseError } from '../core/dataset/errors';
import { parseDatasetText } from '../core/dataset/parse-dataset';
import type { Dataset, Problem } from '../core/dataset/types';
import type { DatasetMeta } from '../core/dataset/dataset-records';
import { DatasetChanges, type DatasetChange } from './dataset-changes';
import { DatasetDownloads } from './datasets-downloads.svelte';
import { type DatasetLibrary, DEMO_ID } from './datasets-library.svelte';
import { datasetStats, summarizeProblem, type DatasetStats, type ProblemSummary } from './problem-summary';
import type { Router } from './router.svelte';
import { errorMessage } from '../core/error-message';

export type DatasetLoad =
  | { status: 'loading'; name?: string }
  | { status: 'ready'; dataset: Dataset; summaries: readonly ProblemSummary[]; stats: DatasetStats }
  /** `line`/`field` are set for a DatasetParseError (its message names them too); `overLimit` for a size cap. */
  | { status: 'error'; message: string; line?: number; field?: string; overLimit?: true };

/** Which dataset is shown: the built-in demo, or a stored one by id (its sha256). */
export type DatasetChoice = { kind: 'demo' } | { kind: 'stored'; id: string; name: string };

/**
 * Why the demo is shown in place of a stored dataset: deleted in this tab, in another one, found gone on opening, or
 * (at start-up) not reopened because it did not finish opening last time.
 */
export type FallbackReason = 'deleted-here' | 'deleted-elsewhere' | 'missing' | 'unfinished';

/** A status line for the Datasets page (`id` tells one notice from the next). */
export interface DatasetNotice {
  id: number;
  reason: FallbackReason;
  name: string;
  text: string;
  /** The parsed copy that was shown, so jobs holding it (re-verification) can let it go. */
  dataset: Dataset | null;
  /** For 'unfinished': the stored dataset not reopened, to open anyway or delete. */
  meta?: DatasetMeta;
}

export const CHOICE_STORAGE_KEY = 'verifier-lab:datasets:choice:v1';
/** The id of the stored dataset being opened; cleared once it has rendered. Still set at start-up = it never did. */
export const OPENING_STORAGE_KEY = 'verifier-lab:datasets:opening:v1';

export class DatasetStore {
  readonly #router: Pick<Router, 'route' | 'replace'>;
  readonly library: DatasetLibrary;
  readonly downloads: DatasetDownloads;
  #load = $state.raw<DatasetLoad>({ status: 'loading' });
  #choice = $state.raw<DatasetChoice>({ kind: 'demo' });
  #filter = $state.raw<ProblemFilter>(OPEN_FILTER);
  #notice = $state.raw<DatasetNotice | null>(null);
  #opening = 0;
  #notices = 0;
  #openController: AbortController | null = null;
  // Deletions in other tabs; this tab's own are posted through the same instance, which does not hear itself.
  readonly #changes = new DatasetChanges((change) => void this.#deletedElsewhere(change));
  #byId = $derived.by(() => {
    const load = this.#load;
    return new Map(load.status === 'ready' ? load.dataset.problems.map((p) => [p.taskId, p]) : []);
  });
  #visible = $derived.by(() => (this.#load.status === 'ready' ? filterProblems(this.#load.summaries, this.#filter) : []));

  /**
   * `router`: the page's route, read and replaced when a dataset that was open goes away; `library`: the tab's
   * one dataset library, shared with the runs and build stores.
   */
  constructor(router: Pick<Router, 'route' | 'replace'>, library: DatasetLibrary) {
    this.#router = router;
    this.library = library;
    this.downloads = new DatasetDownloads(library);
  }

  get load(): DatasetLoad {
    return this.#load;
  }

  /** The dataset shown (or being opened). */
  get choice(): DatasetChoice {
    return this.#choice;
  }

  /** Why the demo replaced the dataset that was shown; cleared when another dataset is opened. */
  get notice(): DatasetNotice | null {
    return this.#notice;
  }

  dismissNotice(): void {
    this.#notice = null;
  }

  /** The search box text. */
  get query(): string {
    return this.#filter.text;
  }
  set query(text: string) {
    this.#filter = { ...this.#filter, text };
  }

  /** Spread and candidate-count filters (the text is `query`). */
  get filter(): ProblemFilter {
    return this.#filter;
  }
  set filter(filter: ProblemFilter) {
    this.#filter = filter;
  }

  /** Summaries the filters keep, in dataset order. */
  get visible(): readonly ProblemSummary[] {
    return this.#visible;
  }

  problem(taskId: string): Problem | undefined {
    return this.#byId.get(taskId);
  }

  /** Show the dataset chosen last in this browser (the demo at first), unless it did not finish opening last time. */
  async restore(): Promise<void> {
    const saved = readChoice();
    const unfinished = readOpening();
    if (saved?.kind === 'stored') {
      await this.library.refresh();
      const meta = this.library.stored?.find((m) => m.id === saved.id);
      if (meta && unfinished === meta.id) return this.#skipUnfinished(meta);
      if (meta) return this.openStored(meta);
    }
    await this.openDemo();
  }

  /** Shows the demo instead of `meta`, which froze or failed the page last time, with a notice to open or delete it. */
  async #skipUnfinished(meta: DatasetMeta): Promise<void> {
    const opening = this.openDemo(); // its #begin clears the notice and the marker synchronously
    const text = `${meta.name} was not opened at start-up: last time it did not finish opening (it failed, or the tab froze or was closed first). The built-in demo Demo-R is shown instead.`;
    this.#notice = { id: ++this.#notices, reason: 'unfinished', name: meta.name, text, dataset: null, meta };
    await opening;
  }

  /** Deletes the dataset an 'unfinished' notice offered, and says so. */
  async deleteUnopened(meta: DatasetMeta): Promise<void> {
    await this.remove(meta);
    this.#notice = { id: ++this.#notices, reason: 'deleted-here', name: meta.name, text: `${meta.name} was deleted from this browser.`, dataset: null };
  }

  /** App.svelte's start-up call: restores the last choice (kept under its old name). */
  loadDemo(): Promise<void> {
    return this.restore();
  }

  /** Parse and show the bundled demo dataset (a lazily loaded chunk, precached for offline use). */
  async openDemo(): Promise<void> {
    const ticket = this.#begin({ kind: 'demo' }, 'Demo-R');
    try {
      const { default: text } = await import('../../static-datasets/demo/Demo-R.jsonl?raw');
      if (ticket === this.#opening) this.show(this.library.remember(parseDatasetText(text, { name: 'Demo-R', split: 'DEMO' }), DEMO_ID));
    } catch (err) {
      if (ticket === this.#opening) this.#fail(err);
    }
  }

  /** Load a stored dataset from IndexedDB (parsed in a worker) and show it. */
  async openStored(meta: DatasetMeta): Promise<void> {
    const ticket = this.#begin({ kind: 'stored', id: meta.id, name: meta.name }, meta.name);
    const signal = this.#openController!.signal;
    try {
      const dataset = await this.library.load(meta, signal);
      if (ticket !== this.#opening) return;
      this.show(dataset);
      // Cleared only once the page has rendered it: a freeze or crash before then leaves the marker for start-up.
      await tick();
      await new Promise((resolve) => setTimeout(resolve, 0));
      if (ticket === this.#opening) writeOpening(null);
    } catch (err) {
      if (ticket !== this.#opening) return;
      // Gone since the list was read (deleted in another tab): not an error of the file, so show what remains.
      await this.library.refresh();
      if (ticket !== this.#opening) return;
      if (this.library.stored !== null && !this.library.error && !this.library.stored.some((m) => m.id === meta.id)) return this.#fallBack(meta.name, 'missing');
      this.#fail(err);
    }
  }

  /** Show an already parsed dataset. */
  show(dataset: Dataset): void {
    this.#load = { status: 'ready', dataset, summaries: dataset.problems.map(summarizeProblem), stats: datasetStats(dataset) };
  }

  /** Deletes a stored dataset, tells the other tabs and the runs, and shows the demo if it was the one shown. */
  async remove(meta: DatasetMeta): Promise<void> {
    await this.library.remove(meta.id);
    this.#changes.post({ kind: 'deleted', id: meta.id, name: meta.name, split: meta.split });
    if (this.#shows(meta.id)) await this.#fallBack(meta.name, 'deleted-here');
  }

  async #deletedElsewhere(change: DatasetChange): Promise<void> {
    await this.library.refresh();
    if (this.#shows(change.id)) await this.#fallBack(change.name, 'deleted-elsewhere');
  }

  #shows(id: string): boolean {
    return this.#choice.kind === 'stored' && this.#choice.id === id;
  }

  /** Shows the demo in place of `name`, with a notice; a problem of the gone dataset that was open is closed. */
  async #fallBack(name: string, reason: Exclude<FallbackReason, 'unfinished'>): Promise<void> {
    const dataset = this.#load.status === 'ready' ? this.#load.dataset : null;
    const opening = this.openDemo(); // its #begin clears the notice synchronously, so set it after
    this.#notice = { id: ++this.#notices, reason, name, text: noticeText(name, reason), dataset };
    const route = this.#router.route;
    if (route.page === 'datasets' && route.taskId !== null) this.#router.replace({ page: 'datasets', taskId: null });
    await opening;
  }

  /** Starts opening `choice`; the returned ticket tells a late answer from the current one. */
  #begin(choice: DatasetChoice, name: string): number {
    this.#openController?.abort(new DOMException('another dataset was opened', 'AbortError'));
    this.#openController = new AbortController();
    this.#choice = choice;
    this.#filter = OPEN_FILTER;
    this.#notice = null;
    this.#load = { status: 'loading', name };
    writeChoice(choice);
    writeOpening(choice.kind === 'stored' ? choice.id : null);
    return ++this.#opening;
  }

  #fail(err: unknown): void {
    const overLimit = err instanceof DatasetSizeError ? { overLimit: true as const } : {};
    this.#load =
      err instanceof DatasetParseError
        ? { status: 'error', message: err.message, line: err.line, field: err.field || undefined, ...overLimit }
        : { status: 'error', message: errorMessage(err) };
  }
}

function noticeText(name: string, reason: Exclude<FallbackReason, 'unfinished'>): string {
  const what = { 'deleted-here': 'was deleted from this browser', 'deleted-elsewhere': 'was deleted in another tab or window', missing: 'is no longer stored in this browser' }[reason];
  return `${name} ${what}, so the built-in demo Demo-R is shown instead.`;
}

function readChoice(): DatasetChoice | null {
  try {
    const value = JSON.parse(localStorage.getItem(CHOICE_STORAGE_KEY) ?? 'null') as DatasetChoice | null;
    return value?.kind === 'stored' && typeof value.id === 'string' ? value : null;
  } catch {
    return null;
  }
}

function writeChoice(choice: DatasetChoice): void {
  try {
    if (choice.kind === 'demo') localStorage.removeItem(CHOICE_STORAGE_KEY);
    else localStorage.setItem(CHOICE_STORAGE_KEY, JSON.stringify(choice));
  } catch {
    // Storage blocked: the choice holds for this visit only.
  }
}

function readOpening(): string | null {
  try {
    return localStorage.getItem(OPENING_STORAGE_KEY);
  } catch {
    return null;
  }
}

function writeOpening(id: string | null): void {
  try {
    if (id === null) localStorage.removeItem(OPENING_STORAGE_KEY);
    else localStorage.setItem(OPENING_STORAGE_KEY, id);
  } catch {
    // Storage blocked: then the choice is not kept either, so nothing is reopened at start-up.
  }
}

export const [getDatasetStore, setDatasetStore] = createContext<DatasetStore>();
